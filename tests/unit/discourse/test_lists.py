"""Plural references to a list of states named before ("these countries", "the five nations")."""

from __future__ import annotations

import pytest

from tests.helpers import actors_by_head, code, triples

pytestmark = pytest.mark.model


def test_these_countries_are_the_last_list_of_states() -> None:
    text = (
        "Peru, Chile and Bolivia signed the treaty in May. "
        "Ecuador said these countries had betrayed the region."
    )
    got = triples(code(text))
    assert {t for s, c, t in got if s == "ECU" and c == "111"} == {"PER", "CHL", "BOL"}


def test_a_number_needs_a_list_of_that_size() -> None:
    text = "Peru, Chile and Bolivia met in Lima. Ecuador said the four nations had failed."
    assert "nations" not in actors_by_head(text)
    text = "Peru, Chile and Bolivia met in Lima. Ecuador said the three nations had failed."
    assert actors_by_head(text)["nations"].rule.startswith("discourse:list:")


def test_proposals_from_states_are_theirs() -> None:
    text = "Bolivia rejected proposals from Peru and Chile on Monday."
    heads = actors_by_head(text)
    assert heads["Peru"].code == "PER" and heads["Chile"].code == "CHL"
