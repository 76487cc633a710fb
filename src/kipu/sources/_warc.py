"""Common Crawl WARC and WET files (plain or gzipped) → one Document per page record, streamed.

fastwarc reads the records; kipu checks what it does not: a record whose block is shorter than
its ``Content-Length`` (a truncated tail) or whose header is not a WARC header (a corrupt record)
is a ``Rejected`` with the file and the offset, the records before it are kept, and the gzip
members after the last record are checked to end cleanly. ``response`` records with HTML become
``kind="html"`` documents, WET ``conversion`` records ``kind="text"``; the WARC record id is the
``input_id`` and ``WARC-Target-URI`` the ``url``. A record marked ``WARC-Truncated`` is kept with
the warning ``warc_truncated``. Only one record is held in memory at a time.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from kipu.records import Document, Rejected
from kipu.sources._dates import normalise_date
from kipu.sources._decode import GZIP_MAGIC, GZIP_WBITS, binary_reason, decode, wide_codec
from kipu.sources._jsonl import drop_nul
from kipu.sources._options import STAGE

WARC_MAGIC = b"WARC/"
# File names of web archives (each also gzipped); others are sniffed by their first bytes.
WARC_SUFFIXES = (".warc", ".wet", ".arc")
# Record types that carry a page: a crawled HTTP response, a stored resource, WET plain text.
PAGE_TYPES = WarcRecordType.response | WarcRecordType.resource | WarcRecordType.conversion
HTML_TYPES = ("text/html", "application/xhtml+xml")
HTTP_HEADER_END = b"\r\n\r\n"
# A WARC record id is a URI in angle brackets ("<urn:uuid:...>"): anything else is a torn header.
_RECORD_ID = re.compile(r"^<[a-z][a-z0-9+.-]*:[^\s<>]+>$", re.IGNORECASE)
_CHARSET = re.compile(rb"charset=[\"']?([\w.:-]+)", re.IGNORECASE)
_STATUS = re.compile(rb"^HTTP/\S+\s+(\d{3})")
TAIL_CHUNK = 1 << 16  # compressed bytes read at a time when the gzip tail is checked


def is_warc_name(path: str) -> bool:
    """Whether a file name says web archive (``.warc``, ``.wet``, ``.arc``, each maybe ``.gz``)."""
    return path.lower().removesuffix(".gz").endswith(WARC_SUFFIXES)


def starts_like_warc(head: bytes) -> bool:
    """Whether the first bytes of a file (gzipped or not) are a WARC version line."""
    if head.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(GZIP_WBITS).decompress(head, len(WARC_MAGIC))
        except zlib.error:
            return False
    return head.startswith(WARC_MAGIC)


def read_warc(
    stream: BinaryIO, *, name: str, max_bytes: int, gzipped: bool
) -> Iterator[Document | Rejected]:
    """The page documents in a WARC or WET stream, then a ``Rejected`` for a broken tail."""
    last_pos = 0
    records = iter(ArchiveIterator(stream, record_types=WarcRecordType.any_type, parse_http=False))
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except (OSError, ValueError) as error:  # fastwarc gives up on a header it cannot read
            detail = f"{name} after offset {last_pos}: {error}; the records before it are kept"
            yield _reject(name, "corrupt_record", detail)
            return
        last_pos = record.stream_pos
        where = f"{name} at offset {record.stream_pos}"
        record_id = record.record_id or ""
        declared = record.headers.get("Content-Length")
        if not _RECORD_ID.match(record_id) or declared is None or not declared.isdigit():
            yield _reject(name, "corrupt_record", f"{where}: not a valid WARC record header")
            continue
        try:
            if not record.record_type & PAGE_TYPES:
                record.reader.consume()
                continue
            block = record.reader.read(max_bytes + 1)
            if len(block) > max_bytes:
                record.reader.consume()
                detail = f"{where}: the record is larger than the limit of {max_bytes} bytes"
                yield _reject(record_id, "too_large", detail)
                continue
        except (OSError, ValueError) as error:  # the gzip member breaks inside the record
            detail = f"{where}: {error}; the records before it are kept"
            yield _reject(name, "corrupt_record", detail)
            return
        if len(block) < int(declared):
            detail = f"{where}: {len(block)} of {declared} bytes before the file ended"
            yield _reject(record_id, "truncated_record", detail)
            return
        item = _document(record, block, name, where)
        if item is not None:
            yield item
    if gzipped:
        failure = _gzip_tail(stream, last_pos)
        if failure:
            yield _reject(name, "truncated_gzip", f"{name}: {failure}")


def _document(
    record: WarcRecord, block: bytes, name: str, where: str
) -> Document | Rejected | None:
    """A page record's document; None for what is not a page (a redirect, an image)."""
    record_id = record.record_id or ""
    warnings: tuple[str, ...] = ()
    if record.headers.get("WARC-Truncated"):
        warnings = ("warc_truncated",)
    if record.record_type == WarcRecordType.conversion:
        kind, body, charset = "text", block, b"utf-8"
    else:
        content_type = (record.headers.get("Content-Type") or "").lower()
        if "application/http" in content_type:
            head, sep, body = block.partition(HTTP_HEADER_END)
            status = _STATUS.match(head)
            if not sep or not status or not status.group(1).startswith(b"2"):
                return None
            header_type = re.search(rb"(?im)^content-type:\s*([^\r\n]*)", head)
            content_type = header_type.group(1).decode("latin-1").lower() if header_type else ""
            found = _CHARSET.search(header_type.group(1)) if header_type else None
            charset = found.group(1) if found else None
        else:
            body = block
            found = _CHARSET.search(content_type.encode())
            charset = found.group(1) if found else None
        if not any(t in content_type for t in HTML_TYPES):
            return None
        kind = "html"
    if not body.strip():
        return _reject(record_id, "empty", f"{where}: the record has no content")
    why = binary_reason(body)
    if why:
        return _reject(record_id, "binary", f"{where}: {why}")
    text, decode_warnings = _decode(body, charset)
    url = record.headers.get("WARC-Target-URI") or None
    return drop_nul(
        Document(
            input_id=record_id,
            kind="html" if kind == "html" else "text",
            content=text,
            url=url,
            crawled=normalise_date(record.headers.get("WARC-Date")),
            origin=name,
            warnings=warnings + decode_warnings,
        )
    )


