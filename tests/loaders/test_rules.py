"""Every rule file loads and compiles; bad rules and unknown labels fail naming file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from loaders import rules
from loaders.errors import RuleFileError
from loaders.rules import alternation, chars, load_rules, rule_names, words


@pytest.mark.parametrize("name", rule_names())
def test_every_rule_file_loads_and_every_pattern_compiles(name: str) -> None:
    loaded = load_rules(name)
    assert loaded, f"{name}.jsonl holds no rule"
    for rule in loaded:
        for pattern in rule.patterns:
            re.compile(pattern)


@pytest.fixture
def rule_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(rules, "RULES_DIR", tmp_path)
    load_rules.cache_clear()
    yield tmp_path
    load_rules.cache_clear()


def test_a_pattern_that_does_not_compile_names_file_and_line(rule_dir: Path) -> None:
    (rule_dir / "broken.jsonl").write_text('// a comment\n{"label": "cue", "pattern": ["ok", "(unclosed"]}\n',
                                           encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"broken\.jsonl.*line 2.*\(unclosed"):
        load_rules("broken")


def test_an_unknown_label_is_an_error_not_an_empty_pattern(rule_dir: Path) -> None:
    (rule_dir / "small.jsonl").write_text('{"label": "cue", "pattern": "指出"}\n', encoding="utf-8")
    assert alternation("small", "cue") == "(?:指出)"
    with pytest.raises(RuleFileError, match="no rule labelled 'clue'"):
        alternation("small", "clue")


def test_literal_words_are_escaped_in_patterns_and_kept_as_written(rule_dir: Path) -> None:
    (rule_dir / "marks.jsonl").write_text('{"label": "stop", "literal": true, "pattern": ["(", "a.b", "向对"]}\n',
                                          encoding="utf-8")
    assert re.fullmatch(alternation("marks", "stop"), "a.b")
    assert not re.fullmatch(alternation("marks", "stop"), "axb")
    assert words("marks", "stop") == ["(", "a.b", "向对"]
    assert chars("marks", "stop") == frozenset("(a.b向对")


@pytest.mark.parametrize(("name", "label"), [
    ("measures", "speaker_title"), ("measures", "subject_suffix"), ("subjects", "body_suffix"),
    ("body_names", "delimiter"), ("people", "after_name"), ("problems", "still"), ("kinds", "feedback"),
    ("html", "block"), ("titles", "role"),
])
def test_the_lexicons_the_extractor_reads_are_in_rule_files(name: str, label: str) -> None:
    assert words(name, label)
