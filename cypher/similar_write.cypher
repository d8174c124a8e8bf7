// title: similar_write
// description: Write the near-duplicate links found for a batch of documents, and stamp the documents as
//   linked, in one transaction: (Issue)-[:SIMILAR_TO {score, scope, doc}]->(Issue), from the issue of the
//   document being linked to the one it resembles. `doc` is that document, so forgetting it forgets
//   the links too.
// params: $pairs (list of {a, b, score, scope, doc}), $docs (document ids), $now (a timestamp)
UNWIND $pairs AS p
MATCH (a:Issue {id: p.a})
MATCH (b:Issue {id: p.b})
MERGE (a)-[s:SIMILAR_TO]->(b)
SET s.score = p.score, s.scope = p.scope, s.doc = p.doc
WITH count(*) AS _
UNWIND $docs AS id
MATCH (d:Document {id: id})
SET d.similar_at = $now
RETURN count(d) AS linked
