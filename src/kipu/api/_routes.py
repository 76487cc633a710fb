"""The read-only endpoints: thin over the store's query functions (``kipu.store._api_queries``).

Every parameter is typed and bounded (patterns, lengths, ranges, enums), so what reaches a query
is a value of the expected shape; values are bound as SQL parameters and sort keys, intervals and
groupings are enums mapped to column names by the store.
"""

from __future__ import annotations

import csv
import io
import json
import pathlib
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import StreamingResponse

from kipu import __version__
from kipu.api import _models as m
from kipu.api._convert import event_out
from kipu.api._models import IsoDate
from kipu.store import EventQuery
from kipu.store import _api_queries as q

ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"model": m.ErrorOut, "description": "A parameter is invalid."},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": m.ErrorOut, "description": "No such item."}
}

router = APIRouter(prefix="/api", responses=ERRORS)

# Shapes of the values the filters take (CAMEO codes, ISO alpha-3, ids, free words).
CODE = r"^[A-Za-z0-9]{1,32}$"
COUNTRY = r"^[A-Za-z]{3}$"
ID = r"^[A-Za-z0-9._:-]{1,128}$"
DYAD = r"^[A-Za-z0-9]{1,32}-[A-Za-z0-9]{1,32}$"
WORDS = r"^[^\x00-\x1f\x7f]*$"  # any text without control characters

Limit = Annotated[
    int,
    Query(ge=1, le=2**31 - 1, description=f"Rows a page; values above {q.MAX_PAGE} are clamped."),
]
Offset = Annotated[int, Query(ge=0, le=2**31 - 1, description="Rows to skip.")]


def store_path(request: Request) -> pathlib.Path:
    """The store this server reads."""
    return request.app.state.store  # type: ignore[no-any-return]


Store = Annotated[pathlib.Path, Depends(store_path)]


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def event_filter(
    actor: Annotated[
        str | None, Query(pattern=CODE, description="Actor code prefix or country (USA, PERGOV).")
    ] = None,
    country: Annotated[str | None, Query(pattern=COUNTRY, description="Actor country.")] = None,
    sector: Annotated[
        str | None, Query(pattern=r"^[A-Za-z]{3}$", description="GOV, MIL ...")
    ] = None,
    side: Annotated[
        Literal["source", "target", "either"],
        Query(description="Where actor, country and sector match."),
    ] = "either",
    dyad: Annotated[
        str | None, Query(pattern=DYAD, description="SOURCE-TARGET, code prefixes or countries.")
    ] = None,
    source: Annotated[str | None, Query(pattern=CODE, description="Exact source code.")] = None,
    target: Annotated[str | None, Query(pattern=CODE, description="Exact target code.")] = None,
    actor_code: Annotated[
        str | None, Query(pattern=CODE, description="Exact code on either side.")
    ] = None,
    root: Annotated[str | None, Query(pattern=r"^[0-9]{1,2}$", description="CAMEO root.")] = None,
    cameo: Annotated[
        str | None, Query(pattern=r"^[A-Za-z0-9]{1,8}$", description="CAMEO code or prefix.")
    ] = None,
    plover: Annotated[
        str | None, Query(pattern=r"^[A-Za-z_-]{1,40}$", description="PLOVER event type.")
    ] = None,
    quad_class: Annotated[
        list[Annotated[int, Query(ge=1, le=4)]] | None,
        Query(description="QuadClass 1-4 (repeat for several)."),
    ] = None,
    date_from: Annotated[IsoDate | None, Query(description="From this date (inclusive).")] = None,
    date_to: Annotated[IsoDate | None, Query(description="Up to this date (inclusive).")] = None,
    place: Annotated[
        str | None, Query(max_length=100, pattern=WORDS, description="Words of the place name.")
    ] = None,
    place_country: Annotated[
        str | None, Query(pattern=COUNTRY, description="Country of the place.")
    ] = None,
    text: Annotated[
        str | None,
        Query(max_length=200, pattern=WORDS, description="Words the sentence contains (all)."),
    ] = None,
    doc_id: Annotated[str | None, Query(pattern=ID, description="Events of one document.")] = None,
    event_id: Annotated[str | None, Query(pattern=ID, description="One event.")] = None,
    include_negated: Annotated[
        bool, Query(description="Also events said not to have happened.")
    ] = False,
) -> q.EventFilter:
    """The filters every event endpoint takes."""
    query = EventQuery(
        actor=actor,
        country=country,
        sector=sector,
        side=side,
        dyad=dyad,
        root=root,
        cameo=cameo,
        plover=plover,
        date_from=_iso(date_from),
        date_to=_iso(date_to),
        place=place,
        place_country=place_country,
        words=text,
        include_negated=include_negated,
    )
    return q.EventFilter(
        query=query,
        source=source,
        target=target,
        actor_code=actor_code,
        quad_classes=tuple(sorted(set(quad_class or ()))),
        doc_id=doc_id,
        event_id=event_id,
    )


