"""kill -9 at seeded moments of an ingest and of a compaction; the rerun converges.

A child process (``crash_child``) runs the writer with the fake coder and kills itself at the
NTH occurrence of a moment: while a document is coded, while a Parquet part is written, while
parts are moved into place, while the manifest line is appended, right after it, right after the
lock is taken, while the run report is written. Between the kill and the rerun a reader sees only
committed rows (a subset of the clean run's) and ``kipu doctor`` finds nothing that needs a
fix. After the rerun the store holds exactly the rows of one uninterrupted run: the same
document, event, duplicate and rejection ids, no row twice, ``kipu doctor`` clean.

``make test`` runs 10 kills; ``KIPU_RELIABILITY=long`` runs 50 (some of them twice in a row).
"""

from __future__ import annotations

import json
import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from kipu.store import connect, doctor
from kipu.store._maintain import compact
from kipu.store._writer import PART_FOLDERS, list_parts
from tests.reliability.crash_child import run_ingest
from tests.reliability.harness import LONG, TALLY, Target, kills

ROOT = Path(__file__).resolve().parents[2]
NAMES = ("Ruritania", "Freedonia", "Sylvania", "Latveria", "Genovia", "Elbonia")
INGEST_PHASES = ("parse", "part", "publish", "manifest", "committed", "lock", "report", "timer")
COMPACT_PHASES = ("part", "publish", "manifest", "committed", "lock")
# What the store's doctor may report between a kill and the rerun: the rerun clears them.
HARMLESS = {"uncommitted_part", "staging_leftovers", "stale_lock"}
# The ten kills of `make test`: every moment of an ingest and of a compaction at least once.
CI_PLAN = [
    ("ingest", "parse"),
    ("ingest", "part"),
    ("ingest", "publish"),
    ("ingest", "manifest"),
    ("ingest", "committed"),
    ("ingest", "lock"),
    ("ingest", "report"),
    ("compact", "part"),
    ("compact", "manifest"),
    ("compact", "committed"),
]


def write_corpus(folder: Path) -> list[str]:
    """Three inputs of our own invented news: JSON Lines (with exact and near duplicates and a
    broken line), a scraped text and an HTML page."""
    rng = random.Random(3)
    lines = []
    for i in range(40):
        a, b = rng.sample(NAMES, 2)
        text = (
            f"Envoys of {a} met officials of {b} in round {i}. They discussed grain quota "
            f"number {rng.randrange(10**9)}. The talks ended on the {i % 28 + 1}th."
        )
        lines.append(json.dumps({"id": f"doc-{i}", "text": text, "date": "2024-03-01"}))
        if i % 13 == 0:
            lines.append(json.dumps({"id": f"copy-{i}", "text": text}))  # the same text
        if i % 17 == 0:
            lines.append(json.dumps({"id": f"near-{i}", "text": text + " Again."}))
        if i == 20:
            lines.append("{not json")
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    story = "RIVERTOWN - Envoys of Genovia met officials of Elbonia on Monday. They agreed."
    (folder / "story.txt").write_text(story + "\n", encoding="utf-8")
    page = f"<html><body><article><p>{story}</p></article></body></html>"
    (folder / "page.html").write_text(page, encoding="utf-8")
    return [str(folder / name) for name in ("wire.jsonl", "story.txt", "page.html")]


def state(store: Path) -> dict[str, object]:
    """The store as a reader sees it, and the rows of its committed parts (none twice)."""
    with connect(store) as con:
        seen = {
            "documents": con.execute("SELECT doc_id FROM documents ORDER BY 1").fetchall(),
            "events": con.execute("SELECT event_id FROM events ORDER BY 1").fetchall(),
            "duplicates": con.execute(
                "SELECT doc_id, dup_of FROM duplicates ORDER BY 1"
            ).fetchall(),
            "rejected": con.execute(
                "SELECT item_id, stage, reason FROM rejected ORDER BY 1, 2, 3"
            ).fetchall(),
        }
    rows = {
        folder: sum(pq.read_metadata(p).num_rows for p in list_parts(store, folder))
        for folder in PART_FOLDERS
    }
    return {**seen, "rows": rows}


def child(
    command: str, store: Path, phase: str, nth: int, fraction: float, inputs: list[str]
) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.reliability.crash_child",
            command,
            str(store),
            phase,
            str(nth),
            str(fraction),
            *inputs,
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


