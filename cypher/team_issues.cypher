// title: team_issues
// description: The issues a team found (Issue -FOUND_BY-> Team), a page at a time, with the total count;
//   each with its category, target and document.
// params: $uid (Label:key of the team), $offset, $limit
MATCH (i:Issue)-[:FOUND_BY]->(t:Team {uid: $uid})
WITH DISTINCT i
ORDER BY i.document, size(i.id), i.id
WITH collect({uid: i.uid, text: i.text, category: i.category, target: i.target, document: i.document}) AS found
RETURN size(found) AS count, found[$offset..$offset + $limit] AS page
