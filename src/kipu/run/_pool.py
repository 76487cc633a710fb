"""Run shard jobs in order, in this process or on a pool of worker processes.

Workers are started with 'spawn': each is a fresh interpreter that imports kipu and loads the
model once (the same on Linux, macOS and Windows, and safe with the threads DuckDB, Arrow and
spaCy start in the parent, which 'fork' would copy mid-state). The pool is started before the
parent reads the store and its inputs, so workers load while the parent prepares the first
shards, and each worker runs one thread of BLAS/OpenMP (N workers use N cores, not N × cores).

A shard is sent as its pieces (``kipu.run._shard.pieces``): workers take pieces as they free up,
so no worker idles while another codes the last long shard. Results come back merged per shard
and in submission order, at most ``IN_FLIGHT_PER_WORKER * workers`` pieces in flight, so memory
stays flat and the store's commits follow the input order. A piece that outlives its deadline
means a worker hung in code the per-document alarm cannot interrupt: the pool is replaced and
the piece's documents are retried one by one, the one that hangs again rejected as ``hung``.
"""

from __future__ import annotations

import importlib.machinery
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from multiprocessing.pool import AsyncResult, Pool

from kipu.errors import ModelError
from kipu.nlp import check_model
from kipu.records import Rejected
from kipu.run._shard import ShardJob, ShardResult, merge, pieces, run_job, run_shard

# Seconds a worker may take beyond its piece's time budget before it counts as hung (workers
# load the model before the clock runs; this covers a loaded machine).
WORKER_GRACE_SECONDS = 30.0
# Seconds a new pool may take to start a worker and load the model before the run gives up.
STARTUP_SECONDS = 600.0
# Pieces a worker codes before it is replaced by a fresh one: a safety net that bounds whatever
# a long run might still accumulate in a worker (spaCy's vocabulary no longer grows: see
# kipu.nlp), rare enough that reloading the model costs under 1% of the run.
PIECES_PER_WORKER = 500
# Pieces in flight per worker: enough to keep each busy while the parent commits.
IN_FLIGHT_PER_WORKER = 4
# Thread pools of the numerical libraries, limited to one thread in each worker.
THREAD_VARIABLES = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "BLIS_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS",
)
# A short text of our own that a new worker codes once, so every lazily loaded table (language
# identifier, dictionaries, patterns, gazetteer) is ready before the first real piece.
WARM_UP_TEXT = "The foreign minister of France met officials in Berlin on Monday to discuss trade."


def _init_worker(model: str | None, coder: str) -> None:
    """Load the model and the pipeline's tables once per worker process."""
    if coder == "kipu":
        from kipu.records import Document
        from kipu.run._pipeline import PipelineOptions
        from kipu.run._shard import Budget, Shard

        document = Document(input_id="warm-up", kind="text", content=WARM_UP_TEXT)
        shard = Shard(input_id="warm-up", input_hash="warm-up", index=0, documents=(document,))
        run_shard(ShardJob(shard=shard, options=PipelineOptions(model=model), budget=Budget()))


def _ready() -> bool:
    """A no-op task: its answer means a worker has started and loaded the model."""
    return True


class Workers:
    """A pool of spawned workers, started at once and replaced when one hangs."""

    def __init__(self, workers: int, *, model: str | None = None, coder: str = "kipu") -> None:
        self.workers = workers
        self.model = model
        self.coder = coder
        self._start()

    def _start(self) -> None:
        if self.coder == "kipu":
            check_model(self.model)  # a worker that cannot load it would be restarted forever
        self._main_spec = _skip_main_in_workers()
        for name in THREAD_VARIABLES:  # read by the libraries when a worker loads them
            os.environ.setdefault(name, "1")
        context = multiprocessing.get_context("spawn")
        self.pool: Pool = context.Pool(
            self.workers,
            initializer=_init_worker,
            initargs=(self.model, self.coder),
            maxtasksperchild=PIECES_PER_WORKER,
        )
        self._ready: AsyncResult[bool] | None = self.pool.apply_async(_ready)

    def submit(self, job: ShardJob) -> AsyncResult[ShardResult]:
        """Queue a piece; workers take pieces in submission order."""
        return self.pool.apply_async(run_shard, (job,))

    def get(self, future: AsyncResult[ShardResult], seconds: float) -> ShardResult:
        """A piece's result; ``multiprocessing.TimeoutError`` after ``seconds`` of waiting
        (plus the pool's start-up, the first time)."""
        if self._ready is not None:
            try:
                self._ready.get(timeout=STARTUP_SECONDS)
            except multiprocessing.TimeoutError:
                raise ModelError(
                    f"no worker process was ready after {STARTUP_SECONDS:g} s (the model loads in "
                    "each): try --workers 1, or kipu bench to see the model load"
                ) from None
            self._ready = None
        return future.get(timeout=seconds)

    def restart(self) -> None:
        """Stop every worker and start a new pool."""
        self.close()
        self._start()

    def close(self) -> None:
        self.pool.terminate()
        self.pool.join()
        main = sys.modules.get("__main__")
        if main is not None and self._main_spec is not _UNSET:
            main.__spec__ = self._main_spec


