"""Fuzzing users' dictionaries: a file with malformed lines is read or refused with a
``DictionaryError`` that names the file, never another exception.

``--dictionary PATH`` files of every kind (countries, agents, organisations, officeholders,
patterns, discards) go through ``kipu.run.check_dictionaries`` (what ``kipu ingest``, ``code``
and ``evaluate`` call before they read any input) and then the loaders of each stage; TABARI and
PETRARCH files through ``kipu dict import``'s converters.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from kipu.actors import load_dictionaries
from kipu.actors._phoenix import detect_kind, import_dictionary
from kipu.errors import DictionaryError
from kipu.events._discards import import_discards, load_discards
from kipu.events._patterns import load_patterns
from kipu.events._petrarch import import_verbs
from kipu.run import check_dictionaries
from tests.reliability.harness import case, fuzz_settings

KINDS = ("countries", "agents", "organisations", "officeholders", "patterns", "discards")
# Plausible cells of each kind's columns, and junk for any of them.
CELLS = {
    "countries": [
        ["PER", "XYZ", "", "peru"],
        ["name", "short", "adjective", "capital", "x"],
        ["Peru", "Lima", "Bree"],
        ["", "ambiguous", "military,place", "actor"],
    ],
    "agents": [
        ["minister", "rebel leader", "", "x"],
        ["GOV", "REB", "", "??"],
        ["noun", "title", ""],
    ],
    "organisations": [
        ["Town Council", "", "Oxfam"],
        ["NGO", "IGOUNO", ""],
        ["PER", "", "XX"],
        ["GOV", ""],
        ["", "armed"],
    ],
    "officeholders": [
        ["Ana Quispe", "", " ", "al-"],
        ["", "Quispe|A. Quispe", "|"],
        ["PER", ""],
        ["GOV", "-", ""],
        ["head of state", ""],
        ["2001-02-03", "", "20010203", "never"],
        ["", "2009-13-40", "2002-01-01"],
    ],
    "patterns": [
        ["042", "032:033", "999", "", "0x1"],
        [
            "meet with +",
            "n:attack +",
            "+",
            "",
            "attack + +",
            "<not clash",
            "% agree",
            "any +",
            "under arrest",
        ],
        ["", "note"],
    ],
    "discards": [["story", "sentence", "", "STORY"], ["sports*", "", "  ", "months later"]],
}
junk = st.text(max_size=30) | st.sampled_from(
    ["\t", "#", "# kipu: agents", "\ufeff", "*", "+", "<", "%", "\\", "é"]
)


@st.composite
def row(draw: st.DrawFn, kind: str) -> str:
    columns = CELLS[kind]
    n = draw(st.sampled_from([len(columns)] * 4 + [0, 1, len(columns) - 1, len(columns) + 1, 12]))
    cells = [
        draw(st.sampled_from(columns[i]) | junk)
        if i < len(columns) and draw(st.integers(0, 4))
        else draw(junk)
        for i in range(n)
    ]
    return "\t".join(cells)


@st.composite
def dictionary_file(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(KINDS))
    first = draw(
        st.sampled_from(
            [
                f"# kipu: {kind}",
                f"\ufeff# kipu: {kind}",
                f"#kipu:{kind.upper()}",
                "# kipu: nothing",
                "# kipu:",
                "",
            ]
        )
    )
    lines = [first]
    if kind == "patterns" and draw(st.booleans()):
        lines.append("# codes: as written")
    for _ in range(draw(st.integers(0, 15))):
        pick = draw(st.integers(0, 9))
        if pick == 0:
            lines.append(f"# kipu: {draw(st.sampled_from(KINDS))}")  # a section of another kind
        elif pick == 1:
            lines.append(draw(junk))
        else:
            lines.append(draw(row(kind)))
    text = draw(st.sampled_from(["\n", "\r\n", "\r"])).join(lines)
    data = text.encode("utf-8", "surrogatepass")
    if draw(st.integers(0, 9)) == 0:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from([b"\xff", b"\xe9", b"\x00", b"\xc3"])) + data[at:]
    return data


def load_every_stage(path: str) -> None:
    """What a run does with ``--dictionary PATH``: the check, then each stage's reader.

    Without kipu's bundled dictionaries (``--no-bundled``), so that only the file under test is
    read; the readers' caches are cleared, as every case rewrites the same file.
    """
    for reader in (load_dictionaries, load_patterns, load_discards):
        reader.cache_clear()
    check_dictionaries((path,), bundled=False)
    load_dictionaries((path,), False)
    load_patterns((path,), False)
    load_discards((path,))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("dictionaries")


@fuzz_settings(ci=150, long=15_000)
@given(data=dictionary_file())
@example(data=b"# kipu: officeholders\n\t\tPER\tGOV\thead of state\t2001-01-01\t\n")
@example(data=b"# kipu: patterns\n042\tmeet with +\n043\tcaf\xe9 +\n")
@example(data=b"# kipu: agents\nminister\tGOV\tnoun\n\xff\xfe\n")
def test_user_dictionary(folder: Path, data: bytes) -> None:
    path = folder / "user.tsv"
    path.write_bytes(data)
    with case("dictionary") as outcomes:
        try:
            load_every_stage(str(path))
        except DictionaryError as error:
            assert str(path) in str(error) or "user.tsv" in str(error), error
            assert "\n" not in str(error)
            outcomes["refused"] += 1
        else:
            outcomes["read"] += 1


# --- TABARI and PETRARCH files (kipu dict import) ----------------------------------------------

petrarch_line = st.one_of(
    st.sampled_from(
        [
            "--- MEET  [040]  ---",
            "--- ATTACK  [190] ---",
            "--- BROKEN [---] ---",
            "-  * WITH +  [042]",
            "- + * FROM $ [043]",
            "- % * [036]",
            "- * {the talks} [046]",
            "- SAID * [---]",
            "BREAK {BROKE BROKEN}",
            "+BREAK_DOWN {BROKE_DOWN}",
            "WIRE_+TAP",
            "&TALKS",
            "+TALK",
            "PERU [PER]",
            "+LIMA [PER]",
            "ANA_QUISPE [PERGOV 010101-091231]",
            "[PERGOV >20070101]",
            "[PERREB <990101]",
            "[IGOUNO]",
            "FOREIGN_MINISTER {PLURAL} [~GOVFRM]",
            "!PERSON! = MAN, MEN, WOMAN",
            "REBEL [~REB]",
            "UN_ENVOY [IGO~]",
            "# Story-level discards are indicated with a '+'",
            "+TYPHOON",
            "MONTHS LATER",
            "GROUP A_",
            "<!-- a comment -->",
            "<!-- unclosed",
            "[",
            "[PER 999999-000000]",
            "[PER 20011301]",
            "- * [",
            "--- [040] ---",
        ]
    ),
    st.text(alphabet="ABC_+-*[]{}<>!=#%$&~0123456789 ", max_size=30),
)


@fuzz_settings(ci=100, long=15_000)
@given(lines=st.lists(petrarch_line, max_size=25), raw=st.binary(max_size=8))
def test_dict_import(folder: Path, lines: list[str], raw: bytes) -> None:
    path = folder / "Phoenix.txt"
    text = "\n".join(lines)
    path.write_bytes(text.encode() + raw)
    with case("dict_import") as outcomes:
        kind = detect_kind(path.read_text(encoding="utf-8", errors="replace"))
        try:
            if kind == "verbs":
                converted = import_verbs(str(path))
            elif kind == "discards":
                converted = import_discards(str(path))
            else:
                converted = import_dictionary(str(path)).text
        except DictionaryError as error:
            assert str(path) in str(error), error
            outcomes["refused"] += 1
            return
        outcomes[f"converted:{kind}"] += 1
        # What the converter writes, kipu reads.
        out = folder / "converted.tsv"
        out.write_text(converted, encoding="utf-8")
        try:
            load_every_stage(str(out))
        except DictionaryError as error:
            pytest.fail(f"kipu cannot read what kipu dict import wrote: {error}")
