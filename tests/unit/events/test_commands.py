"""`kipu explain` and `kipu evaluate` on the command line, and the gold readers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kipu.cli import app
from kipu.errors import KipuError
from kipu.events import read_gold

GOLD = Path(__file__).resolve().parents[2] / "eval" / "events_gold.jsonl"


@pytest.mark.model
def test_explain_prints_parse_actors_and_rule() -> None:
    result = CliRunner().invoke(app, ["explain", "Norway sent $20 million in aid to Sudan."])
    assert result.exit_code == 0, result.output
    assert "dobj" in result.output  # the parse table
    assert "NOR" in result.output and "SDN" in result.output
    assert "rule: patterns.tsv:" in result.output
    assert "quantity 2e+07 USD" in result.output


@pytest.mark.model
def test_evaluate_prints_scores(tmp_path: Path) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text(
        '{"id": "a", "text": "Brazil praised Argentina.", '
        '"events": [{"source": "BRA", "cameo": "051", "target": "ARG"}]}\n'
        '{"id": "b", "text": "The sky was grey.", "events": []}\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["evaluate", str(gold)])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["items"] == 2 and scores["precision"] == 1.0 and scores["exact_share"] == 1.0


def test_evaluate_rejects_unknown_format() -> None:
    result = CliRunner().invoke(app, ["evaluate", str(GOLD), "--format", "nope"])
    assert result.exit_code == 2


def test_read_gold_bad_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "events": []}\n', encoding="utf-8")
    with pytest.raises(KipuError, match="bad.jsonl:1"):
        read_gold(str(bad))


def test_read_gold_public_formats(shared: Path) -> None:
    examples = read_gold(str(shared / "reference" / "cameo-codes.csv"), "cameo-examples")
    assert len(examples) > 200 and all(len(i.events) == 1 for i in examples)
    path = shared / "data" / "phoenix-dictionaries" / "PETR.UnitTest.records.xml"
    if not path.is_file():
        pytest.skip("PETR.UnitTest.records.xml not present in ../shared")
    records = read_gold(str(path), "petrarch-records")
    assert len(records) > 200
    assert any(not r.events for r in records) and any(r.events for r in records)
    assert all(r.text and "(ROOT" not in r.text for r in records)


def test_cameo_examples_reader_repairs_double_encoded_punctuation(tmp_path: Path) -> None:
    # UTF-8 punctuation read as Mac Roman and saved again ("’" became "‚Äô"); accents that are
    # not part of such a run stay as they are.
    table = tmp_path / "codes.csv"
    mangled = "’".encode().decode("mac_roman")
    table.write_text(
        f'code,example\n040,"Chile{mangled}s envoy met the café owners."\n', encoding="utf-8"
    )
    [item] = read_gold(str(table), "cameo-examples")
    assert item.text == "Chile’s envoy met the café owners."
