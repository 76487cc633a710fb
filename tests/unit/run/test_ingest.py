"""Ingest at scale: kill -9 and rerun converges, write errors, budgets, near-duplicates."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from kipu.errors import StoreError
from kipu.records import Rejected
from kipu.run import Budget, IngestOptions, PipelineOptions, ingest, new_report
from kipu.store import connect, doctor

NAMES = ("Ruritania", "Freedonia", "Sylvania", "Latveria", "Genovia", "Elbonia")


def write_corpus(path: Path, n: int, *, seed: int = 7) -> Path:
    """``n`` short JSONL documents of our own invented sentences."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            a, b = rng.sample(NAMES, 2)
            text = (
                f"Envoys of {a} met officials of {b} in round {i}. "
                f"They discussed grain quota number {rng.randrange(10**9)}."
            )
            record = {"id": f"doc-{i}", "text": text, "date": f"2024-03-{1 + i % 28:02d}"}
            f.write(json.dumps(record) + "\n")
    return path


def run(corpus: list[str], store: Path, **settings: object) -> object:
    """One in-process ingest with the fake coder."""
    options = IngestOptions(coder="fake", **settings)  # type: ignore[arg-type]
    report = new_report("ingest")
    rejected: list[Rejected] = []
    ingest(corpus, store, PipelineOptions(), report, on_reject=rejected.append, settings=options)
    return report


def state(store: Path) -> dict[str, object]:
    """What a store holds, as a reader sees it, plus the physical rows of committed parts."""
    with connect(store) as con:
        events = sorted(r[0] for r in con.execute("SELECT event_id FROM events").fetchall())
        docs = sorted(r[0] for r in con.execute("SELECT doc_id FROM documents").fetchall())
    from kipu.store._writer import list_parts

    rows = sum(pq.read_metadata(p).num_rows for p in list_parts(store, "events"))
    return {"events": events, "documents": docs, "event_rows": rows}


_CHILD = """
import sys
from kipu.run import IngestOptions, PipelineOptions, ingest, new_report
ingest([sys.argv[1]], sys.argv[2], PipelineOptions(), new_report("ingest"),
       on_reject=lambda r: None, settings=IngestOptions(coder="fake", shard_documents=20))
"""


def _commits(store: Path) -> int:
    try:
        return (store / "manifest.jsonl").read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def kill_during_ingest(corpus: Path, store: Path, rng: random.Random) -> None:
    """Start an ingest in a child process and kill -9 it at a seeded moment after it commits."""
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(corpus), str(store)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while _commits(store) < 2 and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(rng.uniform(0.0, 0.3))
    child.send_signal(signal.SIGKILL)
    child.wait()


@pytest.mark.parametrize("seed", [1, pytest.param(2, marks=pytest.mark.slow)])
def test_kill_9_then_rerun_equals_one_clean_run(tmp_path: Path, seed: int) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 300)
    clean = tmp_path / "clean"
    run([str(corpus)], clean, shard_documents=20)
    store = tmp_path / "killed"
    kill_during_ingest(corpus, store, random.Random(seed))
    run([str(corpus)], store, shard_documents=20)
    assert state(store) == state(clean)
    assert [p.kind for p in doctor(store)] == []


@pytest.mark.slow
def test_many_kills_on_a_few_thousand_documents(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 3000)
    clean = tmp_path / "clean"
    run([str(corpus)], clean, shard_documents=20)
    store = tmp_path / "killed"
    rng = random.Random(42)
    for _ in range(5):
        kill_during_ingest(corpus, store, rng)
    run([str(corpus)], store, shard_documents=20)
    assert state(store) == state(clean)


def test_rerun_of_a_complete_store_changes_nothing(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 60)
    store = tmp_path / "store"
    run([str(corpus)], store, shard_documents=20)
    before = state(store)
    report = run([str(corpus)], store, shard_documents=20)
    assert report.n_inputs_skipped == 1 and report.n_new == 0  # type: ignore[attr-defined]
    assert state(store) == before


def test_disk_full_during_a_write_leaves_a_readable_store_and_a_rerun_completes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kipu.store._writer as writer_module

    corpus = write_corpus(tmp_path / "corpus.jsonl", 100)
    clean = tmp_path / "clean"
    run([str(corpus)], clean, shard_documents=10)
    store = tmp_path / "store"
    real = writer_module.pq.write_table
    calls = []

    def full(*args: object, **kwargs: object) -> None:
        calls.append(1)
        if len(calls) == 7:
            raise OSError(28, "No space left on device")
        real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(writer_module.pq, "write_table", full)
    with pytest.raises(StoreError, match="No space left"):
        run([str(corpus)], store, shard_documents=10)
    monkeypatch.undo()
    partial = state(store)
    assert 0 < len(partial["documents"]) < 100  # type: ignore[arg-type]
    assert [p.kind for p in doctor(store)] == []
    run([str(corpus)], store, shard_documents=10)
    assert state(store) == state(clean)


