"""Ingest: the pipeline into a store in shards, parallel, budgeted, resumable and idempotent.

Every shard (``SHARD_DOCUMENTS`` documents of one input) is committed to the store in one
manifest line with its parts; a rerun skips committed shards and inputs, so a run interrupted at
any moment (Ctrl-C, ``kill -9``) and started again ends with exactly the rows of one
uninterrupted run. Duplicates are decided here, in input order: an exact duplicate (same
``doc_id``) is counted and dropped; a near-duplicate (MinHash/LSH over word shingles) is stored
with ``dup_of`` in the ``duplicates`` table and its events are not stored (they count as
mentions of the original's).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
from datasketch import MinHashLSH

from kipu.errors import StoreError
from kipu.extract import with_site_lines
from kipu.records import Article, Document, Event, Rejected, RunReport
from kipu.run._dictionaries import check_dictionaries
from kipu.run._pipeline import PipelineOptions, finish
from kipu.run._pool import WORKER_GRACE_SECONDS, Workers, run_jobs
from kipu.run._shard import (
    NUM_PERM,
    SHARD_DOCUMENTS,
    Budget,
    Shard,
    ShardJob,
    ShardResult,
    to_minhash,
)
from kipu.sources import Input, SourceOptions, expand_inputs, read_documents
from kipu.store import ManifestEntry, StoreWriter
from kipu.store._writer import SIGNATURES, latest_entries, list_parts, missing_parts

# Jaccard similarity of word shingles above which a document is a near-duplicate: wire copies
# and lightly updated versions of one story score 0.8-1.0; different stories on one topic < 0.3.
NEAR_DUPLICATE_THRESHOLD = 0.8
# Kept for callers of the earlier API: documents per part inside one input.
PART_DOCUMENTS = SHARD_DOCUMENTS


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestOptions:
    """How an ingest runs: workers, shard size, budgets and the near-duplicate threshold."""

    workers: int = 1  # 1 runs in this process; N > 1 a pool of N spawned workers
    shard_documents: int = SHARD_DOCUMENTS
    budget: Budget = field(default_factory=Budget)
    near_duplicate_threshold: float | None = NEAR_DUPLICATE_THRESHOLD  # None turns it off
    worker_grace_seconds: float = WORKER_GRACE_SECONDS
    coder: str = "kipu"  # "fake" for tests of orchestration
    engine: str = "local"  # "local": this machine's process pool; "ray": a Ray cluster
    address: str | None = None  # the Ray cluster's address (None: a local one)


@dataclass(frozen=True, slots=True)
class _InputEnd:
    """Marker after an input's last shard."""

    input: Input
    n_shards: int


@dataclass(slots=True)
class _InputCount:
    n_documents: int = 0
    n_events: int = 0
    n_rejected: int = 0


def ingest(
    specs: Sequence[str],
    store: str | Path,
    options: PipelineOptions,
    report: RunReport,
    *,
    on_reject: Callable[[Rejected], None],
    on_warning: Callable[[str, str], None] | None = None,
    on_progress: Callable[[RunReport], None] | None = None,
    settings: IngestOptions | None = None,
) -> RunReport:
    """Run the pipeline over the inputs and write new documents and events to the store."""
    settings = settings or IngestOptions()
    check_dictionaries(options.dictionaries)
    with (
        StoreWriter.open(store, run_id=report.run_id) as writer,
        _workers(settings, options) as pool,
    ):
        state = _State.load(writer, settings)
        counts: dict[str, _InputCount] = {}
        for item in _results(specs, options, settings, report, state, on_reject, pool):
            if isinstance(item, ShardResult):
                count = counts.setdefault(item.shard.input_hash, _InputCount())
                _commit(writer, item, report, state, count, on_reject, on_warning)
            elif isinstance(item, _InputEnd):
                count = counts.pop(item.input.content_hash, _InputCount())
                count = _add_committed(state, item.input.content_hash, count)
                status = "complete" if count.n_documents or not count.n_rejected else "rejected"
                entry = _entry(item.input, None, count, report.run_id, status)
                writer.write([], [], [entry])
            if on_progress is not None:
                on_progress(report)
        writer.write_report(finish(report))
    return report


def _results(
    specs: Sequence[str],
    options: PipelineOptions,
    settings: IngestOptions,
    report: RunReport,
    state: _State,
    on_reject: Callable[[Rejected], None],
    pool: Workers | None,
) -> Iterator[ShardResult | object]:
    """Shard results and input markers in input order, from the chosen engine."""
    if settings.engine == "ray":
        from kipu.run._ray import ray_results

        inputs = _inputs(specs, report, state, on_reject)
        return ray_results(((i, _done_shards(state, i)) for i in inputs), options, settings)
    jobs = _jobs(specs, options, settings, report, state, on_reject)
    return run_jobs(jobs, pool or 1, grace=settings.worker_grace_seconds)


