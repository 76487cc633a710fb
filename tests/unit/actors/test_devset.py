"""The actor dev set's format (tests/eval/actors_dev.jsonl), without the model."""

from __future__ import annotations

import json
from pathlib import Path

EVAL = Path(__file__).resolve().parents[2] / "eval"


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
    for label in map(json.loads, lines):
        assert label["cameo"].isdigit() and label["mentions"]
