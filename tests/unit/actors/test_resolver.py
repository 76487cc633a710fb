"""Actor resolution on hand-written sentences."""

from __future__ import annotations

import pytest

from kipu.records import Actor
from tests.helpers import actors_by_head, code, resolve

pytestmark = pytest.mark.model


def actors(text: str, published: str | None = "2024-03-14") -> dict[str, Actor]:
    return actors_by_head(text, published)


@pytest.mark.parametrize(
    ("text", "head", "code"),
    [
        ("Peruvian troops patrolled the border.", "troops", "PERMIL"),
        ("The Peruvian Defense Ministry issued a statement.", "Ministry", "PERGOV"),
        ("U.S. advisers arrived on Monday.", "advisers", "USA"),
        ("Kenyan police arrested the suspects.", "police", "KENCOP"),
        ("Rebels in the north attacked a convoy.", "Rebels", "REB"),
        ("Washington criticized the decision.", "Washington", "USAGOV"),
        ("Peru protested.", "Peru", "PER"),
    ],
)
def test_resolve_phrases(text: str, head: str, code: str) -> None:
    found = actors(text)
    assert head in found, found
    assert (found[head].code or "").startswith(code), found[head]


def test_place_is_not_an_actor() -> None:
    found = actors("Protesters gathered in Lima on Sunday.")
    assert "Lima" not in found


def test_title_and_country_make_a_person_an_actor_and_surname_follows() -> None:
    found = actors("Brazilian Foreign Minister Ana Souza arrived in Rome. Souza praised Italy.")
    assert found["Souza"].code == "BRAGOV"
    assert found["Souza"].name in ("Ana Souza", "Souza")


def test_unknown_person_without_title_stays_unresolved() -> None:
    found = actors("Maria Gonzalez criticized the plan.")
    assert "Gonzalez" not in found


def test_every_actor_says_why() -> None:
    for actor in actors("The Chilean army and Argentine police met.").values():
        assert actor.rule


@pytest.mark.parametrize(
    ("text", "head", "code"),
    [
        ("The Inter-American Development Bank approved a loan.", "Bank", "IGO"),
        ("The Kurdistan Workers’ Party issued a statement.", "Party", "TURREB"),
    ],
)
def test_names_written_with_hyphens_and_apostrophes(text: str, head: str, code: str) -> None:
    found = actors(text)
    assert (found[head].code or "").startswith(code), found[head]


@pytest.mark.parametrize(
    ("text", "head", "code"),
    [
        ("The UN stabilization mission in Haiti brokered a deal.", "mission", "IGOUNO"),
        ("The al-Qaeda terror network threatened new attacks.", "network", "IMG"),
        ("The official Xinhua news agency reported the visit.", "agency", "CHNMED"),
        ("The Washington Post reported the decision.", "Post", "USAMED"),
    ],
)
def test_an_organisation_named_with_a_word_for_what_it_is(text: str, head: str, code: str) -> None:
    found = actors(text)
    assert (found[head].code or "").startswith(code), found[head]


def test_wire_services_that_attribute_are_not_actors() -> None:
    assert "Reuters" not in actors("The minister told Reuters that talks would resume.")


@pytest.mark.parametrize(
    ("text", "head", "code"),
    [
        ("Militants attacked a checkpoint overnight.", "Militants", "REB"),
        ("The minister met observers from the OSCE.", "observers", "IGOEURSCE"),
        ("North Korea expelled inspectors of the IAEA.", "inspectors", "IGOUNOIAE"),
        ("Police said 300 British nationals had left.", "nationals", "GBRCVL"),
        ("The government rejected demands from UNITA.", "UNITA", "AGOREB"),
        (
            "Talks began with the National Union for the Total Independence of Angola.",
            "Union",
            "AGOREB",
        ),
    ],
)
def test_groups_members_and_organisations(text: str, head: str, code: str) -> None:
    found = actors(text)
    assert (found[head].code or "").startswith(code), found[head]


def test_a_meeting_of_a_body_is_not_the_body() -> None:
    found = actors("The Organization of American States held its assembly in Lima.")
    assert "assembly" not in found


def test_capital_as_a_modifier_takes_the_code_of_its_time() -> None:
    found = actors("Belgrade radio said Yugoslav troops had left.", None)
    assert found["radio"].country == "YUG"


