"""The optional write endpoint: only with --allow-writes, only with the bearer token, bodies
capped; a posted document goes through the ingest like any input."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from kipu.api import create_app
from kipu.cli import app as cli
from kipu.errors import StoreError
from kipu.store import StoreWriter
from tests.serve.conftest import write_store

TOKEN = "a-long-enough-test-token-0123456789"
DOC = {"text": "Ruritania met Freedonia. Freedonia thanked Ruritania.", "date": "2024-06-01"}


@pytest.fixture()
def store(tmp_path: Path) -> Path:
    return write_store(tmp_path / "store")


@pytest.fixture()
def writes(store: Path) -> Iterator[TestClient]:
    app = create_app(
        store,
        allow_writes=True,
        token=TOKEN,
        allowed_hosts=("testserver",),
        coder="fake",
        max_body=4096,
    )
    with TestClient(app) as c:
        yield c


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"authorization": f"Bearer {token}"}


def test_read_only_by_default(client: Any) -> None:
    assert client.post("/api/documents", json=DOC).status_code == 405
    assert client.delete("/api/events").status_code == 405


def test_writes_need_the_token(writes: TestClient) -> None:
    for headers in (
        {},
        auth("wrong-token-wrong-token-00000000"),
        {"authorization": TOKEN},
        {"authorization": f"Basic {TOKEN}"},
    ):
        r = writes.post("/api/documents", json=DOC, headers=headers)
        assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
        assert TOKEN not in r.text
    assert writes.get("/api/summary").json()["n_documents"] == 3
    schema = writes.get("/openapi.json").json()
    assert "post" in schema["paths"]["/api/documents"]
    assert "HTTPBearer" in schema["components"]["securitySchemes"]


def test_a_posted_document_is_ingested_once(
    writes: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    r = writes.post("/api/documents", json=DOC, headers=auth())
    assert r.status_code == 201
    assert r.json() == {"status": "stored", "n_documents": 1, "n_events": 2, "rejected": {}}
    summary = writes.get("/api/summary").json()
    assert (summary["n_documents"], summary["n_events"], summary["writes"]) == (4, 8, True)
    found = writes.get("/api/events?source=RUR&date_from=2024-06-01").json()["events"]
    assert sorted(e["sentence"] for e in found) == [
        "Freedonia thanked Ruritania.",
        "Ruritania met Freedonia",
    ]
    again = writes.post("/api/documents", json=DOC, headers=auth())
    assert again.status_code == 200 and again.json()["status"] == "already_stored"
    empty = writes.post("/api/documents", json={"text": "   "}, headers=auth())
    assert empty.status_code == 200 and empty.json()["status"] == "rejected"
    assert writes.get("/api/summary").json()["n_documents"] == 4
    assert TOKEN not in caplog.text


def test_bad_bodies_are_refused(writes: TestClient) -> None:
    too_big = {"text": "word " * 2000}
    r = writes.post("/api/documents", json=too_big, headers=auth())
    assert r.status_code == 413 and r.json()["error"] == "request body too large"

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while read
        yield b'{"text": "'
        for _ in range(100):
            yield b"x" * 100
        yield b'"}'

    r = writes.post(
        "/api/documents", content=chunks(), headers={**auth(), "content-type": "application/json"}
    )
    assert r.status_code == 413
    r = writes.post("/api/documents", json={**DOC, "extra": "<b>x</b>"}, headers=auth())
    assert r.status_code == 422 and "<b>" not in r.text and "extra" not in r.text
    assert writes.post("/api/documents", json={"text": ""}, headers=auth()).status_code == 422
    assert writes.get("/api/summary").json()["n_documents"] == 3


def test_a_store_another_writer_holds_answers_409(writes: TestClient, store: Path) -> None:
    with StoreWriter.open(store, run_id="other"):
        r = writes.post("/api/documents", json=DOC, headers=auth())
    assert r.status_code == 409 and r.json()["error"] == "another process is writing the store"


def test_writes_without_a_token_are_refused(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(StoreError):
        create_app(store, allow_writes=True)
    monkeypatch.delenv("KIPU_API_TOKEN", raising=False)
    runner = CliRunner()
    out = runner.invoke(cli, ["serve", "--store", str(store), "--allow-writes"])
    assert out.exit_code == 1 and "needs a token" in out.stderr
    short = tmp_path / "token"
    short.write_text("short\n")
    out = runner.invoke(
        cli, ["serve", "--store", str(store), "--allow-writes", "--token-file", str(short)]
    )
    assert (
        out.exit_code == 1
        and "at least 16 characters" in out.stderr
        and "short" not in out.stderr.split("characters")[1]
    )
    out = runner.invoke(cli, ["serve", "--store", str(tmp_path / "none")])
    assert out.exit_code == 1 and "no kipu store" in out.stderr
