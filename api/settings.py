"""One settings class; every field can be set by an ``XUNSHI_`` environment variable."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="XUNSHI_", env_file=".env", extra="ignore")

    data: Path = Field(Path("data"), description="Data directory of the embedded FalkorDB store.")
    store: str | None = Field(None, description="External store URI (falkordb://host:port, or Neo4j: "
                                                "neo4j://host:7687, neo4j+s://host, bolt://host:7687); "
                                                "empty for the embedded store in `data`.")
    graph: str = Field("xunshi", description="Name of the graph inside the store.")
    api_key: str | None = Field(None, description="When set, writes over HTTP need this X-API-Key header.")
    query_timeout_ms: int = Field(5000, description="Time limit of a read query, in milliseconds.")
    max_rows: int = Field(10_000, description="Most rows a read query returns.")
    max_upload_bytes: int = Field(20 * 1024 * 1024, description="Largest document accepted, in bytes.")
    neo4j_user: str | None = Field(None, description="Neo4j user (a user in the store URI wins).")
    neo4j_password: str | None = Field(None, description="Neo4j password (a password in the store URI wins).")
    neo4j_database: str = Field("neo4j", description="Neo4j database the store uses.")
    neo4j_connection_timeout: float = Field(10.0, description="Seconds to wait for a Neo4j connection.")
