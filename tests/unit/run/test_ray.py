"""`kipu ingest --engine ray` on a local Ray cluster: the rows of the local pool, and a killed
run that resumes to the same result (the real coder, over generated web archives); a store at
an s3:// URL, and hung, crashed and killed coders (the fake coder)."""

from __future__ import annotations

import gzip
import json
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kipu.records import Rejected, RunReport
from kipu.run import Budget, IngestOptions, PipelineOptions, ingest, new_report
from kipu.run._fake import HANG_WORD, KILL_PARENT_WORD
from kipu.store import connect, query_events, read_manifest
from tests.unit.run.test_ingest import state

ray = pytest.importorskip("ray", reason="the Ray engine's extra is not installed: kipu[ray]")

pytestmark = pytest.mark.model

# Our own short news items: each codes at least one event.
STORIES = [
    "Kenyan police arrested dozens of protesters outside parliament in Nairobi on Tuesday.",
    "The foreign minister of Chile met Argentine diplomats in Santiago to discuss the border.",
    "Peru's president visited Bolivia on Monday and praised its government for the accord.",
    "Rebels attacked an army convoy near Gao, the Malian defence ministry said on Friday.",
    "The European Union imposed new sanctions on Belarus over the jailing of journalists.",
    "Japan pledged $20 million in aid to the Philippines after the typhoon struck Luzon.",
]


def _page(n: int) -> bytes:
    story = STORIES[n % len(STORIES)]
    body = (
        f"<html><head><title>Report {n}</title></head><body><article>"
        f"<p>{story}</p><p>Officials said talks of round {n} would go on next week.</p>"
        "</article></body></html>"
    )
    return body.encode()


def _record(n: int, body: bytes) -> bytes:
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012d}>\r\n"
        f"WARC-Target-URI: https://news.example/story/{n}\r\nWARC-Date: 2024-03-05T10:00:00Z\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def write_warcs(folder: Path, files: int, pages: int) -> Path:
    """``files`` gzipped WARC files of ``pages`` pages each, numbered across files."""
    folder.mkdir(parents=True, exist_ok=True)
    for f in range(files):
        members = [
            gzip.compress(_record(f * pages + p, _page(f * pages + p))) for p in range(pages)
        ]
        (folder / f"crawl-{f}.warc.gz").write_bytes(b"".join(members))
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two gzipped WARC files of four pages each: four shards of at most three documents."""
    return write_warcs(tmp_path_factory.mktemp("warcs"), files=2, pages=4)


@pytest.fixture(scope="module")
def local(corpus: Path, tmp_path_factory: pytest.TempPathFactory, nlp: object) -> dict[str, object]:
    """What the local engine stores from the corpus (one process)."""
    store = tmp_path_factory.mktemp("local") / "store"
    _ingest(corpus, store)
    found = state(store)
    assert found["events"], "the generated pages code no event"
    return found


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A local Ray cluster of 2 CPUs for this module; yields its address."""
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        yield ray.get_runtime_context().gcs_address
    finally:
        ray.shutdown()


def _ingest(corpus: Path, store: Path | str, **settings: object) -> RunReport:
    rejected: list[Rejected] = []
    options = IngestOptions(shard_documents=3, **settings)  # type: ignore[arg-type]
    report = new_report("ingest")
    ingest(
        [str(corpus)], store, PipelineOptions(), report, on_reject=rejected.append, settings=options
    )
    assert not rejected, rejected
    return report


def test_ray_engine_stores_the_rows_of_the_local_pool(
    tmp_path: Path, corpus: Path, local: dict[str, object], cluster: str
) -> None:
    _ingest(corpus, tmp_path / "ray", engine="ray", workers=2)
    assert state(tmp_path / "ray") == local
    # and again: every input is committed, nothing is coded twice
    again = _ingest(corpus, tmp_path / "ray", engine="ray", workers=2)
    assert (again.n_inputs_skipped, again.n_articles) == (2, 0)
    assert state(tmp_path / "ray") == local


