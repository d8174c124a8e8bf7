"""Rule files: JSON Lines under ``loaders/rules``, validated when they are loaded.

Each line is ``{"label": ..., "pattern": ..., "id": ...}`` plus optional fields
a matcher may use. A line with ``"literal": true`` holds plain words or characters
(a tag name, a punctuation mark) rather than regular expressions; they are
escaped wherever they become part of a pattern. A bad line fails loudly, naming the file, the line and the
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
    literal: bool = False

    @property
    def patterns(self) -> list[str]:
        """The line's patterns as regular expressions (literal words escaped)."""
        items = [self.pattern] if isinstance(self.pattern, str) else self.pattern
        return [re.escape(p) for p in items] if self.literal else list(items)

    @property
    def words(self) -> list[str]:
        """The line's patterns as written."""
        return [self.pattern] if isinstance(self.pattern, str) else list(self.pattern)


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
            for pattern in rule.patterns:
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


def _labelled(name: str, label: str | None) -> list[Rule]:
    found = [rule for rule in load_rules(name) if label is None or rule.label == label]
    if label is not None and not found:
        raise RuleFileError(f"no rule labelled {label!r}", path=RULES_DIR / f"{name}.jsonl")
    return found


def patterns(name: str, label: str | None = None) -> list[str]:
    """The regular expressions of a rule file, optionally only those of one label (which the file must have)."""
    return [p for rule in _labelled(name, label) for p in rule.patterns]


def words(name: str, label: str) -> list[str]:
    """The words of one label of a rule file as written (for lookups, not matching)."""
    return [w for rule in _labelled(name, label) for w in rule.words]


def chars(name: str, label: str) -> frozenset[str]:
    """The characters of one label of a rule file: every character of its words."""
    return frozenset("".join(words(name, label)))


def alternation(name: str, label: str) -> str:
    """The regular-expression patterns of one label of a rule file, as one alternation."""
    return "|".join(f"(?:{p})" for p in patterns(name, label))
