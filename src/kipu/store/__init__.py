"""The store: a folder of immutable Parquet parts, a manifest and run reports, read with DuckDB.

::

    kipu-data/
      documents/       one row per Article      (<run_id>-<seq>-<hash>.parquet)
      events/          one row per Event, flat columns
      manifest.jsonl   one commit per line: the parts it made visible, the shards/inputs completed
      duplicates/      near-duplicate documents and the original each copies (dup_of)
      signatures/      MinHash signatures of original documents (the LSH index on reopen)
      rejected/        every rejected document with its stage and reason
      runs/            one RunReport per run, <run_id>.json
      format           "2": the manifest lists every committed part
      .staging/        parts being written; renamed into place when complete
      .lock            the one writer's pid and start time

One :class:`StoreWriter` writes; any number of readers query through :func:`connect`,
:func:`query_events` and :func:`summary`, which never take the lock.
"""

from __future__ import annotations

from kipu.store._export import FORMATS, export_events
from kipu.store._maintain import CompactResult, Problem, compact, doctor
from kipu.store._query import EventQuery, StoreSummary, connect, query_events, query_rows, summary
from kipu.store._schema import (
    DOCUMENT_SCHEMA,
    EVENT_SCHEMA,
    article_to_row,
    event_to_row,
    row_to_article,
    row_to_event,
)
from kipu.store._writer import DEFAULT_STORE, ManifestEntry, StoreWriter, read_manifest

__all__ = [
    "FORMATS",
    "CompactResult",
    "EventQuery",
    "Problem",
    "compact",
    "doctor",
    "export_events",
    "query_rows",
    "DEFAULT_STORE",
    "DOCUMENT_SCHEMA",
    "EVENT_SCHEMA",
    "ManifestEntry",
    "StoreSummary",
    "StoreWriter",
    "article_to_row",
    "connect",
    "event_to_row",
    "query_events",
    "read_manifest",
    "row_to_article",
    "row_to_event",
    "summary",
]
