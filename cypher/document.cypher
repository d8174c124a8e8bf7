// title: document
// description: One stored document: its metadata, normalised text, original text and extraction record
//   (JSON, as written by the extractor version named in `extractor`).
// params: $id (document id)
MATCH (d:Document {id: $id})
RETURN d.id AS id, d.name AS name, d.title AS title, d.published AS published, d.kind AS kind,
       d.extractor AS extractor, d.source AS source, d.format AS format, d.encoding AS encoding,
       d.ingested_at AS ingested_at, d.text AS text, d.original AS original, d.record AS record
