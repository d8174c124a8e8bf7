"""``xunshi query …``: the CLI twins of the query endpoints; they call the same services."""

from __future__ import annotations

from functools import partial
from typing import Annotated

import typer
from rich.table import Table

from api.cli.common import DataOpt, JsonOpt, StoreOpt, opened, out, print_json, run_service, settings_for
from api.services import explore
from api.services import timeline as timeline_service
from api.services.recurring import recurring as recurring_service
from graph.recurrence import Link

query_app = typer.Typer(no_args_is_help=True, help="Run the API's named queries from the command line.")


@query_app.command()
def search(q: Annotated[str, typer.Argument(help="Name or part of it (fuzzy; Traditional is folded).")],
           data: DataOpt = None, store: StoreOpt = None, as_json: JsonOpt = False,
           label: Annotated[str | None, typer.Option(help="Only entities with this label.")] = None,
           limit: Annotated[int, typer.Option(min=1, max=200)] = 20,
           offset: Annotated[int, typer.Option(min=0)] = 0) -> None:
    """Entities whose name matches Q, best first (the twin of GET /search)."""
    page = run_service(data, store, partial(explore.search, q=q, label=label, limit=limit, offset=offset))
    if as_json:
        return print_json(page)
    table = Table("score", "label", "key", "name", "detail", title=f"{page.count} matches")
    for hit in page.data:
        table.add_row(f"{hit.score:.1f}", hit.label, hit.key, hit.name, hit.detail)
    out.print(table)


@query_app.command()
def timeline(code: Annotated[str, typer.Argument(help="Administrative code of the region, e.g. 532922.")],
             data: DataOpt = None, store: StoreOpt = None, as_json: JsonOpt = False,
             include_subregions: Annotated[bool, typer.Option(help="Add the regions within it.")] = False,
             limit: Annotated[int, typer.Option(min=1, max=500)] = 100,
             offset: Annotated[int, typer.Option(min=0)] = 0) -> None:
    """Inspections, issues and measures of a region in time order (the twin of GET /regions/CODE/timeline)."""
    page = run_service(data, store, partial(timeline_service.region_timeline, code=code,
                                            include_subregions=include_subregions, limit=limit, offset=offset))
    if as_json:
        return print_json(page)
    table = Table("date", "kind", "target", "text", "document", title=f"{page.region.name}: {page.count} items")
    for item in page.data:
        table.add_row(item.date or "", item.kind, item.target.name or item.target.id, item.text,
                      (item.document or "")[:12])
    out.print(table)


@query_app.command()
def paths(source: Annotated[str, typer.Argument(metavar="FROM", help="uid Label:key of one end.")],
          target: Annotated[str, typer.Argument(metavar="TO", help="uid Label:key of the other end.")],
          data: DataOpt = None, store: StoreOpt = None, as_json: JsonOpt = False,
          max_hops: Annotated[int, typer.Option(min=1, max=6)] = 4,
          limit: Annotated[int, typer.Option(min=1, max=100)] = 5) -> None:
    """The shortest connections between two entities (the twin of GET /paths)."""
    found = run_service(data, store, partial(explore.paths, source=source, target=target, max_hops=max_hops,
                                      limit=limit))
    if as_json:
        return print_json(found)
    if not found.data:
        out.print(f"no connection within {max_hops} hops")
    for path in found.data:
        names = {n.id: n.name or n.id for n in path.nodes}
        steps = [names[path.nodes[0].id]]
        for edge, node in zip(path.edges, path.nodes[1:], strict=True):
            arrow = f"-[{edge.type}]->" if edge.target == node.id else f"<-[{edge.type}]-"
            steps.append(f"{arrow} {names[node.id]}")
        out.print(" ".join(steps), markup=False)


@query_app.command("recurring")
def recurring(
    target: Annotated[str | None, typer.Option(help="Region (any name or its code) or body.")] = None,
    category: Annotated[str | None, typer.Option(help="A category code of the record format.")] = None,
    min_rounds: Annotated[int, typer.Option(min=2, help="Fewest rounds a problem must span.")] = 2,
    since: Annotated[str | None, typer.Option(help="Rounds dated on or after (ISO date).")] = None,
    until: Annotated[str | None, typer.Option(help="Rounds dated on or before (ISO date).")] = None,
    link: Annotated[str, typer.Option(help="Weakest link allowed: stated, similar or category.")] = "similar",
    limit: Annotated[int, typer.Option(min=1)] = 50,
    offset: Annotated[int, typer.Option(min=0)] = 0,
    data: DataOpt = None,
    store: StoreOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Problems found for the same target in two or more rounds, with the sentences that say so."""
    if link not in ("stated", "similar", "category"):
        raise typer.BadParameter("use stated, similar or category", param_hint="--link")
    link_kind: Link = link  # type: ignore[assignment]
    with opened(settings_for(data, store)) as graph_store:
        page = recurring_service(store=graph_store, target=target, category=category, min_rounds=min_rounds,
                                 since=since, until=until, link=link_kind, limit=limit, offset=offset)
    if as_json:
        print_json(page)
        return
    out.print(f"{page.count} recurring problem(s)" + (f", showing {len(page.data)}" if page.count > len(page.data)
                                                      else ""))
    for found in page.data:
        out.print(f"\n[bold]{found.target}[/bold] · {found.problem} ({found.category}) · "
                  f"{found.round_count} rounds · {', '.join(found.linked_by)}")
        for number, occurrence in enumerate(found.rounds, start=1):
            teams = f" ({', '.join(occurrence.teams)})" if occurrence.teams != [occurrence.name] else ""
            out.print(f"  {number}. {occurrence.name}{teams} {occurrence.date or ''} [{occurrence.linked_by}]",
                      markup=False)
            for statement in occurrence.statements or occurrence.stated_by:
                spans = ", ".join(f"[{s.start}, {s.end})" for s in statement.spans)
                said = "said in" if not occurrence.statements else "in"
                out.print(f"     {statement.text} — {said} {statement.document_name} {spans}", markup=False)
