"""``xunshi query …``: the CLI twins of the query endpoints; they run the same named Cypher files."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from pydantic import BaseModel

query_app = typer.Typer(no_args_is_help=True, help="Run the API's named queries from the command line.")

DataOpt = Annotated[Path | None, typer.Option("--data", help="Data directory of the embedded store [default: ./data].")]
StoreOpt = Annotated[str | None, typer.Option("--store", help="External store URI, e.g. falkordb://127.0.0.1:6379.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON.")]
M = TypeVar("M", bound=BaseModel)


def _run(data: Path | None, store: str | None, service: Callable[..., M]) -> M:
    """Open the store as the other commands do, call one service with it, and turn problems into exit codes."""
    from api.cli import _open, _settings, err  # lazily: api.cli imports this module
    from api.errors import InvalidRequestError, NotFoundError
    from loaders.errors import XunshiError

    with _open(_settings(data, store)) as graph_store:
        try:
            return service(store=graph_store)
        except (NotFoundError, InvalidRequestError) as exc:
            err.print(f"[red]{exc.title}:[/red] {exc.reason}")
            raise typer.Exit(1 if isinstance(exc, NotFoundError) else 2) from exc
        except XunshiError as exc:
            err.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(1) from exc


def _print_json(model: BaseModel) -> None:
    sys.stdout.write(model.model_dump_json() + "\n")


@query_app.command()
def search(q: Annotated[str, typer.Argument(help="Name or part of it (fuzzy; Traditional is folded).")],
           data: DataOpt = None, store: StoreOpt = None, as_json: JsonOpt = False,
           label: Annotated[str | None, typer.Option(help="Only entities with this label.")] = None,
           limit: Annotated[int, typer.Option(min=1, max=200)] = 20,
           offset: Annotated[int, typer.Option(min=0)] = 0) -> None:
    """Entities whose name matches Q, best first (the twin of GET /search)."""
    from functools import partial

    from rich.table import Table

    from api import explore
    from api.cli import out

    page = _run(data, store, partial(explore.search, q=q, label=label, limit=limit, offset=offset))
    if as_json:
        return _print_json(page)
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
    from functools import partial

    from rich.table import Table

    from api import timeline as service
    from api.cli import out

    page = _run(data, store, partial(service.region_timeline, code=code, include_subregions=include_subregions,
                                     limit=limit, offset=offset))
    if as_json:
        return _print_json(page)
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
    from functools import partial

    from api import explore
    from api.cli import out

    found = _run(data, store, partial(explore.paths, source=source, target=target, max_hops=max_hops,
                                      limit=limit))
    if as_json:
        return _print_json(found)
    if not found.data:
        out.print(f"no connection within {max_hops} hops")
    for path in found.data:
        names = {n.id: n.name or n.id for n in path.nodes}
        steps = [names[path.nodes[0].id]]
        for edge, node in zip(path.edges, path.nodes[1:], strict=True):
            arrow = f"-[{edge.type}]->" if edge.target == node.id else f"<-[{edge.type}]-"
            steps.append(f"{arrow} {names[node.id]}")
        out.print(" ".join(steps), markup=False)
