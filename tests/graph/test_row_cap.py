"""The row cap a user's query gets (``graph/row_cap.py``) and the byte budget of its answer
(``graph/reply_budget.py``), on the real embedded store."""

from __future__ import annotations

import pytest

from graph.errors import ResultTooLargeError
from graph.falkordb_store import FalkorStore
from graph.row_cap import capped


@pytest.mark.parametrize(("query", "expected"), [
    ("MATCH (a), (b) RETURN a, b", "MATCH (a), (b) RETURN a, b LIMIT 11"),
    ("MATCH (a) RETURN a LIMIT 5", "MATCH (a) RETURN a LIMIT 5"),
    ("MATCH (a) RETURN a LIMIT 50000", "MATCH (a) RETURN a LIMIT 11"),
    ("MATCH (a) RETURN a LIMIT $n", "MATCH (a) RETURN a LIMIT $n"),
    ("MATCH (a) RETURN a;", "MATCH (a) RETURN a LIMIT 11;"),
    ("MATCH (a) RETURN a // the last line", "MATCH (a) RETURN a LIMIT 11 // the last line"),
    ("MATCH (a) RETURN a.x AS n UNION MATCH (b) RETURN b.y AS n LIMIT 3",
     "MATCH (a) RETURN a.x AS n LIMIT 11 UNION MATCH (b) RETURN b.y AS n LIMIT 3"),
    ("MATCH (a) WHERE exists { MATCH (a)-->(b) RETURN b } RETURN [x IN range(1, 3) | x] ORDER BY a.k SKIP 2",
     "MATCH (a) WHERE exists { MATCH (a)-->(b) RETURN b } RETURN [x IN range(1, 3) | x] ORDER BY a.k SKIP 2 LIMIT 11"),
    ("CALL db.labels()", "CALL db.labels()"),
    ("RETURN 'LIMIT' AS word", "RETURN 'LIMIT' AS word LIMIT 11"),
])
def test_each_top_level_return_gets_the_cap(query: str, expected: str) -> None:
    assert capped(query, 11) == expected


def test_a_capped_query_runs_and_keeps_its_columns_in_order(store: FalkorStore) -> None:
    store.write("UNWIND range(1, 50) AS i CREATE (:Region {code: toString(i), name: 'r' + toString(i)})")
    result = store.read(capped("MATCH (a:Region), (b:Region) RETURN b.name AS z, a.code AS a", 11))
    assert result.columns == ["z", "a"] and len(result.rows) == 11
    union = store.read(capped("MATCH (a:Region) RETURN a.name AS n UNION ALL MATCH (b:Region) RETURN b.code AS n", 7))
    assert len(union.rows) == 14


def test_an_answer_over_its_byte_budget_is_refused_and_the_next_read_works(store: FalkorStore) -> None:
    store.write("UNWIND range(1, 200) AS i CREATE (:Region {code: toString(i), note: reduce(s = '', k IN range(1, 100)"
                " | s + '0123456789')})")
    assert len(store.read("MATCH (r:Region) RETURN r.note", max_bytes=10_000_000).rows) == 200
    with pytest.raises(ResultTooLargeError, match="100,000 bytes"):
        store.read("MATCH (r:Region) RETURN r.note", max_bytes=100_000)
    assert store.read("MATCH (r:Region) RETURN count(r)").rows == [[200]]
    assert len(store.read("MATCH (r:Region) RETURN r.note").rows) == 200, "the budget was for that call only"
