// title: export_relationships_of
// description: The relationships a filtered export may keep, for a chunk of the kept nodes (entities by
//   uid, documents by id): those from the entities to nodes other than documents, those into the
//   documents, and those from the documents to other nodes; each with its type, the ids of its ends (uid,
//   or 'Document:' + id) and its properties, in relationship id order within each part. Relationships
//   into documents are found from the document, so an entity's mentions in documents not kept are never
//   read. The caller drops those whose other end is not kept.
// params: $uids (entity uids), $docs (document ids)
MATCH (a:Entity) WHERE a.uid IN $uids
MATCH (a)-[r]->(b) WHERE NOT b:Document
RETURN id(r) AS rid, type(r) AS type, a.uid AS start, coalesce(b.uid, 'Document:' + b.id) AS end,
       properties(r) AS props
ORDER BY rid
UNION ALL
MATCH (b:Document) WHERE b.id IN $docs
MATCH (a)-[r]->(b)
RETURN id(r) AS rid, type(r) AS type, coalesce(a.uid, 'Document:' + a.id) AS start, 'Document:' + b.id AS end,
       properties(r) AS props
ORDER BY rid
UNION ALL
MATCH (a:Document) WHERE a.id IN $docs
MATCH (a)-[r]->(b) WHERE NOT b:Document
RETURN id(r) AS rid, type(r) AS type, 'Document:' + a.id AS start, coalesce(b.uid, 'Document:' + b.id) AS end,
       properties(r) AS props
ORDER BY rid
