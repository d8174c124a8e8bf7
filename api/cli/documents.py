"""``xunshi ingest`` and ``xunshi extract``: documents into the graph, or into records only."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from api.cli.common import DataOpt, StoreOpt, err, opened, out, settings_for
from graph import ingest as ingesting
from loaders.pipeline import expand, run


def ingest(paths: Annotated[list[Path], typer.Argument(help="Files and folders to ingest.")],
           data: DataOpt = None, store: StoreOpt = None,
           max_bytes: Annotated[int | None, typer.Option(help="Largest file accepted, in bytes "
                                                              "[default: XUNSHI_MAX_UPLOAD_BYTES].")] = None,
           ) -> None:
    """Load, extract and write documents into the graph; exit 1 if any file failed."""
    files = expand(paths)
    settings = settings_for(data, store)
    with opened(settings) as graph_store:
        with Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      TextColumn("{task.description}"), console=err, transient=True) as progress:
            task = progress.add_task("", total=len(files))

            def tick(name: str, status: str) -> None:
                progress.update(task, advance=1, description=f"{Path(name).name}: {status}")

            summary = ingesting.ingest(graph_store, files, max_bytes=max_bytes or settings.max_upload_bytes,
                                       on_file=tick)
    out.print(f"ingested {len(summary.ingested)}, replaced {len(summary.replaced)}, "
              f"unchanged {len(summary.unchanged)}, failed {len(summary.failed)}")
    for name, reason in summary.failed:
        out.print(f"  failed: {reason}" if name in reason else f"  failed: {name}: {reason}", markup=False)
    if not summary.ok:
        raise typer.Exit(1)


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
            target = out_dir / f"{Path(outcome.name).stem}.json"
            target.write_text(outcome.record.model_dump_json(indent=2), encoding="utf-8")
        else:
            sys.stdout.write(outcome.record.model_dump_json() + "\n")
    if failed:
        raise typer.Exit(1)
