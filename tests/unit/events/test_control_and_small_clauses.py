"""Who acts in an open complement, agents the parse misplaces, small clauses, and the
verb-phrase entries for citizenship, sending back and ending support."""

from __future__ import annotations

import pytest

from tests.helpers import code

pytestmark = pytest.mark.model


def _coded(text: str) -> list[tuple[str | None, str | None, str]]:
    return [
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
        for e in code(text)
    ]


def test_the_object_of_a_causing_verb_does_the_complement_act() -> None:
    got = _coded("The sanctions led Riyadh to renege on its promise to Iraq.")
    assert any(s == "SAUGOV" and c.startswith("12") for s, _, c in got)


def test_the_one_who_persuades_does_not_launch_the_strikes() -> None:
    got = _coded("Kenya persuaded Uganda to launch missile strikes on the Somali rebels.")
    assert ("UGA", "SOMREB", "195") in got
    assert not any(s == "KEN" and c.startswith("19") for s, _, c in got)


def test_a_promise_to_someone_keeps_the_promiser_acting() -> None:
    got = _coded("Uganda promised Kenya to release the prisoners.")
    assert any(s == "UGA" and c == "0353" for s, _, c in got)
    assert not any(s == "KEN" for s, _, _ in got)


def test_a_by_phrase_hung_on_the_manner_is_still_the_agent() -> None:
    got = _coded("Kenyan villages were shelled with impunity by Ugandan soldiers.")
    assert any(s == "UGAMIL" and c.startswith("19") for s, _, c in got)


def test_holding_someone_responsible_is_an_accusation() -> None:
    got = _coded(
        "Kenya has raised the pressure by holding Uganda responsible for the border raids."
    )
    assert ("KEN", "UGA", "112") in got


def test_revoking_citizenship_is_an_administrative_sanction() -> None:
    got = _coded("The Kenyan government revoked the citizenship of the opposition leader.")
    assert any(s == "KENGOV" and c == "172" for s, _, c in got)


def test_sending_people_back_is_deportation_but_not_sending_a_letter_back() -> None:
    assert any(c == "174" for _, _, c in _coded("Kenya sent the refugees back to Somalia."))
    assert not any(c == "174" for _, _, c in _coded("Kenya sent the letter back to Uganda."))


def test_ending_support_for_a_party_cuts_its_aid() -> None:
    got = _coded("Uganda has ended support for the Kenyan rebels.")
    assert ("UGA", "KENREB", "162") in got
