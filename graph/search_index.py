"""Fuzzy entity search by name, in memory: FalkorDB's full-text index finds nothing in Chinese.

Every entity contributes its name (or text, or code) and, for regions, the short forms a text uses
(漾濞彝族自治县 → 漾濞县, 漾濞) and its code. Candidates come from shared character bigrams and
unigrams (weighted by rarity); ``rapidfuzz`` scores them, so one wrong or one missing character still
finds the name, and Traditional input is folded to Simplified first.

``index_for(store)`` keeps one index per store and rebuilds it when the graph's fingerprint (number of
documents, latest ingestion time) changes.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from graph import queries
from graph.cache import cached
from graph.store import Store

MIN_SCORE = 50.0
MAX_CANDIDATES = 400
# Order of labels when scores tie: places and inspectors before statements.
LABEL_RANK = {label: n for n, label in enumerate(
    ("Region", "Team", "Round", "Person", "Organization", "Locality", "Category", "Issue", "Measure"))}


@dataclass(frozen=True)
class Entry:
    """One searchable entity: what a hit shows, and the forms its name is matched on."""

    label: str
    key: str
    name: str
    detail: str = ""
    forms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    label: str
    key: str
    name: str
    score: float
    detail: str


def fold(text: str, *, convert: bool = True) -> str:
    """The form a query or a name is compared in: Simplified, half-width, lower case, no spaces.
    Names in the graph come from normalised text already, so they skip the conversion (``convert=False``)."""
    if convert:
        from loaders.normalise import normalise

        text = normalise(text).text
    return "".join(text.lower().split())


def _grams(text: str) -> set[str]:
    """The character unigrams and bigrams of a folded string."""
    return set(text) | {text[i:i + 2] for i in range(len(text) - 1)}


def similarity(query: str, form: str) -> float:
    """How well a folded query matches one folded form, 0..100: the whole-string ratio, or the best
    matching part of a longer form, discounted by how much of the form the query leaves unmatched."""
    if not query or not form:
        return 0.0
    if query == form:
        return 100.0
    score = fuzz.ratio(query, form)
    if len(form) > len(query):
        score = max(score, fuzz.partial_ratio(query, form) * (0.8 + 0.2 * len(query) / len(form)))
    return score


@dataclass
class SearchIndex:
    entries: list[Entry] = field(default_factory=list)
    postings: dict[str, list[int]] = field(default_factory=dict)
    folded: list[tuple[str, ...]] = field(default_factory=list)

    @classmethod
    def build(cls, entries: Iterable[Entry]) -> SearchIndex:
        """An index over the entries' names and forms."""
        index = cls()
        for entry in entries:
            forms = tuple(dict.fromkeys(f for f in (fold(x, convert=False) for x in (entry.name, *entry.forms)) if f))
            if not forms:
                continue
            n = len(index.entries)
            index.entries.append(entry)
            index.folded.append(forms)
            for gram in set().union(*(_grams(f) for f in forms)):
                index.postings.setdefault(gram, []).append(n)
        return index

    def __len__(self) -> int:
        return len(self.entries)

    def _candidates(self, query: str, label: str | None) -> list[int]:
        """Entries (of one label, if given) sharing grams with the query, the rarest shared grams weighing
        most; at most ``MAX_CANDIDATES``."""
        weights: Counter[int] = Counter()
        total = max(len(self.entries), 1)
        for gram in _grams(query):
            posting = self.postings.get(gram, ())
            if not posting:
                continue
            idf = math.log(1 + total / len(posting)) * (2 if len(gram) == 2 else 1)
            for n in posting:
                if label is None or self.entries[n].label == label:
                    weights[n] += idf  # type: ignore[assignment]
        return [n for n, _ in weights.most_common(MAX_CANDIDATES)]

    def search(self, query: str, *, label: str | None = None, min_score: float = MIN_SCORE) -> list[Hit]:
        """The entities whose name matches the query well enough, best first (scored among the
        ``MAX_CANDIDATES`` entries that share the most, and rarest, characters with it)."""
        folded = fold(query)
        if not folded:
            return []
        hits: list[tuple[float, int, int, str, Entry]] = []
        for n in self._candidates(folded, label or None):
            entry = self.entries[n]
            score = max(similarity(folded, form) for form in self.folded[n])
            if score >= min_score:
                hits.append((-round(score, 1), LABEL_RANK.get(entry.label, 99), len(entry.name), entry.key, entry))
        hits.sort(key=lambda h: h[:4])
        return [Hit(e.label, e.key, e.name, -s, e.detail) for s, _, _, _, e in hits]


def entry_of(uid: str, labels: list[str], props: dict[str, Any]) -> Entry | None:
    """The search entry of one entity row of ``search_names``; ``None`` for a row with nothing to match."""
    label = next((x for x in labels if x != "Entity"), None)
    if label is None or ":" not in uid:
        return None
    key = uid.split(":", 1)[1]
    name = props.get("name") or props.get("text") or props.get("code") or key
    forms: tuple[str, ...] = ()
    if label == "Region":
        from loaders.gazetteer import short_forms

        suffixed, bare = short_forms(name)
        forms = (*suffixed, *bare, key)
    return Entry(label, key, str(name), _detail(label, props), forms)


def _detail(label: str, props: dict[str, Any]) -> str:
    """A short line that tells one hit from another of the same name."""
    def join(*values: Any) -> str:
        return " · ".join(str(v) for v in values if v not in (None, "", []))

    if label == "Region":
        return join(props.get("level"), props.get("prefecture"), props.get("province"), props.get("code"))
    if label == "Person":
        return join("、".join(props.get("titles") or []), props.get("affiliation"))
    if label == "Team":
        return join(props.get("level"), props.get("issuer"), props.get("kind"))
    if label == "Round":
        return join(props.get("issuer"), props.get("theme"), "回头看" if props.get("lookback") else None)
    if label == "Organization":
        return join(props.get("type"))
    if label == "Locality":
        return join(props.get("county"))
    if label == "Issue":
        return join(props.get("category"), props.get("target"))
    if label == "Measure":
        return join(props.get("status"), props.get("actor"))
    return ""


def load(store: Store) -> SearchIndex:
    """A fresh index over every entity of the store (one named query)."""
    result = store.read_bulk(queries.get("search_names").text)
    entries = (entry_of(uid, labels, props) for uid, labels, props in result.rows)
    return SearchIndex.build(e for e in entries if e is not None)


def index_for(store: Store) -> SearchIndex:
    """The search index of this store, rebuilt if the graph changed since it was built (``graph/cache.py``)."""
    return cached(store, ("search-index",), lambda: load(store))
