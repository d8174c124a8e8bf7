// title: entity
// description: One entity by its uid (Label:key): its labels and properties. No row if it does not exist.
// params: $uid (Label:key)
MATCH (n:Entity {uid: $uid})
RETURN labels(n) AS labels, properties(n) AS props
