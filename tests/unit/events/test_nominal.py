"""Events named by a noun no verb reports: the doer as a possessor, a nationality or a name that
modifies the noun; the doer alone for force; the victim alone for arrests (hand-written
sentences, real model)."""

from __future__ import annotations

import pytest

from kipu.records import Event
from tests.helpers import code, triples

pytestmark = pytest.mark.model


def roots(events: list[Event], root: str) -> list[Event]:
    return [e for e in events if e.root == root and not e.negated]


def test_a_force_noun_with_its_doer_alone_is_coded() -> None:
    got = triples(code("Kenya's offensive in the border region has displaced thousands."))
    assert ("KEN", "190", None) in got


def test_a_nationality_names_the_forces_that_act() -> None:
    [e] = roots(code("A Nigerian military campaign against the rebels began last week."), "19")
    assert e.source is not None and e.source.code == "NGAMIL"
    assert e.source.rule.startswith("implied:")


def test_a_nationality_on_the_weapon_is_the_doer_of_the_harm() -> None:
    [e] = roots(code("Russian airstrikes killed twelve villagers in the province."), "19")
    assert e.source is not None and e.source.code == "RUSMIL" and not e.one_sided


def test_an_organisation_named_on_the_attack_is_its_doer() -> None:
    got = roots(code("He was killed in a Hezbollah ambush on Monday."), "19")
    assert got and all(e.source is not None and e.source.country == "LBN" for e in got)


def test_an_arrest_naming_only_its_victim_is_one_sided() -> None:
    [e] = roots(code("The arrest of the opposition leader sparked protests."), "17")
    assert e.one_sided and e.source is None and e.target is not None
    assert e.target.sector == "OPP"


def test_the_possessor_of_an_arrest_is_the_one_arrested() -> None:
    [e] = roots(code("After his arrest in Egypt, the blogger spent four months in jail."), "17")
    assert e.one_sided and e.source is not None and e.source.code == "EGYCOP"


def test_a_state_of_affairs_or_a_hedged_act_is_no_event() -> None:
    assert not roots(code("Peru's hostility to the plan is well known."), "19")
    assert not roots(code("The army warned of a potential Chilean attack on the port."), "19")


def test_a_bare_plural_names_a_kind_of_act() -> None:
    assert not code("Attacks on civilians are a war crime.")


def test_an_act_told_again_by_its_noun_is_not_a_new_event() -> None:
    text = (
        "Kenya launched an offensive against the rebels on Monday. "
        "Kenya's offensive has displaced thousands."
    )
    assert len(roots(code(text), "19")) == 1


def test_a_noun_under_the_verb_it_is_the_subject_of_adds_only_a_target() -> None:
    got = triples(code("Turkish airstrikes killed ten fighters near the border."))
    assert [c for _, c, _ in got if c.startswith("19")] == ["190"]


def test_a_passive_act_between_two_sides_is_done_by_both() -> None:
    got = triples(code("A trade agreement was signed between Kenya and Uganda on Monday."))
    assert ("KEN", "057", "UGA") in got and ("UGA", "057", "KEN") not in got


def test_diplomats_expelled_reduce_relations() -> None:
    got = code("The expulsion of Ugandan diplomats sparked a row.")
    assert [(e.cameo, e.target.code if e.target else None) for e in got] == [("161", "UGAGOV")]


def test_a_noun_saying_what_an_act_was_is_not_a_new_act() -> None:
    text = (
        "Russian missiles hit a Ukrainian market on Monday. "
        "Ukraine condemned the attack as a deliberate strike on civilians."
    )
    assert len(roots(code(text), "19")) == 1


def test_a_participle_of_a_reporting_verb_takes_the_doer_its_noun_names() -> None:
    got = triples(code("Sweeping Canadian sanctions imposed on Iran last week hurt its banks."))
    assert ("CANGOV", "163", "IRN") in got


def test_a_possessive_pronoun_of_an_act_is_the_subject_that_reports_it() -> None:
    got = triples(code("The Kenyan army began its assault on the port in June."))
    assert ("KENMIL", "190", None) in got


def test_people_hit_by_a_named_doer_are_its_target_though_no_dictionary_places_them() -> None:
    got = code("Three men were attacked by the Kenyan army.")
    assert any(
        e.source is not None and e.target is not None and e.target.text == "Three men" for e in got
    )


def test_an_agent_modifying_an_act_is_its_doer_but_not_the_kind_of_act() -> None:
    got = triples(code("A police crackdown on protesters followed the march."))
    assert ("COP", "175", "CVL") in got
    assert not any(s == "UAF" for s, _, _ in triples(code("A terror attack hit the market.")))


def test_an_act_one_was_spared_did_not_happen() -> None:
    assert not code("The town was spared an assault by the Kenyan army last autumn.")


def test_convictions_held_are_beliefs_not_verdicts() -> None:
    assert not code("She joined the militia because of her socialist convictions.")


def test_a_meeting_that_is_the_time_of_another_act_happened() -> None:
    # "told" governs demands too; the meeting it is the time of is told as a fact
    text = "The Kenyan president told reporters during a meeting with the emir of Qatar."
    assert ("KENGOV", "040", "QATGOV") in triples(code(text))


def test_who_led_an_act_did_it_and_a_states_bombing_is_an_air_strike() -> None:
    got = triples(code("A Peruvian-led bombing of the Bolivian town of Oruro killed ten."))
    assert ("PER", "195", "BOL") in got
    # a bombing by no state is CAMEO's non-military bombing
    got = triples(code("Rebels claimed a bombing in the Bolivian town of Oruro."))
    assert not [t for t in got if t[1] == "195"]


def test_a_cut_in_aid_named_by_a_noun() -> None:
    got = triples(code("Bolivia condemned Peru's cut in aid to Bolivian farmers."))
    assert any(t[0] == "PER" and t[1] == "162" for t in got), got


@pytest.mark.parametrize(
    "text",
    [
        "Two Somali militants were killed by a US drone strike.",
        "Two Somali militants were killed in a US drone strike.",
    ],
)
def test_an_attack_a_killing_was_done_by_or_in_is_the_killing_itself(text: str) -> None:
    # one act: the verb's event with the attack's doer, no second event for the noun
    events = code(text)
    assert len(events) == 1 and triples(events) == {("USAMIL", "190", "SOMREB")}


def test_an_organisation_named_on_an_attack_did_it() -> None:
    got = triples(code("Three Kenyan soldiers were killed in an Isis ambush."))
    assert got == {("IMGMUS", "190", "KENMIL")}


def test_a_wounding_in_an_attack_is_force_not_a_bombing() -> None:
    got = triples(code("Two Kenyan soldiers were wounded in a Russian attack on the base."))
    assert got == {("RUSMIL", "190", "KENMIL")}


def test_the_organisation_named_on_a_place_hit_is_its_owner() -> None:
    got = triples(code("Kenyan troops seized the last Isis strongholds near the border."))
    assert any(t == "IMGMUS" for _, _, t in got)


def test_an_organisation_named_on_an_attack_is_where_the_article_placed_it() -> None:
    text = (
        "Isis fighters attacked the town of Raqqa in Syria on Monday. "
        "Three Kenyan soldiers were killed in an Isis ambush near the border."
    )
    killed = [e for e in code(text) if e.sentence_index == 1 and e.root == "19"]
    assert killed and all(e.source is not None for e in killed)
    assert {(e.source.code, e.source.country) for e in killed if e.source} == {("IMGMUS", "SYR")}
