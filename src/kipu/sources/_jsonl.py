"""JSON Lines → one document per line: `id`, `text` or `html`, `url`, `date`, `title`."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from typing import Any

from kipu.records import Document, DocumentKind, Rejected
from kipu.sources._dates import normalise_date
from kipu.sources._decode import UTF8_BOM, decode, decode_narrow, wide_codec
from kipu.sources._options import STAGE, SourceOptions

# Where a record keeps its identifier, its body and its date, in order of preference.
ID_FIELDS = ("id", "doc_id", "input_id")
BODY_FIELDS: tuple[tuple[str, DocumentKind], ...] = (("text", "text"), ("html", "html"))
DATE_FIELDS = ("date", "published")


def read_jsonl(
    data: bytes, *, origin: str, options: SourceOptions, warnings: tuple[str, ...] = ()
) -> Iterator[Document | Rejected]:
    """A document, or a ``Rejected`` naming ``origin:lineno``, for each non-blank line."""
    for lineno, line, line_warnings in _lines(data):
        item_id = f"{origin}:{lineno}"
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as e:  # JSONDecodeError is a ValueError
            message = f"{e.msg} at column {e.colno}" if isinstance(e, json.JSONDecodeError) else e
            detail = f"line {lineno} is not JSON: {message}"
            yield Rejected(item_id=item_id, stage=STAGE, reason="bad_json", detail=detail)
            continue
        yield _document(record, item_id, lineno, origin, options, warnings + line_warnings)


def drop_nul(document: Document) -> Document | Rejected:
    """``document`` without NUL characters, which no HTML or text parser downstream accepts;
    a ``Rejected`` ("empty") when no text is left (only NULs and whitespace, or a byte-order
    mark alone): every reader's documents go through here, so none is ever blank."""
    if "\x00" in document.content:
        document = dataclasses.replace(
            document,
            content=document.content.replace("\x00", ""),
            warnings=(*document.warnings, "removed_nul"),
        )
    if not document.content.strip():
        detail = "no text once decoded (only NUL characters, whitespace or a byte-order mark)"
        return Rejected(item_id=document.input_id, stage=STAGE, reason="empty", detail=detail)
    return document


def _lines(data: bytes) -> Iterator[tuple[int, str, tuple[str, ...]]]:
    """(line number, text, decoding warnings) of each non-blank line.

    Lines are decoded one by one, so one Windows-1252 line does not garble its UTF-8 neighbours.
    """
    if wide_codec(data):
        text, warnings = decode(data)
        for lineno, line in enumerate(text.split("\n"), start=1):
            if line.strip():
                yield lineno, line, warnings
        return
    data = data.removeprefix(UTF8_BOM)
    start, lineno = 0, 0
    while start < len(data):
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        raw, start, lineno = data[start:end], end + 1, lineno + 1
        if raw.strip():
            line, warnings = decode_narrow(raw)
            yield lineno, line, warnings


def _document(
    record: Any,
    item_id: str,
    lineno: int,
    origin: str,
    options: SourceOptions,
    warnings: tuple[str, ...],
) -> Document | Rejected:
    if not isinstance(record, dict):
        detail = f"line {lineno} is a JSON {_json_type(record)}, not an object"
        return Rejected(item_id=item_id, stage=STAGE, reason="no_text", detail=detail)
    input_id = _record_id(record)
    body = _body(record)
    if isinstance(body, str):
        named = f" (id {input_id!r})" if input_id else ""
        detail = f"line {lineno}{named} {body}"
        return Rejected(item_id=item_id, stage=STAGE, reason="no_text", detail=detail)
    kind, content = body
    published, date_warnings = _published(record, options)
    return drop_nul(
        Document(
            input_id=input_id or item_id,
            kind=kind,
            content=content,
            url=_optional_text(record.get("url")),
            published=published,
            title=_optional_text(record.get("title")),
            origin=origin,
            warnings=warnings + date_warnings,
        )
    )


def _record_id(record: dict[str, Any]) -> str | None:
    for field in ID_FIELDS:
        value = record.get(field)
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _body(record: dict[str, Any]) -> tuple[DocumentKind, str] | str:
    """The kind and content of the record, or why it has none."""
    for field, kind in BODY_FIELDS:
        value = record.get(field)
        if isinstance(value, str) and value.strip():
            return kind, value
    present = [field for field, _ in BODY_FIELDS if record.get(field) is not None]
    if not present:
        return 'has neither "text" nor "html"'
    field = present[0]
    value = record[field]
    if isinstance(value, str):
        return f'has an empty "{field}"'
    return f'has a "{field}" that is a JSON {_json_type(value)}, not a string'


def _published(
    record: dict[str, Any], options: SourceOptions
) -> tuple[str | None, tuple[str, ...]]:
    """The record's date as ISO, else ``options.date``; "bad_date" if it has one we cannot read."""
    for field in DATE_FIELDS:
        value = record.get(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        iso = normalise_date(value)
        if iso is None:
            return options.date, ("bad_date",)
        return iso, ()
    return options.date, ()


def _optional_text(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _json_type(value: object) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")
