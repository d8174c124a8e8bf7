"""Answers computed from the whole graph, kept until the graph changes."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from graph.store import Store
from graph.version import fingerprint

_CACHE: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
_CACHE_SIZE = 48


def cached(store: Store, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
    """``compute()``, reused until the graph changes (``graph/version.py``): statement rows and groupings
    of a large graph take seconds, the fingerprint milliseconds. ``key`` names the answer and its
    arguments (and anything else it depends on that the fingerprint does not cover)."""
    full_key = (id(store), fingerprint(store), *key)
    if full_key in _CACHE:
        _CACHE.move_to_end(full_key)
        return _CACHE[full_key]
    value = compute()
    _CACHE[full_key] = value
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return value
