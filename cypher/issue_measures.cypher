// title: issue_measures
// description: The measures that address one issue (Measure -ADDRESSES-> Issue), a page at a time, with the
//   total count; each with status, actor and document.
// params: $uid (Label:key of the issue), $offset, $limit
MATCH (m:Measure)-[:ADDRESSES]->(i:Issue {uid: $uid})
WITH DISTINCT m
ORDER BY m.document, size(m.id), m.id
WITH collect({uid: m.uid, text: m.text, status: m.status, actor: m.actor, document: m.document}) AS found
RETURN size(found) AS count, found[$offset..$offset + $limit] AS page
