"""Time scope: acts dated well before the article and habitual or ongoing states are history,
left out unless asked for and then marked ``historical`` (hand-written sentences, real model)."""

from __future__ import annotations

import pytest

from kipu.events import EventOptions, code_events, explain_events
from kipu.records import Event
from tests.helpers import resolve

pytestmark = pytest.mark.model

PUBLISHED = "2018-02-10"


def coded(text: str, historical: bool = False) -> list[Event]:
    return code_events(resolve(text, PUBLISHED), EventOptions(historical=historical))


@pytest.mark.parametrize(
    "text",
    [
        "The rebels first seized the port in early 2014 before moving inland.",
        "Chile shelled the border town in 2009.",
        "Chile bombed the village decades ago.",
        "During the Iran-Iraq war, the army gassed several villages.",
        "Peru has long backed the rebels in the south.",
        "Bolivia has been a backer of the opposition since late 2011, arming rebel groups.",
        "The militia has fought a decades-long insurgency against Colombia.",
        "Relations soured in 2016, when Russia expelled two Peruvian diplomats.",
    ],
)
def test_history_is_left_out_and_kept_on_request(text: str) -> None:
    assert not coded(text)
    kept = coded(text, historical=True)
    assert kept and all(e.historical and "historical:" in e.rule for e in kept)


@pytest.mark.parametrize(
    "text",
    [
        "Chile shelled the border town last year.",
        "Chile shelled the border town on Monday.",
        "Peru's attacks on the rebels have displaced thousands since December.",
        "The sailor, jailed in Iran for more than seven years, was freed on Sunday.",
        "Chile will shell the border town in 2019.",
    ],
)
def test_recent_and_announced_acts_are_news(text: str) -> None:
    events = coded(text)
    assert events and not any(e.historical for e in events)


def test_an_act_named_inside_a_since_phrase_is_not_the_state() -> None:
    text = "The blogger has been held in Egypt since his arrest last October."
    assert any(e.cameo == "173" and e.target is not None for e in coded(text))


def test_explain_says_why_an_act_is_history() -> None:
    [sentence] = explain_events(resolve("Peru has long backed the rebels.", PUBLISHED))
    assert not sentence.events
    assert any("history, a habitual state" in note for note in sentence.notes)


def test_a_passive_in_the_simple_present_tells_a_rule_not_news() -> None:
    assert not coded("Journalists are killed simply for reporting the war.")
    assert coded("Civilians are being killed in the north.")


def test_an_act_until_which_something_goes_on_has_not_happened() -> None:
    assert not any(
        e.cameo.startswith("17") for e in coded("Peru will fight until the rebels are destroyed.")
    )


def test_an_and_clause_follows_the_old_date_of_the_clause_before() -> None:
    text = "He returned to Peru in November 2015 and police arrested him at the airport."
    assert not any(e.cameo == "173" for e in coded(text))


def test_a_time_clause_of_a_foreseen_outcome_is_foreseen() -> None:
    text = "Thousands may die as Chilean forces storm the last rebel stronghold."
    assert not any(e.root == "19" for e in coded(text))


def test_a_perfect_over_years_is_a_state() -> None:
    assert not coded("The rebels have occupied the northern valley for a decade.")


def test_history_does_not_hide_a_later_act_named_by_a_noun() -> None:
    text = (
        "Chile shelled the border town in 2009. "
        "Peru protested against Chile's offensive in the north."
    )
    assert any(e.root == "19" for e in coded(text))


def test_a_habit_or_a_toll_since_long_ago_is_no_act_of_the_news() -> None:
    assert not coded("Women were always shot at the checkpoint.")
    assert not coded("More than 300,000 people have been killed since the war began in 2011.")


def test_a_time_clause_shares_the_old_date_of_its_clause() -> None:
    text = "She left Peru in 2008 after her brothers were arrested in Lima."
    assert not coded(text)


def test_once_long_ago_is_history_but_once_again_is_news() -> None:
    assert not coded("Her mother and I were once arrested for staging a sit-in.")
    assert coded("Once again civilians are being killed in the north.")


def test_an_act_done_in_an_attack_of_a_year_long_before_is_history() -> None:
    text = "Two Peruvian rebels were killed in a 2015 airstrike."
    assert not [e for e in coded(text) if e.root in ("18", "19")]
    assert [e for e in coded(text, historical=True) if e.root in ("18", "19")]
