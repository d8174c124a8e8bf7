// title: neighbors_step
// description: One step of a neighbourhood walk: the relationships between the given entities and other
//   entities, provenance (MENTIONED_IN) and documents left out.
// params: $uids (list of Label:key)
UNWIND $uids AS u
MATCH (n:Entity {uid: u})-[r]-(m:Entity)
RETURN DISTINCT n.uid AS from, type(r) AS type, startNode(r) = n AS outgoing, labels(m) AS labels,
       m.uid AS uid, coalesce(m.name, m.text, m.code) AS name
