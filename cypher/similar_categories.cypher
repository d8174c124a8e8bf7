// title: similar_categories
// description: The categories of the issues some documents state: the blocks a linking pass must compare.
// params: $docs (document ids)
MATCH (i:Issue)
WHERE i.document IN $docs
RETURN DISTINCT i.category AS category
