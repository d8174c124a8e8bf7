"""Bad input gets one clear error naming the file and the reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.errors import (
    BinaryFileError,
    CorruptFileError,
    EmptyFileError,
    EncodingError,
    FileTooLargeError,
    NoTextError,
    UnsupportedFormatError,
)
from loaders.load import load_file


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("name", "data", "error", "reason"), [
    ("empty.txt", b"", EmptyFileError, "empty"),
    ("blank.txt", b"  \n\n ", EmptyFileError, "empty"),
    ("image.txt", bytes(range(256)) * 8, BinaryFileError, "binary"),
    ("mixed.txt", b"\x81\x30\xff\xfe\xfd" * 50 + "中文".encode(), EncodingError, "undecodable"),
    ("broken.docx", b"PK\x03\x04 this is not a zip", CorruptFileError, ".docx"),
    ("broken.pdf", b"%PDF-1.4\n garbage without objects", CorruptFileError, ".pdf"),
    ("notes.xls", "巡视".encode(), UnsupportedFormatError, "unknown extension"),
    ("README", "巡视".encode(), UnsupportedFormatError, "unknown extension"),
])
def test_bad_file_is_refused_with_name_and_reason(tmp_path: Path, name: str, data: bytes,
                                                  error: type[Exception], reason: str) -> None:
    path = _write(tmp_path, name, data)
    with pytest.raises(error) as caught:
        load_file(path)
    message = str(caught.value)
    assert name in message
    assert reason in message


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.txt", "巡视".encode() * 1000)
    with pytest.raises(FileTooLargeError, match=r"big\.txt.*over the limit of 100 bytes"):
        load_file(path, max_bytes=100)


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    from tests.loaders.test_read import minimal_pdf

    path = _write(tmp_path, "image-only.pdf", minimal_pdf(""))
    with pytest.raises((NoTextError, CorruptFileError), match=r"image-only\.pdf"):
        load_file(path)


def test_page_of_only_furniture_has_no_text(tmp_path: Path) -> None:
    path = _write(tmp_path, "chrome.txt", "下载客户端\n登录\n版权所有 ICP备0000号\n".encode())
    with pytest.raises(NoTextError, match=r"chrome\.txt"):
        load_file(path)
