"""The investigators' page in a real headless Chromium (Debian's, driven by Playwright) against a live
``xunshi serve`` on the seeds. Each step leaves a screenshot in tests/output/screenshots/."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.conftest import ROOT, SEEDS, needs_shared
from tests.serving import ingest, serving

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = Path(os.environ.get("XUNSHI_SCREENSHOTS", ROOT / "tests" / "output" / "screenshots"))
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]

pytestmark = [
    needs_shared,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (make browser)"),
    pytest.mark.skipif(not (ROOT / "api" / "static" / "vendor" / "cytoscape.min.js").exists(),
                       reason="the graph library is not vendored (make assets)"),
]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
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


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    width, height = getattr(request, "param", (1366, 850))
    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    yield tab
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def _shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def test_find_yangbi_its_recurring_problem_and_the_source(page: Page, base: str) -> None:
    p = page
    p.goto(base + "/")
    p.fill("#search-input", "漾濞")
    p.press("#search-input", "Enter")
    first = p.locator("#search-results tbody tr").first
    first.wait_for()
    assert "漾濞彝族自治县" in first.inner_text()
    _shot(p, "1-search")
    first.click()
    p.locator("#entity h2").wait_for()
    assert "漾濞彝族自治县" in p.locator("#entity h2").inner_text()
    p.wait_for_function("window.xunshiGraph && window.xunshiGraph.nodes().length > 1")
    _shot(p, "2-county")
    p.click("nav a[data-view=recurring]")
    p.fill("#recurring-filters input[name=target]", "漾濞县")
    p.click("#recurring-filters button")
    row = p.locator("#recurring-results tr.clickable", has_text="扶贫资金使用不及时")
    row.wait_for()
    assert "3" in row.locator("td").nth(2).inner_text()
    _shot(p, "3-recurring")
    row.click()
    detail = p.locator("#recurring-results tr.detail:visible")
    detail.wait_for()
    assert "中央第十二巡视组" in detail.inner_text() and "云南省委第八巡视组" in detail.inner_text()
    detail.locator(".round").last.locator("button.open-source").first.click()
    mark = p.locator("#source-text mark.current")
    mark.wait_for()
    assert mark.inner_text() == "扶贫资金使用不及时、不精准"
    assert p.evaluate(
        "() => { const m = document.querySelector('#source-text mark.current').getBoundingClientRect();"
        " const box = document.querySelector('#source-text').getBoundingClientRect();"
        " return m.top >= box.top && m.bottom <= box.bottom; }"), "the highlighted sentence is scrolled into view"
    _shot(p, "4-source")


def test_traditional_input_with_a_wrong_character_still_finds_the_county(page: Page, base: str) -> None:
    p = page
    p.goto(base + "/#/search?q=" + "漾鼻縣")
    first = p.locator("#search-results tbody tr").first
    first.wait_for()
    assert "漾濞彝族自治县" in first.inner_text()


def test_timeline_of_the_county(page: Page, base: str) -> None:
    p = page
    p.goto(base + "/#/timeline/532922")
    p.locator("#timeline").wait_for()
    text = p.locator("#timeline").inner_text()
    assert "2019-11-28" in text and "云南省委第八巡视组" in text
    _shot(p, "5-timeline")


def test_nothing_found_and_server_errors_are_told_plainly(page: Page, base: str) -> None:
    p = page
    p.goto(base + "/#/search?q=" + "不存在的地方名称")
    p.locator("#search-results .empty").wait_for()
    p.goto(base + "/#/entity/Region/000000")
    message = p.locator("#message")
    message.wait_for()
    assert "404" in message.inner_text()


@pytest.mark.parametrize("page", [(420, 860)], indirect=True)
def test_narrow_window_stacks_the_source_below(page: Page, base: str) -> None:
    p = page
    p.goto(base + "/#/recurring?target=漾濞县")
    row = p.locator("#recurring-results tr.clickable").first
    row.wait_for()
    row.click()
    p.locator("#recurring-results tr.detail:visible button.open-source").first.click()
    p.locator("#source-text mark").first.wait_for()
    view = p.locator("#view").bounding_box()
    source = p.locator("#source").bounding_box()
    assert source["y"] >= view["y"] + view["height"] - 1 and source["width"] <= 420
    _shot(p, "6-narrow")


def test_upload_shows_progress_and_per_file_errors(page: Page, base: str, tmp_path: Path) -> None:
    good = tmp_path / "宾川通报.txt"
    good.write_text("云南省委第三巡视组向宾川县委反馈巡视情况。巡视发现，宾川县扶贫资金闲置。", encoding="utf-8")
    bad = tmp_path / "坏文件.bin"
    bad.write_bytes(b"\x00\x01")
    p = page
    p.goto(base + "/#/upload")
    p.set_input_files("#upload-form input[type=file]", [str(good), str(bad)])
    p.click("#upload-form button")
    p.locator("#upload-progress li.failed").wait_for()
    p.locator("#upload-progress li.ok").wait_for()
    assert "坏文件.bin" in p.locator("#upload-progress li.failed").inner_text()
    _shot(p, "7-upload")
