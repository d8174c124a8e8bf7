"""The one cache: answers computed from the whole graph (the search index, statement rows, groupings,
the analyses' problem graph), kept until the graph changes.

One rule: an answer is valid while the store's fingerprint (``graph/version.py``) is the one it was
computed under. Each store has its own LRU (``cachetools``), held weakly, so a closed store's answers go
with it; when the fingerprint changes, that store's older answers are dropped at once rather than left to
age out. One lock guards the bookkeeping; answers are computed outside it, so a slow computation does not
hold up cache hits of other requests (two threads that miss together may both compute; the later wins).
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

from cachetools import LRUCache

from graph.store import Store
from graph.version import fingerprint

#: Answers kept per store; one grouping of a large graph can hold tens of MB.
SIZE = 48

T = TypeVar("T")
_LOCK = threading.Lock()
_BY_STORE: weakref.WeakKeyDictionary[Store, tuple[tuple[Any, ...], LRUCache[tuple[Any, ...], Any]]] = \
    weakref.WeakKeyDictionary()


def cached(store: Store, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
    """``compute()``, reused until the graph changes. ``key`` names the answer and its arguments (and
    anything else it depends on that the fingerprint does not cover)."""
    current = fingerprint(store)
    with _LOCK:
        held = _BY_STORE.get(store)
        if held is None or held[0] != current:
            held = _BY_STORE[store] = (current, LRUCache(maxsize=SIZE))
        answers = held[1]
        if key in answers:
            return answers[key]
    value = compute()
    with _LOCK:
        held = _BY_STORE.get(store)
        if held is not None and held[0] == current:
            held[1][key] = value
    return value


def clear() -> None:
    """Forget every answer (tests, benchmarks)."""
    with _LOCK:
        _BY_STORE.clear()
