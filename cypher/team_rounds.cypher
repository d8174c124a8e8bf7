// title: team_rounds
// description: The rounds a team worked in (Team -IN_ROUND-> Round).
// params: $uid (Label:key of the team)
MATCH (t:Team {uid: $uid})-[:IN_ROUND]->(r:Round)
RETURN DISTINCT r.uid AS uid, r.name AS name, r.issuer AS issuer, r.ordinal AS ordinal, r.theme AS theme,
       r.lookback AS lookback
ORDER BY name
