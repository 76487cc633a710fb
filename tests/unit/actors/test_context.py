"""Actors in context: places that are not actors, nationality carried by groups, stances."""

from __future__ import annotations

import pytest

from kipu.records import Actor
from tests.helpers import actors_by_head

pytestmark = pytest.mark.model


def heads(text: str, published: str | None = "2024-03-14") -> dict[str, Actor]:
    return actors_by_head(text, published)


def test_dateline_is_a_place() -> None:
    assert "QUITO" not in heads("QUITO — Ecuadorian police raided a warehouse on Monday.")


def test_group_takes_the_country_of_its_place() -> None:
    found = heads("Police in Nairobi detained the suspects.")
    assert found["Police"].code == "KENCOP"
    assert "in Nairobi" in found["Police"].rule


def test_group_in_a_where_clause_takes_its_country() -> None:
    found = heads("Bolivia, where smugglers move goods across the border, tightened controls.")
    assert found["smugglers"].country == "BOL"


def test_foreigners_do_not_take_the_country_of_the_place() -> None:
    found = heads("Tourists in Rome visited the old forum.")
    assert "Tourists" not in found or found["Tourists"].country is None


def test_stance_is_not_nationality() -> None:
    found = heads("Police detained pro-Russian activists on Sunday.")
    assert "activists" not in found or found["activists"].country != "RUS"


def test_two_countries_give_no_country() -> None:
    found = heads("Kenyan and Ugandan officials discussed the dispute.")
    assert found["officials"].country is None
    assert found["officials"].sector == "GOV"


def test_institution_as_a_place_is_not_an_actor() -> None:
    assert "university" not in heads("The minister spoke at a university in Ohio.")


def test_destination_is_not_an_actor() -> None:
    assert "Bangladesh" not in heads("The former leader fled Bangladesh by helicopter.")


def test_former_office_holder_is_an_elite() -> None:
    found = heads("Former Japanese prime minister Shinzo Abe gave a speech.", "2022-07-01")
    assert found["Abe"].code == "JPNELI"


def test_a_name_alone_gives_no_country() -> None:
    assert "Okafor" not in heads("Chinedu Okafor criticised the budget.")


def test_thing_of_a_group_is_not_the_group() -> None:
    assert "enclave" not in heads("Fighters left the last Islamic State enclave.")


def test_possessive_after_a_preposition_is_an_actor() -> None:
    found = heads("Analysts were skeptical over Moscow's will to agree.")
    assert found["Moscow"].code == "RUSGOV"


def test_a_group_owned_by_a_state_takes_its_country_not_its_place() -> None:
    found = heads("Israel has strengthened its forces in Lebanon.")
    assert found["forces"].code == "ISRMIL"
    assert "owner:its" in found["forces"].rule


def test_a_group_owned_by_a_person_takes_the_person_s_country() -> None:
    found = heads("Kenyan President William Ruto said his government would act.", "2024-03-14")
    assert found["government"].code == "KENGOV"


def test_a_group_owned_by_an_organisation_takes_its_code() -> None:
    found = heads("The United Nations said its peacekeepers would stay.")
    assert (found["peacekeepers"].code or "").startswith("IGOUNO")


def test_someone_else_s_counterpart_is_not_owned() -> None:
    found = heads("Kenyan President William Ruto called his counterpart on Monday.", "2024-03-14")
    assert found.get("counterpart") is None or found["counterpart"].country != "KEN"


@pytest.mark.parametrize(
    "text",
    [
        "The Syrian-backed militia attacked the village.",
        "A Damascus-based militia attacked the village.",
        "The Soviet- and Cuban-trained militia attacked the village.",
    ],
)
def test_a_country_that_backs_or_hosts_a_group_is_not_its_nationality(text: str) -> None:
    found = heads(text)
    assert found["militia"].country is None


def test_a_group_across_a_country_takes_its_country() -> None:
    found = heads("Students throughout Indonesia staged demonstrations.")
    assert found["Students"].code == "IDNEDU"


@pytest.mark.parametrize(
    ("text", "published", "head", "code"),
    [
        ("The Bush administration rejected the plan.", None, "administration", "USAGOV"),
        ("President Suharto's government fell.", None, "government", "IDNGOV"),
        ("The Macron government rejected the plan.", "2019-05-02", "government", "FRAGOV"),
    ],
)
def test_a_body_named_after_its_leader_takes_the_leader_s_country(
    text: str, published: str | None, head: str, code: str
) -> None:
    found = heads(text, published)
    assert found[head].code == code


def test_a_leader_unknown_to_the_dictionary_gives_no_country() -> None:
    found = heads("The Okonkwo administration rejected the plan.")
    assert found["administration"].country is None


