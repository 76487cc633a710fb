"""Definite references ("the group", "the alliance") and pronouns asked again."""

from __future__ import annotations

import pytest

from kipu.actors import resolve_actors
from kipu.discourse import DiscourseOptions, resolve_discourse
from kipu.nlp import parse
from kipu.records import Actor
from tests.helpers import article, resolve

pytestmark = pytest.mark.model


def by_text(text: str) -> dict[str, Actor]:
    resolved = resolve(text)
    return {m.actor.text: m.actor for mentions in resolved.mentions for m in mentions}


def test_the_group_is_the_body_named_before() -> None:
    actors = by_text(
        "Hamas fired rockets at Israel on Monday. The group said the barrage answered a raid."
    )
    group = actors["The group"]
    assert group.code == "PSEREBHMS"
    assert group.rule == "discourse:reference:'The group'<-sentence 0 'Hamas'"


def test_the_alliance_is_the_alliance_named_before() -> None:
    actors = by_text(
        "The National Renewal Alliance (NRA), Zambia's largest opposition group, said it would "
        "boycott the vote. Later the alliance called for protests in Lusaka."
    )
    assert actors["the alliance"].code == "ZMBOPP"


def test_a_state_office_is_no_group() -> None:
    actors = by_text(
        "The State Department said on Friday it would review the aid. "
        "The group said the review was overdue."
    )
    assert "The group" not in actors


def test_a_group_with_a_name_of_its_own_points_nowhere() -> None:
    actors = by_text(
        "Hamas fired rockets at Israel on Monday. The working group said talks would continue."
    )
    assert "The working group" not in actors


def test_a_pronoun_after_a_name_given_beside_a_title() -> None:
    text = (
        "Britain's opposition called the plan cruel. A government spokeswoman, Jane Morton, "
        "defended it in parliament. She said the rules were fair."
    )
    she = by_text(text)["She"]
    assert she.code == "GBRGOV"
    # the spokeswoman named Jane Morton, by her name or by her title
    assert "'Jane Morton'" in she.rule or "A government spokeswoman" in she.rule


def test_a_pronoun_after_a_name_the_parser_hung_on_the_titles_own_phrase() -> None:
    text = (
        "The plan was criticised by Peru's permanent representative to the UN in Geneva, "
        "Ana Rojas. She urged the Chilean delegation to withdraw it."
    )
    assert by_text(text)["She"].code == "PERGOV"


def test_a_pronoun_after_the_person_a_lead_introduced() -> None:
    text = (
        "A former Chilean soldier jailed in Peru for five years has fled the country. "
        "Tomas Vidal, 31, was on bail pending an appeal after he joined a militia. "
        "He returned to Santiago without the permission of the Peruvian courts."
    )
    assert by_text(text)["He"].code == "CHLMIL"


def test_people_counted_again_are_those_told_of_as_that_many() -> None:
    text = (
        "Two Chilean rebels were seized near the border on Monday. Three Peruvian officials "
        "confirmed the arrests. The two men were later moved to Lima."
    )
    men = by_text(text)["The two men"]
    assert men.code == "CHLREB"
    assert "Two Chilean rebels" in men.rule


def test_an_agent_noun_points_back_to_the_named_body_of_its_kind() -> None:
    text = (
        "The UNHCR published new figures on Monday. The refugee agency urged the Peruvian "
        "government to open the border."
    )
    agency = by_text(text)["The refugee agency"]
    assert agency.code == "IGOUNOREFHCR"
    assert "discourse:reference" in agency.rule


def test_references_and_pronouns_can_be_turned_off() -> None:
    text = "Hamas fired rockets at Israel on Monday. The group said the barrage answered a raid."
    parsed = next(parse([article(text)]))
    options = DiscourseOptions(references=False, pronouns=False)
    resolved = resolve_discourse(resolve_actors(parsed), options)
    assert not resolved.mentions[1]


NRA = (
    "The National Renewal Alliance (NRA), Zambia's largest opposition group, rejected the "
    "rise in fuel prices. "
)


def test_a_group_owned_by_a_pronoun_takes_its_owners_country() -> None:
    fighters = by_text(NRA + "Its fighters later clashed with soldiers.")["Its fighters"]
    assert fighters.code == "ZMBUAF"
    assert "discourse:owner:Its<-sentence 0 'National Renewal Alliance'" in fighters.rule


def test_a_bodys_own_people_owned_by_a_pronoun_are_the_body() -> None:
    supporters = by_text(NRA + "Its supporters marched in Lusaka.")["Its supporters"]
    assert supporters.code == "ZMBOPP"
    assert supporters.rule == (
        "discourse:member:'Its supporters'<-sentence 0 'National Renewal Alliance'"
    )


def test_someone_elses_is_not_the_owners() -> None:
    actors = by_text(
        "Zambia's president, Hakainde Hichilema, flew to Lilongwe on Monday. "
        "He met his counterpart at the airport."
    )
    assert actors["his counterpart"].country is None


def test_a_terrorist_group_is_not_the_militia_that_fights_it() -> None:
    text = (
        "Islamic State lost Raqqa last week. The loss is a blow to the terrorist group. "
        "The Syrian Democratic Forces (SDF) said on Tuesday that they had captured the stadium, "
        "the last holdout of the terrorist group in the city."
    )
    resolved = resolve(text)
    (group,) = [m for m in resolved.mentions[2] if m.actor.text == "the terrorist group"]
    assert group.actor.code is not None and group.actor.code.startswith("IMG")
