"""Read a store through DuckDB: views over its parts, event queries and a summary."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from kipu.errors import StoreError
from kipu.records import Event
from kipu.store._location import location
from kipu.store._schema import DOCUMENT_SCHEMA, EVENT_SCHEMA, row_to_event
from kipu.store._tables import DUPLICATE_SCHEMA, REJECTED_SCHEMA
from kipu.store._writer import (
    DOCUMENTS,
    DUPLICATES,
    EVENTS,
    REJECTED,
    RUNS,
    list_parts,
    missing_parts,
)

# view name -> (parts folder, id column, tie-break order among copies of one id, schema)
_VIEWS: dict[str, tuple[str, str, str, pa.Schema]] = {
    "documents": (DOCUMENTS, "doc_id", "ingested, filename", DOCUMENT_SCHEMA),
    "events": (EVENTS, "event_id", "filename", EVENT_SCHEMA),
    "duplicates": (DUPLICATES, "doc_id", "filename", DUPLICATE_SCHEMA),
    "rejected": (REJECTED, "item_id, stage, reason", "filename", REJECTED_SCHEMA),
}

# Event clusters (GDELT's "one event, many reports", without re-emission): events that share a
# dyad, a CAMEO base code (three digits) and a place (when known), with dates that chain within
# CLUSTER_DAYS of each other, share the id of the cluster's earliest event.
CLUSTER_DAYS = 1  # the "dates within a day"
_CLUSTER_SQL = f"""
CREATE VIEW event_clusters AS
WITH keyed AS (
    SELECT event_id, doc_id, try_cast(date AS DATE) AS day,
           coalesce(source_code, '') AS sk, coalesce(target_code, '') AS tk,
           substr(cameo, 1, 3) AS base,
           coalesce(location_country, '') || '|' || coalesce(location_name, '') AS place
    FROM events WHERE NOT negated AND try_cast(date AS DATE) IS NOT NULL
), breaks AS (
    SELECT *, CASE WHEN day - lag(day) OVER w <= {CLUSTER_DAYS} THEN 0 ELSE 1 END AS brk
    FROM keyed WINDOW w AS (PARTITION BY sk, tk, base, place ORDER BY day, event_id)
), runs AS (
    SELECT *, sum(brk) OVER (PARTITION BY sk, tk, base, place ORDER BY day, event_id
                             ROWS UNBOUNDED PRECEDING) AS seq
    FROM breaks
)
SELECT event_id, first_value(event_id) OVER (
    PARTITION BY sk, tk, base, place, seq ORDER BY day, event_id) AS cluster_id
FROM runs
"""
_CLUSTERS_SQL = """
CREATE VIEW clusters AS
WITH e AS (
    SELECT ev.*, coalesce(c.cluster_id, ev.event_id) AS cluster_id,
           coalesce(d.n_copies, 0) AS n_copies, doc.url AS url, doc.ingested AS ingested,
           CASE WHEN doc.url IS NULL THEN '?'
                ELSE regexp_extract(doc.url, '^[a-z]+://(?:www\\.)?([^/:]+)', 1) END AS publisher
    FROM events ev
    LEFT JOIN event_clusters c USING (event_id)
    LEFT JOIN (SELECT dup_of, count(*) AS n_copies FROM duplicates GROUP BY dup_of) d
        ON d.dup_of = ev.doc_id
    LEFT JOIN documents doc ON doc.doc_id = ev.doc_id
)
SELECT e.* EXCLUDE (n_copies, publisher),
       m.num_mentions, m.num_sources, m.num_articles, m.first_date, m.last_date
