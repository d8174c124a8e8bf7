"""The flagship question over real HTTP: a real ``xunshi serve`` on the seeds, with writes behind a key."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT, SEEDS, needs_shared
from tests.serving import ingest, serving

pytestmark = needs_shared
KEY = "test-key-漾濞".encode().hex()


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seeds-data")
    ingest(path, SEEDS)
    return path


@pytest.fixture(scope="module")
def server(data: Path) -> Iterator[tuple[str, str]]:
    with serving(data, XUNSHI_API_KEY=KEY, XUNSHI_MAX_UPLOAD_BYTES="4096") as (base, proc):
        yield base, proc.stderr.readline() if proc.stderr else ""


def _original(base: str, doc_id: str) -> str:
    return httpx.get(f"{base}/documents/{doc_id}").json()["original"]


def test_yangbi_fund_use_problem_recurs_across_three_rounds_with_its_source(server: tuple[str, str]) -> None:
    base, _ = server
    answer = httpx.get(f"{base}/recurring-issues", params={"target": "漾濞县"}).json()
    fund = [r for r in answer["data"] if "扶贫资金使用不及时" in r["problem"]]
    assert len(fund) == 1, answer
    found = fund[0]
    assert found["target"] == "漾濞彝族自治县" and found["strength"] == "stated"
    rounds = found["rounds"]
    assert [r["teams"] for r in rounds] == [["中央第十二巡视组"], ["云南省委第七巡视组"], ["云南省委第八巡视组"]]
    assert [r["linked_by"] for r in rounds] == ["stated"] * 3
    assert rounds[-1]["date"] == "2019-11-28"
    statement = rounds[-1]["statements"][0]
    original = _original(base, statement["document"])
    for span in statement["spans"]:
        assert original[span["start"]:span["end"]] == span["text"] == "扶贫资金使用不及时、不精准"
    said = rounds[0]["stated_by"][0]
    assert said["issue"] == statement["issue"]
    start = said["spans"][0]["start"]
    assert "中央第十二巡视组" in original[start - 60:start]  # the sentence that says it was raised before


def test_any_name_of_the_target_finds_it_and_filters_narrow(server: tuple[str, str]) -> None:
    base, _ = server
    for name in ("漾濞彝族自治县", "漾濞縣", "532922"):
        assert httpx.get(f"{base}/recurring-issues", params={"target": name}).json()["count"] >= 1, name
    assert httpx.get(f"{base}/recurring-issues", params={"target": "漾濞县", "category": "corruption"}).json()[
        "count"] == 0
    assert httpx.get(f"{base}/recurring-issues", params={"target": "漾濞县", "min_rounds": 4}).json()["count"] == 0
    assert httpx.get(f"{base}/recurring-issues", params={"target": "漾濞县", "until": "2019-01-01"}).json()[
        "count"] == 0
    page = httpx.get(f"{base}/recurring-issues", params={"limit": 1, "offset": 0, "link": "category"}).json()
    assert len(page["data"]) == 1 and page["count"] >= 1 and page["limit"] == 1
    bad = httpx.get(f"{base}/recurring-issues", params={"link": "vibes"})
    assert bad.status_code == 422 and bad.json()["title"] == "Invalid parameters" and "link" in bad.json()["detail"]


def test_across_targets_answers_with_pages(server: tuple[str, str]) -> None:
    base, _ = server
    page = httpx.get(f"{base}/recurring-issues/across-targets", params={"link": "category", "min_targets": 2}).json()
    assert set(page) == {"data", "count", "limit", "offset"}
    for group in page["data"]:
        assert group["target_count"] == len(group["targets"]) >= 2


def test_serve_says_writes_need_the_key(server: tuple[str, str]) -> None:
    _, banner = server
    assert "X-API-Key" in banner


def test_writes_need_the_key_and_reads_do_not(server: tuple[str, str]) -> None:
    base, _ = server
    body = {"name": "宾川通报.txt", "text": "云南省委第三巡视组向宾川县委反馈巡视情况。巡视发现，宾川县扶贫资金闲置。"}
    refused = httpx.post(f"{base}/documents", json=body)
    assert refused.status_code == 401 and "X-API-Key" in refused.json()["detail"]
    wrong = httpx.post(f"{base}/documents", json=body, headers={"X-API-Key": "nope"})
    assert wrong.status_code == 401
    made = httpx.post(f"{base}/documents", json=body, headers={"X-API-Key": KEY})
    assert made.status_code == 201
    doc_id = made.json()["results"][0]["id"]
    assert httpx.delete(f"{base}/documents/{doc_id}").status_code == 401
    assert httpx.get(f"{base}/documents/{doc_id}").status_code == 200
    assert httpx.delete(f"{base}/documents/{doc_id}", headers={"X-API-Key": KEY}).status_code == 204
    assert httpx.get(f"{base}/documents/{doc_id}").status_code == 404


def test_upload_extract_read_back_and_delete(server: tuple[str, str]) -> None:
    base, _ = server
    key = {"X-API-Key": KEY}
    before = httpx.get(f"{base}/stats").json()["labels"]["Document"]
    text = "大理州鹤庆县委巡察办通报：县委第二巡察组对草海镇开展巡察，发现扶贫资金使用不规范等问题。"
    files = [("files", ("鹤庆.txt", text.encode("gb18030"), "text/plain")),
             ("files", ("空.txt", b"", "text/plain")),
             ("files", ("大.txt", ("巡察" * 3000).encode(), "text/plain"))]
    answer = httpx.post(f"{base}/documents", files=files, headers=key)
    assert answer.status_code == 201
    body = answer.json()
    [done] = body["results"]
    assert done["status"] == "ingested" and done["record"]["teams"][0]["name"] == "鹤庆县委第二巡察组"
    errors = {e["name"]: e for e in body["errors"]}
    assert errors["空.txt"]["status"] == 422 and "空.txt" in errors["空.txt"]["detail"]
    assert errors["大.txt"]["status"] == 413
    doc_id = done["id"]
    detail = httpx.get(f"{base}/documents/{doc_id}").json()
    assert detail["name"] == "鹤庆.txt" and detail["text"] == text
    record = httpx.get(f"{base}/documents/{doc_id}/extraction").json()
    issue = record["issues"][0]
    start, end = issue["spans"][0]
    assert detail["original"][start:end] == issue["text"] == "扶贫资金使用不规范"
    assert httpx.get(f"{base}/stats").json()["labels"]["Document"] == before + 1
    again = httpx.post(f"{base}/documents", json={"name": "鹤庆.txt", "text": text}, headers=key).json()
    assert again["results"][0]["status"] == "unchanged"
    assert httpx.delete(f"{base}/documents/{doc_id}", headers=key).status_code == 204
    assert httpx.get(f"{base}/stats").json()["labels"]["Document"] == before


def test_upload_errors_are_problem_details(server: tuple[str, str]) -> None:
    base, _ = server
    key = {"X-API-Key": KEY}
    big = httpx.post(f"{base}/documents", json={"name": "长.txt", "text": "巡" * 5000}, headers=key)
    assert big.status_code == 413 and "长.txt" in big.json()["detail"]
    missing = httpx.post(f"{base}/documents", json={"name": "x.txt"}, headers=key)
    assert missing.status_code == 422 and "text" in missing.json()["detail"]
    not_json = httpx.post(f"{base}/documents", content=b"{", headers={**key, "content-type": "application/json"})
    assert not_json.status_code == 422 and "not JSON" in not_json.json()["detail"]
    unknown = httpx.get(f"{base}/documents/0000/extraction")
    assert unknown.status_code == 404 and unknown.json()["title"] == "Document not found"
    assert httpx.delete(f"{base}/documents/0000", headers=key).status_code == 404


def test_the_openapi_page_documents_the_query_api(server: tuple[str, str]) -> None:
    base, _ = server
    paths = httpx.get(f"{base}/openapi.json").json()["paths"]
    assert {"/recurring-issues", "/recurring-issues/across-targets", "/documents/{doc_id}/extraction"} <= set(paths)
    assert httpx.get(f"{base}/docs").status_code == 200




def test_the_cli_twin_gives_the_same_answer(server: tuple[str, str], data: Path) -> None:
    base, _ = server
    done = subprocess.run([sys.executable, "-m", "api.cli", "query", "recurring", "--target", "漾濞县", "--json",
                           "--data", str(data)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    over_http = httpx.get(f"{base}/recurring-issues", params={"target": "漾濞县"}).json()
    assert json.loads(done.stdout) == over_http
