"""The ``xunshi`` command line: one Typer app assembled from one module per command group.

``documents`` (ingest, extract), ``system`` (stats, cypher, serve), ``query`` (the twins of the query
endpoints), ``analyze`` (the analyses), ``export``; ``common`` holds the options, the store and the
error → exit-code map they share.
"""

from __future__ import annotations

import typer

from api.cli import analyze, documents, export, query, system

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Knowledge graph of party-inspection (巡视/巡察) entities from Chinese documents.")
app.command()(documents.ingest)
app.command()(documents.extract)
app.command()(system.stats)
app.command()(system.cypher)
app.command()(system.serve)
app.command("export")(export.export_command)
app.add_typer(query.query_app, name="query")
app.add_typer(analyze.analyze_app, name="analyze")


def main() -> None:  # pragma: no cover
    app()
