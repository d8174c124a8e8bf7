"""What the browser tests share: Debian's Chromium (the marks that skip without it) and screenshots in
tests/output/screenshots/ (or $XUNSHI_SCREENSHOTS). The fixtures (a live server on the seeds, the
browser) are in conftest.py."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.conftest import ROOT, needs_shared

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = Path(os.environ.get("XUNSHI_SCREENSHOTS", ROOT / "tests" / "output" / "screenshots"))
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]

NEEDS_BROWSER = [
    needs_shared,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (make browser)"),
    pytest.mark.skipif(not (ROOT / "api" / "static" / "vendor" / "cytoscape.min.js").exists(),
                       reason="the graph library is not vendored (make assets)"),
]


def shot(page: Page, name: str, *, full_page: bool = False) -> Path:
    """Save a screenshot of the page as ``name``.png; its path."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
