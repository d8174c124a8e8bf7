// title: graph_fingerprint
// description: A cheap fingerprint of the graph's contents: how many documents there are and when the latest
//   was ingested. Caches built from the graph (the search index) are rebuilt when it changes.
// params: none
MATCH (d:Document)
RETURN count(d) AS documents, max(d.ingested_at) AS latest
