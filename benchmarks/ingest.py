"""Ingest at scale on the Guardian sample: throughput ratios and peak memory, in one run.

    .venv/bin/python benchmarks/ingest.py ../shared/data/guardian-sample/Guardian_SDF_sample.csv

Writes the sample as JSONL (1x, and 10x with changed ids) to a temporary folder, then measures:
- ``kipu code`` throughput (the pipeline streaming events, no store) vs ``kipu ingest`` with one
  worker, on the same documents: ratio ingest/code (target >= 0.9);
- ingest with 2 workers vs 1 worker: ratio (target >= 1.7 on 2 idle cores);
  each of these three in a fresh process, model load included, as a user's command runs
  (--no-rss measures only these: ~5 minutes on 2 idle cores);
- peak RSS of an ingest (in a child process; in-process with one worker, and the largest worker
  with two) at 1x and 10x the sample (or of its first N documents with --rss-docs N;
  --no-throughput measures only that; --rss-workers 1 or 2 only one of them).
--same N only checks that 1 and 2 workers store the same rows for the first N documents.
--lsh N measures the near-duplicate index's memory a document (N random signatures).
--driver N times the driver's share alone: an ingest of N short generated documents with the fake
coder (no parse), shards of 64: what committing a shard costs the one process that writes; with
--driver-store URL into a store at that URL (s3://BUCKET/PREFIX, memory://NAME), and with --moto
into a bucket of moto's S3 server started on 127.0.0.1 (the dev extra), where a request costs
what this machine's loopback and moto cost, not a real object store's round trip.
--parse all runs every measurement with every sentence parsed; --parse both measures the
throughputs with the sentence filter (--parse events, the default) and without it, in one run.
Ratios are within one run; absolute times depend on the machine and its load.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kipu.run import Coded, IngestOptions, PipelineOptions, ingest, new_report, process
from kipu.store import connect


def write_jsonl(sample: Path, out: Path, copies: int, limit: int | None = None) -> int:
    """The sample (its first ``limit`` rows) as JSONL, ``copies`` times with changed ids. The
    sample: the Guardian CSV, the article-extraction benchmark's ground-truth.json, or JSONL
    (read by benchmarks/prefilter.py's ``records``)."""
    from prefilter import records

    rows = records(sample)[:limit]
    with out.open("w", encoding="utf-8") as f:
        for copy in range(copies):
            for row in rows:
                record = {"id": f"g{row['id']}-{copy}", "text": row["text"]}
                if row["date"]:
                    record["date"] = row["date"]
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(rows) * copies


PARSE = {"mode": "events"}  # --parse of every measurement of this process


def timed_code(corpus: Path) -> float:
    """Seconds `kipu code` takes (process() to the last event)."""
    start = time.perf_counter()
    options = PipelineOptions(parse=PARSE["mode"])
    for item in process([str(corpus)], options, new_report("code"), known_doc_ids=set()):
        if isinstance(item, Coded):
            for event in item.events:
                json.dumps(event.event_id)
    return time.perf_counter() - start


def timed_ingest(corpus: Path, store: Path, workers: int) -> float:
    """Seconds an ingest into a fresh store takes."""
    start = time.perf_counter()
    ingest(
        [str(corpus)],
        store,
        PipelineOptions(parse=PARSE["mode"]),
        new_report("ingest"),
        on_reject=lambda r: None,
        settings=IngestOptions(workers=workers),
    )
    return time.perf_counter() - start


def peak_rss(corpus: Path, store: Path, workers: int) -> tuple[float, float]:
    """Peak RSS in MB of an ingest in a child process: the process itself, and its largest
    worker (0 with one worker, which codes in-process)."""
    code = (
        "import resource, sys\n"
        "from kipu.run import *\n"
        "if __name__ == '__main__':\n"
        "    options = PipelineOptions(parse=sys.argv[4])\n"
        "    ingest([sys.argv[1]], sys.argv[2], options, new_report('ingest'),\n"
        "           on_reject=lambda r: None, settings=IngestOptions(workers=int(sys.argv[3])))\n"
        "    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,\n"
        "          resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(corpus), str(store), str(workers), PARSE["mode"]],
        capture_output=True,
        text=True,
        check=True,
    )
    parent, child = done.stdout.split()[-2:]
    return int(parent) / 1024, int(child) / 1024


def main(
    sample: Path, rss_docs: int | None, throughput: bool, rss_workers: list[int], copies: int
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        one, many = folder / "x1.jsonl", folder / f"x{copies}.jsonl"
        n1 = write_jsonl(sample, one, 1)
        if throughput:
            measure_throughput(one, n1, folder)
        if not rss_workers:
            return
        small = folder / "r1.jsonl"
        m1 = write_jsonl(sample, small, 1, rss_docs)
        m10 = write_jsonl(sample, many, copies, rss_docs)
        for workers in rss_workers:
            sizes = []
            for corpus, n in ((small, m1), (many, m10)):
                parent, worker = peak_rss(corpus, folder / f"r{n}-{workers}", workers)
                where = (
                    f"{parent:.0f} MB"
                    if workers == 1
                    else f"{parent:.0f} MB, worker {worker:.0f} MB"
                )
                sizes.append(f"{where} at {n} documents")
                print(f"peak RSS, {workers} worker(s): {sizes[-1]}", flush=True)
            print(f"peak RSS, {workers} worker(s): " + " vs ".join(sizes), flush=True)


def measure_lsh(n: int) -> None:
    """Bytes a document takes in the driver's near-duplicate index (MinHash LSH as kipu builds
    it), over ``n`` random signatures."""
    import tracemalloc

    import numpy as np
    from datasketch import MinHashLSH

    from kipu.run._ingest import NEAR_DUPLICATE_THRESHOLD
    from kipu.run._shard import NUM_PERM, to_minhash

    rng = np.random.default_rng(1)
    signatures = [rng.integers(0, 2**32, NUM_PERM, dtype="<u8").tobytes() for _ in range(n)]
    tracemalloc.start()
    lsh = MinHashLSH(threshold=NEAR_DUPLICATE_THRESHOLD, num_perm=NUM_PERM)
    for i, data in enumerate(signatures):
        lsh.insert(f"{i:016x}", to_minhash(data))
    used, _ = tracemalloc.get_traced_memory()
    print(f"near-duplicate index: {used / n:,.0f} bytes a document over {n:,} documents")


def measure_driver(n: int, folder: Path, store: str | None = None) -> None:
    """Seconds (wall and CPU) the driver takes to commit shards of generated short documents
    coded by the fake coder: the store's writes, duplicates and manifest, no parse (into the
    store at ``store``, a URL, when given)."""
    corpus = folder / "driver.jsonl"
    with corpus.open("w", encoding="utf-8") as f:
        for i in range(n):
            text = f"Envoys met officials in round {i}. They discussed grain quota {i * 7919}."
            f.write(json.dumps({"id": f"d{i}", "text": text, "date": "2024-03-01"}) + "\n")
    wall, cpu = time.perf_counter(), time.process_time()
    report = new_report("ingest")
    settings = IngestOptions(coder="fake", shard_documents=64)
    ingest(
        [str(corpus)],
        store or folder / "driver",
        PipelineOptions(),
        report,
        on_reject=lambda r: None,
        settings=settings,
    )
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    if store is not None:
        read = time.perf_counter()
        with connect(store) as con:
            rows = con.execute("SELECT count(*) FROM events").fetchone()
        print(
            f"read back {rows[0] if rows else 0} events from {store}: "
            f"{time.perf_counter() - read:.1f} s (parts copied to the reader's cache first)"
        )
    shards = -(-n // 64)
    print(
        f"{n} documents, {shards} shards: {wall:.1f} s wall, {cpu:.1f} s CPU, "
        f"{wall / shards * 1000:.0f} ms a shard"
    )


@contextmanager
def moto_store(folder: Path) -> Iterator[str]:
    """A store URL in a new bucket of moto's S3 server on 127.0.0.1 (readers' cache in
    ``folder``), for as long as the context lasts."""
    import logging
    import os

    import boto3
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    os.environ.update(
        AWS_ENDPOINT_URL=f"http://{host}:{port}",
        AWS_ACCESS_KEY_ID="bench",
        AWS_SECRET_ACCESS_KEY="bench",
        AWS_DEFAULT_REGION="us-east-1",
        KIPU_CACHE=str(folder / "cache"),
    )
    try:
        boto3.client("s3").create_bucket(Bucket="kipu-bench")
        yield "s3://kipu-bench/stores/driver"
    finally:
        server.stop()


def measure_parse_modes(one: Path, n1: int, folder: Path) -> None:
    """Ingest with 2 workers with the sentence filter and without it, on the same documents,
    each in a fresh process, taking turns twice: documents/s and the ratio. Also an ingest of
    the first 2 documents (each worker starts, loads the model and codes one): the start-up a
    run pays once, and the rate of the documents after it, which a long run (a GDELT day) has."""
    head = folder / "head2.jsonl"
    head.write_text("".join(one.read_text(encoding="utf-8").splitlines(True)[:2]), "utf-8")
    seconds: dict[str, list[float]] = {"events": [], "all": [], "start-up": []}
    for turn in range(2):
        for mode in ("events", "all"):
            seconds[mode].append(timed_in_child("2", one, folder / f"p{mode}{turn}", mode))
            print(f"ingest, 2 workers, --parse {mode}: {seconds[mode][-1]:.1f} s", flush=True)
        seconds["start-up"].append(timed_in_child("2", head, folder / f"h{turn}", "events"))
        print(f"ingest of 2 documents, 2 workers: {seconds['start-up'][-1]:.1f} s", flush=True)
    best = {mode: min(s) for mode, s in seconds.items()}
    start = best.pop("start-up")
    print(f"documents: {n1}; start-up (2 documents, 2 workers): {start:.1f} s")
    for mode, s in best.items():
        after = (n1 - 2) / max(s - start, 1e-9)
        print(
            f"ingest, 2 workers, --parse {mode}: {n1 / s:.2f} docs/s (best {s:.1f} s), "
            f"{after:.2f} docs/s after the start-up; 100,000 documents: "
            f"{(start + 100_000 / after) / 3600:.2f} h"
        )
    print(f"ratio --parse events / --parse all: {best['all'] / best['events']:.2f}")


def measure_throughput(one: Path, n1: int, folder: Path) -> None:
    """`kipu code` vs ingest with 1 and 2 workers on the same documents, each in a fresh process
    as a user's command runs (the model's load is in every time; imports in none)."""
    if n1:
        code_s = timed_in_child("code", one, folder / "s0")
        ingest1_s = timed_in_child("1", one, folder / "s1")
        ingest2_s = timed_in_child("2", one, folder / "s2")
        print(f"documents: {n1}")
        print(f"kipu code:          {n1 / code_s:.2f} docs/s ({code_s:.1f} s)")
        print(f"ingest, 1 worker:   {n1 / ingest1_s:.2f} docs/s ({ingest1_s:.1f} s)")
        print(f"ingest, 2 workers:  {n1 / ingest2_s:.2f} docs/s ({ingest2_s:.1f} s)")
        print(f"ratio ingest/code: {code_s / ingest1_s:.2f}")
        print(f"ratio 2 workers/1 worker: {ingest1_s / ingest2_s:.2f}")


def compare_workers(sample: Path, n: int, folder: Path) -> None:
    """Ingest the sample's first ``n`` documents with 1 and with 2 workers: the same rows?"""
    corpus = folder / "same.jsonl"
    write_jsonl(sample, corpus, 1, n)
    rows = []
    for workers in (1, 2):
        store = folder / f"same{workers}"
        seconds = timed_in_child(str(workers), corpus, store)
        with connect(store) as con:
            query = "SELECT * EXCLUDE (run_id) FROM events ORDER BY event_id"
            events = con.execute(query).fetchall()
            docs = con.execute("SELECT doc_id FROM documents ORDER BY doc_id").fetchall()
            rows.append((events, docs))
        print(f"{workers} worker(s): {seconds:.1f} s", flush=True)
    same = "identical" if rows[0] == rows[1] else "DIFFERENT"
    print(
        f"1 vs 2 workers on {n} documents: {same} ({len(rows[0][0])} events, "
        f"{len(rows[0][1])} documents)"
    )


def timed(what: str, corpus: Path, store: Path) -> float:
    """Seconds of `kipu code` ("code") or of an ingest with ``what`` workers."""
    return timed_code(corpus) if what == "code" else timed_ingest(corpus, store, int(what))


def timed_in_child(what: str, corpus: Path, store: Path, mode: str | None = None) -> float:
    """:func:`timed` in a fresh Python process (with --parse ``mode``, default this one's)."""
    code = (
        "import sys\n"
        "sys.path.insert(0, sys.argv[1])\n"
        "import ingest as bench\n"
        "if __name__ == '__main__':\n"
        "    bench.PARSE['mode'] = sys.argv[5]\n"
        "    print(bench.timed(sys.argv[2], bench.Path(sys.argv[3]), bench.Path(sys.argv[4])))\n"
    )
    here = str(Path(__file__).parent)
    done = subprocess.run(
        [sys.executable, "-c", code, here, what, str(corpus), str(store), mode or PARSE["mode"]],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(done.stdout.split()[-1])


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sample", type=Path)
    parser.add_argument("--rss-docs", type=int, default=None, help="RSS on the first N (x1, x10)")
    parser.add_argument("--no-throughput", action="store_true", help="only measure RSS")
    parser.add_argument("--no-rss", action="store_true", help="only measure throughput")
    parser.add_argument(
        "--rss-workers", default="1,2", help="worker counts to measure RSS with (default 1,2)"
    )
    parser.add_argument("--copies", type=int, default=10, help="copies for the large run (10)")
    parser.add_argument(
        "--same", type=int, metavar="N", help="only check that 1 and 2 workers store the same rows"
    )
    parser.add_argument(
        "--parse", choices=("events", "all", "both"), default="events", help="--parse of kipu"
    )
    parser.add_argument("--driver", type=int, metavar="N", help="only time the driver's share")
    parser.add_argument("--driver-store", metavar="URL", help="--driver into a store at a URL")
    parser.add_argument(
        "--moto", action="store_true", help="--driver into an s3:// store on moto on 127.0.0.1"
    )
    parser.add_argument("--lsh", type=int, metavar="N", help="only the LSH index's memory")
    args = parser.parse_args()
    if args.lsh:
        measure_lsh(args.lsh)
        raise SystemExit(0)
    if args.driver:
        with tempfile.TemporaryDirectory() as tmp:
            if args.moto:
                with moto_store(Path(tmp)) as url:
                    measure_driver(args.driver, Path(tmp), url)
            else:
                measure_driver(args.driver, Path(tmp), args.driver_store)
        raise SystemExit(0)
    if args.parse == "both":
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "x1.jsonl"
            measure_parse_modes(corpus, write_jsonl(args.sample, corpus, 1), Path(tmp))
        raise SystemExit(0)
    PARSE["mode"] = args.parse
    if args.same:
        with tempfile.TemporaryDirectory() as tmp:
            compare_workers(args.sample, args.same, Path(tmp))
        raise SystemExit(0)
    workers = [] if args.no_rss else [int(w) for w in args.rss_workers.split(",") if w]
    main(args.sample, args.rss_docs, not args.no_throughput, workers, args.copies)
