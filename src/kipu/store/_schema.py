"""The store's two Parquet schemas, and records flattened to rows and back."""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from kipu.records import Actor, Article, Event, Place, Plover, Quantity

_STR = pa.string()

# One row per Article: its fields, then when and by which run it was stored.
DOCUMENT_SCHEMA = pa.schema(
    [
        pa.field("doc_id", _STR, nullable=False),
        pa.field("input_id", _STR, nullable=False),
        pa.field("url", _STR),
        pa.field("title", _STR),
        pa.field("published", _STR),
        pa.field("dateline", _STR),
        pa.field("byline", _STR),
        pa.field("language", _STR),
        pa.field("text", _STR, nullable=False),
        # Added after the first stores: parts written before have no such columns, and the
        # views read parts by column name, so those rows read as null.
        pa.field("section", _STR),
        pa.field("modified", _STR),
        pa.field("captions", pa.list_(_STR)),  # photo captions, kept apart from text
        pa.field("ingested", _STR, nullable=False),  # ISO timestamp, UTC
        pa.field("run_id", _STR, nullable=False),
    ]
)

_ACTOR_FIELDS = ("text", "name", "code", "country", "sector", "rule")
_QUANTITY_FIELDS = ("amount", "currency", "unit", "text")
_PLACE_FIELDS = ("name", "country", "lat", "lon", "admin1", "feature", "precision")

# One row per Event, flat: nested records become prefixed columns (source_code, quantity_amount...).
EVENT_SCHEMA = pa.schema(
    [
        pa.field("event_id", _STR, nullable=False),
        pa.field("doc_id", _STR, nullable=False),
        pa.field("input_id", _STR, nullable=False),
        pa.field("date", _STR),
        *(pa.field(f"source_{name}", _STR) for name in _ACTOR_FIELDS),
        *(pa.field(f"target_{name}", _STR) for name in _ACTOR_FIELDS),
        pa.field("cameo", _STR, nullable=False),
        pa.field("root", _STR, nullable=False),
        pa.field("quad_class", pa.int8(), nullable=False),
        pa.field("goldstein", pa.float64(), nullable=False),
        pa.field("plover_type", _STR),
        pa.field("plover_mode", _STR),
        pa.field("plover_context", _STR),
        pa.field("negated", pa.bool_(), nullable=False),
        pa.field("modality", _STR, nullable=False),
        pa.field("quantity_amount", pa.float64()),
        pa.field("quantity_currency", _STR),
        pa.field("quantity_unit", _STR),
        pa.field("quantity_text", _STR),
        pa.field("location_name", _STR),
        pa.field("location_country", _STR),
        pa.field("location_lat", pa.float64()),
        pa.field("location_lon", pa.float64()),
        pa.field("location_admin1", _STR),
        pa.field("location_feature", _STR),
        pa.field("location_precision", _STR),
        pa.field("date_precision", _STR),
        pa.field("sentence", _STR, nullable=False),
        pa.field("sentence_index", pa.int32(), nullable=False),
        pa.field("span_start", pa.int32(), nullable=False),
        pa.field("span_end", pa.int32(), nullable=False),
        pa.field("trigger_start", pa.int32()),
        pa.field("trigger_end", pa.int32()),
        pa.field("rule", _STR, nullable=False),
        pa.field("confidence", pa.float64(), nullable=False),
        pa.field("run_id", _STR, nullable=False),
        # Added with record schema 2: parts written before have no such columns and read as
        # null (false).
        pa.field("one_sided", pa.bool_()),
        pa.field("historical", pa.bool_()),
    ]
)


def article_to_row(article: Article, *, ingested: str, run_id: str) -> dict[str, Any]:
    """An Article as a documents row."""
    return {
        "doc_id": article.doc_id,
        "input_id": article.input_id,
        "url": article.url,
        "title": article.title,
        "published": article.published,
        "dateline": article.dateline,
        "byline": article.byline,
        "language": article.language,
        "text": article.text,
        "section": article.section,
        "modified": article.modified,
        "captions": list(article.captions),
        "ingested": ingested,
        "run_id": run_id,
    }


def row_to_article(row: dict[str, Any]) -> Article:
    """A documents row back as an Article (``ingested`` and ``run_id`` are dropped)."""
    return Article(
        doc_id=row["doc_id"],
        input_id=row["input_id"],
        url=row["url"],
        title=row["title"],
        published=row["published"],
        dateline=row["dateline"],
        byline=row["byline"],
        language=row["language"],
        text=row["text"],
        section=row.get("section"),
        modified=row.get("modified"),
        captions=tuple(row.get("captions") or ()),
    )


