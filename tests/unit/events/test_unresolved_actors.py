"""Sources the dictionaries do not place: a named person or organisation still acts."""

from __future__ import annotations

import pytest

from tests.helpers import code

pytestmark = pytest.mark.model


def test_a_named_person_unknown_to_the_dictionaries_is_the_source() -> None:
    events = code("Daniel Okafor criticised Bolivia on Monday.")
    assert [(e.cameo, e.target.code if e.target else None) for e in events] == [("111", "BOL")]
    source = events[0].source
    assert source is not None and source.code is None and source.country is None
    assert source.text == "Daniel Okafor" and source.name == "Daniel Okafor"
    assert source.rule.startswith("unresolved: a person")


def test_a_thing_is_no_source() -> None:
    # "the report" is no one: no entity, no pronoun, so no event.
    assert not code("The report criticised Bolivia on Monday.")


def test_a_resolved_actor_is_preferred() -> None:
    events = code("Peru criticised Bolivia on Monday.")
    assert [(e.source.code if e.source else None, e.cameo) for e in events] == [("PER", "111")]


def test_the_one_appealed_to_need_not_be_placed() -> None:
    events = code("The Peruvian foreign minister urged the international community to act.")
    assert [(e.source.code if e.source else None, e.cameo) for e in events] == [("PERGOV", "020")]
    target = events[0].target
    assert target is not None and target.code is None
    assert target.text == "the international community"


def test_an_appeal_for_something_unnamed() -> None:
    events = code("Chile called for the planned border closure to be abandoned.")
    assert [(e.source.code if e.source else None, e.cameo, e.target) for e in events] == [
        ("CHL", "020", None)
    ]
    # a named act still wins over the generic entry
    assert [e.cameo for e in code("Chile called for a ceasefire.")] == ["0256"]
