// title: analysis_issues
// description: The target-problem graph that the analyses of graph/analysis/ are computed over: every
//   issue statement with its category, the target it concerns (a region or a body, with its label), the
//   document that states it (and its date), the teams that found it with their rounds and the
//   dates they inspected the target, and the earlier teams (and rounds) the document says raised it.
// params: $category (a category code; null for all)
MATCH (i:Issue)-[:CONCERNS]->(t:Entity)
WHERE $category IS NULL OR i.category = $category
OPTIONAL MATCH (i)-[:FOUND_BY]->(team:Team)
OPTIONAL MATCH (team)-[:IN_ROUND]->(r:Round)
OPTIONAL MATCH (team)-[ins:INSPECTED]->(t)
WITH i, t, collect([team.uid, team.name, r.uid, r.name, ins.start]) AS found
OPTIONAL MATCH (i)-[:RAISED_BEFORE_BY]->(e:Team)
OPTIONAL MATCH (e)-[:IN_ROUND]->(er:Round)
WITH i, t, found, collect([coalesce(er.uid, e.uid), coalesce(er.name, e.name)]) AS earlier
OPTIONAL MATCH (d:Document {id: i.document})
RETURN i.id AS issue, i.text AS text, i.category AS category, t.uid AS target_uid, t.name AS target,
       labels(t) AS target_labels, i.document AS document, d.published AS published, found, earlier
ORDER BY issue, target_uid
