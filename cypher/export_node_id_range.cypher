// title: export_node_id_range
// description: The lowest and highest internal node id, the range an export pages through by start node.
// params: none
MATCH (n)
RETURN min(id(n)) AS first, max(id(n)) AS last
