"""Profiles of the actors of an inspection and lists of what they found: a team (members, rounds,
targets, issues), a person (titles, bodies, documents), issues filtered, and the measures of one issue."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from api.models import NodeRef, Page, Span
from api.services.entities import display_name, fetch_entity, node_ref, spans_of
from graph import queries
from graph.store import Store


class Member(BaseModel):
    person: NodeRef
    title: str | None = None
    document: str | None = None


class RoundSummary(BaseModel):
    round: NodeRef
    issuer: str | None = None
    ordinal: int | None = None
    theme: str | None = None
    lookback: bool | None = None


class InspectedTarget(BaseModel):
    target: NodeRef
    start: str | None = None
    end: str | None = None
    round: str | None = None
    document: str | None = None


class IssueSummary(BaseModel):
    id: str
    text: str
    category: str | None = None
    target: str | None = None
    target_id: str | None = None
    document: str | None = None


class MeasureSummary(BaseModel):
    id: str
    text: str
    status: str | None = None
    actor: str | None = None
    document: str | None = None


class TeamProfile(BaseModel):
    id: str
    key: str
    name: str
    properties: dict[str, Any]
    members: list[Member]
    rounds: list[RoundSummary]
    targets: list[InspectedTarget]
    issues: Page[IssueSummary]


class Body(BaseModel):
    body: NodeRef
    title: str | None = None
    document: str | None = None


class DocumentMention(BaseModel):
    id: str
    title: str | None = None
    name: str | None = None
    published: str | None = None
    spans: list[Span]


class PersonProfile(BaseModel):
    id: str
    key: str
    name: str
    affiliation: str | None = None
    titles: list[str]
    properties: dict[str, Any]
    bodies: list[Body]
    documents: list[DocumentMention]


def _read(store: Store, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    return store.read(queries.get(name).text, params).records()


def _page_rows(store: Store, name: str, params: dict[str, Any], limit: int, offset: int) -> tuple[int, list[Any]]:
    """The total count and one page of a query that returns ``count`` and ``page``."""
    count, page = store.read(queries.get(name).text, {**params, "limit": limit, "offset": offset}).rows[0]
    return count, page


def _issue(row: dict[str, Any]) -> IssueSummary:
    return IssueSummary(id=row["uid"].split(":", 1)[1], text=row["text"], category=row.get("category"),
                        target=row.get("target"), target_id=row.get("target_uid"), document=row.get("document"))


def team(*, store: Store, key: str, limit: int = 50, offset: int = 0) -> TeamProfile:
    """A team: its properties, members (HOLDS), rounds (IN_ROUND), targets (INSPECTED) and a page of the
    issues it found (FOUND_BY); 404 if there is no such team."""
    uid = f"Team:{key}"
    _, props = fetch_entity(store, uid)
    params = {"uid": uid}
    members = [Member(person=node_ref(r["uid"], ["Person"], r["name"]), title=r["title"], document=r["document"])
               for r in _read(store, "team_members", params)]
    rounds = [RoundSummary(round=node_ref(r["uid"], ["Round"], r["name"]), issuer=r["issuer"], ordinal=r["ordinal"],
                           theme=r["theme"], lookback=r["lookback"]) for r in _read(store, "team_rounds", params)]
    targets = [InspectedTarget(target=node_ref(r["uid"], r["labels"], r["name"]), start=r["start"], end=r["end"],
                               round=r["round"], document=r["document"]) for r in _read(store, "team_targets", params)]
    count, page = _page_rows(store, "team_issues", params, limit, offset)
    issues = Page[IssueSummary](data=[_issue(r) for r in page], count=count, limit=limit, offset=offset)
    return TeamProfile(id=uid, key=key, name=display_name(props, key), properties=props, members=members,
                       rounds=rounds, targets=targets, issues=issues)


def person(*, store: Store, key: str) -> PersonProfile:
    """A person: titles, the bodies they hold posts in (HOLDS) and the documents that mention them."""
    uid = f"Person:{key}"
    _, props = fetch_entity(store, uid)
    bodies = [Body(body=node_ref(r["uid"], r["labels"], r["name"]), title=r["title"], document=r["document"])
              for r in _read(store, "person_bodies", {"uid": uid})]
    documents = [DocumentMention(id=r["id"], title=r["title"], name=r["name"], published=r["published"],
                                 spans=spans_of(r["spans"])) for r in _read(store, "entity_documents", {"uid": uid})]
    return PersonProfile(id=uid, key=key, name=display_name(props, key), affiliation=props.get("affiliation"),
                         titles=list(props.get("titles") or []), properties=props, bodies=bodies,
                         documents=documents)


def issues(*, store: Store, category: str | None = None, target: str | None = None, round: str | None = None,
           limit: int = 50, offset: int = 0) -> Page[IssueSummary]:
    """Issues filtered by category code, target (name, key, code or uid) and round (name or key)."""
    params = {"category": category or None, "target": target or None, "round": round or None}
    count, page = _page_rows(store, "issues", params, limit, offset)
    return Page[IssueSummary](data=[_issue(r) for r in page], count=count, limit=limit, offset=offset)


def issue_measures(*, store: Store, issue_id: str, limit: int = 50, offset: int = 0) -> Page[MeasureSummary]:
    """The measures that address one issue; 404 if there is no such issue."""
    uid = f"Issue:{issue_id}"
    fetch_entity(store, uid)
    count, page = _page_rows(store, "issue_measures", {"uid": uid}, limit, offset)
    data = [MeasureSummary(id=r["uid"].split(":", 1)[1], text=r["text"], status=r["status"], actor=r["actor"],
                           document=r["document"]) for r in page]
    return Page[MeasureSummary](data=data, count=count, limit=limit, offset=offset)
