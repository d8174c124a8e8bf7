"""A row cap the store applies itself: ``LIMIT`` added to a user's query where it returns rows unbounded.

Cutting rows after they arrive leaves the store computing and sending all of them first (a cartesian
product of a thousand nodes is a million rows: gigabytes in the store's reply buffer). So before a
user's query runs, each top-level ``RETURN`` part (the query, or each side of a ``UNION``) that has no
``LIMIT`` of its own gets ``LIMIT cap``, and a literal ``LIMIT`` above the cap is lowered to it. Nothing
inside brackets is touched (subqueries, pattern comprehensions, ``EXISTS { }``); a ``LIMIT $param`` or an
expression stays as written (the byte budget of ``graph/reply_budget.py`` still bounds the answer).
"""

from __future__ import annotations

from graph.readonly import Token, tokens

_OPEN, _CLOSE = "([{", ")]}"


def capped(query: str, cap: int) -> str:
    """``query`` with every top-level RETURN part limited to at most ``cap`` rows."""
    toks = tokens(query)
    depth = 0
    parts: list[list[Token]] = [[]]
    for tok in toks:
        if tok.kind == "other" and tok.text in _OPEN:
            depth += 1
        elif tok.kind == "other" and tok.text in _CLOSE:
            depth = max(depth - 1, 0)
        if depth == 0 and tok.kind == "word" and tok.upper == "UNION":
            parts.append([])
            continue
        if depth == 0:
            parts[-1].append(tok)
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement), applied right to left
    for part in parts:
        returns = [i for i, t in enumerate(part) if t.kind == "word" and t.upper == "RETURN"]
        if not returns:
            continue
        tail = part[returns[-1]:]
        limits = [i for i, t in enumerate(tail) if t.kind == "word" and t.upper == "LIMIT"]
        if not limits:
            last = tail[-1] if tail[-1].text != ";" or len(tail) == 1 else tail[-2]
            end = last.start + len(last.text)
            edits.append((end, end, f" LIMIT {cap}"))
            continue
        value = tail[limits[-1] + 1] if limits[-1] + 1 < len(tail) else None
        if value is not None and value.kind == "number" and value.text.isdigit() and int(value.text) > cap:
            edits.append((value.start, value.start + len(value.text), str(cap)))
    for start, stop, text in sorted(edits, reverse=True):
        query = query[:start] + text + query[stop:]
    return query

