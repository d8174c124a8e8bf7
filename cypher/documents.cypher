// title: documents
// description: The stored documents, newest first, a page at a time.
// params: $offset, $limit
MATCH (d:Document)
RETURN d.id AS id, d.name AS name, d.title AS title, d.published AS published, d.kind AS kind,
       d.extractor AS extractor, d.source AS source
ORDER BY d.ingested_at DESC, d.id
SKIP $offset LIMIT $limit
