// title: schema
// description: The schema on Neo4j 5: a uniqueness constraint on every key of the graph schema (it also
//   backs MERGE with an index), the indexes the named queries filter on, and a full-text index over the
//   names and statements. Idempotent (IF NOT EXISTS). One statement per line.
CREATE CONSTRAINT entity_uid IF NOT EXISTS FOR (n:Entity) REQUIRE n.uid IS UNIQUE
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE
CREATE CONSTRAINT team_key IF NOT EXISTS FOR (n:Team) REQUIRE n.key IS UNIQUE
CREATE CONSTRAINT round_key IF NOT EXISTS FOR (n:Round) REQUIRE n.key IS UNIQUE
CREATE CONSTRAINT region_code IF NOT EXISTS FOR (n:Region) REQUIRE n.code IS UNIQUE
CREATE CONSTRAINT locality_key IF NOT EXISTS FOR (n:Locality) REQUIRE n.key IS UNIQUE
CREATE CONSTRAINT organization_key IF NOT EXISTS FOR (n:Organization) REQUIRE n.key IS UNIQUE
CREATE CONSTRAINT person_key IF NOT EXISTS FOR (n:Person) REQUIRE n.key IS UNIQUE
CREATE CONSTRAINT issue_id IF NOT EXISTS FOR (n:Issue) REQUIRE n.id IS UNIQUE
CREATE CONSTRAINT measure_id IF NOT EXISTS FOR (n:Measure) REQUIRE n.id IS UNIQUE
CREATE CONSTRAINT category_code IF NOT EXISTS FOR (n:Category) REQUIRE n.code IS UNIQUE
CREATE INDEX document_source IF NOT EXISTS FOR (n:Document) ON (n.source)
CREATE INDEX document_ingested_at IF NOT EXISTS FOR (n:Document) ON (n.ingested_at)
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)
CREATE INDEX issue_category IF NOT EXISTS FOR (n:Issue) ON (n.category)
CREATE FULLTEXT INDEX entity_text IF NOT EXISTS FOR (n:Team|Round|Region|Locality|Organization|Person|Issue|Measure) ON EACH [n.name, n.text] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}
