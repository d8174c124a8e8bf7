// title: analysis_teams
// description: Every team with its round (if the text names one) and, per target it inspected, the earliest
//   date it started there: the rounds and dates of the statements of analysis_issues.
// params: none
MATCH (team:Team)
OPTIONAL MATCH (team)-[:IN_ROUND]->(r:Round)
OPTIONAL MATCH (team)-[ins:INSPECTED]->(t:Entity)
RETURN team.uid AS team, team.name AS name, r.uid AS round, r.name AS round_name, t.uid AS target,
       min(ins.start) AS start
