"""I/O faults under a store: a full disk, a read-only store, a part deleted or truncated.

Each ends in a clear error, never a partial part that readers see; ``kipu doctor`` says what to
do, and the rerun (after ``kipu compact --drop-unreadable`` where a part was lost) ends with the
rows of one clean run. ENOSPC and EROFS are injected at every write the store makes (any
machine); where the tests run as root they are also met for real, on a small tmpfs that fills
up and is then remounted read-only.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import types
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import kipu.store._lock as lock_module
import kipu.store._writer as writer_module
from kipu.cli import app
from kipu.errors import StoreError
from kipu.store import connect, doctor
from kipu.store._maintain import compact
from tests.reliability.crash_child import run_ingest
from tests.reliability.test_crash import HARMLESS, state, write_corpus

FULL = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
READ_ONLY = OSError(errno.EROFS, os.strerror(errno.EROFS))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], dict[str, object]]:
    folder = tmp_path_factory.mktemp("io")
    inputs = write_corpus(folder)
    clean = folder / "clean"
    run_ingest(str(clean), inputs)
    return inputs, state(clean)


class FaultyOs(types.SimpleNamespace):
    """The ``os`` module as the store's writer sees it, with one call failing at its NTH use."""

    def __init__(self, name: str, nth: int, error: OSError) -> None:
        super().__init__()
        self._name, self._nth, self._error, self._calls = name, nth, error, 0

    def __getattr__(self, attr: str) -> Any:
        real = getattr(os, attr)
        if attr != self._name:
            return real

        def call(*args: Any, **kwargs: Any) -> Any:
            self._calls += 1
            if self._calls == self._nth:
                raise self._error
            return real(*args, **kwargs)

        return call


def fail_append(nth: int, error: OSError) -> Callable[..., None]:
    """``_append_commit`` that writes half of its NTH line, then fails as a full disk does."""
    real = writer_module.StoreWriter._append_commit
    calls = [0]

    def append(self: writer_module.StoreWriter, commit: writer_module.Commit) -> None:
        calls[0] += 1
        if calls[0] != nth:
            return real(self, commit)
        with (self.path / writer_module.MANIFEST).open("ab") as f:
            f.write(b'{"run_id": "torn by a full disk", "parts": [')
        raise StoreError(f"cannot append to manifest: {error}")

    return append


# Where the store's writes can fail: (what fails, how to break it).
FAULTS: dict[str, Callable[[pytest.MonkeyPatch, OSError], None]] = {
    "part write": lambda mp, e: mp.setattr(
        writer_module.pq, "write_table", _raise_at(3, e, writer_module.pq.write_table)
    ),
    "part fsync": lambda mp, e: mp.setattr(writer_module, "os", FaultyOs("fsync", 4, e)),
    "part rename": lambda mp, e: mp.setattr(writer_module, "os", FaultyOs("replace", 5, e)),
    "manifest append": lambda mp, e: mp.setattr(
        writer_module.StoreWriter, "_append_commit", fail_append(3, e)
    ),
    "run report": lambda mp, e: (
        mp.setattr(writer_module, "os", FaultyOs("fsync", 10_000, e))
        or mp.setattr(
            writer_module.StoreWriter, "write_report", _raise_at(1, e, None, store_error=True)
        )
    ),
    "lock": lambda mp, e: mp.setattr(lock_module, "os", FaultyOs("open", 1, e)),
    "staging": lambda mp, e: mp.setattr(
        writer_module.shutil, "rmtree", _raise_at(1, e, shutil.rmtree)
    ),
}


