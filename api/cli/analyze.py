"""``xunshi analyze …``: the CLI twins of ``/analysis/…``, and the pass that links near-duplicate issues."""

from __future__ import annotations

from functools import partial
from typing import Annotated, Literal

import typer
from rich.table import Table

from api.cli.common import DataOpt, JsonOpt, StoreOpt, err, opened, out, print_json, run_service, settings_for
from api.services import analysis
from graph.similarity import link_pending, reset

analyze_app = typer.Typer(no_args_is_help=True, help="Analyse the graph's shape (networkx): central problems, "
                                                     "communities, co-occurring categories, similar targets.")

RoundOpt = Annotated[str | None, typer.Option(help="Only statements found in this round (uid or name).")]
SinceOpt = Annotated[str | None, typer.Option(help="Only rounds dated on or after (ISO date).")]
UntilOpt = Annotated[str | None, typer.Option(help="Only rounds dated on or before (ISO date).")]
LimitOpt = Annotated[int, typer.Option(min=1, max=500)]
OffsetOpt = Annotated[int, typer.Option(min=0)]



@analyze_app.command()
def central(data: DataOpt = None, store: StoreOpt = None, as_json: JsonOpt = False, round: RoundOpt = None,
            since: SinceOpt = None, until: UntilOpt = None,
            category: Annotated[str | None, typer.Option(help="A category code.")] = None,
            limit: LimitOpt = 20, offset: OffsetOpt = 0) -> None:
    """Categories and problem clusters ranked by the targets and rounds they span (GET /analysis/central-problems)."""
    found = run_service(data, store, partial(analysis.central, round=round, since=since, until=until, category=category,
                                      limit=limit, offset=offset))
    if as_json:
        return print_json(found)
    for title, problems in (("categories", found.categories), (f"clusters ({found.cluster_count})", found.clusters)):
        table = Table("problem", "category", "targets", "rounds", "statements", "documents", "degree", "pagerank",
                      title=title)
        for p in problems:
            e = p.evidence
            table.add_row(p.problem, p.category, str(e.targets), str(e.rounds), str(e.statements), str(e.documents),
                          f"{p.degree_centrality:.3f}", f"{p.pagerank:.4f}")
        out.print(table)
    if found.unlinked_documents:
        out.print(f"{found.unlinked_documents} document(s) not linked into clusters yet: run `xunshi analyze link`")


@analyze_app.command()
def communities(data: DataOpt = None, store: StoreOpt = None, as_json: JsonOpt = False, round: RoundOpt = None,
                since: SinceOpt = None, until: UntilOpt = None,
                category: Annotated[str | None, typer.Option(help="A category code.")] = None,
                by: Annotated[str, typer.Option(help="Share what: category or cluster.")] = "category",
                resolution: Annotated[float, typer.Option(min=0.01, max=10)] = 1.0,
                limit: LimitOpt = 20, offset: OffsetOpt = 0) -> None:
    """Groups of targets that share problems, by Louvain (GET /analysis/communities)."""
    if by not in ("category", "cluster"):
        raise typer.BadParameter("use category or cluster", param_hint="--by")
    by_kind: Literal["category", "cluster"] = "cluster" if by == "cluster" else "category"
    found = run_service(data, store, partial(analysis.communities, by=by_kind, round=round, since=since, until=until,
                                      category=category, resolution=resolution, limit=limit, offset=offset))
    if as_json:
        return print_json(found)
    out.print(f"{found.count} group(s) by {found.by}, modularity {found.modularity:.3f}; "
              f"{found.unconnected_targets} target(s) share nothing")
    for group in found.data:
        out.print(f"\n[bold]group {group.id}[/bold] · {group.size} targets: "
                  + "、".join(t.name for t in group.targets[:12]) + (" …" if group.size > 12 else ""))
        for p in group.shared_problems[:8]:
            out.print(f"  {p.problem} ({p.category}) · {p.targets} members · {p.statements} statements", markup=False)


@analyze_app.command()
def cooccurrence(data: DataOpt = None, store: StoreOpt = None, as_json: JsonOpt = False, round: RoundOpt = None,
                 since: SinceOpt = None, until: UntilOpt = None,
                 min_together: Annotated[int, typer.Option(min=1, help="Fewest inspections finding both.")] = 2,
                 max_p: Annotated[float, typer.Option(min=0.0, max=1.0, help="Largest p-value kept.")] = 0.05,
                 limit: LimitOpt = 50, offset: OffsetOpt = 0) -> None:
    """Category pairs found together in one inspection more often than chance (GET /analysis/co-occurrence)."""
    found = run_service(data, store, partial(analysis.co_occurrence, round=round, since=since, until=until,
                                      min_together=min_together, max_p=max_p, limit=limit, offset=offset))
    if as_json:
        return print_json(found)
    table = Table("a", "b", "together", "expected", "lift", "p", title=f"{found.count} pairs over "
                                                                       f"{found.inspections} inspections")
    for p in found.data:
        table.add_row(p.a, p.b, str(p.together), f"{p.expected:.2f}", f"{p.lift:.2f}", f"{p.p_value:.2g}")
    out.print(table)


@analyze_app.command()
def similar(target: Annotated[str, typer.Argument(help="Region (any name or its code) or body.")],
            data: DataOpt = None, store: StoreOpt = None, as_json: JsonOpt = False, round: RoundOpt = None,
            since: SinceOpt = None, until: UntilOpt = None, limit: LimitOpt = 10, offset: OffsetOpt = 0) -> None:
    """The targets whose problem profile is closest to TARGET's (GET /analysis/similar-targets)."""
    found = run_service(data, store, partial(analysis.similar, target=target, round=round, since=since, until=until,
                                      limit=limit, offset=offset))
    if as_json:
        return print_json(found)
    table = Table("score", "target", "shared categories", "shared problems",
                  title=f"closest to {found.target.name} ({found.count} share a problem)")
    for t in found.data:
        table.add_row(f"{t.score:.3f}", t.name, "、".join(t.shared_categories),
                      "；".join(p.problem for p in t.shared_problems[:3]))
    out.print(table)


@analyze_app.command()
def link(data: DataOpt = None, store: StoreOpt = None,
         everything: Annotated[bool, typer.Option("--all", help="Forget every link and compare all issues again.")]
         = False,
         threshold: Annotated[float, typer.Option(min=50, max=100, help="Text similarity, 0-100.")] = 85.0) -> None:
    """Link near-duplicate issue statements (SIMILAR_TO) for the documents not linked yet; ingest does this
    itself, so this is for graphs written before, or with --all after changing the threshold."""
    with opened(settings_for(data, store)) as graph_store:
        if everything:
            reset(graph_store)
        summary = link_pending(graph_store, threshold=threshold)
    err.print(f"linked {summary.documents} document(s): {summary.issues} issue(s), {summary.links} SIMILAR_TO "
              f"link(s) in {summary.seconds:.1f} s")

