// title: document_versions
// description: The stored documents with this content hash or from this source, and the extractor
//   version that wrote them; the writer uses it to tell unchanged, changed and new documents apart.
// params: $id (content hash), $source (where the document came from)
MATCH (d:Document)
WHERE d.id = $id OR d.source = $source
RETURN d.id AS id, d.source AS source, d.extractor AS extractor
