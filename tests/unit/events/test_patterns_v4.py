"""Common news phrases of the pattern dictionary's fourth set of entries (hand-written
sentences, real model): considering possibilities, trade restrictions, bans on voting,
terrorist activity, property blown up, demonstrations prevented, demands insisted on."""

from __future__ import annotations

import pytest

from tests.helpers import code, triples

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The OSCE is exploring the possibility of sending monitors to Georgia.",
            ("IGOEURSCE", "014", None),
        ),
        ("Brazil imposed trade restrictions on Argentina.", ("BRA", "163", "ARG")),
        (
            "France threatened to impose import restrictions on Chinese steel.",
            ("FRA", "1312", None),
        ),
        ("The junta banned voting in three provinces.", ("GOV", "1721", None)),
        (
            "The junta threatened to ban voting in Burma's northern provinces.",
            ("MMRGOV", "1321", None),
        ),
        # (rebels take the country their sentence places them in: see discourse/_countries.py)
        ("Rebels blew up a bridge near Kabul.", ("AFGREB", "1712", None)),
        ("Rebels blew up power lines near Kabul.", ("AFGREB", "1712", None)),
        ("Rebels blew up an oil pipeline in Colombia.", ("COLREB", "1712", None)),
        ("Turkish police prevented the demonstration in Ankara.", ("TURCOP", "170", None)),
        (
            "The rebel group insisted on its demands that the government release prisoners.",
            ("REB", "100", "GOV"),
        ),
    ],
)
def test_news_phrase_is_coded(sentence: str, expected: tuple) -> None:
    assert expected in triples(code(sentence))


def test_restrictions_of_no_named_trade_stay_administrative() -> None:
    assert ("BRA", "172", "ARG") in triples(code("Brazil imposed restrictions on Argentina."))


def test_blowing_up_a_bus_stays_a_bombing() -> None:
    got = triples(code("Rebels blew up a bus near Kabul."))
    assert not any(c == "1712" for _, c, _ in got)


def test_artillery_launched_with_other_weapons_is_heavy_fire() -> None:
    text = "Government troops launched artillery, mortar and heavy rocket fire on rebel camps near the border."
    assert ("MIL", "194", None) in triples(code(text))


def test_trade_barriers_removed_are_economic_cooperation() -> None:
    text = "Canada said that India must remove its barriers to Canadian exports."
    assert ("CAN", "1011", "IND") in triples(code(text))
    assert ("KEN", "061", None) in triples(code("Kenya lowered trade barriers on Monday."))
    # Barriers on a road are no trade.
    assert not code("The army removed barriers at the checkpoint.")
