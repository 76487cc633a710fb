"""The owner a thing's own words name ("the Russian plan"), and no search of the sentence's
countries for a thing with no word on it that could name one (hand-built parses)."""

from __future__ import annotations

import pytest

from kipu.events._place_target import thing_owner
from kipu.events._tree import Tree
from tests.unit.events.test_tree_index import sentence

# "Russia rejected the Russian plan ." / "Russia rejected the plan ."
WITH_NATIONALITY = sentence(
    [
        ("Russia", "russia", "PROPN", "nsubj", 1, False),
        ("rejected", "reject", "VERB", "ROOT", 1, False),
        ("the", "the", "DET", "det", 4, False),
        ("Russian", "russian", "ADJ", "amod", 4, False),
        ("plan", "plan", "NOUN", "dobj", 1, False),
        (".", ".", "PUNCT", "punct", 1, True),
    ]
)
BARE = sentence(
    [
        ("Russia", "russia", "PROPN", "nsubj", 1, False),
        ("rejected", "reject", "VERB", "ROOT", 1, False),
        ("the", "the", "DET", "det", 3, False),
        ("plan", "plan", "NOUN", "dobj", 1, False),
        (".", ".", "PUNCT", "punct", 1, True),
    ]
)


def test_nationality_on_a_thing_is_its_owner() -> None:
    owner = thing_owner(Tree(WITH_NATIONALITY), 4, {}, "the plan of")
    assert owner is not None and owner.actor.country == "RUS"


def test_thing_with_no_modifier_has_no_owner_and_no_search(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def searched(*_: object) -> list[object]:
        raise AssertionError("the sentence's countries were searched")

    monkeypatch.setattr("kipu.events._place_target.countries_in_sentence", searched)
    assert thing_owner(Tree(BARE), 3, {}, "the plan of") is None
    with pytest.raises(AssertionError):
        thing_owner(Tree(WITH_NATIONALITY), 4, {}, "the plan of")
