"""One input → its documents: load the bytes, gunzip, refuse junk, detect the kind, decode."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator

from kipu.records import Document, Rejected
from kipu.sources._decode import binary_reason, decode, gunzip, is_gzip
from kipu.sources._jsonl import drop_nul, read_jsonl
from kipu.sources._options import STAGE, Input, SourceOptions
from kipu.sources._paths import GZIP_SUFFIX, STDIN
from kipu.sources._warc import is_warc_name, read_warc, starts_like_warc

DEFAULT_OPTIONS = SourceOptions()
# Kind by file extension (after ".gz" is stripped); anything else is sniffed.
KIND_BY_SUFFIX = {
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
# Sniffing looks for these (lower-cased) in the first 2 KB: enough for any doctype and <head>.
HTML_MARKERS = ("<html", "<!doctype html", "<body", "<p>", "<p ", "<div")
HTML_SNIFF_CHARS = 2048
# Bytes read to tell a web archive (WARC, and WET, which is WARC too) by its first line.
WARC_SNIFF_BYTES = 512
_FIRST_LINE = re.compile(r"\S[^\n]*")


def read_documents(
    input: Input, options: SourceOptions = DEFAULT_OPTIONS
) -> Iterator[Document | Rejected]:
    """The documents in ``input``: one for an HTML or text file, one per line of JSON Lines.

    Never raises for bad input: what cannot be read comes out as a ``Rejected`` (stage
    "sources") and the iteration goes on. A gzip stream that breaks in JSON Lines still gives
    every complete line before the break, then the ``Rejected``.
    """
    origin = STDIN if input.path is None else input.path
    archive = _open_archive(input)
    if archive is not None:
        with archive:
            gzipped = archive.read(2) == b"\x1f\x8b"
            archive.seek(0)
            yield from read_warc(archive, name=origin, max_bytes=options.max_bytes, gzipped=gzipped)
        return
    loaded = _load(input, options.max_bytes)
    if isinstance(loaded, Rejected):
        yield loaded
        return
    data, failure, warnings = loaded, None, ()
    if is_gzip(loaded):
        data, failure, warnings = gunzip(loaded, options.max_bytes)
    if failure and (failure.reason == "too_large" or not data.strip()):
        yield _reject(input.input_id, failure.reason, failure.detail)
        return
    if not data.strip():
        yield _reject(input.input_id, "empty", "the input is empty or only whitespace")
        return
    why = binary_reason(data)
    if why:
        yield _reject(input.input_id, "binary", why)
        return
    kind = _kind_from_name(input.path)
    text: str | None = None
    if kind is None:
        text, decode_warnings = decode(data)
        kind = _sniff(text)
    if kind == "jsonl":
        if failure:  # keep the lines that were complete before the stream broke
            data = data[: data.rfind(b"\n") + 1]
        yield from read_jsonl(data, origin=origin, options=options, warnings=warnings)
        if failure:
            yield _reject(input.input_id, failure.reason, failure.detail)
        return
    if failure:
        yield _reject(input.input_id, failure.reason, failure.detail)
        return
    if text is None:
        text, decode_warnings = decode(data)
    if not text.strip():
        yield _reject(input.input_id, "empty", "the input is empty or only whitespace")
        return
    yield drop_nul(
        Document(
            input_id=input.input_id,
            kind="html" if kind == "html" else "text",
            content=text,
            published=options.date,
            origin=origin,
            warnings=warnings + decode_warnings,
        )
    )


def _open_archive(input: Input) -> io.BufferedIOBase | None:
    """A WARC or WET input opened for streaming (never read whole), or None for other kinds."""
    if input.data is not None:
        if starts_like_warc(input.data[:WARC_SNIFF_BYTES]):
            return io.BytesIO(input.data)
        return None
    if input.path is None:
        return None
    try:
        f = open(input.path, "rb")  # noqa: SIM115 - closed by the caller's with-block
    except OSError:
        return None  # _load reports it
    if is_warc_name(input.path) or starts_like_warc(f.read(WARC_SNIFF_BYTES)):
        f.seek(0)
        return f
    f.close()
    return None


def _load(input: Input, max_bytes: int) -> bytes | Rejected:
    """The raw bytes of ``input``, never more than ``max_bytes`` of them."""
    if input.data is not None:
        if len(input.data) > max_bytes:
            return _too_large(input.input_id, f"{len(input.data)} bytes", max_bytes)
        return input.data
    if input.path is None:
        return _reject(input.input_id, "unreadable", "the input has neither a path nor data")
    try:
        with open(input.path, "rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as e:
        return _reject(input.input_id, "unreadable", e.strerror or str(e))
    if len(data) > max_bytes:
        return _too_large(input.input_id, "the file", max_bytes)
    return data


def _kind_from_name(path: str | None) -> str | None:
    if path is None:
        return None
    name = path.lower().removesuffix(GZIP_SUFFIX)
    for suffix, kind in KIND_BY_SUFFIX.items():
        if name.endswith(suffix):
            return kind
    return None


def _sniff(text: str) -> str:
    """An unnamed input's kind: "jsonl" (first line an object with text or html), "html", "text"."""
    first = _FIRST_LINE.search(text)
    if first and first.group().startswith("{"):
        try:
            record = json.loads(first.group())
        except (ValueError, RecursionError):
            record = None
        if isinstance(record, dict) and ("text" in record or "html" in record):
            return "jsonl"
    head = text[:HTML_SNIFF_CHARS].lower()
    if any(marker in head for marker in HTML_MARKERS):
        return "html"
    return "text"


def _reject(item_id: str, reason: str, detail: str) -> Rejected:
    return Rejected(item_id=item_id, stage=STAGE, reason=reason, detail=detail)


def _too_large(item_id: str, what: str, max_bytes: int) -> Rejected:
    detail = f"{what} is larger than the limit of {max_bytes} bytes (max_bytes)"
    return _reject(item_id, "too_large", detail)
