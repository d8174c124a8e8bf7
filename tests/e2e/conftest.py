"""Fixtures of the browser tests: a live ``xunshi serve`` on the five seeds per test module, and Debian's
Chromium driven by Playwright."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.conftest import SEEDS
from tests.e2e.browser import CHROMIUM, FLAGS
from tests.serving import ingest, serving


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A live ``xunshi serve`` on the five seeds, for one test module."""
    data = tmp_path_factory.mktemp("web-data")
    ingest(data, SEEDS)
    with serving(data) as (url, _):
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield launched
        launched.close()