def _raise_at(
    nth: int, error: OSError, real: Callable[..., Any] | None, *, store_error: bool = False
) -> Callable[..., Any]:
    calls = [0]

    def call(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        if calls[0] == nth:
            if store_error:
                raise StoreError(f"cannot write run report: {error}")
            raise error
        assert real is not None
        return real(*args, **kwargs)

    return call


def assert_consistent(store: Path, clean: dict[str, object]) -> None:
    """What a reader sees is a part of the clean run's rows; nothing needs a fix."""
    if not (store / "manifest.jsonl").exists():
        return
    seen = state(store)
    for table in ("documents", "events", "duplicates", "rejected"):
        assert set(seen[table]) <= set(clean[table]), table  # type: ignore[call-overload]
    assert {p.kind for p in doctor(store)} <= HARMLESS


# A full disk at every write; a read-only store where a writer meets it first (the lock, the
# staging folder) and at a part write.
CASES = [(fault, FULL) for fault in FAULTS] + [
    (fault, READ_ONLY) for fault in ("lock", "staging", "part write")
]


@pytest.mark.parametrize(
    ("fault", "error"), CASES, ids=[f"{f}-{os.strerror(e.errno)}" for f, e in CASES]
)
def test_a_write_that_fails_stops_the_run_cleanly_and_the_rerun_completes(
    corpus: tuple[list[str], dict[str, object]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fault: str,
    error: OSError,
) -> None:
    inputs, clean = corpus
    store = tmp_path / "store"
    if fault == "staging":  # a store whose last writer left files in .staging/
        (store / ".staging").mkdir(parents=True)
        (store / ".staging" / "documents-left.parquet").write_bytes(b"PAR1")
    with monkeypatch.context() as mp:
        FAULTS[fault](mp, error)
        with pytest.raises(StoreError) as raised:
            run_ingest(str(store), inputs)
    message = str(raised.value)
    assert os.strerror(error.errno) in message and "\n" not in message
    assert_consistent(store, clean)
    run_ingest(str(store), inputs)
    assert state(store) == clean
    assert doctor(store) == []


# --- a part deleted or truncated under the store -----------------------------------------------


def _damage(store: Path, how: str) -> str:
    """Delete or truncate one committed events part; returns its name."""
    if how == "compacted, then deleted":  # the one part that holds every event
        compact(store, run_id="compact-0")
    part = sorted((store / "events").glob("*.parquet"))[-1]
    if how != "truncated":
        part.unlink()
    else:
        data = part.read_bytes()
        part.write_bytes(data[: len(data) // 2])
    return f"events/{part.name}"


@pytest.mark.issue(16)
@pytest.mark.parametrize("how", ["deleted", "truncated", "compacted, then deleted"])
def test_a_lost_part_is_reported_and_repaired_by_compact_and_a_rerun(
    corpus: tuple[list[str], dict[str, object]], tmp_path: Path, how: str
) -> None:
    inputs, clean = corpus
    store = tmp_path / "store"
    run_ingest(str(store), inputs)
    name = _damage(store, how)
    # Readers fail with one line that says where to look.
    with pytest.raises(StoreError, match="kipu doctor"):
        with connect(store) as con:
            con.execute("SELECT count(*) FROM events").fetchall()
    result = CliRunner().invoke(app, ["events", "--store", str(store), "--json"])
    assert result.exit_code == 1 and "kipu doctor" in result.stderr
    # The doctor names the part and the fix.
    result = CliRunner().invoke(app, ["doctor", "--store", str(store)])
    assert result.exit_code == 1
    assert name in result.stdout and "kipu compact --drop-unreadable" in result.stdout
    # compact refuses to drop data unless told; told, it drops the part and revokes its shard.
    with pytest.raises(StoreError, match="--drop-unreadable"):
        compact(store, run_id="compact-1")
    compact(store, run_id="compact-2", drop_unreadable=True)
    assert doctor(store) == []
    run_ingest(str(store), inputs)  # the same ingest again redoes the lost shard
    assert (
        state(store)["events"] == clean["events"]
        and state(store)["documents"] == clean["documents"]
    )
    compact(store, run_id="compact-3")
    assert state(store) == clean
    assert doctor(store) == []


# --- the real thing: a small tmpfs that fills up, then turns read-only --------------------------


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@pytest.fixture()
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    point = tmp_path / f"tmpfs-{uuid.uuid4().hex[:6]}"
    point.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=100k", "tmpfs", str(point)):
        pytest.skip("this machine does not let us mount a tmpfs")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


def test_a_full_disk_then_a_read_only_store_on_a_real_tmpfs(
    corpus: tuple[list[str], dict[str, object]], tmpfs: Path
) -> None:
    inputs, clean = corpus
    store = tmpfs / "store"
    # 100 KB is too little for the corpus' parts: the disk fills up somewhere in the run.
    with pytest.raises(StoreError, match="No space left on device"):
        run_ingest(str(store), inputs)
    assert_consistent(store, clean)
    assert _mount("-o", "remount,size=50m", str(tmpfs))
    run_ingest(str(store), inputs)
    assert state(store) == clean
    # Read-only: the writer says so; readers and the doctor go on as before.
    assert _mount("-o", "remount,ro", str(tmpfs))
    with pytest.raises(StoreError, match="Read-only file system"):
        run_ingest(str(store), inputs)
    assert state(store) == clean
    assert doctor(store) == []
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kipu.cli",
            "events",
            "--store",
            str(store),
            "--json",
            "--limit",
            "3",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0 and len(result.stdout.splitlines()) == 3, result.stderr
