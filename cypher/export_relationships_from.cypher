// title: export_relationships_from
// description: A page of relationships for export, by start node: those whose start node's internal id
//   lies in ($after, $upto], each with its type, the ids of its ends (uid, or 'Document:' + id) and its
//   properties, in order of start node and relationship id. FalkorDB seeks the id range, so a page costs
//   what it returns; paging on id(r) would scan every relationship for every page.
// params: $after (exclusive lower bound of the start nodes' internal ids), $upto (inclusive upper bound)
MATCH (a) WHERE id(a) > $after AND id(a) <= $upto
MATCH (a)-[r]->(b)
RETURN id(a) AS nid, id(r) AS rid, type(r) AS type, coalesce(a.uid, 'Document:' + a.id) AS start,
       coalesce(b.uid, 'Document:' + b.id) AS end, properties(r) AS props
ORDER BY nid, rid
