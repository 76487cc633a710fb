"""Run shard jobs in order, in this process or on a pool of worker processes.

Workers are started with 'spawn': each is a fresh interpreter that imports kipu and loads the
model once (the same on Linux, macOS and Windows, and safe with the threads DuckDB, Arrow and
spaCy start in the parent, which 'fork' would copy mid-state). Results come back in submission
order, at most ``2 * workers`` shards in flight, so memory stays flat and the store's commits
follow the input order. A shard that outlives its deadline means a worker hung in code the
per-document alarm cannot interrupt: the pool is replaced and the shard's documents are
retried one by one, the one that hangs again rejected as ``hung``.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from multiprocessing.pool import AsyncResult, Pool

from kipu.records import Rejected
from kipu.run._shard import ShardJob, ShardResult, run_shard

# Seconds a worker may take beyond its shard's time budget before it counts as hung (workers
# are started and the model loaded before the clock runs; this covers a loaded machine).
WORKER_GRACE_SECONDS = 30.0
# Seconds a new worker may take to start and load the model before the run gives up.
STARTUP_SECONDS = 600.0
# Shards a worker codes before it is replaced by a fresh one: spaCy's vocabulary and caches grow
# with every new word it parses, so a long ingest recycles workers to keep memory bounded.
SHARDS_PER_WORKER = 50
# Shards in flight per worker: enough to keep each busy while the parent writes.
IN_FLIGHT_PER_WORKER = 2


def _init_worker(model: str | None, coder: str) -> None:
    """Load the model once per worker process."""
    if coder == "kipu":
        from kipu.nlp import load_model

        load_model(model)


def run_jobs(
    jobs: Iterable[ShardJob | object], workers: int, *, grace: float = WORKER_GRACE_SECONDS
) -> Iterator[ShardResult | object]:
    """Results of the jobs in order; items that are not jobs (markers) pass through in place."""
    if workers <= 1:
        for job in jobs:
            yield run_shard(job) if isinstance(job, ShardJob) else job
        return
    pool: Pool | None = None
    window: deque[tuple[object, AsyncResult[ShardResult] | None]] = deque()
    try:
        for job in jobs:
            if isinstance(job, ShardJob) and pool is None:
                pool = _pool(job, workers)
            future = pool.apply_async(run_shard, (job,)) if isinstance(job, ShardJob) else None
            window.append((job, future))
            while len(window) > workers * IN_FLIGHT_PER_WORKER:
                result, pool = _next(window, pool, workers, grace)
                yield result
        while window:
            result, pool = _next(window, pool, workers, grace)
            yield result
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()


def _ready() -> bool:
    """A no-op task: its answer means a worker has started and loaded the model."""
    return True


def _pool(job: ShardJob, workers: int) -> Pool:
    """A fresh pool of spawned workers, returned once one of them answers."""
    context = multiprocessing.get_context("spawn")
    pool = context.Pool(
        workers,
        initializer=_init_worker,
        initargs=(job.options.model, job.coder),
        maxtasksperchild=SHARDS_PER_WORKER,
    )
    pool.apply_async(_ready).get(timeout=STARTUP_SECONDS)
    return pool


def _deadline(job: ShardJob, grace: float) -> float:
    """Seconds to wait for a shard before its worker counts as hung."""
    return job.budget.doc_seconds * max(1, len(job.shard.documents)) + grace


def _next(
    window: deque[tuple[object, AsyncResult[ShardResult] | None]],
    pool: Pool | None,
    workers: int,
    grace: float,
) -> tuple[ShardResult | object, Pool | None]:
    """The head of the window's result, replacing the pool if its worker hung."""
    job, future = window.popleft()
    if future is None or not isinstance(job, ShardJob) or pool is None:
        return job, pool
    try:
        return future.get(timeout=_deadline(job, grace)), pool
    except multiprocessing.TimeoutError:
        pass
    pool = _replace(pool, job, workers)
    coded, rejected = [], list(job.shard.rejected)
    for document in job.shard.documents:  # one by one, to find the one that hangs
        single = replace(job, shard=replace(job.shard, documents=(document,), rejected=()))
        try:
            part = pool.apply_async(run_shard, (single,)).get(timeout=_deadline(single, grace))
        except multiprocessing.TimeoutError:
            pool = _replace(pool, job, workers)
            detail = "the worker stopped answering; it was replaced"
            rejected.append(
                Rejected(item_id=document.input_id, stage="budget", reason="hung", detail=detail)
            )
            continue
        coded.extend(part.coded)
        rejected.extend(part.rejected)
    # the jobs behind it ran on the old pool: submit them again
    pending = [(j, None) for j, _ in window]
    window.clear()
    for j, _ in pending:
        window.append((j, pool.apply_async(run_shard, (j,)) if isinstance(j, ShardJob) else None))
    return ShardResult(shard=job.shard, coded=tuple(coded), rejected=tuple(rejected)), pool


def _replace(pool: Pool, job: ShardJob, workers: int) -> Pool:
    """Stop every worker of ``pool`` and start a new pool."""
    pool.terminate()
    pool.join()
    return _pool(job, workers)