@contextmanager
def _workers(settings: IngestOptions, options: PipelineOptions) -> Iterator[Workers | None]:
    """The worker pool, started before the store and the inputs are read (None for one worker)."""
    if settings.workers <= 1 or settings.engine != "local":
        yield None
        return
    pool = Workers(settings.workers, model=options.model, coder=settings.coder)
    try:
        yield pool
    finally:
        pool.close()


@dataclass(slots=True)
class _State:
    """What the store already holds: inputs, shards, doc_ids and the LSH index."""

    done_inputs: set[str]
    done_shards: dict[tuple[str, int], ManifestEntry]
    known: set[str]
    lsh: MinHashLSH | None
    threshold: float | None

    @classmethod
    def load(cls, writer: StoreWriter, settings: IngestOptions) -> _State:
        missing = missing_parts(writer.path)
        if missing:  # its shards count as stored: a rerun would not redo them
            raise StoreError(
                f"{len(missing)} committed parts of store {writer.path} are missing "
                f"({missing[0]} ...); run `kipu compact --drop-unreadable`, then this ingest again"
            )
        entries = list(latest_entries(writer.path).values())
        lsh = None
        if settings.near_duplicate_threshold is not None:
            lsh = MinHashLSH(threshold=settings.near_duplicate_threshold, num_perm=NUM_PERM)
            for part in list_parts(writer.path, SIGNATURES):
                table = pq.read_table(part, columns=["doc_id", "minhash"]).to_pydict()
                for doc_id, data in zip(table["doc_id"], table["minhash"], strict=True):
                    if doc_id not in lsh:
                        lsh.insert(doc_id, to_minhash(data))
        return cls(
            done_inputs={e.input_hash for e in entries if e.shard is None},
            done_shards={(e.input_hash, e.shard): e for e in entries if e.shard is not None},
            known=writer.known_doc_ids(),
            lsh=lsh,
            threshold=settings.near_duplicate_threshold,
        )


def _jobs(
    specs: Sequence[str],
    options: PipelineOptions,
    settings: IngestOptions,
    report: RunReport,
    state: _State,
    on_reject: Callable[[Rejected], None],
) -> Iterator[ShardJob | _InputEnd]:
    """Shard jobs in input order, skipping what the store already holds, with input markers."""
    for item in _inputs(specs, report, state, on_reject):
        yield from input_jobs(item, options, settings, _done_shards(state, item))


def _inputs(
    specs: Sequence[str], report: RunReport, state: _State, on_reject: Callable[[Rejected], None]
) -> Iterator[Input]:
    """The inputs still to ingest, counted in the report (complete ones are skipped)."""
    for item in expand_inputs(specs):
        if isinstance(item, Rejected):
            report.reject(item)
            on_reject(item)
            continue
        report.n_inputs += 1
        report.inputs.append(item.input_id)
        if item.content_hash in state.done_inputs:
            report.n_inputs_skipped += 1
            continue
        yield item


def _done_shards(state: _State, item: Input) -> frozenset[int]:
    """The shards of an input that the store committed in earlier runs."""
    return frozenset(i for h, i in state.done_shards if h == item.content_hash)


def input_jobs(
    item: Input, options: PipelineOptions, settings: IngestOptions, done: frozenset[int]
) -> Iterator[ShardJob | _InputEnd]:
    """The shard jobs of one input, but for the ``done`` ones, then its end marker. The one
    way an input becomes shards, on this machine or on a cluster's workers (``_ray.py``)."""
    size = max(1, settings.shard_documents)
    index = 0
    documents: list[Document] = []
    rejected: list[Rejected] = []
    for doc in with_site_lines(read_documents(item, SourceOptions())):
        if isinstance(doc, Rejected):
            rejected.append(doc)
            continue
        documents.append(doc)
        if len(documents) >= size:
            yield from _job(item, index, documents, rejected, options, settings, done)
            index, documents, rejected = index + 1, [], []
    if documents or rejected or index == 0:
        yield from _job(item, index, documents, rejected, options, settings, done)
        index += 1
    yield _InputEnd(input=item, n_shards=index)


def _job(
    item: Input,
    index: int,
    documents: list[Document],
    rejected: list[Rejected],
    options: PipelineOptions,
    settings: IngestOptions,
    done: frozenset[int],
) -> Iterator[ShardJob]:
    """The job for one shard, unless the store already committed it."""
    if index in done:
        return
    shard = Shard(
        input_id=item.input_id,
        input_hash=item.content_hash,
        index=index,
        documents=tuple(documents),
        rejected=tuple(rejected),
    )
    yield ShardJob(shard=shard, options=options, budget=settings.budget, coder=settings.coder)


