// title: team_targets
// description: What a team inspected (Team -INSPECTED-> Region|Organization), with the dates, the round as
//   written and the document.
// params: $uid (Label:key of the team)
MATCH (t:Team {uid: $uid})-[e:INSPECTED]->(x:Entity)
RETURN x.uid AS uid, labels(x) AS labels, x.name AS name, e.start AS start, e.end AS end, e.round AS round,
       e.doc AS document
ORDER BY start, name
