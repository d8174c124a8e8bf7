"""Extraction: one :class:`~loaders.record.Record` per loaded document.

The steps run in a fixed order because later ones lean on earlier ones:
people first (so their names are not read as places), then places (so a bare
省委 can be given its province), then teams, rounds, who inspected whom, and
the issues those inspections found.
"""

from __future__ import annotations

from loaders.extract.context import Context, settle_home
from loaders.extract.figures import extract_figures
from loaders.extract.inspected import extract_inspected
from loaders.extract.issues import extract_issues
from loaders.extract.listed_targets import listed_targets
from loaders.extract.localities import extract_localities
from loaders.extract.measures import extract_measures
from loaders.extract.meta import kind_of, published_of, title_of
from loaders.extract.organizations import extract_organizations
from loaders.extract.people import extract_people
from loaders.extract.regions import extract_regions, find_places
from loaders.extract.rounds import extract_rounds
from loaders.extract.teams import extract_teams
from loaders.record import Record
from loaders.types import LoadedDocument

EXTRACTOR_VERSION = "0.5.0"


def extract(doc: LoadedDocument) -> Record:
    ctx = Context(doc)
    people, person_spans = extract_people(ctx)
    ctx = ctx.with_(person_spans=person_spans)
    places = find_places(ctx)
    ctx = ctx.with_(places=places, home=settle_home(places))
    regions = extract_regions(ctx)
    localities = extract_localities(ctx)
    ctx = ctx.with_(localities=tuple(locality.name for locality in localities))
    organizations = extract_organizations(ctx)
    teams = extract_teams(ctx)
    rounds = extract_rounds(ctx, teams)
    inspected = extract_inspected(ctx, teams)
    inspected += listed_targets(ctx, {i.target for i in inspected}, teams)
    if rounds:
        for item in inspected:
            item.round = item.round or rounds[0].name
    main_teams = list(dict.fromkeys(i.team for i in inspected if i.team))
    if not main_teams and teams:
        main_teams = [teams[0].name]
    teamed = [i for i in inspected if i.team]
    if teamed:  # one team's several targets in one list ("对A村、B村的巡察"): the problems are of no one of them
        several = len({i.target for i in teamed}) > 1 and len({i.team for i in teamed}) == 1
        target: str | None = None if several else teamed[0].target
    elif inspected:  # targets named in a list without teams: one of them is the document's own, several are not
        target = inspected[0].target if len(inspected) == 1 else None
    else:
        target = ctx.county.name if ctx.county else None
    issues = extract_issues(ctx, teams, main_teams, target)
    kind = kind_of(doc)
    measures = extract_measures(ctx, issues, target, kind)
    figures = extract_figures(ctx, target if kind == "rectification" else None)
    return Record(
        doc=doc.raw.name, id=doc.id, extractor=EXTRACTOR_VERSION, title=title_of(doc),
        published=published_of(doc), kind=kind,
        teams=teams, rounds=rounds, regions=regions, localities=localities, organizations=organizations, people=people, issues=issues, measures=measures,
        inspected=inspected, figures=figures,
    )