def test_every_document_ends_stored_or_rejected_with_a_reason(tmp_path: Path) -> None:
    corpus = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"id": "ok", "text": "Envoys of Genovia met officials of Elbonia today."}),
        "{not json",
        json.dumps({"id": "huge", "text": "word " * 5000}),
        json.dumps({"id": "spin", "text": "Envoys fakespin met officials of Elbonia."}),
    ]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = tmp_path / "store"
    report = run([str(corpus)], store, budget=Budget(doc_seconds=0.5, doc_chars=10_000))
    assert report.rejected == {  # type: ignore[attr-defined]
        "sources:bad_json": 1,
        "budget:too_large": 1,
        "budget:timeout": 1,
    }
    with connect(store) as con:
        rows = con.execute("SELECT item_id, reason FROM rejected ORDER BY item_id").fetchall()
        assert {r[1] for r in rows} == {"bad_json", "too_large", "timeout"}
        assert con.execute("SELECT input_id FROM documents").fetchall() == [("ok",)]
    from kipu.store import read_manifest

    done = [e for e in read_manifest(store) if e.shard is None]
    assert [(e.status, e.n_documents, e.n_rejected) for e in done] == [("complete", 3, 3)]


@pytest.mark.slow  # starts three pools of spawned workers
def test_a_hung_worker_is_replaced_and_its_document_rejected(tmp_path: Path) -> None:
    corpus = tmp_path / "hang.jsonl"
    texts = [
        "Envoys of Genovia met officials of Elbonia.",
        "Envoys fakehang met nobody.",
        "Envoys of Sylvania met officials of Latveria.",
    ]
    corpus.write_text(
        "".join(json.dumps({"id": f"h{i}", "text": t}) + "\n" for i, t in enumerate(texts)),
        encoding="utf-8",
    )
    store = tmp_path / "store"
    report = run(
        [str(corpus)],
        store,
        workers=2,
        shard_documents=3,
        budget=Budget(doc_seconds=0.5),
        worker_grace_seconds=10.0,
    )
    assert report.rejected == {"budget:hung": 1}  # type: ignore[attr-defined]
    assert report.n_new == 2  # type: ignore[attr-defined]


def test_a_near_duplicate_keeps_dup_of_and_its_events_count_as_mentions(tmp_path: Path) -> None:
    base = " ".join(
        f"Envoys of Genovia met officials of Elbonia about quota {i}." for i in range(30)
    )
    copy = base.replace("quota 7.", "quota 7 again.")
    other = " ".join(f"Ships of Sylvania left the port of Latveria at hour {i}." for i in range(30))
    corpus = tmp_path / "wire.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"id": i, "text": t, "date": "2024-05-01", "url": f"https://{i}.example/x"})
            + "\n"
            for i, t in (("orig", base), ("copy", copy), ("other", other))
        ),
        encoding="utf-8",
    )
    store = tmp_path / "store"
    report = run([str(corpus)], store)
    assert report.n_near_duplicate == 1
    with connect(store) as con:
        dup = con.execute("SELECT d.doc_id, d.dup_of FROM duplicates d").fetchall()
        ids = dict(con.execute("SELECT input_id, doc_id FROM documents").fetchall())
        assert dup == [(ids["copy"], ids["orig"])]
        assert con.execute(
            "SELECT count(*) FROM events WHERE doc_id = ?", [ids["copy"]]
        ).fetchall() == [(0,)]
        # the fake coder gives every sentence the same dyad, code and date: one cluster
        clusters = con.execute("SELECT num_mentions, num_articles FROM clusters").fetchall()
    n_events = base.count(". ") + 1 + other.count(". ") + 1
    n_copy_mentions = copy.count(". ") + 1
    assert clusters == [(n_events + n_copy_mentions, 3)]


def test_the_threshold_zero_turns_near_duplicates_off(tmp_path: Path) -> None:
    text = "Envoys of Genovia met officials of Elbonia about the quota in the spring."
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"id": "a", "text": text})
        + "\n"
        + json.dumps({"id": "b", "text": text + " Again."})
        + "\n",
        encoding="utf-8",
    )
    report = run([str(corpus)], tmp_path / "s", near_duplicate_threshold=None)
    assert report.warnings == {} and report.n_new == 2  # type: ignore[attr-defined]


@pytest.mark.model
@pytest.mark.issue(15)
def test_the_coding_path_freezes_what_it_loaded_once_per_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gc

    from kipu.actors import load_dictionaries
    from kipu.run import _heap
    from kipu.run._pipeline import code_articles
    from tests.helpers import article

    monkeypatch.setattr(_heap, "_settled", False)
    gc.unfreeze()
    gc.set_threshold(700, *gc.get_threshold()[1:])  # Python's own
    text = "Ruritania's foreign minister met officials in Lisbon on Monday to discuss trade."
    list(code_articles([article(text)], PipelineOptions()))
    frozen = gc.get_freeze_count()
    tables = load_dictionaries()
    assert frozen > 0
    assert not any(o is tables for o in gc.get_objects())  # out of the collector's walks
    list(code_articles([article(text)], PipelineOptions()))
    assert gc.get_freeze_count() == frozen  # once: later garbage is collected as before
    assert gc.get_threshold()[0] >= _heap.YOUNG
