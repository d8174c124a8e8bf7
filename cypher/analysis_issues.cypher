// title: analysis_issues
// description: The statements of the target-problem graph that the analyses of graph/analysis/ are computed
//   over: every issue statement with its category, the target it concerns (a region or a body, with its
//   labels), the document that states it, the teams that found it, and the earlier teams (and rounds) the
//   document says raised it. The teams' rounds and inspection dates come from analysis_teams, the
//   documents' dates from analysis_documents (joined in Python: one pass each instead of one per statement).
// params: $category (a category code; null for all)
MATCH (i:Issue)-[:CONCERNS]->(t:Entity)
WHERE $category IS NULL OR i.category = $category
OPTIONAL MATCH (i)-[:FOUND_BY]->(team:Team)
WITH i, t, collect(team.uid) AS teams
OPTIONAL MATCH (i)-[:RAISED_BEFORE_BY]->(e:Team)
OPTIONAL MATCH (e)-[:IN_ROUND]->(er:Round)
WITH i, t, teams, collect([coalesce(er.uid, e.uid), coalesce(er.name, e.name)]) AS earlier
RETURN i.id AS issue, i.text AS text, i.category AS category, t.uid AS target_uid, t.name AS target,
       labels(t) AS target_labels, i.document AS document, teams, earlier
ORDER BY issue, target_uid
