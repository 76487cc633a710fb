"""PETRARCH verb dictionaries → kipu patterns (a small dictionary written for this test)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kipu.errors import DictionaryError
from kipu.events import import_verbs, load_patterns

# A made-up dictionary in PETRARCH's format: a synonym set, a block with two verbs, a default
# code, prepositional and noun-phrase patterns, a pattern with words before the verb and a code
# that is not a CAMEO code.
SAMPLE = """\
&GOODS
+FOOD
+MEDICINES

--- SHIP  [070] ---
SHIP
DISPATCH {DISPATCHES DISPATCHED}
- * &GOODS (TO +) [073]  # goods to someone
- * {ARMS SHIPMENT} [072]
- FAILED_TO_* [111]
- * WIDGETS [999]
- * HELP_FOR_&GOODS [075]
SEND [070:071]
WIRE_+TAP

--- FREE [066] ---
FREE
- + * FROM $ [066]

--- SCOLD [---] ---
SCOLD
- * + (OVER {BORDER DISPUTE}) [111]
"""


def test_import_verbs_converts_blocks(tmp_path: Path) -> None:
    src = tmp_path / "verbs.txt"
    src.write_text(SAMPLE, encoding="utf-8")
    text = import_verbs(str(src))
    assert text.startswith("# kipu: patterns\n# codes: as written\n")  # read as PETRARCH reads
    rows = {tuple(line.split("\t")[:2]) for line in text.splitlines() if line[:1].isdigit()}
    # A pattern that marks no target finds it in the verb phrase ("any +"), as PETRARCH does.
    assert ("070", "ship any +") in rows and ("070", "dispatch any +") in rows
    # Words as written: PETRARCH matches the forms it lists ("MEDICINES" is not "medicine").
    assert ("073", "ship food to +") in rows and ("073", "dispatch medicines to +") in rows
    assert ("072", "ship arms shipment any +") in rows
    assert ("111", "scold + over dispute") in rows
    assert ("999", "ship widgets any +") in rows  # the code kept as written
    # "_" joins words that stand together, a preposition inside included.
    assert ("075", "ship help_for_food any +") in rows
    assert ("111", "ship <failed_to_ any +") in rows  # "FAILED_TO_*": glued to the verb
    assert ("070:071", "send any +") in rows  # a synonym verb with its own (paired) code
    assert ("070", "tap <wire_ any +") in rows  # "WIRE_+TAP": a word glued before the verb
    assert not any("from" in p for _, p in rows if p.startswith("free"))  # "+ * FROM $"
    out = tmp_path / "petr.tsv"
    out.write_text(text, encoding="utf-8")
    index = load_patterns((str(out),))
    assert any(p.where.startswith(str(out)) for p in index.verbs["dispatch"])
    widget = [p for p in index.verbs["ship"] if p.code == "999"]
    assert widget and widget[0].as_written and widget[0].target_prep == "any"
    failed = [p for p in index.verbs["ship"] if p.code == "111"]
    assert failed[0].before == ("failed_to_",)
    sent = [(p.code, p.reverse) for p in index.verbs["send"] if p.where.startswith(str(out))]
    assert sent == [("070", "071")]
    alone = load_patterns((str(out),), bundled=False)
    assert all(p.where.startswith(str(out)) for ps in alone.verbs.values() for p in ps)


def test_codes_outside_cameo_need_the_declaration(tmp_path: Path) -> None:
    mine = tmp_path / "mine.tsv"
    mine.write_text("# kipu: patterns\n999\tberate +\tmine\n", encoding="utf-8")
    # (with "# codes: as written" on the second line the same entry loads)
    with pytest.raises(DictionaryError, match="not a CAMEO event code"):
        load_patterns((str(mine),))


def test_load_patterns_skips_other_kinds(tmp_path: Path) -> None:
    agents = tmp_path / "agents.tsv"
    agents.write_text("# kipu: agents\nnot\ta pattern line at all\n", encoding="utf-8")
    patterns = tmp_path / "mine.tsv"
    patterns.write_text("# kipu: patterns\n111\tberate +\tmine\n", encoding="utf-8")
    index = load_patterns((str(agents), str(patterns)))
    assert [p.code for p in index.verbs["berate"]][0] == "111"


def test_import_verbs_reads_petrarch_cameo_dictionary(shared: Path) -> None:
    path = shared / "data" / "phoenix-dictionaries" / "CAMEO.2.0.txt"
    if not path.is_file():
        pytest.skip("CAMEO.2.0.txt not present in ../shared")
    text = import_verbs(str(path))
    codes = {line.split("\t")[0] for line in text.splitlines() if line[:1].isdigit()}
    assert {f"{r:02d}" for r in range(1, 21)} <= {c[:2] for c in codes}


def test_petrarch_records_null_country_in_kipu_notation(tmp_path: Path) -> None:
    from kipu.events import read_gold

    xml = tmp_path / "records.xml"
    xml.write_text(
        '<Validation><Sentences><Sentence date="20100101" id="A-1">'
        '<EventCoding sourcecode="---GOV" targetcode="---" eventcode="023"></EventCoding>'
        "<Text>A senior official said so.</Text></Sentence></Sentences></Validation>",
        encoding="utf-8",
    )
    (item,) = read_gold(str(xml), "petrarch-records")
    # "---GOV": a government with no country found, kipu's "GOV"; "---" (no actor) as written.
    assert (item.events[0].source, item.events[0].target) == ("GOV", "---")


SYNSETS = """\
&WEAPON
+RIFLE
+ARMORED_CAR
+FUEL_

&PREPS_
+AGAINST
+ON

--- SELL [070] ---
SELL
- * &WEAPON [072]
- * &PREPS DEAL [073]
"""


def test_synonym_sets_with_plurals_and_labels_ending_in_underscore(tmp_path: Path) -> None:
    src = tmp_path / "verbs.txt"
    src.write_text(SYNSETS, encoding="utf-8")
    text = import_verbs(str(src))
    rows = {tuple(line.split("\t")[:2]) for line in text.splitlines() if line[:1].isdigit()}
    # A member's regular plural is PETRARCH's too, unless the phrase ends with "_".
    assert {("072", "sell rifles any +"), ("072", "sell armored_cars any +")} <= rows
    assert ("072", "sell fuel any +") in rows and ("072", "sell fuels any +") not in rows
    # "&PREPS_" (no plurals) is used as "&PREPS": a set of prepositions, one entry each.
    assert {("073", "sell against deal any +"), ("073", "sell on deal any +")} <= rows


BLOCKS = """\
--- PRAISE  [051] ---
PRAISE
- * EFFORTS  [053]
- * GO-AHEAD  [030]

--- HAIL  [052] ---
HAIL
- * VICTORY  [054]
"""


def test_a_blocks_code_follows_its_patterns_and_lost_words_drop_a_pattern(
    tmp_path: Path,
) -> None:
    src = tmp_path / "verbs.txt"
    src.write_text(BLOCKS, encoding="utf-8")
    rows = [
        tuple(line.split("\t")[:2])
        for line in import_verbs(str(src)).splitlines()
        if line[:1] == "0"
    ]
    # The verb's own code is for no pattern matching: after its block's patterns (it loses a
    # tie to them), before the next block's entries.
    assert rows == [
        ("053", "praise efforts any +"),
        ("051", "praise any +"),
        ("054", "hail victory any +"),
        ("052", "hail any +"),
    ]
    # "GO-AHEAD" cannot be matched as written: no bare "praise" entry with code 030.
