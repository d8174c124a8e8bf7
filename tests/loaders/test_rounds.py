"""Rounds and campaigns named as gold names them: term, issuer, ordinal (sentences of our own)."""

from __future__ import annotations

import pytest

from loaders.extract import extract
from loaders.load import load_text


def _rounds(text: str) -> list[tuple[str, int | None]]:
    return [(r.name, r.term) for r in extract(load_text(text)).rounds]


@pytest.mark.parametrize("text, expected", [
    ("十三届湖南省委第五轮巡视对衡阳市开展了常规巡视。", [("十三届湖南省委第五轮巡视", 13)]),
    ("根据部署，十一届省委第三轮巡视将对岳阳市开展巡视。", [("十一届湖南省委第三轮巡视", 11)]),
    ("六届市委第二轮巡察共派出5个巡察组。", [("六届市委第二轮巡察", 6)]),  # a body no place explains stays as written
])
def test_a_round_keeps_its_term_and_issuer(text: str, expected: list[tuple[str, int | None]]) -> None:
    assert _rounds(text) == expected


def test_a_campaign_takes_the_issuer_of_the_team_its_sentence_names_and_bare_mentions_join_it() -> None:
    text = ("近日，湖南省委第二巡视组向衡阳市反馈了乡村振兴巡视“回头看”情况。"
            "衡阳市委表示，将以巡视“回头看”反馈为契机抓好整改。")
    rounds = extract(load_text(text)).rounds
    assert [r.name for r in rounds] == ["湖南省委巡视“回头看”"]
    assert len(rounds[0].spans) == 2
