"""The page's 分析 Analysis section (central problems, communities, co-occurrence, similar targets) in a real
headless Chromium (Debian's, driven by Playwright) against a live ``xunshi serve`` on the seeds. Each step
leaves a screenshot in tests/output/screenshots/, and no step may log an error to the browser console."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx
import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page

from tests.e2e.browser import NEEDS_BROWSER, shot

UNKNOWN = "不存在县"

pytestmark = NEEDS_BROWSER


@dataclass
class Console:
    """Errors the page logged; ``allowed`` holds request paths whose failure a test asks for."""

    errors: list[str] = field(default_factory=list)
    allowed: list[str] = field(default_factory=list)

    def record(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"{message.text} at {message.location.get('url', '')}")

    def unexpected(self) -> list[str]:
        return [e for e in self.errors if not any(a in e for a in self.allowed)]


@pytest.fixture
def console() -> Console:
    return Console()


@pytest.fixture
def page(browser: Browser, console: Console, request: pytest.FixtureRequest) -> Iterator[Page]:
    width, height = getattr(request, "param", (1366, 850))
    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.on("console", console.record)
    yield tab
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"
    assert not console.unexpected(), f"errors in the browser console: {console.unexpected()}"


def _loaded(page: Page) -> None:
    """Wait until the analysis tab of the current address has its answer (or its error) in place."""
    page.wait_for_function("() => { const a = document.querySelector('#analysis');"
                           " return a && a.dataset.hash === location.hash"
                           " && !document.querySelector('#analysis-results[aria-busy]'); }")


def _open_tab(page: Page, tab: str) -> None:
    page.click(f"#analysis nav.tabs a[data-tab={tab}]")
    page.locator(f"#analysis[data-tab={tab}]").wait_for()
    _loaded(page)


def _numbers(page: Page, selector: str) -> list[float]:
    return [float(text) for text in page.locator(selector).all_inner_texts()]


def test_central_problems_rank_categories_and_show_the_recurring_cluster(page: Page, base: str) -> None:
    p = page
    p.goto(base + "/")
    p.click("nav a[data-view=analysis]")
    _loaded(p)
    assert p.locator("nav a[data-view=analysis]").get_attribute("class") == "active"
    rows = p.locator("#central-categories tbody tr.clickable")
    assert rows.count() > 0
    shown = _numbers(p, "#central-categories tbody tr.clickable td[data-col=targets]")
    assert shown[0] == max(shown)
    answer = httpx.get(f"{base}/analysis/central-problems", timeout=30).json()
    assert shown == [c["evidence"]["targets"] for c in answer["categories"]]
    assert rows.count() == len(answer["categories"])
    assert answer["categories"][0]["key"] in rows.first.inner_text()

    cluster = p.locator("#central-clusters tbody tr.clickable", has_text="扶贫资金使用不及时")
    cluster.wait_for()
    assert cluster.locator("td[data-col=rounds]").inner_text() == "3"
    assert "资金" in cluster.inner_text()
    cluster.click()
    assert cluster.get_attribute("aria-expanded") == "true"
    detail = p.locator("#central-clusters tr.detail:visible")
    detail.wait_for()
    assert "漾濞彝族自治县" in detail.inner_text()
    shot(p, "analysis-1-central", full_page=True)

    detail.locator("button.open-source").first.click()
    mark = p.locator("#source-text mark.current")
    mark.wait_for()
    assert "扶贫资金使用不及时" in mark.inner_text()
    shot(p, "analysis-2-central-source")

    detail.get_by_role("link", name="漾濞彝族自治县").click()
    p.locator("#entity h2").wait_for()
    assert "漾濞彝族自治县" in p.locator("#entity h2").inner_text()


def test_shared_filters_apply_on_refresh_and_say_when_nothing_is_found(page: Page, base: str) -> None:
    p = page
    p.goto(base + "/#/analysis")
    _loaded(p)
    p.select_option("#analysis-filters select[name=category]", "funds")
    p.click("#analysis-filters button[type=submit]")
    p.wait_for_url("**category=funds**")
    _loaded(p)
    rows = p.locator("#central-categories tbody tr.clickable")
    assert rows.count() == 1 and "资金" in rows.first.inner_text()
    p.fill("#analysis-filters input[name=since]", "2031-01-01")
    p.click("#analysis-filters button[type=submit]")
    p.wait_for_url("**since=2031-01-01**")
    _loaded(p)
    empty = p.locator("#analysis-results .empty")
    assert empty.count() == 2 and "没有找到" in empty.first.inner_text()
    assert p.locator("#analysis-filters select[name=category]").input_value() == "funds"
    assert p.locator("#analysis-filters input[name=since]").input_value() == "2031-01-01"


def test_communities_by_category_and_by_cluster(page: Page, base: str) -> None:
    p = page
    p.goto(base + "/#/analysis")
    _loaded(p)
    _open_tab(p, "communities")
    groups = p.locator("#analysis-results ol.groups > li.group")
    assert groups.count() >= 1
    first = groups.first
    assert first.locator("a").count() >= 2, "a group lists its member targets as links"
    assert first.locator("table.shared tbody tr").count() >= 1
    text = p.locator("#analysis-results").inner_text()
    assert "modularity" in text
    answer = httpx.get(f"{base}/analysis/communities", params={"by": "category"}, timeout=30).json()
    assert groups.count() == len(answer["data"])
    assert f"{answer['unconnected_targets']} targets share nothing" in p.locator("#unconnected").inner_text()
    shot(p, "analysis-3-communities", full_page=True)

    p.select_option("#analysis-filters select[name=by]", "cluster")
    p.wait_for_url("**by=cluster**")
    _loaded(p)
    found = p.locator("#analysis-results ol.groups > li.group").count()
    clusters = httpx.get(f"{base}/analysis/communities", params={"by": "cluster"}, timeout=30).json()
    assert found == len(clusters["data"])
    if not found:
        assert "没有找到对象群组" in p.locator("#analysis-results .empty").inner_text()
    assert p.locator("#unconnected").count() == 1


def test_co_occurrence_table(page: Page, base: str) -> None:
    p = page
    p.goto(base + "/#/analysis/co-occurrence")
    _loaded(p)
    answer = httpx.get(f"{base}/analysis/co-occurrence", timeout=30).json()
    rows = p.locator("#co-occurrence tbody tr")
    assert rows.count() == len(answer["data"]) > 0
    first = answer["data"][0]
    cells = rows.first.locator("td").all_inner_texts()
    assert first["a"] in cells[0] and first["b"] in cells[1] and cells[2] == str(first["together"])
    assert float(cells[5]) == pytest.approx(first["lift"], abs=0.01)
    shot(p, "analysis-4-co-occurrence")


def test_similar_targets_and_an_unknown_target(page: Page, base: str, console: Console) -> None:
    p = page
    p.goto(base + "/#/entity/Region/532922")
    p.locator("#entity h2").wait_for()
    p.click("nav a[data-view=analysis]")
    _loaded(p)
    _open_tab(p, "similar")
    field_ = p.locator("#similar-form input[name=target]")
    assert field_.input_value() == "漾濞彝族自治县", "the target last opened is filled in"

    field_.fill("漾濞县")
    p.click("#similar-form button[type=submit]")
    p.wait_for_function("() => decodeURIComponent(location.hash).includes('target=漾濞县')")
    _loaded(p)
    rows = p.locator("#similar-table tbody tr.clickable")
    scores = _numbers(p, "#similar-table tbody td.score")
    assert len(scores) >= 2 and scores == sorted(scores, reverse=True) and scores[0] > 0
    assert "漾濞彝族自治县" in p.locator("#similar-results").inner_text()
    shot(p, "analysis-5-similar")
    name = rows.first.locator("td").nth(1).locator("a").inner_text()
    rows.first.locator("td.score").click()
    p.locator("#entity h2").wait_for()
    assert name in p.locator("#entity h2").inner_text()

    console.allowed.append("/analysis/similar-targets")  # the 404 asked for below is logged by the browser
    p.goto(base + "/#/analysis/similar")
    _loaded(p)
    p.fill("#similar-form input[name=target]", UNKNOWN)
    p.click("#similar-form button[type=submit]")
    error = p.locator("#similar-results .error")
    error.wait_for()
    assert "404" in error.inner_text() and UNKNOWN in error.inner_text()
    assert p.locator("#similar-table").count() == 0
    shot(p, "analysis-6-unknown-target")


@pytest.mark.parametrize("page", [(420, 860)], indirect=True)
def test_narrow_window_keeps_the_analysis_inside_the_screen(page: Page, base: str) -> None:
    p = page
    for tab in ("central", "communities", "co-occurrence"):
        p.goto(base + f"/#/analysis/{tab}")
        _loaded(p)
        assert p.evaluate("document.documentElement.scrollWidth") <= 420, f"{tab} is wider than the window"
    shot(p, "analysis-7-narrow")
