"""People, anchored on the titles before their names.

A name is a known surname and one or two more characters right after a role
word (组长杨琼瑛, 市委巡察工作领导小组组长盛九江同志). The title runs back from the
role to the start of its clause and may be a chain joined by 、; each link of
the chain that ends in a role is one title. Titles anchor names better than a
segmenter, which takes 盛九江 for the place 九江.
"""

from __future__ import annotations

import re
from functools import cache

from loaders.extract.context import Context
from loaders.gazetteer import gazetteer
from loaders.record import Person
from loaders.rules import DATA_DIR, chars, patterns

_HAN = re.compile(r"[\u4e00-\u9fff]")
_AFTER_NAME = chars("people", "after_name")
_TITLE_STOP = chars("people", "title_stop")


@cache
def _surnames() -> tuple[set[str], set[str]]:
    single: set[str] = set()
    double: set[str] = set()
    for line in (DATA_DIR / "surnames.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        for word in line.split():
            if len(word) == 2 and " " in line:
                double.add(word)
            else:
                single.update(c for c in word if _HAN.match(c))
    return single, double


@cache
def _words() -> dict[str, tuple[int, str]]:
    from loaders.gazetteer import jieba_words

    return jieba_words()


@cache
def _role_re() -> re.Pattern[str]:
    roles = sorted(patterns("titles", "role"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, roles)))


def _name_at(text: str, pos: int) -> str | None:
    """The name that starts at ``pos``, if a surname starts there."""
    single, double = _surnames()
    if text[pos : pos + 2] in double:
        surname_len = 2
    elif pos < len(text) and text[pos] in single:
        surname_len = 1
    else:
        return None
    given = ""
    for ch in text[pos + surname_len : pos + surname_len + 2]:
        if not _HAN.match(ch):
            break
        given += ch
    if not given:
        return None
    if len(given) == 2:
        after = text[pos + surname_len + 1 : pos + surname_len + 3]
        entry = _words().get(after)
        if given[1] in _AFTER_NAME or after == "同志" or (entry is not None and entry[0] >= 200):
            given = given[:1]
    if given[0] in _AFTER_NAME:
        return None
    return text[pos : pos + surname_len] + given


def _role_runs_into_place(text: str, role_end: int) -> bool:
    """新华社长沙电: the role's last character starts a place name (长沙), so what follows is no name."""
    forms = gazetteer().forms
    return any(text[role_end - 1 : role_end + k] in forms for k in (1, 2, 3))


def _conjunction_after(text: str, role_end: int) -> bool:
    """局负责人和乡镇党委书记: 和 (also a surname) joins two roles, so no name follows the first one."""
    entry = _words().get(text[role_end + 1 : role_end + 3])
    return text[role_end : role_end + 1] in "和与及或" and entry is not None and entry[0] >= 100


def _title_start(text: str, role_start: int) -> int:
    i = role_start
    limit = max(0, role_start - 30)
    while i > limit and text[i - 1] not in _TITLE_STOP:
        i -= 1
    # A chain: 市委常委、市纪委书记、…组长: keep going back over 、 when the previous link ends in a role.
    while i > 0 and text[i - 1] == "、":
        j = i - 1
        m = _role_re().search(text, max(0, j - 6), j)
        if not m or m.end() != j:
            break
        k = j
        while k > max(0, j - 30) and text[k - 1] not in _TITLE_STOP:
            k -= 1
        i = k
    return i


