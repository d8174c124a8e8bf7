// title: entity_relationships
// description: Every relationship of one entity, both directions, provenance (MENTIONED_IN) included: its
//   type, whether it goes out of the entity, the other node (labels, uid or document id, display name) and
//   the relationship's properties.
// params: $uid (Label:key)
MATCH (n:Entity {uid: $uid})-[r]-(m)
RETURN type(r) AS type, startNode(r) = n AS outgoing, labels(m) AS labels,
       coalesce(m.uid, 'Document:' + m.id) AS uid, coalesce(m.title, m.name, m.text, m.code, m.id) AS name,
       properties(r) AS props
ORDER BY type, uid
