"""Threats (CAMEO 13x): the one a threat's condition is laid on is its target."""

from __future__ import annotations

import pytest

from tests.helpers import code, triples

pytestmark = pytest.mark.model


def test_the_subject_of_an_unless_condition_is_the_target() -> None:
    text = (
        "The Georgian parliament threatened to secede from the federation unless Moscow withdrew"
        " its soldiers."
    )
    got = triples(code(text))
    assert any(s == "GEOLEG" and c.startswith("13") and t == "RUSGOV" for s, c, t in got)


def test_the_subject_of_an_if_condition_is_the_target_of_a_future_attack() -> None:
    text = "The Ukrainian army will attack rebel positions if the rebels refuse to disarm."
    got = triples(code(text))
    assert ("UKRMIL", "1384", "UKRREB") in got


def test_a_condition_gives_no_target_to_a_negated_threat() -> None:
    text = "Kenya would not dare to attack Ugandan villages if Egypt did not stop it."
    assert not any(e.target is not None and e.target.code == "EGY" for e in code(text))
