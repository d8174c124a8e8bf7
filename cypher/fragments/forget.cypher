// title: forget
// description: Fragment, included by write_document and delete_document: removes the documents whose ids
//   are in $replace and every fact only they supported. The touched nodes are those the documents
//   mention, their neighbours over the documents' own relationships, and the regions above those; the
//   documents' relationships and provenance edges among them are deleted (with the near-duplicate
//   links of their issues, whichever document made them), then every touched node left
//   with no relationship at all, then the Document nodes. Ends with one row.
// params: $replace (list of document ids)
OPTIONAL MATCH (old:Document) WHERE old.id IN $replace
OPTIONAL MATCH (old)<-[:MENTIONED_IN]-(n:Entity)
WITH collect(DISTINCT old) AS olds, collect(DISTINCT n) AS mentioned
UNWIND (CASE WHEN size(mentioned) = 0 THEN [null] ELSE mentioned END) AS n
OPTIONAL MATCH (n)-[r]-(y:Entity) WHERE r.doc IN $replace
OPTIONAL MATCH (y)-[:PART_OF*0..3]->(up:Entity)
WITH olds, mentioned, collect(DISTINCT up) AS near
WITH olds, mentioned + [x IN near WHERE NOT x IN mentioned] AS touched
OPTIONAL MATCH (x:Entity)-[r]-() WHERE x IN touched
  AND (r.doc IN $replace OR (type(r) = 'SIMILAR_TO' AND x.document IN $replace))
WITH olds, touched, collect(DISTINCT r) AS rels
FOREACH (r IN rels | DELETE r)
WITH olds, touched
UNWIND (CASE WHEN size(touched) = 0 THEN [null] ELSE touched END) AS n
OPTIONAL MATCH (n)-[k]-()
WITH olds, n, count(k) AS degree
FOREACH (x IN CASE WHEN n IS NOT NULL AND degree = 0 THEN [n] ELSE [] END | DELETE x)
WITH olds, count(*) AS _
FOREACH (x IN olds | DETACH DELETE x)
WITH count(*) AS _
