"""The extraction record of ``record-format.md``: one per document.

Every item may carry ``spans``: half-open ``[start, end]`` offsets into the
document's *original* text, one per mention.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Span = tuple[int, int]
Level = Literal["central", "province", "city", "county"]
RegionLevel = Literal["province", "prefecture", "county"]
OrgType = Literal["party_committee", "discipline", "organization_dept", "inspection_office", "government",
                  "enterprise", "other"]
CATEGORIES = (
    "political_responsibility", "supervision", "funds", "industry_projects", "relocation_housing",
    "public_services", "infrastructure", "employment", "formalism_bureaucratism", "corruption",
    "party_building_cadres", "rectification", "targeting", "other",
)


class Item(BaseModel):
    model_config = ConfigDict(extra="allow")

    spans: list[Span] = Field(default_factory=list)


class Team(Item):
    name: str
    level: Level | None = None
    issuer: str | None = None
    ordinal: int | None = None
    kind: Literal["巡视", "巡察"] = "巡视"
    as_written: str | None = None


class Round(Item):
    name: str
    issuer: str | None = None
    term: int | None = None
    ordinal: int | None = None
    theme: str | None = None
    lookback: bool = False


class Region(Item):
    name: str
    level: RegionLevel
    province: str | None = None
    prefecture: str | None = None
    code: str
    as_written: str | None = None


class Locality(Item):
    name: str
    county: str | None = None
    town: str | None = None


class Organization(Item):
    name: str
    type: OrgType = "other"
    as_written: str | None = None


class Person(Item):
    name: str
    titles: list[str] = Field(default_factory=list)


class Issue(Item):
    text: str
    category: str = "other"
    target: str | None = None
    found_by: list[str] = Field(default_factory=list)
    earlier_teams: list[str] = Field(default_factory=list)
    earlier_round: str | None = None


class Measure(Item):
    text: str
    actor: str | None = None
    issue: str | None = None
    status: Literal["done", "pledged"] = "done"


class Inspected(Item):
    team: str | None = None
    target: str
    start: str | None = None
    end: str | None = None
    round: str | None = None


class Figure(Item):
    what: str
    value: int | float
    unit: str | None = None
    actor: str | None = None


class Record(BaseModel):
    """Everything one document says about inspection entities."""

    model_config = ConfigDict(extra="allow")

    doc: str
    id: str | None = None
    extractor: str | None = None
    title: str | None = None
    published: str | None = None
    kind: Literal["feedback", "rectification", "news", "other"] = "other"
    teams: list[Team] = Field(default_factory=list)
    rounds: list[Round] = Field(default_factory=list)
    regions: list[Region] = Field(default_factory=list)
    localities: list[Locality] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    issues: list[Issue] = Field(default_factory=list)
    measures: list[Measure] = Field(default_factory=list)
    inspected: list[Inspected] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
