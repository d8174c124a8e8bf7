"""Read one file into its original text, whatever its format.

The *original text* is what offsets in the graph point into: the decoded file
for ``.txt`` and ``.md``; the text content of the page, one block per line,
for ``.html``/``.htm``; the paragraphs and table cells for ``.docx``; the text
layer, page by page, for ``.pdf``.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from loaders import limits
from loaders.decode import detect_and_decode
from loaders.errors import (
    CorruptFileError,
    EmptyFileError,
    FileTooLargeError,
    LimitExceededError,
    LoadError,
    NoTextError,
    UnsupportedFormatError,
)
from loaders.rules import words
from loaders.types import RawDocument

DEFAULT_MAX_BYTES = limits.MAX_BYTES
FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html",
           ".htm": "html", ".docx": "docx", ".pdf": "pdf"}


def read_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDocument:
    """Read ``path`` from disk; raise a :class:`LoadError` naming the file and the reason."""
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(FORMATS))
        raise UnsupportedFormatError(f"unknown extension {path.suffix or '(none)'!r}; known: {known}", path=path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise LoadError(f"cannot read: {exc.strerror}", path=path) from exc
    if size > max_bytes:
        raise FileTooLargeError(f"{size} bytes is over the limit of {max_bytes} bytes", path=path)
    data = path.read_bytes()
    return read_bytes(data, name=path.name, fmt=fmt, path=path)


def read_bytes(data: bytes, *, name: str, fmt: str | None = None, path: str | Path | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> RawDocument:
    """Read a document given as bytes (an upload, say); ``fmt`` defaults to the name's extension."""
    where = path if path is not None else name
    if fmt is None:
        fmt = FORMATS.get(Path(name).suffix.lower())
        if fmt is None:
            raise UnsupportedFormatError(f"unknown extension {Path(name).suffix or '(none)'!r}", path=where)
    if len(data) > max_bytes:
        raise FileTooLargeError(f"{len(data)} bytes is over the limit of {max_bytes} bytes", path=where)
    if not data:
        raise EmptyFileError("the file is empty", path=where)
    encoding = None
    if fmt in ("txt", "md"):
        text, encoding = detect_and_decode(data, where)
    elif fmt == "html":
        html, encoding = detect_and_decode(data, where)
        text = html_text(html)
    elif fmt == "docx":
        text = _docx_text(data, where)
    elif fmt == "pdf":
        text = _pdf_text(data, where)
    else:  # pragma: no cover - FORMATS and this switch agree
        raise UnsupportedFormatError(f"no reader for format {fmt}", path=where)
    if not text.strip():
        raise NoTextError("no text in the document", path=where)
    _check_length(len(text), where)
    return RawDocument(name=name, path=str(path) if path else None, format=fmt, encoding=encoding,
                       original=text, size=len(data))


_SKIP_TAGS = frozenset(words("html", "skip"))
_BLOCK_TAGS = frozenset(words("html", "block"))
_FURNITURE_MARKS = tuple(words("html", "furniture"))


def html_text(html: str) -> str:
    """The readable text of a page: one block per line, scripts, navigation and
    marked furniture (share bars, comment boxes, footers) left out."""
    tree = LexborHTMLParser(html)
    root = tree.body or tree.root
    if root is None:
        return ""
    parts: list[str] = []
    title = tree.css_first("title")
    if title is not None and title.text(strip=True):
        parts.append(title.text(strip=True) + "\n")
    _walk(root, parts)
    lines = [" ".join(line.split()) for line in "".join(parts).split("\n")]
    return "\n".join(line for line in lines if line)


def _walk(root: LexborNode, parts: list[str]) -> None:
    """The text of ``root``'s subtree in document order, block elements on lines of their own. A loop
    over an explicit stack, not recursion: a page nested a hundred thousand levels deep reads like any
    other."""
    stack: list[LexborNode | str] = [root.child] if root.child is not None else []
    while stack:
        item = stack.pop()
        if isinstance(item, str):  # the line break after a block
            parts.append(item)
            continue
        if item.next is not None:
            stack.append(item.next)
        tag = item.tag
        if tag == "-text":
            parts.append(item.text_content or "")
        elif tag and not tag.startswith("-") and tag not in _SKIP_TAGS and not _is_furniture(item):
            block = tag in _BLOCK_TAGS
            if block:
                parts.append("\n")
                stack.append("\n")
            if item.child is not None:
                stack.append(item.child)


