"""``xunshi query recurring``: the CLI twin of ``GET /recurring-issues`` (same named query, same grouping)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from api.recurring import recurring
from graph.recurrence import Link


def recurring_command(
    target: Annotated[str | None, typer.Option(help="Region (any name or its code) or body.")] = None,
    category: Annotated[str | None, typer.Option(help="A category code of the record format.")] = None,
    min_rounds: Annotated[int, typer.Option(min=2, help="Fewest rounds a problem must span.")] = 2,
    since: Annotated[str | None, typer.Option(help="Rounds dated on or after (ISO date).")] = None,
    until: Annotated[str | None, typer.Option(help="Rounds dated on or before (ISO date).")] = None,
    link: Annotated[str, typer.Option(help="Weakest link allowed: stated, similar or category.")] = "similar",
    limit: Annotated[int, typer.Option(min=1)] = 50,
    offset: Annotated[int, typer.Option(min=0)] = 0,
    data: Annotated[Path | None, typer.Option("--data", help="Data directory of the embedded store.")] = None,
    store: Annotated[str | None, typer.Option("--store", help="External store URI.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Problems found for the same target in two or more rounds, with the sentences that say so."""
    from api.cli import _open, _settings

    if link not in ("stated", "similar", "category"):
        raise typer.BadParameter("use stated, similar or category", param_hint="--link")
    link_kind: Link = link  # type: ignore[assignment]
    with _open(_settings(data, store)) as graph_store:
        page = recurring(graph_store, target=target, category=category, min_rounds=min_rounds, since=since,
                         until=until, link=link_kind, limit=limit, offset=offset)
    if as_json:
        sys.stdout.write(page.model_dump_json() + "\n")
        return
    out = Console()
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
