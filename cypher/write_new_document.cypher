// title: write_new_document
// description: write_document for a document the graph holds no version of: the same writes, without
//   first forgetting anything (the forget step plans as a scan of every entity, which a new document
//   does not need).
// params: $doc (document id), $document (Document properties), one row list per label ($Team ... $Category:
//   {uid, key, props}), $mentions ({uid, start, end}), one row list per relationship type ($INSPECTED ...
//   $PART_OF: {from, to, props}).
// include: fragments/write
