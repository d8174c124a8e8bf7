// title: similar_reset
// description: Forget every near-duplicate link and every document's linked stamp, so that the next
//   linking pass compares all issues again (`xunshi analyze link --all`).
// params: none
OPTIONAL MATCH ()-[s:SIMILAR_TO]->()
DELETE s
WITH count(*) AS _
MATCH (d:Document)
REMOVE d.similar_at
RETURN count(d) AS documents
