"""``xunshi export``: the graph for Neo4j (neo4j-admin import files, a MERGE script), or for graph tools
(GraphML, GEXF, JSON Lines, networkx node-link JSON), the latter optionally filtered."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from api.cli.common import DataOpt, StoreOpt, err, fail, opened, settings_for
from graph.errors import FilterError
from loaders.errors import XunshiError


class ExportFormat(StrEnum):
    neo4j_admin = "neo4j-admin"
    cypher = "cypher"
    graphml = "graphml"
    gexf = "gexf"
    jsonl = "jsonl"
    node_link = "node-link"


NEO4J_FORMATS = (ExportFormat.neo4j_admin, ExportFormat.cypher)


def export_command(
    target: Annotated[Path, typer.Argument(help="neo4j-admin: a new or empty directory; the other formats: the "
                                                "file to write (`-` for standard output).")],
    fmt: Annotated[ExportFormat, typer.Option("--format", help="neo4j-admin (CSV + headers for `neo4j-admin "
                                                                "database import full`), cypher (MERGE script), "
                                                                "graphml, gexf, jsonl or node-link (docs/export.md).")],
    database: Annotated[str, typer.Option(help="Database name written into the neo4j-admin command.")] = "neo4j",
    label: Annotated[list[str] | None, typer.Option("--label", help="Only nodes with this label (repeat, or "
                                                                    "Region,Issue); graph formats only.")] = None,
    region: Annotated[str | None, typer.Option(help="Only the documents that mention this region (code or name) "
                                                    "or a place in it, and what they mention; graph formats "
                                                    "only.")] = None,
    since: Annotated[str | None, typer.Option(help="Only documents published on or after this ISO date; graph "
                                                   "formats only.")] = None,
    until: Annotated[str | None, typer.Option(help="Only documents published on or before this ISO date; graph "
                                                   "formats only.")] = None,
    text: Annotated[bool, typer.Option("--text/--no-text", help="--no-text leaves out the documents' text, "
                                                                "original and record; graph formats only.")] = True,
    data: DataOpt = None,
    store: StoreOpt = None,
) -> None:
    """Export the graph for Neo4j (docs/neo4j.md) or for Gephi, Cytoscape and networkx (docs/export.md)."""
    from graph.export import networkx_formats, selection, write_cypher_script, write_neo4j_admin

    filters = {"--label": label, "--region": region, "--since": since, "--until": until,
               "--no-text": None if text else True}
    given = [name for name, value in filters.items() if value]
    if fmt in NEO4J_FORMATS and given:
        err.print(f"[red]error:[/red] the filters ({', '.join(given)}) work only with --format graphml, gexf, "
                  f"jsonl or node-link; {fmt.value} always exports the whole graph")
        raise typer.Exit(2)
    to_stdout = str(target) == "-"
    if to_stdout and fmt in NEO4J_FORMATS:
        err.print(f"[red]error:[/red] {fmt.value} cannot be written to standard output: give a "
                  f"{'directory' if fmt is ExportFormat.neo4j_admin else 'file'}")
        raise typer.Exit(2)
    if fmt not in NEO4J_FORMATS:
        try:
            selection.check_filters(label, since, until)
        except FilterError as exc:
            fail(exc)
    with opened(settings_for(data, store)) as graph_store:
        try:
            if fmt is ExportFormat.neo4j_admin:
                summary = write_neo4j_admin(graph_store, target, database=database)
                summary = {k: summary[k] for k in ("nodes", "relationships")}
            elif fmt is ExportFormat.cypher:
                summary = write_cypher_script(graph_store, target)
            else:
                graph = selection.select(graph_store, labels=label, region=region, since=since,
                                                until=until, text=text)
                summary = networkx_formats.write(graph, sys.stdout.buffer if to_stdout else target, fmt.value)
                if to_stdout:
                    sys.stdout.flush()
        except FilterError:
            raise
        except XunshiError as exc:
            fail(exc, f"cannot export to {target}")
        except OSError as exc:
            err.print(f"[red]error:[/red] cannot export to {target}: {exc}")
            raise typer.Exit(1) from exc
    nodes, rels = sum(summary["nodes"].values()), sum(summary["relationships"].values())
    err.print(f"exported {nodes} nodes and {rels} relationships as {fmt.value} to "
              f"{'standard output' if to_stdout else target}", soft_wrap=True)
    if not to_stdout:
        typer.echo(json.dumps(summary, ensure_ascii=False))
