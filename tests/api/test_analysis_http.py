"""The analyses through the app in process (TestClient) and from the CLI, on the seeds and the dev corpus."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.conftest import ROOT, SEEDS, SHARED, needs_shared
from tests.serving import in_process, ingest

DEV = SHARED / "corpus" / "dev"


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("analysis-data")
    ingest(path, SEEDS, DEV)
    return path


@pytest.fixture(scope="module")
def base(data: Path) -> Iterator[TestClient]:
    with in_process(data) as client:
        yield client


@needs_shared
def test_central_problems_rank_categories_and_find_the_yangbi_cluster(base: TestClient) -> None:
    answer = base.get("/analysis/central-problems").json()
    categories = answer["categories"]
    assert categories and answer["unlinked_documents"] == 0
    keys = [(-c["evidence"]["targets"], -c["evidence"]["rounds"], -c["pagerank"]) for c in categories]
    assert keys == sorted(keys)
    assert sum(c["evidence"]["statements"] for c in categories) == answer["statements"]
    assert all(c["degree_centrality"] == pytest.approx(c["evidence"]["targets"] / answer["targets"], abs=1e-5)
               for c in categories)
    fund = [c for c in answer["clusters"] if "扶贫资金使用不及时" in c["problem"]]
    assert len(fund) == 1, answer["clusters"]
    assert fund[0]["evidence"]["rounds"] == 3 and fund[0]["top_targets"][0]["name"] == "漾濞彝族自治县"
    example = fund[0]["examples"][0]
    assert example["text"] in base.get(f"/documents/{example['document']}").json()["text"]


@needs_shared
def test_communities_partition_the_targets_that_share_problems(base: TestClient) -> None:
    central = base.get("/analysis/central-problems").json()
    answer = base.get("/analysis/communities", params={"limit": 500}).json()
    assert answer["by"] == "category" and answer["count"] >= 2 and 0 < answer["modularity"] <= 1
    members = [t["uid"] for group in answer["data"] for t in group["targets"]]
    assert len(members) == len(set(members))  # a target is in one group at most
    assert len(members) + answer["unconnected_targets"] == central["targets"]
    for group in answer["data"]:
        assert group["size"] == len(group["targets"]) >= 2
        assert all(2 <= p["targets"] <= group["size"] for p in group["shared_problems"])


@needs_shared
def test_co_occurring_pairs_are_above_chance(base: TestClient) -> None:
    answer = base.get("/analysis/co-occurrence", params={"max_p": 1.0, "min_together": 1}).json()
    assert answer["inspections"] > 0 and answer["data"]
    for pair in answer["data"]:
        assert pair["a"] < pair["b"] and pair["together"] > pair["expected"]
        assert pair["expected"] == pytest.approx(pair["a_count"] * pair["b_count"] / answer["inspections"], abs=1e-3)
        assert 0 <= pair["p_value"] <= 1
    strict = base.get("/analysis/co-occurrence").json()
    assert all(p["p_value"] <= 0.05 and p["together"] >= 2 for p in strict["data"])


@needs_shared
def test_similar_targets_of_yangbi_and_an_unknown_target(base: TestClient) -> None:
    answer = base.get("/analysis/similar-targets", params={"target": "漾濞縣"}).json()  # Traditional
    assert answer["target"]["name"] == "漾濞彝族自治县" and answer["count"] >= 1
    scores = [t["score"] for t in answer["data"]]
    assert scores == sorted(scores, reverse=True) and all(0 < s <= 1 for s in scores)
    own = {p["key"] for p in answer["profile"]}
    assert all(set(t["shared_categories"]) <= own for t in answer["data"])
    missing = base.get("/analysis/similar-targets", params={"target": "不存在县"})
    assert missing.status_code == 404 and "不存在县" in missing.json()["detail"]
    assert base.get("/analysis/central-problems", params={"category": "nonsense"}).status_code == 422


@needs_shared
def test_filters_narrow_the_graph(base: TestClient) -> None:
    everything = base.get("/analysis/central-problems").json()
    future = base.get("/analysis/central-problems", params={"since": "2090-01-01"}).json()
    assert future["statements"] == 0 and future["categories"] == []
    funds = base.get("/analysis/central-problems", params={"category": "funds"}).json()
    assert [c["key"] for c in funds["categories"]] == ["funds"]
    assert funds["statements"] == next(c for c in everything["categories"]
                                       if c["key"] == "funds")["evidence"]["statements"]


@needs_shared
def test_cli_twins_print_the_http_answers(base: TestClient, data: Path) -> None:
    # The server holds the data directory's store; the CLI reuses that server (one per data directory).
    for command, path, params in (
        (["central"], "/analysis/central-problems", {}),
        (["similar", "漾濞县"], "/analysis/similar-targets", {"target": "漾濞县"}),
        (["communities", "--by", "category"], "/analysis/communities", {}),
        (["cooccurrence"], "/analysis/co-occurrence", {}),
    ):
        run = subprocess.run([sys.executable, "-m", "api.cli", "analyze", *command, "--data", str(data), "--json"],
                             cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stderr
        assert json.loads(run.stdout) == base.get(f"{path}", params=params).json(), command
    unknown = subprocess.run([sys.executable, "-m", "api.cli", "analyze", "similar", "不存在县", "--data", str(data)],
                             cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert unknown.returncode == 1 and "不存在县" in unknown.stderr


def test_an_upload_is_linked_at_once_and_the_analysis_sees_it(tmp_path: Path) -> None:
    text = ("{date}，省委第{n}巡视组对德江县开展了专项巡视。省委第{n}巡视组组长{boss}反馈意见指出，"
            "主要是：存在扶贫资金拨付滞后、违规发放津贴补贴等问题。")
    with in_process(tmp_path / "data") as client:
        first = client.post("/documents", json={"name": "一.txt", "text": text.format(
            date="2018年4月", n="一", boss="周可新")})
        assert first.status_code == 201 and first.json()["similar_links"] == 0
        before = client.get("/analysis/central-problems").json()
        assert before["cluster_count"] == 0
        second = client.post("/documents", json={"name": "二.txt", "text": text.format(
            date="2021年5月", n="二", boss="吴敬之")})
        assert second.json()["similar_links"] == 2  # each statement to its earlier wording
        after = client.get("/analysis/central-problems").json()
        assert after["cluster_count"] == 2
        assert {c["evidence"]["rounds"] for c in after["clusters"]} == {2}
