// title: graph_version
// description: A cheap fingerprint of what the graph holds: the number of documents and the latest ingest
//   time. Any ingest, replacement or deletion changes it, so answers computed from the graph can be cached
//   until it changes.
// params: none
MATCH (d:Document)
RETURN count(d) AS documents, max(d.ingested_at) AS latest
