// title: document_exists
// description: Whether a document with this id is stored (1) or not (0).
// params: $id (document id)
MATCH (d:Document {id: $id})
RETURN count(d) AS n
