"""Who went where when several teams are sent at once:

"省委第一、第二、第三巡视组分别进驻黄冈市、十堰市、黄石市及麻城市、蕲春县、郧阳区…"

The targets before "及" go one to a team, in order. When there are more of them
than teams, the regions take the last teams one each and the bodies written
first (省总工会、省质监局) share the teams left over. A target after "及" goes to
the team that took its prefecture; a target the place list does not know (a
development zone) goes with its neighbours when both sides agree, and is left
without a team otherwise (it is still recorded as inspected).
"""

from __future__ import annotations

import re

from loaders.extract.context import Context
from loaders.extract.numerals import NUMERAL_CHARS, to_int
from loaders.gazetteer import Place, gazetteer
from loaders.record import Inspected, Team

_N = f"[{NUMERAL_CHARS}]+"
_SENT = re.compile(rf"第({_N})((?:[、和及与]第?{_N})+)(巡视|巡察)组分别(?:进驻|对|巡视|巡察)(?P<targets>[^，。；]+?)(?=开展|进行|实施|$|，|。)")


def _place(name: str) -> Place | None:
    places = gazetteer().forms.get(name)
    return places[0] if places else None


def _target_name(raw: str, ctx: Context) -> tuple[str, Place | None]:
    place = _place(raw)
    if place is not None:
        return place.name, place
    if raw.startswith("省") and ctx.province:
        return ctx.province + raw[1:], None
    return raw, None


def assign_enumerated(ctx: Context, teams: list[Team]) -> list[Inspected]:
    text = ctx.text
    by_ordinal: dict[tuple[int, str], Team] = {(t.ordinal, t.kind): t for t in teams if t.ordinal}
    out: list[Inspected] = []
    for s, e in ctx.doc.sentences:
        for m in _SENT.finditer(text, s, e):
            numbers = [m.group(1), *re.findall(_N, m.group(2))]
            crew = [by_ordinal.get((to_int(n) or 0, m.group(3))) for n in numbers]
            if not all(crew):
                continue
            first, _, rest = m.group("targets").partition("及")
            primary = [_target_name(x.strip(), ctx) for x in first.split("、") if x.strip()]
            secondary = [_target_name(x.strip(), ctx) for x in rest.split("、") if x.strip()]
            span = ctx.span(m.start(), m.end())
            owner: dict[str, Team | None] = dict(_primary(primary, crew))  # type: ignore[arg-type]
            for name, team in _secondary(secondary, primary, owner):
                owner[name] = team
            for name, _place_of in primary + secondary:
                team = owner.get(name)
                out.append(Inspected(team=team.name if team else None, target=name, spans=[span]))
    return out


def _primary(primary: list[tuple[str, Place | None]], crew: list[Team]) -> list[tuple[str, Team | None]]:
    if len(primary) == len(crew):
        return [(name, team) for (name, _), team in zip(primary, crew, strict=True)]
    regions = [name for name, place in primary if place is not None]
    bodies = [name for name, place in primary if place is None]
    spare = len(crew) - len(regions)
    if len(primary) < len(crew) or spare < 1 or primary[: len(bodies)] != [(b, None) for b in bodies]:
        return [(name, None) for name, _ in primary]
    pairs: list[tuple[str, Team | None]] = [(b, crew[min(i, spare - 1)]) for i, b in enumerate(bodies)]
    pairs += list(zip(regions, crew[spare:], strict=True))
    return pairs


def _secondary(secondary: list[tuple[str, Place | None]], primary: list[tuple[str, Place | None]],
               owner: dict[str, Team | None]) -> list[tuple[str, Team | None]]:
    by_prefecture = {name: owner.get(name) for name, place in primary if place is not None}
    known: list[Team | None] = []
    for _name, place in secondary:
        team = by_prefecture.get(place.prefecture) if place is not None and place.prefecture else None
        known.append(team)
    out: list[tuple[str, Team | None]] = []
    for i, (name, place) in enumerate(secondary):
        team = known[i]
        if team is None and place is None:
            before = next((known[j] for j in range(i - 1, -1, -1) if known[j]), None)
            after = next((known[j] for j in range(i + 1, len(known)) if known[j]), None)
            if before is not None and (after is None or after is before):
                team = before
            elif after is not None and before is None:
                team = after
        out.append((name, team))
    return out
