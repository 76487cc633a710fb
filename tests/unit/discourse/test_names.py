"""Names used again: acronyms, names described beside them, surnames of people with a title."""

from __future__ import annotations

import pytest

from kipu.discourse._names import initials, is_acronym
from kipu.records import Actor
from tests.helpers import code, resolve

pytestmark = pytest.mark.model

ZAMBIA = (
    "The National Renewal Alliance (NRA), Zambia's largest opposition group, said on Monday "
    "it would boycott the vote. The NRA accused the electoral commission of bias. Later the "
    "alliance called for protests in Lusaka."
)


def by_text(text: str) -> dict[str, Actor]:
    resolved = resolve(text)
    return {m.actor.text: m.actor for mentions in resolved.mentions for m in mentions}


def test_a_name_described_beside_it_is_what_the_description_says() -> None:
    actor = by_text(ZAMBIA)["The National Renewal Alliance"]
    assert actor.code == "ZMBOPP"
    assert actor.name == "National Renewal Alliance"
    assert "discourse:described-as" in actor.rule


def test_an_acronym_in_parentheses_names_the_actor_again() -> None:
    actor = by_text(ZAMBIA)["The NRA"]
    assert actor.code == "ZMBOPP"
    assert actor.rule == "discourse:acronym:NRA<-sentence 0 'National Renewal Alliance'"


def test_a_surname_after_a_name_given_beside_a_title() -> None:
    text = (
        "Britain's opposition called the plan cruel. A government spokeswoman, Jane Morton, "
        "defended it in parliament. Morton later met charities in London."
    )
    actor = by_text(text)["Morton"]
    assert actor.code == "GBRGOV"
    assert actor.rule == "discourse:surname:Morton<-sentence 1 'Jane Morton'"


def test_a_member_named_with_the_body_is_named_again_by_their_own_surname() -> None:
    text = (
        "Islamic State recruiter Omar Haddad was arrested in Turkey. Officials visited Haddad in "
        "jail."
    )
    assert by_text(text)["Haddad"].code == "IMGMUS"


def test_people_named_beside_a_groups_members_are_the_groups() -> None:
    text = (
        "Two Isis militants were captured in Syria on Monday. The two men, Omar Haddad and "
        "Karim Nasser, were members of a cell. Nasser was later moved to Iraq."
    )
    assert by_text(text)["Nasser"].code == "IMGMUS"


def test_a_surname_two_people_share_names_no_one() -> None:
    text = (
        "Grace Wambui, a Kenyan diplomat, met Joseph Wambui, a Ugandan trader, in Nairobi. "
        "Wambui said the talks went well."
    )
    resolved = resolve(text)
    assert not resolved.mentions[1]


def test_acronyms_and_initials() -> None:
    assert is_acronym("SNC") and is_acronym("G20") and not is_acronym("Syria")
    assert initials("Syrian Democratic Forces") == "SDF"
    assert initials("Organisation for the Prohibition of Chemical Weapons") == "OPCW"
    assert initials("Hamas") is None


def test_odd_text_is_read_without_error() -> None:
    text = (
        "( ) The SNC said. (SNC) ( X ) the group. The two sides. Both. Its. "
        "“He said,” she said, and they said their leaders said so (AB."
    )
    resolved = resolve(text)
    assert len(resolved.mentions) == len(resolved.parsed.sentences)


LEAD = (
    "A Kenyan nurse detained in Uganda for a year has been released and flown home. "
    "Grace Achieng, 31, was arrested at a checkpoint near Kampala last March. "
    "Achieng said she had been treated well."
)


def test_the_person_a_lead_describes_is_the_one_named_next_with_an_age() -> None:
    actors = by_text(LEAD)
    named = actors["Grace Achieng"]
    assert named.country == "KEN"
    assert "discourse:introduced-as 'A Kenyan nurse'" in named.rule
    assert actors["Achieng"].country == "KEN"  # the surname follows


def test_a_name_without_an_age_is_not_taken_for_the_lead() -> None:
    actors = by_text(LEAD.replace("Grace Achieng, 31,", "Grace Achieng"))
    assert "Grace Achieng" not in actors or actors["Grace Achieng"].country != "KEN"


def test_a_lead_about_a_body_introduces_no_person() -> None:
    text = (
        "A Kenyan court has freed an activist held since March. "
        "Grace Achieng, 31, was arrested at a checkpoint near Kampala."
    )
    actors = by_text(text)
    assert "Grace Achieng" not in actors or "introduced-as" not in actors["Grace Achieng"].rule


def test_a_person_described_as_a_national_of_a_country_is_its_civilian() -> None:
    # The tagger leaves "national" an adjective here; the description still says whose.
    found = by_text("Peruvian police arrested Maria Lopez, a Bulgarian national, on Monday.")
    assert found["Maria Lopez"].code == "BGRCVL"
    assert "discourse:described-as" in found["Maria Lopez"].rule


def test_a_name_written_with_an_age_is_a_person_whatever_its_entity_label() -> None:
    # The recogniser labels an unfamiliar surname a place or an organisation; the age beside
    # it says it is a person, and the description beside it says whose citizen.
    events = code("Varga, 31, a Hungarian national, was also detained.")
    assert [(e.cameo, e.target.code if e.target else None) for e in events] == [("173", "HUNCVL")]


def test_a_name_with_an_age_blocks_an_older_antecedent_of_a_pronoun() -> None:
    text = (
        "The Hungarian interior minister, Anna Kovacs, revoked the passport of a student. "
        "Ilona, 19, left Hungary in 2015 and said she wanted to return."
    )
    resolved = resolve(text)
    she = [m for m in resolved.mentions[1] if m.actor.text == "she"]
    assert not [m for m in she if m.actor.code is not None]
