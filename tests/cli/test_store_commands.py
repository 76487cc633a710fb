"""`kipu ingest`, `events`, `export`, `compact`, `doctor`: store commands end to end."""

from __future__ import annotations

import csv
import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pyarrow.dataset as ds
import pytest
from typer.testing import CliRunner

from kipu.cli import app
from kipu.records import Actor, Article, Event, Place, Plover, Quantity
from kipu.store import StoreWriter, query_events
from kipu.store._export import GDELT_COLUMNS, fips_codes

KIPU = [sys.executable, "-m", "kipu.cli"]


def actor(code: str, country: str | None, sector: str | None, text: str) -> Actor:
    return Actor(text=text, name=None, code=code, country=country, sector=sector, rule="r")


USA = actor("USAGOV", "USA", "GOV", "the U.S. government")
PER = actor("PERGOV", "PER", "GOV", "Peru's government")
REB = actor("PERREB", "PER", "REB", "rebels «Sendero»")


def event(i: int, doc: str, source: Actor | None, target: Actor | None, **kw: object) -> Event:
    fields: dict[str, object] = {
        "event_id": f"{i:016x}",
        "doc_id": doc,
        "input_id": f"in-{doc}",
        "date": "2019-03-04",
        "source": source,
        "target": target,
        "cameo": "042",
        "root": "04",
        "quad_class": 1,
        "goldstein": 1.9,
        "plover": Plover(type="CONSULT", mode="visit", context=None),
        "negated": False,
        "modality": "actual",
        "quantity": None,
        "location": None,
        "sentence": f'Sentence {i}: "quoted", tab\there, comma, and ünïcödé — ok.',
        "sentence_index": i % 3,
        "span": (0, 10),
        "rule": "r",
        "confidence": 0.8,
    }
    fields.update(kw)
    return Event(**fields)  # type: ignore[arg-type]


EVENTS = [
    event(1, "d1", USA, PER),
    event(2, "d2", USA, PER, date="2019-03-05"),  # same dyad and code, next day: one cluster
    event(
        3,
        "d1",
        REB,
        PER,
        cameo="190",
        root="19",
        quad_class=4,
        goldstein=-10.0,
        plover=Plover(type="ASSAULT", mode=None, context=None),
        quantity=Quantity(amount=12.0, currency=None, unit="killed", text="12 people"),
        location=Place(name="Ayacucho", country="PER", lat=-13.16, lon=-74.22, precision="city"),
        sentence="Line one\nline two of a sentence with a newline.",
    ),
    event(4, "d2", PER, None, cameo="0871", root="08", quad_class=2, date="2020-07-01"),
]


def article(doc_id: str) -> Article:
    return Article(
        doc_id=doc_id,
        input_id=f"in-{doc_id}",
        url=f"https://news{doc_id}.example/a",
        title="T",
        published="2019-03-04",
        dateline=None,
        byline=None,
        language="en",
        text="Body.",
    )


@pytest.fixture()
def store(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    with StoreWriter.open(path, run_id="r1") as writer:
        writer.write([article("d1"), article("d2")], EVENTS)
    return path


def invoke(*args: str) -> object:
    return CliRunner().invoke(app, list(args))


def ids(result: object) -> list[str]:
    return [json.loads(x)["event_id"][-1] for x in result.stdout.splitlines()]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        ([], ["3", "1", "2", "4"]),
        (["--country", "PER", "--side", "source"], ["3", "4"]),
        (["--actor", "USA", "--side", "target"], []),
        (["--sector", "REB"], ["3"]),
        (["--dyad", "USA-PER"], ["1", "2"]),
        (["--root", "19"], ["3"]),
        (["--code", "087"], ["4"]),
        (["--plover", "assault"], ["3"]),
        (["--quad", "2"], ["4"]),
        (["--since", "2019-03-05", "--until", "2019-12-31"], ["2"]),
        (["--place", "ayacu"], ["3"]),
        (["--place-country", "PER"], ["3"]),
        (["--words", "newline LINE"], ["3"]),
    ],
)
def test_events_filters(store: Path, flags: list[str], expected: list[str]) -> None:
    result = invoke("events", "--store", str(store), "--json", *flags)
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert ids(result) == expected


def test_events_clusters_count_mentions_articles_and_sources(store: Path) -> None:
    result = invoke("events", "--store", str(store), "--json", "--clusters", "--dyad", "USA-PER")
    rows = [json.loads(x) for x in result.stdout.splitlines()]  # type: ignore[attr-defined]
    assert [(r["num_mentions"], r["num_articles"], r["num_sources"]) for r in rows] == [(2, 2, 2)]


