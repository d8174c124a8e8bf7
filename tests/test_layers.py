"""No module imports from a layer above it: loaders < graph < api (docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

LAYERS = {"loaders": 0, "graph": 1, "api": 2}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


@pytest.mark.parametrize("package", sorted(LAYERS))
def test_no_module_imports_from_a_layer_above_its_own(package: str) -> None:
    own = LAYERS[package]
    wrong = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        above = {m for m in _imports(path) if LAYERS.get(m.split(".")[0], -1) > own}
        if above:
            wrong[str(path.relative_to(ROOT))] = sorted(above)
    assert wrong == {}
