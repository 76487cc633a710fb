"""The sense a verb of an act has in its clause: force posture, deployments, figurative fights,
the target of a purpose, ordered acts (hand-written sentences, real model)."""

from __future__ import annotations

import pytest

from tests.helpers import code, triples

pytestmark = pytest.mark.model


def codes(text: str) -> set[tuple[str | None, str, str | None]]:
    return triples(code(text))


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Chilean forces are poised to storm the rebel stronghold.", "CHLMIL"),
        ("Chilean troops are preparing to attack the port.", "CHLMIL"),
        ("Chilean troops are making final plans to attack the port.", "CHLMIL"),
        ("Chile is preparing a major offensive in the north.", "CHL"),
    ],
)
def test_force_prepared_is_a_posture_not_an_attack(text: str, source: str) -> None:
    got = codes(text)
    assert (source, "150") in {(s, c) for s, c, _ in got}
    assert not any(c.startswith(("19", "13")) for _, c, _ in got)


@pytest.mark.parametrize(
    "text",
    ["Kenya sent troops to its northern border.", "Kenya sent troops into Somalia on Friday."],
)
def test_troops_sent_to_a_place_are_deployed(text: str) -> None:
    assert ("KEN", "154", None) in codes(text)


def test_troops_sent_to_help_someone_are_military_aid() -> None:
    got = codes("Kenya sent troops to Mogadishu to help the Somali government.")
    assert ("KEN", "072", "SOMGOV") in got


def test_a_fight_between_institutions_of_politics_is_no_force() -> None:
    assert not any(c.startswith("19") for _, c, _ in codes("The mayor battles Congress for funds."))
    assert any(c.startswith("19") for _, c, _ in codes("The army battled rebels for the town."))


def test_force_takes_the_target_of_its_purpose() -> None:
    text = "Kenya launched a military campaign in the north, in an effort to drive out the rebels."
    assert any(s == "KEN" and c == "190" and t is not None for s, c, t in codes(text))


def test_an_ordered_act_is_the_act_of_the_one_who_ordered_it() -> None:
    got = codes("The Kenyan president ordered the release of 200 prisoners.")
    assert any(s == "KENGOV" and c == "0841" for s, c, _ in got)
    assert not any(c.startswith("10") for _, c, _ in got)  # no demand on anyone


def test_a_capture_of_people_is_an_arrest_and_of_land_an_occupation() -> None:
    assert any(c == "173" for _, c, _ in codes("The two men were captured by Kenyan soldiers."))
    got = codes("Kenyan troops captured large swaths of territory in the north.")
    assert any(s == "KENMIL" and c == "192" for s, c, _ in got)
    assert any(c == "192" for _, c, _ in codes("The rebels seized the last army strongholds."))


def test_people_fighting_with_a_group_they_joined_use_no_force_on_it() -> None:
    assert not any(
        c.startswith("19") for _, c, _ in codes("He fought with Hezbollah fighters in Syria.")
    )


def test_a_goal_reached_is_no_force() -> None:
    assert not codes("Norway hit the 0.7% aid spending target last year.")


def test_a_conjoined_verb_shares_the_mood_of_its_first() -> None:
    got = codes("Kenya will attack and occupy the border town.")
    assert not any(c == "192" for _, c, _ in got)  # the occupation is intended, not done
    assert not code("It is not known whether the fighters were killed or captured.")


def test_a_participle_names_its_agent_for_force_not_for_a_description() -> None:
    got = codes("Civilians killed by Kenyan soldiers were buried on Monday.")
    assert any(s == "KENMIL" and c.startswith("19") for s, c, _ in got)
    assert not codes("The rebels, backed by Kenya, held the town.")


def test_the_noun_a_relative_clause_with_no_pronoun_modifies_is_its_object() -> None:
    got = codes("These are the rebels the Kenyan army attacked on Monday.")
    assert any(s == "KENMIL" and c == "190" and t is not None for s, c, t in got)


def test_fighting_alongside_someone_is_no_force_on_them() -> None:
    assert not codes("Iranian militiamen are fighting alongside Syrian forces.")


def test_a_claimed_act_is_not_coded_as_done() -> None:
    assert not code("Iran claimed the commander had been killed in an airstrike.")


def test_a_participle_of_holding_describes_no_act() -> None:
    assert not codes("The rebels fled the territory occupied by Kenyan troops.")


def test_a_killing_or_wounding_in_a_bomb_attack_is_a_bombing() -> None:
    got = codes("Rebels wounded three Peruvian soldiers in a bomb attack on Friday.")
    assert {c for _, c, _ in got} == {"183"}
    got = codes("Rebels wounded three Peruvian soldiers in an attack on Friday.")
    assert {c for _, c, _ in got} == {"190"}
    got = codes("A roadside bomb exploded near the barracks, killing two Peruvian soldiers.")
    assert {c for _, c, _ in got} == {"183"}


def test_eliminating_or_neutralising_fighters_is_killing() -> None:
    got = codes("Peruvian forces neutralized 40 rebels near the border.")
    assert {c for _, c, _ in got} == {"190"}
    assert {c for _, c, _ in codes("The rebels have been eliminated from the valley.")} == {"190"}
    # a thing eliminated is no one killed
    assert not codes("The Peruvian government wants to eliminate poverty.")
