"""``xunshi export``: the graph for Neo4j, as neo4j-admin import files or as a MERGE script."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from loaders.errors import XunshiError


class ExportFormat(StrEnum):
    neo4j_admin = "neo4j-admin"
    cypher = "cypher"


def export_command(
    target: Annotated[Path, typer.Argument(help="neo4j-admin: a new or empty directory; cypher: the script file.")],
    fmt: Annotated[ExportFormat, typer.Option("--format", help="neo4j-admin (CSV + headers for `neo4j-admin "
                                                                "database import full`) or cypher (MERGE script).")],
    database: Annotated[str, typer.Option(help="Database name written into the neo4j-admin command.")] = "neo4j",
    data: Annotated[Path | None, typer.Option("--data", help="Data directory of the embedded store.")] = None,
    store: Annotated[str | None, typer.Option("--store", help="Store URI to export from.")] = None,
) -> None:
    """Export the graph for Neo4j (see docs/neo4j.md)."""
    from api.cli import _open, _settings
    from graph.export import write_cypher_script, write_neo4j_admin

    err = Console(stderr=True)
    with _open(_settings(data, store)) as graph_store:
        try:
            if fmt is ExportFormat.neo4j_admin:
                summary = write_neo4j_admin(graph_store, target, database=database)
                summary = {k: summary[k] for k in ("nodes", "relationships")}
            else:
                summary = write_cypher_script(graph_store, target)
        except (XunshiError, OSError) as exc:
            err.print(f"[red]error:[/red] cannot export to {target}: {exc}")
            raise typer.Exit(1) from exc
    nodes, rels = sum(summary["nodes"].values()), sum(summary["relationships"].values())
    err.print(f"exported {nodes} nodes and {rels} relationships as {fmt.value} to {target}")
    typer.echo(json.dumps(summary, ensure_ascii=False))