def extract_people(ctx: Context) -> tuple[list[Person], tuple[tuple[int, int], ...]]:
    """The people named, and where in the normalised text each mention of a name stands."""
    text = ctx.text
    people: dict[str, Person] = {}
    spans: list[tuple[int, int]] = []
    not_names = tuple(patterns("titles", "not_name"))

    def add(name: str, start: int, titles: list[str]) -> None:
        person = people.setdefault(name, Person(name=name))
        for title in titles:
            if title and title not in person.titles:
                person.titles.append(title)
        spans.append((start, start + len(name)))

    for m in _role_re().finditer(text):
        if text.startswith(not_names, m.start()):
            continue
        name = _name_at(text, m.end())
        if name is None or _role_runs_into_place(text, m.end()) or _conjunction_after(text, m.end()):
            continue
        chain = text[_title_start(text, m.start()) : m.end()]
        links = [link for link in chain.split("、") if _role_re().search(link)]
        titles = ["、".join(links)] if len(links) > 1 else links
        add(name, m.end(), titles)
        # 副组长王新光、赵永旺、王晓光: names listed after one role share it.
        pos = m.end() + len(name)
        while text.startswith("、", pos):
            following = _name_at(text, pos + 1)
            if following is None or _role_re().match(text, pos + 1 + len(following)):
                break
            add(following, pos + 1, titles)
            pos += 1 + len(following)
    for role in patterns("titles", "after_name"):
        for m in re.finditer(re.escape(role), text):
            for length in (3, 2):
                start = m.start() - length
                if start >= 0 and _name_at(text, start) == text[start : m.start()]:
                    add(text[start : m.start()], start, [role])
                    break
    for role in patterns("titles", "byline"):
        for m in re.finditer(rf"{re.escape(role)}(?:为|是|[:：])?\s*((?:[\u4e00-\u9fff]{{2,3}}\s*[、，,]?\s*)+)", text):
            for chunk in re.split(r"[\s、，,]+", m.group(1)):
                if 2 <= len(chunk) <= 3 and _name_at(chunk, 0) == chunk:
                    add(chunk, m.start(1) + m.group(1).index(chunk), [role])
    for name, start, titles in _bracket_bylines(text) + _credits(text) + _names_before_roles(text):
        if name not in people or titles:
            add(name, start, titles)
    # Every mention of a found name, for its spans.
    for name, person in people.items():
        for m in re.finditer(re.escape(name), text):
            person.spans.append(ctx.span(m.start(), m.end()))
            spans.append((m.start(), m.end()))
    return list(people.values()), tuple(spans)


def _is_name(chunk: str) -> bool:
    return 2 <= len(chunk) <= 3 and _name_at(chunk, 0) == chunk and chunk not in gazetteer().forms \
        and (_words().get(chunk) is None or _words()[chunk][0] < 50)


def _bracket_bylines(text: str) -> list[tuple[str, int, list[str]]]:
    """（某县纪委监委 张三） or 【记者：李四】 closing a paragraph, or 电（王五） after a dateline."""
    out = []
    bylines = tuple(patterns("titles", "byline"))
    for m in re.finditer(r"(?P<lead>电|消息|讯)?[（(【]\s*(?:(?P<who>[^（）()【】\n]{0,20}?)[\s:：]+)?"
                         r"(?P<names>[\u4e00-\u9fff]{2,3}(?:[\s、]+[\u4e00-\u9fff]{2,3})*)\s*[）)】]"
                         r"(?P<end>\s*(?:\n|$))?", text):
        if not (m.group("lead") or m.group("end") is not None):
            continue
        who = (m.group("who") or "").strip()
        titles = [who] if who in bylines else []
        for chunk in re.finditer(r"[\u4e00-\u9fff]{2,3}", m.group("names")):
            if _is_name(chunk.group(0)):
                out.append((chunk.group(0), m.start("names") + chunk.start(), titles))
    return out


def _credits(text: str) -> list[tuple[str, int, list[str]]]:
    """A photographer's credit: 张三 摄."""
    credit = "|".join(map(re.escape, patterns("titles", "credit")))
    return [(m.group(1), m.start(1), []) for m in re.finditer(rf"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{{2,3}})\s*(?:{credit})(?![\u4e00-\u9fff])", text)
            if _is_name(m.group(1))]


def _names_before_roles(text: str) -> list[tuple[str, int, list[str]]]:
    """李明书记、王芳副校长: a name written before its role, in a list or a clause of its own."""
    out = []
    for m in re.finditer(rf"(?:^|(?<=[、，。；\s]))([\u4e00-\u9fff]{{2,3}}?)({_role_re().pattern})", text):
        listed = text[m.start() - 1:m.start()] == "、" or text[m.end():m.end() + 1] in set("、，。；和及等以")
        if listed and _is_name(m.group(1)):
            out.append((m.group(1), m.start(1), [m.group(2)]))
    return out
