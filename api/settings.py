"""The one settings class: the server, the CLI and the stores read it. Every field can be set by an
``XUNSHI_`` environment variable (or a ``.env`` file); docs/configuration.md lists them all."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.store import (
    DEFAULT_MAX_RESULT_BYTES,
    DEFAULT_MAX_ROWS,
    DEFAULT_QUERY_MEMORY_MB,
    DEFAULT_TIMEOUT_MS,
    Neo4jOptions,
)
from loaders.read import DEFAULT_MAX_BYTES


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="XUNSHI_", env_file=".env", extra="ignore")

    data: Path = Field(Path("data"), description="Data directory of the embedded FalkorDB store.")
    store: str | None = Field(None, description="External store URI (falkordb://host:port, or Neo4j: "
                                                "neo4j://host:7687, neo4j+s://host, bolt://host:7687); "
                                                "empty for the embedded store in `data`.")
    graph: str = Field("xunshi", description="Name of the graph inside the store.")
    api_key: str | None = Field(None, description="When set, writes over HTTP need this X-API-Key header.")
    query_timeout_ms: int = Field(DEFAULT_TIMEOUT_MS, description="Time limit of a read query, in milliseconds.")
    max_rows: int = Field(DEFAULT_MAX_ROWS, description="Most rows a read query returns.")
    max_result_bytes: int = Field(DEFAULT_MAX_RESULT_BYTES, description="Largest answer of a user's Cypher query "
                                                                     "(POST /cypher, `xunshi cypher`), in bytes; "
                                                                     "larger ones get 413.")
    query_memory_mb: int = Field(DEFAULT_QUERY_MEMORY_MB, description="Most memory one query may take inside the "
                                                                     "embedded FalkorDB server, in MB (0: no "
                                                                     "limit); more gets 413.")
    max_upload_bytes: int = Field(DEFAULT_MAX_BYTES, description="Largest document accepted (upload or ingest), "
                                                                 "in bytes.")
    max_connections: int = Field(500, description="Most connections and requests the server holds at once; "
                                                   "beyond it new ones get 503 (idle connections count).")
    neo4j_user: str | None = Field(None, description="Neo4j user (a user in the store URI wins).")
    neo4j_password: str | None = Field(None, description="Neo4j password (a password in the store URI wins).")
    neo4j_database: str = Field("neo4j", description="Neo4j database the store uses.")
    neo4j_connection_timeout: float = Field(10.0, description="Seconds to wait for a Neo4j connection.")

    def neo4j_options(self) -> Neo4jOptions:
        """The Neo4j backend's part of these settings."""
        return Neo4jOptions(user=self.neo4j_user, password=self.neo4j_password, database=self.neo4j_database,
                            connection_timeout=self.neo4j_connection_timeout)
