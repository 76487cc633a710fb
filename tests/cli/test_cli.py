"""The `kipu` command end to end, in-process (typer's CliRunner)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kipu.cli import app

pytestmark = pytest.mark.model

ARTICLE = """Daily Planet

World | Americas

Chile and Argentina sign border accord

March 3, 2024 - 09:15AM

SANTIAGO — Chilean Foreign Minister Ana Ruiz met with Argentine officials in Santiago on Monday to settle a long dispute over glacier boundaries.

The two governments signed an agreement on Tuesday that sets a joint commission to map the ice fields.

Chile praised Argentina for its patience during the talks, Ruiz said.

Share this article

Sign up for our newsletter.

© 2024 Daily Planet. All rights reserved.
"""


def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def test_code_streams_event_contract(corpus: Path) -> None:
    result = runner().invoke(app, ["code", str(corpus / "a.txt")])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.stdout.splitlines() if x.strip()]
    assert lines
    fields = {
        "event_id",
        "doc_id",
        "input_id",
        "date",
        "source",
        "target",
        "cameo",
        "root",
        "quad_class",
        "goldstein",
        "plover",
        "negated",
        "modality",
        "quantity",
        "location",
        "sentence",
        "sentence_index",
        "span",
        "rule",
        "confidence",
    }
    for event in lines:
        assert fields <= set(event)
        assert event["input_id"].endswith("a.txt")
        # the sentence's own day ("on Monday") before the page's date, never after it
        assert "2024-02-25" <= event["date"] <= "2024-03-03"
    assert any(e["root"] == "04" for e in lines)


def test_extract_streams_articles(corpus: Path) -> None:
    result = runner().invoke(app, ["extract", str(corpus)])
    assert result.exit_code == 0, result.output
    [article] = [json.loads(x) for x in result.stdout.splitlines() if x.strip()]
    assert article["title"] == "Chile and Argentina sign border accord"
    assert article["published"] == "2024-03-03"
    assert article["dateline"] == "SANTIAGO"
    assert "Sign up" not in article["text"] and "rights reserved" not in article["text"]
    assert {"doc_id", "input_id", "url", "byline", "language"} <= set(article)


def test_code_reads_stdin() -> None:
    result = runner().invoke(
        app,
        ["code", "-", "--date", "2024-01-02"],
        input="Chile praised Argentina for its help in the rescue.\n",
    )
    assert result.exit_code == 0, result.output
    events = [json.loads(x) for x in result.stdout.splitlines() if x.strip()]
    assert events and events[0]["input_id"] == "-" and events[0]["date"] == "2024-01-02"


def test_ingest_twice_stores_once_and_events_query(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = runner().invoke(app, ["ingest", str(corpus), "--store", str(store)])
    assert first.exit_code == 0, first.output
    copy = tmp_path / "copy"
    copy.mkdir()
    # The same article in another page (other furniture): a new input, a duplicate document.
    (copy / "b.txt").write_text("Breaking news\n\n" + ARTICLE, encoding="utf-8")
    second = runner().invoke(
        app, ["ingest", str(corpus), str(copy), "--store", str(store), "--json"]
    )
    assert second.exit_code == 0, second.output
    report = json.loads(second.stdout)
    assert report["n_inputs_skipped"] == 1 and report["n_duplicate"] == 1 and report["n_new"] == 0
    assert len(list((store / "runs").glob("*.json"))) == 2
    out = runner().invoke(app, ["events", "--store", str(store), "--json"])
    events = [json.loads(x) for x in out.stdout.splitlines() if x.strip()]
    assert len(events) == len({e["event_id"] for e in events}) > 0
    chile = runner().invoke(
        app, ["events", "--store", str(store), "--actor", "CHL", "--root", "04", "--json"]
    )
    assert all(e["root"] == "04" for e in map(json.loads, chile.stdout.splitlines()))


def _bad_inputs(folder: Path) -> dict[str, str]:
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "cp1252.txt").write_bytes(
        "Lima \x96 Peru\x92s government criticized Chile on Monday, officials said.\n".encode(
            "latin-1"
        )
    )
    good = gzip.compress(ARTICLE.encode("utf-8"))
    (folder / "truncated.txt.gz").write_bytes(good[: len(good) // 2])
    (folder / "lines.jsonl").write_text(
        '{"id": "ok-1", "text": "Brazil praised Argentina for its help.", "date": "2024-02-02"}\n'
        "this is not json\n",
        encoding="utf-8",
    )
    return {
        "binary.txt": "binary",
        "empty.txt": "empty",
        "truncated.txt.gz": "gzip",
        "lines.jsonl:2": "bad_json",
        "cp1252.txt": "cp1252",
    }


def test_bad_input_is_one_line_each_counted_and_run_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    expected = _bad_inputs(folder)
    store = tmp_path / "store"
    result = runner().invoke(app, ["ingest", str(folder), "--store", str(store), "--json"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    messages = [m for m in result.stderr.splitlines() if m.startswith("kipu: ")]
    for name, reason in expected.items():
        lines = [m for m in messages if name in m]
        assert len(lines) == 1, (name, messages)
        assert reason in lines[0].replace("decoded cp1252", "cp1252"), lines
    report = json.loads(result.stdout)
    assert report["rejected"].get("sources:binary") == 1
    assert report["rejected"].get("sources:empty") == 1
    assert report["rejected"].get("sources:bad_json") == 1
    assert any("gzip" in k for k in report["rejected"])
    assert report["warnings"].get("decoded_cp1252") == 1
    [saved] = (store / "runs").glob("*.json")
    assert json.loads(saved.read_text())["n_rejected"] == report["n_rejected"] == 4


def test_nothing_processable_exits_1(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner().invoke(
        app, ["code", str(tmp_path / "empty.txt"), str(tmp_path / "nope.html")]
    )
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "nope.html" in result.stderr


def test_usage_error_exits_2() -> None:
    result = runner().invoke(app, ["code", "x.txt", "--date", "yesterday-ish"])
    assert result.exit_code == 2
