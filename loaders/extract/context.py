"""What every extractor step shares: the document, its mention spans, and what
earlier steps found (people's names, places) that later steps must respect."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from loaders.gazetteer import Place, PlaceMention
from loaders.types import LoadedDocument


@dataclass
class Context:
    doc: LoadedDocument
    person_spans: list[tuple[int, int]] = field(default_factory=list)
    places: list[tuple[PlaceMention, Place]] = field(default_factory=list)
    province: str | None = None
    prefecture: str | None = None
    county: Place | None = None
    localities: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.doc.text

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.doc.span(start, end)

    def inside_person(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.person_spans)

    def settle_home(self) -> None:
        """The province, prefecture and county the document is mostly about."""
        provinces: Counter[str] = Counter()
        prefectures: Counter[str] = Counter()
        counties: Counter[str] = Counter()
        by_code: dict[str, Place] = {}
        for _, place in self.places:
            provinces[place.province or place.name] += 1
            if place.level == "prefecture":
                prefectures[place.name] += 1
            elif place.prefecture:
                prefectures[place.prefecture] += 1
            if place.level == "county":
                counties[place.code] += 1
                by_code[place.code] = place
        self.province = provinces.most_common(1)[0][0] if provinces else None
        self.prefecture = prefectures.most_common(1)[0][0] if prefectures else None
        if counties:
            self.county = by_code[counties.most_common(1)[0][0]]
