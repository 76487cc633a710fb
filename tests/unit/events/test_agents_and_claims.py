"""Who acted when the sentence hides it: headline passives, attacks named by a noun, claims,
processes begun, communities, and roles named with "as" (hand-written sentences, real model)."""

from __future__ import annotations

import pytest

from tests.helpers import code, triples

pytestmark = pytest.mark.model


def test_headline_passive_subject_is_not_the_actor() -> None:
    # A participle with no auxiliary and no object: the protesters were arrested, by the police
    # of the place the clause names (a one-sided event).
    [arrest] = [e for e in code("Kenyan protesters arrested in Nairobi.") if e.cameo == "173"]
    assert arrest.one_sided and arrest.source is not None and arrest.source.code == "KENCOP"
    assert arrest.target is not None and arrest.target.sector == "CVL"
    got = triples(code("Kenyan police arrested five protesters in Nairobi."))
    assert any(s == "KENCOP" and c == "173" for s, c, _ in got)


def test_claimed_act_is_not_coded() -> None:
    text = "The panel examined an allegation that Tanzanian rebels had taken over the town."
    assert not [e for e in code(text) if e.cameo.startswith("19")]
    assert [e for e in code("Tanzanian rebels took over the town.") if e.cameo == "192"]
    # "claim to have done" is a claim, as "claimed that they had done" is
    assert not code("Kenya and Uganda claim to have destroyed their chemical stocks.")
    assert not [e for e in code("Kenya claimed to have shelled rebel positions.") if e.root == "19"]


def test_begun_process_reports_the_act() -> None:
    got = triples(code("Kenya began the process of withdrawing its troops from Somalia."))
    assert any(s and s.startswith("KEN") and c == "0874" for s, c, _ in got)
    assert not code("Officials discussed the process of withdrawing Kenyan troops from Somalia.")


def test_attacker_named_in_the_attack_phrase() -> None:
    got = triples(code("Two Turkish soldiers were killed in an attack by Syrian rebels on Sunday."))
    assert ("SYRREB", "190", "TURMIL") in got
    # The parse hangs "by" on the attack's target; the attacker is still the source.
    got = triples(code("A Turkish soldier was killed in an attack on a convoy by Syrian rebels."))
    assert ("SYRREB", "190", "TURMIL") in got


def test_community_is_not_its_state() -> None:
    got = triples(code("Croatia is investigating war crimes by Croatian extremists."))
    assert ("HRV", "094", "HRV") in got


def test_people_held_as_shields_or_hostages() -> None:
    got = triples(code("Sri Lankan troops held Tamil villagers as human shields."))
    assert any(c == "184" for _, c, _ in got)
    got = triples(code("Iraqi forces held British journalists as hostages."))
    assert any(c == "181" and t and t.startswith("GBR") for _, c, t in got)
    assert not [
        e for e in code("The government used the ceasefire as a shield.") if e.cameo == "184"
    ]


def test_suspended_links() -> None:
    got = triples(code("Egypt cut trade links with Qatar on Monday."))
    assert ("EGY", "160", "QAT") in got


def test_obligation_is_not_an_act() -> None:
    assert not code("Kenya has to withdraw its troops from Somalia, the minister said.")
    assert not code("Kenya needs to withdraw its troops from Somalia.")


def test_leaving_an_organisation_is_no_military_retreat() -> None:
    assert not [e for e in code("Britain has withdrawn from the EU.") if e.cameo == "0874"]
    got = triples(code("Kenya withdrew its troops from Somalia."))
    assert any(c == "0874" for _, c, _ in got)


def test_words_about_the_object_are_not_its_kind() -> None:
    # "the presence of forces" names no use of force; "$84 million of aid" names aid.
    text = "The Syrian government seeks to use the presence of jihadi forces to discredit them all."
    assert not [e for e in code(text) if e.cameo.startswith("17") or e.cameo == "137"]
    got = triples(code("Japan granted 45 million dollars of aid to Peru."))
    assert ("JPN", "070", "PER") in got
    assert any(
        c.startswith("07")
        for _, c, _ in triples(
            code("Kenyan nurses handed over 300 kg of medicine to the Red Cross in Juba.")
        )
    )
