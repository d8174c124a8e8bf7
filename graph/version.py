"""What the graph holds, as a cheap fingerprint: caches built from the graph (the search index, the
recurrence statements) are reused until it changes."""

from __future__ import annotations

from typing import Any

from graph import queries
from graph.store import Store


def fingerprint(store: Store) -> tuple[Any, ...]:
    """Changes whenever a document is ingested, replaced or deleted (``cypher/graph_fingerprint.cypher``)."""
    return tuple(store.read(queries.get("graph_fingerprint").text).rows[0])
