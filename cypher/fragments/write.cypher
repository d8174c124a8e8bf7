// title: write
// description: Fragment, included by write_document and write_new_document: creates the Document, merges
//   the nodes on their keys, and creates the relationships and MENTIONED_IN provenance edges, each carrying
//   the document id in `doc`.
// params: $doc, $document, one row list per label and per relationship type, $mentions
CREATE (d:Document {id: $doc})
SET d += $document
WITH count(*) AS _
UNWIND $Team AS row MERGE (n:Team:Entity {key: row.key}) SET n.uid = row.uid, n += row.props
WITH count(*) AS _
UNWIND $Round AS row MERGE (n:Round:Entity {key: row.key}) SET n.uid = row.uid, n += row.props
WITH count(*) AS _
UNWIND $Region AS row MERGE (n:Region:Entity {code: row.key}) SET n.uid = row.uid, n += row.props
WITH count(*) AS _
UNWIND $Locality AS row MERGE (n:Locality:Entity {key: row.key}) SET n.uid = row.uid, n += row.props
WITH count(*) AS _
UNWIND $Organization AS row MERGE (n:Organization:Entity {key: row.key}) SET n.uid = row.uid, n += row.props
WITH count(*) AS _
UNWIND $Person AS row MERGE (n:Person:Entity {key: row.key}) SET n.uid = row.uid, n += row.props
WITH count(*) AS _
UNWIND $Issue AS row MERGE (n:Issue:Entity {id: row.key}) SET n.uid = row.uid, n += row.props
WITH count(*) AS _
UNWIND $Measure AS row MERGE (n:Measure:Entity {id: row.key}) SET n.uid = row.uid, n += row.props
WITH count(*) AS _
UNWIND $Category AS row MERGE (n:Category:Entity {code: row.key}) SET n.uid = row.uid, n += row.props
WITH count(*) AS _
UNWIND $mentions AS m MATCH (n:Entity {uid: m.uid}) MATCH (d:Document {id: $doc})
CREATE (n)-[:MENTIONED_IN {doc: $doc, start: m.start, end: m.end}]->(d)
WITH count(*) AS _
UNWIND $INSPECTED AS r MATCH (a:Entity {uid: r.from}) MATCH (b:Entity {uid: r.to})
CREATE (a)-[e:INSPECTED]->(b) SET e += r.props, e.doc = $doc
WITH count(*) AS _
UNWIND $IN_ROUND AS r MATCH (a:Entity {uid: r.from}) MATCH (b:Entity {uid: r.to})
CREATE (a)-[e:IN_ROUND]->(b) SET e += r.props, e.doc = $doc
WITH count(*) AS _
UNWIND $HOLDS AS r MATCH (a:Entity {uid: r.from}) MATCH (b:Entity {uid: r.to})
CREATE (a)-[e:HOLDS]->(b) SET e += r.props, e.doc = $doc
WITH count(*) AS _
UNWIND $FOUND_BY AS r MATCH (a:Entity {uid: r.from}) MATCH (b:Entity {uid: r.to})
CREATE (a)-[e:FOUND_BY]->(b) SET e += r.props, e.doc = $doc
WITH count(*) AS _
UNWIND $CONCERNS AS r MATCH (a:Entity {uid: r.from}) MATCH (b:Entity {uid: r.to})
CREATE (a)-[e:CONCERNS]->(b) SET e += r.props, e.doc = $doc
WITH count(*) AS _
UNWIND $IN_CATEGORY AS r MATCH (a:Entity {uid: r.from}) MATCH (b:Entity {uid: r.to})
CREATE (a)-[e:IN_CATEGORY]->(b) SET e += r.props, e.doc = $doc
WITH count(*) AS _
UNWIND $RAISED_BEFORE_BY AS r MATCH (a:Entity {uid: r.from}) MATCH (b:Entity {uid: r.to})
CREATE (a)-[e:RAISED_BEFORE_BY]->(b) SET e += r.props, e.doc = $doc
WITH count(*) AS _
UNWIND $ADDRESSES AS r MATCH (a:Entity {uid: r.from}) MATCH (b:Entity {uid: r.to})
CREATE (a)-[e:ADDRESSES]->(b) SET e += r.props, e.doc = $doc
WITH count(*) AS _
UNWIND $TAKEN_BY AS r MATCH (a:Entity {uid: r.from}) MATCH (b:Entity {uid: r.to})
CREATE (a)-[e:TAKEN_BY]->(b) SET e += r.props, e.doc = $doc
WITH count(*) AS _
UNWIND $PART_OF AS r MATCH (a:Entity {uid: r.from}) MATCH (b:Entity {uid: r.to})
CREATE (a)-[e:PART_OF]->(b) SET e += r.props, e.doc = $doc
WITH count(*) AS _
RETURN $doc AS id
