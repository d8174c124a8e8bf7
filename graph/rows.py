"""Turn an extraction record into the rows the writer sends: nodes by label,
relationships by type, and provenance mentions. Entity resolution lives here:
places by gazetteer code, teams by level + issuer + ordinal + kind, people by
name plus the body their title names (never by name alone)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from loaders.extract.organizations import type_of
from loaders.gazetteer import Place, by_official_name, parents
from loaders.record import Record, Team
from loaders.rules import alternation

LABELS = ("Team", "Round", "Region", "Locality", "Organization", "Person", "Issue", "Measure", "Category")
REL_TYPES = ("INSPECTED", "IN_ROUND", "HOLDS", "FOUND_BY", "CONCERNS", "IN_CATEGORY", "RAISED_BEFORE_BY",
             "ADDRESSES", "TAKEN_BY", "PART_OF")
# The role that ends a title (县委副书记 → 县委): the roles and bylines of rules/titles.jsonl.
_ROLE_TAIL = re.compile(f"(?:{alternation('titles', 'role')}|{alternation('titles', 'byline')})$")


@dataclass
class Rows:
    nodes: dict[str, dict[str, dict[str, Any]]] = field(default_factory=lambda: {label: {} for label in LABELS})
    rels: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {t: [] for t in REL_TYPES})
    mentions: list[dict[str, Any]] = field(default_factory=list)

    def node(self, label: str, key: str, props: dict[str, Any], spans: list[tuple[int, int]] | None = None) -> str:
        uid = f"{label}:{key}"
        row = self.nodes[label].setdefault(key, {"uid": uid, "key": key, "props": {}})
        row["props"].update({k: v for k, v in props.items() if v is not None})
        for start, end in spans or []:
            self.mentions.append({"uid": uid, "start": int(start), "end": int(end)})
        return uid

    def rel(self, rel_type: str, src: str, dst: str, **props: Any) -> None:
        row = {"from": src, "to": dst, "props": {k: v for k, v in props.items() if v is not None}}
        if row not in self.rels[rel_type]:
            self.rels[rel_type].append(row)

    def params(self) -> dict[str, Any]:
        out: dict[str, Any] = {label: list(rows.values()) for label, rows in self.nodes.items()}
        out.update(self.rels)
        out["mentions"] = self.mentions
        return out

    def counts(self) -> dict[str, int]:
        out = {label: len(rows) for label, rows in self.nodes.items() if rows}
        out.update({t: len(rows) for t, rows in self.rels.items() if rows})
        out["MENTIONED_IN"] = len(self.mentions)
        return out


def team_key(team: Team, doc_id: str) -> str:
    issuer = team.issuer or f"?{doc_id[:12]}"
    return f"{team.level or '?'}:{issuer}:{team.ordinal}:{team.kind}"


def build_rows(record: Record, doc_id: str) -> Rows:
    rows = Rows()
    teams: dict[str, str] = {}  # team name or as-written -> uid
    for team in record.teams:
        uid = rows.node("Team", team_key(team, doc_id), {
            "name": team.name, "level": team.level, "issuer": team.issuer, "ordinal": team.ordinal,
            "kind": team.kind}, team.spans)
        teams[team.name] = uid
        if team.as_written:
            teams.setdefault(team.as_written, uid)
    rounds: dict[str, str] = {}
    for rnd in record.rounds:
        key = rnd.name if rnd.issuer else f"{rnd.name}@{doc_id[:12]}"
        rounds[rnd.name] = rows.node("Round", key, {
            "name": rnd.name, "issuer": rnd.issuer, "term": rnd.term, "ordinal": rnd.ordinal,
            "theme": rnd.theme, "lookback": rnd.lookback}, rnd.spans)
    regions: dict[str, str] = {}
    for region in record.regions:
        place = Place(region.code, region.name, region.level, region.province, region.prefecture)
        regions[region.name] = _region(rows, place, region.spans)
        if region.as_written:
            regions.setdefault(region.as_written, regions[region.name])
    for locality in record.localities:
        county_uid = _target(rows, locality.county, regions, doc_id) if locality.county else None
        county_key = county_uid.split(":", 1)[1] if county_uid else f"?{doc_id[:12]}"
        uid = rows.node("Locality", f"{county_key}:{locality.name}",
                        {"name": locality.name, "county": locality.county}, locality.spans)
        if county_uid:
            rows.rel("PART_OF", uid, county_uid)
    for org in record.organizations:
        rows.node("Organization", org.name, {"name": org.name, "type": org.type}, org.spans)
    for person in record.people:
        affiliation, body_uid = _affiliation(rows, person.titles, teams, regions, doc_id)
        uid = rows.node("Person", f"{person.name}|{affiliation}", {
            "name": person.name, "affiliation": affiliation, "titles": person.titles}, person.spans)
        if body_uid:
            rows.rel("HOLDS", uid, body_uid, title=person.titles[0] if person.titles else None)
    issue_uids: dict[str, str] = {}
    for n, issue in enumerate(record.issues):
        uid = rows.node("Issue", f"{doc_id}:i{n}", {
            "text": issue.text, "category": issue.category, "target": issue.target,
            "earlier_round": issue.earlier_round, "document": doc_id}, issue.spans)
        issue_uids.setdefault(issue.text, uid)
        category = rows.node("Category", issue.category, {"code": issue.category})
        rows.rel("IN_CATEGORY", uid, category)
        if issue.target:
            rows.rel("CONCERNS", uid, _target(rows, issue.target, regions, doc_id))
        for name in issue.found_by:
            if name in teams:
                rows.rel("FOUND_BY", uid, teams[name])
        for order, name in enumerate(issue.earlier_teams):
            if name in teams:
                rows.rel("RAISED_BEFORE_BY", uid, teams[name], order=order)
    for n, measure in enumerate(record.measures):
        uid = rows.node("Measure", f"{doc_id}:m{n}", {
            "text": measure.text, "status": measure.status, "actor": measure.actor, "document": doc_id},
            measure.spans)
        if measure.issue and measure.issue in issue_uids:
            rows.rel("ADDRESSES", uid, issue_uids[measure.issue])
        if measure.actor:
            rows.rel("TAKEN_BY", uid, _target(rows, measure.actor, regions, doc_id))
    for item in record.inspected:
        target = _target(rows, item.target, regions, doc_id)
        if item.team and item.team in teams:
            rows.rel("INSPECTED", teams[item.team], target, start=item.start, end=item.end, round=item.round)
            if item.round and item.round in rounds:
                rows.rel("IN_ROUND", teams[item.team], rounds[item.round])
    return rows


def _region(rows: Rows, place: Place, spans: list[tuple[int, int]] | None = None) -> str:
    uid = rows.node("Region", place.code, {"code": place.code, "name": place.name, "level": place.level,
                                           "province": place.province, "prefecture": place.prefecture}, spans)
    child = uid
    for parent in parents(place):
        parent_uid = rows.node("Region", parent.code, {
            "code": parent.code, "name": parent.name, "level": parent.level, "province": parent.province,
            "prefecture": parent.prefecture})
        rows.rel("PART_OF", child, parent_uid)
        child = parent_uid
    return uid


def _target(rows: Rows, name: str, regions: dict[str, str], doc_id: str) -> str:
    """A region if the name is one, otherwise an organisation of that name. The inspected bodies of one
    document as a group (被巡察的二级党委) are that document's own node, never merged with another's."""
    if name.startswith(("被巡察", "被巡视")):
        return rows.node("Organization", f"{doc_id}:{name}", {"name": name, "type": type_of(name), "document": doc_id})
    if name in regions:
        return regions[name]
    place = by_official_name(name)
    if place is not None and place.name == name:
        regions[name] = _region(rows, place)
        return regions[name]
    return _organization(rows, name)


def _organization(rows: Rows, name: str) -> str:
    """The node of a body named only in passing; its type comes from its name, the same in every document."""
    return rows.node("Organization", name, {"name": name, "type": type_of(name)})


def _affiliation(rows: Rows, titles: list[str], teams: dict[str, str], regions: dict[str, str],
                 doc_id: str) -> tuple[str, str | None]:
    """The body a person's first title names, and that body's node if it has one."""
    for title in titles:
        last = title.split("、")[-1]
        body = _ROLE_TAIL.sub("", last)
        if body in teams:
            return rows.nodes["Team"][teams[body].split(":", 1)[1]]["props"]["name"], teams[body]
        if len(body) >= 2:
            return body, _organization(rows, body)
    if titles:
        return titles[0], None
    return f"?{doc_id[:12]}", None
