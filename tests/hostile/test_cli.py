"""The server refuses to open writes to the network by accident."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def _serve(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("XUNSHI_")}
    return subprocess.run([sys.executable, "-m", "api.cli", "serve", "--data", str(tmp_path / "data"), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=60, env={**clean, **env})


def test_serving_on_every_address_without_an_api_key_is_refused(tmp_path: Path) -> None:
    done = _serve(tmp_path, "--host", "0.0.0.0", "--port", "1")
    assert done.returncode == 2
    assert "XUNSHI_API_KEY" in done.stderr and "--open-writes" in done.stderr
    assert not (tmp_path / "data").exists(), "it stopped before opening the store"
