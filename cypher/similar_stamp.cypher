// title: similar_stamp
// description: When the near-duplicate links last changed and how many documents still wait to be linked;
//   with the graph's fingerprint, the key of cached analyses.
// params: none
MATCH (d:Document)
RETURN max(d.similar_at) AS linked_at, sum(CASE WHEN d.similar_at IS NULL THEN 1 ELSE 0 END) AS pending
