"""``xunshi query …``: the CLI twins of the query endpoints; they run the same named Cypher files."""

from __future__ import annotations

import typer

query_app = typer.Typer(no_args_is_help=True, help="Run the API's named queries from the command line.")
