"""Plural references to two actors named together: "the two countries", "both sides"."""

from __future__ import annotations

import pytest

from kipu.records import Mention
from tests.helpers import resolve

pytestmark = pytest.mark.model


def by_text(text: str, published: str = "2018-01-25") -> dict[str, Mention]:
    resolved = resolve(text, published)
    return {m.actor.text: m for mentions in resolved.mentions for m in mentions}


def test_the_two_countries_are_the_two_states_named_together() -> None:
    found = by_text(
        "Kenya and Tanzania signed a trade accord on Monday, easing tensions between the two "
        "countries. Both countries said the border would reopen."
    )
    pair = found["the two countries"]
    assert (pair.actor.code, [a.code for a in pair.also]) == ("KEN", ["TZA"])
    assert pair.actor.rule == (
        "discourse:pair:'the two countries'<-this sentence 'Kenya' + 'Tanzania'"
    )
    both = found["Both countries"]
    assert (both.actor.code, [a.code for a in both.also]) == ("KEN", ["TZA"])


def test_the_two_leaders_skip_a_pair_of_states() -> None:
    found = by_text(
        "The US and Turkey gave opposing accounts of a call between Donald Trump and Recep "
        "Tayyip Erdoğan. According to a readout, the two leaders spoke for an hour."
    )
    pair = found["the two leaders"]
    assert (pair.actor.code, [a.code for a in pair.also]) == ("USAGOV", ["TURGOV"])


def test_two_people_no_dictionary_knows_leave_the_two_men_open() -> None:
    found = by_text(
        "William Ruto and Yoweri Museveni met in Nairobi on Monday. Later the rebels' envoys, "
        "Omar Dakane and Yusuf Hirad, arrived. The two men said the talks had gone well.",
        "2024-03-14",
    )
    assert "The two men" not in found  # not the two presidents named before them


def test_a_pair_named_again_carries_the_pair_further() -> None:
    # "Both countries" names the pair again: "the two countries" four sentences after the
    # names (beyond the window of three) are the same two, and no single country's.
    found = by_text(
        "Kenya and Tanzania signed a trade accord on Monday. Both countries said the border "
        "would reopen. Traders welcomed the news. Prices fell. "
        "A Kenyan official said the two countries had also exchanged views on fishing."
    )
    pair = found["the two countries"]
    assert (pair.actor.code, [a.code for a in pair.also]) == ("KEN", ["TZA"])
