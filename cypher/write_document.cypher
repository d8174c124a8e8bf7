// title: write_document
// description: Write one extraction record as ONE statement (one transaction). First the facts of the
//   documents in $replace (earlier versions of this document, and this document itself) are removed:
//   their relationships, their provenance edges, the nodes nothing else supports, and the Document
//   nodes. Then the Document is created, nodes are merged on their keys, and relationships and
//   MENTIONED_IN provenance edges are created, each carrying the document id in `doc`.
// params: $replace (list of document ids), $doc (document id), $document (Document properties),
//   one row list per label ($Team ... $Category: {uid, key, props}), $mentions ({uid, start, end}),
//   one row list per relationship type ($INSPECTED ... $PART_OF: {from, to, props}).
// include: fragments/forget
// include: fragments/write
