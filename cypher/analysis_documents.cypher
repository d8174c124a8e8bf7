// title: analysis_documents
// description: Every document's date: the date of a statement whose team has no inspection date.
// params: none
MATCH (d:Document)
RETURN d.id AS id, d.published AS published