def _flat(prefix: str, names: tuple[str, ...], record: object | None) -> dict[str, Any]:
    """A nested record's fields as prefixed columns; all None when the record is None."""
    return {f"{prefix}_{name}": getattr(record, name, None) for name in names}


def event_to_row(event: Event, *, run_id: str | None = None) -> dict[str, Any]:
    """An Event as one flat events row."""
    return {
        "event_id": event.event_id,
        "doc_id": event.doc_id,
        "input_id": event.input_id,
        "date": event.date,
        "date_precision": event.date_precision,
        **_flat("source", _ACTOR_FIELDS, event.source),
        **_flat("target", _ACTOR_FIELDS, event.target),
        "cameo": event.cameo,
        "root": event.root,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "plover_type": event.plover.type,
        "plover_mode": event.plover.mode,
        "plover_context": event.plover.context,
        "negated": event.negated,
        "modality": event.modality,
        **_flat("quantity", _QUANTITY_FIELDS, event.quantity),
        **_flat("location", _PLACE_FIELDS, event.location),
        "sentence": event.sentence,
        "sentence_index": event.sentence_index,
        "span_start": event.span[0],
        "span_end": event.span[1],
        "trigger_start": event.trigger[0] if event.trigger else None,
        "trigger_end": event.trigger[1] if event.trigger else None,
        "rule": event.rule,
        "confidence": event.confidence,
        "run_id": run_id,
        "one_sided": event.one_sided,
        "historical": event.historical,
    }


def _unflat(prefix: str, names: tuple[str, ...], row: dict[str, Any]) -> dict[str, Any] | None:
    """The prefixed columns of a nested record, or None when they are all null."""
    values = {name: row.get(f"{prefix}_{name}") for name in names}
    return None if all(v is None for v in values.values()) else values


def _actor(row: dict[str, Any], prefix: str) -> Actor | None:
    """The source or target Actor of a row, or None."""
    v = _unflat(prefix, _ACTOR_FIELDS, row)
    if v is None:
        return None
    return Actor(
        text=v["text"] or "",
        name=v["name"],
        code=v["code"],
        country=v["country"],
        sector=v["sector"],
        rule=v["rule"] or "",
    )


def _quantity(row: dict[str, Any]) -> Quantity | None:
    """The Quantity of a row, or None."""
    v = _unflat("quantity", _QUANTITY_FIELDS, row)
    if v is None:
        return None
    amount = v["amount"]
    return Quantity(
        amount=float("nan") if amount is None else amount,
        currency=v["currency"],
        unit=v["unit"],
        text=v["text"] or "",
    )


def _place(row: dict[str, Any]) -> Place | None:
    """The location Place of a row, or None."""
    v = _unflat("location", _PLACE_FIELDS, row)
    if v is None:
        return None
    return Place(
        name=v["name"] or "",
        country=v["country"],
        lat=v["lat"],
        lon=v["lon"],
        admin1=v["admin1"],
        feature=v["feature"],
        precision=v["precision"],
    )


def row_to_event(row: dict[str, Any]) -> Event:
    """A flat events row back as an Event (exact inverse of :func:`event_to_row`)."""
    return Event(
        event_id=row["event_id"],
        doc_id=row["doc_id"],
        input_id=row["input_id"],
        date=row["date"],
        date_precision=row.get("date_precision"),
        source=_actor(row, "source"),
        target=_actor(row, "target"),
        cameo=row["cameo"],
        root=row["root"],
        quad_class=int(row["quad_class"]),
        goldstein=float(row["goldstein"]),
        plover=Plover(
            type=row["plover_type"], mode=row["plover_mode"], context=row["plover_context"]
        ),
        negated=bool(row["negated"]),
        modality=row["modality"],
        quantity=_quantity(row),
        location=_place(row),
        sentence=row["sentence"],
        sentence_index=int(row["sentence_index"]),
        span=(int(row["span_start"]), int(row["span_end"])),
        trigger=(
            (int(row["trigger_start"]), int(row["trigger_end"]))
            if row.get("trigger_start") is not None
            else None
        ),
        rule=row["rule"],
        confidence=float(row["confidence"]),
        one_sided=bool(row.get("one_sided")),
        historical=bool(row.get("historical")),
    )
