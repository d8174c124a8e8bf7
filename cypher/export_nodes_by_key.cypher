// title: export_nodes_by_key
// description: The nodes a filtered export keeps: entities by uid and documents by id (both indexed),
//   with their internal id, labels and properties, in internal id order within each part.
// params: $uids (entity uids), $docs (document ids)
MATCH (n:Entity) WHERE n.uid IN $uids
RETURN id(n) AS nid, labels(n) AS labels, properties(n) AS props
ORDER BY nid
UNION ALL
MATCH (n:Document) WHERE n.id IN $docs
RETURN id(n) AS nid, labels(n) AS labels, properties(n) AS props
ORDER BY nid
