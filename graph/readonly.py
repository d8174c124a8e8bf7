"""The guard in front of every user-written query: anything that could write is refused.

The query is read by a small lexer that follows FalkorDB's own rules, in one pass from left to
right, so a string can hide neither a comment nor a keyword and a comment can hide neither a string
nor a keyword:

- strings are ``'...'`` or ``"..."``, a backslash escapes the next character;
- quoted names are ```...``` with no escape (FalkorDB has no doubled backtick);
- ``//`` comments end at a line feed only (a lone carriage return does not end them);
  ``/* ... */`` comments do not nest;
- whitespace is space, tab, carriage return and line feed; anything else outside strings,
  quoted names and comments must be ASCII (FalkorDB rejects it), and a NUL would cut the
  query short inside FalkorDB, so control characters are refused.

A write keyword (CREATE, MERGE, SET, DELETE, DETACH, REMOVE, DROP, FOREACH, LOAD) counts unless the
tokens around it make it a name: ``n.set`` (after a dot), ``(:Create)``/``[:DELETE]`` (after a
colon), ``$set`` (a parameter), ``AS set`` (an alias), ``{set: 1}`` or ``(set)`` (followed by a
colon, a closing bracket, a comma, a dot or ``=``) — no clause keyword is ever followed by those.
``CALL`` may only name a procedure from :data:`READ_PROCEDURES` (or open a ``CALL { ... }`` subquery,
whose body is checked like the rest). Behind this guard the store runs the query with
``GRAPH.RO_QUERY`` as a second wall.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from graph.errors import QueryError, ReadOnlyViolation

WRITE_KEYWORDS = frozenset({"CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "FOREACH", "LOAD",
                            "ALTER", "GRANT", "DENY", "REVOKE"})
# FalkorDB 4.16's procedures whose mode is READ (CALL dbms.procedures() YIELD name, mode), and Neo4j 5's
# full-text queries; lower case.
READ_PROCEDURES = frozenset({
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.indexes", "db.constraints", "db.meta.stats",
    "db.idx.fulltext.querynodes", "db.idx.fulltext.queryrelationships", "db.idx.vector.querynodes",
    "db.idx.vector.queryrelationships", "dbms.procedures", "dbms.functions", "dbms.components",
    "db.schema.visualization", "db.index.fulltext.querynodes", "db.index.fulltext.queryrelationships",
    "db.awaitindexes", "algo.pagerank", "algo.bfs", "algo.betweenness", "algo.labelpropagation",
    "algo.msf", "algo.sppaths", "algo.sspaths", "algo.wcc",
})
_NAME_BEFORE = {".", ":", "$", "AS"}          # a keyword right after these is a name
_NAME_AFTER = {":", ")", "]", "}", ",", ".", "="}  # a keyword right before these is a name

_LEXER = re.compile(r"""
    (?P<space>[ \t\r\n]+)
  | (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
  | (?P<quoted>`[^`]*`)
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<number>[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?)
  | (?P<open>/\*|['"`])
  | (?P<other>.)
