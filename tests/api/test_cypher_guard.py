"""``POST /cypher`` on a real ``xunshi serve`` over HTTP: writes get 403 and change nothing, reads that only
look like writes pass, and the time limit and the row cap hold."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import ROOT
from tests.serving import ingest, serving

# Far more work than any limit here allows; FalkorDB stops it at its timeout.
SLOW = "UNWIND range(1, 3000) AS a UNWIND range(1, 3000) AS b UNWIND range(1, 3000) AS c RETURN count(*) AS n"


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("guard-data")
    ingest(data, ROOT / "samples")
    return data


@pytest.fixture(scope="module")
def server(data: Path) -> Iterator[str]:
    with serving(data) as (base, _):
        yield base


@pytest.fixture(scope="module")
def limited(data: Path, server: str) -> Iterator[str]:
    """A second server on the same data (and the same embedded store), with low limits from the environment."""
    with serving(data, XUNSHI_QUERY_TIMEOUT_MS="300", XUNSHI_MAX_ROWS="50") as (base, _):
        yield base


@pytest.fixture(scope="module")
def baseline(server: str) -> dict[str, Any]:
    """The counts before any write attempt."""
    stats = httpx.get(f"{server}/stats").json()
    assert stats["labels"]["Document"] == 4
    return stats


def post(base: str, query: str, parameters: dict[str, Any] | None = None, **limits: int) -> httpx.Response:
    return httpx.post(f"{base}/cypher", json={"query": query, "parameters": parameters or {}, **limits}, timeout=30)


WRITES = [
    "CREATE (:X)",
    "create (:X {name: 'x'})",
    "CrEaTe (:X)",
    "UNWIND [1, 2] AS x CREATE (:X {i: x})",
    "OPTIONAL MATCH (n) CREATE (:X)",
    "MERGE (r:Region {code: '999999'}) RETURN r",
    "MATCH (p:Person) WITH p LIMIT 1 MERGE (p)-[:KNOWS]->(p)",
    "MATCH (n) SET n.hacked = true",
    "MATCH (n) SET n += {hacked: true}",
    "MATCH (n:Person) SET n:Hacked",
    "MATCH (n) DETACH DELETE n",
    "MATCH ()-[r]->() DELETE r",
    "MATCH (n:Person) REMOVE n.name",
    "MATCH (n:Person) REMOVE n:Person",
    "DROP INDEX ON :Region(code)",
    "CREATE INDEX FOR (n:Person) ON (n.name)",
    "CREATE INDEX ON :Person(name)",
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "FOREACH (x IN range(1, 3) | CREATE (:X {i: x}))",
    "MATCH (n) WITH collect(n) AS ns FOREACH (m IN ns | SET m.hacked = 1)",
    "CALL db.idx.fulltext.createNodeIndex('Person', 'name')",
    "CALL db.idx.fulltext.drop('Person')",
    "CALL `db.idx.fulltext.createNodeIndex`('Person', 'name')",
    "CALL db . idx . fulltext . createNodeIndex('Person', 'name')",
    "CALL db.idx./* x */fulltext.createNodeIndex('Person', 'name')",
    "CALL { CREATE (:X) } RETURN 1",
    "CALL { MATCH (n) DETACH DELETE n } RETURN 1",
    "GRAPH.DELETE xunshi",
    "GRAPH.QUERY xunshi \"CREATE (:X)\"",
    "MATCH (n)\tDETACH\tDELETE\tn",
    "MATCH (n)\nDETACH\r\nDELETE\nn",
    "MATCH (n)\u00a0DETACH\u00a0DELETE n",
    "MATCH (n)\u3000DETACH\u2003DELETE n",
    "MATCH (n) /* harmless */ DETACH DELETE n",
    "MATCH (n) // harmless\nDETACH DELETE n",
    "MATCH (n {name: '//'}) DETACH DELETE n",
    "MATCH (n) WHERE n.url = 'http://example.org' SET n.hacked = true",
    "MATCH (n) WHERE n.name = '/*' DETACH DELETE n RETURN '*/'",
    "MATCH (n) WHERE n.name <> 'it\\'s' DETACH DELETE n",
    "MATCH (n) WHERE n.name <> \"/* \\\" */\" DETACH DELETE n",
    "WITH 'CREATE' AS s CREATE (:X {s: s})",
    "MATCH (`n`) DETACH DELETE `n`",
    "MATCH (n:`Person`) SET n.`name` = 'x'",
    "MATCH (n) WHERE n.v = 1.e0 DELETE n",
    "EXPLAIN CREATE (:X)",
    "PROFILE MATCH (n) DETACH DELETE n",
    "MATCH (n) RETURN n; CREATE (:X)",
    "ＣＲＥＡＴＥ (:X)",
]


@pytest.mark.parametrize("query", WRITES)
def test_write_is_refused(server: str, baseline: dict[str, Any], query: str) -> None:
    response = post(server, query)
    assert response.status_code == 403, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == 403 and body["title"] == "Read-only" and body["code"] == "E201"
    assert body["detail"]
    assert httpx.get(f"{server}/stats").json() == baseline


def test_write_with_parameters_is_refused(server: str, baseline: dict[str, Any]) -> None:
    response = post(server, "MATCH (p:Person {name: $name}) DETACH DELETE p", {"name": "赵明川"})
    assert response.status_code == 403
    assert httpx.get(f"{server}/stats").json() == baseline


def test_nothing_changed_after_all_write_attempts(server: str, baseline: dict[str, Any]) -> None:
    assert len(set(WRITES)) >= 30
    assert httpx.get(f"{server}/stats").json() == baseline
    assert post(server, "MATCH (n) WHERE n.hacked IS NOT NULL OR n:X OR n:Hacked RETURN count(n)").json()["rows"] \
        == [[0]]
    assert post(server, "MATCH (p:Person {name: '赵明川'}) RETURN p.name").json()["rows"] == [["赵明川"]]


READS = [
    ("MATCH (n:Person) RETURN n.set AS set_value LIMIT 1", {}),
    ("MATCH (n) RETURN n.create, n.delete, n.merge LIMIT 1", {}),
    ("RETURN 'CREATE (:X)' AS s, \"DETACH DELETE n\" AS t", {}),
    ("MATCH (n:Created) RETURN count(n)", {}),
    ("MATCH (n:`CREATE`) RETURN count(n)", {}),
    ("MATCH ()-[r:SET]->() RETURN count(r)", {}),
    ("MATCH (n) WHERE n.name CONTAINS 'DELETE' RETURN count(n)", {}),
    ("RETURN {set: 1, delete: 2} AS m", {}),
    ("MATCH (n:Person) RETURN n.name AS delete LIMIT 1", {}),
    ("MATCH (n) RETURN count(n) // CREATE (:X)", {}),
    ("MATCH (n) /* DETACH DELETE n */ RETURN count(n)", {}),
    ("RETURN 'http://example.org/a' AS url", {}),
    ("CALL db.labels()", {}),
    ("CALL db.relationshipTypes() YIELD relationshipType RETURN count(relationshipType)", {}),
    ("CALL { MATCH (p:Person) RETURN p } RETURN count(p)", {}),
    ("MATCH (n:`Person`) RETURN n.`name` LIMIT 1", {}),
    ("RETURN $create AS c", {"create": 1}),
    ("MATCH (p:Person {name: $n}) RETURN p.name", {"n": "赵明川"}),
]


@pytest.mark.parametrize(("query", "parameters"), READS)
def test_read_that_looks_like_a_write_is_allowed(server: str, query: str, parameters: dict[str, Any]) -> None:
    response = post(server, query, parameters)
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) >= {"columns", "rows", "truncated"} and body["truncated"] is False


def test_invalid_text_is_400_not_403(server: str) -> None:
    for query in ("MATCH (n) RETURN n.名称", "RETURN 'unterminated", "MATCH (n RETURN n"):
        response = post(server, query)
        assert response.status_code == 400, response.text
        assert response.json()["title"] == "Query failed"


def test_per_request_timeout(server: str) -> None:
    started = time.monotonic()
    response = post(server, SLOW, timeout_ms=200)
    assert time.monotonic() - started < 5
    assert response.status_code == 408, response.text
    body = response.json()
    assert body["title"] == "Query timed out"
    assert "200 ms" in body["detail"] and "XUNSHI_QUERY_TIMEOUT_MS" in body["detail"]


def test_uninterruptible_expression_is_cut_off_by_the_api(server: str) -> None:
    """FalkorDB evaluates one expression (60 million steps, about 2.5 s, little memory) before it looks at
    the clock; the API answers at the limit plus its grace anyway."""
    query = "RETURN reduce(s = 0, x IN range(1, 20000) | s + size([y IN range(1, 3000) WHERE y % 7 = 0])) AS n"
    started = time.monotonic()
    response = post(server, query, timeout_ms=100)
    assert response.status_code == 408, response.text
    assert time.monotonic() - started < 1.5


def test_server_timeout_from_environment(limited: str) -> None:
    response = post(limited, SLOW)
    assert response.status_code == 408
    assert "300 ms" in response.json()["detail"]


def test_limits_cannot_be_raised_per_request(limited: str) -> None:
    for limits, field in (({"timeout_ms": 60_000}, "timeout_ms"), ({"max_rows": 100_000}, "max_rows")):
        response = post(limited, "RETURN 1", **limits)
        assert response.status_code == 422, response.text
        assert field in response.json()["detail"] and "XUNSHI_" in response.json()["detail"]
    assert post(limited, "RETURN 1", timeout_ms=0).status_code == 422


def test_default_row_cap_truncates(server: str) -> None:
    body = post(server, "UNWIND range(1, 10005) AS i RETURN i").json()
    assert len(body["rows"]) == 10_000 and body["truncated"] is True
    assert body["rows"][-1] == [10_000]
    assert "10000 rows" in body["message"] and "XUNSHI_MAX_ROWS" in body["message"]
    exact = post(server, "UNWIND range(1, 10000) AS i RETURN i").json()
    assert len(exact["rows"]) == 10_000 and exact["truncated"] is False and exact["message"] is None


def test_row_cap_from_environment_and_request(limited: str) -> None:
    body = post(limited, "UNWIND range(1, 60) AS i RETURN i").json()
    assert len(body["rows"]) == 50 and body["truncated"] is True and "50 rows" in body["message"]
    body = post(limited, "UNWIND range(1, 60) AS i RETURN i", max_rows=5).json()
    assert body["rows"] == [[1], [2], [3], [4], [5]] and body["truncated"] is True
    body = post(limited, "UNWIND range(1, 5) AS i RETURN i", max_rows=5).json()
    assert len(body["rows"]) == 5 and body["truncated"] is False


def test_bad_parameters_are_400(server: str) -> None:
    response = post(server, "RETURN $x AS x", {"x`y": 1})
    assert response.status_code == 400 and "parameter" in response.json()["detail"]
