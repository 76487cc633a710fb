"""Peoples, communities, units, states and reported "it": actors that block events when missed."""

from __future__ import annotations

import pytest

from kipu.records import Actor
from tests.helpers import actors_by_head

pytestmark = pytest.mark.model


def actors(text: str, published: str | None = None) -> dict[str, Actor]:
    return actors_by_head(text, published)


@pytest.mark.parametrize(
    ("text", "head", "code"),
    [
        ("Thousands of Kenyans marched through Nairobi on Saturday.", "Kenyans", "KEN"),
        ("A group of prominent Ghanaians wrote to the president.", "Ghanaians", "GHA"),
        ("Young Moroccans protested outside parliament.", "Moroccans", "MAR"),
    ],
)
def test_nationality_plurals_are_people_not_places(text: str, head: str, code: str) -> None:
    found = actors(text)
    assert head in found, found
    assert found[head].code == code


@pytest.mark.parametrize(
    ("text", "head", "code"),
    [
        ("Thousands of Syrian Kurds fled across the border on Monday.", "Kurds", "SYR"),
        ("Kosovo Serbs blocked the road to the mine.", "Serbs", "KSV"),
        ("Lebanese Christians gathered for the funeral.", "Christians", "LBN"),
        ("Kurds in Turkey staged a rally on Sunday.", "Kurds", "TUR"),
        ("The main Iraqi Kurdish groups boycotted the vote.", "groups", "IRQ"),
    ],
)
def test_a_community_takes_the_country_its_own_words_give(text: str, head: str, code: str) -> None:
    found = actors(text)
    assert head in found, found
    assert found[head].code == code
    assert found[head].sector is None


def test_an_unplaced_community_as_subject_takes_the_sentences_one_country() -> None:
    found = actors("Islamic fundamentalists demanded the resignation of the Tunisian premier.")
    assert found["fundamentalists"].code == "TUN"
    found = actors("Ethnic Hungarians rallied against the new Slovak language law.")
    assert found["Hungarians"].code == "SVK"


def test_a_community_acted_on_or_without_a_country_stays_unresolved() -> None:
    assert "Kurds" not in actors("Turkish warplanes bombed Kurds near the border.")
    assert "Sunnis" not in actors("Sunnis have demanded a bigger share of ministries.")


def test_peoples_across_borders_are_placed_only_by_their_own_words() -> None:
    assert "Muslims" not in actors("Muslims protested against the Danish cartoons.")
    assert "Kurds" not in actors("Kurds marched against the Turkish offensive.")
    assert "groups" not in actors("Kurdish groups marched against the Turkish offensive.")
    found = actors("Saudi officials blamed Iran and Islamic extremists for the attack.")
    assert "extremists" not in found or found["extremists"].country != "IRN"


@pytest.mark.parametrize(
    ("text", "head", "code"),
    [
        ("Egyptian officers arrested the protest leaders.", "officers", "EGYMIL"),
        ("Israeli aircraft struck a camp near Tyre.", "aircraft", "ISRMIL"),
        ("Russian jets bombed the town overnight.", "jets", "RUSMIL"),
        ("Chilean landowners blocked the highway.", "landowners", "CHLAGR"),
        ("U.S. border patrol agents detained 40 migrants.", "agents", "USACOP"),
        ("A Beirut-based Palestinian guerrilla group claimed the raid.", "group", "PSEREB"),
        ("A Turkish police patrol was ambushed.", "patrol", "TURCOP"),
        ("A militant group based in Somalia claimed the bombing.", "group", "SOMREB"),
    ],
)
def test_agents_units_and_nationals(text: str, head: str, code: str) -> None:
    found = actors(text)
    assert head in found, found
    assert found[head].code == code


def test_national_nouns_need_a_nationality() -> None:
    assert "officers" not in actors("The officers left the building at noon.")
    assert "aircraft" not in actors("An aircraft crashed near the airport.")
    # A named body's planes are a thing of that body, not the body.
    assert "planes" not in actors("The rebels refused to let United Nations planes land.")


def test_hyphenated_title_makes_a_name_an_actor() -> None:
    found = actors("Vice-President Jane Mwangi has declined to resign.")
    assert found["Mwangi"].sector == "GOV"
    assert "Motors" not in actors("General Motors announced new layoffs.")


def test_a_name_takes_the_organisation_of_its_office() -> None:
    found = actors("Jan Pronk, the UN special envoy, demanded access to the camps.")
    assert found["Pronk"].code == "IGOUNO"


@pytest.mark.parametrize(
    ("text", "head", "code"),
    [
        ("The Republic of Croatia defied the federal government.", "Republic", "HRV"),
        ("The Democratic People's Republic of Korea fired a missile.", "Republic", "PRK"),
        ("Yugoslavia's feuding republics rejected the plan.", "republics", "YUG"),
    ],
)
def test_nouns_of_statehood_are_the_state(text: str, head: str, code: str) -> None:
    found = actors(text)
    assert head in found, found
    assert found[head].code == code


