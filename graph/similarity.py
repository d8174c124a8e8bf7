"""Near-duplicate problem statements, linked in the store as ``(Issue)-[:SIMILAR_TO {score}]->(Issue)``.

Linking is incremental: only the issues of documents not linked yet (no ``similar_at`` stamp; newly
ingested or re-extracted) are compared, each with the issues already in the graph. Comparisons are
blocked: only statements of the same category are compared (a problem keeps its category), with
rapidfuzz's vectorised ``cdist`` over the block. Inside a block, statements about the same target also
count as similar when one contains the other (扶贫资金使用不及时 inside a longer sentence), the test
recurrence uses; across targets only the whole-text ratio counts.

Each issue keeps its ``max_links`` best matches (same target first, then the highest score), so a
statement written the same way about thousands of counties gives a chain of links, not a clique. The
problem clusters are the connected groups of these links (``graph/analysis/subgraph.py``).

The links of a batch of documents and their stamps are written in one transaction; a crash between
ingest and linking leaves those documents unstamped, and the next pass links them.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from graph import queries
from graph.store import BULK_TIMEOUT_MS, Store

DEFAULT_THRESHOLD = 85.0
DEFAULT_MAX_LINKS = 5
BATCH_DOCUMENTS = 200
CHUNK_ROWS = 2_000  # fresh wordings scored at once: 2,000 x a block's wordings, one byte each


@dataclass
class LinkSummary:
    documents: int = 0
    issues: int = 0
    links: int = 0
    seconds: float = 0.0
    pending_before: int = 0
    blocks: dict[str, int] = field(default_factory=dict)  # category -> statements compared against


@dataclass
class _Issue:
    id: str
    text: str
    category: str
    document: str
    targets: frozenset[str]


def pending_documents(store: Store) -> list[str]:
    """Documents whose issues have not been linked yet."""
    rows = store.read_bulk(queries.get("similar_pending").text).rows
    return [row[0] for row in rows]


def reset(store: Store) -> int:
    """Drop every link and stamp (the next ``link_pending`` compares everything); the number of documents."""
    return int(store.write(queries.get("similar_reset").text).rows[0][0])


def link_pending(store: Store, *, threshold: float = DEFAULT_THRESHOLD, max_links: int = DEFAULT_MAX_LINKS,
                 on_batch: Callable[[int, int], None] | None = None) -> LinkSummary:
    """Link the issues of every unlinked document to their near-duplicates; ``on_batch(done, total)`` after
    each written batch of documents."""
    started = time.perf_counter()
    pending = pending_documents(store)
    summary = LinkSummary(pending_before=len(pending))
    if not pending:
        return summary
    pending_set = set(pending)
    # Which categories the pending documents' issues are in: one read of every issue of those categories.
    issues = _issues(store, _categories_of(store, pending_set))
    new = [i for i in issues if i.document in pending_set]
    by_block: dict[str, list[_Issue]] = defaultdict(list)
    for issue in issues:
        by_block[issue.category].append(issue)
    pairs_by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for category, block in by_block.items():
        fresh = [i for i in block if i.document in pending_set]
        if not fresh:
            continue
        summary.blocks[category] = len(block)
        for pair in _block_pairs(fresh, block, threshold, max_links):
            pairs_by_doc[pair["doc"]].append(pair)
    summary.issues = len(new)
    done = 0
    for start in range(0, len(pending), BATCH_DOCUMENTS):
        batch = pending[start:start + BATCH_DOCUMENTS]
        pairs = [p for doc in batch for p in pairs_by_doc.get(doc, [])]
        store.write(queries.get("similar_write").text, {"pairs": pairs, "docs": batch, "now": time.time()})
        summary.links += len(pairs)
        done += len(batch)
        if on_batch is not None:
            on_batch(done, len(pending))
    summary.documents = len(pending)
    summary.seconds = time.perf_counter() - started
    return summary


def _categories_of(store: Store, documents: set[str]) -> list[str]:
    rows = store.read(queries.get("similar_categories").text, {"docs": sorted(documents)}, max_rows=1_000,
                      timeout_ms=BULK_TIMEOUT_MS).rows
    return sorted(row[0] for row in rows if row[0] is not None)


def _issues(store: Store, categories: list[str]) -> list[_Issue]:
    if not categories:
        return []
    rows = store.read_bulk(queries.get("similar_issues").text, {"categories": categories}).rows
    return [_Issue(r[0], r[1] or "", r[2], r[3] or r[0].rsplit(":", 1)[0], frozenset(r[4] or [])) for r in rows]


def _block_pairs(fresh: list[_Issue], block: list[_Issue], threshold: float,
                 max_links: int) -> list[dict[str, Any]]:
    """The best links of each fresh issue among the issues of its block (itself excluded; a pair of two
    fresh issues is linked once, from the later id to the earlier).

    Each distinct wording is scored once (a block of thousands of statements often has a few dozen
    wordings), in chunks of rows so the score matrix stays small; then each fresh issue takes its
    same-target matches and fills up with the other targets' issues of the best wordings, id order."""
    fresh_ids = {i.id for i in fresh}
    wordings: dict[str, tuple[list[_Issue], list[_Issue]]] = defaultdict(lambda: ([], []))  # (linked, fresh)
    for other in sorted(block, key=lambda i: i.id):
        wordings[other.text][other.id in fresh_ids].append(other)
    texts = list(wordings)
    by_target: dict[str, list[_Issue]] = defaultdict(list)
    for other in block:
        for target in other.targets:
            by_target[target].append(other)
    asked = list(dict.fromkeys(i.text for i in fresh))
    best: dict[str, list[tuple[float, str]]] = {}  # fresh wording -> (score, block wording), best first
    for start in range(0, len(asked), CHUNK_ROWS):
        chunk = asked[start:start + CHUNK_ROWS]
        scores = process.cdist(chunk, texts, scorer=fuzz.ratio, score_cutoff=threshold, dtype="uint8", workers=-1)
        for row, text in enumerate(chunk):
            cols = scores[row].nonzero()[0]
            best[text] = sorted(((float(scores[row, c]), texts[c]) for c in cols), key=lambda x: (-x[0], x[1]))
    out: list[dict[str, Any]] = []
    for issue in fresh:
        scored = dict((t, score) for score, t in best[issue.text])
        candidates: dict[str, tuple[int, float, str]] = {}  # id -> (same target, score, scope)
        for other in {o.id: o for t in issue.targets for o in by_target[t]}.values():  # the same target
            if _skip(issue, other, fresh_ids):
                continue
            if other.text in scored:
                candidates[other.id] = (1, scored[other.text], "target")
            elif (len(issue.text) >= 6 and len(other.text) >= 6
                  and fuzz.partial_ratio(issue.text, other.text) >= 95):  # one inside the other
                candidates[other.id] = (1, float(fuzz.ratio(issue.text, other.text)), "target")
        ranked = sorted(candidates.items(), key=lambda c: (-c[1][1], c[0]))[:max_links]
        taken = {other_id for other_id, _ in ranked}
        for score, text in best[issue.text]:  # other targets, best wording first, id order within one
            if len(ranked) >= max_links:
                break
            for other in _earlier_first(*wordings[text], issue):
                if other.id in taken or issue.targets & other.targets:
                    continue
                ranked.append((other.id, (0, score, "category")))
                taken.add(other.id)
                if len(ranked) >= max_links:
                    break
        for other_id, (_same, score, scope) in ranked:
            out.append({"a": issue.id, "b": other_id, "score": round(score, 1), "scope": scope,
                        "doc": issue.document})
    return out


def _earlier_first(linked: list[_Issue], fresh: list[_Issue], issue: _Issue) -> Iterator[_Issue]:
    """The issues of one wording (each list in id order) that ``issue`` may link to: those already linked,
    then the fresh ones with an earlier id; it stops at the first later fresh one, so a wording shared by
    thousands of fresh statements costs each only its first few."""
    yield from linked
    for other in fresh:
        if other.id >= issue.id:
            return
        yield other


def _skip(issue: _Issue, other: _Issue, fresh_ids: set[str]) -> bool:
    """Itself, or a fresh issue with a later id (that one links to this one instead)."""
    return other.id == issue.id or (other.id in fresh_ids and other.id > issue.id)
