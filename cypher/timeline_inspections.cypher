// title: timeline_inspections
// description: The inspections of the given targets: each INSPECTED edge into them with the team, the dates,
//   the round (as written and the Round node of the same document), the document (title, published) and
//   the team's mention spans in that document.
// params: $uids (list of Label:key of the targets)
UNWIND $uids AS u
MATCH (t:Team)-[e:INSPECTED]->(x:Entity {uid: u})
OPTIONAL MATCH (d:Document {id: e.doc})
OPTIONAL MATCH (t)-[ir:IN_ROUND]->(rd:Round)
WHERE ir.doc = e.doc
OPTIONAL MATCH (t)-[m:MENTIONED_IN]->(d)
RETURN x.uid AS target_uid, x.name AS target, t.uid AS team_uid, t.name AS team, e.start AS start, e.end AS end,
       e.round AS round, rd.uid AS round_uid, e.doc AS document, d.title AS title, d.published AS published,
       collect(DISTINCT [m.start, m.end]) AS spans
