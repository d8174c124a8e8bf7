"""Every format and encoding reads into the same text."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from loaders.load import load_file
from loaders.read import read_file

SENTENCE = "根据省委统一部署，省委第八巡视组对漾濞县开展了脱贫攻坚巡视。"
TRADITIONAL = "根據省委統一部署，省委第八巡視組對漾濞縣開展了脫貧攻堅巡視。"


@pytest.mark.parametrize(("encoding", "text"), [
    ("utf-8", SENTENCE),
    ("utf-8-sig", SENTENCE),
    ("utf-16", SENTENCE),
    ("gb18030", SENTENCE),
    ("gbk", SENTENCE),
    ("big5", TRADITIONAL),
])
def test_text_in_every_encoding_reads_to_simplified(tmp_path: Path, encoding: str, text: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes((text * 3).encode(encoding))
    doc = load_file(path)
    assert SENTENCE in doc.text
    assert doc.raw.encoding in ({"gbk": "gb18030"}.get(encoding, encoding), "utf-16", "utf-8-sig")


def test_encoding_is_detected_not_taken_from_the_name(tmp_path: Path) -> None:
    path = tmp_path / "utf8-named.txt"
    path.write_bytes((SENTENCE * 4).encode("gb18030"))
    assert load_file(path).raw.encoding == "gb18030"


def test_html_drops_scripts_navigation_and_marked_furniture(tmp_path: Path) -> None:
    html = f"""<html><head><title>巡视反馈</title><script>var x = "脚本";</script></head><body>
    <nav>首页 > 新闻</nav><div class="share-bar">分享到微信</div>
    <p>{SENTENCE}</p><p>会上，省委第八<b>巡视组</b>组长王明远反馈了意见。</p>
    <div id="comment-box">发表评论</div><footer>版权所有 ICP备12345号</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    doc = load_file(path)
    assert SENTENCE in doc.text
    assert "省委第八巡视组组长王明远" in doc.text
    for furniture in ("脚本", "分享到", "发表评论", "ICP", "首页"):
        assert furniture not in doc.text


def test_markdown_reads_as_text(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(f"# 巡视情况\n\n{SENTENCE}\n", encoding="utf-8")
    assert SENTENCE in load_file(path).text


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph(SENTENCE)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "漾濞县"
    table.rows[0].cells[1].text = "扶贫资金使用不及时"
    path = tmp_path / "report.docx"
    document.save(str(path))
    text = load_file(path).text
    assert SENTENCE in text
    assert "扶贫资金使用不及时" in text


def minimal_pdf(text: str) -> bytes:
    """A one-page PDF with a real text layer (Helvetica, ASCII text)."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def test_pdf_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(minimal_pdf("Inspection report 2019"))
    assert "Inspection report 2019" in read_file(path).original
