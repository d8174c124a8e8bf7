"""How many nodes and relationships of each kind the graph holds."""

from __future__ import annotations

from pydantic import BaseModel

from graph import queries
from graph.store import Store


class Stats(BaseModel):
    labels: dict[str, int]
    relationships: dict[str, int]


def stats(*, store: Store) -> Stats:
    labels = store.read(queries.get("stats_labels").text)
    rels = store.read(queries.get("stats_relationships").text)
    return Stats(labels={r[0]: r[1] for r in labels.rows}, relationships={r[0]: r[1] for r in rels.rows})
