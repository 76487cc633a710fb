"""The event coder on hand-written sentences (real English model, kipu's bundled dictionaries)."""

from __future__ import annotations

import pytest

from tests.helpers import code, triples

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("French troops attacked rebels in northern Mali.", ("FRAMIL", "19", None)),
        ("The Kenyan government criticized Uganda on Monday.", ("KENGOV", "11", "UGA")),
        ("Brazil praised Argentina for its help.", ("BRA", "05", "ARG")),
        ("Chilean police arrested Bolivian protesters in Santiago.", ("CHLCOP", "17", "BOLCVL")),
        ("Germany signed an agreement with Peru on Wednesday.", ("DEU", "05", "PER")),
        ("The European Union imposed sanctions on Belarus.", (None, "16", "BLR")),
    ],
)
def test_code_active_sentences(text: str, expected: tuple[str | None, str, str | None]) -> None:
    source, root, target = expected
    events = [e for e in code(text) if not e.negated]
    assert any(
        (source is None or (e.source and e.source.code == source))
        and e.root == root
        and (target is None or (e.target and e.target.code == target))
        for e in events
    ), [(e.source, e.cameo, e.target) for e in events]


def test_code_passive_swaps_source_and_target() -> None:
    events = code("Ukraine was attacked by Russia on Tuesday.")
    assert ("RUS", "19", "UKR") in {(s, c[:2], t) for s, c, t in triples(events)}


def test_code_prepositional_target_and_conjuncts() -> None:
    events = code(
        "Japanese Foreign Minister Kenji Sato met with Chinese officials and Korean diplomats "
        "in Tokyo."
    )
    roots = {(e.source.country, e.root, e.target.country if e.target else None) for e in events}
    assert ("JPN", "04", "CHN") in roots
    assert ("JPN", "04", "KOR") in roots


def test_code_money_attaches_to_aid() -> None:
    events = code("Japan provided $45 million in humanitarian aid to the Philippines.")
    aid = [e for e in events if e.root == "07"]
    assert aid, events
    assert aid[0].quantity is not None
    assert aid[0].quantity.amount == 45e6 and aid[0].quantity.currency == "USD"
    assert aid[0].target and aid[0].target.country == "PHL"


def test_code_negation_is_kept_and_marked() -> None:
    events = code("The Sudanese army did not attack the Egyptian border post.")
    assert events and all(e.negated for e in events)


def test_code_intent_chain_becomes_03x() -> None:
    events = code("Colombia agreed to meet Venezuela next month.")
    assert any(e.cameo == "036" and e.modality == "intent" for e in events), events


def test_code_threat_chain_becomes_13x() -> None:
    events = code("Iran threatened to attack Israel.")
    assert any(e.root == "13" and e.target and e.target.country == "ISR" for e in events), events


@pytest.mark.parametrize(
    "text",
    [
        "Did Russia attack Ukraine?",
        "If Russia attacks Ukraine, Poland could respond.",
        "The weather in Lima was mild on Sunday.",
        "Officials said the meeting went well.",
    ],
)
def test_code_abstains(text: str) -> None:
    events = [e for e in code(text) if e.source and e.source.country in ("RUS", "POL")]
    assert events == [] or all(e.negated for e in events)


def test_every_event_names_its_rule_and_sentence() -> None:
    for e in code("Peru condemned the Chilean navy. Bolivia praised Peru."):
        assert e.rule.startswith("patterns.tsv:")
        assert e.sentence in ("Peru condemned the Chilean navy.", "Bolivia praised Peru.")
        assert e.plover.type is not None
        assert 0 < e.confidence <= 1
