"""Wire models shared across resources: one page of a longer list, a reference to a node, a text span,
and the entity labels a path may name. Models of one resource live with its service."""

from __future__ import annotations

from enum import StrEnum
from typing import Generic, TypeVar

from pydantic import BaseModel

from graph.rows import LABELS

T = TypeVar("T")

EntityLabel = StrEnum("EntityLabel", {label: label for label in LABELS})  # type: ignore[misc]


class Page(BaseModel, Generic[T]):
    """One page of a longer list: ``count`` is the length of the whole list."""

    data: list[T]
    count: int
    limit: int
    offset: int


class NodeRef(BaseModel):
    """A node as a page shows it: uid (Label:key, or Document:id), label, key, display name."""

    id: str
    label: str
    key: str
    name: str | None = None


class Span(BaseModel):
    """Offsets into a document's original text."""

    start: int
    end: int
