"""The national gazetteer: every province, prefecture and county-level division
with its official name, code and parents, from jionlp's location dictionary,
plus the short and historical forms a text may use for each.

``Gazetteer.scan(text)`` finds every place mention, longest form first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from loaders.jio import jionlp

_ETHNIC = re.compile(r"^(.{2,}?)((?:[\u4e00-\u9fff]{1,4}族)+)自治(县|州|旗)$")


@dataclass(frozen=True, slots=True)
class Place:
    code: str
    name: str
    level: str  # province | prefecture | county
    province: str | None
    prefecture: str | None

    def as_region(self) -> dict[str, str | None]:
        return {"name": self.name, "level": self.level, "province": self.province,
                "prefecture": self.prefecture, "code": self.code}


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    form: str
    candidates: tuple[Place, ...]
    bare: bool  # a short form without an administrative suffix (云南, 涟源)


@dataclass
class Gazetteer:
    places: dict[str, Place] = field(default_factory=dict)
    forms: dict[str, list[Place]] = field(default_factory=dict)
    bare_forms: set[str] = field(default_factory=set)
    lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def _add(self, form: str, place: Place, *, bare: bool = False) -> None:
        if len(form) < 2:
            return
        bucket = self.forms.setdefault(form, [])
        if place not in bucket:
            bucket.append(place)
        if bare:
            self.bare_forms.add(form)

    def _finish(self) -> None:
        by_first: dict[str, set[int]] = {}
        for form in self.forms:
            by_first.setdefault(form[0], set()).add(len(form))
        self.lengths = {k: tuple(sorted(v, reverse=True)) for k, v in by_first.items()}

    def by_name(self, name: str) -> list[Place]:
        return list(self.forms.get(name, []))

    def scan(self, text: str) -> list[PlaceMention]:
        """Every place form in ``text``, longest first, without overlaps."""
        out: list[PlaceMention] = []
        i, n = 0, len(text)
        forms, lengths = self.forms, self.lengths
        while i < n:
            found = None
            for length in lengths.get(text[i], ()):
                if i + length <= n:
                    form = text[i : i + length]
                    if form in forms:
                        found = form
                        break
            if found is None:
                i += 1
                continue
            out.append(PlaceMention(i, i + len(found), found, tuple(forms[found]), found in self.bare_forms))
            i += len(found)
        return out


def _short_forms(full: str) -> tuple[list[str], list[str]]:
    """(suffixed short forms, bare short forms) of an official name."""
    suffixed, bare = [], []
    m = _ETHNIC.match(full)
    if m:
        stem, suffix = m.group(1), m.group(3)
        suffixed += [stem + suffix, stem + "自治" + suffix]
        bare.append(stem)
    elif full.endswith("自治区"):
        pass
    else:
        for suffix in ("特别行政区", "地区", "林区", "省", "市", "县", "区", "盟", "旗"):
            if full.endswith(suffix) and len(full) - len(suffix) >= 2:
                bare.append(full[: -len(suffix)])
                break
    return suffixed, bare


def short_forms(full: str) -> tuple[list[str], list[str]]:
    """(suffixed short forms, bare short forms) of an official name: 漾濞彝族自治县 → ([漾濞县], [漾濞])."""
    return _short_forms(full)


@cache
def jieba_words() -> dict[str, tuple[int, str]]:
    import jieba

    path = Path(jieba.__file__).parent / "dict.txt"
    words: dict[str, tuple[int, str]] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3 and 2 <= len(parts[0]) <= 4:
                words[parts[0]] = (int(parts[1]), parts[2])
    return words


_WORD_TAGS = {"a", "ad", "an", "d", "v", "vn", "vd", "m", "q", "r", "p", "c", "u", "t", "s", "f", "l", "i"}


def _bare_ok(form: str, level: str) -> bool:
    """A bare short form (涟源, 云南) counts as a place mention only where it is not
    also a common word in jieba's dictionary (新华, 和平, 东方)."""
    entry = jieba_words().get(form)
    if entry is None:
        return True
    freq, tag = entry
    if tag == "ns":
        return True
    if tag in _WORD_TAGS:
        return False
    return freq < (1000 if level != "county" else 100)


@cache
def gazetteer() -> Gazetteer:
    jio = jionlp()
    tree = jio.china_location_loader(detail=False)
    gaz = Gazetteer()

    def add_place(place: Place, aliases: list[str]) -> None:
        gaz.places[place.code] = place
        gaz._add(place.name, place)
        suffixed, bare = _short_forms(place.name)
        for form in suffixed:
            gaz._add(form, place)
        for form in set(bare) | set(aliases):
            if form != place.name and _bare_ok(form, place.level):
                gaz._add(form, place, bare=True)

    for prov_name, prov in tree.items():
        alias = prov.get("_alias")
        prov_place = Place(prov["_admin_code"], prov.get("_full_name", prov_name), "province", None, None)
        add_place(prov_place, [alias] if isinstance(alias, str) else list(alias or []))
        municipality = prov_place.name in ("北京市", "上海市", "天津市", "重庆市")
        for city_name, city in prov.items():
            if city_name.startswith("_"):
                continue
            city_place = Place(city["_admin_code"], city.get("_full_name", city_name), "prefecture",
                               prov_place.name, None)
            if not municipality and city_place.name != prov_place.name:
                add_place(city_place, list(city.get("_alias") or []))
            for county_name, county in city.items():
                if county_name.startswith("_"):
                    continue
                county_place = Place(county["_admin_code"], county.get("_full_name", county_name), "county",
                                     prov_place.name, None if municipality else city_place.name)
                add_place(county_place, list(county.get("_alias") or []))
    _add_historical(gaz)
    gaz._finish()
    return gaz


def _add_historical(gaz: Gazetteer) -> None:
    """Old names (a county that became a city, a merged district) point at today's division."""
    jio = jionlp()
    path = Path(str(jio.__file__)).parent / "dictionary" / "china_location_change.txt"
    if not path.exists():
        return
    by_name: dict[tuple[str | None, str], Place] = {(p.province, p.name): p for p in gaz.places.values()}
    for line in path.read_text(encoding="utf-8").splitlines():
        if "=>" not in line:
            continue
        old, new = line.split("=>", 1)
        old_parts, new_parts = old.split("\t"), new.split("\t")
        if len(old_parts) < 8 or len(new_parts) < 3:
            continue
        old_county, new_county, new_prov = old_parts[6], new_parts[2], new_parts[0]
        target = by_name.get((new_prov, new_county))
        if target and old_county and old_county != new_county and old_county not in gaz.forms:
            gaz._add(old_county, target)


def parents(place: Place) -> list[Place]:
    """The prefecture (if any) and province a division belongs to, nearest first."""
    gaz = gazetteer()
    out: list[Place] = []
    for name, level in ((place.prefecture, "prefecture"), (place.province, "province")):
        if not name:
            continue
        for candidate in gaz.forms.get(name, []):
            if candidate.level == level and (level == "province" or candidate.province == place.province):
                out.append(candidate)
                break
    return out


def by_official_name(name: str) -> Place | None:
    """The division whose official (or short) name this is; ``None`` where unknown."""
    candidates = gazetteer().forms.get(name or "", [])
    exact = [p for p in candidates if p.name == name]
    found = exact or candidates
    return found[0] if found else None
