"""One root for every error the product raises on bad input or a failing store.

Each error carries a short code (``E1xx`` loaders, ``E2xx`` graph, ``E3xx`` API)
so tests and clients can tell failures apart without parsing messages. Each package
keeps its own errors: this module the root and the loaders' (E1xx), ``graph/errors.py``
the store's, queries' and exports' (E2xx), ``api/errors.py`` the services' (E3xx).
"""

from __future__ import annotations

from pathlib import Path


class XunshiError(Exception):
    """Base of all product errors: a code, a message, and the file if there is one."""

    code = "E000"

    def __init__(self, message: str, *, path: str | Path | None = None) -> None:
        self.path = str(path) if path is not None else None
        self.reason = message
        where = f"{self.path}: " if self.path else ""
        super().__init__(f"[{self.code}] {where}{message}")


class LoadError(XunshiError):
    """A file cannot be read as a document."""

    code = "E100"


class EmptyFileError(LoadError):
    code = "E101"


class BinaryFileError(LoadError):
    code = "E102"


class EncodingError(LoadError):
    code = "E103"


class FileTooLargeError(LoadError):
    code = "E104"


class CorruptFileError(LoadError):
    code = "E105"


class UnsupportedFormatError(LoadError):
    code = "E106"


class NoTextError(LoadError):
    code = "E107"


class LimitExceededError(LoadError):
    """The file is over one of the bounds of ``loaders/limits.py`` (unpacked size, entries, text length,
    nesting): refused before it can exhaust memory or the stack."""

    code = "E108"


class RuleFileError(XunshiError):
    """A rule file under loaders/rules is malformed."""

    code = "E150"
