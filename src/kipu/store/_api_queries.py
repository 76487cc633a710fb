"""Read-only queries behind ``kipu serve``: pages of events, one event or document, actors,
dyads, time series, map counts and streamed rows.

They read a :class:`Snapshot` of the store: its committed parts loaded into an in-memory DuckDB
database, brought up to date with the manifest before each query, so a query sees only complete
commits and never takes the writer's lock. Values are always bound as parameters; sort keys and
groupings are chosen from allow-lists, never pasted from the caller.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from kipu.errors import StoreError
from kipu.store._location import location
from kipu.store._query import EventQuery, _literal, _where
from kipu.store._schema import DOCUMENT_SCHEMA, EVENT_SCHEMA
from kipu.store._writer import DOCUMENTS, EVENTS, MANIFEST, list_parts

T = TypeVar("T")
Row = dict[str, Any]

MAX_PAGE = 1000  # rows a page at most: larger limits are clamped to this
MAX_PLACES = 2000  # points on the map at most (the places with the most events)

# Sort keys the API accepts -> the column they sort by (the only names pasted into SQL).
EVENT_SORTS: dict[str, str] = {
    "date": "date",
    "goldstein": "goldstein",
    "cameo": "cameo",
    "quad_class": "quad_class",
    "confidence": "confidence",
    "source": "source_code",
    "target": "target_code",
    "amount": "quantity_amount",
}
ACTOR_SORTS: dict[str, str] = {"events": "n_events", "code": "code"}
DYAD_SORTS: dict[str, str] = {"events": "n_events", "goldstein": "goldstein_mean"}
INTERVALS = ("day", "week", "month")
MAP_BY: dict[str, str] = {"place": "location", "source": "source", "target": "target"}


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilter:
    """The filters every endpoint shares: :class:`EventQuery` plus exact codes and quad classes.

    ``source`` and ``target`` match one actor code exactly, ``actor_code`` one code on either
    side (the digest's lines link with them); ``quad_classes`` keeps events of any of the given
    classes.
    """

    query: EventQuery = field(default_factory=lambda: EventQuery(include_negated=False))
    source: str | None = None
    target: str | None = None
    actor_code: str | None = None
    quad_classes: tuple[int, ...] = ()
    doc_id: str | None = None
    event_id: str | None = None


def _filter_sql(f: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause (possibly empty) and its parameters for a filter."""
    where, params = _where(f.query)
    extra: list[str] = []
    if f.source is not None:
        extra.append("source_code = ?")
        params.append(f.source)
    if f.target is not None:
        extra.append("target_code = ?")
        params.append(f.target)
    if f.actor_code is not None:
        extra.append("(source_code = ? OR target_code = ?)")
        params.extend([f.actor_code, f.actor_code])
    if f.quad_classes:
        extra.append("quad_class IN (" + ", ".join("?" for _ in f.quad_classes) + ")")
        params.extend(f.quad_classes)
    if f.doc_id is not None:
        extra.append("doc_id = ?")
        params.append(f.doc_id)
    if f.event_id is not None:
        extra.append("event_id = ?")
        params.append(f.event_id)
    if extra:
        where = (where + " AND " if where else " WHERE ") + " AND ".join(extra)
    return where, params


class Snapshot:
    """The committed rows of one store, held in an in-memory DuckDB database for fast reads.

    Reading ~300 Parquet parts a query (a store of 100,000 events as ``kipu ingest`` writes
    it) takes a second or more; the API answers from tables loaded once instead: ``events``
    (every column) and ``documents`` (every column but ``text``, plus the ``part`` that holds
    it, read when one document is asked for). Before each query the manifest's size and mtime
    are checked: parts committed since are appended; when a part was replaced (``kipu
    compact``) everything is loaded again into a new database, and queries already running
    finish on the old one. Only committed parts are read, and no lock is taken.
    """

    def __init__(self, store: Path | str) -> None:
        self.store = store  # a folder, or the URL of a store that fsspec reads
        self._con: duckdb.DuckDBPyConnection | None = None
        self._loaded: set[str] = set()
        self._stamp: tuple[Any, ...] | None = None
        self._lock = threading.Lock()

    def _manifest_stamp(self) -> tuple[Any, ...]:
        if isinstance(self.store, str):
            from kipu.store._remote import remote

            info = remote(self.store).info(MANIFEST) or {}
            return (info.get("ETag") or info.get("created") or info.get("mtime"), info.get("size"))
        try:
            st = (self.store / MANIFEST).stat()
        except FileNotFoundError:
            return (0, 0)
        except OSError as e:
            raise StoreError(f"cannot read store {self.store}: {e}") from e
        return (st.st_mtime_ns, st.st_size)

    def cursor(self, *, reload: bool = False) -> duckdb.DuckDBPyConnection:
        """A new cursor on the newest committed state (reload: load everything again)."""
        stamp = self._manifest_stamp()
        with self._lock:
            if reload or self._con is None or stamp != self._stamp:
                self._refresh(stamp, full=reload)
            assert self._con is not None
            return self._con.cursor()

    def _refresh(self, stamp: tuple[Any, ...], *, full: bool) -> None:
        if isinstance(self.store, str):
            from kipu.store._remote import remote, store_exists

            if not store_exists(remote(self.store)):
                raise StoreError(f"no kipu store at {self.store}")
        elif not self.store.is_dir():
            raise StoreError(f"no kipu store at {self.store}")
        visible = {
            folder: {f"{folder}/{p.name}": str(p) for p in list_parts(self.store, folder)}
            for folder in (EVENTS, DOCUMENTS)
        }
        names = set(visible[EVENTS]) | set(visible[DOCUMENTS])
        con = self._con
        if full or con is None or not self._loaded <= names:
            con = _new_database()
            self._loaded = set()
        try:
            for folder, key, order in (
                (EVENTS, "event_id", "filename"),
                (DOCUMENTS, "doc_id", "ingested, filename"),
            ):
                new = [
                    path
                    for name, path in sorted(visible[folder].items())
                    if name not in self._loaded
                ]
                if new:
                    _append(con, folder, key, order, new)
        except duckdb.Error as e:
            raise StoreError(f"cannot read store {self.store}: {e}") from e
        self._con, self._loaded, self._stamp = con, names, stamp


def _new_database() -> duckdb.DuckDBPyConnection:
    """An in-memory database with empty ``events`` and ``documents`` tables."""
    con = duckdb.connect(":memory:")
    con.register("_events_schema", EVENT_SCHEMA.empty_table())
    con.execute("CREATE TABLE events AS SELECT * FROM _events_schema")
    docs = DOCUMENT_SCHEMA.empty_table().drop_columns(["text"])
    con.register("_documents_schema", docs)
    con.execute("CREATE TABLE documents AS SELECT *, ''::VARCHAR AS part FROM _documents_schema")
    con.unregister("_events_schema")
    con.unregister("_documents_schema")
    return con


def _append(
    con: duckdb.DuckDBPyConnection, table: str, key: str, order: str, parts: list[str]
) -> None:
    """Add the rows of new parts whose id the table does not hold yet (the first copy wins)."""
    files = "[" + ", ".join(_literal(p) for p in parts) + "]"
    columns = (
        "* EXCLUDE (filename, text), filename AS part"
        if table == DOCUMENTS
        else ("* EXCLUDE (filename)")
    )
    con.execute(
        f"INSERT INTO {table} BY NAME SELECT {columns} "
        f"FROM read_parquet({files}, union_by_name = true, filename = true) "
        f"WHERE {key} NOT IN (SELECT {key} FROM {table}) "
        f"QUALIFY row_number() OVER (PARTITION BY {key} ORDER BY {order}) = 1"
    )


_SNAPSHOTS: dict[Path | str, Snapshot] = {}
_SNAPSHOTS_LOCK = threading.Lock()


def snapshot(store: str | os.PathLike[str]) -> Snapshot:
    """The one snapshot of a store in this process."""
    where = location(store)
    path = where if isinstance(where, str) else where.resolve()
    with _SNAPSHOTS_LOCK:
        return _SNAPSHOTS.setdefault(path, Snapshot(path))


def _read(store: str | os.PathLike[str], run: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
    """Run ``run`` on a cursor of the store's snapshot; once more, reloaded, when it fails
    (a part it read was replaced under it)."""
    snap = snapshot(store)
    for attempt in (1, 2):
        cursor = snap.cursor(reload=attempt == 2)
        try:
            return run(cursor)
        except duckdb.Error as e:
            if attempt == 2:
                raise StoreError(f"cannot query store {store}: {e}") from e
        finally:
            cursor.close()
    raise AssertionError("unreachable")  # pragma: no cover


def _rows(cursor: duckdb.DuckDBPyConnection) -> list[Row]:
    """The rows of an executed query as dicts."""
    names = [d[0] for d in cursor.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def clamp(limit: int) -> int:
    """A page size between 1 and :data:`MAX_PAGE`."""
    return max(1, min(int(limit), MAX_PAGE))


@dataclass(frozen=True, slots=True)
class Page:
    """One page of rows and how many rows match in all."""

    total: int
    rows: list[Row]


def overview(store: str | os.PathLike[str]) -> Row:
    """Counts of documents and events, and the range of event dates."""

    def run(con: duckdb.DuckDBPyConnection) -> Row:
        row = con.execute(
            "SELECT (SELECT count(*) FROM documents) AS n_documents, "
            "count(*) FILTER (WHERE NOT negated) AS n_events, "
            "count(*) FILTER (WHERE negated) AS n_negated, "
            "min(date) AS date_min, max(date) AS date_max FROM events"
        ).fetchone()
        assert row is not None
        names = ("n_documents", "n_events", "n_negated", "date_min", "date_max")
        return dict(zip(names, row, strict=True))

    return _read(store, run)


def page_events(
    store: str | os.PathLike[str],
    f: EventFilter,
    *,
    sort: str = "date",
    descending: bool = False,
    limit: int = 100,
    offset: int = 0,
) -> Page:
    """A page of events matching ``f``, sorted by an allow-listed key (ties by event_id)."""
    if sort not in EVENT_SORTS:
        raise StoreError(f"bad sort key: choose one of {', '.join(EVENT_SORTS)}")
    where, params = _filter_sql(f)
    order = f"{EVENT_SORTS[sort]} {'DESC' if descending else 'ASC'} NULLS LAST"

    def run(con: duckdb.DuckDBPyConnection) -> Page:
        total = con.execute(f"SELECT count(*) FROM events{where}", params).fetchone()
        cursor = con.execute(
            f"SELECT * FROM events{where} ORDER BY {order}, event_id LIMIT ? OFFSET ?",
            [*params, clamp(limit), max(0, offset)],
        )
        return Page(total=int(total[0]) if total else 0, rows=_rows(cursor))

    return _read(store, run)


def get_event(store: str | os.PathLike[str], event_id: str) -> Row | None:
    """One event row by id, or None."""

    def run(con: duckdb.DuckDBPyConnection) -> Row | None:
        rows = _rows(con.execute("SELECT * FROM events WHERE event_id = ?", [event_id]))
        return rows[0] if rows else None

    return _read(store, run)


def get_document(store: str | os.PathLike[str], doc_id: str) -> tuple[Row, list[Row]] | None:
    """One document row and all its events (in text order), or None."""

    def run(con: duckdb.DuckDBPyConnection) -> tuple[Row, list[Row]] | None:
        docs = _rows(con.execute("SELECT * FROM documents WHERE doc_id = ?", [doc_id]))
        if not docs:
            return None
        text = con.execute(
            "SELECT text FROM read_parquet(?) WHERE doc_id = ? LIMIT 1", [docs[0]["part"], doc_id]
        ).fetchone()
        if text is None:  # the part no longer holds it: load the store again
            raise duckdb.IOException(f"document {doc_id} moved")
        docs[0]["text"] = text[0]
        events = _rows(
            con.execute(
                "SELECT * FROM events WHERE doc_id = ? "
                "ORDER BY sentence_index, trigger_start NULLS LAST, event_id",
                [doc_id],
            )
        )
        return docs[0], events

    return _read(store, run)


def page_documents(
    store: str | os.PathLike[str],
    *,
    words: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> Page:
    """Documents (without their text) with their event counts, newest first; ``words`` must
    all be in the title."""
    where: list[str] = []
    params: list[Any] = []
    for word in (words or "").split():
        where.append("contains(lower(d.title), lower(?))")
        params.append(word)
    if date_from is not None:
        where.append("d.published >= ?")
        params.append(date_from)
    if date_to is not None:
        where.append("d.published <= ?")
        params.append(date_to)
    clause = (" WHERE " + " AND ".join(where)) if where else ""

    def run(con: duckdb.DuckDBPyConnection) -> Page:
        total = con.execute(f"SELECT count(*) FROM documents d{clause}", params).fetchone()
        cursor = con.execute(
            "SELECT d.doc_id, d.input_id, d.url, d.title, d.published, d.ingested, "
            "coalesce(n.n, 0) AS n_events FROM documents d "
            "LEFT JOIN (SELECT doc_id, count(*) AS n FROM events GROUP BY doc_id) n "
            f"USING (doc_id){clause} "
            "ORDER BY d.published DESC NULLS LAST, d.doc_id LIMIT ? OFFSET ?",
            [*params, clamp(limit), max(0, offset)],
        )
        return Page(total=int(total[0]) if total else 0, rows=_rows(cursor))

    return _read(store, run)


def page_actors(
    store: str | os.PathLike[str],
    f: EventFilter,
    *,
    sort: str = "events",
    limit: int = 100,
    offset: int = 0,
) -> Page:
    """Actor codes of the matching events with how often each is source and target."""
    if sort not in ACTOR_SORTS:
        raise StoreError(f"bad sort key: choose one of {', '.join(ACTOR_SORTS)}")
    where, params = _filter_sql(f)
    order = "n_events DESC, code" if sort == "events" else "code"
    sides = " UNION ALL ".join(
        f"SELECT {s}_code AS code, {s}_country AS country, {s}_sector AS sector, "
        f"coalesce({s}_name, {s}_text) AS label, {int(s == 'source')} AS s, "
        f"{int(s == 'target')} AS t FROM matched WHERE {s}_code IS NOT NULL"
        for s in ("source", "target")
    )
    sql = (
        f"WITH matched AS (SELECT * FROM events{where}), sides AS ({sides}), "
        "actors AS (SELECT code, mode(country) AS country, mode(sector) AS sector, "
        "mode(label) AS label, sum(s)::BIGINT AS n_source, sum(t)::BIGINT AS n_target, "
        "count(*) AS n_events FROM sides GROUP BY code) "
    )

    def run(con: duckdb.DuckDBPyConnection) -> Page:
        total = con.execute(sql + "SELECT count(*) FROM actors", params).fetchone()
        cursor = con.execute(
            sql + f"SELECT * FROM actors ORDER BY {order} LIMIT ? OFFSET ?",
            [*params, clamp(limit), max(0, offset)],
        )
        return Page(total=int(total[0]) if total else 0, rows=_rows(cursor))

    return _read(store, run)


_QUADS = ", ".join(f"count(*) FILTER (WHERE quad_class = {q}) AS q{q}" for q in (1, 2, 3, 4))


def page_dyads(
    store: str | os.PathLike[str],
    f: EventFilter,
    *,
    sort: str = "events",
    limit: int = 100,
    offset: int = 0,
) -> Page:
    """Source-target pairs of the matching events: counts by quad class and mean Goldstein."""
    if sort not in DYAD_SORTS:
        raise StoreError(f"bad sort key: choose one of {', '.join(DYAD_SORTS)}")
    where, params = _filter_sql(f)
    both = "source_code IS NOT NULL AND target_code IS NOT NULL"
    where = f"{where} AND {both}" if where else f" WHERE {both}"
    order = f"{DYAD_SORTS[sort]} DESC, source_code, target_code"
    sql = (
        "WITH dyads AS (SELECT source_code, target_code, count(*) AS n_events, "
        f"avg(goldstein) AS goldstein_mean, {_QUADS}, min(date) AS first_date, "
        f"max(date) AS last_date FROM events{where} GROUP BY source_code, target_code) "
    )

    def run(con: duckdb.DuckDBPyConnection) -> Page:
        total = con.execute(sql + "SELECT count(*) FROM dyads", params).fetchone()
        cursor = con.execute(
            sql + f"SELECT * FROM dyads ORDER BY {order} LIMIT ? OFFSET ?",
            [*params, clamp(limit), max(0, offset)],
        )
        return Page(total=int(total[0]) if total else 0, rows=_rows(cursor))

    return _read(store, run)


def time_series(
    store: str | os.PathLike[str], f: EventFilter, *, interval: str = "week"
) -> list[Row]:
    """Events per day, week (from Monday) or month: counts by quad class and mean Goldstein."""
    if interval not in INTERVALS:
        raise StoreError(f"bad interval: choose one of {', '.join(INTERVALS)}")
    where, params = _filter_sql(f)
    day = "try_cast(date AS DATE)"
    dated = f"{day} IS NOT NULL"
    where = f"{where} AND {dated}" if where else f" WHERE {dated}"
    sql = (
        f"SELECT strftime(date_trunc('{interval}', {day}), '%Y-%m-%d') AS period, "
        f"count(*) AS n_events, avg(goldstein) AS goldstein_mean, {_QUADS} "
        f"FROM events{where} GROUP BY period ORDER BY period"
    )
    return _read(store, lambda con: _rows(con.execute(sql, params)))


def map_counts(
    store: str | os.PathLike[str], f: EventFilter, *, by: str = "place"
) -> tuple[list[Row], list[Row]]:
    """Events per country (of the place, the source or the target) and per place with lat/lon."""
    if by not in MAP_BY:
        raise StoreError(f"bad map grouping: choose one of {', '.join(MAP_BY)}")
    where, params = _filter_sql(f)
    column = f"{MAP_BY[by]}_country"
    has_country = f"{column} IS NOT NULL"
    by_country = f"{where} AND {has_country}" if where else f" WHERE {has_country}"
    has_point = "location_lat IS NOT NULL AND location_lon IS NOT NULL"
    by_place = f"{where} AND {has_point}" if where else f" WHERE {has_point}"

    def run(con: duckdb.DuckDBPyConnection) -> tuple[list[Row], list[Row]]:
        countries = _rows(
            con.execute(
                f"SELECT {column} AS country, count(*) AS n_events, "
                f"avg(goldstein) AS goldstein_mean FROM events{by_country} "
                "GROUP BY country ORDER BY n_events DESC, country",
                params,
            )
        )
        places = _rows(
            con.execute(
                "SELECT mode(location_name) AS name, mode(location_country) AS country, "
                "round(location_lat, 4) AS lat, round(location_lon, 4) AS lon, "
                f"count(*) AS n_events FROM events{by_place} GROUP BY lat, lon "
                "ORDER BY n_events DESC, lat, lon LIMIT ?",
                [*params, MAX_PLACES],
            )
        )
        return countries, places

    return _read(store, run)


def iter_events(
    store: str | os.PathLike[str], f: EventFilter, *, batch: int = 1000
) -> Iterator[list[Row]]:
    """Every matching event in date order, in batches, for streamed exports.

    The cursor stays open while the caller iterates: the rows are those committed when the
    export started, whatever is written meanwhile.
    """
    where, params = _filter_sql(f)
    con = snapshot(store).cursor()
    try:
        cursor = con.execute(
            f"SELECT * FROM events{where} ORDER BY date NULLS LAST, doc_id, sentence_index, "
            "event_id",
            params,
        )
        names = [d[0] for d in cursor.description or ()]
        while rows := cursor.fetchmany(batch):
            yield [dict(zip(names, row, strict=True)) for row in rows]
    except duckdb.Error as e:
        raise StoreError(f"cannot export events from {store}: {e}") from e
    finally:
        con.close()


# The daily digest's three lists: conflict dyads (quad classes 3 and 4) that rose on the day
# against the days before it, actor codes first seen on the day, and the day's largest amounts
# (per currency or unit: dollars are not compared with casualties).
_DAYS = (
    "SELECT *, try_cast(date AS DATE) AS day FROM events "
    "WHERE NOT negated AND try_cast(date AS DATE) IS NOT NULL"
)
_SIDES = " UNION ALL ".join(
    f"SELECT day, event_id, {s}_code AS code, {s}_country AS country, "
    f"coalesce({s}_name, {s}_text) AS label FROM days WHERE {s}_code IS NOT NULL"
    for s in ("source", "target")
)


@dataclass(frozen=True, slots=True)
class DigestRows:
    """What the digest of one day is made from (see :mod:`kipu.digest`)."""

    n_day: int
    n_before: int  # events in the days before, over the whole window
    n_conflict_day: int
    n_conflict_before: int
    dyads: list[Row]  # source_code, target_code, labels, n_day, n_before, event_ids
    new_actors: list[Row]  # code, label, country, n_events, event_ids
    amounts: list[Row]  # event rows with a quantity, the largest per currency or unit


def digest_rows(
    store: str | os.PathLike[str],
    day: str,
    since: str,
    *,
    max_ids: int = 50,
    per_kind: int = 3,
    max_actors: int = 20,
) -> DigestRows:
    """The counts and rows behind the digest of ``day`` against the days from ``since`` to it."""
    window = [since, day]

    def run(con: duckdb.DuckDBPyConnection) -> DigestRows:
        con.execute(f"CREATE TEMP VIEW days AS {_DAYS}")
        counts = con.execute(
            "SELECT count(*) FILTER (WHERE day = ?::DATE), "
            "count(*) FILTER (WHERE day >= ?::DATE AND day < ?::DATE), "
            "count(*) FILTER (WHERE day = ?::DATE AND quad_class IN (3, 4)), "
            "count(*) FILTER (WHERE day >= ?::DATE AND day < ?::DATE AND quad_class IN (3, 4)) "
            "FROM days",
            [day, since, day, day, since, day],
        ).fetchone()
        assert counts is not None
        dyads = _rows(
            con.execute(
                "SELECT source_code, target_code, "
                "mode(coalesce(source_name, source_text)) AS source_label, "
                "mode(coalesce(target_name, target_text)) AS target_label, "
                "count(*) FILTER (WHERE day = ?::DATE) AS n_day, "
                "count(*) FILTER (WHERE day < ?::DATE) AS n_before, "
                "list(event_id ORDER BY event_id) FILTER (WHERE day = ?::DATE) AS event_ids "
                "FROM days WHERE quad_class IN (3, 4) AND source_code IS NOT NULL "
                "AND target_code IS NOT NULL AND day BETWEEN ?::DATE AND ?::DATE "
                "GROUP BY source_code, target_code HAVING n_day > 0",
                [day, day, day, *window],
            )
        )
        actors = _rows(
            con.execute(
                f"WITH sides AS ({_SIDES}) "
                "SELECT code, mode(label) AS label, mode(country) AS country, "
                "count(DISTINCT event_id) AS n_events, "
                "list(DISTINCT event_id ORDER BY event_id) AS event_ids FROM sides "
                "WHERE day = ?::DATE AND code NOT IN "
                "(SELECT code FROM sides WHERE day < ?::DATE) "
                "GROUP BY code ORDER BY n_events DESC, code LIMIT ?",
                [day, day, max_actors],
            )
        )
        amounts = _rows(
            con.execute(
                "SELECT * EXCLUDE (day), coalesce(quantity_currency, quantity_unit, '') AS kind "
                "FROM days WHERE day = ?::DATE AND quantity_amount IS NOT NULL "
                "AND NOT isnan(quantity_amount) "
                "QUALIFY row_number() OVER (PARTITION BY kind "
                "ORDER BY quantity_amount DESC, event_id) <= ? "
                "ORDER BY kind, quantity_amount DESC, event_id",
                [day, per_kind],
            )
        )
        for row in (*dyads, *actors):
            row["event_ids"] = list(row["event_ids"] or [])[:max_ids]
        return DigestRows(
            n_day=int(counts[0]),
            n_before=int(counts[1]),
            n_conflict_day=int(counts[2]),
            n_conflict_before=int(counts[3]),
            dyads=dyads,
            new_actors=actors,
            amounts=amounts,
        )

    return _read(store, run)


def latest_day(store: str | os.PathLike[str]) -> str | None:
    """The newest date any (not negated) event has, as YYYY-MM-DD, or None."""

    def run(con: duckdb.DuckDBPyConnection) -> str | None:
        row = con.execute(
            "SELECT strftime(max(try_cast(date AS DATE)), '%Y-%m-%d') FROM events WHERE NOT negated"
        ).fetchone()
        return row[0] if row else None

    return _read(store, run)