FROM e JOIN (
    SELECT cluster_id, count(*) + sum(n_copies) AS num_mentions,
           count(DISTINCT publisher) AS num_sources,
           count(DISTINCT doc_id) + sum(n_copies) FILTER (WHERE first_of_doc) AS num_articles,
           min(date) AS first_date, max(date) AS last_date
    FROM (SELECT *, row_number() OVER (PARTITION BY cluster_id, doc_id) = 1 AS first_of_doc
          FROM e)
    GROUP BY cluster_id
) m USING (cluster_id)
WHERE e.event_id = e.cluster_id
"""


@dataclass(frozen=True, slots=True, kw_only=True)
class StoreSummary:
    """What a store holds: counts, events by root and PLOVER type, top dyads, the last run."""

    n_documents: int = 0
    n_events: int = 0  # events that happened (not negated)
    n_negated: int = 0
    events_by_root: dict[str, int] = field(default_factory=dict)  # not negated, by root
    events_by_plover: dict[str, int] = field(default_factory=dict)  # not negated; None -> "none"
    top_dyads: list[tuple[str, str, int]] = field(default_factory=list)  # (source, target, n)
    n_runs: int = 0
    last_run: dict[str, Any] | None = None  # the newest runs/*.json


def read_error(what: str, store: str | os.PathLike[str], error: duckdb.Error) -> StoreError:
    """One line for a read that failed: DuckDB's first line (its others quote the SQL), and
    where to look next (a part deleted or damaged under the store is the usual cause)."""
    first = str(error).strip().split("\n", 1)[0]
    return StoreError(f"{what} {store}: {first}; `kipu doctor --store {store}` checks the store")


def _literal(text: str) -> str:
    """A SQL string literal for ``text`` (quotes doubled)."""
    return "'" + text.replace("'", "''") + "'"


def _parts(store: Path | str, folder: str) -> list[str]:
    """The committed Parquet parts in one folder of the store, sorted."""
    return [str(p) for p in list_parts(store, folder)]


def connect(path: str | os.PathLike[str]) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with ``documents`` and ``events`` views over the store.

    A part the manifest lists but the folder lacks is an error (a reader never silently shows
    fewer rows), unless a compaction that ran meanwhile replaced it: the views are made again.
    A store at a URL is read from local copies of its committed parts (``_remote.mirror``).
    """
    store = location(path)
    if isinstance(store, str):
        from kipu.store._remote import remote, store_exists

        if not store_exists(remote(store)):
            raise StoreError(f"no kipu store at {store}")
    elif not store.is_dir():
        raise StoreError(f"no kipu store at {store}")
    try:
        return _connect(store)
    except StoreError:
        if not missing_parts(store):
            return _connect(store)  # the parts changed under us (kipu compact): once more
        raise


def _connect(store: Path | str) -> duckdb.DuckDBPyConnection:
    missing = missing_parts(store)
    if missing:
        raise StoreError(
            f"cannot read store {store}: {len(missing)} committed parts are missing "
            f"({missing[0]} ...); `kipu doctor --store {store}` says what to do"
        )
    try:
        con = duckdb.connect(":memory:")
    except duckdb.Error as e:
        raise StoreError(f"cannot open DuckDB: {e}") from e
    try:
        for view, (folder, key, order, schema) in _VIEWS.items():
            parts = _parts(store, folder)
            if not parts:
                con.register(f"_empty_{view}", schema.empty_table())
                con.execute(f"CREATE VIEW {view} AS SELECT * FROM _empty_{view}")
                continue
            files = "[" + ", ".join(_literal(p) for p in parts) + "]"
            con.execute(
                f"CREATE VIEW _parts_{view} AS SELECT * EXCLUDE (filename) "
                f"FROM read_parquet({files}, union_by_name = true, filename = true) "
                f"QUALIFY row_number() OVER (PARTITION BY {key} ORDER BY {order}) = 1"
            )
            con.execute(
                f"CREATE VIEW {view} AS SELECT *{_missing_columns(con, view, schema)} "
                f"FROM _parts_{view}"
            )
        con.execute(_CLUSTER_SQL)
        con.execute(
            "CREATE VIEW events_clustered AS SELECT ev.*, "
            "coalesce(c.cluster_id, ev.event_id) AS cluster_id "
            "FROM events ev LEFT JOIN event_clusters c USING (event_id)"
        )
        con.execute(_CLUSTERS_SQL)
    except duckdb.Error as e:
        con.close()
        raise read_error("cannot read store", store, e) from e
    return con


# DuckDB's names of the Arrow types the store's schemas use.
_SQL_TYPES = {
    pa.string(): "VARCHAR",
    pa.bool_(): "BOOLEAN",
    pa.float64(): "DOUBLE",
    pa.int32(): "INTEGER",
    pa.int8(): "TINYINT",
}


