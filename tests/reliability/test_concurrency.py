"""One writer at a time; readers while it writes see counts that only grow, and no error."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from kipu.cli import app
from kipu.store import connect, doctor
from tests.reliability.crash_child import run_ingest
from tests.reliability.test_crash import ROOT, child, state, write_corpus

_HOLD = """
import sys, time
from kipu.store import StoreWriter
with StoreWriter.open(sys.argv[1], run_id="holder"):
    print("locked", flush=True)
    time.sleep(120)
"""


def test_a_second_writer_is_refused_with_the_holder_named(tmp_path: Path) -> None:
    inputs = write_corpus(tmp_path)
    store = tmp_path / "store"
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(store)], stdout=subprocess.PIPE, cwd=ROOT
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"locked\n"
        for command in (["ingest", *inputs], ["compact"]):
            result = CliRunner().invoke(app, [*command, "--store", str(store)])
            assert result.exit_code == 1
            [line] = result.stderr.splitlines()
            assert f"is being written by process {holder.pid}" in line
            assert "wait for it or stop it" in line
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    # The holder died without letting go: the lock is stale, the doctor says so, the next
    # writer takes it over.
    assert [p.kind for p in doctor(store)] == ["stale_lock"]
    run_ingest(str(store), inputs)
    assert doctor(store) == []


def counts(store: Path) -> tuple[int, int]:
    with connect(store) as con:
        documents = con.execute("SELECT count(*) FROM documents").fetchall()[0][0]
        events = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    return documents, events


def read_while(store: Path, writer: subprocess.Popen[bytes]) -> list[tuple[int, int]]:
    """Count documents and events over and over while the writer runs, and start `kipu events`
    readers along the way: each lists at least the events counted before it started."""
    seen: list[tuple[int, int]] = []
    readers: list[tuple[int, subprocess.Popen[str]]] = []
    command = [sys.executable, "-m", "kipu.cli", "events", "--store", str(store), "--json"]
    while writer.poll() is None:
        if (store / "manifest.jsonl").exists():
            seen.append(counts(store))
            if len(readers) < 2 and seen[-1][1] > 0 and len(seen) % 5 == 1:
                proc = subprocess.Popen(
                    command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
                )
                readers.append((seen[-1][1], proc))
        time.sleep(0.01)
    for before, proc in readers:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert before <= len(out.splitlines()) <= counts(store)[1]
    assert readers
    return seen


def test_readers_during_an_ingest_and_a_compaction_see_growing_counts(tmp_path: Path) -> None:
    inputs = write_corpus(tmp_path)
    store = tmp_path / "store"
    writer = child("ingest", store, "slow", 150, 0.0, inputs)
    seen = read_while(store, writer)
    _, err = writer.communicate()
    assert writer.returncode == 0, err.decode()
    final = counts(store)
    assert len(seen) > 5 and seen == sorted(seen) and seen[-1] <= final
    assert len(set(seen)) > 2  # the readers saw the store grow
    # A compaction changes the parts, not the rows: readers see the same counts throughout.
    before = state(store)
    copy = tmp_path / "copy"
    shutil.copytree(store, copy)
    writer = child("compact", copy, "slow", 150, 0.0, [])
    seen = read_while(copy, writer)
    _, err = writer.communicate()
    assert writer.returncode == 0, err.decode()
    assert set(seen) <= {final}
    assert state(copy)["events"] == before["events"]
    assert json.loads((copy / "format").read_text()) == 2