def test_events_table_and_csv(store: Path) -> None:
    table = invoke("events", "--store", str(store), "--root", "19")
    assert "Ayacucho" not in table.stdout and "PERREB" in table.stdout  # type: ignore[attr-defined]
    rows = list(
        csv.DictReader(invoke("events", "--store", str(store), "--csv").stdout.splitlines(True))
    )  # type: ignore[attr-defined]
    assert len(rows) == 4 and rows[0]["sentence"] == EVENTS[2].sentence


def test_events_into_a_closed_pipe_is_not_an_error(store: Path) -> None:
    shell = f"{sys.executable} -m kipu.cli events --store {store} --csv | head -1"
    done = subprocess.run(shell, shell=True, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0
    assert done.stdout.startswith("event_id,") and "Traceback" not in done.stderr


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_export_round_trip_keeps_every_row_and_character(
    store: Path, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / f"out.{fmt}"
    result = invoke("export", "--store", str(store), "--format", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert not list(tmp_path.glob(".out*"))  # no staging leftovers
    if fmt == "jsonl":
        rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    elif fmt == "csv":
        with out.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
    else:
        rows = ds.dataset(out, format="parquet", partitioning="hive").to_table().to_pylist()
        assert {p.parent.name for p in out.rglob("*.parquet")} == {"month=03", "month=07"}
        with duckdb.connect() as con:
            n = con.execute(
                f"SELECT count(*) FROM read_parquet('{out}/**/*.parquet', hive_partitioning=1)"
            ).fetchall()
        assert n == [(4,)]
    by_id = {r["event_id"]: r for r in rows}
    assert len(rows) == len(by_id) == len(EVENTS)
    for e in EVENTS:
        assert by_id[e.event_id]["sentence"] == e.sentence
        assert by_id[e.event_id]["cameo"] == e.cameo


def test_gdelt_export_has_61_columns_on_every_line(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    invoke("export", "--store", str(store), "--format", "gdelt", "-o", str(out))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3  # the USA-PER pair is one cluster
    assert all(len(line.split("\t")) == GDELT_COLUMNS for line in lines)
    fight = next(line.split("\t") for line in lines if line.split("\t")[26] == "190")
    assert fight[51:54] == ["4", "Ayacucho", fips_codes()["PER"]]  # ActionGeo, FIPS "PE"
    assert fight[1:4] == ["20190304", "201903", "2019"]
    assert fight[60] == "https://newsd1.example/a"


def test_plover_export_has_plover_fields_and_quantity(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.jsonl"
    invoke("export", "--store", str(store), "--format", "plover", "-o", str(out))
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    fight = next(r for r in rows if r["event"] == "ASSAULT")
    assert fight["src_actor"] == "PER" and fight["src_agent"] == "REB"
    assert fight["quantity"]["amount"] == 12.0


def test_compact_merges_parts_and_doctor_is_happy(store: Path) -> None:
    with StoreWriter.open(store, run_id="r2") as writer:
        writer.write([article("d1")], EVENTS[:2])  # the same ids again
    before = query_events(store)
    doctor = invoke("doctor", "--store", str(store))
    assert "duplicate_ids" in doctor.stdout  # type: ignore[attr-defined]
    assert invoke("compact", "--store", str(store)).exit_code == 0  # type: ignore[attr-defined]
    assert query_events(store) == before
    assert len(list((store / "events").glob("*.parquet"))) == 1
    after = invoke("doctor", "--store", str(store))
    assert after.exit_code == 0 and "ok" in after.stdout  # type: ignore[attr-defined]


def test_doctor_reports_an_unreadable_part_and_compact_drops_it(store: Path) -> None:
    part = next((store / "events").glob("*.parquet"))
    part.write_bytes(b"PAR1 broken")
    result = invoke("doctor", "--store", str(store))
    assert result.exit_code == 1 and "unreadable_part" in result.stdout  # type: ignore[attr-defined]
    assert "--drop-unreadable" in result.stdout  # type: ignore[attr-defined]
    assert invoke("compact", "--store", str(store)).exit_code == 1  # type: ignore[attr-defined]
    assert invoke("compact", "--store", str(store), "--drop-unreadable").exit_code == 0  # type: ignore[attr-defined]
    assert invoke("doctor", "--store", str(store)).exit_code == 0  # type: ignore[attr-defined]


def test_a_second_writer_is_refused_naming_the_holder(store: Path) -> None:
    with StoreWriter.open(store, run_id="r9"):
        result = invoke("compact", "--store", str(store))
        assert result.exit_code == 1  # type: ignore[attr-defined]
        assert "being written by process" in result.output  # type: ignore[attr-defined]
        assert len(query_events(store)) == 4  # readers still work


TEXTS = [
    "Officials of Chile met Argentine diplomats in Santiago on Monday to discuss the border.",
    "Peru's president visited Bolivia on Tuesday and praised its government.",
    "Police in Lima arrested twelve protesters on Wednesday, officials said.",
]


@pytest.mark.model
def test_kill_9_of_the_real_kipu_ingest_then_rerun_equals_a_clean_run(
    tmp_path: Path, nlp: object
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as f:
        for i in range(24):
            text = f"{TEXTS[i % 3]} The talks of round {i} ended at noon."
            f.write(json.dumps({"id": f"k{i}", "text": text, "date": "2024-03-04"}) + "\n")
    clean = tmp_path / "clean"
    args = ["ingest", str(corpus), "--shard-size", "4"]
    assert invoke(*args, "--store", str(clean)).exit_code == 0  # type: ignore[attr-defined]
    killed = tmp_path / "killed"
    child = subprocess.Popen(
        [*KIPU, *args, "--store", str(killed)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    manifest = killed / "manifest.jsonl"
    while child.poll() is None and time.monotonic() < deadline:
        if manifest.exists() and manifest.read_bytes().count(b"\n") >= 2:
            break
        time.sleep(0.01)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert invoke(*args, "--store", str(killed)).exit_code == 0  # type: ignore[attr-defined]
    assert query_events(killed) == query_events(clean)
    assert len(query_events(clean)) > 0


@pytest.mark.model
def test_bench_prints_words_per_second_and_the_speeds_last(tmp_path: Path, nlp: object) -> None:
    corpus = tmp_path / "b.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": f"b{i}", "text": t}) + "\n" for i, t in enumerate(TEXTS)),
        encoding="utf-8",
    )
    result = invoke("bench", str(corpus))
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    lines = result.stdout.strip().splitlines()  # type: ignore[attr-defined]
    assert all("words/s" in line for line in lines[1:4])
    assert "--parse events" in lines[2] and "--parse all" in lines[3]
    speed = r"\d+\.\d\d \(CPU \d+\.\d\d\)"
    pattern = rf"speed pipeline/parse: --parse events {speed}, --parse all {speed}"
    assert re.fullmatch(pattern, lines[-1])


@pytest.mark.model
@pytest.mark.issue(15)
def test_bench_repeated_takes_turns_and_prints_each_round_then_the_median(
    tmp_path: Path, nlp: object
) -> None:
    corpus = tmp_path / "b.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": f"b{i}", "text": t}) + "\n" for i, t in enumerate(TEXTS)),
        encoding="utf-8",
    )
    result = invoke("bench", str(corpus), "--repeat", "2")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    lines = result.stdout.strip().splitlines()  # type: ignore[attr-defined]
    speed = r"\d+\.\d\d \(CPU \d+\.\d\d\)"
    speeds = rf"--parse events {speed}, --parse all {speed}"
    assert [line.split(":")[0] for line in lines[:2]] == ["round 1", "round 2"]
    assert all(re.fullmatch(rf"round \d: {speeds}", line) for line in lines[:2])
    assert all(line.endswith("(median of 2)") for line in lines[3:6])
    assert re.fullmatch(rf"speed pipeline/parse: {speeds} \(median of 2 rounds\)", lines[-1])


