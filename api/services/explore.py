"""Services that explore the graph around entities: fuzzy search by name, one entity with its
relationships, a neighbourhood for a graph view, and the shortest connections between two entities."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel

from api.errors import InvalidRequestError
from api.models import NodeRef, Page
from api.services.entities import display_name, fetch_entity, node_ref, parse_uid
from graph import queries
from graph.search_index import index_for
from graph.store import Store

MAX_RELATIONSHIPS = 2000
MAX_NODES = 500
MAX_PATH_HOPS = 6


class SearchHit(BaseModel):
    label: str
    key: str
    name: str
    score: float
    detail: str


class Relationship(BaseModel):
    direction: Literal["out", "in"]
    node: NodeRef
    properties: dict[str, Any]


class EntityDetail(BaseModel):
    id: str
    label: str
    key: str
    name: str
    properties: dict[str, Any]
    relationships: dict[str, list[Relationship]]
    truncated: bool


class GraphNode(NodeRef):
    depth: int


class GraphEdge(BaseModel):
    source: str
    target: str
    type: str


class Neighborhood(BaseModel):
    center: str
    depth: int
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    truncated: bool


class GraphPath(BaseModel):
    length: int
    nodes: list[NodeRef]
    edges: list[GraphEdge]


class Paths(Page[GraphPath]):
    source: str
    target: str
    max_hops: int


def search(*, store: Store, q: str, label: str | None = None, limit: int = 20, offset: int = 0) -> Page[SearchHit]:
    """Entities whose name matches ``q`` (fuzzy, Traditional folded to Simplified), best first."""
    if not q.strip():
        raise InvalidRequestError("q: give some text to search for")
    hits = index_for(store).search(q, label=label)
    data = [SearchHit(label=h.label, key=h.key, name=h.name, score=h.score, detail=h.detail)
            for h in hits[offset:offset + limit]]
    return Page[SearchHit](data=data, count=len(hits), limit=limit, offset=offset)


def entity(*, store: Store, label: str, key: str) -> EntityDetail:
    """One entity with its properties and its relationships grouped by type (404 if unknown)."""
    uid = f"{label}:{key}"
    found_label, props = fetch_entity(store, uid)
    result = store.read(queries.get("entity_relationships").text, {"uid": uid}, max_rows=MAX_RELATIONSHIPS)
    groups: dict[str, list[Relationship]] = {}
    for rel_type, outgoing, labels, other, name, rel_props in result.rows:
        groups.setdefault(rel_type, []).append(Relationship(
            direction="out" if outgoing else "in", node=node_ref(other, labels, name), properties=rel_props))
    return EntityDetail(id=uid, label=found_label, key=key, name=display_name(props, key), properties=props,
                        relationships=groups, truncated=result.truncated)


def neighbors(*, store: Store, label: str, key: str, depth: int = 1, include_documents: bool = False,
              max_nodes: int = MAX_NODES) -> Neighborhood:
    """The nodes and edges within ``depth`` steps of an entity; documents and provenance only on request.
    Stops adding nodes at ``max_nodes`` and says so with ``truncated``."""
    uid = f"{label}:{key}"
    found_label, props = fetch_entity(store, uid)
    nodes = {uid: GraphNode(id=uid, label=found_label, key=key, name=display_name(props, key), depth=0)}
    edges: dict[tuple[str, str, str], GraphEdge] = {}
    frontier, truncated = [uid], False
    for level in range(1, depth + 1):
        if not frontier:
            break
        added: list[str] = []
        for source, rel_type, outgoing, labels, other, name in _step(store, frontier, include_documents):
            if other not in nodes:
                if len(nodes) >= max_nodes:
                    truncated = True
                    continue
                ref = node_ref(other, labels, name)
                nodes[other] = GraphNode(**ref.model_dump(), depth=level)
                added.append(other)
            a, b = (source, other) if outgoing else (other, source)
            edges.setdefault((a, b, rel_type), GraphEdge(source=a, target=b, type=rel_type))
        frontier = added
    return Neighborhood(center=uid, depth=depth, nodes=list(nodes.values()), edges=list(edges.values()),
                        truncated=truncated)


def _step(store: Store, frontier: list[str], include_documents: bool) -> list[list[Any]]:
    """The relationships of the frontier nodes (one named query)."""
    if not include_documents:
        return store.read(queries.get("neighbors_step").text, {"uids": frontier}, max_rows=100_000).rows
    uids = [u for u in frontier if not u.startswith("Document:")]
    docs = [u.split(":", 1)[1] for u in frontier if u.startswith("Document:")]
    return store.read(queries.get("neighbors_step_documents").text, {"uids": uids, "docs": docs},
                      max_rows=100_000).rows


def paths(*, store: Store, source: str, target: str, max_hops: int = 4, limit: int = 5,
          offset: int = 0) -> Paths:
    """The shortest connections between two entities over the graph's facts (not via documents)."""
    parse_uid(source, "from")
    parse_uid(target, "to")
    if source == target:
        raise InvalidRequestError("from and to are the same entity")
    fetch_entity(store, source)
    fetch_entity(store, target)
    result = store.read(queries.get("paths").text, {"from": source, "to": target, "max_hops": max_hops},
                        max_rows=1000)
    found: dict[tuple[Any, ...], GraphPath] = {}
    for path_nodes, path_edges in result.rows:
        path = GraphPath(length=len(path_edges),
                         nodes=[node_ref(n["uid"], n["labels"], n["name"]) for n in path_nodes],
                         edges=[GraphEdge(**e) for e in path_edges])
        found.setdefault(tuple(n.id for n in path.nodes) + tuple((e.type, e.source) for e in path.edges), path)
    ordered = sorted(found.values(), key=lambda p: (p.length, [n.id for n in p.nodes]))
    return Paths(source=source, target=target, max_hops=max_hops, data=ordered[offset:offset + limit],
                 count=len(ordered), limit=limit, offset=offset)