def test_shadow_title_is_the_opposition() -> None:
    found = actors("Britain's shadow foreign secretary met Iranian officials.")
    assert found["secretary"].code == "GBROPP"
    assert (
        actors("Britain's foreign secretary met Iranian officials.")["secretary"].code == "GBRGOV"
    )


def test_national_branch_of_an_organisation_is_the_organisation() -> None:
    assert actors("Oxfam Canada called on Ottawa to help refugees.")["Canada"].code == "NGOXFM"
    assert actors("Amnesty International USA criticised the Pentagon.")["USA"].code == "NGOHRIAMN"


def test_an_organisation_inside_a_persons_name_is_not_the_persons() -> None:
    actors = actors_by_head("Egypt's president Abdel Fatah al-Sisi met Fatah leaders on Monday.")
    assert actors["Sisi"].code == "EGYGOV"
    assert actors["leaders"].code == "PSEPTYFTA"


def test_a_person_with_a_shadow_title_is_the_opposition() -> None:
    text = (
        "Diane Moreton, the shadow home secretary, criticised the plan. "
        "The home secretary, James Clarke, rejected the claim. The home secretary said more."
    )
    resolved = resolve(text)
    first = {m.actor.text: m.actor for m in resolved.mentions[0]}
    assert first["Diane Moreton"].sector == "OPP"
    # "the home secretary" is not the shadow one named before
    last = {m.actor.text: m.actor for m in resolved.mentions[2]}
    assert "Diane Moreton" not in last["The home secretary"].rule


@pytest.mark.parametrize(
    ("text", "head", "code"),
    [
        ("A spokesman for the Kenyan foreign ministry declined to comment.", "spokesman", "KENGOV"),
        (
            "A spokeswoman for Amnesty International criticised the ruling.",
            "spokeswoman",
            "NGOHRIAMN",
        ),
        ("An official at the Ugandan army denied the Kenyan report.", "official", "UGAMIL"),
    ],
)
def test_one_who_speaks_for_a_body_is_the_body(text: str, head: str, code: str) -> None:
    actor = actors(text)[head]
    assert actor.code == code
    assert "for →" in actor.rule


def test_one_who_speaks_for_a_state_speaks_for_its_government() -> None:
    assert (
        actors("Kenya's permanent representative declined to comment.")["representative"].code
        == "KENGOV"
    )
    assert actors("A spokesman for Uganda denied the report.")["spokesman"].code == "UGAGOV"


def test_a_spokesman_for_no_actor_is_no_actor() -> None:
    assert "spokesman" not in actors("A spokesman for the festival declined to comment.")


def test_a_foreign_ministry_is_not_the_country_it_works_in() -> None:
    found = actors("The Foreign Office is not operating in Syria but funds aid agencies there.")
    assert found["Office"].country != "SYR"
    found = actors("A spokesperson for the Foreign Office in London declined to comment.")
    assert found["Office"].country == "GBR"


def test_a_title_conjoined_to_a_countrys_title_shares_its_owner() -> None:
    found = actors("Peru's president and foreign minister criticised the ruling.")
    assert found["minister"].code == "PERGOV"
    assert "owner:Peru" in found["minister"].rule
    # A title with an owner or a determiner of its own is not the first one's.
    found = actors("Peru's president and a foreign minister met Chilean officials.")
    assert found["minister"].country is None


def test_a_nationality_coordinated_with_a_backer_is_a_backer_too() -> None:
    # "Peruvian and Chile-backed forces": both back them; the forces are neither's
    found = actors("Peruvian and Chile-backed forces attacked the town.")
    assert found["forces"].country is None
    # two nationalities of their own still name two countries' forces
    sources = {e.source.code for e in code("Peruvian and Chilean forces attacked the town.")}
    assert sources == {"PERMIL", "CHLMIL"}


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("A Peruvian nonprofit criticised the ruling.", "nonprofit"),
        ("A Peruvian relief organisation criticised the ruling.", "organisation"),
    ],
)
def test_nonprofits_and_relief_organisations_are_ngos(text: str, head: str) -> None:
    assert actors(text)[head].code == "PERNGO"


def test_a_party_chairman_is_the_partys() -> None:
    assert actors("Juan Perez, the Peruvian party chairman, defended the vote.")["Perez"].code == (
        "PERPTY"
    )


def test_an_agency_with_a_nationality_is_the_states() -> None:
    text = "Ten people were rescued by the Peruvian maritime safety and rescue agency."
    assert actors(text)["agency"].code == "PERGOV"
