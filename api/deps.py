"""Dependencies of the routes: the store and the API key check."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Header, Request

from api.errors import UnauthorizedError
from api.settings import Settings
from graph.store import Store


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def require_api_key(request: Request, x_api_key: Annotated[str | None, Header()] = None) -> None:
    expected = request.app.state.settings.api_key
    # Only the header counts (a key in the URL would end up in logs and histories); compared in constant time.
    if expected and not hmac.compare_digest((x_api_key or "").encode(), expected.encode()):
        raise UnauthorizedError("writes need the X-API-Key header with the configured key")


StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
ApiKeyDep = Annotated[None, Depends(require_api_key)]
