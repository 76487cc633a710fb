"""The store: parts through staging, the manifest, the lock, and DuckDB queries."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kipu.errors import StoreError
from kipu.records import Actor, Article, Event, Place, Plover, Quantity, RunReport
from kipu.store import (
    ManifestEntry,
    StoreWriter,
    connect,
    event_to_row,
    query_events,
    row_to_event,
    summary,
)

RUN = "run-1"


def article(doc_id: str, text: str = "Body.") -> Article:
    """A hand-made article."""
    return Article(
        doc_id=doc_id,
        input_id=f"in-{doc_id}",
        url=f"https://example.org/{doc_id}",
        title="Title",
        published="2012-10-07",
        dateline="LIMA",
        byline=None,
        language="en",
        text=text,
    )


def actor(code: str | None, country: str | None, sector: str | None = None) -> Actor:
    """A hand-made actor."""
    return Actor(text=f"the {code}", name=None, code=code, country=country, sector=sector, rule="r")


def event(
    event_id: str,
    doc_id: str,
    *,
    source: Actor | None,
    target: Actor | None,
    cameo: str = "042",
    date: str | None = "2012-10-07",
    sentence_index: int = 0,
    negated: bool = False,
    quantity: Quantity | None = None,
    location: Place | None = None,
    plover: Plover | None = None,
) -> Event:
    """A hand-made event."""
    return Event(
        event_id=event_id,
        doc_id=doc_id,
        input_id=f"in-{doc_id}",
        date=date,
        source=source,
        target=target,
        cameo=cameo,
        root=cameo[:2],
        quad_class=1,
        goldstein=1.9,
        plover=plover or Plover(type="CONSULT", mode="visit", context=None),
        negated=negated,
        modality="actual",
        quantity=quantity,
        location=location,
        sentence="Panetta visited Lima.",
        sentence_index=sentence_index,
        span=(10, 31),
        rule="visit:042",
        confidence=0.8,
    )


USA = actor("USAGOV", "USA", "GOV")
PER = actor("PERGOV", "PER", "GOV")
REB = actor("PERREB", "PER", "REB")
ARTICLES = [article("d1"), article("d2", "Other body.")]
EVENTS = [
    event("e1", "d1", source=USA, target=PER, sentence_index=0),
    event(
        "e2",
        "d1",
        source=None,
        target=REB,
        cameo="190",
        sentence_index=1,
        quantity=Quantity(amount=84e6, currency="USD", unit=None, text="$84 million"),
        location=Place(name="Lima", country="PER", lat=-12.05, lon=-77.04),
        plover=Plover(type=None, mode=None, context=None),
    ),
    event("e3", "d2", source=PER, target=None, cameo="0871", date=None, negated=True),
]


def entry(input_hash: str, n_docs: int = 1) -> ManifestEntry:
    """A manifest entry for one input."""
    return ManifestEntry(
        input_hash=input_hash,
        input_id=f"file-{input_hash}",
        n_documents=n_docs,
        n_events=0,
        run_id=RUN,
        completed="2024-01-01T00:00:00+00:00",
    )


def parts(store: Path) -> list[Path]:
    """The Parquet parts under documents/ and events/."""
    return sorted(store.glob("documents/*.parquet")) + sorted(store.glob("events/*.parquet"))


def test_row_round_trip_is_exact() -> None:
    for e in EVENTS:
        assert row_to_event(event_to_row(e)) == e
    assert event_to_row(EVENTS[1])["source_code"] is None


def test_write_then_query_returns_equal_events(tmp_path: Path) -> None:
    with StoreWriter.open(tmp_path, run_id=RUN) as writer:
        writer.write(ARTICLES, EVENTS, [entry("h1")])
        assert writer.known_doc_ids() == {"d1", "d2"}
    got = query_events(tmp_path)
    # ordered by date (nulls last), doc_id, sentence_index
    assert got == EVENTS
    for want, have in zip(EVENTS, got, strict=True):
        for name in Event.__slots__:
            assert getattr(have, name) == getattr(want, name), name
    names = [p.name for p in parts(tmp_path)]
    assert all(n.startswith(f"{RUN}-00000-") for n in names)
    with connect(tmp_path) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (2,)
        row = con.execute("SELECT run_id, ingested FROM documents LIMIT 1").fetchone()
        assert row is not None and row[0] == RUN and row[1].startswith("20")


def test_writing_the_same_records_twice_keeps_one_of_each(tmp_path: Path) -> None:
    with StoreWriter.open(tmp_path, run_id=RUN) as writer:
        writer.write(ARTICLES, EVENTS)
        before = summary(tmp_path)
        writer.write(ARTICLES, EVENTS)
    with StoreWriter.open(tmp_path, run_id="run-2") as writer:
        writer.write(ARTICLES, EVENTS)
    assert len(parts(tmp_path)) == 6
    assert [e.event_id for e in query_events(tmp_path)] == ["e1", "e2", "e3"]
    assert summary(tmp_path) == before
    with connect(tmp_path) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (2,)
        # the first copy stored wins
        assert con.execute("SELECT DISTINCT run_id FROM events").fetchall() == [(RUN,)]


def test_summary_counts(tmp_path: Path) -> None:
    with StoreWriter.open(tmp_path, run_id=RUN) as writer:
        writer.write(ARTICLES, EVENTS)
        writer.write_report(RunReport(run_id=RUN, command="ingest", kipu_version="0", started="t"))
    s = summary(tmp_path)
    assert (s.n_documents, s.n_events, s.n_negated) == (2, 2, 1)
    assert s.events_by_root == {"04": 1, "19": 1}
    assert s.events_by_plover == {"CONSULT": 1, "none": 1}
    assert s.top_dyads == [("USAGOV", "PERGOV", 1)]
    assert s.n_runs == 1
    assert s.last_run is not None and s.last_run["command"] == "ingest"


def test_empty_store_gives_empty_results(tmp_path: Path) -> None:
    assert query_events(tmp_path) == []
    assert query_events(tmp_path, actor="USA", root="04", limit=3) == []
    s = summary(tmp_path)
    assert (s.n_documents, s.n_events, s.n_negated, s.n_runs) == (0, 0, 0, 0)
    assert s.events_by_root == {} and s.top_dyads == [] and s.last_run is None
    with StoreWriter.open(tmp_path, run_id=RUN):
        pass  # folders exist now, still no parts
    assert query_events(tmp_path) == []
    empty = columns(tmp_path)
    assert empty["events"]["quad_class"] == "TINYINT" and empty["events"]["goldstein"] == "DOUBLE"
    assert empty["events"]["negated"] == "BOOLEAN" and empty["events"]["source_code"] == "VARCHAR"
    with StoreWriter.open(tmp_path, run_id=RUN) as writer:
        writer.write(ARTICLES, EVENTS)
    assert columns(tmp_path) == empty  # same columns and types with parts as without


def columns(store: Path) -> dict[str, dict[str, str]]:
    """Column name -> DuckDB type of the documents and events views."""
    with connect(store) as con:
        return {
            view: dict(
                con.execute(f"SELECT column_name, column_type FROM (DESCRIBE {view})").fetchall()
            )
            for view in ("documents", "events")
        }


def test_missing_store_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no kipu store"):
        query_events(tmp_path / "nope")


def test_actor_root_cameo_and_limit_filters(tmp_path: Path) -> None:
    with StoreWriter.open(tmp_path, run_id=RUN) as writer:
        writer.write(ARTICLES, EVENTS)

    def ids(**kwargs: object) -> list[str]:
        return [e.event_id for e in query_events(tmp_path, **kwargs)]  # type: ignore[arg-type]

    assert ids(actor="USA") == ["e1"]  # country and code prefix
    assert ids(actor="USAGOV") == ["e1"]
    assert ids(actor="PERREB") == ["e2"]
    assert ids(actor="PER") == ["e1", "e2", "e3"]
    assert ids(actor="PERGOV") == ["e1", "e3"]
    assert ids(root="19") == ["e2"]
    assert ids(root="08") == ["e3"]
    assert ids(cameo="087") == ["e3"]
    assert ids(actor="PER", root="04") == ["e1"]
    assert ids(limit=2) == ["e1", "e2"]
    assert ids(actor="FRA") == []
    assert ids(actor="'; DROP TABLE events; --") == []


def test_staging_leftovers_are_removed_on_open(tmp_path: Path) -> None:
    (tmp_path / ".staging").mkdir()
    leftover = tmp_path / ".staging" / "events-crashed.parquet"
    leftover.write_bytes(b"PAR1 half")
    with StoreWriter.open(tmp_path, run_id=RUN):
        assert not leftover.exists()


def test_failed_replace_leaves_no_part_and_a_rerun_succeeds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with StoreWriter.open(tmp_path, run_id=RUN) as writer:
        writer.write(ARTICLES[:1], EVENTS[:1], [entry("h1")])
    before = parts(tmp_path)
    real_replace = os.replace
    calls = []

    def fail_second(src: object, dst: object) -> None:
        calls.append(dst)
        if len(calls) == 2:  # documents part moved, events part fails
            raise OSError("disk full")
        real_replace(src, dst)  # type: ignore[arg-type]

    with StoreWriter.open(tmp_path, run_id="run-2") as writer:
        monkeypatch.setattr(os, "replace", fail_second)
        with pytest.raises(StoreError, match="disk full"):
            writer.write(ARTICLES, EVENTS, [entry("h2")])
        monkeypatch.setattr(os, "replace", real_replace)
        assert parts(tmp_path) == before
        assert list((tmp_path / ".staging").iterdir()) == []
        assert writer.completed_inputs() == {"h1"}
        assert [e.event_id for e in query_events(tmp_path)] == ["e1"]
        writer.write(ARTICLES, EVENTS, [entry("h2")])
    assert query_events(tmp_path) == EVENTS
    assert len(calls) == 2


def test_failed_parquet_write_raises_store_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kipu.store._writer as writer_module

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("no space left on device")

    with StoreWriter.open(tmp_path, run_id=RUN) as writer:
        monkeypatch.setattr(writer_module.pq, "write_table", broken)
        with pytest.raises(StoreError, match="no space left"):
            writer.write(ARTICLES, EVENTS)
        monkeypatch.undo()
        assert parts(tmp_path) == []
        assert list((tmp_path / ".staging").iterdir()) == []
        assert query_events(tmp_path) == []
        writer.write(ARTICLES, EVENTS)
    assert len(query_events(tmp_path)) == 3


def test_records_that_do_not_fit_the_schema_raise_store_error(tmp_path: Path) -> None:
    bad = event("e9", "d1", source=None, target=None, date=None)
    object.__setattr__(bad, "cameo", None)
    with StoreWriter.open(tmp_path, run_id=RUN) as writer, pytest.raises(StoreError):
        writer.write([], [bad])
    assert parts(tmp_path) == []


def test_manifest_round_trip_ignores_a_torn_last_line(tmp_path: Path) -> None:
    with StoreWriter.open(tmp_path, run_id=RUN) as writer:
        assert writer.completed_inputs() == set()
        writer.write([], [], [entry("h1"), entry("h2")])
        assert writer.completed_inputs() == {"h1", "h2"}
    manifest = tmp_path / "manifest.jsonl"
    first = json.loads(manifest.read_text().splitlines()[0])
    assert first["parts"] == [] and len(first["entries"]) == 2
    assert first["entries"][0] == {
        "input_hash": "h1",
        "input_id": "file-h1",
        "n_documents": 1,
        "n_events": 0,
        "run_id": RUN,
        "completed": "2024-01-01T00:00:00+00:00",
        "shard": None,
        "n_rejected": 0,
        "status": "complete",
    }
    with manifest.open("a") as f:
        f.write('{"input_hash": "h3", "inpu')  # a crash mid-append
    with StoreWriter.open(tmp_path, run_id="run-2") as writer:
        assert writer.completed_inputs() == {"h1", "h2"}
        writer.write([], [], [entry("h4")])  # the torn line was cut on open
        assert writer.completed_inputs() == {"h1", "h2", "h4"}
    assert len(manifest.read_text().splitlines()) == 2


def test_a_second_writer_is_refused_while_the_first_holds_the_lock(tmp_path: Path) -> None:
    with StoreWriter.open(tmp_path, run_id=RUN):
        with pytest.raises(StoreError, match=f"process {os.getpid()} "):
            StoreWriter.open(tmp_path, run_id="run-2")
        assert query_events(tmp_path) == []  # readers never take the lock
    with StoreWriter.open(tmp_path, run_id="run-2"):  # released on close
        pass
    assert not (tmp_path / ".lock").exists()


def test_a_stale_lock_is_taken_over(tmp_path: Path) -> None:
    (tmp_path / ".lock").write_text(json.dumps({"pid": 999999999, "started": "long ago"}))
    with StoreWriter.open(tmp_path, run_id=RUN) as writer:
        holder = json.loads((tmp_path / ".lock").read_text())
        assert holder["pid"] == os.getpid()
        writer.write(ARTICLES, EVENTS)
    assert not (tmp_path / ".lock").exists()


def test_a_closed_writer_refuses_to_write(tmp_path: Path) -> None:
    writer = StoreWriter.open(tmp_path, run_id=RUN)
    writer.close()
    with pytest.raises(StoreError, match="closed"):
        writer.write(ARTICLES, EVENTS)


def test_bad_run_id_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="bad run id"):
        StoreWriter.open(tmp_path, run_id="../escape")


def test_write_report_is_json_named_by_run(tmp_path: Path) -> None:
    report = RunReport(run_id=RUN, command="ingest", kipu_version="0.1.0", started="t", n_events=3)
    with StoreWriter.open(tmp_path, run_id=RUN) as writer:
        path = writer.write_report(report)
    assert path == tmp_path / "runs" / f"{RUN}.json"
    assert json.loads(path.read_text())["n_events"] == 3


def test_a_folder_name_with_quotes_works(tmp_path: Path) -> None:
    store = tmp_path / 'it\'s a "store" [1] *'
    with StoreWriter.open(store, run_id=RUN) as writer:
        writer.write(ARTICLES, EVENTS)
        assert writer.known_doc_ids() == {"d1", "d2"}
    assert query_events(store) == EVENTS
    assert summary(store).n_documents == 2


def test_the_lock_of_a_killed_writer_process_is_taken_over(tmp_path: Path) -> None:
    code = (
        "import sys, time; from kipu.store import StoreWriter; "
        "w = StoreWriter.open(sys.argv[1], run_id='other'); print('ready', flush=True); "
        "time.sleep(60)"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match=f"process {child.pid} "):
            StoreWriter.open(tmp_path, run_id=RUN)
    finally:
        child.kill()
        child.wait()
    with StoreWriter.open(tmp_path, run_id=RUN) as writer:
        writer.write(ARTICLES, EVENTS)


def test_section_and_modified_are_stored_and_old_parts_read_as_null(tmp_path: Path) -> None:
    import dataclasses

    import pyarrow.parquet as pq

    from kipu.store import row_to_article
    from kipu.store._schema import article_to_row

    new = dataclasses.replace(article("d1"), section="World", modified="2012-10-08")
    assert row_to_article(article_to_row(new, ingested="t", run_id=RUN)) == new
    with StoreWriter.open(tmp_path, run_id=RUN) as writer:
        writer.write([new], [])
    with StoreWriter.open(tmp_path, run_id="run-2") as writer:
        writer.write([article("d2", "Other body.")], [])
    # d2's part as a store written before the columns existed would hold it.
    [old] = [p for p in tmp_path.glob("documents/*.parquet") if p.name.startswith("run-2")]
    table = pq.read_table(old)
    pq.write_table(table.drop_columns(["section", "modified"]), old)
    with connect(tmp_path) as con:
        rows = con.execute("SELECT doc_id, section, modified FROM documents ORDER BY doc_id")
        assert rows.fetchall() == [("d1", "World", "2012-10-08"), ("d2", None, None)]


@pytest.mark.issue(13)
def test_captions_are_stored_and_old_parts_read_as_empty(tmp_path: Path) -> None:
    import dataclasses

    import pyarrow.parquet as pq

    from kipu.store import row_to_article
    from kipu.store._schema import article_to_row

    caption = "Pilots steer a cargo ship past the breakwater in Port Alder on Monday."
    new = dataclasses.replace(article("d1"), captions=(caption,))
    assert row_to_article(article_to_row(new, ingested="t", run_id=RUN)) == new
    with StoreWriter.open(tmp_path, run_id=RUN) as writer:
        writer.write([new], [])
    with StoreWriter.open(tmp_path, run_id="run-2") as writer:
        writer.write([article("d2", "Other body.")], [])
    # d2's part as a store written before the column existed would hold it.
    [old] = [p for p in tmp_path.glob("documents/*.parquet") if p.name.startswith("run-2")]
    pq.write_table(pq.read_table(old).drop_columns(["captions"]), old)
    with connect(tmp_path) as con:
        rows = con.execute("SELECT doc_id, captions FROM documents ORDER BY doc_id").fetchall()
        assert rows == [("d1", [caption]), ("d2", None)]
        row = con.execute("SELECT * FROM documents WHERE doc_id = 'd2'").fetchone()
        names = [d[0] for d in con.description]
    assert row_to_article(dict(zip(names, row, strict=True))).captions == ()