# `kipu ingest --engine ray` run as a user runs it, attached to the test's cluster.
_CHILD = """
import sys
from kipu.cli import main
sys.argv = ["kipu", "ingest", *sys.argv[1:]]
main()
"""


def test_a_killed_ray_ingest_resumes_to_the_same_result(
    tmp_path: Path, corpus: Path, local: dict[str, object], cluster: str
) -> None:
    killed = tmp_path / "killed"
    args = [str(corpus), "--store", str(killed), "--shard-size", "3", "--engine", "ray"]
    args += ["--workers", "2", "--address", cluster]
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    manifest = killed / "manifest.jsonl"
    deadline = time.monotonic() + 240
    while child.poll() is None and time.monotonic() < deadline:
        if manifest.exists() and manifest.read_bytes().count(b"\n") >= 1:
            break
        time.sleep(0.01)
    finished = child.poll() is not None
    child.send_signal(signal.SIGKILL)
    _, err = child.communicate()
    assert not finished or child.returncode == 0, err.decode(errors="replace")[-2000:]
    commits = manifest.read_bytes().count(b"\n") if manifest.exists() else 0
    assert commits < 6, "the run ended before it could be killed"  # 4 shards + 2 inputs
    _ingest(corpus, killed, engine="ray", workers=2)
    assert state(killed) == local
    assert len(query_events(killed)) > 0


def test_a_hung_coder_and_a_killed_actor_do_not_stop_a_ray_run_into_s3(
    tmp_path: Path, cluster: str, s3_server: str
) -> None:
    """Each actor codes in a worker process of its own, with the local engine's budgets: a
    document whose coding hangs where no alarm reaches it is rejected as budget:hung after one
    more try on a fresh worker (a worker that crashes goes the same way); an actor killed while
    coding is started again by Ray and its shard coded again. The two happen at once, on the
    two actors. The driver writes every other document to a store at an s3:// URL (moto's
    server on 127.0.0.1), with the rows a local run stores."""
    from tests.conftest import make_bucket

    ok = {
        "ok-1": "Envoys of Genovia met officials of Elbonia.",
        "ok-2": "Envoys of Sylvania met officials of Latveria.",
        "ok-3": "Envoys of Ruritania met officials of Freedonia.",
    }
    texts = {
        "hang": f"Envoys {HANG_WORD} met nobody.",
        "killed": f"Envoys {KILL_PARENT_WORD}{tmp_path / 'killed-once'} met officials.",
        **ok,
    }
    local_corpus = _jsonl(tmp_path / "ok.jsonl", ok)
    folder = tmp_path / "folder"
    _ingest(local_corpus, folder, coder="fake")
    url = make_bucket(s3_server, "kipu-ray-faults") + "/stores/day"
    rejected: list[Rejected] = []
    settings = IngestOptions(
        coder="fake",
        engine="ray",
        workers=2,
        shard_documents=1,
        budget=Budget(doc_seconds=0.5),
        worker_grace_seconds=2.0,
    )
    report = new_report("ingest")
    corpus = _jsonl(tmp_path / "faults.jsonl", texts)
    ingest(
        [str(corpus)], url, PipelineOptions(), report, on_reject=rejected.append, settings=settings
    )
    assert [(r.item_id, r.stage, r.reason) for r in rejected] == [("hang", "budget", "hung")]
    assert (tmp_path / "killed-once").exists()  # the actor was killed once
    with connect(url) as con:
        stored = sorted(r[0] for r in con.execute("SELECT input_id FROM documents").fetchall())
        events = sorted(
            r[0]
            for r in con.execute(
                "SELECT event_id FROM events WHERE input_id <> 'killed'"
            ).fetchall()
        )
    assert stored == ["killed", "ok-1", "ok-2", "ok-3"]
    assert events == state(folder)["events"]
    assert [e.status for e in read_manifest(url) if e.shard is None] == ["complete"]


def _jsonl(path: Path, texts: dict[str, str]) -> Path:
    path.write_text(
        "".join(json.dumps({"id": k, "text": t}) + "\n" for k, t in texts.items()),
        encoding="utf-8",
    )
    return path
