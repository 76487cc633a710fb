"""Users' dictionaries (`--dictionary`): kinds, overrides and files of other stages."""

from __future__ import annotations

from pathlib import Path

import pytest

from kipu.actors import load_dictionaries
from kipu.errors import DictionaryError


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_user_agents_add_and_override(tmp_path: Path) -> None:
    user = write(tmp_path / "a.tsv", "# kipu: agents\nwarlord\tREB\tnoun\nsoldier\tCOP\tnoun\n")
    d = load_dictionaries((user,))
    assert [e.sector for e in d.agents["warlord"]] == ["REB"]
    assert [e.sector for e in d.agents["soldier"]] == ["COP"]  # replaced, not added
    assert user in d.sources
    assert [e.sector for e in load_dictionaries().agents["soldier"]] == ["MIL"]


def test_later_files_override_earlier_ones(tmp_path: Path) -> None:
    first = write(tmp_path / "1.tsv", "# kipu: organisations\nBlue Front\tPERREB\tPER\tREB\t\n")
    second = write(tmp_path / "2.tsv", "# kipu: organisations\nBlue Front\tCOLREB\tCOL\tREB\t\n")
    assert load_dictionaries((first, second)).orgs["blue front"].code == "COLREB"


def test_user_office_holder_replaces_bundled_terms(tmp_path: Path) -> None:
    user = write(
        tmp_path / "o.tsv",
        "# kipu: officeholders\nLeon Panetta\t\tUSA\tSPY\tintelligence\t2009-02-13\t2011-07-01\n",
    )
    terms = load_dictionaries((user,)).offices["leon panetta"]
    assert [(t.sector, t.start) for t in terms] == [("SPY", "2009-02-13")]


def test_files_of_other_kinds_are_left_alone(tmp_path: Path) -> None:
    patterns = write(tmp_path / "p.tsv", "# kipu: patterns\nanything at all\n")
    plain = write(tmp_path / "q.tsv", "no kind line here\n")
    d = load_dictionaries((patterns, plain))
    assert patterns not in d.sources and plain not in d.sources


def test_sections_of_several_kinds(tmp_path: Path) -> None:
    user = write(
        tmp_path / "s.tsv",
        "# kipu: countries\nXKX\tname\tFreedonia\t\n# kipu: agents\nbandit\tCRM\tnoun\n",
    )
    d = load_dictionaries((user,))
    assert d.countries["freedonia"][0].code == "XKX"
    assert d.agents["bandit"][0].sector == "CRM"


def test_bad_rows_and_missing_files_are_one_line_errors(tmp_path: Path) -> None:
    bad = write(tmp_path / "b.tsv", "# kipu: agents\nwarlord\tREB\tnoun\textra\n")
    with pytest.raises(DictionaryError, match="b.tsv:2"):
        load_dictionaries((bad,))
    with pytest.raises(DictionaryError, match="cannot read"):
        load_dictionaries((str(tmp_path / "missing.tsv"),))
