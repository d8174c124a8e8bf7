"""The named queries of ``cypher/``: loaded once, listed with their headers.

A file starts with ``//`` header lines (``title:``, ``description:``,
``params:``); ``// include: fragments/x`` splices in a shared fragment at that
point. Parameters are the ``$names`` the text uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from cypher import CYPHER_DIR
from graph.errors import QueryError

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    text: str
    parameters: tuple[str, ...]


def _parse(name: str, source: str) -> NamedQuery:
    header: dict[str, str] = {}
    body: list[str] = []
    last = None
    for line in source.splitlines():
        stripped = line.strip()
        if stripped.startswith("//"):
            content = stripped[2:].strip()
            m = re.match(r"^(title|description|params|include):\s*(.*)$", content)
            if m:
                last = m.group(1)
                if last == "include":
                    body.append(_load_text(m.group(2).strip()))
                else:
                    header[last] = m.group(2)
            elif last in ("description", "params") and content:
                header[last] += " " + content
            continue
        if stripped:
            body.append(line)
    text = "\n".join(body)
    params = tuple(dict.fromkeys(_PARAM.findall(text)))
    return NamedQuery(name, header.get("title", name), header.get("description", ""), text, params)


def _load_text(name: str) -> str:
    path = CYPHER_DIR / f"{name}.cypher"
    if not path.exists():
        raise QueryError(f"no query named {name!r} in {CYPHER_DIR}")
    return _parse(name, path.read_text(encoding="utf-8")).text


@cache
def get(name: str) -> NamedQuery:
    path = CYPHER_DIR / f"{name}.cypher"
    if not path.exists():
        raise QueryError(f"no query named {name!r}; known: {', '.join(q.name for q in all_queries())}")
    return _parse(name, path.read_text(encoding="utf-8"))


def all_queries() -> list[NamedQuery]:
    return [get(p.stem) for p in sorted(CYPHER_DIR.glob("*.cypher"))]


def schema_statements(backend: str) -> list[str]:
    """The schema statements of one backend, one per line of ``cypher/<backend>/schema.cypher``."""
    path = CYPHER_DIR / backend / "schema.cypher"
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.strip().startswith("//")]
