// title: paths
// description: The shortest connections between two entities over the facts of the graph (provenance edges
//   and documents left out), at most six hops, kept when no longer than $max_hops. Each path as its nodes
//   (uid, labels, display name) and its relationships (type, start uid, end uid).
// params: $from (Label:key), $to (Label:key), $max_hops (1..6)
MATCH (a:Entity {uid: $from})
MATCH (b:Entity {uid: $to})
WITH a, b
MATCH p = allShortestPaths((a)-[:INSPECTED|IN_ROUND|HOLDS|FOUND_BY|CONCERNS|IN_CATEGORY|RAISED_BEFORE_BY|ADDRESSES|TAKEN_BY|PART_OF*..6]-(b))
WITH p
WHERE length(p) <= $max_hops
RETURN [n IN nodes(p) | {uid: n.uid, labels: labels(n), name: coalesce(n.name, n.text, n.code)}] AS nodes,
       [r IN relationships(p) | {type: type(r), source: startNode(r).uid, target: endNode(r).uid}] AS edges