def _decode(body: bytes, charset: bytes | None) -> tuple[str, tuple[str, ...]]:
    """The record's text: a BOM first, then UTF-8 when the bytes are valid UTF-8 (servers often
    declare cp1252 for UTF-8 pages; valid multi-byte UTF-8 is almost never an accident), then the
    declared charset, then kipu's usual fallbacks (cp1252 with a warning)."""
    if wide_codec(body) is None:
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            declared = charset.decode("ascii", "replace").lower() if charset else "utf-8"
            mismatch = declared.replace("-", "") != "utf8" and not body.isascii()
            return text, ("declared_charset_wrong",) if mismatch else ()
        if charset and charset.decode("ascii", "replace").lower().replace("-", "") != "utf8":
            try:
                return body.decode(charset.decode("ascii")), ()
            except (LookupError, UnicodeDecodeError):
                pass
    return decode(body)


def _gzip_tail(stream: BinaryIO, offset: int) -> str | None:
    """Why the gzip members from ``offset`` (the last record) to the end are broken, or None."""
    try:
        stream.seek(offset)
    except (OSError, ValueError):
        return None  # a pipe: nothing to re-read
    inflater = zlib.decompressobj(GZIP_WBITS)
    member_open = False
    while chunk := stream.read(TAIL_CHUNK):
        pending = chunk
        while pending.strip(b"\x00") if not member_open else pending:
            member_open = True
            try:
                inflater.decompress(pending, TAIL_CHUNK)
                while inflater.unconsumed_tail and not inflater.eof:
                    inflater.decompress(inflater.unconsumed_tail, TAIL_CHUNK)
            except zlib.error as error:
                return f"corrupt gzip data after offset {offset}: {error}"
            if not inflater.eof:
                break
            pending = inflater.unused_data
            inflater = zlib.decompressobj(GZIP_WBITS)
            member_open = False
    if member_open:
        return f"the gzip data ends mid-record after offset {offset}: the file is truncated"
    return None


def _reject(item_id: str, reason: str, detail: str) -> Rejected:
    return Rejected(item_id=item_id, stage=STAGE, reason=reason, detail=detail)
