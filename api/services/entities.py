"""What every entity answer needs: a node's reference and display name, its spans, a checked uid,
and one entity fetched by uid."""

from __future__ import annotations

from typing import Any

from api.errors import InvalidRequestError, NotFoundError
from api.models import NodeRef, Span
from graph import queries
from graph.rows import LABELS
from graph.store import Store


def node_ref(uid: str, labels: list[str] | None = None, name: Any = None) -> NodeRef:
    """The reference of the node with this uid (the label is the uid's prefix when labels are not given)."""
    label, _, key = uid.partition(":")
    label = next((x for x in labels or [] if x != "Entity"), label)
    return NodeRef(id=uid, label=label, key=key, name=None if name is None else str(name))


def spans_of(pairs: list[list[Any]] | None) -> list[Span]:
    """The [start, end] pairs a query collected, without the empty ones, in text order."""
    spans = {(int(s), int(e)) for s, e in pairs or [] if s is not None and e is not None}
    return [Span(start=s, end=e) for s, e in sorted(spans)]


def parse_uid(uid: str, what: str = "uid") -> str:
    """A checked entity uid ``Label:key``; 422 if it is not one."""
    label, sep, key = uid.partition(":")
    if not sep or not key or label not in LABELS:
        raise InvalidRequestError(f"{what}: {uid!r} is not an entity uid Label:key (labels: {', '.join(LABELS)})")
    return uid


def fetch_entity(store: Store, uid: str) -> tuple[str, dict[str, Any]]:
    """The label and properties of one entity; 404 problem details if there is none with this uid."""
    rows = store.read(queries.get("entity").text, {"uid": uid}).rows
    if not rows:
        raise NotFoundError(f"no entity {uid}")
    labels, props = rows[0]
    return next((x for x in labels if x != "Entity"), uid.partition(":")[0]), props


def display_name(props: dict[str, Any], key: str) -> str:
    """What to call a node: its name, else its text, else its code, else its key."""
    return str(props.get("name") or props.get("text") or props.get("code") or key)
