"""The Ray Data engine of ``kipu ingest --engine ray``: the same shards, coded on a Ray cluster.

The dataset is one row per input still to ingest (its ``Input`` and the shards the store already
holds). Workers read the inputs themselves (``flat_map`` over :func:`kipu.run._ingest.input_jobs`,
the same function that cuts shards for the local pool), so the inputs must be on a folder every
node sees; a ``map_batches`` stage with a callable class codes each shard with the local engine's
pool of workers (:func:`kipu.run._pool.run_jobs`, one worker process per actor, the model loaded
once in it), so ``--doc-seconds`` and the replacement of a hung or crashed worker hold on the
cluster as on one machine. Ray Data streams the two stages with its own back-pressure (a stage
stops taking blocks while its output waits in the object store), and returns the results in
input order (``preserve_order``): the driver commits each shard to the store exactly as the local
engine does (duplicates, near-duplicates, parts, one manifest line; in a folder or at an fsspec
URL such as ``s3://``), so resume and idempotence are the store's, wherever the shards were
coded. Ray is an optional extra: ``pip install kipu[ray]``.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from kipu.errors import KipuError
from kipu.sources import Input

if TYPE_CHECKING:
    from kipu.run._ingest import IngestOptions
    from kipu.run._pipeline import PipelineOptions
    from kipu.run._shard import ShardResult

# Shards a coding actor takes at a time: one, so that a shard's result (its articles and events)
# goes back to the driver as soon as it is coded and order-preserving output never waits long.
SHARDS_PER_BATCH = 1


class RayUnavailable(KipuError):
    """Ray is not installed, or the cluster cannot be reached."""


def ray_results(
    inputs: Iterable[tuple[Input, frozenset[int]]],
    options: PipelineOptions,
    settings: IngestOptions,
) -> Iterator[ShardResult | object]:
    """Shard results and input-end markers in input order, coded on the Ray cluster at
    ``settings.address`` (a local one with ``settings.workers`` CPUs when None)."""
    ray = _ray()
    if settings.coder == "kipu":
        from kipu.nlp import check_model

        check_model(options.model)  # on the driver at least: a clear error before the cluster
    started = not ray.is_initialized()
    if started:
        try:
            if settings.address:
                ray.init(address=settings.address, log_to_driver=False)
            else:
                ray.init(num_cpus=max(1, settings.workers), log_to_driver=False)
        except (ConnectionError, RuntimeError, ValueError) as e:
            raise RayUnavailable(f"cannot start or reach the Ray cluster: {e}") from None
    try:
        yield from _results(ray, inputs, options, settings)
    except ray.exceptions.RayError as e:
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise RayUnavailable(f"the Ray run failed: {first}") from None
    finally:
        if started:
            ray.shutdown()


def _results(
    ray: Any,
    inputs: Iterable[tuple[Input, frozenset[int]]],
    options: PipelineOptions,
    settings: IngestOptions,
) -> Iterator[ShardResult | object]:
    """The dataset of the inputs, read and coded on the cluster; its rows in input order."""
    import ray.data

    rows = [{"input": pickle.dumps((item, sorted(done)))} for item, done in inputs]
    if not rows:
        return
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    # One shard, one block: blocks are what actors take, and an input's shards must spread over
    # every actor rather than travel as one block of the whole input.
    context.target_max_block_size = 1
    dataset = ray.data.from_items(rows, override_num_blocks=len(rows))
    # Reading is light (the coders extract and parse): it takes no CPU of its own, so that it is
    # never starved by the coding actors holding every CPU.
    dataset = dataset.flat_map(_read_input, fn_args=(options, settings), num_cpus=0)
    dataset = dataset.map_batches(
        _ShardCoder,
        fn_constructor_args=(options.model, settings.coder, settings.worker_grace_seconds),
        batch_size=SHARDS_PER_BATCH,
        batch_format="pyarrow",
        compute=ray.data.ActorPoolStrategy(size=max(1, settings.workers)),
        num_cpus=1,
        # Ray Data's defaults start an actor that died (node lost, process killed) again and
        # give its shard to it again (max_restarts and max_task_retries -1); the coding itself
        # runs in the actor's worker process (see _ShardCoder), so a document cannot kill it.
    )
    for row in dataset.iter_rows():
        yield pickle.loads(row["item"])


def _read_input(
    row: dict[str, Any], options: PipelineOptions, settings: IngestOptions
) -> Iterator[dict[str, bytes]]:
    """One input read on a worker into its shard jobs and its end marker."""
    from kipu.run._ingest import input_jobs

    item, done = pickle.loads(row["input"])
    for job in input_jobs(item, options, settings, frozenset(done)):
        yield {"item": pickle.dumps(job)}


class _ShardCoder:
    """Codes shard jobs on one Ray actor, in a pool of one worker process of its own: the local
    engine's pool (``kipu.run._pool``), which loads the model and the pipeline's tables once.

    Ray runs this method outside the actor's main thread, where the per-document alarm
    (``--doc-seconds``) cannot be set, and a coder stuck in C code cannot be interrupted from
    inside its process anyway. In the worker process both hold as on one machine: a document
    over its budget is rejected as ``budget:timeout``; a worker that stops answering (stuck,
    or crashed) past its piece's deadline is replaced, the piece's documents are coded again
    one by one and the one that hangs again is rejected as ``budget:hung``; the run goes on.
    """

    def __init__(self, model: str | None, coder: str, grace: float) -> None:
        from kipu.run._pool import Workers

        self.grace = grace
        self.pool = Workers(1, model=model, coder=coder)

    def __call__(self, batch: Any) -> dict[str, list[bytes]]:
        from kipu.run._pool import run_jobs

        items = [pickle.loads(data) for data in batch.column("item").to_pylist()]
        return {"item": [pickle.dumps(r) for r in run_jobs(items, self.pool, grace=self.grace)]}


def _ray() -> Any:
    """The ``ray`` module, or a one-line error saying how to install it."""
    try:
        import ray
    except ImportError:
        raise RayUnavailable(
            "--engine ray needs Ray: pip install 'kipu[ray]' (or use the local engine)"
        ) from None
    return ray