@pytest.mark.model
@pytest.mark.issue(15)
def test_bench_gives_each_pipeline_timed_in_turns_a_lemmatizer_cache_of_its_own(
    nlp: object,
) -> None:
    from kipu.commands.store import _lemmatizer_cache

    lemmatizer = nlp.get_pipe("lemmatizer")  # type: ignore[attr-defined]
    before = lemmatizer.cache
    own: dict[object, object] = {}
    with _lemmatizer_cache(nlp, own):
        nlp("The envoys renegotiated the truce.")  # type: ignore[operator]
    assert own  # the words went to this pipeline's cache
    assert lemmatizer.cache is before


@pytest.mark.model
def test_bench_starts_each_timed_run_with_the_lemmatizers_cache_empty(nlp: object) -> None:
    from kipu.commands.store import _cold

    lemmatizer = nlp.get_pipe("lemmatizer")  # type: ignore[attr-defined]
    nlp("The envoys renegotiated the truce.")  # type: ignore[operator]
    assert lemmatizer.cache
    _cold(nlp)
    assert not lemmatizer.cache


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["--parse", "some"], "--parse"),
        (["--engine", "spark"], "--engine"),
        (["--address", "10.0.0.1:6379"], "--address"),
    ],
)
def test_ingest_refuses_unknown_parse_modes_and_engines(
    tmp_path: Path, args: list[str], hint: str
) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": TEXTS[0]}) + "\n", encoding="utf-8")
    result = invoke("ingest", str(corpus), "--store", str(tmp_path / "s"), *args)
    assert result.exit_code == 2  # type: ignore[attr-defined]
    assert hint in result.output  # type: ignore[attr-defined]
    assert not (tmp_path / "s").exists()