def _is_furniture(node: LexborNode) -> bool:
    attrs = node.attributes
    marks = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
    return any(mark in marks for mark in _FURNITURE_MARKS)


def _docx_text(data: bytes, where: str | Path) -> str:
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    _check_archive(data, where)
    try:
        document = docx.Document(io.BytesIO(data))
        lines = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                lines.append(" ".join(cell.text for cell in row.cells))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        if "Excessive depth" in str(exc):
            raise LimitExceededError(f"its XML is nested more than {limits.MAX_XML_DEPTH} levels deep",
                                     path=where) from exc
        raise CorruptFileError(f"not a readable .docx (corrupt or not a Word document): {exc}", path=where) from exc
    except RecursionError as exc:
        raise LimitExceededError("its content is nested too deeply to read", path=where) from exc
    except Exception as exc:  # lxml and zip errors of every kind
        if "Excessive depth" in str(exc):
            raise LimitExceededError(f"its XML is nested more than {limits.MAX_XML_DEPTH} levels deep",
                                     path=where) from exc
        raise CorruptFileError(f"not a readable .docx: {exc.__class__.__name__}: {exc}", path=where) from exc
    return "\n".join(lines)


def _check_archive(data: bytes, where: str | Path) -> None:
    """Refuse a zip whose entries are too many or unpack to too much, from its directory alone (before
    anything is unpacked): a few hundred kilobytes can declare gigabytes."""
    try:
        entries = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise CorruptFileError(f"not a readable .docx (not a zip archive): {exc}", path=where) from exc
    if len(entries) > limits.MAX_ARCHIVE_ENTRIES:
        raise LimitExceededError(f"the archive holds {len(entries)} entries; the limit is "
                                 f"{limits.MAX_ARCHIVE_ENTRIES}", path=where)
    unpacked = sum(e.file_size for e in entries)
    if unpacked > limits.MAX_UNPACKED_BYTES:
        raise LimitExceededError(f"the archive unpacks to {unpacked:,} bytes; the limit is "
                                 f"{limits.MAX_UNPACKED_BYTES:,} bytes", path=where)
    xml = sum(e.file_size for e in entries if e.filename.lower().endswith((".xml", ".rels")))
    if xml > limits.MAX_UNPACKED_XML_BYTES:
        raise LimitExceededError(f"its XML parts unpack to {xml:,} bytes; the limit is "
                                 f"{limits.MAX_UNPACKED_XML_BYTES:,} bytes", path=where)


def _check_length(chars: int, where: str | Path) -> None:
    if chars > limits.MAX_CHARS:
        raise LimitExceededError(f"its text is {chars:,} characters long; the limit is {limits.MAX_CHARS:,} "
                                 f"(split it into its documents)", path=where)


def _pdf_text(data: bytes, where: str | Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages, length = [], 0
        for page in reader.pages:  # stop at the length limit, not after the last page
            pages.append(page.extract_text() or "")
            length += len(pages[-1]) + 1
            _check_length(length, where)
    except LimitExceededError:
        raise
    except LimitReachedError as exc:
        raise LimitExceededError(f"a stream of the PDF unpacks past pypdf's limit: {exc}", path=where) from exc
    except RecursionError as exc:
        raise LimitExceededError("its objects are nested too deeply to read", path=where) from exc
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise CorruptFileError(f"not a readable .pdf (corrupt or encrypted): {exc}", path=where) from exc
    except Exception as exc:
        raise CorruptFileError(f"not a readable .pdf: {exc.__class__.__name__}: {exc}", path=where) from exc
    text = "\n".join(pages)
    if not text.strip():
        raise NoTextError("the PDF has no text layer (scanned images need OCR first)", path=where)
    return text
