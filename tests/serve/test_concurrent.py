"""The API reads while a writer commits: it sees whole commits only, never blocks the writer,
and survives compaction replacing the parts it had loaded."""

from __future__ import annotations

import threading
from pathlib import Path

from fastapi.testclient import TestClient

from kipu.api import create_app
from kipu.ids import make_doc_id
from kipu.records import Article
from kipu.run._fake import fake_code
from kipu.store import StoreWriter, compact

COMMITS = 15
PER_COMMIT = 4  # documents of one sentence each: one event each


def articles(commit: int) -> list[Article]:
    out = []
    for i in range(PER_COMMIT):
        text = f"Ruritania met Freedonia over matter {commit}-{i}"
        out.append(
            Article(
                doc_id=make_doc_id(text),
                input_id=f"in-{commit}",
                url=None,
                title=None,
                published="2024-01-01",
                dateline=None,
                byline=None,
                language="en",
                text=text,
            )
        )
    return out


def test_reads_see_whole_commits_while_a_writer_writes(tmp_path: Path) -> None:
    store = tmp_path / "store"
    StoreWriter.open(store, run_id="init").close()
    client = TestClient(create_app(store, allowed_hosts=("testserver",)))
    seen: list[int] = []
    errors: list[BaseException] = []
    done = threading.Event()

    def write() -> None:
        try:
            with StoreWriter.open(store, run_id="live") as writer:
                for commit in range(COMMITS):
                    coded = list(fake_code(articles(commit)))
                    writer.write([a for a, _ in coded], [e for _, es in coded for e in es])
        except BaseException as e:  # noqa: BLE001 - reported by the test
            errors.append(e)
        finally:
            done.set()

    writer = threading.Thread(target=write)
    writer.start()
    while not done.is_set():
        r = client.get("/api/summary")
        assert r.status_code == 200
        seen.append(r.json()["n_events"])
    writer.join()
    assert not errors
    final = client.get("/api/summary").json()
    assert final["n_events"] == final["n_documents"] == COMMITS * PER_COMMIT
    assert seen == sorted(seen)  # never goes back
    assert all(n % PER_COMMIT == 0 for n in seen)  # whole commits only

    before = client.get("/api/events?limit=1000").json()["events"]
    result = compact(store, run_id="compact")
    assert result.parts_after < result.parts_before
    after = client.get("/api/events?limit=1000").json()["events"]
    assert after == before
    one = after[0]
    doc = client.get(f"/api/documents/{one['doc_id']}").json()  # its text from the new part
    assert doc["text"].startswith("Ruritania met Freedonia")
