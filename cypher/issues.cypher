// title: issues
// description: Issues, filtered by category code, by target (the name, key, code or uid of the node the issue
//   CONCERNS) and by round (the name or key of a Round a team that found the issue worked in: FOUND_BY then
//   IN_ROUND); a null filter matches everything. A page at a time, with the total count.
// params: $category, $target, $round (each a string or null), $offset, $limit
MATCH (i:Issue)
WHERE $category IS NULL OR i.category = $category
OPTIONAL MATCH (i)-[:CONCERNS]->(x:Entity)
WITH i, x
WHERE $target IS NULL OR x.name = $target OR x.key = $target OR x.code = $target OR x.uid = $target
OPTIONAL MATCH (i)-[:FOUND_BY]->(:Team)-[:IN_ROUND]->(r:Round)
WITH i, x, r
WHERE $round IS NULL OR r.name = $round OR r.key = $round
WITH DISTINCT i, x
ORDER BY i.document, size(i.id), i.id
WITH collect({uid: i.uid, text: i.text, category: i.category, target: x.name, target_uid: x.uid,
              document: i.document}) AS found
RETURN size(found) AS count, found[$offset..$offset + $limit] AS page
