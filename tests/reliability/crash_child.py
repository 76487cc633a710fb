"""A writer that kills itself (SIGKILL) at a chosen moment: ``python -m tests.reliability.crash_child``.

    python -m tests.reliability.crash_child ingest|compact STORE PHASE NTH FRACTION INPUT...

PHASE names where the kill lands, NTH which occurrence of that moment (1 = the first), FRACTION
how far into it (how much of a part file or a manifest line is on disk):

- ``parse``     while the NTH document is coded (the fake coder)
- ``part``      while the NTH Parquet part is written to ``.staging/``: FRACTION of it on disk
- ``publish``   while the NTH write moves its parts into place: some moved, no manifest line
- ``manifest``  while the NTH manifest line is appended: FRACTION of the line on disk
- ``committed`` right after the NTH manifest line (compact: before it deletes the old parts)
- ``lock``      right after the lock is taken, before the store is prepared
- ``report``    while the run report is written

With PHASE ``slow`` nothing is killed and the writer sleeps NTH milliseconds after each
commit (readers run meanwhile). With PHASE ``count`` nothing is killed: the child prints how often each moment came (the
ranges the test draws NTH from).
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import kipu.run._fake as fake
import kipu.store._maintain as maintain
import kipu.store._writer as writer
from kipu.run import IngestOptions, PipelineOptions, ingest, new_report

SHARD_DOCUMENTS = 8
SEEN: Counter[str] = Counter()


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def install(phase: str, nth: int, fraction: float) -> None:
    """Wrap the store's and the coder's steps so that the NTH ``phase`` moment kills us."""

    def hit(moment: str) -> bool:
        SEEN[moment] += 1
        return moment == phase and SEEN[moment] == nth

    real_code = fake.fake_code

    def code(articles: list[Any]) -> Any:
        for article in articles:
            if hit("parse"):
                die()
            yield from real_code([article])

    fake.fake_code = code

    real_write = writer.pq.write_table

    def write_table(table: Any, where: Any, **kwargs: Any) -> None:
        real_write(table, where, **kwargs)
        if hit("part"):
            where.flush()
            where.truncate(int(where.tell() * fraction))
            where.flush()
            die()

    writer.pq.write_table = write_table

    real_publish = writer.StoreWriter._publish

    def publish(self: writer.StoreWriter, staged: list[tuple[Path, Path]]) -> None:
        if staged and hit("publish"):
            for tmp, final in staged[: max(1, round(len(staged) * fraction))]:
                os.replace(tmp, final)
            die()
        real_publish(self, staged)

    writer.StoreWriter._publish = publish  # type: ignore[method-assign]

    real_append = writer.StoreWriter._append_commit

    def append(self: writer.StoreWriter, commit: writer.Commit) -> None:
        if hit("manifest"):
            from dataclasses import asdict

            line = (json.dumps(asdict(commit), ensure_ascii=False) + "\n").encode("utf-8")
            with (self.path / writer.MANIFEST).open("ab") as f:
                f.write(line[: int(len(line) * fraction)])
                f.flush()
            die()
        real_append(self, commit)
        if phase == "slow":  # a writer that takes its time: NTH milliseconds after each commit
            time.sleep(nth / 1000)
        if hit("committed"):
            die()

    writer.StoreWriter._append_commit = append  # type: ignore[method-assign]

    real_prepare = writer._prepare

    def prepare(store: Path) -> None:
        if hit("lock"):
            die()
        real_prepare(store)

    writer._prepare = prepare

    real_report = writer.StoreWriter.write_report

    def report(self: writer.StoreWriter, run_report: Any) -> Path:
        if hit("report"):
            staging = self.path / writer.STAGING / f"{run_report.run_id}.json"
            staging.write_text('{"run_id": "', encoding="utf-8")
            die()
        return real_report(self, run_report)

    writer.StoreWriter.write_report = report  # type: ignore[method-assign]


def run_ingest(store: str, inputs: list[str]) -> None:
    settings = IngestOptions(coder="fake", shard_documents=SHARD_DOCUMENTS)
    report = new_report("ingest")
    ingest(inputs, store, PipelineOptions(), report, on_reject=lambda _: None, settings=settings)


def run_compact(store: str) -> None:
    maintain.compact(store, run_id=new_report("compact").run_id)


def main(argv: list[str]) -> None:
    command, store, phase, nth, fraction, *inputs = argv
    install(phase, int(nth), float(fraction))
    if command == "ingest":
        run_ingest(store, inputs)
    else:
        run_compact(store)
    if phase == "count":
        print(json.dumps(dict(SEEN)))


if __name__ == "__main__":
    main(sys.argv[1:])