_UNSET = object()


def _skip_main_in_workers() -> object:
    """Make spawned workers skip the program's ``__main__``; returns what to restore.

    'spawn' runs the parent's main script again in every worker unless ``__main__`` has a
    module spec. Workers need nothing from it (they run kipu's functions), and a console script
    without an ``if __name__ == "__main__"`` guard would start the whole command again in each
    of them. A spec named "__main__" is the one spawn skips; it is set while the pool lives.
    """
    main = sys.modules.get("__main__")
    if main is None or getattr(main, "__spec__", None) is not None:
        return _UNSET
    main.__spec__ = importlib.machinery.ModuleSpec("__main__", None)
    return None


@dataclass(slots=True)
class _Slot:
    """A shard in the window: its job, its pieces' futures, and the results gathered so far."""

    job: ShardJob | object
    pending: deque[tuple[ShardJob, AsyncResult[ShardResult]]] = field(default_factory=deque)
    done: list[ShardResult] = field(default_factory=list)


def run_jobs(
    jobs: Iterable[ShardJob | object],
    workers: int | Workers,
    *,
    grace: float = WORKER_GRACE_SECONDS,
) -> Iterator[ShardResult | object]:
    """Results of the jobs in order; items that are not jobs (markers) pass through in place.

    ``workers`` is a count (1 runs in this process; N > 1 starts a pool at the first job) or a
    started :class:`Workers`, which the caller closes.
    """
    if isinstance(workers, int) and workers <= 1:
        for job in jobs:
            yield run_job(job) if isinstance(job, ShardJob) else job
        return
    pool = workers if isinstance(workers, Workers) else None
    own = pool is None
    n_workers = workers.workers if isinstance(workers, Workers) else workers
    window: deque[_Slot] = deque()
    in_flight = 0
    try:
        for job in jobs:
            slot = _Slot(job)
            if isinstance(job, ShardJob):
                if pool is None:
                    pool = Workers(n_workers, model=job.options.model, coder=job.coder)
                for piece in pieces(job):
                    slot.pending.append((piece, pool.submit(piece)))
                in_flight += len(slot.pending)
            window.append(slot)
            while in_flight > n_workers * IN_FLIGHT_PER_WORKER:
                in_flight -= _advance(window, pool, grace)
                yield from _finished(window)
        while window:
            if pool is not None:
                in_flight -= _advance(window, pool, grace)
            yield from _finished(window)
    finally:
        if own and pool is not None:
            pool.close()


def _finished(window: deque[_Slot]) -> Iterator[ShardResult | object]:
    """Pop and yield the slots at the head of the window whose pieces are all back."""
    while window and not window[0].pending:
        slot = window.popleft()
        job = slot.job
        yield merge(job, slot.done) if isinstance(job, ShardJob) else job


def _advance(window: deque[_Slot], pool: Workers | None, grace: float) -> int:
    """Wait for the oldest piece still out; returns the number of pieces it took off the window."""
    slot = next((s for s in window if s.pending), None)
    if slot is None or pool is None:
        return 0
    piece, future = slot.pending.popleft()
    try:
        slot.done.append(pool.get(future, _deadline(piece, grace)))
        return 1
    except multiprocessing.TimeoutError:
        pass
    pool.restart()
    slot.done.append(_one_by_one(piece, pool, grace))
    # the pieces behind it ran on the old pool: submit them again
    for s in window:
        s.pending = deque((p, pool.submit(p)) for p, _ in s.pending)
    return 1


def _one_by_one(piece: ShardJob, pool: Workers, grace: float) -> ShardResult:
    """A hung piece's documents coded one at a time on fresh workers, to find the one that hangs."""
    coded, rejected = [], list(piece.shard.rejected)
    for document in piece.shard.documents:
        single = replace(piece, shard=replace(piece.shard, documents=(document,), rejected=()))
        try:
            part = pool.get(pool.submit(single), _deadline(single, grace))
        except multiprocessing.TimeoutError:
            pool.restart()
            detail = "the worker stopped answering; it was replaced"
            rejected.append(
                Rejected(item_id=document.input_id, stage="budget", reason="hung", detail=detail)
            )
            continue
        coded.extend(part.coded)
        rejected.extend(part.rejected)
    return ShardResult(shard=piece.shard, coded=tuple(coded), rejected=tuple(rejected))


def _deadline(job: ShardJob, grace: float) -> float:
    """Seconds to wait for a piece before its worker counts as hung."""
    return job.budget.doc_seconds * max(1, len(job.shard.documents)) + grace
