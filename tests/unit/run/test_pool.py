"""Shards cut into pieces for workers: the same rows whatever the number of workers."""

from __future__ import annotations

import json
from pathlib import Path

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


def test_two_workers_store_exactly_the_rows_of_one(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 90)
    with corpus.open("a", encoding="utf-8") as f:
        long = " ".join(
            f"Envoys of Genovia met officials of Elbonia on day {i}." for i in range(1200)
        )
        f.write("{not json\n" + json.dumps({"id": "long", "text": long}) + "\n")
    stores = {}
    for workers in (1, 2):
        store = tmp_path / f"w{workers}"
        settings = IngestOptions(coder="fake", workers=workers, shard_documents=40)
        report = new_report("ingest")
        ingest(
            [str(corpus)],
            store,
            PipelineOptions(),
            report,
            on_reject=lambda r: None,
            settings=settings,
        )
        with connect(store) as con:
            rejected = con.execute("SELECT item_id, reason FROM rejected").fetchall()
        stores[workers] = (state(store), _manifest(store), sorted(rejected), report.n_events)
    assert stores[1] == stores[2]
    assert len(stores[1][0]["documents"]) == 91  # type: ignore[index]
