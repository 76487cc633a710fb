"""A store at a URL: s3:// on moto's S3 server (127.0.0.1, no network) and memory://, written
through fsspec, hold the rows the same ingest stores in a folder; reruns, kills, the lock object
and the conditional manifest commit."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kipu.errors import StoreError
from kipu.store import StoreWriter, summary
from kipu.store._remote import HEARTBEAT_SECONDS, remote
from tests.conftest import make_bucket
from tests.unit.run.test_ingest import run, state, write_corpus

SHARD = 5  # 30 documents: 6 shards and an end marker, 7 commits


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "news.jsonl", 30)


@pytest.fixture(scope="module")
def local(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """What the same ingest stores in a folder."""
    store = tmp_path_factory.mktemp("local") / "store"
    run([str(corpus)], store, shard_documents=SHARD)
    found = state(store)
    assert found["events"]
    return found


def _store(s3_server: str, name: str = "day-1") -> str:
    """A store URL in a new bucket, under a prefix."""
    return make_bucket(s3_server, f"kipu-{uuid.uuid4().hex[:12]}") + f"/stores/{name}"


@pytest.fixture(scope="module")
def ingested(s3_server: str, corpus: Path) -> tuple[str, str]:
    """A store at an s3:// URL after one ingest of the corpus, and that run's id."""
    url = _store(s3_server)
    report = run([str(corpus)], url, shard_documents=SHARD)
    return url, report.run_id  # type: ignore[attr-defined]


def test_an_s3_store_holds_the_rows_of_a_folder_and_a_rerun_adds_nothing(
    ingested: tuple[str, str], corpus: Path, local: dict[str, object]
) -> None:
    url, first = ingested
    assert state(url) == local
    again = run([str(corpus)], url, shard_documents=SHARD)
    assert (again.n_inputs_skipped, again.n_articles, again.n_events) == (1, 0, 0)
    assert state(url) == local
    names = remote(url).names()
    assert ".lock" not in names  # released
    assert {"format", "manifest.jsonl", f"runs/{first}.json"} <= set(names)
    assert summary(url).n_runs == 2


def test_a_memory_store_holds_the_same_rows(corpus: Path, local: dict[str, object]) -> None:
    url = f"memory://kipu-test-{uuid.uuid4().hex[:8]}/store"
    run([str(corpus)], url, shard_documents=SHARD)
    assert state(url) == local
    assert run([str(corpus)], url, shard_documents=SHARD).n_articles == 0


def test_reading_commands_see_an_s3_store(
    ingested: tuple[str, str], local: dict[str, object], tmp_path: Path
) -> None:
    from kipu.cli import app

    url = ingested[0]
    cli = CliRunner()
    events = cli.invoke(app, ["events", "--store", url, "--json"])
    assert events.exit_code == 0, events.output
    ids = sorted(json.loads(line)["event_id"] for line in events.stdout.splitlines())
    assert ids == local["events"]
    out = tmp_path / "events.jsonl"
    export = cli.invoke(app, ["export", "--store", url, "--format", "jsonl", "-o", str(out)])
    assert export.exit_code == 0, export.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(ids)
    pytest.importorskip("fastapi", reason="kipu serve's API needs the serve extra")
    from fastapi.testclient import TestClient

    from kipu.api import create_app

    with TestClient(create_app(url, allowed_hosts=("testserver",))) as client:
        overview = client.get("/api/summary").json()
    assert overview["n_events"] + overview["n_negated"] == len(ids), overview
    assert overview["n_documents"] == len(local["documents"])  # type: ignore[arg-type]


def test_a_missing_s3_store_is_one_line(s3_server: str) -> None:
    from kipu.cli import app

    url = _store(s3_server, "never-written")
    result = CliRunner().invoke(app, ["events", "--store", url])
    assert result.exit_code == 1
    assert f"no kipu store at {url}" in result.output


# An ingest with the fake coder, run as a child process that the test kills.
_CHILD = """
import sys
from kipu.run import IngestOptions, PipelineOptions, ingest, new_report
ingest([sys.argv[1]], sys.argv[2], PipelineOptions(), new_report("ingest"),
       on_reject=lambda r: None, settings=IngestOptions(coder="fake", shard_documents=5))
"""


def test_a_killed_ingest_into_s3_resumes_to_the_same_result(
    s3_server: str, corpus: Path, local: dict[str, object]
) -> None:
    url = _store(s3_server)
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(corpus), url],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    store = remote(url)
    deadline = time.monotonic() + 60
    while child.poll() is None and time.monotonic() < deadline:
        if (store.cat("manifest.jsonl") or b"").count(b"\n") >= 2:
            break
        time.sleep(0.02)
    finished = child.poll() is not None
    child.send_signal(signal.SIGKILL)
    _, err = child.communicate()
    assert not finished or child.returncode == 0, err.decode(errors="replace")[-2000:]
    commits = (store.cat("manifest.jsonl") or b"").count(b"\n")
    assert commits < 7, "the run ended before it could be killed"
    assert store.exists(".lock") or finished  # the killed writer's lock is left behind
    # its process is gone, on this machine: the next writer takes the lock over at once
    run([str(corpus)], url, shard_documents=SHARD)
    assert state(url) == local


def test_a_second_writer_is_refused_while_the_first_holds_the_lock(s3_server: str) -> None:
    url = _store(s3_server)
    with StoreWriter.open(url, run_id="first"):
        with pytest.raises(StoreError, match="is being written by process"):
            StoreWriter.open(url, run_id="second")
    StoreWriter.open(url, run_id="third").close()  # released: free again


