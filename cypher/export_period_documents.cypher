// title: export_period_documents
// description: For a filtered export: the ids of the documents published in a period. Documents without
//   a publication date are left out; the period includes both ends (the date part of `published`
//   is compared with $until).
// params: $since (ISO date or null for no lower bound), $until (ISO date or null for no upper bound)
MATCH (d:Document)
WHERE d.published IS NOT NULL
  AND ($since IS NULL OR d.published >= $since)
  AND ($until IS NULL OR substring(d.published, 0, 10) <= $until)
RETURN d.id AS id
