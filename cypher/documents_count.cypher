// title: documents_count
// description: How many documents are stored (the total behind the paged document list).
// params: none
MATCH (d:Document)
RETURN count(d) AS total
