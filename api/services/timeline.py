"""The timeline of a region: its inspections, the issues found there and the measures taken, in time
order, each with the document and the spans that support it."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel

from api.models import NodeRef, Page, Span
from api.services.entities import fetch_entity, node_ref, spans_of
from graph import queries
from graph.store import Store

_KIND_ORDER = {"inspection": 0, "issue": 1, "measure": 2}


class TimelineItem(BaseModel):
    kind: Literal["inspection", "issue", "measure"]
    date: str | None
    target: NodeRef
    id: str | None = None
    text: str
    team: NodeRef | None = None
    start: str | None = None
    end: str | None = None
    round: str | None = None
    round_id: str | None = None
    category: str | None = None
    teams: list[str] = []
    status: str | None = None
    via: str | None = None
    issue: str | None = None
    document: str | None = None
    document_title: str | None = None
    published: str | None = None
    spans: list[Span] = []


class Timeline(Page[TimelineItem]):
    region: NodeRef
    include_subregions: bool


def region_timeline(*, store: Store, code: str, include_subregions: bool = False, limit: int = 100,
                    offset: int = 0) -> Timeline:
    """What happened to a region (and, on request, the regions within it), oldest first: INSPECTED
    edges by their start date, issues and measures by their document's publication date."""
    uid = f"Region:{code}"
    _, props = fetch_entity(store, uid)
    uids = [uid]
    if include_subregions:
        uids += [row[0] for row in store.read(queries.get("region_subregions").text, {"code": code}).rows]
    params = {"uids": uids}
    items = [_inspection(r) for r in store.read(queries.get("timeline_inspections").text, params).records()]
    items += [_issue(r) for r in store.read(queries.get("timeline_issues").text, params).records()]
    items += _measures(store.read(queries.get("timeline_measures").text, params).records())
    items.sort(key=_order)
    return Timeline(region=node_ref(uid, ["Region"], props.get("name")), include_subregions=include_subregions,
                    data=items[offset:offset + limit], count=len(items), limit=limit, offset=offset)


def _order(item: TimelineItem) -> tuple[Any, ...]:
    """Dated items first, oldest first; then inspections before issues before measures, in text order."""
    first = item.spans[0].start if item.spans else 0
    return (item.date is None, item.date or "", item.document or "", _KIND_ORDER[item.kind], first, item.id or "")


def _common(row: dict[str, Any]) -> dict[str, Any]:
    return {"target": node_ref(row["target_uid"], None, row["target"]), "document": row["document"],
            "document_title": row["title"], "published": row["published"], "spans": spans_of(row["spans"])}


def _inspection(row: dict[str, Any]) -> TimelineItem:
    team = node_ref(row["team_uid"], ["Team"], row["team"])
    return TimelineItem(kind="inspection", date=row["start"] or row["published"],
                        text=f"{row['team']} inspected {row['target']}", team=team, start=row["start"],
                        end=row["end"], round=row["round"], round_id=row["round_uid"], **_common(row))


def _issue(row: dict[str, Any]) -> TimelineItem:
    return TimelineItem(kind="issue", date=row["published"], id=row["uid"], text=row["text"],
                        category=row["category"], teams=sorted(t for t in row["teams"] if t), **_common(row))


def _measures(rows: list[dict[str, Any]]) -> list[TimelineItem]:
    """One item per measure and target, reached TAKEN_BY or through the issue it ADDRESSES."""
    out: dict[tuple[str, str], TimelineItem] = {}
    for row in sorted(rows, key=lambda r: r["via"] != "TAKEN_BY"):
        item = out.setdefault((row["uid"], row["target_uid"]), TimelineItem(
            kind="measure", date=row["published"], id=row["uid"], text=row["text"], status=row["status"],
            via=row["via"], issue=row["issue"], **_common(row)))
        if row["via"] == "ADDRESSES" and item.issue is None:
            item.issue = row["issue"]
    return list(out.values())
