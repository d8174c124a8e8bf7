// title: team_members
// description: The people who hold a post in a team (Person -HOLDS-> Team), with the title and document.
// params: $uid (Label:key of the team)
MATCH (p:Person)-[h:HOLDS]->(t:Team {uid: $uid})
RETURN DISTINCT p.uid AS uid, p.name AS name, h.title AS title, h.doc AS document
ORDER BY name, uid
