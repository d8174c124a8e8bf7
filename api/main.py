"""The FastAPI application: routers, error shape, and the store opened for the app's lifetime."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from api import errors
from api.routes import analysis as analysis_routes
from api.routes import cypher, documents, entities, export, profiles, recurring, search, system, web
from api.services import analysis
from api.services import recurring as recurrence
from api.settings import Settings
from graph.search_index import index_for
from graph.store import Store, open_store


def warm_up(store: Store) -> None:
    """Build what the slowest first answers need (the search index, the unfiltered recurrence, the
    analyses' target-problem graph) in the background, so the first user does not wait on a large graph."""
    try:
        index_for(store)
        recurrence.recurring(store=store)
        analysis.central(store=store)
    except Exception as exc:  # a warm-up that fails only means the first request does the work
        logging.getLogger("xunshi").warning("warm-up skipped: %s", exc)


def create_app(settings: Settings | None = None, *, store: Store | None = None) -> FastAPI:
    """The app over the store ``settings`` name, opened for the app's lifetime; or over ``store``, which
    the caller owns (tests, embedding), without the warm-up."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if store is not None:
            app.state.store = store
            yield
            return
        app.state.store = open_store(settings.store, data_dir=settings.data, graph=settings.graph,
                                     neo4j=settings.neo4j_options(), query_memory_mb=settings.query_memory_mb)
        threading.Thread(target=warm_up, args=(app.state.store,), name="xunshi-warm-up", daemon=True).start()
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
    for module in (system, documents, recurring, search, entities, profiles, analysis_routes, export, cypher):
        app.include_router(module.router)
    return app
