"""The FastAPI application: routers, error shape, and the store opened for the app's lifetime."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from api import errors
from api.routes import cypher, documents, entities, profiles, recurring, search, system, web
from api.settings import Settings
from graph.store import open_store


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.store = open_store(settings.store, data_dir=settings.data, graph=settings.graph)
        try:
            yield
        finally:
            app.state.store.close()

    app = FastAPI(title="xunshi", description="Knowledge graph of party-inspection entities.",
                  version="0.1.0", lifespan=lifespan)
    app.state.settings = settings
    errors.install(app)
    app.include_router(web.router)
    app.mount("/static", web.static_files(), name="static")
    for module in (system, documents, recurring, search, entities, profiles, cypher):
        app.include_router(module.router)
    return app
