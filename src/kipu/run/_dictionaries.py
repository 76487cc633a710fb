"""Users' dictionaries (``--dictionary``), read by every stage's reader before the first input.

A bad file then stops the run at once with one line naming the file and the line, before any
input is read or a worker started, rather than on the first document of the run. Each stage
reads its own kinds of file (``kipu.actors``, ``kipu.events``); what one of their readers raises
besides ``DictionaryError`` on a malformed line is turned into a ``DictionaryError`` here, with
the first line of the file that makes it fail.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from kipu.actors import load_dictionaries
from kipu.errors import DictionaryError
from kipu.events._discards import load_discards
from kipu.events._patterns import load_patterns

# What a reader may raise on a line it was not written for (an empty cell, a missing column).
_READER_ERRORS = (ValueError, IndexError, KeyError, TypeError, AttributeError)


def check_dictionaries(paths: Sequence[str], bundled: bool = True) -> None:
    """Read ``paths`` as every stage will; raise ``DictionaryError`` ("file:line: why") if one
    cannot be read. The stages' readers cache what they read, so the run reads nothing twice."""
    paths = tuple(paths)
    for path in paths:
        _check_text(path)
    try:
        # The arguments the stages pass (kipu.actors, kipu.events), so their cache is warm.
        load_dictionaries(paths, bundled)
        load_patterns(paths, bundled)
        load_discards(paths)
    except _READER_ERRORS:
        for path in paths:
            _find_bad_line(path)
        raise


def _check_text(path: str) -> None:
    """Raise unless ``path`` is a readable UTF-8 text file."""
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise DictionaryError(f"{path}: cannot read dictionary: {e.strerror}") from e
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        column = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        raise DictionaryError(
            f"{path}:{line}: the dictionary is not UTF-8 (byte 0x{data[e.start]:02x} "
            f"at column {column}); save it as UTF-8"
        ) from None


def _loaders() -> list[Callable[[str], object]]:
    """Each stage's reader of one file alone, uncached, without the bundled dictionaries."""
    return [
        lambda p: load_dictionaries.__wrapped__((p,), False),
        lambda p: load_patterns.__wrapped__((p,), False),
        lambda p: load_discards.__wrapped__((p,)),
    ]


def _fails(path: str) -> BaseException | None:
    for load in _loaders():
        try:
            load(path)
        except DictionaryError:
            return None  # a reader's own message; the full check raises it
        except _READER_ERRORS as e:
            return e
    return None


def _find_bad_line(path: str) -> None:
    """Raise ``DictionaryError`` naming the first line of ``path`` a reader fails on, if any.

    The readers do not say which line they failed on, so the file is cut: the shortest first
    lines that still fail end with the bad one (a binary search, a few reads of a small file).
    """
    if _fails(path) is None:
        return
    lines = Path(path).read_text(encoding="utf-8").splitlines(keepends=True)
    with tempfile.TemporaryDirectory() as folder:
        cut = os.path.join(folder, os.path.basename(path))
        low, high = 1, len(lines)  # the first `high` lines fail
        error: BaseException | None = None
        while low < high:
            middle = (low + high) // 2
            Path(cut).write_text("".join(lines[:middle]), encoding="utf-8")
            found = _fails(cut)
            if found is not None:
                high, error = middle, found
            else:
                low = middle + 1
        if error is None:
            Path(cut).write_text("".join(lines[:high]), encoding="utf-8")
            error = _fails(cut)
    line = lines[high - 1].rstrip("\r\n") if lines else ""
    why = f"{type(error).__name__}: {error}" if error is not None else "it cannot be read"
    raise DictionaryError(f"{path}:{high}: cannot read this line ({line[:60]!r}): {why}")
