"""Force used on a place is used on its country; an appeal made to the verb's object; house
spellings of acronyms ("Nato", "Isis")."""

from __future__ import annotations

import pytest

from tests.helpers import actors_by_head, code, triples

pytestmark = pytest.mark.model


def _coded(text: str) -> list[tuple[str | None, str | None, str]]:
    return [
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
        for e in code(text)
    ]


def test_shelling_a_town_targets_its_country() -> None:
    got = _coded("Ugandan troops fired artillery at Mosul on Sunday.")
    assert ("UGAMIL", "IRQ", "194") in got


def test_a_noun_of_place_named_by_a_town_targets_its_country() -> None:
    got = _coded("Kenyan jets bombed Idlib province overnight.")
    assert any(s == "KENMIL" and t == "SYR" and c.startswith("19") for s, t, c in got)
    got = _coded("Turkey launched an attack on the rebel stronghold of Aleppo.")
    assert any(s == "TUR" and t == "SYR" and c.startswith("19") for s, t, c in got)


def test_the_place_target_says_which_place_it_stands_for() -> None:
    (event,) = [e for e in code("Ugandan troops fired artillery at Mosul.") if e.target]
    assert event.target is not None
    assert event.target.sector is None
    assert "Mosul" in event.target.rule and "IRQ" in event.target.rule


def test_an_ambiguous_town_name_gives_no_target() -> None:
    # Springfield is a town of many places of one country, but Paris is not only France's:
    # the gazetteer must agree on one country or say nothing.
    got = _coded("Ugandan troops fired artillery at Springfield.")
    assert all(t in (None, "USA") for _, t, _ in got)


def test_a_place_is_no_target_of_words_that_are_not_force() -> None:
    got = _coded("Kenyan officials praised Mosul for its recovery.")
    assert not any(t == "IRQ" for _, t, _ in got)


def test_the_one_begged_for_help_is_the_target() -> None:
    got = _coded("The Kenyan foreign minister begged the Ugandan government for help.")
    assert any(s == "KENGOV" and t == "UGAGOV" and c.startswith("02") for s, t, c in got)


def test_house_spellings_of_acronyms_are_the_organisation() -> None:
    found = actors_by_head("Kenya urged Nato to act. Isis fighters attacked the town.")
    assert found["Nato"].code == "IGOWSTNAT"
    assert (found["fighters"].code or "").startswith("IMG")


def test_an_acronym_in_lower_case_is_not_the_organisation() -> None:
    found = actors_by_head("The minister said who would go.")
    assert "who" not in found


def test_one_person_fighting_with_an_armed_group_fought_on_its_side() -> None:
    text = (
        "A former Kenyan soldier has returned home from Somalia. "
        "Peter Otieno, 34, said he fought with the Somali militia for a year."
    )
    got = _coded(text)
    assert not any(c.startswith("19") for _, _, c in got)
    got = _coded("Ugandan troops fought with Kenyan forces near the border.")
    assert ("UGAMIL", "KENMIL", "190") in got


def test_a_threat_of_force_on_a_town_threatens_its_country() -> None:
    got = _coded("Kenya said it would shortly mount an assault on the Somali town of Kismayo.")
    assert any(s == "KEN" and t == "SOM" and c.startswith("138") for s, t, c in got)


def test_a_refusal_said_is_coded_once() -> None:
    got = _coded(
        "Somali officials in Mogadishu said on Sunday they would not attend the talks in Nairobi."
    )
    assert len([c for _, _, c in got if c.startswith("12")]) == 1


def test_an_act_blamed_with_its_doer_named_happened() -> None:
    got = _coded(
        "Somali officials said they would not attend the talks, blaming Kenya's weeklong "
        "offensive against the town of Kismayo."
    )
    assert any(s == "KEN" and c.startswith("19") for s, _, c in got)


def test_a_withdrawal_from_a_country_targets_it_with_no_slot_in_the_entry() -> None:
    assert ("KENMIL", "0874", "SOM") in triples(
        code("Kenyan troops withdrew from Somalia on Monday.")
    )
    # from talks is no place
    assert not [e for e in code("Kenyan troops withdrew from the talks.") if e.cameo == "0874"]
