"""The bundled demo corpus: every root an article was written to show is coded at least once."""

from __future__ import annotations

import json
from collections import defaultdict
from importlib import resources
from pathlib import Path

import pytest

from kipu.records import RunReport
from kipu.run import Coded, PipelineOptions, new_report, process

pytestmark = pytest.mark.model

CORPUS = Path(str(resources.files("kipu.demo").joinpath("corpus")))
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def demo_run() -> tuple[RunReport, list[Coded]]:
    report = new_report("test")
    items = [i for i in process([str(CORPUS)], PipelineOptions(), report) if isinstance(i, Coded)]
    return report, items


def _key(item: Coded) -> str:
    """The expectations' key: the file name, or the JSONL record id."""
    input_id = item.article.input_id
    name = Path(input_id).name
    return name if name.endswith((".html", ".txt")) else input_id


def test_demo_reads_everything(demo_run: tuple[RunReport, list[Coded]]) -> None:
    report, items = demo_run
    assert report.n_rejected == 0, report.rejected
    assert len(items) == len(EXPECTED) >= 12


def test_demo_every_intended_root_is_coded(demo_run: tuple[RunReport, list[Coded]]) -> None:
    _, items = demo_run
    coded: dict[str, set[str]] = defaultdict(set)
    for item in items:
        for e in item.events:
            if not e.negated:
                coded[_key(item)].add(e.root)
    missing = {}
    for entry in EXPECTED:
        key = entry["id"] or entry["file"]
        want = {ev["root"] for ev in entry["events"]}
        if want - coded[key]:
            missing[key] = sorted(want - coded[key])
    assert not missing, missing


def test_demo_articles_metadata(demo_run: tuple[RunReport, list[Coded]]) -> None:
    _, items = demo_run
    by_key = {_key(i): i.article for i in items}
    for entry in EXPECTED:
        article = by_key[entry["id"] or entry["file"]]
        assert article.published == entry["published"], entry["file"]
        if entry.get("dateline"):
            assert article.dateline == entry["dateline"], entry["file"]
        for line in entry.get("furniture", []):
            assert line not in article.text, (entry["file"], line)


def test_demo_not_events_are_not_coded(demo_run: tuple[RunReport, list[Coded]]) -> None:
    _, items = demo_run
    sentences = {e.sentence for i in items for e in i.events if not e.negated}
    wrong = [s for entry in EXPECTED for s in entry.get("not_events", []) if s in sentences]
    assert not wrong


@pytest.mark.issue(15)
def test_demo_the_sentence_filter_loses_no_event(demo_run: tuple[RunReport, list[Coded]]) -> None:
    """The demo with every sentence parsed codes the events of the default run, which parses
    only the sentences the filter keeps: a guard that the filter follows the coder."""
    _, filtered = demo_run
    full = [
        i
        for i in process([str(CORPUS)], PipelineOptions(parse="all"), new_report("test"))
        if isinstance(i, Coded)
    ]

    def keys(items: list[Coded]) -> set[tuple[object, ...]]:
        return {
            (e.doc_id, e.trigger, e.cameo, e.source and e.source.code, e.target and e.target.code)
            for i in items
            for e in i.events
        }

    assert keys(full) and keys(full) == keys(filtered)
