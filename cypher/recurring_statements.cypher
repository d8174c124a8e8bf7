// title: recurring_statements
// description: Every issue statement with what recurrence needs: its target, the document and spans that
//   state it (with the supporting text), the teams that found it with their rounds and the dates they
//   inspected the target, and the earlier teams the document says had already raised it (with the order
//   the text names them in). The grouping
//   into recurring problems (stated, similar text, same category) is done by graph/recurrence.py.
// params: $target (a target's name, uid or code; null for all), $category (a category code; null for all)
MATCH (i:Issue)-[:CONCERNS]->(t:Entity)
WHERE ($target IS NULL OR t.name = $target OR t.uid = $target OR t.code = $target)
  AND ($category IS NULL OR i.category = $category)
OPTIONAL MATCH (i)-[m:MENTIONED_IN]->(d:Document)
WITH i, t, d, collect([m.start, m.end, substring(d.original, m.start, m.end - m.start)]) AS spans
OPTIONAL MATCH (i)-[:FOUND_BY]->(team:Team)
OPTIONAL MATCH (team)-[:IN_ROUND]->(r:Round)
OPTIONAL MATCH (team)-[ins:INSPECTED]->(t)
WITH i, t, d, spans, collect([team.uid, team.name, r.uid, r.name, ins.start]) AS found
OPTIONAL MATCH (i)-[rb:RAISED_BEFORE_BY]->(e:Team)
OPTIONAL MATCH (e)-[:IN_ROUND]->(er:Round)
RETURN i.id AS issue, i.text AS text, i.category AS category, t.uid AS target_uid, t.name AS target,
       d.id AS document, d.name AS document_name, d.published AS published, spans, found,
       collect([e.uid, e.name, er.uid, er.name, rb.order]) AS earlier
ORDER BY target_uid, issue