def test_statehood_in_a_place_role_or_former_is_not_the_state() -> None:
    assert "republics" not in actors("The former Soviet republics signed a trade pact.")
    assert "state" not in actors("The army imposed a state of emergency.")


def test_reported_it_is_the_body_that_reports() -> None:
    found = actors("NATO announced late on Friday that it would extend its air patrols.")
    assert found["it"].code == "IGOWSTNAT"
    found = actors("The Kenyan government said it would appeal the ruling.")
    assert found["it"].code == "KENGOV"
    # A person is not "it", nor is the weather.
    assert "it" not in actors("The minister said it would rain on Sunday.")
    assert "it" not in actors("It was a grave mistake, Iran said on Monday.")


@pytest.mark.parametrize(
    ("text", "head", "code"),
    [
        ("A member of the Iraqi parliament began a sit-in on Monday.", "member", "IRQLEG"),
        ("Leaders of the Zambian opposition walked out of the talks.", "Leaders", "ZMBOPP"),
        ("Delegates from Peruvian labor unions met the minister.", "Delegates", "PERLAB"),
    ],
)
def test_members_of_a_countrys_body_are_that_body(text: str, head: str, code: str) -> None:
    found = actors(text)
    assert head in found, found
    assert found[head].code == code


def test_members_of_a_body_without_a_country_are_not_guessed() -> None:
    assert "members" not in actors("Two members of the committee resigned on Friday.")


def test_a_member_state_is_the_state_not_the_body() -> None:
    found = actors("EU member Hungary vetoed the budget on Thursday.")
    assert found["Hungary"].code == "HUN"


def test_a_name_in_apposition_holds_the_office() -> None:
    found = actors("Chad's ambassador Idriss Mahamat was summoned. Mahamat denied the report.")
    assert found["Mahamat"].code == "TCDGOV"
    assert found["Mahamat"].name == "Idriss Mahamat"


@pytest.mark.parametrize(
    ("text", "head", "code"),
    [
        ("Sudanese women marched against the curfew.", "women", "SDNCVL"),
        ("The minister broke his promise to the Malawian people.", "people", "MWICVL"),
        ("Qatari mediators met both delegations in Doha.", "mediators", "QATGOV"),
        ("Nigerian police detained Fulani militiamen.", "militiamen", "NGAUAF"),
        ("Bolivian indigenous groups blocked the roads to La Paz.", "groups", "BOLCVL"),
    ],
)
def test_people_with_a_nationality_and_civilian_groups(text: str, head: str, code: str) -> None:
    found = actors(text)
    assert head in found, found
    assert found[head].code == code


def test_people_without_a_nationality_are_not_actors() -> None:
    found = actors("Two men were seen near the gate.")
    assert "men" not in found


def test_people_of_a_body_left_behind_are_not_a_place() -> None:
    found = actors("The convoy left, leaving 200 UN troops to guard the camp.")
    assert found["troops"].code == "IGOUNO"
    assert "headquarters" not in actors("Protesters gathered outside NATO headquarters.")


def test_an_office_speaks_for_its_owner() -> None:
    found = actors("Chilean President Ana Rojas rejected the plan on Monday, her office said.")
    assert found["office"].code == "CHLGOV"
    assert "office" not in actors("The office was closed on Monday.")
    found = actors("President Ana Rojas met donors and then returned to her office.")
    assert "office" not in found


def test_its_members_after_a_named_body_are_the_bodys() -> None:
    found = actors("NATO said on Friday its members would meet in Brussels.")
    assert found["members"].code == "IGOWSTNAT"
    assert "leader" not in actors("Iran said its leader would attend the summit.")
    found = actors("Hamas refused to let UN planes evacuate its observers.")
    assert "observers" not in found or found["observers"].code != "PSEREBHMS"


def test_a_pronoun_names_no_country_for_the_one_country_rule() -> None:
    text = "President Ruto spoke on Monday. He has ended support for the rebels."
    found = actors(text)
    assert "rebels" not in found or "the one country of the sentence" not in found["rebels"].rule


@pytest.mark.parametrize(
    ("text", "head"),
    [
        (
            "Peruvian nationals fighting with Islamic State are a target for drone strikes.",
            "nationals",
        ),
        ("The army detained 90 foreign fighters who joined Isis.", "fighters"),
    ],
)
def test_people_fighting_for_an_armed_group_are_the_group(text: str, head: str) -> None:
    found = actors(text)[head]
    assert found.code == "IMGMUS"
    assert "fighting for it" in found.rule
