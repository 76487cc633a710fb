"""Counts attached to events, allegations, `explain_events` and scoring on kipu's gold set."""

from __future__ import annotations

from pathlib import Path

import pytest

from kipu.events import explain_events, read_gold, score
from tests.helpers import code, resolve, triples

pytestmark = pytest.mark.model

GOLD = Path(__file__).resolve().parents[2] / "eval" / "events_gold.jsonl"


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("Rebels attacked a convoy near Goma, killing 14 soldiers.", 14, "killed"),
        ("Militants shelled the village, wounding twenty-two civilians.", 22, "wounded"),
        ("Chilean police arrested 310 students in Santiago.", 310, "arrested"),
        ("Britain deployed 1,500 troops to Estonia.", 1500, "troops"),
    ],
)
def test_counts_attach_to_their_event(text: str, amount: float, unit: str) -> None:
    events = [e for e in code(text) if e.quantity is not None]
    assert events, code(text)
    assert events[0].quantity is not None
    assert (events[0].quantity.amount, events[0].quantity.unit) == (amount, unit)


def test_vague_count_is_not_a_quantity() -> None:
    events = code("Rebels attacked a convoy near Goma, killing dozens of soldiers.")
    assert events and all(e.quantity is None for e in events)


def test_alleged_act_is_not_coded_but_the_accusation_is() -> None:
    got = triples(code("Vietnam accused China of seizing its fishing boats."))
    assert ("VNM", "112", "CHN") in got
    assert not any(s == "CHN" for s, _, _ in got)


def test_explain_says_why_nothing_was_coded() -> None:
    [ex] = explain_events(resolve("Spain might meet Morocco."))
    assert not ex.events
    assert any("not an actual act" in n and "might" in n for n in ex.notes), ex.notes


def test_explain_names_the_rule_of_each_event() -> None:
    [ex] = explain_events(resolve("Ghana rejected Nigeria's proposal."))
    assert ex.events and all("patterns.tsv:" in e.rule for e in ex.events)
    assert any("coded" in n for n in ex.notes)


def test_gold_set_scores() -> None:
    from kipu.commands.evaluate import code_gold

    items = read_gold(str(GOLD))
    assert len(items) >= 20 and any(not i.events for i in items)
    result = score(items, code_gold(items))
    assert result.precision >= 0.9, result
    assert result.recall >= 0.8, result
