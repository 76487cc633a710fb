"""`kipu dict import`: TABARI/PETRARCH actor and agent dictionaries into kipu's format."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kipu.actors import import_dictionary, load_dictionaries
from kipu.actors._phoenix import detect_kind
from kipu.cli import app


@pytest.fixture(scope="module")
def phoenix(shared: Path) -> Path:
    path = shared / "data" / "phoenix-dictionaries"
    if not path.is_dir():
        pytest.skip("../shared/data/phoenix-dictionaries not present")
    return path


def rows(text: str) -> list[list[str]]:
    return [line.split("\t") for line in text.splitlines() if not line.startswith("#")]


def test_phoenix_countries(phoenix: Path) -> None:
    result = import_dictionary(str(phoenix / "Phoenix.Countries.actors.txt"))
    assert result.kind == "actors"
    assert result.n_entries == 18390  # name lines read (each with its "+" aliases)
    assert result.n_skipped < 100
    table = rows(result.text)
    # "actor": PETRARCH codes a name as an actor in a place's role too ("arrived in Peru").
    assert ["PER", "name", "Peru", "actor"] in table
    assert ["AFG", "name", "Afghanistan", "actor"] in table
    panetta = [r for r in table if r[0] == "Leon Panetta"]
    # The whole code after the country; where two terms share a day the earlier line wins, and
    # the undated code ([USAELI]) holds on the days no dated code covers.
    assert [r[2:] for r in panetta if r[3] == "GOVMIL"] == [
        ["USA", "GOVMIL", "imported", "2011-07-02", "2013-02-27"]
    ]
    assert ["USA", "ELI", "imported", "2013-02-28", ""] in [r[2:] for r in panetta]


def test_dates_bounds_and_two_digit_years() -> None:
    from kipu.actors._phoenix import _codes

    assert _codes("[AFGGOV 081101-100630]") == [("AFGGOV", "2008-11-01", "2010-06-30")]
    # ">" and "<" exclude the date itself; spaces inside the brackets are allowed.
    assert _codes("[IGOUNO >20070101]") == [("IGOUNO", "2007-01-02", "")]
    assert _codes("[USAELI <950101]") == [("USAELI", "", "1994-12-31")]
    assert _codes("[HOB < 950601]") == [("HOB", "", "1995-05-31")]
    assert _codes("[HOBGOV 19950601 - 19990815]") == [("HOBGOV", "1995-06-01", "1999-08-15")]


def test_dated_codes_become_disjoint_terms() -> None:
    from kipu.actors._phoenix import _terms

    codes = [
        ("HOB", "", ""),  # the default: the days no dated code covers
        ("ORCHOB", "2010-01-09", "2010-01-12"),  # listed first: wins over the next
        ("HOBMIL", "2008-01-20", "2012-11-09"),
    ]
    assert _terms(codes) == [
        ("ORCHOB", "2010-01-09", "2010-01-12"),
        ("HOBMIL", "2008-01-20", "2010-01-08"),
        ("HOBMIL", "2010-01-13", "2012-11-09"),
        ("HOB", "", "2008-01-19"),
        ("HOB", "2012-11-10", ""),
    ]


def test_agents_file(phoenix: Path) -> None:
    result = import_dictionary(str(phoenix / "PETR.Validate.agents.txt"))
    assert result.kind == "agents"
    table = rows(result.text)
    assert ["foreign minister", "GOVFRM", "noun"] in table  # the whole agent code
    assert ["congressman", "LEG", "noun"] in table  # the !PERSON! macro expanded


def test_kinds_detected(phoenix: Path) -> None:
    def kind(name: str) -> str | None:
        return detect_kind((phoenix / name).read_text(encoding="utf-8", errors="replace"))

    assert kind("Phoenix.MilNonState.actors.txt") == "actors"
    assert kind("Phoenix.agents.txt") == "agents"
    assert kind("PETR.Validate.verbs.txt") == "verbs"
    assert kind("Phoenix.discards.txt") == "discards"


def test_imported_file_is_a_user_dictionary(phoenix: Path, tmp_path: Path) -> None:
    out = tmp_path / "validate.tsv"
    runner = CliRunner()
    result = runner.invoke(
        app, ["dict", "import", str(phoenix / "PETR.Validate.actors.txt"), "--output", str(out)]
    )
    assert result.exit_code == 0, result.output
    d = load_dictionaries((str(out),))
    assert d.orgs["hamas"].code == "PSEREBHMS"


def test_unreadable_file_exits_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["dict", "import", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    not_a_dictionary = tmp_path / "x.txt"
    not_a_dictionary.write_text("hello\n", encoding="utf-8")
    assert CliRunner().invoke(app, ["dict", "import", str(not_a_dictionary)]).exit_code == 1


def test_agent_forms_and_spaced_codes(tmp_path: Path) -> None:
    src = tmp_path / "agents.txt"
    src.write_text(
        "SECURITY_OFFICIALS [~GOV]\nGOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\nPOLICE {} [ ~COP]\n"
        "DIPLOMAT [~GOV]\n",
        encoding="utf-8",
    )
    table = [r[:2] for r in rows(import_dictionary(str(src)).text) if r[2] == "noun"]
    assert ["security official", "GOV"] in table  # the singular the parse's lemmas give
    assert ["golden geese", "GGS"] in table  # plurals listed in braces
    assert ["police", "COP"] in table and ["polices", "COP"] not in table  # "{}": no plural
    assert ["diplomats", "GOV"] in table  # the plural PETRARCH forms by default


def test_discards_file_imports(tmp_path: Path) -> None:
    src = tmp_path / "discards.txt"
    src.write_text("# Story-level discards are marked with a '+'.\n+TYPHOON\nMONTHS LATER\n")
    result = CliRunner().invoke(app, ["dict", "import", str(src)])
    assert result.exit_code == 0
    assert result.stdout.startswith("# kipu: discards\n")
    assert "story\tTYPHOON" in result.stdout and "sentence\tMONTHS LATER" in result.stdout
