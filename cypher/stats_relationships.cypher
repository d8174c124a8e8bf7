// title: stats_relationships
// description: How many relationships there are of each type.
// params: none
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS count
ORDER BY type
