// title: search_names
// description: Every entity with the properties the search index needs: its uid (Label:key), its labels and
//   all its properties (name, text, code, and what the hit's detail line shows). Read once per graph version.
// params: none
MATCH (n:Entity)
RETURN n.uid AS uid, labels(n) AS labels, properties(n) AS props
