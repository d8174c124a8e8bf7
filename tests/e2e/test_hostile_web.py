"""Stored script: markup inside a document's text is shown as text on every page that shows it, never run."""

from __future__ import annotations

from urllib.parse import quote

import httpx
import pytest
from playwright.sync_api import Browser

from tests.e2e.browser import NEEDS_BROWSER, shot

pytestmark = NEEDS_BROWSER

PAYLOAD = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'
TEXT = (f"市委第三巡察组向宾川县委反馈巡察情况。巡察发现，宾川县{PAYLOAD}扶贫资金闲置问题突出"
        f"<svg onload=\"window.__xss=3\">。")


@pytest.fixture(scope="module")
def hostile(base: str) -> dict[str, str]:
    """The issue the hostile document yields, uploaded to the module's server."""
    response = httpx.post(f"{base}/documents", json={"name": "恶意.txt", "text": TEXT}, timeout=60)
    assert response.status_code == 201, response.text
    found = httpx.post(f"{base}/cypher", json={"query": "MATCH (i:Issue) WHERE i.text CONTAINS 'onerror' "
                                                        "RETURN i.id, i.document LIMIT 1"}, timeout=10).json()
    assert found["rows"], "the payload is part of an extracted issue"
    issue, doc = found["rows"][0]
    return {"issue": issue, "doc": doc}


def test_markup_in_a_document_is_shown_as_text_and_never_run(browser: Browser, base: str,
                                                            hostile: dict[str, str]) -> None:
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{base}/#/entity/Issue/{quote(hostile['issue'], safe='')}")
    page.locator("#entity h2").wait_for()
    assert "onerror" in page.locator("#entity").inner_text()
    page.locator("button.open-source").first.click()
    page.locator("#source-text").wait_for()
    page.wait_for_function("document.querySelector('#source-text').textContent.includes('onerror')")
    source = page.locator("#source-text").inner_text()
    assert "<img src=x" in source and "<script>" in source and "<svg onload" in source
    shot(page, "hostile-source")
    page.goto(f"{base}/#/search?q={quote('宾川')}")
    page.locator("#search-results").wait_for()
    page.goto(f"{base}/#/recurring?target={quote('宾川县')}")
    page.wait_for_timeout(500)
    assert page.evaluate("() => window.__xss") is None, "a script from the document ran"
    assert page.locator("#source-text img, #entity img, #source-text script, svg[onload]").count() == 0
    assert not dialogs
    context.close()
