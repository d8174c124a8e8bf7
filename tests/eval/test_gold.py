"""The extractor against the hand-made gold records, scored by ../shared/eval/score.py.

The figures are the accuracy bar of the extraction issue; the test fails below any of them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import SHARED, needs_shared

BAR = {"teams": 0.90, "regions": 0.90, "localities": 0.75, "people": 0.85, "people_titles": 0.80,
       "issues": 0.70, "issue_category": 0.70, "measures": 0.55, "inspected": 0.75, "recurrence": 0.70}


@needs_shared
def test_extraction_meets_the_bar_on_gold(tmp_path: Path) -> None:
    gold = SHARED / "corpus" / "gold"
    stems = {p.stem for p in gold.glob("*.json")}
    sources = [p for folder in ("seeds", "dev") for p in sorted((SHARED / "corpus" / folder).glob("*.txt"))
               if p.stem in stems]
    assert len(sources) == len(stems)
    out = tmp_path / "pred"
    done = subprocess.run([sys.executable, "-m", "api.cli", "extract", "--out", str(out), *map(str, sources)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    scored = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(gold), str(out), "--json"],
                            capture_output=True, text=True, check=True)
    summary = json.loads(scored.stdout)
    below = {field: summary[field].get("f1", summary[field].get("accuracy")) for field in BAR
             if summary[field].get("f1", summary[field].get("accuracy")) < BAR[field]}
    assert not below, f"below the bar: {below}"