def test_an_ethnic_group_takes_the_country_of_its_place_not_of_its_ethnicity() -> None:
    found = heads("Ethnic Albanians demonstrated in the Serbian province of Vojvodina.")
    assert found["Albanians"].code == "SRB"
    found = heads("Ethnic Turks began a hunger strike.")
    assert "Turks" not in found


def test_a_city_two_countries_share_gives_no_country() -> None:
    found = heads("Militias in Tripoli clashed overnight.")
    assert found["Militias"].country is None


def test_a_missionary_is_not_of_the_country_he_works_in() -> None:
    found = heads("A missionary was arrested in Lebanon on Friday.")
    assert found["missionary"].country is None


def test_officials_of_two_countries_have_no_one_country() -> None:
    found = heads("The presidents of Iraq and Egypt called for a withdrawal.")
    assert found["presidents"].country is None


@pytest.mark.parametrize(
    ("text", "head", "code"),
    [
        ("Liberian riot police dispersed demonstrators in the capital.", "demonstrators", "LBRCVL"),
        ("Cairo's security chief warned that police would act.", "police", "EGYCOP"),
        ("Chilean prosecutors charged gang leaders on Monday.", "leaders", "CHLCRM"),
    ],
)
def test_a_group_in_a_sentence_of_one_country_is_of_that_country(
    text: str, head: str, code: str
) -> None:
    found = heads(text)
    assert found[head].code == code
    assert "the one country of the sentence" in found[head].rule


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("Gunmen attacked a concert hall near Moscow.", "Gunmen"),  # origin unknown
        ("Tourists in Rome visited the Colosseum.", "Tourists"),  # visitors
        ("Rwandan officials denied supporting the rebels.", "rebels"),  # someone else's
        ("A European court convicted Turkey of torture.", "court"),  # not national
        ("Peruvian and Bolivian officials met the protesters.", "protesters"),  # two countries
        ("UN officials said Sudanese police detained protesters.", "protesters"),  # an IGO
        ("Israel struck militants overnight.", "militants"),  # a state acts, maybe abroad
        ("A British reporter said Baghouz residents fled.", "residents"),  # unknown place
        ("Turkish troops fought Turkish-backed militias.", "militias"),  # someone backs them
        ("The Iraqi president vowed to defeat the jihadists.", "jihadists"),  # transnational
        ("Clearing the ground held in Syria will take time, the generals said.", "generals"),
        # a reference to two actors named before is theirs, not the sentence's country's
        ("A Turkish official said the two presidents had exchanged views.", "presidents"),
        ("A Kenyan official said both ministers were pleased.", "ministers"),
    ],
)
def test_groups_the_one_country_does_not_own(text: str, head: str) -> None:
    found = heads(text)
    assert head not in found or found[head].country is None, found.get(head)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Patrols will monitor Macedonia's border with Serbia.", "Macedonia"),
        ("Patrols will monitor Macedonia's border with Serbia.", "Serbia"),
        ("Rebels shelled the regional capital Juba.", "Juba"),
        ("They urged him to send troops to their capital Monrovia.", "Monrovia"),
        ("The government banned relief flights to Sudan.", "Sudan"),
        ("Farmers said they would blockade Paris on Monday.", "Paris"),
        ("The bridge spans the river from France to Germany.", "Germany"),
        ("Workers of the United Bus Company of Tehran went on strike.", "Tehran"),
        ("A guard fired in front of the Kenyan consulate.", "consulate"),
    ],
)
def test_places_that_are_not_actors(text: str, place: str) -> None:
    assert place not in heads(text)


@pytest.mark.parametrize(
    ("text", "head", "code"),
    [
        ("The United States continued to send arms to Pakistan.", "Pakistan", "PAK"),
        ("President Joe Biden made a surprise visit to Kyiv.", "Kyiv", "UKRGOV"),
        ("Chinese warships surrounded Taiwan in military drills.", "Taiwan", "TWN"),
    ],
)
def test_recipients_hosts_and_targets_are_actors(text: str, head: str, code: str) -> None:
    assert heads(text)[head].code == code


def test_a_region_or_city_of_a_country_gives_its_groups_the_country() -> None:
    found = heads("Police in Karachi detained the suspects.")
    assert found["Police"].code == "PAKCOP"
    assert "Karachi" not in found  # a place, never the state
    found = heads("The government of Sindh province ordered patrols.")
    assert found["government"].code == "PAKGOV"


def test_a_group_led_by_a_country_is_of_that_country() -> None:
    found = heads("Vietnamese-led forces retook the village.")
    assert found["forces"].code == "VNMMIL"
