"""Every setting is documented, and the environment sets it."""

from __future__ import annotations

import pytest

from api.settings import Settings
from tests.conftest import ROOT


@pytest.mark.parametrize("field", sorted(Settings.model_fields))
def test_every_setting_is_documented_with_its_variable(field: str) -> None:
    assert f"`XUNSHI_{field.upper()}`" in (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")


def test_the_environment_sets_the_settings_and_the_neo4j_options(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XUNSHI_MAX_ROWS", "77")
    monkeypatch.setenv("XUNSHI_NEO4J_DATABASE", "inspections")
    monkeypatch.setenv("XUNSHI_NEO4J_USER", "reader")
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.max_rows == 77
    options = settings.neo4j_options()
    assert (options.database, options.user) == ("inspections", "reader")
