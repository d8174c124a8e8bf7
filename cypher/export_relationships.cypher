// title: export_relationships
// description: A page of every relationship for export: its internal id (for the next page), type, the ids
//   of its start and end node (uid, or 'Document:' + id) and its properties, in id order.
// params: $after (the last internal id of the previous page; -1 to start), $limit
MATCH (a)-[r]->(b)
WHERE id(r) > $after
RETURN id(r) AS rid, type(r) AS type, coalesce(a.uid, 'Document:' + a.id) AS start,
       coalesce(b.uid, 'Document:' + b.id) AS end, properties(r) AS props
ORDER BY rid
LIMIT $limit
