// title: person_bodies
// description: The bodies a person holds a post in (Person -HOLDS-> Team|Organization|Region), with the title
//   and the document that says so.
// params: $uid (Label:key of the person)
MATCH (p:Person {uid: $uid})-[h:HOLDS]->(b:Entity)
RETURN DISTINCT b.uid AS uid, labels(b) AS labels, b.name AS name, h.title AS title, h.doc AS document
ORDER BY name
