"""Read a store through DuckDB: views over its parts, event queries and a summary."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from kipu.errors import StoreError
from kipu.records import Event
from kipu.store._schema import DOCUMENT_SCHEMA, EVENT_SCHEMA, row_to_event
from kipu.store._writer import DOCUMENTS, EVENTS, RUNS

# view name -> (parts folder, id column, tie-break order among copies of one id, schema)
_VIEWS: dict[str, tuple[str, str, str, pa.Schema]] = {
    "documents": (DOCUMENTS, "doc_id", "ingested, filename", DOCUMENT_SCHEMA),
    "events": (EVENTS, "event_id", "filename", EVENT_SCHEMA),
}


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


def _literal(text: str) -> str:
    """A SQL string literal for ``text`` (quotes doubled)."""
    return "'" + text.replace("'", "''") + "'"


def _parts(store: Path, folder: str) -> list[str]:
    """The Parquet parts in one folder of the store, sorted."""
    return sorted(str(p) for p in (store / folder).glob("*.parquet"))


def connect(path: str | os.PathLike[str]) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with ``documents`` and ``events`` views over the store."""
    store = Path(path)
    if not store.is_dir():
        raise StoreError(f"no kipu store at {store}")
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
                f"CREATE VIEW {view} AS SELECT * EXCLUDE (filename) "
                f"FROM read_parquet({files}, union_by_name = true, filename = true) "
                f"QUALIFY row_number() OVER (PARTITION BY {key} ORDER BY {order}) = 1"
            )
    except duckdb.Error as e:
        con.close()
        raise StoreError(f"cannot read store {store}: {e}") from e
    return con


def query_events(
    path: str | os.PathLike[str],
    *,
    actor: str | None = None,
    root: str | None = None,
    cameo: str | None = None,
    limit: int | None = None,
) -> list[Event]:
    """Events of the store, ordered by date, doc_id and sentence.

    ``actor`` matches a source or target whose code starts with it or whose country is it
    ("USA" matches USAGOV; "PERREB" matches PERREB...); ``root`` is a two-digit CAMEO root;
    ``cameo`` matches codes starting with it ("087" matches 087 and 0871).
    """
    where: list[str] = []
    params: list[Any] = []
    if actor is not None:
        where.append(
            "(starts_with(source_code, ?) OR source_country = ? "
            "OR starts_with(target_code, ?) OR target_country = ?)"
        )
        params += [actor, actor, actor, actor]
    if root is not None:
        where.append("root = ?")
        params.append(root.zfill(2) if root.isdigit() else root)
    if cameo is not None:
        where.append("starts_with(cameo, ?)")
        params.append(cameo)
    sql = "SELECT * FROM events"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY date NULLS LAST, doc_id, sentence_index, event_id"
    if limit is not None:
        if limit < 0:
            raise StoreError(f"bad limit {limit}: must be 0 or more")
        sql += " LIMIT ?"
        params.append(limit)
    with connect(path) as con:
        try:
            cursor = con.execute(sql, params)
            names = [d[0] for d in cursor.description or ()]
            rows = cursor.fetchall()
        except duckdb.Error as e:
            raise StoreError(f"cannot query events in {path}: {e}") from e
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
            raise StoreError(f"cannot summarise store {path}: {e}") from e
    n_runs, last_run = _runs(Path(path))
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


def _runs(store: Path) -> tuple[int, dict[str, Any] | None]:
    """How many run reports the store has, and the newest one (by modification time)."""
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