@dataclass(frozen=True)
class Reference:
    inputs: list[str]
    clean: Path
    clean_state: dict[str, object]
    counts: dict[str, dict[str, int]]  # command -> moment -> how often it came


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Reference:
    folder = tmp_path_factory.mktemp("crash")
    inputs = write_corpus(folder)
    clean = folder / "clean"
    counted = child("ingest", clean, "count", 0, 0.0, inputs)
    out, err = counted.communicate(timeout=300)
    assert counted.returncode == 0, err.decode()
    counts = {"ingest": json.loads(out)}
    compacted = folder / "compacted"
    shutil.copytree(clean, compacted)
    counted = child("compact", compacted, "count", 0, 0.0, [])
    out, err = counted.communicate(timeout=300)
    assert counted.returncode == 0, err.decode()
    counts["compact"] = json.loads(out)
    clean_state = state(clean)
    assert clean_state["duplicates"] and clean_state["rejected"] and clean_state["events"]
    assert state(compacted) == clean_state
    return Reference(inputs, clean, clean_state, counts)


def _plan() -> list[list[tuple[str, str]]]:
    """The kills of each case: one in `make test`; one or two in a row in the long run."""
    if not LONG:
        return [[step] for step in CI_PLAN]
    rng = random.Random(16)
    cases: list[list[tuple[str, str]]] = []
    total = kills(10, 50)
    while sum(map(len, cases)) < total:
        steps = []
        for _ in range(min(rng.choice([1, 1, 2]), total - sum(map(len, cases)))):
            command = rng.choice(["ingest", "ingest", "compact"])
            steps.append(
                (command, rng.choice(INGEST_PHASES if command == "ingest" else COMPACT_PHASES))
            )
        cases.append(steps)
    return cases


def count_moments(command: str, store: Path, inputs: list[str]) -> dict[str, int]:
    """How often each moment comes when the writer runs on (a copy of) ``store`` as it is."""
    copy = store.with_name(store.name + "-count")
    shutil.rmtree(copy, ignore_errors=True)
    if store.exists():
        shutil.copytree(store, copy)
    counted = child(command, copy, "count", 0, 0.0, inputs if command == "ingest" else [])
    out, err = counted.communicate(timeout=300)
    assert counted.returncode == 0, err.decode()
    shutil.rmtree(copy, ignore_errors=True)
    return json.loads(out)


def kill_once(
    reference: Reference,
    store: Path,
    command: str,
    phase: str,
    rng: random.Random,
    counts: dict[str, int],
) -> str:
    """Run the writer in a child and see it die at a seeded moment of ``phase`` (or, when a
    rerun has no such moment left, of one it has); returns the phase it died in."""
    fraction = rng.random()
    if phase not in ("timer", "lock") and not counts.get(phase):
        phase = rng.choice(sorted(p for p, n in counts.items() if n))
    if phase == "timer":  # from outside, at a random time after the first commits
        proc = child(command, store, "none", 0, 0.0, reference.inputs)
        deadline = time.monotonic() + 60
        manifest = store / "manifest.jsonl"
        while proc.poll() is None and time.monotonic() < deadline:
            if manifest.exists() and manifest.read_bytes().count(b"\n") >= 2:
                break
            time.sleep(0.005)
        time.sleep(rng.uniform(0.0, 0.2))
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        return phase
    nth = 1 if phase == "lock" else rng.randint(1, counts[phase])
    inputs = reference.inputs if command == "ingest" else []
    proc = child(command, store, phase, nth, fraction, inputs)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == -signal.SIGKILL, (command, phase, nth, err.decode())
    return phase


def check_between(reference: Reference, store: Path) -> None:
    """After a kill: a reader sees a subset of the clean rows, and nothing needs a fix."""
    if not (store / "manifest.jsonl").exists():
        return
    seen = state(store)
    clean = reference.clean_state
    for table in ("documents", "events", "duplicates", "rejected"):
        assert set(seen[table]) <= set(clean[table]), table  # type: ignore[call-overload]
    kinds = {p.kind for p in doctor(store)}
    assert kinds <= HARMLESS, kinds


@pytest.mark.parametrize(
    ("seed", "steps"),
    list(enumerate(_plan())),
    ids=lambda x: "+".join(f"{c}-{p}" for c, p in x) if isinstance(x, list) else str(x),
)
def test_kill_9_then_rerun_converges(
    reference: Reference, tmp_path: Path, seed: int, steps: list[tuple[str, str]]
) -> None:
    rng = random.Random(seed)
    store = tmp_path / "store"
    tally = TALLY.setdefault("kill -9", Target())
    for k, (command, phase) in enumerate(steps):
        if command == "compact" and not store.exists():
            shutil.copytree(reference.clean, store)  # a store with many small parts to merge
        elif command == "compact" and not (store / "manifest.jsonl").exists():
            run_ingest(str(store), reference.inputs)
        if k == 0:
            counts = reference.counts[command]
        else:
            counts = count_moments(command, store, reference.inputs)
        phase = kill_once(reference, store, command, phase, rng, counts)
        tally.cases += 1
        tally.outcomes[f"{command}:{phase}"] += 1
        check_between(reference, store)
    run_ingest(str(store), reference.inputs)  # the same command again
    if any(command == "compact" for command, _ in steps):
        compact(store, run_id="compact-again")
    assert state(store) == reference.clean_state
    assert doctor(store) == []
