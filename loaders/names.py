"""The name an uploaded document is known by: its client-given file name, made safe to store and show.

A client names an upload as it likes. What is kept is the last part of the name (no folders, so no
``../`` and no server path can be implied), without control characters (NUL, line breaks), in Unicode
NFC, and at most :data:`MAX_NAME_CHARS` characters long with the extension kept (the extension picks
the reader).
"""

from __future__ import annotations

import unicodedata
from pathlib import PurePath

MAX_NAME_CHARS = 120
FALLBACK = "upload.txt"


def upload_name(name: str) -> str:
    """``name`` as it is stored and shown: ``"../../etc/通报.txt"`` -> ``"通报.txt"``."""
    cleaned = "".join(ch for ch in unicodedata.normalize("NFC", name)
                      if unicodedata.category(ch)[0] != "C")  # Cc, Cf, Cs, Co, Cn: controls and the like
    last = cleaned.replace("\\", "/").rstrip("/ ").rsplit("/", 1)[-1].strip()
    if last in ("", ".", ".."):
        return FALLBACK
    if len(last) <= MAX_NAME_CHARS:
        return last
    suffix = PurePath(last).suffix
    suffix = suffix if 0 < len(suffix) <= 10 else ""
    return last[: MAX_NAME_CHARS - len(suffix) - 1].rstrip() + "…" + suffix
