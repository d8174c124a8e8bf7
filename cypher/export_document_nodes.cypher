// title: export_document_nodes
// description: For a filtered export: the ids (uid, or 'Document:' + id) of every node with a
//   MENTIONED_IN edge to one of these documents, and of the categories of the issues among them.
// params: $docs (list of document ids)
MATCH (d:Document) WHERE d.id IN $docs
MATCH (n)-[:MENTIONED_IN]->(d)
RETURN DISTINCT coalesce(n.uid, 'Document:' + n.id) AS uid
UNION
MATCH (d:Document) WHERE d.id IN $docs
MATCH (i:Issue)-[:MENTIONED_IN]->(d)
MATCH (i)-[:IN_CATEGORY]->(c:Category)
RETURN DISTINCT c.uid AS uid
