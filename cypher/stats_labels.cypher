// title: stats_labels
// description: How many nodes carry each label (the technical Entity label left out).
// params: none
MATCH (n)
UNWIND labels(n) AS label
WITH label WHERE label <> 'Entity'
RETURN label, count(*) AS count
ORDER BY label
