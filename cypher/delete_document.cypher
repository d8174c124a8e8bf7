// title: delete_document
// description: Remove one document and every fact that only it supported, in one statement.
// params: $replace (list with the document id)
// include: fragments/forget
RETURN 1 AS done