def _lock_object(url: str, *, age: float, host: str = "another-host") -> None:
    holder = {"pid": 1, "host": host, "started": "?", "token": "theirs"}
    holder["heartbeat"] = time.time() - age  # type: ignore[assignment]
    remote(url).put(".lock", json.dumps(holder).encode())


def test_a_lock_with_a_recent_heartbeat_from_another_machine_is_respected(s3_server: str) -> None:
    url = _store(s3_server)
    _lock_object(url, age=HEARTBEAT_SECONDS)
    with pytest.raises(StoreError, match="on another-host .*last heartbeat"):
        StoreWriter.open(url, run_id="mine")


def test_a_stale_lock_is_taken_over(s3_server: str) -> None:
    url = _store(s3_server)
    _lock_object(url, age=10_000)
    with StoreWriter.open(url, run_id="mine") as writer:
        writer.write([], [], [])
        assert b"theirs" not in (remote(url).cat(".lock") or b"")


def test_a_writer_that_lost_its_lock_commits_nothing(s3_server: str) -> None:
    url = _store(s3_server)
    writer = StoreWriter.open(url, run_id="mine")
    _lock_object(url, age=0)  # another writer took the lock over
    entry = _entry()
    with pytest.raises(StoreError, match="lost the lock"):
        writer.write([], [], [entry])
    assert remote(url).cat("manifest.jsonl") in (None, b"")
    writer.close()
    assert b"theirs" in (remote(url).cat(".lock") or b"")  # not its to remove


def test_a_writer_whose_stale_lock_was_taken_over_cannot_commit_after_all(s3_server: str) -> None:
    """The last fence: the manifest PUT is conditional on the ETag its writer last wrote, and
    the writer that takes a stale lock over changes the manifest first. A writer paused past
    the stale age, that resumes between its lock check and its commit, commits nothing."""
    url = _store(s3_server)
    old = StoreWriter.open(url, run_id="old")
    old.write([], [], [_entry()])
    holder = json.loads(remote(url).cat(".lock") or b"{}")
    holder.update(host="another-host", heartbeat=time.time() - 10_000)  # paused, gone stale
    remote(url).put(".lock", json.dumps(holder).encode())
    new = StoreWriter.open(url, run_id="new")  # takes the stale lock over
    old._lock.check = lambda: None  # type: ignore[union-attr]  # as if it resumed past its check
    before = remote(url).cat("manifest.jsonl")
    with pytest.raises(StoreError, match="cannot commit to the manifest"):
        old.write([_article()], [], [])
    assert remote(url).cat("manifest.jsonl") == before
    assert not remote(url).names("documents")  # its part was removed again
    new.write([_article()], [], [])
    new.close()
    old.close()  # the lock is no longer its own: left alone
    assert len(remote(url).names("documents")) == 1


def _article() -> object:
    from kipu.records import Article

    return Article(
        doc_id="d" * 16,
        input_id="x",
        url=None,
        title=None,
        published=None,
        dateline=None,
        byline=None,
        language=None,
        text="Envoys met.",
    )


def _entry() -> object:
    from kipu.store import ManifestEntry

    return ManifestEntry(
        input_hash="h", input_id="x", n_documents=0, n_events=0, run_id="mine", completed="now"
    )


def test_without_s3fs_an_s3_store_is_one_line_naming_the_extra() -> None:
    code = (
        "import sys; sys.modules['s3fs'] = None; sys.argv = ['kipu', 'events', '--store', "
        "'s3://bucket/store']\nfrom kipu.cli import main\nmain()"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "kipu: a store at s3://bucket/store needs s3fs: pip install 'kipu[s3]'"
    )


def test_no_credentials_is_one_line(s3_server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from kipu.cli import app

    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.delenv(name)
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    url = f"s3://kipu-{uuid.uuid4().hex[:12]}/store"
    result = CliRunner().invoke(app, ["events", "--store", url])
    assert result.exit_code == 1
    assert result.output.strip() == f"kipu: cannot read {url}/format: Unable to locate credentials"


def test_compact_and_doctor_on_an_s3_store(
    s3_server: str, corpus: Path, local: dict[str, object]
) -> None:
    """compact merges the parts at the URL; a part deleted under the store is named by doctor,
    refused by ingest, dropped with its shards by compact --drop-unreadable and redone by the
    same ingest."""
    from kipu.store import compact, doctor

    url = _store(s3_server)
    run([str(corpus)], url, shard_documents=SHARD)
    assert doctor(url) == []
    result = compact(url, run_id="compact-1")
    assert (result.parts_before, result.parts_after) == (18, 3)  # 6 shards x 3 tables
    assert state(url) == local
    assert len(remote(url).names("events")) == 1  # the old parts are deleted
    run([str(corpus)], url, shard_documents=SHARD)  # a second input's worth: none, all stored
    events = remote(url).names("events")
    remote(url).remove(events[0])
    assert [p.kind for p in doctor(url)] == ["missing_part"]
    with pytest.raises(StoreError, match="committed parts of store .* are missing"):
        run([str(corpus)], url, shard_documents=SHARD)
    compact(url, run_id="compact-2", drop_unreadable=True)
    assert doctor(url) == []
    run([str(corpus)], url, shard_documents=SHARD)
    assert state(url) == local
