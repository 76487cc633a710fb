"""Users' dictionaries are read before the first input: a bad one is one line with file:line."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kipu.actors import load_dictionaries
from kipu.cli import app
from kipu.errors import DictionaryError
from kipu.run import PipelineOptions, check_dictionaries, ingest, new_report

pytestmark = pytest.mark.issue(16)


def write(path: Path, text: str | bytes) -> str:
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return str(path)


def test_good_files_of_every_kind_pass(tmp_path: Path) -> None:
    files = (
        write(tmp_path / "a.tsv", "# kipu: agents\nharbour master\tGOV\tnoun\n"),
        write(tmp_path / "p.tsv", "# kipu: patterns\n042\tmeet with +\tours\n"),
        write(tmp_path / "d.tsv", "# kipu: discards\nstory\tweather report\n"),
    )
    check_dictionaries(files)
    assert "harbour master" in load_dictionaries(files, True).agents


def test_an_office_holder_without_a_name_names_its_line(tmp_path: Path) -> None:
    # The actor reader takes a surname from the name (actors/_dictionaries.py) and failed with
    # an IndexError on an empty one, deep inside the first document's coding.
    path = write(
        tmp_path / "office.tsv",
        "# kipu: officeholders\n"
        "Ana Quispe\t\tPER\tGOV\thead of state\t2001-01-01\t\n"
        "\t\tPER\tGOV\thead of state\t2001-01-01\t\n",
    )
    with pytest.raises(DictionaryError, match=r"office\.tsv:3: cannot read this line"):
        check_dictionaries((path,))


def test_a_file_that_is_not_utf8_names_the_line_and_byte(tmp_path: Path) -> None:
    path = write(
        tmp_path / "latin.tsv", b"# kipu: agents\nminister\tGOV\tnoun\nalcald\xeda\tGOV\tnoun\n"
    )
    with pytest.raises(
        DictionaryError, match=r"latin\.tsv:3: .*not UTF-8 \(byte 0xed at column 7\)"
    ):
        check_dictionaries((path,))


def test_a_missing_file_is_a_dictionary_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="cannot read dictionary"):
        check_dictionaries((str(tmp_path / "nope.tsv"),))


def test_ingest_refuses_a_bad_dictionary_before_it_opens_the_store(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.tsv", "# kipu: officeholders\n\t\tPER\tGOV\thead\t2001-01-01\t\n")
    corpus = write(tmp_path / "a.txt", "Envoys of Genovia met officials of Elbonia.\n")
    store = tmp_path / "store"
    with pytest.raises(DictionaryError, match=r"bad\.tsv:2:"):
        ingest(
            [corpus],
            store,
            PipelineOptions(dictionaries=(bad,)),
            new_report("ingest"),
            on_reject=lambda _: None,
        )
    assert not store.exists()
    result = CliRunner().invoke(app, ["ingest", corpus, "--store", str(store), "--dictionary", bad])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "bad.tsv:2: cannot read this line" in result.stderr
