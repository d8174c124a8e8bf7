"""The one cache: answers reused while the graph is unchanged, recomputed (and the old ones dropped) after a write."""

from __future__ import annotations

from graph import cache
from graph.falkordb_store import FalkorStore
from graph.writer import write_document
from loaders.extract import extract
from loaders.load import load_text


def _write(store: FalkorStore, text: str) -> None:
    doc = load_text(text)
    write_document(store, doc, extract(doc))


def test_an_answer_is_reused_until_the_graph_changes(store: FalkorStore) -> None:
    cache.clear()
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert cache.cached(store, ("n",), compute) == 1
    assert cache.cached(store, ("n",), compute) == 1
    assert cache.cached(store, ("other",), compute) == 2  # another key is another answer
    _write(store, "市委第一巡察组向青石镇党委反馈巡察情况。巡察发现，该镇财务管理不规范。")
    assert cache.cached(store, ("n",), compute) == 3
    held = cache._BY_STORE[store][1]
    assert list(held) == [("n",)], "answers of the older graph are dropped, not left to age out"


def test_each_store_has_its_own_answers(store: FalkorStore, _server_store: FalkorStore) -> None:
    cache.clear()
    assert cache.cached(store, ("k",), lambda: "mine") == "mine"
    assert cache.cached(_server_store, ("k",), lambda: "theirs") == "theirs"
    assert cache.cached(store, ("k",), lambda: "again") == "mine"