def _missing_columns(con: duckdb.DuckDBPyConnection, view: str, schema: pa.Schema) -> str:
    """Null columns for the schema's fields no part has yet (parts written before a field was
    added): queries may name every column of the current schema."""
    have = {row[0] for row in con.execute(f"DESCRIBE _parts_{view}").fetchall()}
    return "".join(
        f", CAST(NULL AS {_SQL_TYPES[f.type]}) AS {f.name}" for f in schema if f.name not in have
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class EventQuery:
    """Filters over events; every field left None matches everything.

    Actor filters match the source, the target or either (``side``): ``actor`` is a CAMEO code
    prefix or a country ("USA" matches USAGOV), ``country`` an alpha-3 code, ``sector`` a role
    code (GOV, MIL ...). ``dyad`` is "SOURCE-TARGET" with code prefixes or countries.
    """

    actor: str | None = None
    country: str | None = None
    sector: str | None = None
    side: str = "either"  # "source", "target" or "either"
    dyad: str | None = None
    root: str | None = None
    cameo: str | None = None  # a code or its prefix ("087" matches 087 and 0871)
    plover: str | None = None  # PLOVER event type, e.g. CONSULT
    quad_class: int | None = None
    date_from: str | None = None  # ISO dates, inclusive
    date_to: str | None = None
    place: str | None = None  # words of the event's place name (case-insensitive)
    place_country: str | None = None
    words: str | None = None  # every word must appear in the sentence (case-insensitive)
    include_negated: bool = True
    include_one_sided: bool = True  # events whose text names no perpetrator (``one_sided``)
    include_historical: bool = True  # events dated well before their article (``historical``)
    limit: int | None = None


SIDES = ("source", "target", "either")


def _actor_sql(side: str, column: str, op: str) -> str:
    """A condition on one side's column, or on either side."""
    sides = ("source", "target") if side == "either" else (side,)
    parts = [op.format(col=f"{s}_{column}") for s in sides]
    return "(" + " OR ".join(parts) + ")"


def _where(q: EventQuery) -> tuple[str, list[Any]]:
    """The WHERE clause (possibly empty) and its parameters for a query."""
    if q.side not in SIDES:
        raise StoreError(f"bad side {q.side!r}: choose source, target or either")
    where: list[str] = []
    params: list[Any] = []

    def add(condition: str, *values: Any) -> None:
        where.append(condition)
        params.extend(values)

    n_sides = 2 if q.side == "either" else 1
    if q.actor is not None:
        sides = ("source", "target") if q.side == "either" else (q.side,)
        add(
            "(" + " OR ".join(f"starts_with({s}_code, ?) OR {s}_country = ?" for s in sides) + ")",
            *[q.actor] * (2 * len(sides)),
        )
    if q.country is not None:
        add(_actor_sql(q.side, "country", "{col} = ?"), *[q.country.upper()] * n_sides)
    if q.sector is not None:
        add(_actor_sql(q.side, "sector", "{col} = ?"), *[q.sector.upper()] * n_sides)
    if q.dyad is not None:
        source, sep, target = q.dyad.partition("-")
        if not sep or not source or not target:
            raise StoreError(f"bad dyad {q.dyad!r}: write SOURCE-TARGET, e.g. USA-PER")
        add(
            "((starts_with(source_code, ?) OR source_country = ?) "
            "AND (starts_with(target_code, ?) OR target_country = ?))",
            source,
            source,
            target,
            target,
        )
    if q.root is not None:
        add("root = ?", q.root.zfill(2) if q.root.isdigit() else q.root)
    if q.cameo is not None:
        add("starts_with(cameo, ?)", q.cameo)
    if q.plover is not None:
        add("upper(plover_type) = ?", q.plover.upper())
    if q.quad_class is not None:
        add("quad_class = ?", q.quad_class)
    if q.date_from is not None:
        add("date >= ?", q.date_from)
    if q.date_to is not None:
        add("date <= ?", q.date_to)
    if q.place is not None:
        add("location_name ILIKE ?", f"%{q.place}%")
    if q.place_country is not None:
        add("location_country = ?", q.place_country.upper())
    for word in (q.words or "").split():
        add("sentence ILIKE ?", f"%{word}%")
    if not q.include_negated:
        where.append("NOT negated")
    if not q.include_one_sided:
        where.append("NOT coalesce(one_sided, false)")
    if not q.include_historical:
        where.append("NOT coalesce(historical, false)")
    return (" WHERE " + " AND ".join(where)) if where else "", params


def query_rows(
    path: str | os.PathLike[str], query: EventQuery | None = None, *, clusters: bool = False
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Column names and rows of events (with their cluster_id) or of clusters matching a query."""
    q = query or EventQuery()
    where, params = _where(q)
    table = "clusters" if clusters else "events_clustered"
    sql = f"SELECT * FROM {table}{where} ORDER BY date NULLS LAST, doc_id, sentence_index, event_id"
    if q.limit is not None:
        if q.limit < 0:
            raise StoreError(f"bad limit {q.limit}: must be 0 or more")
        sql += " LIMIT ?"
        params.append(q.limit)
    with connect(path) as con:
        try:
            cursor = con.execute(sql, params)
            names = [d[0] for d in cursor.description or ()]
            rows = cursor.fetchall()
        except duckdb.Error as e:
            raise read_error("cannot query events in", path, e) from e
    return names, rows


def query_events(
    path: str | os.PathLike[str],
    *,
    actor: str | None = None,
    root: str | None = None,
    cameo: str | None = None,
    limit: int | None = None,
    query: EventQuery | None = None,
) -> list[Event]:
    """Events of the store, ordered by date, doc_id and sentence.

    ``actor`` matches a source or target whose code starts with it or whose country is it
    ("USA" matches USAGOV; "PERREB" matches PERREB...); ``root`` is a two-digit CAMEO root;
    ``cameo`` matches codes starting with it ("087" matches 087 and 0871). ``query`` gives
    every other filter (:class:`EventQuery`).
    """
    q = query or EventQuery()
    q = replace(
        q,
        actor=actor if actor is not None else q.actor,
        root=root if root is not None else q.root,
        cameo=cameo if cameo is not None else q.cameo,
        limit=limit if limit is not None else q.limit,
    )
    names, rows = query_rows(path, q)
    return [row_to_event(dict(zip(names, row, strict=True))) for row in rows]


def summary(path: str | os.PathLike[str]) -> StoreSummary:
    """Counts of what the store holds, and its newest run report."""
    with connect(path) as con:
        try:
            n_documents = _scalar(con, "SELECT count(*) FROM documents")
            n_events = _scalar(con, "SELECT count(*) FROM events WHERE NOT negated")
            n_negated = _scalar(con, "SELECT count(*) FROM events WHERE negated")
            by_root = con.execute(
                "SELECT root, count(*) FROM events WHERE NOT negated GROUP BY root ORDER BY root"
            ).fetchall()
            by_plover = con.execute(
                "SELECT coalesce(plover_type, 'none') AS t, count(*) FROM events "
                "WHERE NOT negated GROUP BY t ORDER BY t"
            ).fetchall()
            dyads = con.execute(
                "SELECT source_code, target_code, count(*) AS n FROM events "
                "WHERE NOT negated AND source_code IS NOT NULL AND target_code IS NOT NULL "
                "GROUP BY ALL ORDER BY n DESC, source_code, target_code LIMIT 10"
            ).fetchall()
        except duckdb.Error as e:
            raise read_error("cannot summarise store", path, e) from e
    n_runs, last_run = _runs(location(path))
    return StoreSummary(
        n_documents=n_documents,
        n_events=n_events,
        n_negated=n_negated,
        events_by_root={r: n for r, n in by_root},
        events_by_plover={t: n for t, n in by_plover},
        top_dyads=[(s, t, n) for s, t, n in dyads],
        n_runs=n_runs,
        last_run=last_run,
    )


def _scalar(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    """The single integer a query returns."""
    row = con.execute(sql).fetchone()
    return int(row[0]) if row else 0


def _runs(store: Path | str) -> tuple[int, dict[str, Any] | None]:
    """How many run reports the store has, and the newest one (by modification time)."""
    if isinstance(store, str):
        return _remote_runs(store)
    reports = list((store / RUNS).glob("*.json"))
    if not reports:
        return 0, None
    try:
        newest = max(reports, key=lambda p: (p.stat().st_mtime_ns, p.name))
        report = json.loads(newest.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise StoreError(f"cannot read run reports in {store / RUNS}: {e}") from e
    if not isinstance(report, dict):
        raise StoreError(f"{newest}: a run report must be a JSON object")
    return len(reports), report


def _remote_runs(url: str) -> tuple[int, dict[str, Any] | None]:
    """``_runs`` for a store at a URL."""
    from kipu.store._remote import remote, run_reports

    store = remote(url)
    reports = run_reports(store)
    if not reports:
        return 0, None
    name = reports[-1][1]
    try:
        report = json.loads(store.cat(name) or b"null")
    except ValueError as e:
        raise StoreError(f"cannot read run report {store.url_of(name)}: {e}") from e
    if not isinstance(report, dict):
        raise StoreError(f"{store.url_of(name)}: a run report must be a JSON object")
    return len(reports), report
