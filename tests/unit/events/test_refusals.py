"""Refusals (CAMEO 12x) from a negated future of a cooperative act."""

from __future__ import annotations

import pytest

from tests.helpers import code

pytestmark = pytest.mark.model


def _coded(text: str) -> list[tuple[str | None, str, bool]]:
    return [(e.source.code if e.source else None, e.cameo, e.negated) for e in code(text)]


def test_will_not_accept_refugees_is_a_refusal_of_aid() -> None:
    got = _coded("Lebanon said on Monday that it will not accept new refugees from Syria.")
    assert ("LBN", "1223", False) in got  # refuse to provide humanitarian aid


def test_will_not_end_a_strike_is_a_refusal_to_ease_dissent() -> None:
    got = _coded(
        "Kenyan nurses say they will not end the strike unless the government raises their pay."
    )
    assert any(c == "1242" and not neg for _, c, neg in got)


def test_refusing_to_meet_demands_refuses_the_act_demanded() -> None:
    text = (
        "The Kenyan government said it would not meet the kidnappers' demands to release prisoners."
    )
    assert ("KENGOV", "1243", False) in _coded(text)  # refuse to release persons


def test_past_negation_stays_a_negated_act() -> None:
    got = _coded("Lebanon did not accept new refugees from Syria.")
    assert not any(c.startswith("12") for _, c, _ in got)
    assert any(neg for _, _, neg in got)


def test_someone_elses_forecast_is_no_refusal() -> None:
    text = "The Iraqi minister said the Americans will not accept new refugees."
    assert not any(c.startswith("12") for _, c, _ in _coded(text))


def test_a_negation_of_another_clause_makes_no_refusal() -> None:
    text = "She warned that if the talks did not succeed, Kenya and its partners would be forced to release the hostages."
    assert not any(c.startswith("12") for _, c, _ in _coded(text))


def test_would_never_is_a_refusal() -> None:
    got = _coded("Kenya would never accept new refugees from Somalia.")
    assert ("KEN", "1223", False) in got
