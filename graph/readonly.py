"""The guard in front of every user-written query: anything that could write is refused.

Comments and string literals are blanked first, so a write clause cannot hide in
them and a word inside a string cannot trip the guard. Behind this guard the
store runs the query in its own read-only mode as a second wall.
"""

from __future__ import annotations

import re

from loaders.errors import ReadOnlyViolation

_COMMENTS = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)
_STRINGS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"", re.S)
_BACKTICKS = re.compile(r"`(?:[^`]|``)*`")
# A keyword counts unless it is a property name (n.set) or a map key ({set: 1}).
_WRITE = re.compile(r"(?<![.\w])(CREATE|MERGE|SET|DELETE|DETACH|REMOVE|DROP|FOREACH|LOAD\s+CSV|ALTER|GRANT|"
                    r"DENY|REVOKE)(?![\w])(?!\s*:)", re.I)
_CALL = re.compile(r"\bCALL\s+([A-Za-z_][\w.]*)", re.I)
READ_PROCEDURES = {"db.labels", "db.relationshiptypes", "db.propertykeys", "db.indexes", "db.constraints",
                   "dbms.components", "db.schema.visualization"}


def strip_literals(query: str) -> str:
    query = _COMMENTS.sub(" ", query)
    query = _STRINGS.sub("''", query)
    return _BACKTICKS.sub("x", query)


def check_read_only(query: str) -> None:
    """Raise :class:`ReadOnlyViolation` if ``query`` contains a clause or procedure that writes."""
    if not query or not query.strip():
        raise ReadOnlyViolation("the query is empty")
    bare = strip_literals(query)
    m = _WRITE.search(bare)
    if m:
        raise ReadOnlyViolation(f"write clause {m.group(1).upper()!r} is not allowed: this endpoint only reads")
    for call in _CALL.finditer(bare):
        if call.group(1).lower() not in READ_PROCEDURES:
            raise ReadOnlyViolation(f"procedure {call.group(1)!r} is not allowed: only "
                                    f"{', '.join(sorted(READ_PROCEDURES))} may be called")
