"""Acts whose doer the text leaves unsaid: null source (or the state a place implies), the victim
as target, marked one_sided (hand-written sentences, real model)."""

from __future__ import annotations

import pytest

from kipu.records import Event
from tests.helpers import code

pytestmark = pytest.mark.model


def one_sided(text: str) -> list[Event]:
    return [e for e in code(text) if e.one_sided and not e.negated]


def test_a_passive_with_no_doer_has_a_null_source_and_the_victim_as_target() -> None:
    [e] = one_sided("Three soldiers were killed near the border on Monday.")
    assert e.source is None and e.root == "19"
    assert e.target is not None and e.target.sector == "MIL"
    assert "one-sided: a passive with no doer" in e.rule


def test_a_weapon_as_the_doer_names_no_one() -> None:
    [e] = one_sided("A roadside bomb exploded in the market, killing two police officers.")
    assert e.source is None and e.target is not None and e.target.sector == "COP"


def test_an_arrest_in_a_named_country_is_by_its_police() -> None:
    [e] = one_sided("The blogger was arrested in Egypt on Friday.")
    assert e.cameo == "173" and e.source is not None
    assert (e.source.country, e.source.sector) == ("EGY", "COP")
    assert e.source.rule.startswith("implied:")


def test_jailed_on_a_place_with_a_nationality_is_by_its_courts() -> None:
    [e] = one_sided("The sailor was jailed in an Iranian prison last month.")
    assert e.source is not None and (e.source.country, e.source.sector) == ("IRN", "JUD")


def test_a_release_is_by_the_court_the_sentence_names() -> None:
    text = "The pastor was released in May after a Peruvian court suspended his sentence."
    [e] = one_sided(text)
    assert e.source is not None and (e.source.country, e.source.sector) == ("PER", "JUD")
    # the police arrested are its victims, not its doers
    [e] = one_sided("Two Peruvian police officers were arrested on Friday.")
    assert e.source is None and e.target is not None and e.target.country == "PER"


def test_an_unnamed_victim_is_kept_with_no_code() -> None:
    [e] = one_sided("Two men were shot dead outside the mosque on Sunday.")
    assert e.source is None and e.target is not None
    assert e.target.code is None and e.target.text == "Two men"


def test_victims_no_one_names_are_one_event() -> None:
    assert len(one_sided("Dozens of men and boys were executed in the valley.")) == 1


def test_a_participle_after_its_victims() -> None:
    got = one_sided("Four activists detained at the rally on Monday have gone on hunger strike.")
    assert [(e.cameo, e.source) for e in got] == [("173", None)]


def test_harm_by_accident_or_nature_is_no_event() -> None:
    assert not code("Ten people were killed in a bus crash on the highway.")
    assert not code("Four villagers were killed in the flood.")


def test_an_act_with_a_named_doer_is_not_one_sided() -> None:
    events = code("Kenyan police arrested two activists in Nairobi.")
    assert events and not any(e.one_sided for e in events)


def test_a_figurative_target_is_no_act_of_force() -> None:
    assert not one_sided("Chad is among the countries targeted in the visa ban.")


def test_a_release_with_no_doer_is_one_sided() -> None:
    [e] = one_sided("The journalist was released on bail on Friday.")
    assert e.cameo == "0841" and e.source is None


def test_a_list_of_participles_shares_the_passive() -> None:
    got = one_sided("The army said 40 militants had been captured, killed or injured.")
    assert got and all(e.source is None for e in got)
    assert sorted(e.root for e in got) == ["17", "19"]  # killed or injured: one act of force


def test_a_participle_after_its_doer_has_its_doer() -> None:
    got = code("Kenyan soldiers firing on the crowd wounded three students.")
    assert any(e.source is not None and e.source.code == "KENMIL" for e in got)


def test_no_victims_is_no_act() -> None:
    assert not code("No crew members were injured, the coast guard said.")


def test_a_passive_after_an_active_verb_is_done_to_its_subject() -> None:
    [e] = one_sided("The rebels held out for weeks and were finally killed in the valley.")
    assert e.source is None and e.target is not None and e.target.sector == "REB"


def test_anyone_arrested_is_a_victim_though_no_dictionary_names_them() -> None:
    [e] = one_sided("All credible challengers have been disqualified or locked up.")
    assert e.cameo == "173" and e.target is not None and e.target.code is None


def test_participles_sharing_a_by_phrase_share_the_doer() -> None:
    events = code("Two activists arrested and beaten by Peruvian police were released.")
    arrests = [e for e in events if e.root == "17" and e.cameo == "173"]
    assert arrests and all(e.source is not None and e.source.code == "PERCOP" for e in arrests)


def test_an_arrest_no_sentence_places_is_by_the_courts_the_article_names() -> None:
    text = (
        "A Chilean volunteer fled Peru without the permission of the Peruvian courts. "
        "He had been convicted in September of joining a militia."
    )
    [e] = [e for e in one_sided(text) if e.cameo == "116"]
    assert e.source is not None and (e.source.country, e.source.sector) == ("PER", "JUD")
    assert "courts and police" in e.source.rule
