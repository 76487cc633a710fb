"""Statements (CAMEO 01x): a speech verb whose reported clause names another actor."""

from __future__ import annotations

import pytest

from tests.helpers import code, triples

pytestmark = pytest.mark.model


def test_said_about_another_country_is_a_statement() -> None:
    text = "The Japanese foreign minister said on Friday that China was becoming more assertive."
    got = triples(code(text))
    assert ("JPNGOV", "010", "CHN") in got


def test_speakers_pessimism_about_another_actor_is_012() -> None:
    text = "The Brazilian president said he was skeptical about Argentina's new budget."
    got = triples(code(text))
    assert ("BRAGOV", "012", "ARG") in got


def test_speakers_confidence_that_another_actor_acts_is_013() -> None:
    text = "The Kenyan president said he was confident that Uganda would reopen the border."
    assert ("KENGOV", "013", "UGA") in triples(code(text))


def test_conjoined_parties_agreeing_that_is_accord() -> None:
    text = (
        "The Kenyan president and the Ugandan president agreed that the dispute was a matter "
        "for the courts."
    )
    got = triples(code(text))
    assert ("KENGOV", "019", "UGAGOV") in got and ("UGAGOV", "019", "KENGOV") in got


def test_no_statement_without_another_actor() -> None:
    assert not [
        e for e in code("Officials said a man was arrested near the border.") if e.root == "01"
    ]
    assert not code("The Chilean minister said the talks would resume next week.")


def test_no_statement_about_the_speakers_own_country() -> None:
    got = triples(code("The French president said French troops would stay."))
    assert not any(c == "010" for _, c, _ in got)


def test_a_reported_event_is_coded_instead_of_the_statement() -> None:
    got = triples(code("Kenya said Ugandan troops attacked a border post on Sunday."))
    assert not any(c.startswith("01") for _, c, _ in got)
    assert any(c.startswith("19") for _, c, _ in got)


def test_a_statement_still_to_be_made_is_not_coded() -> None:
    got = triples(code("The Peruvian president will tell Chile that the deal is over."))
    assert not any(c.startswith("01") for _, c, _ in got)


def test_no_statement_of_a_reported_condition() -> None:
    text = "The Indian minister said that if Pakistan cooperates, the talks would succeed."
    assert not any(c.startswith("01") for _, c, _ in triples(code(text)))


def test_negated_statement_is_not_coded() -> None:
    text = "The Italian minister did not say that Egypt had broken the agreement."
    assert not any(c.startswith("01") for _, c, _ in triples(code(text)))


def test_report_of_an_act_that_did_not_happen_is_not_a_statement() -> None:
    for text in (
        "Ugandan forces did not advance on the town overnight, the Kenyan military said.",
        "The Kenyan military said Ugandan forces did not advance on the town overnight.",
    ):
        assert not any(c.startswith("01") for _, c, _ in triples(code(text)))
