"""The read-only guard as a function, and the second wall: the store itself refuses to write on read()."""

from __future__ import annotations

import pytest

from graph.errors import QueryError, ReadOnlyViolation
from graph.readonly import check_parameters, check_read_only, strip_literals, tokens
from graph.store import Store

# Valid Cypher that writes, and that the first guard (comments stripped before strings) let through.
FORMER_HOLES = [
    "MATCH (n {u: '//'}) DETACH DELETE n",                       # a line comment marker inside a string
    "MATCH (n) WHERE n.url = 'http://x' SET n.hacked = true",    # the same, as a URL
    "MATCH (n) WHERE n.name = '/*' DETACH DELETE n RETURN '*/'",  # a block comment marker inside strings
    "GRAPH.DELETE xunshi",                                       # a store command instead of a query
    "ＣＲＥＡＴＥ (:X)",                                           # full-width look-alike letters
]


@pytest.mark.parametrize("query", FORMER_HOLES)
def test_former_holes_are_closed(query: str) -> None:
    with pytest.raises(ReadOnlyViolation):
        check_read_only(query)


@pytest.mark.parametrize("query", [
    "MATCH (n) RETURN n.set, n.delete, n.create",
    "RETURN 'CREATE (:X)' AS s, \"DETACH DELETE n\" AS t",
    "MATCH (n:Created) RETURN n",
    "MATCH ()-[r:SET]->() RETURN count(r)",
    "MATCH (n:`CREATE`) RETURN n",
    "RETURN {set: 1, delete: 2} AS m",
    "RETURN $create AS c",
    "MATCH (n) RETURN n.name AS delete",
    "MATCH (set) RETURN count(set)",
    "MATCH (n) RETURN n // CREATE (:X)",
    "MATCH (n) /* MERGE (m) */ RETURN n",
    "MATCH (n) RETURN n //\rCREATE (:X)",  # FalkorDB ends // comments at a line feed only
    "CALL db.labels()",
    "CALL `db.labels`() YIELD label RETURN label",
    "CALL db . relationshipTypes()",
    "CALL db.idx.fulltext.queryNodes('Region', '漾濞') YIELD node RETURN node",
    "CALL algo.pageRank(null, null) YIELD node RETURN node",
    "CALL { MATCH (n) RETURN n } RETURN count(n)",
    "MATCH (n) RETURN n.`名称`",
    "MATCH (n) WHERE n.v = 1.5e3 RETURN n",
    "RETURN 'it\\'s' AS a, \"say \\\"hi\" AS b",
])
def test_reads_that_look_like_writes_pass(query: str) -> None:
    check_read_only(query)


@pytest.mark.parametrize("query", [
    "MATCH (n) WHERE n.v = 1.e0 DELETE n",             # 1.e0 is a float: DELETE here is a clause
    "MATCH (n) WITH n, 'x' AS s\nDETACH DELETE n",
    "match (n) detach delete n",
    "MATCH (n)\u3000DETACH\u00a0DELETE n",
    "CALL `db.idx.fulltext.createNodeIndex`('Region', 'name')",
    "CALL db . idx . fulltext . drop('Region')",
    "CALL db.idx./**/fulltext.createNodeIndex('Region', 'name')",
    "CALL { CREATE (:Z) } RETURN 1",
    "FOREACH (x IN [1] | CREATE (:W))",
    "LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r",
])
def test_writes_are_refused(query: str) -> None:
    with pytest.raises(ReadOnlyViolation):
        check_read_only(query)


@pytest.mark.parametrize("query", ["", "   \n", "RETURN 'abc", "RETURN 1 /* open", "RETURN `a",
                                   "RETURN 1 \x00 CREATE (:X)", "MATCH (n) RETURN n.名称"])
def test_invalid_text_is_a_query_error_not_a_write(query: str) -> None:
    with pytest.raises(QueryError):
        check_read_only(query)


def test_lexer_follows_falkordb() -> None:
    # No doubled backtick in FalkorDB: `a``b` is two quoted names, and so it is here.
    assert [t.kind for t in tokens("RETURN `a``b`")] == ["word", "quoted", "quoted"]
    assert strip_literals("MATCH (n {u: '//'}) /* c */ RETURN n // x") == "MATCH ( n { u : '' } ) RETURN n"


def test_parameters_that_cannot_be_sent_are_refused() -> None:
    check_parameters({"name": "漾濞", "n": 1, "xs": [1, "a"], "m": {"k": "v"}})
    for bad in ({"a b": 1}, {"x`": 1}, {"m": {"`k": 1}}, {"s": "a\x00b"}, {"f": float("nan")}):
        with pytest.raises(QueryError):
            check_parameters(bad)


@pytest.mark.parametrize("query", [
    "CREATE (:X)",
    "MERGE (:X {k: 1})",
    "MATCH (n) SET n.x = 1",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n:Seed) REMOVE n:Seed",
    "FOREACH (x IN [1, 2] | CREATE (:X))",
    "CALL { CREATE (:X) } RETURN 1",
    "CREATE INDEX FOR (n:X) ON (n.k)",
    "CALL db.idx.fulltext.createNodeIndex('Seed', 'name')",
])
def test_store_refuses_writes_on_read(store: Store, query: str) -> None:
    """The second wall: with the guard bypassed, ``store.read`` still cannot write (FalkorDB's
    ``GRAPH.RO_QUERY``; Neo4j's READ transactions)."""
    count_indexes = "SHOW INDEXES YIELD name RETURN count(name)" if store.name == "neo4j" else \
        "CALL db.indexes() YIELD label RETURN count(label)"
    store.write("CREATE (:Seed {name: 'a'})")
    before = store.read("MATCH (n) RETURN count(n)").rows
    indexes = store.read(count_indexes).rows
    falkordb_only = store.name == "neo4j" and "db.idx." in query  # Neo4j has no such procedure at all
    with pytest.raises(QueryError if falkordb_only else ReadOnlyViolation,
                       match="ProcedureNotFound" if falkordb_only else r"RO_QUERY|READ transactions"):
        store.read(query)
    assert store.read("MATCH (n) RETURN count(n)").rows == before
    assert store.read("MATCH (n:Seed) RETURN n.name, n.x").rows == [["a", None]]
    assert store.read(count_indexes).rows == indexes
