"""What every ``xunshi`` command shares: the consoles, the store options, settings, opening the store,
and the one map from errors to exit codes.

Exit codes: 0 done; 1 the command ran and failed (a file not ingested, a query that failed, nothing found);
2 it could not run as asked (bad options or parameters, a store that cannot be opened).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn, TypeVar

import typer
from pydantic import BaseModel
from rich.console import Console
from rich.markup import escape

from api.errors import InvalidRequestError, ServiceError
from api.settings import Settings
from graph.errors import FilterError, StoreError
from graph.store import Store, open_store
from loaders.errors import XunshiError

out = Console()
err = Console(stderr=True)

DataOpt = Annotated[Path | None, typer.Option("--data", help="Data directory of the embedded store [default: ./data].")]
StoreOpt = Annotated[str | None, typer.Option("--store", help="External store URI, e.g. falkordb://127.0.0.1:6379.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON.")]

#: Exit code of each error class, most specific first.
EXIT_CODES: tuple[tuple[type[XunshiError], int], ...] = (
    (InvalidRequestError, 2),
    (FilterError, 2),
    (StoreError, 2),
    (XunshiError, 1),
)

M = TypeVar("M", bound=BaseModel)


def exit_code(exc: XunshiError) -> int:
    return next(code for cls, code in EXIT_CODES if isinstance(exc, cls))


def fail(exc: XunshiError, doing: str | None = None) -> NoReturn:
    """Print the error (its title for a service's error) and exit with its code."""
    label = exc.title if isinstance(exc, ServiceError) else "error"
    what = exc.reason if isinstance(exc, ServiceError) else str(exc)
    err.print(f"[red]{label}:[/red] {escape(f'{doing}: {what}' if doing else what)}")
    raise typer.Exit(exit_code(exc)) from exc


def settings_for(data: Path | None, store: str | None) -> Settings:
    """The settings (environment, ``.env``) with the command's --data and --store on top."""
    settings = Settings()
    if data is not None:
        settings.data = data
    if store is not None:
        settings.store = store
    return settings


@contextmanager
def opened(settings: Settings) -> Iterator[Store]:
    """The store the settings name, closed afterwards; an error in the command becomes its exit code."""
    try:
        graph_store = open_store(settings.store, data_dir=settings.data, graph=settings.graph,
                                 neo4j=settings.neo4j_options(), query_memory_mb=settings.query_memory_mb)
    except XunshiError as exc:
        fail(exc)
    with graph_store:
        try:
            yield graph_store
        except XunshiError as exc:
            fail(exc)


def run_service(data: Path | None, store: str | None, service: Callable[..., M]) -> M:
    """Open the store as every command does and call one service with it."""
    with opened(settings_for(data, store)) as graph_store:
        return service(store=graph_store)


def print_json(model: BaseModel) -> None:
    sys.stdout.write(model.model_dump_json() + "\n")
