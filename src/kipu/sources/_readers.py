"""One input → its documents: load the bytes, gunzip, refuse junk, detect the kind, decode."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from kipu.records import Document, Rejected
from kipu.sources._decode import binary_reason, decode, gunzip, is_gzip
from kipu.sources._jsonl import drop_nul, read_jsonl
from kipu.sources._options import STAGE, Input, SourceOptions
from kipu.sources._paths import GZIP_SUFFIX, STDIN

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
# Common Crawl archives (WARC, and WET, which is WARC too) start with their version line.
WARC_MAGIC = b"WARC/"
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
    if data.startswith(WARC_MAGIC):
        detail = "WARC and WET archives are not supported yet"
        yield _reject(input.input_id, "unsupported", detail)
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
