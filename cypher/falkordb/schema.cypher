// title: schema
// description: An index on every key of the graph schema, on FalkorDB. One statement per line.
CREATE INDEX FOR (n:Entity) ON (n.uid)
CREATE INDEX FOR (n:Document) ON (n.id)
CREATE INDEX FOR (n:Document) ON (n.source)
CREATE INDEX FOR (n:Team) ON (n.key)
CREATE INDEX FOR (n:Round) ON (n.key)
CREATE INDEX FOR (n:Region) ON (n.code)
CREATE INDEX FOR (n:Locality) ON (n.key)
CREATE INDEX FOR (n:Organization) ON (n.key)
CREATE INDEX FOR (n:Person) ON (n.key)
CREATE INDEX FOR (n:Issue) ON (n.id)
CREATE INDEX FOR (n:Measure) ON (n.id)
CREATE INDEX FOR (n:Category) ON (n.code)
