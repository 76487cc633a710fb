"""Exports of a store's events: Parquet (by year and month), CSV, JSON Lines, GDELT 2.0, PLOVER.

Every export is written under a staging name beside its target and renamed into place when
complete, so the final name never holds a half-written file.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
from collections.abc import Iterator
from datetime import date as Date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

import pyarrow as pa
import pyarrow.dataset as ds

from kipu.errors import StoreError
from kipu.records import INTERNATIONAL, to_dict
from kipu.store._query import EventQuery, query_rows
from kipu.store._schema import row_to_event

FORMATS = ("parquet", "csv", "jsonl", "gdelt", "plover")
# GDELT 2.0 event export: 61 tab-separated columns, no header (reference/GDELT_EVENTS.md).
GDELT_COLUMNS = 61
# GDELT's ActionGeo_Type by place precision: 1 country, 4 world city, 5 world state
# (US places: 2 state, 3 city), as in the GDELT 2.0 event codebook.
_GEO_TYPE = {"country": 1, "city": 4, "region": 5}
_US_GEO_TYPE = {"country": 1, "city": 3, "region": 2}


@cache
def fips_codes() -> dict[str, str]:
    """kipu's 3-letter country code -> FIPS 10-4 code (actors/data/country_codes.tsv)."""
    text = resources.files("kipu.actors.data").joinpath("country_codes.tsv").read_text("utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) >= 3 and cells[2]:
            table[cells[0]] = cells[2]
    return table


def export_events(
    store: str | os.PathLike[str],
    fmt: str,
    target: str | os.PathLike[str],
    query: EventQuery | None = None,
) -> int:
    """Write the store's events (GDELT: its clusters) in ``fmt`` to ``target``; the row count."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    final = Path(target)
    names, rows = query_rows(store, query, clusters=fmt == "gdelt")
    records = [dict(zip(names, row, strict=True)) for row in rows]
    tmp = final.with_name(f".{final.name}.kipu-tmp-{os.getpid()}")
    try:
        if fmt == "parquet":
            _write_parquet(records, tmp)
        else:
            with tmp.open("w", encoding="utf-8", newline="") as f:
                _WRITERS[fmt](records, f)
                f.flush()
                os.fsync(f.fileno())
        _move(tmp, final)
    except OSError as e:
        raise StoreError(f"cannot write export {final}: {e}") from e
    finally:
        if tmp.is_dir():
            shutil.rmtree(tmp, ignore_errors=True)
        elif tmp.exists():
            tmp.unlink()
    return len(records)


def write_stream(store: str | os.PathLike[str], fmt: str, out: TextIO, query: EventQuery) -> int:
    """Write events in a text format (not parquet) to an open stream; the row count."""
    if fmt not in FORMATS or fmt == "parquet":
        raise StoreError(f"format {fmt!r} cannot be streamed: give a file with --output")
    names, rows = query_rows(store, query, clusters=fmt == "gdelt")
    records = [dict(zip(names, row, strict=True)) for row in rows]
    _WRITERS[fmt](records, out)
    return len(records)


def _move(tmp: Path, final: Path) -> None:
    """Rename the finished export into place (a previous export folder is replaced)."""
    if final.is_dir():
        old = final.with_name(f".{final.name}.kipu-old-{os.getpid()}")
        os.replace(final, old)
        os.replace(tmp, final)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(tmp, final)


def _write_parquet(records: list[dict[str, Any]], folder: Path) -> None:
    """Events as Parquet partitioned by year and month (hive style: year=2019/month=03/)."""
    for record in records:
        day = record.get("date") or ""
        record["year"] = day[:4] if len(day) >= 4 else "unknown"
        record["month"] = day[5:7] if len(day) >= 7 else "unknown"
    from kipu.store._schema import EVENT_SCHEMA

    schema = EVENT_SCHEMA.append(pa.field("cluster_id", pa.string())).append(
        pa.field("year", pa.string())
    )
    schema = schema.append(pa.field("month", pa.string()))
    table = pa.Table.from_pylist(records, schema=schema)
    folder.mkdir(parents=True)
    ds.write_dataset(
        table,
        folder,
        format="parquet",
        partitioning=ds.partitioning(
            pa.schema([("year", pa.string()), ("month", pa.string())]), flavor="hive"
        ),
        basename_template="events-{i}.parquet",
        existing_data_behavior="overwrite_or_ignore",
    )


def _write_csv(records: list[dict[str, Any]], out: TextIO) -> None:
    """Flat event columns with a header; empty cells are nulls."""
    if not records:
        return
    writer = csv.DictWriter(out, fieldnames=list(records[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)


def _event_dict(record: dict[str, Any]) -> dict[str, Any]:
    """A row as the event contract's JSON object, plus its cluster_id."""
    d = to_dict(row_to_event(record))
    d["cluster_id"] = record.get("cluster_id")
    return d


def _write_jsonl(records: list[dict[str, Any]], out: TextIO) -> None:
    """One event a line, in the event contract (plus cluster_id)."""
    for record in records:
        out.write(json.dumps(_event_dict(record), ensure_ascii=False) + "\n")


def _write_plover(records: list[dict[str, Any]], out: TextIO) -> None:
    """One PLOVER event object a line; kipu's quantity, CAMEO code, evidence and markers
    (``one_sided``: no perpetrator named, ``src_actor`` null or implied) are extensions."""
    for r in records:
        obj = {
            "id": r["event_id"],
            "date": r["date"],
            "event": r["plover_type"],
            "mode": r["plover_mode"],
            "context": [c for c in (r["plover_context"] or "").split(";") if c],
            "source": r["source_text"],
            "src_actor": r["source_country"],
            "src_agent": r["source_sector"],
            "target": r["target_text"],
            "tgt_actor": r["target_country"],
            "tgt_agent": r["target_sector"],
            "text": r["sentence"],
            "text_id": r["doc_id"],
            "location": None
            if r["location_name"] is None
            else {
                "name": r["location_name"],
                "country": r["location_country"],
                "lat": r["location_lat"],
                "lon": r["location_lon"],
            },
            "quantity": None
            if r["quantity_text"] is None
            else {
                "amount": r["quantity_amount"],
                "currency": r["quantity_currency"],
                "unit": r["quantity_unit"],
                "text": r["quantity_text"],
            },
            "cameo": r["cameo"],
            "negated": r["negated"],
            "one_sided": bool(r.get("one_sided")),
            "historical": bool(r.get("historical")),
            "cluster_id": r.get("cluster_id"),
        }
        out.write(json.dumps(obj, ensure_ascii=False) + "\n")


def _write_gdelt(records: list[dict[str, Any]], out: TextIO) -> None:
    """GDELT 2.0 event rows (one per cluster), tab-separated, 61 columns, no header."""
    for r in records:
        cells = gdelt_row(r)
        out.write("\t".join(_cell(c) for c in cells) + "\n")


def _cell(value: object) -> str:
    """A GDELT cell: empty for None, no tabs or newlines inside."""
    if value is None:
        return ""
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def gdelt_row(r: dict[str, Any]) -> list[object]:
    """The 61 GDELT 2.0 columns of one cluster row."""
    day = _date(r.get("date"))
    cells: list[object] = [int(r["cluster_id"][:15], 16)]
    if day is None:
        cells += [None, None, None, None]
    else:
        fraction = day.year + (day.month * 30 + day.day) / 365  # GDELT's FractionDate formula
        cells += [day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year, f"{fraction:.4f}"]
    for side in ("source", "target"):
        cells += _gdelt_actor(r, side)
    cells += [
        1 if r["sentence_index"] == 0 else 0,  # IsRootEvent: from the lead sentence
        r["cameo"],
        r["cameo"][:3],
        r["root"],
        r["quad_class"],
        r["goldstein"],
        r.get("num_mentions", 1),
        r.get("num_sources", 1),
        r.get("num_articles", 1),
        None,  # AvgTone: kipu measures no tone
    ]
    cells += [0, None, None, None, None, None, None, None]  # Actor1Geo: not coded
    cells += [0, None, None, None, None, None, None, None]  # Actor2Geo: not coded
    cells += _gdelt_geo(r)
    ingested = r.get("ingested") or ""
    cells += [_digits(ingested)[:14] or None, r.get("url") or r.get("input_id")]
    return cells


def _digits(text: str) -> str:
    """The digits of a timestamp (YYYYMMDDHHMMSS for an ISO one)."""
    return "".join(ch for ch in text.split("+")[0] if ch.isdigit())


def _date(text: str | None) -> Date | None:
    """An ISO date, or None."""
    try:
        return Date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _gdelt_actor(r: dict[str, Any], side: str) -> list[object]:
    """Actor code, name, country, known group, ethnic, religion x2, type x3."""
    code, country, sector = r[f"{side}_code"], r[f"{side}_country"], r[f"{side}_sector"]
    if country in INTERNATIONAL:
        country = None  # GDELT leaves an international organisation's country code empty
    group = code if code and not country else None  # an IGO/NGO or armed group code
    name = r[f"{side}_name"] or r[f"{side}_text"]
    return [
        code,
        name.upper() if name else None,
        country,
        group,
        None,
        None,
        None,
        sector,
        None,
        None,
    ]


def _gdelt_geo(r: dict[str, Any]) -> list[object]:
    """ActionGeo: type, full name, FIPS country, ADM1, ADM2, lat, long, feature id."""
    name, country = r["location_name"], r["location_country"]
    if name is None and country is None:
        return [0, None, None, None, None, None, None, None]
    fips = fips_codes().get(country or "")
    types = _US_GEO_TYPE if country == "USA" else _GEO_TYPE
    kind = types.get(r["location_precision"] or "", 4 if r["location_lat"] is not None else 1)
    admin1 = r["location_admin1"]
    adm1 = f"{fips}{admin1}" if fips and admin1 and len(admin1) == 2 else fips
    return [kind, name, fips, adm1, None, r["location_lat"], r["location_lon"], None]


_WRITERS = {
    "csv": _write_csv,
    "jsonl": _write_jsonl,
    "gdelt": _write_gdelt,
    "plover": _write_plover,
}


def iter_formats() -> Iterator[str]:
    """The export formats."""
    yield from FORMATS
