"""The API's response and request bodies (pydantic), as published in ``/openapi.json``."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field


def _date_text(value: object) -> object:
    """Only YYYY-MM-DD is a date here (pydantic alone would also take a Unix timestamp)."""
    if isinstance(value, dt.date) or (
        isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value)
    ):
        return value
    raise ValueError("a date is written YYYY-MM-DD")


IsoDate = Annotated[dt.date, BeforeValidator(_date_text)]

Span = list[int]  # [start, end) character offsets


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorOut(_Out):
    """Every error body: a fixed message that never repeats the request."""

    error: str
    fields: list[str] = Field(default_factory=list, description="Parameters that were invalid.")


class ActorOut(_Out):
    text: str
    name: str | None
    code: str | None
    country: str | None
    sector: str | None
    rule: str


class PloverOut(_Out):
    type: str | None
    mode: str | None
    context: str | None


class QuantityOut(_Out):
    amount: float | None
    currency: str | None
    unit: str | None
    text: str


class PlaceOut(_Out):
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    admin1: str | None
    feature: str | None
    precision: str | None


class Marks(_Out):
    """Where the trigger and the actors are, as [start, end) offsets into ``sentence``."""

    trigger: Span | None
    source: Span | None
    target: Span | None


class EventOut(_Out):
    """One event in kipu's event contract, with its CAMEO name and the marks in its sentence."""

    event_id: str
    doc_id: str
    input_id: str
    date: str | None
    date_precision: str | None
    source: ActorOut | None
    target: ActorOut | None
    cameo: str
    cameo_name: str | None
    root: str
    quad_class: int
    goldstein: float
    plover: PloverOut
    negated: bool
    modality: str
    quantity: QuantityOut | None
    location: PlaceOut | None
    sentence: str
    sentence_index: int
    span: Span = Field(description="The sentence's offsets in the document text.")
    trigger: Span | None = Field(description="The trigger's offsets in the document text.")
    rule: str = Field(description="The pattern entry or rule that coded the event.")
    confidence: float
    one_sided: bool = Field(
        default=False, description="The text names no doer: the source is null or implied."
    )
    historical: bool = Field(
        default=False, description="Dated well before the article (kept only on request)."
    )
    marks: Marks


class EventPage(_Out):
    total: int = Field(description="Events matching the filters, over all pages.")
    limit: int
    offset: int
    events: list[EventOut]


class DocumentOut(_Out):
    """One stored document with its full text and its events (marks relative to the sentence;
    add ``span[0]`` for offsets in ``text``)."""

    doc_id: str
    input_id: str
    url: str | None
    title: str | None
    published: str | None
    dateline: str | None
    byline: str | None
    language: str | None
    section: str | None
    modified: str | None
    ingested: str
    text: str
    events: list[EventOut]


class DocumentRow(_Out):
    doc_id: str
    input_id: str
    url: str | None
    title: str | None
    published: str | None
    ingested: str
    n_events: int


class DocumentPage(_Out):
    total: int
    limit: int
    offset: int
    documents: list[DocumentRow]


class ActorRow(_Out):
    code: str
    country: str | None
    sector: str | None
    label: str | None = Field(description="The name or words it is most often written as.")
    n_source: int
    n_target: int
    n_events: int


class ActorPage(_Out):
    total: int
    limit: int
    offset: int
    actors: list[ActorRow]


class DyadRow(_Out):
    source_code: str
    target_code: str
    n_events: int
    goldstein_mean: float
    q1: int
    q2: int
    q3: int
    q4: int
    first_date: str | None
    last_date: str | None


class DyadPage(_Out):
    total: int
    limit: int
    offset: int
    dyads: list[DyadRow]


class SeriesPoint(_Out):
    period: str = Field(description="First day of the period (weeks start on Monday).")
    n_events: int
    goldstein_mean: float
    q1: int
    q2: int
    q3: int
    q4: int


class Series(_Out):
    interval: str
    points: list[SeriesPoint]


class MapCountry(_Out):
    country: str
    iso_numeric: str | None = Field(description="ISO 3166-1 numeric code (the map's ids).")
    n_events: int
    goldstein_mean: float


class MapPlace(_Out):
    name: str | None
    country: str | None
    lat: float
    lon: float
    n_events: int


class MapData(_Out):
    by: str
    countries: list[MapCountry]
    places: list[MapPlace]


class Overview(_Out):
    kipu_version: str
    n_documents: int
    n_events: int
    n_negated: int
    date_min: str | None
    date_max: str | None
    writes: bool = Field(description="Whether POST /api/documents is enabled.")


class CodeOut(_Out):
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_type: str | None


class DigestLink(_Out):
    dashboard: str
    api: str
    event_ids: list[str]


class DigestDyad(_Out):
    source: str
    target: str
    source_label: str | None
    target_label: str | None
    n_day: int
    mean_before: float
    rise: float
    link: DigestLink


class DigestActor(_Out):
    code: str
    label: str | None
    country: str | None
    n_events: int
    link: DigestLink


class DigestAmount(_Out):
    event_id: str
    doc_id: str
    amount: float
    currency: str | None
    unit: str | None
    text: str | None
    source: str | None
    target: str | None
    cameo: str
    sentence: str
    link: DigestLink


class DigestOut(_Out):
    date: str
    since: str
    weeks: int
    n_events: int
    mean_before: float
    n_conflict: int
    conflict_mean_before: float
    rising_dyads: list[DigestDyad]
    new_actors: list[DigestActor]
    largest_amounts: list[DigestAmount]


class DocumentIn(BaseModel):
    """A document to ingest (``POST /api/documents``, only with ``--allow-writes``)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article's text (plain text or HTML).")
    title: str | None = Field(default=None, max_length=2000)
    url: str | None = Field(default=None, max_length=4000)
    date: IsoDate | None = Field(default=None, description="Publication date.")
    id: str | None = Field(
        default=None, max_length=200, pattern=r"^[A-Za-z0-9._:/-]+$", description="Your id for it."
    )


class WriteResult(_Out):
    status: str = Field(description="stored, already_stored or rejected")
    n_documents: int
    n_events: int
    rejected: dict[str, int]
