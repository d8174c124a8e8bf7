// title: export_region_documents
// description: For a filtered export: the region with this code (its name) and the ids of the documents
//   that mention it or any region or locality lying in it (PART_OF, any depth). No row when no Region
//   has the code; a row with an empty list when the region is known but no document mentions it.
// params: $code (administrative code of the region)
MATCH (r:Region {code: $code})
OPTIONAL MATCH (s:Entity)-[:PART_OF*0..]->(r)
OPTIONAL MATCH (s)-[:MENTIONED_IN]->(d:Document)
RETURN r.name AS name, collect(DISTINCT d.id) AS documents
