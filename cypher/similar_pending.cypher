// title: similar_pending
// description: The documents whose issues have not been compared with the rest of the graph yet (no
//   similar_at stamp): newly ingested or re-extracted ones. graph/similarity.py links their issues.
// params: none
MATCH (d:Document)
WHERE d.similar_at IS NULL
RETURN d.id AS id
ORDER BY id
