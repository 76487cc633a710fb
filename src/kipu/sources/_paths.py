"""What the user named (files, folders, globs, "-") → the inputs to read, one by one."""

from __future__ import annotations

import glob
import hashlib
import os
import stat
import sys
from collections.abc import Iterator, Sequence

from kipu.ids import content_hash
from kipu.records import Rejected
from kipu.sources._options import DEFAULT_MAX_BYTES, STAGE, Input

STDIN = "-"
# What a folder walk picks up (each also gzipped); other files in a folder are not news.
KNOWN_SUFFIXES = (".html", ".htm", ".txt", ".jsonl", ".ndjson", ".warc", ".wet")
# Web archives are streamed record by record, so their size is not capped (each record is).
ARCHIVE_SUFFIXES = (".warc", ".wet", ".arc")
GZIP_SUFFIX = ".gz"
GLOB_CHARS = frozenset("*?[")
_READ_CHUNK = 1 << 20


def expand_inputs(
    specs: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Input | Rejected]:
    """The inputs that ``specs`` name, in order, each once.

    A spec is a file (read whatever its name), a folder (walked recursively in sorted order,
    keeping the known kinds and skipping hidden files and folders), a glob pattern (``*``, ``?``,
    ``[..]``, ``**`` recursive) or "-" for stdin, read once. A spec that names nothing, or a file
    that cannot be read, comes out as a ``Rejected``; a file larger than ``max_bytes`` too
    ("too_large"), before its bytes are read for the hash.
    """
    seen: set[str] = set()
    for spec in specs:
        found = False
        for item in _expand_one(spec, max_bytes):
            if isinstance(item, Input):
                key = STDIN if item.path is None else os.path.abspath(item.path)
                if key in seen:
                    found = True
                    continue
                seen.add(key)
            found = True
            yield item
        if not found:
            detail = "no such file or folder"
            if spec == "":
                detail = "empty path"
            elif _is_glob(spec):
                detail = "no file matches this pattern"
            elif os.path.isdir(spec):
                known = " ".join(KNOWN_SUFFIXES)
                detail = f"the folder has no input files ({known}, or any of them .gz)"
            yield Rejected(item_id=spec, stage=STAGE, reason="not_found", detail=detail)


def is_known_file(name: str) -> bool:
    """Whether a folder walk picks up ``name``."""
    lowered = name.lower().removesuffix(GZIP_SUFFIX)
    return lowered.endswith(KNOWN_SUFFIXES) and not name.startswith(".")


def _expand_one(spec: str, max_bytes: int) -> Iterator[Input | Rejected]:
    if spec == STDIN:
        yield _stdin(max_bytes)
    elif spec == "":
        return
    elif os.path.isdir(spec):
        yield from _walk(spec, max_bytes)
    elif os.path.lexists(spec):
        yield _file(spec, max_bytes)
    elif _is_glob(spec):
        for match in sorted(glob.glob(spec, recursive=True)):
            if os.path.isdir(match):
                yield from _walk(match, max_bytes)
            else:
                yield _file(match, max_bytes)


def _is_glob(spec: str) -> bool:
    return not GLOB_CHARS.isdisjoint(spec)


def _walk(folder: str, max_bytes: int) -> Iterator[Input | Rejected]:
    errors: list[OSError] = []
    paths: list[str] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        paths.extend(os.path.join(root, name) for name in files if is_known_file(name))
    for error in errors:
        where = error.filename or folder
        yield Rejected(
            item_id=str(where), stage=STAGE, reason="unreadable", detail=_os_detail(error)
        )
    for path in sorted(paths):
        yield _file(path, max_bytes)


def _file(path: str, max_bytes: int) -> Input | Rejected:
    """An input for the file at ``path``: hashed as a stream; pipes and devices read once."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            return _unreadable(path, "is a folder")
        if stat.S_ISREG(info.st_mode):
            archive = path.lower().removesuffix(GZIP_SUFFIX).endswith(ARCHIVE_SUFFIXES)
            if info.st_size > max_bytes and not archive:
                return _too_large(path, f"the file ({info.st_size} bytes)", max_bytes)
            digest = hashlib.sha256()
            with open(path, "rb") as f:
                while chunk := f.read(_READ_CHUNK):
                    digest.update(chunk)
            return Input(input_id=path, path=path, content_hash=digest.hexdigest())
        with open(path, "rb") as f:  # a pipe (process substitution), a device: read it once
            data = f.read(max_bytes + 1)
    except OSError as e:
        return _unreadable(path, _os_detail(e))
    if len(data) > max_bytes:
        return _too_large(path, "the stream", max_bytes)
    return Input(input_id=path, path=path, content_hash=content_hash(data), data=data)


def _stdin(max_bytes: int) -> Input | Rejected:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        return _unreadable(STDIN, "stdin is closed or not a byte stream")
    chunks: list[bytes] = []
    size = 0
    try:
        while size <= max_bytes and (chunk := stream.read(_READ_CHUNK)):
            chunks.append(chunk)
            size += len(chunk)
    except (OSError, ValueError) as e:  # ValueError: read from a closed file
        return _unreadable(STDIN, f"cannot read stdin: {e}")
    if size > max_bytes:
        return _too_large(STDIN, "stdin", max_bytes)
    data = b"".join(chunks)
    return Input(input_id=STDIN, path=None, content_hash=content_hash(data), data=data)


def _unreadable(item_id: str, detail: str) -> Rejected:
    return Rejected(item_id=item_id, stage=STAGE, reason="unreadable", detail=detail)


def _too_large(item_id: str, what: str, max_bytes: int) -> Rejected:
    detail = f"{what} is larger than the limit of {max_bytes} bytes (max_bytes)"
    return Rejected(item_id=item_id, stage=STAGE, reason="too_large", detail=detail)


def _os_detail(error: OSError) -> str:
    return error.strerror or str(error)
