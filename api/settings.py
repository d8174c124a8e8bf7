"""The one settings class: the server, the CLI and the stores read it. Every field can be set by an
``XUNSHI_`` environment variable (or a ``.env`` file); docs/configuration.md lists them all."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.store import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT_MS, Neo4jOptions
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
    max_upload_bytes: int = Field(DEFAULT_MAX_BYTES, description="Largest document accepted (upload or ingest), "
                                                                 "in bytes.")
    neo4j_user: str | None = Field(None, description="Neo4j user (a user in the store URI wins).")
    neo4j_password: str | None = Field(None, description="Neo4j password (a password in the store URI wins).")
    neo4j_database: str = Field("neo4j", description="Neo4j database the store uses.")
    neo4j_connection_timeout: float = Field(10.0, description="Seconds to wait for a Neo4j connection.")

    def neo4j_options(self) -> Neo4jOptions:
        """The Neo4j backend's part of these settings."""
        return Neo4jOptions(user=self.neo4j_user, password=self.neo4j_password, database=self.neo4j_database,
                            connection_timeout=self.neo4j_connection_timeout)
