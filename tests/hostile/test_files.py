"""Hostile files: each is refused with its own error, in bounded time and memory, and a folder goes on."""

from __future__ import annotations

import io
import os
import resource
import zipfile
from pathlib import Path

import docx
import pytest

from loaders import limits
from loaders.errors import LimitExceededError
from loaders.load import load_bytes, load_file
from loaders.names import upload_name
from loaders.pipeline import Refused, expand, run

TEXT = "县委巡察组反馈指出，该单位存在落实主体责任不到位的问题。"


def _docx(body_xml: str = "", *, extra: dict[str, bytes] | None = None) -> bytes:
    """A real Word document with ``body_xml`` added to its body, and ``extra`` entries in its zip."""
    document = docx.Document()
    document.add_paragraph(TEXT)
    buffer = io.BytesIO()
    document.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            data = source.read(entry.filename)
            if entry.filename == "word/document.xml" and body_xml:
                text = data.decode()
                cut = text.index("</w:body>")
                data = (text[:cut] + body_xml + text[cut:]).encode()
            target.writestr(entry.filename, data)
        for name, data in (extra or {}).items():
            target.writestr(name, data)
    return out.getvalue()


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_a_docx_zip_bomb_is_refused_from_its_directory_before_anything_is_unpacked() -> None:
    paragraph = "<w:p><w:r><w:t>" + "巡" * 500 + "</w:t></w:r></w:p>"
    bomb = _docx(paragraph * 150_000)  # about 1 MB that unpacks to over 200 MB of XML
    assert len(bomb) < 2 * 1024 * 1024
    before = _peak_mb()
    with pytest.raises(LimitExceededError) as caught:
        load_bytes(bomb, name="bomb.docx")
    assert caught.value.code == "E108"
    assert "bomb.docx" in str(caught.value) and "unpacks to" in str(caught.value)
    assert _peak_mb() - before < 100  # it was never unpacked


def test_a_docx_of_many_entries_is_refused() -> None:
    crowded = _docx(extra={f"customXml/item{i}.bin": b"x" for i in range(limits.MAX_ARCHIVE_ENTRIES + 1)})
    with pytest.raises(LimitExceededError, match="entries"):
        load_bytes(crowded, name="crowded.docx")


def test_a_docx_of_large_xml_parts_is_refused_even_when_the_whole_stays_under_the_archive_limit() -> None:
    filler = b"<x>" + b"a" * (limits.MAX_UNPACKED_XML_BYTES + 10) + b"</x>"
    with pytest.raises(LimitExceededError, match="XML parts"):
        load_bytes(_docx(extra={"customXml/filler.xml": filler}), name="xml.docx")


def test_a_deeply_nested_docx_is_an_error_for_that_file() -> None:
    depth = 120  # three elements per level: past the XML parser's 256
    nested = "<w:tbl><w:tr><w:tc>" * depth + "<w:p><w:r><w:t>x</w:t></w:r></w:p>" + "</w:tc></w:tr></w:tbl>" * depth
    with pytest.raises(LimitExceededError, match="nested"):
        load_bytes(_docx(nested), name="nested.docx")


def test_a_page_nested_twenty_thousand_levels_deep_is_read_without_recursion() -> None:
    page = "<html><body>" + "<div>" * 20_000 + TEXT + "</div>" * 20_000 + "</body></html>"  # Python stops at 1,000
    doc = load_bytes(page.encode(), name="deep.html")
    assert TEXT in doc.text


def test_a_text_over_the_length_limit_is_refused_with_advice_to_split_it() -> None:
    long_text = (TEXT + "\n") * (limits.MAX_CHARS // len(TEXT) + 10)
    with pytest.raises(LimitExceededError, match="split it"):
        load_bytes(long_text.encode(), name="archive.txt")


def test_a_hostile_file_in_a_folder_fails_alone_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "a_good.txt").write_text(TEXT, encoding="utf-8")
    paragraph = "<w:p><w:r><w:t>" + "察" * 500 + "</w:t></w:r></w:p>"
    (tmp_path / "b_bomb.docx").write_bytes(_docx(paragraph * 150_000))
    (tmp_path / "c_deep.html").write_text("<div>" * 50_000 + TEXT, encoding="utf-8")
    (tmp_path / "d_good.txt").write_text(TEXT + "要求整改。", encoding="utf-8")
    outcomes = {Path(o.name).name: o for o in run(expand([tmp_path]))}
    assert [n for n, o in outcomes.items() if o.error is None] == ["a_good.txt", "c_deep.html", "d_good.txt"]
    assert outcomes["b_bomb.docx"].error is not None and outcomes["b_bomb.docx"].error.code == "E108"


@pytest.mark.parametrize(("given", "kept"), [
    ("../../etc/passwd.txt", "passwd.txt"),
    ("..\\..\\windows\\报告.txt", "报告.txt"),
    ("/srv/archive/通报.docx", "通报.docx"),
    ("evil\x00.txt", "evil.txt"),
    ("two\nlines\r.txt", "twolines.txt"),
    ("..", "upload.txt"),
    ("", "upload.txt"),
])
def test_an_upload_name_keeps_only_a_clean_file_name(given: str, kept: str) -> None:
    assert upload_name(given) == kept


def test_a_very_long_upload_name_is_shortened_with_its_extension_kept() -> None:
    name = upload_name("巡" * 5000 + ".docx")
    assert len(name) <= 120 and name.endswith("….docx")


def test_an_upload_with_a_traversal_name_is_read_under_its_file_name_only() -> None:
    outcome = next(run([("../../../../etc/反馈.txt", TEXT.encode())]))
    assert outcome.error is None and outcome.doc is not None
    assert outcome.name == "反馈.txt" and outcome.doc.raw.name == "反馈.txt"


def test_a_folder_walk_stays_inside_the_folder_and_survives_link_loops(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("不该读到的内容", encoding="utf-8")
    root = tmp_path / "archive"
    (root / "2023").mkdir(parents=True)
    (root / "2023" / "report.txt").write_text(TEXT, encoding="utf-8")
    os.symlink(root, root / "2023" / "loop")                 # a directory loop
    os.symlink(outside, root / "elsewhere")                  # a directory out of the folder
    os.symlink(outside / "secret.txt", root / "secret.txt")  # a file out of the folder
    os.symlink(root / "2023" / "report.txt", root / "same.txt")  # a second name for a file inside
    os.symlink(tmp_path / "gone.txt", root / "broken.txt")   # a broken link
    found = expand([root])
    read = [p for p in found if isinstance(p, Path)]
    refused = {p.path.name: p.reason for p in found if isinstance(p, Refused)}
    assert [p.name for p in read] == ["report.txt"]
    assert set(refused) == {"elsewhere", "secret.txt", "broken.txt"}
    assert "outside the folder" in refused["secret.txt"] and "broken" in refused["broken.txt"]
    errors = [o.error for o in run(found) if o.error is not None]
    assert len(errors) == 3 and all("not read" in str(e) for e in errors)


def test_a_file_named_on_the_command_line_is_read_even_through_a_link(tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_text(TEXT, encoding="utf-8")
    os.symlink(target, tmp_path / "link.txt")
    assert TEXT in load_file(tmp_path / "link.txt").text
