// title: timeline_issues
// description: The issues that concern the given targets (CONCERNS), with category, the teams that found
//   them, the document (title, published) and the issue's mention spans in it.
// params: $uids (list of Label:key of the targets)
UNWIND $uids AS u
MATCH (i:Issue)-[:CONCERNS]->(x:Entity {uid: u})
OPTIONAL MATCH (i)-[m:MENTIONED_IN]->(d:Document)
OPTIONAL MATCH (i)-[:FOUND_BY]->(t:Team)
RETURN x.uid AS target_uid, x.name AS target, i.uid AS uid, i.text AS text, i.category AS category,
       collect(DISTINCT t.name) AS teams, coalesce(d.id, i.document) AS document, d.title AS title,
       d.published AS published, collect(DISTINCT [m.start, m.end]) AS spans
