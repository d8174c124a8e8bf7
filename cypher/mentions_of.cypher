// title: mentions_of
// description: Where an entity is mentioned: document and offsets into the document's original text.
// params: $uid (Label:key of the entity)
MATCH (n:Entity {uid: $uid})-[m:MENTIONED_IN]->(d:Document)
RETURN d.id AS document, d.name AS name, m.start AS start, m.end AS end,
       substring(d.original, m.start, m.end - m.start) AS text
ORDER BY d.name, m.start
