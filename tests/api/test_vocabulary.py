"""The one table of display names the page shows, served by the API."""

from __future__ import annotations

from fastapi.testclient import TestClient

from graph.rows import LABELS
from loaders.record import CATEGORIES


def test_every_label_category_and_link_kind_has_a_chinese_name(client: TestClient) -> None:
    names = client.get("/vocabulary").json()
    assert set(names["categories"]) == set(CATEGORIES)
    assert set(LABELS) | {"Document"} <= set(names["labels"])
    assert set(names["links"]) == {"stated", "similar", "category"}
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in name) for table in names.values() for name in table.values())


def test_the_page_loads_its_modules(client: TestClient) -> None:
    page = client.get("/").text
    assert '<script type="module" src="/static/js/main.js">' in page
    for module in ("main", "core", "recurring", "source", "analysis"):
        response = client.get(f"/static/js/{module}.js")
        assert response.status_code == 200 and "javascript" in response.headers["content-type"]
