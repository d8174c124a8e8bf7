"""Quiet access to jionlp (it prints a banner on import)."""

from __future__ import annotations

import contextlib
import io
from functools import cache
from types import ModuleType


@cache
def jionlp() -> ModuleType:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        import jionlp as jio
    return jio
