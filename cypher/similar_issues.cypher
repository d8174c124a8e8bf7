// title: similar_issues
// description: The issues of some categories, with the document that states each and the targets it
//   concerns: the blocks that near-duplicate problem statements are looked for in (graph/similarity.py).
// params: $categories (list of category codes)
MATCH (i:Issue)
WHERE i.category IN $categories
OPTIONAL MATCH (i)-[:CONCERNS]->(t:Entity)
RETURN i.id AS issue, i.text AS text, i.category AS category, i.document AS document,
       collect(t.uid) AS targets
ORDER BY issue
