"""Verb-phrase entries read from news: views exchanged, help given."""

from __future__ import annotations

import pytest

from tests.helpers import code

pytestmark = pytest.mark.model


def _coded(text: str) -> list[tuple[str | None, str | None, str]]:
    return [
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
        for e in code(text)
    ]


def test_exchanging_views_is_a_discussion() -> None:
    assert ("KEN", "UGA", "040") in _coded("Kenya exchanged views with Uganda on trade.")
    got = _coded("Kenya and Uganda exchanged views on the border dispute.")
    assert ("KEN", "UGA", "040") in got and ("UGA", "KEN", "040") not in got


def test_giving_help_is_aid() -> None:
    got = _coded("Kenya is giving consular help to the detained Ugandan.")
    assert any(s == "KEN" and t == "UGA" and c.startswith("07") for s, t, c in got)


def test_exchanging_fire_is_not_a_discussion() -> None:
    got = _coded("Kenyan and Ugandan troops exchanged fire on the border.")
    assert not any(c == "040" for _, _, c in got)


def test_a_second_charge_in_an_accusation_is_alleged_too() -> None:
    got = _coded(
        "Kenya's foreign minister accused Kampala of violating the 2013 agreement, "
        "and breaching the border treaty."
    )
    assert any(c == "112" and t == "UGAGOV" for _, t, c in got)
    assert not any(c.startswith("12") for _, _, c in got)


def test_a_plea_in_court_denies_or_admits_the_charge() -> None:
    assert any(
        c == "016" for _, _, c in _coded("The Kenyan activist pleaded not guilty to the charges.")
    )
    assert any(
        c == "015" for _, _, c in _coded("The Kenyan activist pleaded guilty to the charges.")
    )
    got = _coded(
        "The Kenyan activist pleaded not guilty to the charge of receiving training for purposes of terrorism."
    )
    assert not any(c.startswith("02") for _, _, c in got)


def test_demonstrating_something_is_no_protest() -> None:
    got = _coded("Ruto met Uganda's president in Kampala, demonstrating Kenya's new clout.")
    assert not any(c.startswith("14") for _, _, c in got)
    got = _coded("Thousands of Kenyans demonstrated in Nairobi against the new tax.")
    assert any(c.startswith("14") for _, _, c in got)


def test_an_act_of_a_state_long_ended_is_history() -> None:
    from kipu.events import EventOptions, code_events
    from tests.helpers import resolve

    text = "The Soviet Union was accused of using chemical weapons in Afghanistan."
    assert not code(text, "2018-05-01")
    kept = code_events(resolve(text, "2018-05-01"), EventOptions(historical=True))
    assert kept and all(e.historical and "state that ended" in e.rule for e in kept)
    assert code(text, "1985-05-01")  # news in its own time


def test_concerns_relayed_and_qualms_expressed_are_disapproval() -> None:
    got = _coded("Kenya's foreign minister relayed concerns over Uganda's troop build-up.")
    assert any(s == "KENGOV" and c.startswith("11") for s, _, c in got)
    got = _coded("Kenya's foreign minister expressed his qualms about Uganda's plan.")
    assert any(s == "KENGOV" and c.startswith("11") for s, _, c in got)


def test_a_body_owned_by_an_actor_is_the_actor() -> None:
    got = _coded("The Kenyan parliament's defence committee criticised the Ugandan government.")
    assert ("KENLEG", "UGAGOV", "111") in got


def test_the_one_an_act_nouns_of_phrase_names_is_the_one_judged() -> None:
    got = _coded("Kenya fiercely opposes the attendance of the main Ugandan rebel groups.")
    assert any(s == "KEN" and t == "UGAREB" and c.startswith("11") for s, t, c in got)
    got = _coded("Kenya criticised the presence of Ugandan troops.")
    assert ("KEN", "UGAMIL", "111") in got


def test_criticism_of_someone_is_about_them_not_by_them() -> None:
    got = _coded("Kenya went further in criticism of the Ugandan government.")
    assert ("KEN", "UGAGOV", "111") in got
    assert not any(s == "UGAGOV" for s, _, _ in got)


def test_an_act_said_of_another_actor_is_that_actors() -> None:
    got = _coded(
        "Kenyan president William Ruto said Ugandan president Yoweri Museveni will not stand "
        "in the way of the talks."
    )
    assert any(s == "UGAGOV" and c == "035" for s, _, c in got)
    assert not any(s == "KENGOV" and c == "035" for s, _, c in got)
    got = _coded("Kenyan president William Ruto said he would not stand in the way of the talks.")
    assert any(s == "KENGOV" and c == "035" for s, _, c in got)


def test_a_pronoun_no_one_is_found_for_acting_on_no_one_is_no_event() -> None:
    assert not _coded("He warned that the fighting could get worse.")
    got = _coded("He warned Uganda that the fighting could get worse.")
    assert any(t == "UGA" for _, t, _ in got)


def test_he_after_a_title_is_the_title_holder() -> None:
    got = _coded(
        "Kenyan rebels are a legitimate target, the defence secretary has said, as he refused "
        "to confirm reports of the strike."
    )
    assert any(c == "011" and s is not None for s, _, c in got)


def test_an_act_set_for_a_day_to_come_is_planned() -> None:
    got = _coded(
        "The plan will be tested on Friday when Uganda hosts a summit in Kampala with Kenya "
        "and Rwanda."
    )
    assert ("UGA", "KEN", "036") in got and ("UGA", "RWA", "036") in got
    got = _coded("The deal was signed on Friday when Uganda hosted a summit with Kenya.")
    assert ("UGA", "KEN", "043") in got


def test_the_agent_of_a_judgement_participle_judges() -> None:
    got = _coded("It was a decision hailed by the Kenyan foreign ministry.")
    assert any(s == "KENGOV" and c.startswith("05") for s, _, c in got)
    got = _coded(
        "Uganda announced that its envoy would attend the talks, a decision hailed by the "
        "Kenyan foreign ministry."
    )
    assert any(s == "KENGOV" and c.startswith("05") for s, _, c in got)
    got = _coded("Rebels backed by Kenya attacked the town.")
    assert not any(s == "KEN" and c.startswith("05") for s, _, c in got)
