// title: export_nodes
// description: A page of every node for export: its internal id (for the next page), labels and properties,
//   in id order. Documents are identified by 'Document:' + id, entities by their uid.
// params: $after (the last internal id of the previous page; -1 to start), $limit
MATCH (n)
WHERE id(n) > $after
RETURN id(n) AS nid, labels(n) AS labels, properties(n) AS props
ORDER BY nid
LIMIT $limit
