// title: entity_documents
// description: The documents that mention an entity (MENTIONED_IN), each with title, published date and the
//   spans (start, end offsets into the document's original text).
// params: $uid (Label:key of the entity)
MATCH (n:Entity {uid: $uid})-[m:MENTIONED_IN]->(d:Document)
WITH d, m
ORDER BY m.start
RETURN d.id AS id, d.title AS title, d.name AS name, d.published AS published,
       collect([m.start, m.end]) AS spans
ORDER BY published, id