""", re.S | re.X)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PARAM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_RUN_CHAR = re.compile(r"[A-Za-z0-9_]|[^\x00-\x7f]")


@dataclass(frozen=True)
class Token:
    """One significant token: its kind (``word``, ``string``, ``quoted``, ``number``, ``other``), text, offset."""

    kind: str
    text: str
    start: int

    @property
    def upper(self) -> str:
        return self.text.upper()


def tokens(query: str) -> list[Token]:
    """The query's tokens without whitespace and comments, by FalkorDB's lexical rules.

    An unterminated string, quoted name or block comment raises :class:`QueryError`: what
    follows it cannot be told apart from text, and FalkorDB would not run the query either.
    """
    out: list[Token] = []
    for m in _LEXER.finditer(query):
        kind = m.lastgroup or "other"
        if kind in ("space", "comment"):
            continue
        if kind == "open":
            what = {"/*": "comment", "`": "quoted name"}.get(m.group(), "string")
            raise QueryError(f"unterminated {what} starting at {_where(query, m.start())}")
        out.append(Token(kind, m.group(), m.start()))
    return out


def strip_literals(query: str) -> str:
    """The query with strings as ``''``, quoted names as ``x`` and comments as one space (for display and tests)."""
    parts = []
    for tok in tokens(query):
        parts.append("''" if tok.kind == "string" else "x" if tok.kind == "quoted" else tok.text)
    return " ".join(parts)


def check_read_only(query: str, parameters: Mapping[str, Any] | None = None) -> None:
    """Raise :class:`ReadOnlyViolation` if ``query`` contains a clause or procedure that writes.

    Raise :class:`QueryError` for a query that is empty, not lexically valid (an unterminated
    string, a control character, non-ASCII text outside strings and quoted names) or whose
    ``parameters`` cannot be passed safely.
    """
    if not query or not query.strip():
        raise QueryError("the query is empty")
    control = _CONTROL.search(query)
    if control:
        raise QueryError(f"control character U+{ord(control.group()):04X} at {_where(query, control.start())} "
                         f"is not allowed in a query")
    toks = tokens(query)
    if len(toks) >= 2 and toks[0].upper == "GRAPH" and toks[1].text == ".":
        raise ReadOnlyViolation("store commands such as GRAPH.DELETE cannot be sent here: this endpoint runs one "
                                "read-only Cypher query")
    for i, tok in enumerate(toks):
        if tok.kind != "word" or _is_name(toks, i):
            continue
        if tok.upper in WRITE_KEYWORDS:
            clause = "LOAD CSV" if tok.upper == "LOAD" else "DETACH DELETE" if tok.upper == "DETACH" else tok.upper
            raise ReadOnlyViolation(f"write clause {clause} at {_where(query, tok.start)} is not allowed: "
                                    f"this endpoint only reads")
        if tok.upper == "CALL":
            _check_call(query, toks, i)
    _check_ascii(query, toks)
    if parameters:
        check_parameters(parameters)


def check_parameters(parameters: Mapping[str, Any]) -> None:
    """Raise :class:`QueryError` unless every parameter name (and nested map key) can be sent to FalkorDB.

    The client sends parameters as a ``CYPHER name=value`` header before the query, with names
    and map keys in backticks and strings quoted and escaped; a backtick or an empty name cannot
    be sent, and a NUL would cut the query short.
    """
    for name, value in parameters.items():
        if not isinstance(name, str) or not _PARAM_NAME.match(name):
            raise QueryError(f"parameter name {name!r} is not allowed: use letters, digits and _ "
                             f"(and refer to it as $name)")
        _check_value(name, value)


def _check_value(path: str, value: Any) -> None:
    if isinstance(value, str):
        if "\x00" in value:
            raise QueryError(f"parameter {path} contains a NUL character")
    elif isinstance(value, Mapping):
        for key, inner in value.items():
            if not isinstance(key, str) or not key or "`" in key or "\x00" in key:
                raise QueryError(f"parameter {path} has a map key {key!r} that cannot be sent "
                                 f"(empty, or with a backtick or NUL)")
            _check_value(f"{path}.{key}", inner)
    elif isinstance(value, (list, tuple)):
        for n, inner in enumerate(value):
            _check_value(f"{path}[{n}]", inner)
    elif isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        raise QueryError(f"parameter {path} is not a finite number")


def _is_name(toks: list[Token], i: int) -> bool:
    """Whether the word at ``i`` is a property, label, parameter, alias, map key or variable."""
    before = toks[i - 1].upper if i > 0 else ""
    after = toks[i + 1].text if i + 1 < len(toks) else ""
    if before == ".":
        # A property only after something that has properties: n.set, `n`.set, (n).set, m[0].set, {a: 1}.set.
        # After a number (1.e0 is a float) the dot does not make a name.
        owner = toks[i - 2] if i > 1 else None
        return owner is not None and (owner.kind in ("word", "quoted") or owner.text in (")", "]", "}"))
    return before in _NAME_BEFORE or after in _NAME_AFTER


def _check_call(query: str, toks: list[Token], i: int) -> None:
    """``CALL { subquery }`` passes (its body is checked as any other text); ``CALL name`` must name a reader."""
    j = i + 1
    if j < len(toks) and toks[j].text == "{":
        return
    parts: list[str] = []
    while j < len(toks) and toks[j].kind in ("word", "quoted"):
        parts.append(toks[j].text.strip("`"))
        if j + 1 < len(toks) and toks[j + 1].text == ".":
            j += 2
            continue
        break
    name = ".".join(parts)
    if not name:
        raise ReadOnlyViolation(f"CALL at {_where(query, toks[i].start)} must name a read-only procedure")
    if name.lower() not in READ_PROCEDURES:
        raise ReadOnlyViolation(f"procedure {name!r} is not allowed: only read-only procedures may be called "
                                f"({', '.join(sorted(READ_PROCEDURES))})")


def _check_ascii(query: str, toks: list[Token]) -> None:
    """Non-ASCII text outside strings, quoted names and comments: a lookalike keyword writes, else it is invalid."""
    for tok in toks:
        if tok.kind != "other" or tok.text.isascii():
            continue
        start, end = tok.start, tok.start + 1
        while start > 0 and _RUN_CHAR.match(query[start - 1]):
            start -= 1
        while end < len(query) and _RUN_CHAR.match(query[end]):
            end += 1
        folded = unicodedata.normalize("NFKC", query[start:end]).upper()
        hit = next((k for k in WRITE_KEYWORDS | {"CALL"} if re.search(rf"(?<![A-Z0-9_]){k}(?![A-Z0-9_])", folded)),
                   None)
        if hit:
            raise ReadOnlyViolation(f"{hit} spelt with look-alike characters at {_where(query, tok.start)} "
                                    f"is not allowed: this endpoint only reads")
        raise QueryError(f"character {tok.text!r} (U+{ord(tok.text):04X}) at {_where(query, tok.start)} must be "
                         f"inside a string or a `quoted name`: names, keywords and spaces in Cypher are ASCII "
                         f"(write n.`名称`, not n.名称)")


def _where(query: str, offset: int) -> str:
    line = query.count("\n", 0, offset) + 1
    column = offset - (query.rfind("\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"
