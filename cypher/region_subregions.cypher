// title: region_subregions
// description: The uids of the regions and localities that lie in a region (PART_OF, up to three levels
//   down: province, prefecture, county, locality).
// params: $code (administrative code of the region)
MATCH (s:Entity)-[:PART_OF*1..3]->(r:Region {code: $code})
RETURN DISTINCT s.uid AS uid
