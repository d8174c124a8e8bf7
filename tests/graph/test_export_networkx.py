"""``xunshi export --format graphml|gexf|jsonl|node-link`` and ``GET /export``: every file read back with
networkx's own readers (and our JSON Lines reader), decoded by the rules of docs/export.md, must hold the
nodes and relationships of the store exactly, with their types; ``read`` must give back the very graph
that ``select`` made. The filters are checked against the graph itself.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import networkx as nx
import pytest

from api.services.stats import stats as graph_stats
from graph.errors import ExportError
from graph.export import elements, selection
from graph.export import networkx_formats as nxf
from graph.export.elements import nodes, relationships
from graph.falkordb_store import FalkorStore
from tests.conftest import ROOT, SEEDS, needs_shared
from tests.serving import ingest, serving

GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"
GEXF_NS = "{http://www.gexf.net/1.2draft}"


@pytest.fixture(scope="module")
def seeded_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory of its own with the seeds, for the command line and the server."""
    data = tmp_path_factory.mktemp("nxexport-data")
    ingest(data, SEEDS)
    return data


# --- what the store holds, and what the files hold, in one comparable form --------------------------------

def _key(item: Any) -> str:
    """JSON with sorted keys: 1, 1.0, True and "1" stay different."""
    return json.dumps(item, ensure_ascii=False, sort_keys=True)


def _expected_attributes(node_id: str, labels: list[str], props: dict[str, Any]) -> dict[str, Any]:
    text = props.get("text")
    fallback = text if isinstance(text, str) and text else node_id
    return {**props, "labels": ";".join(labels), "label": labels[0],
            "name": props["name"] if props.get("name") is not None else fallback}


def _store_view(store: FalkorStore) -> tuple[dict[str, str], Counter[str]]:
    want_nodes = {n.id: _key(_expected_attributes(n.id, n.labels, n.props)) for n in nodes(store)}
    want_rels = Counter(_key([r.start, r.type, r.end, r.props]) for r in relationships(store))
    return want_nodes, want_rels


def _file_view(node_items: Any, edge_items: Any) -> tuple[dict[str, str], Counter[str]]:
    got_nodes = {n: _key(a) for n, a in node_items}
    got_rels = Counter(_key([u, a["type"], v, {k: x for k, x in a.items() if k != "type"}]) for u, v, a in edge_items)
    return got_nodes, got_rels


def _exact(graph: nx.MultiDiGraph) -> tuple[dict[str, str], list[str]]:
    """Everything of a graph, edge keys included."""
    return ({n: _key(a) for n, a in graph.nodes(data=True)},
            sorted(_key([u, v, k, a]) for u, v, k, a in graph.edges(keys=True, data=True)))


# --- decoding by the documented rules, on top of networkx's own readers -----------------------------------

def _decode(attrs: dict[str, Any], as_json: set[str], escaped: bool, drop: tuple[str, ...] = ()) -> dict[str, Any]:
    out = {}
    for name, value in attrs.items():
        if name in drop:
            continue
        if escaped and name.startswith("_"):
            name = name[1:]
        out[name] = json.loads(value) if name in as_json else value
    return out


def _from_graphml(path: Path) -> tuple[dict[str, str], Counter[str]]:
    raw = nx.read_graphml(path)
    plan = json.loads(raw.graph["json_keys"])
    return _file_view(((n, _decode(a, set(plan["node"]), False)) for n, a in raw.nodes(data=True)),
                      ((u, v, _decode(a, set(plan["edge"]), False)) for u, v, a in raw.edges(data=True)))


def _from_gexf(path: Path) -> tuple[dict[str, str], Counter[str]]:
    description = ET.parse(path).getroot().find(f"{GEXF_NS}meta/{GEXF_NS}description")
    assert description is not None
    plan = json.loads(description.text or "")["json_keys"]
    raw = nx.read_gexf(path)
    node_json, edge_json = set(plan["node"]), set(plan["edge"])
    return _file_view(((n, _decode(a, node_json, True, ("label",))) for n, a in raw.nodes(data=True)),
                      ((u, v, _decode(a, edge_json, True, ("id", "label"))) for u, v, a in raw.edges(data=True)))


