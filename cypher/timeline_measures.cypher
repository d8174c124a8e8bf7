// title: timeline_measures
// description: The measures of the given targets: those TAKEN_BY them, and those that ADDRESS an issue that
//   CONCERNS them; with status, how they were reached (via), the issue addressed, the document (title,
//   published) and the measure's mention spans in it.
// params: $uids (list of Label:key of the targets)
UNWIND $uids AS u
MATCH (ms:Measure)-[:TAKEN_BY]->(x:Entity {uid: u})
OPTIONAL MATCH (ms)-[m:MENTIONED_IN]->(d:Document)
RETURN x.uid AS target_uid, x.name AS target, ms.uid AS uid, ms.text AS text, ms.status AS status,
       'TAKEN_BY' AS via, null AS issue, coalesce(d.id, ms.document) AS document, d.title AS title,
       d.published AS published, collect(DISTINCT [m.start, m.end]) AS spans
UNION
UNWIND $uids AS u
MATCH (ms:Measure)-[:ADDRESSES]->(i:Issue)-[:CONCERNS]->(x:Entity {uid: u})
OPTIONAL MATCH (ms)-[m:MENTIONED_IN]->(d:Document)
RETURN x.uid AS target_uid, x.name AS target, ms.uid AS uid, ms.text AS text, ms.status AS status,
       'ADDRESSES' AS via, i.uid AS issue, coalesce(d.id, ms.document) AS document, d.title AS title,
       d.published AS published, collect(DISTINCT [m.start, m.end]) AS spans
