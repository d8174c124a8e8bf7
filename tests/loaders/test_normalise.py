"""Normalisation keeps a map to the original text."""

from __future__ import annotations

from loaders.load import load_text
from loaders.sentences import split_sentences


def test_glosses_are_removed_and_traditional_converted() -> None:
    doc = load_text("新華社長(zhǎng)沙8月4日電 脫貧攻堅(jiān)工作，覺(jué)悟提高。")
    assert doc.text.startswith("新华社长沙8月4日电")
    assert "脱贫攻坚工作" in doc.text
    assert "觉悟" in doc.text
    assert "zh" not in doc.text


def test_brackets_that_are_not_pinyin_stay() -> None:
    doc = load_text("纪委监委(纪检监察组)和GDP(国内生产总值)以及巡视(abc)。")
    assert "纪检监察组" in doc.text
    assert "abc" in doc.text


def test_every_span_maps_back_to_the_same_words_in_the_original() -> None:
    original = "首页 > 新闻\n下载客户端\n漣(lián)源市委書記謝學龍說,巡察組發現問(wèn)題。\n責任編輯:王小明\n"
    doc = load_text(original)
    assert "下载客户端" not in doc.text and "王小明" not in doc.text
    start = doc.text.index("涟源市委书记")
    a, b = doc.span(start, start + len("涟源市委书记"))
    assert original[a:b] == "漣(lián)源市委書記"
    start = doc.text.index("问题")
    a, b = doc.span(start, start + 2)
    assert original[a:b] == "問(wèn)題"


def test_punctuation_between_chinese_becomes_full_width() -> None:
    doc = load_text("会上,组长反馈了意见;县委书记作表态讲话:一是。")
    assert doc.text == "会上，组长反馈了意见；县委书记作表态讲话：一是。"


def test_sentences_split_on_full_stops_and_lines() -> None:
    text = "第一句。第二句！“第三句？”\n标题行\n最后"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["第一句。", "第二句！", "“第三句？”", "标题行", "最后"]