Filter = Annotated[q.EventFilter, Depends(event_filter)]


@router.get("/summary", response_model=m.Overview, tags=["store"])
def summary(store: Store, request: Request) -> dict[str, Any]:
    """What the store holds: documents, events, the range of event dates."""
    return {
        "kipu_version": __version__,
        "writes": bool(request.app.state.writes),
        **q.overview(store),
    }


@router.get("/codebook", response_model=list[m.CodeOut], tags=["store"])
def codebook() -> list[dict[str, Any]]:
    """Every CAMEO code with its name, Goldstein value, QuadClass and PLOVER type."""
    from kipu.events import load_codebook

    return [
        {
            "code": c.code,
            "name": c.name,
            "goldstein": c.goldstein,
            "quad_class": c.quad_class,
            "plover_type": c.plover_type,
        }
        for c in load_codebook().values()
    ]


@router.get("/events", response_model=m.EventPage, tags=["events"])
def events(
    store: Store,
    f: Filter,
    sort: Annotated[Literal[tuple(q.EVENT_SORTS)], Query()] = "date",  # type: ignore[valid-type]
    order: Annotated[Literal["asc", "desc"], Query()] = "desc",
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Events matching the filters, a page at a time (at most 1,000 a page)."""
    page = q.page_events(
        store, f, sort=sort, descending=order == "desc", limit=limit, offset=offset
    )
    return {
        "total": page.total,
        "limit": q.clamp(limit),
        "offset": offset,
        "events": [event_out(r) for r in page.rows],
    }


@router.get("/events/{event_id}", response_model=m.EventOut, responses=NOT_FOUND, tags=["events"])
def event(store: Store, event_id: Annotated[str, Path(pattern=ID)]) -> dict[str, Any]:
    """One event: its sentence, the offsets of its trigger and actors, the rule that coded it."""
    row = q.get_event(store, event_id)
    if row is None:
        raise HTTPException(404, "no such event")
    return event_out(row)


@router.get("/documents", response_model=m.DocumentPage, tags=["documents"])
def documents(
    store: Store,
    text: Annotated[
        str | None, Query(max_length=200, pattern=WORDS, description="Words in title or text.")
    ] = None,
    date_from: Annotated[IsoDate | None, Query(description="Published from this date.")] = None,
    date_to: Annotated[IsoDate | None, Query(description="Published up to this date.")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Stored documents (without their text), newest first, with their event counts."""
    page = q.page_documents(
        store,
        words=text,
        date_from=_iso(date_from),
        date_to=_iso(date_to),
        limit=limit,
        offset=offset,
    )
    return {"total": page.total, "limit": q.clamp(limit), "offset": offset, "documents": page.rows}


@router.get(
    "/documents/{doc_id}", response_model=m.DocumentOut, responses=NOT_FOUND, tags=["documents"]
)
def document(store: Store, doc_id: Annotated[str, Path(pattern=ID)]) -> dict[str, Any]:
    """One document with its text and every event coded in it."""
    found = q.get_document(store, doc_id)
    if found is None:
        raise HTTPException(404, "no such document")
    doc, rows = found
    keys = m.DocumentOut.model_fields.keys() - {"events"}
    return {**{k: doc.get(k) for k in keys}, "events": [event_out(r) for r in rows]}


@router.get("/actors", response_model=m.ActorPage, tags=["aggregates"])
def actors(
    store: Store,
    f: Filter,
    sort: Annotated[Literal["events", "code"], Query()] = "events",
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Actor codes in the matching events, with how often each is source and target."""
    page = q.page_actors(store, f, sort=sort, limit=limit, offset=offset)
    return {"total": page.total, "limit": q.clamp(limit), "offset": offset, "actors": page.rows}


@router.get("/dyads", response_model=m.DyadPage, tags=["aggregates"])
def dyads(
    store: Store,
    f: Filter,
    sort: Annotated[Literal["events", "goldstein"], Query()] = "events",
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Source-target pairs: events by quad class and mean Goldstein score."""
    page = q.page_dyads(store, f, sort=sort, limit=limit, offset=offset)
    return {"total": page.total, "limit": q.clamp(limit), "offset": offset, "dyads": page.rows}


@router.get("/timeseries", response_model=m.Series, tags=["aggregates"])
def timeseries(
    store: Store,
    f: Filter,
    interval: Annotated[Literal["day", "week", "month"], Query()] = "week",
) -> dict[str, Any]:
    """Events and mean Goldstein per day, week or month (filter by dyad, country, actor ...)."""
    return {"interval": interval, "points": q.time_series(store, f, interval=interval)}


@router.get("/map", response_model=m.MapData, tags=["aggregates"])
def map_data(
    store: Store,
    f: Filter,
    by: Annotated[
        Literal["place", "source", "target"],
        Query(description="Count countries of the event's place, its source or its target."),
    ] = "place",
) -> dict[str, Any]:
    """Events per country (with ISO numeric codes for the map) and per place."""
    countries, places = q.map_counts(store, f, by=by)
    return {
        "by": by,
        "countries": [{**c, "iso_numeric": iso_numeric(c["country"])} for c in countries],
        "places": places,
    }


def iso_numeric(alpha3: str) -> str | None:
    """The ISO 3166-1 numeric code of an alpha-3 code (kipu's own codes for Kosovo and
    Timor-Leste included), or None."""
    import iso3166

    alpha3 = {"KSV": "XKX", "TMP": "TLS"}.get(alpha3, alpha3)
    country = iso3166.countries_by_alpha3.get(alpha3.upper())
    return country.numeric if country else None


@router.get("/digest", response_model=m.DigestOut, responses=NOT_FOUND, tags=["digest"])
def digest(
    store: Store,
    day: Annotated[
        IsoDate | None,
        Query(alias="date", description="The day (default: the newest with events)."),
    ] = None,
    weeks: Annotated[int, Query(ge=1, le=52, description="Weeks to compare against.")] = 4,
) -> dict[str, Any]:
    """The day's biggest changes against the weeks before; each line links its events."""
    from kipu.digest import build_digest, to_json
    from kipu.store._api_queries import latest_day

    iso = _iso(day) or latest_day(store)
    if iso is None:
        raise HTTPException(404, "the store has no dated events")
    return to_json(build_digest(store, iso, weeks=weeks))


EXPORTS = {
    "events.csv": "text/csv; charset=utf-8",
    "events.jsonl": "application/x-ndjson",
    "events.json": "application/json",
}


@router.get(
    "/export/{name}",
    response_class=StreamingResponse,
    responses={
        200: {"content": {"text/csv": {}, "application/x-ndjson": {}, "application/json": {}}}
    },
    tags=["events"],
)
def export(
    store: Store, f: Filter, name: Literal["events.csv", "events.jsonl", "events.json"]
) -> StreamingResponse:
    """Every matching event, streamed: CSV with the store's flat columns, or JSON Lines or a
    JSON array in the event contract."""
    batches = q.iter_events(store, f)
    if name == "events.csv":
        body = _csv(batches)
    elif name == "events.jsonl":
        body = _jsonl(batches)
    else:
        body = _json_array(_jsonl(batches))
    return StreamingResponse(
        body,
        media_type=EXPORTS[name],
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


def _csv(batches: Iterator[list[dict[str, Any]]]) -> Iterator[str]:
    header = False
    for rows in batches:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
        if not header:
            writer.writeheader()
            header = True
        writer.writerows(rows)
        yield buffer.getvalue()


def _json_array(lines: Iterator[str]) -> Iterator[str]:
    """JSON Lines chunks as one JSON array, streamed."""
    yield "["
    first = True
    for chunk in lines:
        for line in chunk.split("\n")[:-1]:  # not splitlines: U+2028 may be inside a string
            yield ("" if first else ",\n") + line
            first = False
    yield "]\n"


def _jsonl(batches: Iterator[list[dict[str, Any]]]) -> Iterator[str]:
    from kipu.records import to_dict
    from kipu.store import row_to_event

    for rows in batches:
        yield "".join(json.dumps(to_dict(row_to_event(r)), ensure_ascii=False) + "\n" for r in rows)
