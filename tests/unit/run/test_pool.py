"""Shards cut into pieces for workers: the same rows whatever the number of workers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kipu.errors import ModelError
from kipu.records import Document, Rejected
from kipu.run import Budget, IngestOptions, PipelineOptions, ingest, new_report
from kipu.run._shard import PIECE_CHARS, PIECE_DOCUMENTS, Shard, ShardJob, pieces
from kipu.store import connect, read_manifest
from tests.unit.run.test_ingest import state, write_corpus


def _job(sizes: list[int]) -> ShardJob:
    documents = tuple(
        Document(input_id=f"d{i}", kind="text", content="x" * size) for i, size in enumerate(sizes)
    )
    rejected = (Rejected(item_id="bad", stage="sources", reason="bad_json"),)
    shard = Shard(input_id="in", input_hash="h", index=3, documents=documents, rejected=rejected)
    return ShardJob(shard=shard, options=PipelineOptions(), budget=Budget())


def test_pieces_are_bounded_in_documents_and_characters_and_join_back() -> None:
    long = PIECE_CHARS + 1
    sizes = [100] * (PIECE_DOCUMENTS + 3) + [long, 100, PIECE_CHARS // 2, PIECE_CHARS // 2]
    job = _job(sizes)
    cut = pieces(job)
    ids = [[d.input_id for d in p.shard.documents] for p in cut]
    assert [d for piece in ids for d in piece] == [d.input_id for d in job.shard.documents]
    assert [len(p) for p in ids] == [PIECE_DOCUMENTS, 3, 1, 2, 1]
    for piece in cut:
        size = sum(len(d.content) for d in piece.shard.documents)
        assert len(piece.shard.documents) == 1 or size <= PIECE_CHARS
        assert (piece.shard.index, piece.shard.input_hash) == (3, "h")
    assert [len(p.shard.rejected) for p in cut] == [1, 0, 0, 0, 0]


def _manifest(store: Path) -> list[tuple[object, ...]]:
    """The manifest's entries in commit order, without run ids and times."""
    return [
        (e.input_hash, e.shard, e.n_documents, e.n_events, e.n_rejected, e.status)
        for e in read_manifest(store)
    ]


# A program that starts an ingest with no `if __name__ == "__main__"` guard, as some
# installers write console scripts: spawned workers must not run it again.
_SCRIPT = """
import sys
from kipu.run import IngestOptions, PipelineOptions, ingest, new_report
print("script ran", flush=True)
settings = IngestOptions(coder="fake", workers=int(sys.argv[3]), shard_documents=40)
ingest([sys.argv[1]], sys.argv[2], PipelineOptions(), new_report("ingest"),
       on_reject=lambda r: None, settings=settings)
"""


def _stored(store: Path) -> tuple[object, ...]:
    with connect(store) as con:
        rejected = sorted(con.execute("SELECT item_id, reason FROM rejected").fetchall())
    return state(store), _manifest(store), rejected


def test_two_workers_store_exactly_the_rows_of_one(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 90)
    with corpus.open("a", encoding="utf-8") as f:
        long = " ".join(
            f"Envoys of Genovia met officials of Elbonia on day {i}." for i in range(1200)
        )
        f.write("{not json\n" + json.dumps({"id": "long", "text": long}) + "\n")
    one = tmp_path / "w1"
    settings = IngestOptions(coder="fake", shard_documents=40)
    ingest(
        [str(corpus)],
        one,
        PipelineOptions(),
        new_report("ingest"),
        on_reject=lambda r: None,
        settings=settings,
    )
    script = tmp_path / "script.py"
    script.write_text(_SCRIPT, encoding="utf-8")
    two = tmp_path / "w2"
    done = subprocess.run(
        [sys.executable, str(script), str(corpus), str(two), "2"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.count("script ran") == 1
    assert _stored(two) == _stored(one)
    assert len(state(one)["documents"]) == 91  # type: ignore[arg-type]


def test_workers_are_not_started_for_a_model_that_is_not_installed(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 3)
    options = PipelineOptions(model="no_such_pipeline_xyz")
    with pytest.raises(ModelError, match="no_such_pipeline_xyz"):
        ingest(
            [str(corpus)],
            tmp_path / "store",
            options,
            new_report("ingest"),
            on_reject=lambda r: None,
            settings=IngestOptions(workers=2),
        )
