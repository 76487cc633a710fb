from __future__ import annotations

from pathlib import Path

import pytest

from kipu.errors import DictionaryError
from kipu.events._patterns import load_patterns, parse_pattern


def test_parse_pattern_items() -> None:
    p = parse_pattern("163", "impose sanction on +", "t:1")
    assert p.trigger == "impose" and not p.nominal
    assert p.words == ("sanction",)
    assert p.has_target and p.target_prep == "on"
    assert p.n_items == 2


def test_parse_pattern_noun_trigger_and_prep_word() -> None:
    p = parse_pattern("173", "put + under arrest", "t:2")
    assert p.trigger == "put" and p.target_prep is None and p.has_target
    assert p.prep_words == (("under", "arrest"),)
    n = parse_pattern("190", "n:attack on +", "t:3")
    assert n.nominal and n.trigger == "attack" and n.target_prep == "on"


def test_parse_pattern_two_targets_is_an_error() -> None:
    with pytest.raises(DictionaryError, match="t:4"):
        parse_pattern("040", "meet + with +", "t:4")


def test_bundled_patterns_cover_every_root() -> None:
    index = load_patterns()
    roots = {
        p.code[:2] for table in (index.verbs, index.nouns) for ps in table.values() for p in ps
    }
    assert roots >= {f"{r:02d}" for r in range(1, 21)}
    assert index.n_patterns >= 300


def test_user_dictionary_bad_code_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text("# my patterns\n042\tvisit +\tok\n999\tfrobnicate +\tbad\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match=r"mine.tsv:3"):
        load_patterns((str(path),))


def test_user_dictionary_adds_a_trigger(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text("0234\tbeseech + for protection\tuser entry\n", encoding="utf-8")
    index = load_patterns((str(path),))
    assert any(p.where.endswith("mine.tsv:1") for p in index.verbs["beseech"])
