"""The child of a generic code that the clause's words name: the kind of aid or cooperation, the
aim of a protest or demand, whose forces are alerted (hand-written sentences, real model)."""

from __future__ import annotations

import pytest

from kipu.events._refine import KIND_CODES, _one
from tests.helpers import code, triples

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("France suspended military aid to Mali on Tuesday.", ("FRA", "1622", "MLI")),
        ("Germany halted economic aid to Belarus.", ("DEU", "1621", "BLR")),
        ("Japan cut food aid to North Korea.", ("JPN", "1623", "PRK")),
        ("Kenya asked Britain for military aid.", ("KEN", "0232", "GBR")),
        ("Norway pledged economic assistance to Sudan.", ("NOR", "0331", "SDN")),
        ("Egypt agreed to provide military aid to Libya.", ("EGY", "0332", "LBY")),
        ("The United States threatened to cut military aid to Egypt.", ("USA", "1311", "EGY")),
    ],
)
def test_kind_of_aid_is_read_off_its_object(sentence: str, expected: tuple) -> None:
    assert expected in triples(code(sentence))


def test_aid_of_no_named_kind_stays_generic() -> None:
    assert ("JPN", "162", "MMR") in triples(code("Japan suspended aid to Myanmar."))
    # The recipient's words are not the aid's kind.
    got = triples(code("Britain suspended aid to the military government of Myanmar."))
    assert ("GBR", "162", "MMRGOV") in got


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Thousands of workers went on strike in Lagos over a new fuel price rise.",
            ("LAB", "1432", None),
        ),
        (
            "Students marched in Dhaka to protest the arrest of opposition activists.",
            ("BGDEDU", "1413", None),
        ),
        (
            "Protesters marched in Cairo demanding the resignation of the president.",
            ("EGYCVL", "1411", None),
        ),
    ],
)
def test_protest_takes_the_aim_its_words_name(sentence: str, expected: tuple) -> None:
    assert expected in triples(code(sentence))


def test_protest_aim_is_not_read_off_what_happened_before() -> None:
    got = triples(code("Protesters marched in Paris after police arrested activists."))
    assert ("FRACVL", "141", None) in got


def test_demand_on_another_takes_the_aim_its_words_name() -> None:
    text = "The rebels said that the government must accept the independence of the south."
    assert ("REB", "1044", "GOV") in triples(code(text))
    text = "Kenya urged Uganda to respect the rights of refugees."
    assert ("KEN", "0243", "UGA") in triples(code(text))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Indian troops remained on high alert on Friday.", ("INDMIL", "152", None)),
        ("Egyptian police remained on high alert on Friday.", ("EGYCOP", "151", None)),
        ("Pakistan put its police on alert after the attack.", ("PAK", "151", None)),
        ("Syria put its army on alert.", ("SYR", "152", None)),
    ],
)
def test_alert_is_police_or_military_by_whose_forces(sentence: str, expected: tuple) -> None:
    assert expected in triples(code(sentence))


def test_one_class_only() -> None:
    assert _one({"military"}) == "military"
    assert _one({"military", "economic"}) is None
    assert _one(set()) is None


def test_every_refined_code_is_a_cameo_code() -> None:
    from kipu.events.codebook import load_codebook

    book = load_codebook()
    for generic, children in KIND_CODES.items():
        assert generic in book
        assert all(child in book and child[:2] == generic[:2] for child in children.values())


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Amnesty International accused Egypt of violating human rights.",
            ("NGOHRIAMN", "1122", "EGY"),
        ),
        ("Sudan accused the rebels of violating the ceasefire.", ("SDN", "1123", "REB")),
        ("Sudan accused the rebels of violating the law.", ("SDN", "112", "REB")),
    ],
)
def test_accusation_takes_the_charge_its_words_name(sentence: str, expected: tuple) -> None:
    assert expected in triples(code(sentence))


def test_killing_one_political_figure_is_an_assassination() -> None:
    got = triples(code("Gunmen killed the governor of Kandahar province on Monday."))
    assert ("UAF", "186", "AFGGOV") in got
    # Several dead, or people who hold no political office, are not assassinated.
    got = triples(code("Gunmen killed two officials in Kandahar on Monday."))
    assert ("AFGUAF", "190", "AFGGOV") in got
    assert ("REB", "190", "MIL") in triples(code("Rebels killed a soldier near the border."))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Germany rejected calls by Greece for economic aid.", ("DEU", "1221", "GRC")),
        ("Israel rejected a request by Egypt for talks.", ("ISR", "125", "EGY")),
        ("Kenya rejected calls by Uganda for a ceasefire.", ("KEN", "1246", "UGA")),
        ("Syria rejected calls for the release of the prisoners.", ("SYR", "1243", None)),
    ],
)
def test_refused_request_takes_the_code_of_the_act_asked_for(
    sentence: str, expected: tuple
) -> None:
    assert expected in triples(code(sentence))


def test_refusal_of_a_bare_proposal_stays_generic() -> None:
    assert ("RUS", "120", None) in triples(code("Russia rejected the proposal."))


def test_refused_request_read_past_its_asker() -> None:
    text = "Athens rejected repeated calls by Serbia's new rulers for urgent financial aid."
    assert ("GRCGOV", "1221", "SRBGOV") in triples(code(text))


def test_right_of_politics_is_no_aim_of_rights() -> None:
    got = triples(code("Students marched in Vienna against far-right groups on Saturday."))
    assert not any(c == "1413" for _, c, _ in got)


def test_protest_against_a_regime_names_no_aim() -> None:
    text = "Syrian refugees staged a protest in Berlin against the Assad regime on Sunday."
    assert ("SYRREF", "141", None) in triples(code(text))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Syria rejected the demand to release the prisoners.", ("SYR", "1243", None)),
        ("Syria rejected demands for the release of the prisoners.", ("SYR", "1243", None)),
        ("Iran rejected an ultimatum to free the sailors.", ("IRN", "1243", None)),
        ("Syria rejected the demand.", ("SYR", "124", None)),
    ],
)
def test_rejected_demand_is_the_refusal_of_the_act_demanded(sentence: str, expected: tuple) -> None:
    assert expected in triples(code(sentence))


def test_killing_by_a_suicide_bomber_is_a_suicide_bombing() -> None:
    text = "A suicide bomber killed eleven soldiers at a checkpoint near Kandahar."
    assert ("INS", "1831", "MIL") in triples(code(text))
    text = "Insurgents killed eleven soldiers at a checkpoint near Kandahar."
    assert ("AFGINS", "190", "MIL") in triples(code(text))  # (placed by the town)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kenya handed over to Uganda two men suspected of the bombing.", ("KEN", "063", "UGA")),
        (
            "Kenya offered to hand over to Uganda three men suspected of the attack.",
            ("KEN", "0313", "UGA"),
        ),
        ("Britain said that Libya must hand over the alleged bombers.", ("GBR", "1013", "LBY")),
        ("Britain urged Libya to hand over the suspects.", ("GBR", "0213", "LBY")),
        (
            "A British minister repeated that Syria must hand over alleged killers of the diplomat.",
            ("GBRGOV", "1013", "SYR"),
        ),
    ],
)
def test_handing_over_suspects_is_judicial_cooperation(sentence: str, expected: tuple) -> None:
    assert expected in triples(code(sentence))


def test_handing_over_prisoners_stays_a_release() -> None:
    text = "Kenya handed over the prisoners to Uganda."
    assert ("KEN", "0841", "UGA") in triples(code(text))
