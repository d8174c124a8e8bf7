"""The in-memory fuzzy name index: over names written here, and over a real embedded store."""

from __future__ import annotations

from pathlib import Path

from graph.falkordb_store import FalkorStore
from graph.search_index import Entry, SearchIndex, entry_of, fold, index_for, similarity
from graph.writer import write_document
from loaders.extract import extract
from loaders.load import load_file

NAMES = [
    entry_of("Region:532922", ["Entity", "Region"], {"code": "532922", "name": "漾濞彝族自治县", "level": "county",
                                                     "province": "云南省", "prefecture": "大理白族自治州"}),
    entry_of("Region:530000", ["Entity", "Region"], {"code": "530000", "name": "云南省", "level": "province"}),
    entry_of("Region:522324", ["Entity", "Region"], {"code": "522324", "name": "晴隆县", "level": "county"}),
    Entry("Organization", "漾濞县委", "漾濞县委", "party_committee"),
    Entry("Organization", "云南省委", "云南省委", "party_committee"),
    Entry("Team", "province:云南省委:8:巡视", "云南省委第八巡视组", "province · 云南省委 · 巡视"),
    Entry("Person", "杨琼瑛|云南省委第八巡视组", "杨琼瑛", "组长"),
    Entry("Issue", "d:i0", "扶贫资金使用不及时、不精准", "funds"),
]


def _index() -> SearchIndex:
    return SearchIndex.build(e for e in NAMES if e is not None)


def _first(index: SearchIndex, query: str, label: str | None = None) -> str:
    hits = index.search(query, label=label)
    assert hits, f"nothing found for {query}"
    return hits[0].name


def test_exact_partial_and_short_forms_find_the_region() -> None:
    index = _index()
    assert _first(index, "漾濞彝族自治县") == "漾濞彝族自治县"
    assert _first(index, "漾濞") == "漾濞彝族自治县"
    assert _first(index, "漾濞县") == "漾濞彝族自治县"
    assert _first(index, "532922") == "漾濞彝族自治县"


def test_one_wrong_or_missing_character_is_forgiven() -> None:
    index = _index()
    assert _first(index, "漾鼻县") == "漾濞彝族自治县"
    assert _first(index, "漾县") == "漾濞彝族自治县"
    assert _first(index, "云南省委第巡视组") == "云南省委第八巡视组"
    assert _first(index, "扶贫资金使用不及时不精准") == "扶贫资金使用不及时、不精准"


def test_traditional_input_finds_simplified_names() -> None:
    index = _index()
    assert fold("漾濞縣") == "漾濞县"
    assert _first(index, "漾濞縣") == "漾濞彝族自治县"
    assert _first(index, "雲南省") == "云南省"
    assert _first(index, "楊瓊瑛") == "杨琼瑛"


def test_label_filter_scores_and_misses() -> None:
    index = _index()
    hits = index.search("云南省委")
    assert hits[0].name == "云南省委" and hits[0].score == 100
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert _first(index, "漾濞", label="Organization") == "漾濞县委"
    assert all(h.label == "Team" for h in index.search("巡视组", label="Team"))
    assert index.search("北京") == [] and index.search("  ") == []
    region = index.search("漾濞")[0]
    assert region.key == "532922" and "大理白族自治州" in region.detail and "county" in region.detail


def test_similarity_prefers_whole_names_to_parts_of_longer_ones() -> None:
    assert similarity("漾濞县", "漾濞县") == 100
    assert similarity("漾濞", "漾濞县") > similarity("漾濞", "漾濞县委巡察办") > 0
    assert similarity("漾鼻县", "漾濞县") > similarity("漾鼻县", "晴隆县")


DOC_A = ("2019年11月28日至2020年1月12日，省委第八巡视组对漾濞县开展了脱贫攻坚巡视。"
         "会上，省委第八巡视组组长李明远向漾濞县委领导班子反馈了巡视意见。"
         "反馈意见指出，主要是：县委存在产业扶贫成效不明显、易地扶贫搬迁工作有差距等问题。")
DOC_B = ("2019年9月，省委第三巡视组对德江县开展了专项巡视。省委第三巡视组组长周可新反馈意见指出，"
         "主要是：存在扶贫资金闲置、产业扶贫成效不明显等问题。")


def _write(store: FalkorStore, path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    doc = load_file(path)
    write_document(store, doc, extract(doc))


def test_index_of_a_store_is_cached_and_rebuilt_when_the_graph_changes(store: FalkorStore, tmp_path: Path) -> None:
    _write(store, tmp_path / "a.txt", DOC_A)
    first = index_for(store)
    assert index_for(store) is first, "an unchanged graph reuses its index"
    assert first.search("漾鼻县")[0].name == "漾濞彝族自治县"
    assert first.search("李明远")[0].label == "Person"
    assert not [h for h in first.search("德江县") if h.name == "德江县"]
    _write(store, tmp_path / "b.txt", DOC_B)
    second = index_for(store)
    assert second is not first and len(second) > len(first)
    assert second.search("德江县")[0].name == "德江县"
    assert second.search("周可新")[0].label == "Person"
