"""Coding with imported PETRARCH dictionaries alone (small dictionaries written for this test)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kipu.actors import ActorOptions, resolve_actors
from kipu.actors._phoenix import import_dictionary
from kipu.events import EventOptions, code_events, import_discards, import_verbs
from kipu.nlp import parse
from tests.helpers import article, triples

pytestmark = pytest.mark.model

VERBS = """\
--- MEND  [064] ---
MEND
- * FENCES  [901]

--- SCOLD  [111] ---
SCOLD
- NOT * [901]

--- GREET  [031:032] ---
GREET

--- HELD  [902] ---
HELD

&PREPS
+AGAINST
+ON

--- SNUB  [111] ---
SNUB
BAR_+FENCE
- SAID WOULD *  [905]
- * NEW_TRADE_ROUTES  [903]
- RECENTLY_*  [904]

--- PARLEY  [081] ---
PARLEY
- % *  [030]

--- BICKER  [111] ---
BICKER
- * WITH +  [112]

--- APPEAL  [090] ---
APPEAL
- * FOR +  [096]

--- VOW  [170] ---
VOW
- * WAR  [173]
- * &PREPS RESOLUTION  [102]
"""
# Made-up countries with codes that are no ISO codes, and an agent with a two-part code.
ACTORS = """\
VALDORIA [VLD]
+VALDORIAN
KESTRAN [KST]
ORVANIA [ORV]
CASTLE_VARN [VLDGOV]
IRONHOLD_KEEP [KSTMIL]
"""
AGENTS = """\
GOVERNMENT [~GOV]
TRADE_ENVOY [~GOVTRD]
LAWMAKER [~LEG]
"""

# Story-level ("+") and sentence-level discards.
DISCARDS = """\
# a comment
+HURRICANE_SEASON
YEARS LATER
CUP FINAL
GROUP A_
"""


@pytest.fixture
def dictionaries(tmp_path: Path) -> tuple[str, ...]:
    files = []
    for name, text in (
        ("verbs", VERBS),
        ("actors", ACTORS),
        ("agents", AGENTS),
        ("discards", DISCARDS),
    ):
        src = tmp_path / f"{name}.txt"
        src.write_text(text, encoding="utf-8")
        out = tmp_path / f"{name}.tsv"
        if name == "verbs":
            converted = import_verbs(str(src))
        elif name == "discards":
            converted = import_discards(str(src))
        else:
            converted = import_dictionary(str(src)).text
        out.write_text(converted, encoding="utf-8")
        files.append(str(out))
    return tuple(files)


def _code(text: str, files: tuple[str, ...]) -> set[tuple[str | None, str, str | None]]:
    parsed = next(parse([article(text)]))
    resolved = resolve_actors(parsed, ActorOptions(dictionaries=files, bundled=False))
    return triples(code_events(resolved, EventOptions(dictionaries=files, bundled=False)))


def test_target_found_in_a_prepositional_phrase(dictionaries: tuple[str, ...]) -> None:
    # "MEND" marks no target: PETRARCH takes the actor of the verb phrase, here after "with".
    assert _code("Valdoria mended relations with Kestran on Monday.", dictionaries) == {
        ("VLD", "064", "KST")
    }


def test_codes_outside_cameo_are_kept(dictionaries: tuple[str, ...]) -> None:
    assert _code("Valdoria mended fences with Kestran.", dictionaries) == {("VLD", "901", "KST")}


def test_agents_extend_imported_root_codes(dictionaries: tuple[str, ...]) -> None:
    found = _code("The Valdorian trade envoy scolded the Kestran government.", dictionaries)
    assert found == {("VLDGOVTRD", "111", "KSTGOV")}


def test_direct_object_is_the_target_first(dictionaries: tuple[str, ...]) -> None:
    assert _code("Kestran scolded Valdoria over the border.", dictionaries) == {
        ("KST", "111", "VLD")
    }


def test_words_before_the_verb_decide_the_code_and_the_mood(dictionaries: tuple[str, ...]) -> None:
    # "NOT *": the entry codes the negative statement itself, which is not a negated event.
    assert _code("Kestran did not scold Valdoria.", dictionaries) == {("KST", "901", "VLD")}


def test_paired_code_adds_the_targets_act_back(dictionaries: tuple[str, ...]) -> None:
    assert _code("Valdoria greeted Kestran on Monday.", dictionaries) == {
        ("VLD", "031", "KST"),
        ("KST", "032", "VLD"),
    }


def test_an_imported_verb_form_matches_as_written(dictionaries: tuple[str, ...]) -> None:
    # The block "HELD" is the form "held", not every form of "hold".
    assert _code("Valdoria held Kestran.", dictionaries) == {("VLD", "902", "KST")}
    assert _code("Valdoria holds Kestran.", dictionaries) == set()


def test_discards_rule_out_sentences_and_stories(dictionaries: tuple[str, ...]) -> None:
    text = "Valdoria scolded Kestran. Years later Kestran scolded Valdoria."
    assert _code(text, dictionaries) == {("VLD", "111", "KST")}
    story = "Valdoria scolded Kestran. The hurricane season began early."
    assert _code(story, dictionaries) == set()


def test_imported_words_anywhere_in_the_verb_phrase(dictionaries: tuple[str, ...]) -> None:
    # "* WAR": the word is in the verb phrase, under the complement "to wage".
    assert _code("Valdoria vowed to wage war on Kestran.", dictionaries) == {("VLD", "173", "KST")}
    # A set of prepositions: one entry each ("vowed on a resolution", "against a resolution").
    found = _code("Valdoria vowed on a resolution with Kestran.", dictionaries)
    assert found == {("VLD", "102", "KST")}


def test_compound_subjects_act_on_one_another(dictionaries: tuple[str, ...]) -> None:
    # "% *": only when the subject is conjoined; one subject alone gets the block's default.
    assert _code("Valdoria and Kestran parleyed.", dictionaries) == {
        ("VLD", "030", "KST"),
        ("KST", "030", "VLD"),
    }
    assert _code("Valdoria parleyed with Kestran.", dictionaries) == {("VLD", "081", "KST")}


def test_without_bundled_dictionaries_only_imported_actors(dictionaries: tuple[str, ...]) -> None:
    # kipu's own agents know "protesters" and its countries know Peru; the imported ones do not.
    assert _code("Protesters scolded Kestran.", dictionaries) == set()
    assert _code("Peru scolded Kestran.", dictionaries) == set()


def test_imported_names_are_actors_in_a_place_role(dictionaries: tuple[str, ...]) -> None:
    # kipu's own countries are places after "in"; TABARI/PETRARCH names are actors anywhere.
    assert _code("Valdoria scolded the government in Kestran.", dictionaries) == {
        ("VLD", "111", "KSTGOV")
    }
    assert _code("Valdoria mended relations in Kestran.", dictionaries) == {("VLD", "064", "KST")}


def test_words_joined_by_underscores_stand_together(dictionaries: tuple[str, ...]) -> None:
    assert _code("Valdoria snubbed new trade routes to Kestran.", dictionaries) == {
        ("VLD", "903", "KST")
    }
    # "new ... trade routes" is not "NEW_TRADE_ROUTES": the block's default code.
    assert _code("Valdoria snubbed new sea trade routes to Kestran.", dictionaries) == {
        ("VLD", "111", "KST")
    }
    # "RECENTLY_*": right before the verb.
    assert _code("Valdoria recently snubbed Kestran.", dictionaries) == {("VLD", "904", "KST")}
    assert _code("Valdoria snubbed Kestran recently.", dictionaries) == {("VLD", "111", "KST")}


def test_passive_subject_is_the_target(dictionaries: tuple[str, ...]) -> None:
    assert _code("Valdoria was scolded by Kestran over trade with Kestran.", dictionaries) == {
        ("KST", "111", "VLD")
    }


def test_a_phrase_takes_the_actor_named_in_it(dictionaries: tuple[str, ...]) -> None:
    # "militia" is no agent of the imported dictionaries: the phrase is Valdoria's.
    assert _code("Valdoria's militia scolded Kestran.", dictionaries) == {("VLD", "111", "KST")}


def test_words_before_the_verb_in_the_governing_clause(dictionaries: tuple[str, ...]) -> None:
    # "SAID WOULD *": the words and the actor come from the clause that governs "snub".
    assert _code("Valdoria said it would snub Kestran.", dictionaries) == {("VLD", "905", "KST")}


def test_target_in_a_purpose_clause_when_the_phrase_has_none(dictionaries: tuple[str, ...]) -> None:
    assert _code("Valdoria mended the road to help Kestran.", dictionaries) == {
        ("VLD", "064", "KST")
    }


RECORDS = """\
<Validation><Sentences>
<Sentence date="20100101" id="T-1" category="DEMO">
<EventCoding sourcecode="VLD" targetcode="KST" eventcode="064"></EventCoding>
<Text>Valdoria mended relations with Kestran.</Text>
</Sentence>
<Sentence date="20100101" id="T-2" category="DISCARD">
<Text>Years later Valdoria scolded Kestran.</Text>
</Sentence>
</Sentences></Validation>
"""


def test_evaluate_petrarch_records_without_bundled(
    dictionaries: tuple[str, ...], tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from kipu.cli import app

    gold = tmp_path / "records.xml"
    gold.write_text(RECORDS, encoding="utf-8")
    args = ["evaluate", str(gold), "--format", "petrarch-records", "--no-bundled"]
    for path in dictionaries:
        args += ["--dictionary", path]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert '"exact_share": 1.0' in result.output


def test_verb_with_a_word_glued_before_it(dictionaries: tuple[str, ...]) -> None:
    # "BAR_+FENCE": "bar fenced" is SNUB's default; "fenced" alone is no entry.
    assert _code("Valdoria's militia bar fenced Kestran.", dictionaries) == {("VLD", "111", "KST")}
    assert _code("Valdoria's militia fenced Kestran.", dictionaries) == set()


def test_an_agent_spreads_over_conjoined_countries(dictionaries: tuple[str, ...]) -> None:
    # "the trade envoys of Valdoria and Kestran": an envoy of each.
    found = _code("The trade envoys of Valdoria and Kestran scolded Orvania.", dictionaries)
    assert found == {("VLDGOVTRD", "111", "ORV"), ("KSTGOVTRD", "111", "ORV")}


def test_an_agent_of_several_countries_is_each_countrys(dictionaries: tuple[str, ...]) -> None:
    # Envoys of three countries have no one country of their own: each country gets its envoy.
    text = "The trade envoys of Valdoria, Orvania and Kestran scolded Castle Varn."
    assert _code(text, dictionaries) == {
        ("VLDGOVTRD", "111", "VLDGOV"),
        ("ORVGOVTRD", "111", "VLDGOV"),
        ("KSTGOVTRD", "111", "VLDGOV"),
    }


def test_a_name_for_a_government_is_a_seat_of_power(tmp_path: Path) -> None:
    src = tmp_path / "actors.txt"
    src.write_text(ACTORS, encoding="utf-8")
    rows = [line.split("\t") for line in import_dictionary(str(src)).text.splitlines()]
    # A state's government or military alone: kipu's seat of power, an actor wherever it stands.
    assert ["VLD", "capital", "Castle Varn", "actor"] in rows
    assert ["KST", "capital", "Ironhold Keep", "military,actor"] in rows


def test_a_seat_of_power_is_an_actor_in_a_place_role(dictionaries: tuple[str, ...]) -> None:
    # PETRARCH codes the name where it stands: the closures in Castle Varn are Valdoria's.
    found = _code("Kestran scolded the closure of schools in Castle Varn.", dictionaries)
    assert found == {("KST", "111", "VLDGOV")}
    assert _code("Ironhold Keep scolded Valdoria.", dictionaries) == {("KSTMIL", "111", "VLD")}


def test_a_pattern_wins_over_its_verbs_default_code(dictionaries: tuple[str, ...]) -> None:
    # "* WITH +" names the slot the actor fills; the block's own code is for no pattern matching.
    assert _code("Valdoria bickered with Kestran.", dictionaries) == {("VLD", "112", "KST")}
    assert _code("Valdoria bickered over Kestran.", dictionaries) == {("VLD", "111", "KST")}


def test_conjoined_agents_share_the_countries_after_them(dictionaries: tuple[str, ...]) -> None:
    # "in Valdoria and Kestran" follows both agents: the lawmakers and envoys of each country.
    found = _code(
        "Lawmakers and trade envoys in Valdoria and Kestran scolded Orvania.", dictionaries
    )
    assert found == {
        ("VLDLEG", "111", "ORV"),
        ("KSTLEG", "111", "ORV"),
        ("VLDGOVTRD", "111", "ORV"),
        ("KSTGOVTRD", "111", "ORV"),
    }
    # A phrase between them is the first agent's alone.
    found = _code("Lawmakers in Valdoria and trade envoys scolded Orvania.", dictionaries)
    assert found == {("VLDLEG", "111", "ORV"), ("GOVTRD", "111", "ORV")}


def test_a_prepositional_target_is_the_actor_named_in_its_phrase(
    dictionaries: tuple[str, ...],
) -> None:
    # "(FOR +)": PETRARCH's target is the noun phrase after "for", whose actor is Kestran.
    found = _code("Valdoria appealed for a boycott against Kestran.", dictionaries)
    assert found == {("VLD", "096", "KST")}
    assert _code("Valdoria appealed for Kestran.", dictionaries) == {("VLD", "096", "KST")}


def test_each_conjoined_subject_takes_the_actor_named_in_it(dictionaries: tuple[str, ...]) -> None:
    # "delegation" is no agent of the imported dictionaries: "Kestran's delegation" is Kestran's,
    # beside Valdoria, as a lone subject would be.
    assert _code("Valdoria and Kestran's delegation parleyed.", dictionaries) == {
        ("VLD", "030", "KST"),
        ("KST", "030", "VLD"),
    }


def test_a_list_of_countries_is_one_compound_subject(dictionaries: tuple[str, ...]) -> None:
    # The parse takes "the stubborn Kestran" for an apposition and "Orvania" for a second
    # subject; one country is never another's apposition: the three are a list.
    text = "Proud Valdoria, the stubborn Kestran, and Orvania snubbed Castle Varn."
    assert _code(text, dictionaries) == {
        ("VLD", "111", "VLDGOV"),
        ("KST", "111", "VLDGOV"),
        ("ORV", "111", "VLDGOV"),
    }
    # An apposition that is no country is the same actor, whatever country it names.
    found = _code("Valdoria, the northern neighbour of Kestran, snubbed Orvania.", dictionaries)
    assert found == {("VLD", "111", "ORV")}


def test_an_event_needs_a_source_and_a_target(dictionaries: tuple[str, ...]) -> None:
    # PETRARCH's default (require_dyad): no event without an actor acted on.
    assert _code("Valdoria scolded the new budget plan.", dictionaries) == set()
    assert _code("Valdoria scolded Kestran's budget plan.", dictionaries) == {("VLD", "111", "KST")}


def test_discard_phrases_are_stems_unless_they_end_with_underscore(
    dictionaries: tuple[str, ...],
) -> None:
    # "CUP FINAL" is a stem (it holds "cup finals"); "GROUP A_" ends where it is written.
    assert _code("At the cup finals Valdoria scolded Kestran.", dictionaries) == set()
    assert _code("In group A Valdoria scolded Kestran.", dictionaries) == set()
    found = _code("In group Alpha talks Valdoria scolded Kestran.", dictionaries)
    assert found == {("VLD", "111", "KST")}


def test_a_relative_clause_is_not_read_as_a_compound_subject(
    dictionaries: tuple[str, ...],
) -> None:
    # "which" stands for Kestran alone: Valdoria, conjoined with it as an object, snubbed no one.
    found = _code("Orvania scolded Valdoria and Kestran, which snubbed Castle Varn.", dictionaries)
    assert found == {("ORV", "111", "VLD"), ("ORV", "111", "KST"), ("KST", "111", "VLDGOV")}
