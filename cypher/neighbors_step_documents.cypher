// title: neighbors_step_documents
// description: One step of a neighbourhood walk that keeps documents: every relationship of the given
//   entities and documents, MENTIONED_IN included. A document's node id is 'Document:' + its id.
// params: $uids (list of Label:key), $docs (list of document ids)
UNWIND $uids AS u
MATCH (n:Entity {uid: u})-[r]-(m)
RETURN DISTINCT n.uid AS from, type(r) AS type, startNode(r) = n AS outgoing, labels(m) AS labels,
       coalesce(m.uid, 'Document:' + m.id) AS uid, coalesce(m.title, m.name, m.text, m.code, m.id) AS name
UNION
UNWIND $docs AS d
MATCH (n:Document {id: d})-[r]-(m:Entity)
RETURN DISTINCT 'Document:' + n.id AS from, type(r) AS type, startNode(r) = n AS outgoing,
       labels(m) AS labels, m.uid AS uid, coalesce(m.name, m.text, m.code) AS name
