"""The actor dev set's format (tests/eval/actors_dev.jsonl), without the model."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parents[2] / "eval"
SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"


def test_dev_set_is_well_formed() -> None:
    items = [json.loads(line) for line in (EVAL / "actors_dev.jsonl").open(encoding="utf-8")]
    assert len(items) >= 150
    n_actors = 0
    for item in items:
        assert set(item) == {"id", "date", "text", "mentions"}
        for m in item["mentions"]:
            assert m["head"] in item["text"], (item["id"], m["head"])
            n_actors += m["code"] is not None
    assert n_actors >= 400


def test_cameo_labels_are_well_formed() -> None:
    lines = (EVAL / "cameo_example_actors.jsonl").open(encoding="utf-8")
    labels = list(map(json.loads, lines))
    assert len({label["cameo"] for label in labels}) == len(labels)
    # A sentence with no actor in it ("NEED EXAMPLE.") is labelled with no mentions.
    assert sum(1 for label in labels if not label["mentions"]) <= 2
    for label in labels:
        assert label["cameo"].isdigit()
        for m in label["mentions"]:
            assert set(m) == {"head", "n", "code"} and m["n"] >= 1 and m["head"].strip()


def test_every_cameo_example_sentence_is_labelled() -> None:
    table = SHARED / "reference" / "cameo-codes.csv"
    if not table.is_file():
        pytest.skip("../shared/reference/cameo-codes.csv not present")
    text = table.read_bytes().decode("cp1252", errors="replace")
    examples = {
        row["code"]: row["example"]
        for row in csv.DictReader(io.StringIO(text))
        if row["example"] and row["example"] != "NA"
    }
    lines = (EVAL / "cameo_example_actors.jsonl").open(encoding="utf-8")
    labels = {label["cameo"]: label["mentions"] for label in map(json.loads, lines)}
    assert set(labels) == set(examples)
    for code, mentions in labels.items():
        for m in mentions:
            # Heads are words of the sentence: the labels carry no text of their own.
            assert m["head"] in examples[code], (code, m["head"])
