"""The ``xunshi`` command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from api import services
from api.cli_analyze import analyze_app
from api.cli_export import export_command
from api.cli_query import query_app
from api.cli_recurring import recurring_command
from api.settings import Settings
from graph.ingest import ingest_paths
from graph.store import Store, open_store
from loaders.errors import XunshiError
from loaders.pipeline import expand, run

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Knowledge graph of party-inspection (巡视/巡察) entities from Chinese documents.")
query_app.command("recurring")(recurring_command)
app.command("export")(export_command)
app.add_typer(query_app, name="query")
app.add_typer(analyze_app, name="analyze")
out = Console()
err = Console(stderr=True)

DataOpt = Annotated[Path | None, typer.Option("--data", help="Data directory of the embedded store [default: ./data].")]
StoreOpt = Annotated[str | None, typer.Option("--store", help="External store URI, e.g. falkordb://127.0.0.1:6379.")]


def _settings(data: Path | None, store: str | None) -> Settings:
    settings = Settings()
    if data is not None:
        settings.data = data
    if store is not None:
        settings.store = store
    return settings


def _open(settings: Settings) -> Store:
    try:
        return open_store(settings.store, data_dir=settings.data, graph=settings.graph)
    except XunshiError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc


@app.command()
def ingest(paths: Annotated[list[Path], typer.Argument(help="Files and folders to ingest.")],
           data: DataOpt = None, store: StoreOpt = None,
           max_bytes: Annotated[int, typer.Option(help="Largest file accepted, in bytes.")] = 20 * 1024 * 1024,
           ) -> None:
    """Load, extract and write documents into the graph; exit 1 if any file failed."""
    files = expand(paths)
    settings = _settings(data, store)
    with _open(settings) as graph_store:
        with Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      TextColumn("{task.description}"), console=err, transient=True) as progress:
            task = progress.add_task("", total=len(files))

            def tick(path: Path, status: str) -> None:
                progress.update(task, advance=1, description=f"{path.name}: {status}")

            summary = ingest_paths(graph_store, files, max_bytes=max_bytes, on_file=tick)
    out.print(f"ingested {len(summary.ingested)}, replaced {len(summary.replaced)}, "
              f"unchanged {len(summary.unchanged)}, failed {len(summary.failed)}")
    for name, reason in summary.failed:
        out.print(f"  failed: {reason}" if name in reason else f"  failed: {name}: {reason}", markup=False)
    if not summary.ok:
        raise typer.Exit(1)


@app.command()
def extract(paths: Annotated[list[Path], typer.Argument(help="Files and folders to extract.")],
            out_dir: Annotated[Path | None, typer.Option("--out", help="Write DIR/<stem>.json per file.")] = None,
            ) -> None:
    """Extract records without touching the store: to --out DIR, or one JSON per line on stdout."""
    failed = 0
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    for outcome in run(expand(paths)):
        if outcome.error is not None:
            failed += 1
            err.print(f"[red]failed:[/red] {outcome.error}", markup=True)
            continue
        assert outcome.record is not None
        if out_dir is not None:
            target = out_dir / f"{outcome.path.stem}.json"
            target.write_text(outcome.record.model_dump_json(indent=2), encoding="utf-8")
        else:
            sys.stdout.write(outcome.record.model_dump_json() + "\n")
    if failed:
        raise typer.Exit(1)


@app.command()
def stats(data: DataOpt = None, store: StoreOpt = None,
          as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Counts per label and per relationship type."""
    with _open(_settings(data, store)) as graph_store:
        result = services.stats(store=graph_store)
    if as_json:
        sys.stdout.write(result.model_dump_json() + "\n")
        return
    table = Table("kind", "name", "count")
    for label, count in result.labels.items():
        table.add_row("label", label, str(count))
    for rel, count in result.relationships.items():
        table.add_row("relationship", rel, str(count))
    out.print(table)


@app.command()
def cypher(query: Annotated[str, typer.Argument(help="A read-only openCypher query.")],
           data: DataOpt = None, store: StoreOpt = None,
           params: Annotated[str, typer.Option("--params", help="Parameters as a JSON object.")] = "{}",
           as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Run a read-only Cypher query; writes are refused."""
    settings = _settings(data, store)
    try:
        parameters: dict[str, Any] = json.loads(params)
    except json.JSONDecodeError as exc:
        err.print(f"[red]error:[/red] --params is not JSON: {exc}")
        raise typer.Exit(2) from exc
    with _open(settings) as graph_store:
        try:
            result = services.run_cypher(store=graph_store, query=query, parameters=parameters,
                                         timeout_ms=settings.query_timeout_ms, max_rows=settings.max_rows)
        except XunshiError as exc:
            err.print(f"[red]error:[/red] {exc}", markup=True)
            raise typer.Exit(1) from exc
    if as_json:
        sys.stdout.write(json.dumps(result.model_dump(), ensure_ascii=False, default=str) + "\n")
        return
    table = Table(*result.columns)
    for row in result.rows:
        table.add_row(*[json.dumps(v, ensure_ascii=False, default=str) if not isinstance(v, str) else v
                        for v in row])
    out.print(table)
    if result.truncated:
        err.print(f"[yellow]truncated at {settings.max_rows} rows[/yellow]")


@app.command()
def serve(data: DataOpt = None, store: StoreOpt = None,
          host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000) -> None:
    """Serve the graph over HTTP (FastAPI; OpenAPI at /docs)."""
    import uvicorn

    from api.main import create_app

    settings = _settings(data, store)
    writes = "need the X-API-Key header" if settings.api_key else "are open (set XUNSHI_API_KEY to protect them)"
    err.print(f"xunshi serving {settings.store or f'embedded store in {settings.data}'} on http://{host}:{port} "
              f"- writes {writes}", soft_wrap=True)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