def _from_node_link(path: Path) -> tuple[dict[str, str], Counter[str]]:
    raw = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), directed=True, multigraph=True,
                             edges="edges")
    return _file_view(((n, _decode(a, set(), True)) for n, a in raw.nodes(data=True)),
                      ((u, v, _decode(a, set(), True)) for u, v, a in raw.edges(data=True)))


def _from_jsonl(path: Path) -> tuple[dict[str, str], Counter[str]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        assert record["type"] in ("node", "relationship") and isinstance(record["properties"], dict)
    raw = nxf.read_jsonl(path)
    return _file_view(raw.nodes(data=True), raw.edges(data=True))


READERS = {"graphml": _from_graphml, "gexf": _from_gexf, "node-link": _from_node_link, "jsonl": _from_jsonl}


def _check_round_trip(store: FalkorStore, path: Path, fmt: str) -> None:
    graph = selection.select(store)
    written = nxf.write(graph, path, fmt)
    assert written == selection.summary(graph)
    assert READERS[fmt](path) == _store_view(store)
    assert _exact(nxf.read(path, fmt)) == _exact(graph)


# --- the seeds: every format --------------------------------------------------------------------------------

@needs_shared
@pytest.mark.parametrize("fmt", nxf.FORMATS)
def test_every_format_holds_the_whole_graph(seeded: FalkorStore, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"graph.{nxf.EXTENSIONS[fmt]}"
    _check_round_trip(seeded, path, fmt)
    stats = graph_stats(store=seeded)
    assert selection.summary(nxf.read(path, fmt)) == {"nodes": stats.labels, "relationships": stats.relationships}
    person = next(a for _, a in nxf.read(path, fmt).nodes(data=True) if a["label"] == "Person")
    assert isinstance(person["titles"], list), "lists come back as lists"


@needs_shared
def test_xml_files_parse_with_a_plain_parser(seeded: FalkorStore, tmp_path: Path) -> None:
    graph = selection.select(seeded)
    nxf.write(graph, tmp_path / "g.graphml", "graphml")
    nxf.write(graph, tmp_path / "g.gexf", "gexf")
    root = ET.parse(tmp_path / "g.graphml").getroot()
    g = root.find(f"{GRAPHML_NS}graph")
    assert g is not None and g.get("edgedefault") == "directed"
    assert len(g.findall(f"{GRAPHML_NS}node")) == graph.number_of_nodes()
    edge_ids = [e.get("id") for e in g.findall(f"{GRAPHML_NS}edge")]
    assert len(edge_ids) == graph.number_of_edges() == len(set(edge_ids)), "edge ids are unique in the file"
    keys = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in root.findall(f"{GRAPHML_NS}key")}
    assert keys[("node", "ordinal")] == "long" and keys[("node", "ingested_at")] == "double"
    assert keys[("node", "lookback")] == "boolean" and keys[("node", "titles")] == "string"
    gexf = ET.parse(tmp_path / "g.gexf").getroot()
    assert gexf.get("version") == "1.2"
    gexf_nodes = gexf.findall(f"{GEXF_NS}graph/{GEXF_NS}nodes/{GEXF_NS}node")
    gexf_edges = gexf.findall(f"{GEXF_NS}graph/{GEXF_NS}edges/{GEXF_NS}edge")
    assert len(gexf_nodes) == graph.number_of_nodes() and len(gexf_edges) == graph.number_of_edges()
    assert len({e.get("id") for e in gexf_edges}) == len(gexf_edges)
    region = next(n for n in gexf_nodes if n.get("id") == "Region:532922")
    assert region.get("label") == "漾濞彝族自治县", "Gephi shows the name"
    assert {e.get("label") for e in gexf_edges} == set(graph_stats(store=seeded).relationships)
    assert gexf.find(f"{GEXF_NS}graph").get("mode") == "static", "no property was taken for a time spell"


# --- odd values, written into a store of our own ------------------------------------------------------------

ODD = """
CREATE (d:Document {id: 'd1', name: '', text: $crlf, published: '2020-01-02', ingested_at: 1.5})
CREATE (p:Person:Entity {uid: 'Person:甲|县委', key: '甲|县委', name: '甲', titles: ['书记', '县长'], id: 'p1',
                         start: 3, `_hidden`: 'x', networkx_key: 'nk', flag: true, mixed: 1})
CREATE (r:Region:Entity {uid: 'Region:100000', code: '100000', name: '乙', ratio: 0.25, flag: false,
                         mixed: 'one', codes: [1, 2]})
CREATE (i:Issue:Entity {uid: 'Issue:d1:i0', id: 'd1:i0', text: $control})
CREATE (c:Category:Entity {uid: 'Category:funds', code: 'funds'})
CREATE (p)-[:MENTIONED_IN {doc: 'd1', start: 0, end: 2}]->(d)
CREATE (p)-[:MENTIONED_IN {doc: 'd1', start: 5, end: 7}]->(d)
CREATE (i)-[:MENTIONED_IN {doc: 'd1', start: 9, end: 12}]->(d)
CREATE (r)-[:MENTIONED_IN {doc: 'd1', start: 20, end: 21}]->(d)
CREATE (p)-[:HOLDS {doc: 'd1', title: '书记', start: '2019-01-01', weight: 2.5, source: 's', key: 'k', empty: ''}]->(r)
CREATE (i)-[:CONCERNS {doc: 'd1'}]->(r)
CREATE (i)-[:IN_CATEGORY {doc: 'd1'}]->(c)
"""


@pytest.fixture
def odd(store: FalkorStore) -> FalkorStore:
    store.write(ODD, {"crlf": "第一行\r\n第二行\r\n", "control": "问题\x0c文本\x01"})
    return store


@pytest.mark.parametrize("fmt", nxf.FORMATS)
def test_lists_mixed_types_reserved_names_and_control_characters_survive(odd: FalkorStore, tmp_path: Path,
                                                                         fmt: str) -> None:
    _check_round_trip(odd, tmp_path / f"odd.{nxf.EXTENSIONS[fmt]}", fmt)
    graph = nxf.read(tmp_path / f"odd.{nxf.EXTENSIONS[fmt]}", fmt)
    assert graph.nodes["Document:d1"]["text"] == "第一行\r\n第二行\r\n" and graph.nodes["Document:d1"]["name"] == ""
    assert graph.nodes["Issue:d1:i0"]["name"] == "问题\x0c文本\x01", "an issue is shown by its text"
    assert graph.nodes["Category:funds"]["name"] == "Category:funds"
    assert sorted(graph["Person:甲|县委"]["Document:d1"]) == ["MENTIONED_IN", "MENTIONED_IN#2"]


def test_no_text_leaves_out_the_document_texts(odd: FalkorStore) -> None:
    document = selection.select(odd, text=False).nodes["Document:d1"]
    assert not {"text", "original", "record"} & set(document) and document["published"] == "2020-01-02"
    assert selection.select(odd, text=False).nodes["Issue:d1:i0"]["text"] == "问题\x0c文本\x01", "issues keep theirs"


# --- filters ----------------------------------------------------------------------------------------------

@needs_shared
def test_region_keeps_its_documents_and_what_they_mention(seeded: FalkorStore) -> None:
    graph = selection.select(seeded, region="漾濞县")
    assert graph.nodes["Region:532922"]["name"] == "漾濞彝族自治县"
    rels = list(relationships(seeded))
    concerning = {r.start for r in rels if r.type == "CONCERNS" and r.end == "Region:532922"}
    assert concerning and concerning <= set(graph), "the issues concerning the county are there"
    docs = {n for n, a in graph.nodes(data=True) if a["label"] == "Document"}
    mentioned_in: dict[str, set[str]] = {}
    for r in rels:
        if r.type == "MENTIONED_IN":
            mentioned_in.setdefault(r.start, set()).add(r.end)
    kept_issues = {n for n, a in graph.nodes(data=True) if a["label"] == "Issue"}
    categories = {r.end for r in rels if r.type == "IN_CATEGORY" and r.start in kept_issues}
    for node, attrs in graph.nodes(data=True):
        if attrs["label"] == "Category":
            assert node in categories
        elif attrs["label"] != "Document":
            assert mentioned_in[node] & docs, f"{node} is not mentioned in a kept document"
    elsewhere = {n for n, d in mentioned_in.items() if not d & docs}
    assert elsewhere and not elsewhere & set(graph), "nothing only mentioned in other documents"
    between = Counter(r.type for r in rels if r.start in graph and r.end in graph)
    assert selection.summary(graph)["relationships"] == dict(sorted(between.items()))
    assert all(v in docs for _, v, t in graph.edges(data="type") if t == "MENTIONED_IN")
    for same in ("532922", "漾濞縣", "漾濞彝族自治县"):
        assert _exact(selection.select(seeded, region=same)) == _exact(graph)


@needs_shared
def test_period_keeps_dated_documents_only(seeded: FalkorStore) -> None:
    published = {n.id: n.props.get("published") for n in nodes(seeded) if n.label == "Document"}
    graph = selection.select(seeded, since="2020-01-01", until="2020-12-31")
    want = {d for d, p in published.items() if p and "2020-01-01" <= p[:10] <= "2020-12-31"}
    assert want and {n for n, a in graph.nodes(data=True) if a["label"] == "Document"} == want
    everything = selection.select(seeded, since="1900-01-01")
    assert {n for n, a in everything.nodes(data=True) if a["label"] == "Document"} == {
        d for d, p in published.items() if p}, "documents without a date are left out"
    assert selection.select(seeded, region="漾濞县", since="2030-01-01").number_of_nodes() == 0


@needs_shared
def test_labels_keep_only_those_nodes(seeded: FalkorStore) -> None:
    graph = selection.select(seeded, labels=["Region", "Issue"])
    stats = graph_stats(store=seeded)
    assert selection.summary(graph)["nodes"] == {"Issue": stats.labels["Issue"], "Region": stats.labels["Region"]}
    kept = {n.id for n in nodes(seeded) if n.label in ("Region", "Issue")}
    between = Counter(r.type for r in relationships(seeded) if r.start in kept and r.end in kept)
    assert selection.summary(graph)["relationships"] == dict(sorted(between.items()))
    assert {"CONCERNS", "PART_OF"} <= set(between)
    assert _exact(selection.select(seeded, labels=["Region,Issue"])) == _exact(graph)
    county = selection.select(seeded, region="漾濞县", labels=["Region"])
    regions = selection.select(seeded, region="漾濞县").nodes(data=True)
    assert set(county) == {n for n, a in regions if a["label"] == "Region"}


@needs_shared
def test_bad_filters_name_what_is_wrong(seeded: FalkorStore) -> None:
    with pytest.raises(ExportError, match="'Regoin'"):
        selection.select(seeded, labels=["Region", "Regoin"])
    with pytest.raises(ExportError, match="火星县"):
        selection.select(seeded, region="火星县")
    with pytest.raises(ExportError, match="2020-13-01"):
        selection.select(seeded, since="2020-13-01")
    with pytest.raises(ExportError, match="empty"):
        selection.select(seeded, since="2021-01-01", until="2020-01-01")
    with pytest.raises(ExportError, match="unknown format"):
        nxf.write(nx.MultiDiGraph(), "unused", "dot")


# --- the command line and HTTP ----------------------------------------------------------------------------

def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "api.cli", "export", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


@needs_shared
def test_cli_writes_each_format_and_refuses_filters_for_neo4j(seeded_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "g.graphml"
    done = _cli("--data", str(seeded_dir), "--format", "graphml", str(path))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == selection.summary(nxf.read(path, "graphml"))
    assert f"as graphml to {path}" in " ".join(done.stderr.split())
    graph = nx.read_graphml(tmp_path / "g.graphml")
    assert graph.nodes["Region:532922"]["name"] == "漾濞彝族自治县"
    small = tmp_path / "small.gexf"
    done = _cli("--data", str(seeded_dir), "--format", "gexf", "--region", "漾濞县", "--label", "Region",
                "--label", "Issue", "--no-text", str(small))
    assert done.returncode == 0, done.stderr
    assert set(json.loads(done.stdout)["nodes"]) == {"Region", "Issue"}
    piped = _cli("--data", str(seeded_dir), "--format", "jsonl", "--label", "Category", "-")
    assert piped.returncode == 0, piped.stderr
    assert {json.loads(line)["type"] for line in piped.stdout.splitlines()} == {"node"}
    refused = _cli("--data", str(seeded_dir), "--format", "neo4j-admin", "--region", "漾濞县",
                   str(tmp_path / "admin"))
    assert refused.returncode == 2 and "--region" in refused.stderr and "graphml" in refused.stderr
    assert not (tmp_path / "admin").exists()
    bad = _cli("--data", str(seeded_dir), "--format", "graphml", "--label", "Nope", str(tmp_path / "x.graphml"))
    assert bad.returncode == 2 and "Nope" in bad.stderr and not (tmp_path / "x.graphml").exists()


@needs_shared
def test_http_export_returns_a_file_networkx_reads(seeded_dir: Path, seeded: FalkorStore, tmp_path: Path) -> None:
    with serving(seeded_dir) as (base, _proc):
        whole = httpx.get(f"{base}/export", params={"format": "graphml"}, timeout=60)
        county = httpx.get(f"{base}/export", params={"format": "node-link", "region": "漾濞县",
                                                     "label": ["Region", "Issue"], "text": "false"}, timeout=60)
        bad_label = httpx.get(f"{base}/export", params={"format": "gexf", "label": "Regoin"}, timeout=60)
        bad_region = httpx.get(f"{base}/export", params={"region": "火星县"}, timeout=60)
        bad_format = httpx.get(f"{base}/export", params={"format": "dot"}, timeout=60)
    assert whole.status_code == 200, whole.text
    assert whole.headers["content-type"] == "application/graphml+xml"
    assert whole.headers["content-disposition"] == 'attachment; filename="xunshi.graphml"'
    (tmp_path / "whole.graphml").write_bytes(whole.content)
    graph = nx.read_graphml(tmp_path / "whole.graphml")
    assert graph.nodes["Region:532922"]["name"] == "漾濞彝族自治县"
    stats = graph_stats(store=seeded)  # the same seeds in the session's store
    assert selection.summary(nxf.read(tmp_path / "whole.graphml", "graphml")) == {"nodes": stats.labels,
                                                                           "relationships": stats.relationships}
    assert county.status_code == 200 and county.headers["content-disposition"].endswith('filename="xunshi.json"')
    data = county.json()
    assert {n["label"] for n in data["nodes"]} == {"Region", "Issue"} and "Region:532922" in {
        n["id"] for n in data["nodes"]}
    for response, name in ((bad_label, "Regoin"), (bad_region, "火星县")):
        assert response.status_code == 422 and response.headers["content-type"] == "application/problem+json"
        assert name in response.json()["detail"] and response.json()["code"] == "E211"
    assert bad_format.status_code == 422


@needs_shared
def test_small_pages_give_the_same_graph(seeded: FalkorStore, monkeypatch: pytest.MonkeyPatch) -> None:
    whole, county = _exact(selection.select(seeded)), _exact(selection.select(seeded, region="漾濞县"))
    monkeypatch.setattr(elements, "PAGE", 3)  # node pages, and start-node windows that grow and shrink
    monkeypatch.setattr(selection, "KEYS_PER_QUERY", 7)
    monkeypatch.setattr(selection, "DOCS_PER_QUERY", 1)
    assert _exact(selection.select(seeded)) == whole
    assert _exact(selection.select(seeded, region="漾濞县")) == county
