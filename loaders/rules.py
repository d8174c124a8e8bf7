"""Rule files: JSON Lines under ``loaders/rules``, validated when they are loaded.

Each line is ``{"label": ..., "pattern": ..., "id": ...}`` plus optional fields
a matcher may use. A bad line fails loudly, naming the file, the line and the
problem: a line that is not JSON, a field that does not belong, or a pattern that
does not compile as a regular expression. Asking for a label the file does not
have is an error too (an empty alternation would match everywhere).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from loaders.errors import RuleFileError

RULES_DIR = Path(__file__).parent / "rules"
DATA_DIR = Path(__file__).parent / "data"


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    label: str
    pattern: str | list[str]
    id: str | None = None
    note: str | None = None
    max_len: int | None = None


@cache
def load_rules(name: str) -> tuple[Rule, ...]:
    """Load ``loaders/rules/<name>.jsonl``."""
    path = RULES_DIR / f"{name}.jsonl"
    if not path.exists():
        raise RuleFileError(f"no rule file {name}.jsonl", path=path)
    rules = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            rule = Rule.model_validate(json.loads(line))
            for pattern in [rule.pattern] if isinstance(rule.pattern, str) else rule.pattern:
                re.compile(pattern)
            rules.append(rule)
        except re.error as exc:
            problem = f"line {number}: pattern {exc.pattern!r} does not compile: {exc.msg}"
            raise RuleFileError(problem, path=path) from exc
        except json.JSONDecodeError as exc:
            raise RuleFileError(f"line {number}: not JSON: {exc.msg}", path=path) from exc
        except ValidationError as exc:
            problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            raise RuleFileError(f"line {number}: {problems}", path=path) from exc
    return tuple(rules)


def rule_names() -> list[str]:
    return sorted(p.stem for p in RULES_DIR.glob("*.jsonl"))


def patterns(name: str, label: str | None = None) -> list[str]:
    """The string patterns of a rule file, optionally only those of one label (which the file must have)."""
    out: list[str] = []
    for rule in load_rules(name):
        if label is None or rule.label == label:
            out.extend([rule.pattern] if isinstance(rule.pattern, str) else rule.pattern)
    if label is not None and not out:
        raise RuleFileError(f"no rule labelled {label!r}", path=RULES_DIR / f"{name}.jsonl")
    return out


def alternation(name: str, label: str) -> str:
    """The regular-expression patterns of one label of a rule file, as one alternation."""
    return "|".join(f"(?:{p})" for p in patterns(name, label))
