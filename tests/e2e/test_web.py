"""The investigators' page in a real headless Chromium (Debian's, driven by Playwright) against a live
``xunshi serve`` on the seeds. Each step leaves a screenshot in tests/output/screenshots/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.e2e.browser import NEEDS_BROWSER, shot

pytestmark = NEEDS_BROWSER


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


def test_find_yangbi_its_recurring_problem_and_the_source(page: Page, base: str) -> None:
    p = page
    p.goto(base + "/")
    p.fill("#search-input", "漾濞")
    p.press("#search-input", "Enter")
    first = p.locator("#search-results tbody tr").first
    first.wait_for()
    assert "漾濞彝族自治县" in first.inner_text()
    shot(p, "1-search")
    first.click()
    p.locator("#entity h2").wait_for()
    assert "漾濞彝族自治县" in p.locator("#entity h2").inner_text()
    p.wait_for_function("window.xunshiGraph && window.xunshiGraph.nodes().length > 1")
    shot(p, "2-county")
    p.click("nav a[data-view=recurring]")
    p.fill("#recurring-filters input[name=target]", "漾濞县")
    p.click("#recurring-filters button")
    row = p.locator("#recurring-results tr.clickable", has_text="扶贫资金使用不及时")
    row.wait_for()
    assert row.locator("td").nth(2).inner_text().strip() == "3"
    shot(p, "3-recurring")
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
    shot(p, "4-source")


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
    shot(p, "5-timeline")


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
    shot(p, "6-narrow")


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
    shot(p, "7-upload")
