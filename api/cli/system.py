"""``xunshi stats``, ``xunshi cypher`` and ``xunshi serve``."""

from __future__ import annotations

import ipaddress
import json
import sys
from typing import Annotated, Any

import typer
from rich.table import Table

from api.cli.common import DataOpt, JsonOpt, StoreOpt, err, opened, out, settings_for
from api.services import cypher as cypher_service
from api.services import stats as stats_service


def stats(data: DataOpt = None, store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """Counts per label and per relationship type."""
    with opened(settings_for(data, store)) as graph_store:
        result = stats_service.stats(store=graph_store)
    if as_json:
        sys.stdout.write(result.model_dump_json() + "\n")
        return
    table = Table("kind", "name", "count")
    for label, count in result.labels.items():
        table.add_row("label", label, str(count))
    for rel, count in result.relationships.items():
        table.add_row("relationship", rel, str(count))
    out.print(table)


def cypher(query: Annotated[str, typer.Argument(help="A read-only openCypher query.")],
           data: DataOpt = None, store: StoreOpt = None,
           params: Annotated[str, typer.Option("--params", help="Parameters as a JSON object.")] = "{}",
           as_json: JsonOpt = False) -> None:
    """Run a read-only Cypher query; writes are refused."""
    settings = settings_for(data, store)
    try:
        parameters: dict[str, Any] = json.loads(params)
    except json.JSONDecodeError as exc:
        err.print(f"[red]error:[/red] --params is not JSON: {exc}")
        raise typer.Exit(2) from exc
    with opened(settings) as graph_store:
        result = cypher_service.run_cypher(store=graph_store, query=query, parameters=parameters,
                                           timeout_ms=settings.query_timeout_ms, max_rows=settings.max_rows,
                                           max_bytes=settings.max_result_bytes)
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


def serve(data: DataOpt = None, store: StoreOpt = None,
          host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
          open_writes: Annotated[bool, typer.Option("--open-writes", help="Serve writes without an API key on a "
                                                    "non-loopback address (refused otherwise).")] = False,
          ) -> None:
    """Serve the graph over HTTP (FastAPI; OpenAPI at /docs)."""
    import uvicorn

    from api.http_protocol import HeaderTimeoutProtocol
    from api.main import create_app

    settings = settings_for(data, store)
    if not settings.api_key and not open_writes and not _loopback(host):
        err.print(f"[red]error:[/red] serving on {host} would let anyone who reaches it write and delete "
                  f"documents: set XUNSHI_API_KEY, or pass --open-writes if that is meant")
        raise typer.Exit(2)
    writes = "need the X-API-Key header" if settings.api_key else "are open (set XUNSHI_API_KEY to protect them)"
    err.print(f"xunshi serving {settings.store or f'embedded store in {settings.data}'} on http://{host}:{port} "
              f"- writes {writes}", soft_wrap=True)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning", http=HeaderTimeoutProtocol,
                limit_concurrency=settings.max_connections, timeout_keep_alive=5)


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"
