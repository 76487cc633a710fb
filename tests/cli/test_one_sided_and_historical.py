"""Events with no named perpetrator (``one_sided``) and events dated well before their article
(``historical``): stored, filtered, exported with an empty source side."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from kipu.cli import app
from kipu.records import Actor, Article, Event, Plover
from kipu.store import EventQuery, StoreWriter, connect, query_events
from kipu.store._export import GDELT_COLUMNS
from kipu.store._schema import event_to_row, row_to_event

NGO = Actor(text="two aid workers", name=None, code="NGO", country=None, sector="NGO", rule="r")
KEN = Actor(text="Kenya", name=None, code="KEN", country="KEN", sector=None, rule="r")
KENCOP = Actor(
    text="Kenyan police", name=None, code="KENCOP", country="KEN", sector="COP", rule="r"
)


def event(i: int, source: Actor | None, target: Actor | None, **kw: object) -> Event:
    fields: dict[str, object] = {
        "event_id": f"{i:016x}",
        "doc_id": "d1",
        "input_id": "in-d1",
        "date": "2024-05-02",
        "source": source,
        "target": target,
        "cameo": "181",
        "root": "18",
        "quad_class": 4,
        "goldstein": -9.0,
        "plover": Plover(type="ASSAULT", mode=None, context=None),
        "negated": False,
        "modality": "actual",
        "quantity": None,
        "location": None,
        "sentence": f"Sentence {i}.",
        "sentence_index": i,
        "span": (0, 12),
        "rule": "r",
        "confidence": 0.6,
    }
    fields.update(kw)
    return Event(**fields)  # type: ignore[arg-type]


ABDUCTED = event(1, None, NGO, one_sided=True)  # "two aid workers were abducted"
ARRESTED = event(2, KENCOP, NGO, cameo="173", root="17", one_sided=True)  # "arrested in Kenya"
OLD_WAR = event(3, KEN, None, cameo="190", root="19", date="1998-01-01", historical=True)
MEETING = event(4, KEN, NGO, cameo="043", root="04", quad_class=1, goldstein=2.8)
EVENTS = [ABDUCTED, ARRESTED, OLD_WAR, MEETING]


@pytest.fixture()
def store(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    article = Article(
        doc_id="d1",
        input_id="in-d1",
        url="https://news.example/a",
        title="T",
        published="2024-05-02",
        dateline=None,
        byline=None,
        language="en",
        text="Body.",
    )
    with StoreWriter.open(path, run_id="r1") as writer:
        writer.write([article], EVENTS)
    return path


def invoke(*args: str) -> object:
    return CliRunner().invoke(app, list(args))


def test_markers_survive_a_row_round_trip() -> None:
    for e in EVENTS:
        assert row_to_event(event_to_row(e, run_id="r")) == e


def test_markers_are_stored_and_queried(store: Path) -> None:
    by_id = {e.event_id: e for e in query_events(store)}
    assert by_id[ABDUCTED.event_id].one_sided and by_id[ABDUCTED.event_id].source is None
    assert by_id[OLD_WAR.event_id].historical and not by_id[MEETING.event_id].one_sided


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        ([], {ABDUCTED, ARRESTED, OLD_WAR, MEETING}),
        (["--no-one-sided"], {OLD_WAR, MEETING}),
        (["--no-historical"], {ABDUCTED, ARRESTED, MEETING}),
        (["--no-one-sided", "--no-historical"], {MEETING}),
    ],
)
def test_events_filters_leave_out_the_marked_events(
    store: Path, flags: list[str], expected: set[Event]
) -> None:
    result = invoke("events", "--store", str(store), "--json", *flags)
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    got = {json.loads(x)["event_id"] for x in result.stdout.splitlines()}  # type: ignore[attr-defined]
    assert got == {e.event_id for e in expected}


def test_parts_written_before_the_markers_read_as_false(store: Path) -> None:
    for part in store.glob("events/*.parquet"):
        table = pq.read_table(part)
        pq.write_table(table.drop_columns(["one_sided", "historical"]), part)
    assert not any(e.one_sided or e.historical for e in query_events(store))
    kept = query_events(store, query=EventQuery(include_one_sided=False, include_historical=False))
    assert len(kept) == len(EVENTS)  # nothing is marked in an old part
    with connect(store) as con:
        assert con.execute("SELECT count(*) FROM events WHERE one_sided").fetchall() == [(0,)]


def test_gdelt_export_leaves_the_empty_source_blank(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    result = invoke("export", "--store", str(store), "--format", "gdelt", "-o", str(out))
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert all(len(r) == GDELT_COLUMNS for r in rows)
    abduction = next(r for r in rows if r[26] == "181")
    assert abduction[5:15] == [""] * 10  # Actor1: no perpetrator named
    assert abduction[15] == "NGO"  # Actor2Code: the victims


def test_plover_export_marks_one_sided_events(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.jsonl"
    invoke("export", "--store", str(store), "--format", "plover", "-o", str(out))
    rows = {r["cameo"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert rows["181"]["src_actor"] is None and rows["181"]["source"] is None
    assert rows["181"]["one_sided"] is True and rows["181"]["tgt_agent"] == "NGO"
    assert rows["173"]["src_actor"] == "KEN" and rows["173"]["one_sided"] is True
    assert rows["043"]["one_sided"] is False and rows["190"]["historical"] is True


def test_csv_export_has_empty_source_cells_and_the_markers(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "e.csv"
    invoke("export", "--store", str(store), "--format", "csv", "-o", str(out), "--no-historical")
    with out.open(encoding="utf-8", newline="") as f:
        rows = {r["cameo"]: r for r in csv.DictReader(f)}
    assert set(rows) == {"181", "173", "043"}
    assert rows["181"]["source_code"] == "" and rows["181"]["one_sided"] == "True"
    assert rows["043"]["one_sided"] == "False"
