"""Several actors on one side of an act: one event per country, one for an actor named twice
(hand-written sentences, real model)."""

from __future__ import annotations

import pytest

from tests.helpers import code, triples

pytestmark = pytest.mark.model


def sources(text: str, root: str) -> list[str | None]:
    return sorted(
        (e.source.country or e.source.code) if e.source else None
        for e in code(text)
        if e.root == root and not e.negated
    )


def targets(text: str, root: str) -> list[str | None]:
    return sorted(
        (e.target.country or e.target.code) if e.target else None
        for e in code(text)
        if e.root == root and not e.negated
    )


def test_members_listed_in_an_apposition_each_act() -> None:
    text = "Four states, Norway, Denmark, Finland and Iceland, expelled Belarusian diplomats."
    assert sources(text, "16") == ["DNK", "FIN", "ISL", "NOR"]


def test_an_apposition_naming_what_an_actor_is_not_adds_no_one() -> None:
    text = "Peru – not Chile or Bolivia – attacked the border posts."
    assert sources(text, "19") == ["PER"]


@pytest.mark.parametrize(
    "text",
    [
        "Russia, along with Iran, deployed troops in the province.",
        "Russia, together with Iran, deployed troops in the province.",
        "Russia as well as Iran deployed troops in the province.",
    ],
)
def test_actors_beside_the_subject_each_act(text: str) -> None:
    assert sources(text, "15") == ["IRN", "RUS"]


def test_members_a_plural_includes_each_act() -> None:
    text = "Several countries, including Peru and Chile, imposed sanctions on Venezuela."
    assert sorted(triples(code(text))) == [("CHL", "163", "VEN"), ("PER", "163", "VEN")]


def test_conjoined_nationalities_in_one_phrase_are_one_actor_each() -> None:
    got = triples(code("British and French forces attacked the rebel base."))
    assert {(s, c) for s, c, _ in got} == {("GBRMIL", "190"), ("FRAMIL", "190")}


def test_a_target_listed_by_nationality_is_one_event_each() -> None:
    text = "Rebels ambushed Kenyan and Ugandan soldiers near the border."
    assert targets(text, "19") == ["KEN", "UGA"]


def test_one_actor_named_twice_is_one_event() -> None:
    text = "Two Kenyan ministers and the Kenyan president met Ugandan officials in Kampala."
    got = [(s, t) for s, c, t in triples(code(text)) if c.startswith("04")]
    assert len([s for s, _ in got if s == "KENGOV"]) == 1


def test_members_listed_after_a_colon_each_act() -> None:
    text = "Five states expelled Belarusian envoys: Norway, Finland, Denmark, Sweden and Iceland."
    assert sources(text, "16") == ["DNK", "FIN", "ISL", "NOR", "SWE"]


def test_an_owners_allies_are_not_the_owner() -> None:
    got = triples(code("Peruvian troops attacked Bolivia's allies near the border."))
    assert got and all(t != "BOL" and (t or "")[:3] != "BOL" for _, _, t in got)
