"""Search, entity detail, neighbourhoods, timelines, profiles and paths over the seed corpus, through the app
in process (TestClient over the embedded store), and the CLI twins as subprocesses."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from tests.conftest import ROOT, SEEDS, needs_shared
from tests.serving import in_process, ingest

REGION = "532922"  # 漾濞彝族自治县
TEAM = "Team:province:云南省委:8:巡视"

pytestmark = needs_shared


@pytest.fixture(scope="module")
def seeds_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("explore-data")
    ingest(data, SEEDS)
    return data


@pytest.fixture(scope="module")
def server(seeds_data: Path) -> Iterator[TestClient]:
    with in_process(seeds_data) as client:
        yield client


def _get(server: TestClient, path: str, **params: Any) -> dict[str, Any]:
    response = server.get(f"{path}", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def _problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status and body["title"] and body["detail"]
    return body


def _original(server: TestClient, doc: str, start: int, end: int) -> str:
    response = server.post("/cypher", json={
        "query": "MATCH (d:Document {id: $id}) RETURN substring(d.original, $s, $e - $s)",
        "parameters": {"id": doc, "s": start, "e": end}})
    assert response.status_code == 200, response.text
    return response.json()["rows"][0][0]


@pytest.mark.parametrize("q", ["漾濞", "漾濞县", "漾鼻县", "漾县", "漾濞縣"])
def test_search_finds_the_county_first(server: TestClient, q: str) -> None:
    page = _get(server, "/search", q=q)
    first = page["data"][0]
    assert (first["label"], first["key"], first["name"]) == ("Region", REGION, "漾濞彝族自治县")
    assert "大理白族自治州" in first["detail"] and 0 < first["score"] <= 100


def test_search_traditional_labels_and_pages(server: TestClient) -> None:
    assert _get(server, "/search", q="雲南省")["data"][0]["name"] == "云南省"
    people = _get(server, "/search", q="楊瓊瑛", label="Person")["data"]
    assert people[0]["name"] == "杨琼瑛" and "组长" in people[0]["detail"]
    teams = _get(server, "/search", q="第八巡视组", label="Team")
    assert teams["data"][0]["name"] == "云南省委第八巡视组" and all(h["label"] == "Team" for h in teams["data"])
    whole = _get(server, "/search", q="漾濞", limit=200)
    page = _get(server, "/search", q="漾濞", limit=2, offset=1)
    assert (page["count"], page["limit"], page["offset"]) == (whole["count"], 2, 1)
    assert page["data"] == whole["data"][1:3]
    _problem(server.get("/search", params={"q": "漾濞", "label": "Nonsense"}), 422)
    _problem(server.get("/search", params={"q": ""}), 422)


def test_entity_detail_groups_relationships(server: TestClient) -> None:
    region = _get(server, f"/entities/Region/{REGION}")
    assert region["name"] == "漾濞彝族自治县" and region["properties"]["code"] == REGION
    concerns = region["relationships"]["CONCERNS"]
    assert len(concerns) >= 5 and all(r["direction"] == "in" and r["node"]["label"] == "Issue" for r in concerns)
    assert "扶贫资金使用不及时、不精准" in {r["node"]["name"] for r in concerns}
    inspected = region["relationships"]["INSPECTED"][0]
    assert inspected["node"]["id"] == TEAM and inspected["properties"]["start"] == "2019-11-28"
    assert region["relationships"]["PART_OF"][0]["node"]["name"] == "大理白族自治州"
    assert all(r["node"]["label"] == "Document" for r in region["relationships"]["MENTIONED_IN"])
    team = _get(server, "/entities/Team/province:云南省委:8:巡视")
    assert team["label"] == "Team" and team["name"] == "云南省委第八巡视组"


def test_unknown_entities_and_labels(server: TestClient) -> None:
    assert "Region:000000" in _problem(server.get("/entities/Region/000000"), 404)["detail"]
    _problem(server.get("/entities/Region/000000/neighbors"), 404)
    _problem(server.get(f"/entities/Planet/{REGION}"), 422)
    _problem(server.get("/regions/000000/timeline"), 404)
    _problem(server.get("/teams/province:nowhere:1:巡视"), 404)
    _problem(server.get("/people/nobody|nowhere"), 404)
    _problem(server.get("/issues/nothing:i0/measures"), 404)


def test_neighbourhood_grows_with_depth(server: TestClient) -> None:
    one = _get(server, f"/entities/Region/{REGION}/neighbors")
    two = _get(server, f"/entities/Region/{REGION}/neighbors", depth=2)
    assert one["depth"] == 1 and not one["truncated"]
    assert len(two["nodes"]) > len(one["nodes"]) and len(two["edges"]) > len(one["edges"])
    ids = {n["id"] for n in one["nodes"]}
    assert f"Region:{REGION}" in ids and TEAM in ids
    assert not any(n["label"] == "Document" for n in two["nodes"])
    assert not any(e["type"] == "MENTIONED_IN" for e in two["edges"])
    assert all(e["source"] in {n["id"] for n in two["nodes"]} and e["target"] in {n["id"] for n in two["nodes"]}
               for e in two["edges"])
    with_docs = _get(server, f"/entities/Region/{REGION}/neighbors", include_documents="true")
    assert any(n["label"] == "Document" for n in with_docs["nodes"])
    assert any(e["type"] == "MENTIONED_IN" for e in with_docs["edges"])
    capped = _get(server, f"/entities/Region/{REGION}/neighbors", depth=3, max_nodes=10)
    assert capped["truncated"] and len(capped["nodes"]) == 10
    for bad in (0, 4, "x"):
        assert "depth" in _problem(server.get(f"/entities/Region/{REGION}/neighbors",
                                             params={"depth": bad}), 422)["detail"]


def test_timeline_lists_inspection_and_issue_with_spans(server: TestClient) -> None:
    timeline = _get(server, f"/regions/{REGION}/timeline")
    items = timeline["data"]
    assert timeline["region"]["name"] == "漾濞彝族自治县" and timeline["count"] == len(items)
    dates = [i["date"] for i in items if i["date"]]
    assert dates == sorted(dates)
    inspection = next(i for i in items if i["kind"] == "inspection")
    assert inspection["team"]["name"] == "云南省委第八巡视组"
    assert (inspection["start"], inspection["end"]) == ("2019-11-28", "2020-01-12")
    assert inspection["round_id"] and inspection["document"]
    span = inspection["spans"][0]
    assert "第八巡视组" in _original(server, inspection["document"], span["start"], span["end"])
    issue = next(i for i in items if i["kind"] == "issue" and i["text"] == "扶贫资金使用不及时、不精准")
    assert issue["category"] == "funds" and "云南省委第八巡视组" in issue["teams"]
    assert items.index(inspection) < items.index(issue)
    span = issue["spans"][0]
    assert _original(server, issue["document"], span["start"], span["end"]) == "扶贫资金使用不及时、不精准"
    measures = [i for i in items if i["kind"] == "measure"]
    assert measures and all(m["spans"] and m["via"] in ("TAKEN_BY", "ADDRESSES") for m in measures)
    page = _get(server, f"/regions/{REGION}/timeline", limit=3, offset=2)
    assert (page["count"], page["limit"], page["offset"]) == (timeline["count"], 3, 2)
    assert page["data"] == items[2:5]


def test_timeline_of_a_province_with_subregions(server: TestClient) -> None:
    alone = _get(server, "/regions/530000/timeline")
    within = _get(server, "/regions/530000/timeline", include_subregions="true")
    assert within["count"] > alone["count"]
    assert REGION in {i["target"]["key"] for i in within["data"]}


def test_team_profile(server: TestClient) -> None:
    team = _get(server, "/teams/province:云南省委:8:巡视", limit=3)
    assert team["name"] == "云南省委第八巡视组" and team["properties"]["ordinal"] == 8
    assert "杨琼瑛" in {m["person"]["name"] for m in team["members"]}
    assert team["rounds"] and team["rounds"][0]["lookback"] is True
    target = team["targets"][0]
    assert target["target"]["key"] == REGION and target["start"] == "2019-11-28"
    issues = team["issues"]
    assert issues["count"] >= 10 and len(issues["data"]) == 3 and issues["limit"] == 3
    assert issues["data"][0]["text"] == "扶贫资金使用不及时、不精准"


def test_issues_filters_and_measures(server: TestClient) -> None:
    everything = _get(server, "/issues", limit=500)
    funds = _get(server, "/issues", category="funds", limit=500)
    assert 0 < funds["count"] < everything["count"] and all(i["category"] == "funds" for i in funds["data"])
    by_name = _get(server, "/issues", target="漾濞彝族自治县")
    by_code = _get(server, "/issues", target=REGION)
    assert by_name["count"] == by_code["count"] >= 10
    assert all(i["target_id"] == f"Region:{REGION}" for i in by_code["data"])
    by_round = _get(server, "/issues", round="云南省委脱贫攻坚巡视“回头看”")
    assert by_round["count"] == by_code["count"]
    assert _get(server, "/issues", target="nowhere")["count"] == 0
    page = _get(server, "/issues", limit=5, offset=5)
    assert page["data"] == everything["data"][5:10] and page["count"] == everything["count"]
    rows = server.post("/cypher", json={
        "query": "MATCH (m:Measure)-[:ADDRESSES]->(i:Issue) RETURN i.id, count(DISTINCT m) AS n ORDER BY n DESC, "
                 "i.id LIMIT 1"}).json()["rows"]
    issue_id, n = rows[0]
    measures = _get(server, f"/issues/{issue_id}/measures")
    assert measures["count"] == n == len(measures["data"]) and all(m["text"] for m in measures["data"])


def test_person_profile(server: TestClient) -> None:
    person = _get(server, "/people/杨琼瑛|云南省委第八巡视组")
    assert person["name"] == "杨琼瑛" and person["titles"] == ["省委第八巡视组组长"]
    assert person["bodies"][0]["body"]["id"] == TEAM and person["bodies"][0]["title"] == "省委第八巡视组组长"
    doc = person["documents"][0]
    span = doc["spans"][0]
    assert _original(server, doc["id"], span["start"], span["end"]) == "杨琼瑛"


def test_paths_between_region_and_team(server: TestClient) -> None:
    direct = _get(server, "/paths", **{"from": f"Region:{REGION}", "to": TEAM})
    assert direct["count"] >= 1
    path = direct["data"][0]
    assert path["length"] == 1 and path["edges"][0] == {"source": TEAM, "target": f"Region:{REGION}",
                                                       "type": "INSPECTED"}
    far = _get(server, "/paths", **{"from": "Region:530000", "to": "Person:杨琼瑛|云南省委第八巡视组"})
    hops = far["data"][0]
    assert hops["length"] == 4 and [n["id"] for n in hops["nodes"]][-2:] == [TEAM, "Person:杨琼瑛|云南省委第八巡视组"]
    assert _get(server, "/paths", **{"from": "Region:530000", "to": "Person:杨琼瑛|云南省委第八巡视组",
                                     "max_hops": 3})["count"] == 0
    _problem(server.get("/paths", params={"from": "Region:000000", "to": TEAM}), 404)
    _problem(server.get("/paths", params={"from": "nonsense", "to": TEAM}), 422)
    _problem(server.get("/paths", params={"from": f"Region:{REGION}", "to": TEAM, "max_hops": 7}), 422)


def test_openapi_documents_the_endpoints(server: TestClient) -> None:
    paths = _get(server, "/openapi.json")["paths"]
    for path in ("/search", "/entities/{label}/{key}", "/entities/{label}/{key}/neighbors", "/paths",
                 "/regions/{code}/timeline", "/teams/{key}", "/issues", "/issues/{issue_id}/measures",
                 "/people/{key}"):
        answer = paths[path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        assert "$ref" in answer, f"{path} declares no response model"  # a model the client can generate from


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "api.cli", "query", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_cli_twins(server: TestClient, seeds_data: Path) -> None:
    # While `serve` runs, the CLI reuses its embedded server.
    found = _cli("search", "漾濞", "--json", "--data", str(seeds_data))
    assert found.returncode == 0, found.stderr
    page = json.loads(found.stdout)
    assert page["data"][0]["name"] == "漾濞彝族自治县" and page["data"] == _get(server, "/search", q="漾濞")["data"]
    timeline = _cli("timeline", REGION, "--json", "--data", str(seeds_data))
    assert timeline.returncode == 0, timeline.stderr
    assert json.loads(timeline.stdout)["count"] == _get(server, f"/regions/{REGION}/timeline")["count"]
    paths = _cli("paths", f"Region:{REGION}", TEAM, "--data", str(seeds_data))
    assert paths.returncode == 0 and "INSPECTED" in paths.stdout
    missing = _cli("paths", "Region:000000", TEAM, "--data", str(seeds_data))
    assert missing.returncode == 1 and "Region:000000" in missing.stderr
