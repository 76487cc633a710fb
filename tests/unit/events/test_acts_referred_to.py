"""Acts referred to by a noun: whoever decided, planned or did the act ("Hungary's decision to
expel"), and judgements or appeals about an act, coded against its doer ("condemned the
invasion" after "Russia invaded Georgia")."""

from __future__ import annotations

import pytest

from tests.helpers import code, triples

pytestmark = pytest.mark.model


def test_the_owner_of_a_decision_does_the_act_decided() -> None:
    got = triples(code("Hungary's decision to expel two Russian diplomats angered Moscow."))
    assert ("HUN", "161", "RUSGOV") in got
    # a possessive pronoun is the subject of the clause the noun belongs to
    text = (
        "The Hungarian interior minister has come under fire for his decision to revoke the "
        "citizenship of a Russian student."
    )
    assert ("HUNGOV", "172", "RUSEDU") in triples(code(text))


def test_a_plan_announced_is_an_intent_of_the_one_announcing_it() -> None:
    got = triples(code("Hungary announced a plan to withdraw its troops from Mali."))
    assert {c for _, c, _ in got} == {"0356"}
    assert {s for s, _, _ in got} == {"HUN"}


def test_a_refusal_or_a_decision_judged_by_others_codes_no_act() -> None:
    assert not [
        e
        for e in code("Hungary's refusal to meet Russian officials angered Moscow.")
        if e.root == "04"
    ]
    # the critic did not expel anyone
    got = triples(code("Moscow criticised the decision to expel two Russian diplomats."))
    assert not [t for t in got if t[1] == "161"]


def test_a_judgement_of_an_act_named_before_targets_its_doer() -> None:
    text = "Russia invaded Georgia in August. Germany condemned the invasion."
    assert ("DEU", "111", "RUS") in triples(code(text))
    text = "Russian forces launched an assault on Kharkiv on Monday. France condemned the assault."
    assert ("FRA", "111", "RUSMIL") in triples(code(text))


def test_an_appeal_about_an_act_named_before_targets_its_doer() -> None:
    text = (
        "Russian forces launched an assault on Kharkiv on Monday. "
        "France called for the assault to be halted."
    )
    assert ("FRA", "020", "RUSMIL") in triples(code(text))


def test_a_statement_about_a_decision_told_before_targets_the_one_who_made_it() -> None:
    text = (
        "The Hungarian interior minister has come under fire for his decision to revoke the "
        "citizenship of a student. Critics gathered in Budapest. An opposition MP, Peter "
        "Nagy, said the decision was driven by populism."
    )
    assert ("HUNLEG", "111", "HUNGOV") in triples(code(text))


def test_a_judgement_of_a_thing_targets_its_owner() -> None:
    assert ("IRN", "120", "USA") in triples(code("Iran rejected the American proposal."))
    text = "The Syrian opposition boycotted the Russian conference."
    assert ("SYROPP", "143", "RUS") in triples(code(text))


def test_a_thing_of_the_actors_own_country_is_no_target() -> None:
    got = triples(code("The Russian president visited a Russian airbase in Syria on Monday."))
    assert not [t for t in got if t[2] and t[2].startswith("RUS")]


def test_one_stripped_of_a_citizenship_is_that_country_s_citizen() -> None:
    text = "Varga was stripped of Hungarian citizenship by the interior ministry."
    assert ("HUNGOV", "172", "HUNCVL") in triples(code(text))
    # no nationality written on it: the state that takes it away gave it
    text = "The Hungarian government revoked the citizenship of Anna Varga."
    assert ("HUNGOV", "172", "HUNCVL") in triples(code(text))
    # someone with a country of their own keeps it
    text = "The Hungarian government revoked the citizenship of a Russian student."
    assert ("HUNGOV", "172", "RUSEDU") in triples(code(text))


def test_an_act_done_again_to_another_is_by_the_doer_told_before() -> None:
    text = (
        "Turkish police arrested a British journalist in Ankara on Monday. "
        "Jansen, 23, a Dutch national, was also arrested."
    )
    assert any(
        t[:2] == ("TURCOP", "173") and (t[2] or "").startswith("NLD") for t in triples(code(text))
    )
    # without "also" the second arrest is not the first doer's act: at most the state whose
    # police the article names is implied
    text = (
        "Turkish police arrested a British journalist in Ankara on Monday. "
        "Jansen, 23, a Dutch national, was arrested in March."
    )
    second = [
        e
        for e in code(text)
        if e.target is not None and (e.target.code or "").startswith("NLD") and e.source
    ]
    assert all(e.source is not None and e.source.rule.startswith("implied:") for e in second)


def test_a_passive_act_done_with_the_doers_own_thing_is_by_its_owner() -> None:
    got = triples(code("US sanctions were lifted on several Turkish citizens."))
    assert any(s and s.startswith("USA") and c == "085" for s, c, _ in got)
    # a thing acted on is not its owner's act
    events = code("The Russian embassy was attacked on Monday.")
    assert all(e.source is None or not e.source.code.startswith("RUS") for e in events)


def test_a_plan_told_with_its_owner_is_the_target_of_its_rejection() -> None:
    # no event is coded for the announcement; the plan and its owner are remembered
    text = (
        "Washington announced plans for a 30,000-strong force inside Syria on Monday. "
        "Russia also opposed the plan, saying it could lead to the partition of Syria."
    )
    got = triples(code(text))
    assert any(s == "RUS" and c.startswith("11") and (t or "").startswith("USA") for s, c, t in got)


def test_a_thing_sponsored_by_a_country_is_that_countrys() -> None:
    got = triples(code("Peru's opposition will not attend the Chilean-sponsored talks."))
    assert ("PEROPP", "125", "CHL") in got
    got = triples(code("Kenya condemned the Ethiopian-led offensive."))
    assert ("KEN", "111", "ETH") in got


def test_the_entrys_own_object_is_what_an_intent_to_meet_is_about() -> None:
    # "attend a conference" names the thing in the entry: its owner is the target.
    got = triples(code("The Peruvian foreign minister will attend a Chilean peace conference."))
    assert ("PERGOV", "036", "CHL") in got


def test_an_act_done_in_an_operation_told_before_is_by_its_doer() -> None:
    text = (
        "Peru launched a military campaign inside Bolivia on Monday. The Peruvian minister "
        "said 300 rebels had been killed in the offensive near Cochabamba."
    )
    got = [e for e in code(text) if e.sentence_index == 1 and e.cameo == "190"]
    assert [(e.source.code, e.target.code) for e in got if e.source and e.target] == [
        ("PER", "BOLREB")
    ]
    assert "operation-named-before:'offensive'" in got[0].source.rule


def test_an_attack_of_another_name_told_before_is_the_one_referred_to() -> None:
    text = (
        "Aid agencies fear that thousands could be displaced by a Chilean-led bombardment of the "
        "border province. The Red Cross called for the planned assault to be abandoned."
    )
    got = triples(code(text))
    assert any(c.startswith("02") and (t or "").startswith("CHL") for _, c, t in got)
