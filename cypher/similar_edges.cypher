// title: similar_edges
// description: The near-duplicate links between issue statements, one row per issue that has any: the
//   problem clusters are the connected groups of these links (graph/analysis/subgraph.py). One row per
//   issue, not per link, since reading rows is what costs on a large graph.
// params: none
MATCH (a:Issue)-[:SIMILAR_TO]->(b:Issue)
RETURN a.id AS a, collect(b.id) AS similar
