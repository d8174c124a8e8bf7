// title: similar_edges
// description: Every near-duplicate link between two issue statements, with its score: the problem
//   clusters are the connected groups of these links (graph/analysis/subgraph.py).
// params: none
MATCH (a:Issue)-[s:SIMILAR_TO]->(b:Issue)
RETURN a.id AS a, b.id AS b, s.score AS score