def _commit(
    writer: StoreWriter,
    result: ShardResult,
    report: RunReport,
    state: _State,
    count: _InputCount,
    on_reject: Callable[[Rejected], None],
    on_warning: Callable[[str, str], None] | None,
) -> None:
    """Decide duplicates for a shard's documents and commit its parts and manifest entry."""
    articles: list[Article] = []
    events: list[Event] = []
    tables: dict[str, list[dict[str, Any]]] = {"duplicates": [], "signatures": [], "rejected": []}
    run_id = report.run_id
    shard = result.shard
    n_events = 0
    for document in shard.documents:
        report.n_documents += 1
        for warning in document.warnings:
            report.warn(warning)
            if on_warning is not None:
                on_warning(document.input_id, warning)
    for rejected in result.rejected:
        report.reject(rejected)
        on_reject(rejected)
        tables["rejected"].append(
            {
                "item_id": rejected.item_id,
                "input_id": shard.input_id,
                "stage": rejected.stage,
                "reason": rejected.reason,
                "detail": rejected.detail,
                "run_id": run_id,
            }
        )
    for coded in result.coded:
        article = coded.article
        report.n_articles += 1
        if article.doc_id in state.known:
            report.n_duplicate += 1
            continue
        state.known.add(article.doc_id)
        articles.append(article)
        report.n_new += 1
        original = _near_duplicate(state, article.doc_id, coded.minhash)
        if original is not None:
            dup_of, similarity = original
            report.n_near_duplicate += 1
            tables["duplicates"].append(
                {
                    "doc_id": article.doc_id,
                    "dup_of": dup_of,
                    "threshold": similarity,
                    "input_id": article.input_id,
                    "run_id": run_id,
                }
            )
            continue
        tables["signatures"].append(
            {"doc_id": article.doc_id, "minhash": coded.minhash, "run_id": run_id}
        )
        events.extend(coded.events)
        n_events += len(coded.events)
        for event in coded.events:
            if not event.negated:
                report.events_by_root[event.root] = report.events_by_root.get(event.root, 0) + 1
    report.n_events += n_events
    count.n_documents += len(shard.documents)
    count.n_events += n_events
    count.n_rejected += len(result.rejected)
    shard_count = _InputCount(len(shard.documents), n_events, len(result.rejected))
    entry = _entry_for(shard, shard_count, run_id)
    writer.write(articles, events, [entry], tables=tables)


def _near_duplicate(state: _State, doc_id: str, data: bytes) -> tuple[str, float] | None:
    """The stored original this document nearly copies, with the threshold it passed."""
    if state.lsh is None or state.threshold is None:
        return None
    minhash = to_minhash(data)
    candidates = sorted(state.lsh.query(minhash))
    if not candidates:
        state.lsh.insert(doc_id, minhash)
        return None
    # LSH candidates are above the threshold with high probability; the lowest id decides.
    return candidates[0], state.threshold


def _add_committed(state: _State, input_hash: str, count: _InputCount) -> _InputCount:
    """Counts of this run's shards of an input plus those committed by earlier runs."""
    total = _InputCount(count.n_documents, count.n_events, count.n_rejected)
    for (h, _), entry in state.done_shards.items():
        if h == input_hash:
            total.n_documents += entry.n_documents
            total.n_events += entry.n_events
            total.n_rejected += entry.n_rejected
    return total


def _entry_for(shard: Shard, count: _InputCount, run_id: str) -> ManifestEntry:
    """The manifest entry of one committed shard."""
    return ManifestEntry(
        input_hash=shard.input_hash,
        input_id=shard.input_id,
        n_documents=count.n_documents,
        n_events=count.n_events,
        run_id=run_id,
        completed=_now(),
        shard=shard.index,
        n_rejected=count.n_rejected,
    )


def _entry(
    item: Input, shard: int | None, count: _InputCount, run_id: str, status: str
) -> ManifestEntry:
    """The manifest entry of a completed input."""
    return ManifestEntry(
        input_hash=item.content_hash,
        input_id=item.input_id,
        n_documents=count.n_documents,
        n_events=count.n_events,
        run_id=run_id,
        completed=_now(),
        shard=shard,
        n_rejected=count.n_rejected,
        status=status,
    )


def _now() -> str:
    """The current UTC time as an ISO timestamp."""
    return datetime.now(UTC).isoformat(timespec="seconds")
