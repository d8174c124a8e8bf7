"""What every extractor step reads: the document, and what earlier steps settled
(where people's names are, which places are mentioned, the document's home
region, its localities). A context is frozen; the pipeline in ``__init__`` makes
the next one from the last with :meth:`Context.with_`, so each step is a function
of what it is given and can be tested alone."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from loaders.gazetteer import Place, PlaceMention
from loaders.types import LoadedDocument


@dataclass(frozen=True)
class Home:
    """The province, prefecture and county a document is mostly about."""

    province: str | None = None
    prefecture: str | None = None
    county: Place | None = None


@dataclass(frozen=True)
class Context:
    doc: LoadedDocument
    person_spans: tuple[tuple[int, int], ...] = ()
    places: tuple[tuple[PlaceMention, Place], ...] = ()
    home: Home = Home()
    localities: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def province(self) -> str | None:
        return self.home.province

    @property
    def prefecture(self) -> str | None:
        return self.home.prefecture

    @property
    def county(self) -> Place | None:
        return self.home.county

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.doc.span(start, end)

    def inside_person(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.person_spans)

    def with_(self, **changes: Any) -> Context:
        """This context with some of what earlier steps settled filled in."""
        return replace(self, **changes)


def settle_home(places: Iterable[tuple[PlaceMention, Place]]) -> Home:
    """The province, prefecture and county most often mentioned."""
    provinces: Counter[str] = Counter()
    prefectures: Counter[str] = Counter()
    counties: Counter[str] = Counter()
    by_code: dict[str, Place] = {}
    for _, place in places:
        provinces[place.province or place.name] += 1
        if place.level == "prefecture":
            prefectures[place.name] += 1
        elif place.prefecture:
            prefectures[place.prefecture] += 1
        if place.level == "county":
            counties[place.code] += 1
            by_code[place.code] = place
    return Home(province=provinces.most_common(1)[0][0] if provinces else None,
                prefecture=prefectures.most_common(1)[0][0] if prefectures else None,
                county=by_code[counties.most_common(1)[0][0]] if counties else None)
