"""Domestic actors with no country in their own words take the article's, when it is clear."""

from __future__ import annotations

import pytest

from kipu.actors import resolve_actors
from kipu.discourse import DiscourseOptions, resolve_discourse
from kipu.ids import make_doc_id
from kipu.nlp import parse
from kipu.records import Actor, Article
from tests.helpers import resolve

pytestmark = pytest.mark.model

# A short report written for these tests: one country, named once in the lead.
CHILE = (
    "Chilean police detained 40 students in Santiago on Tuesday after a march against rising "
    "fares. The interior minister, Tomás Herrera, defended the arrests. Herrera said the "
    "protesters had blocked roads. The opposition accused the government of using excessive "
    "force."
)


def by_text(text: str, **kwargs: object) -> dict[str, Actor]:
    resolved = resolve(text) if not kwargs else _resolve(text, **kwargs)
    return {m.actor.text: m.actor for mentions in resolved.mentions for m in mentions}


def _resolve(text: str, title: str | None = None, dateline: str | None = None):  # type: ignore[no-untyped-def]
    article = Article(
        doc_id=make_doc_id(text),
        input_id="test",
        url=None,
        title=title,
        published="2024-03-14",
        dateline=dateline,
        byline=None,
        language=None,
        text=text,
    )
    return resolve_discourse(resolve_actors(next(parse([article]))))


def test_domestic_actors_take_the_country_of_the_nearest_context() -> None:
    actors = by_text(CHILE)
    assert actors["The interior minister"].code == "CHLGOV"
    assert actors["the protesters"].code == "CHLCVL"
    assert actors["The opposition"].code == "CHLOPP"
    assert actors["the government"].code == "CHLGOV"
    rule = actors["The opposition"].rule
    assert rule.startswith("agent:opposition; discourse:nearest-context:CHL")
    assert "sentence 0" in rule  # the mention it came from


def test_the_title_and_dateline_say_what_the_article_is_about() -> None:
    text = "Police fired tear gas at striking miners on Tuesday. The union said 12 were hurt."
    actors = by_text(text, title="Miners clash with police in southern Peru", dateline="LIMA")
    police = actors["Police"]
    assert police.code == "PERCOP"
    assert "discourse:article-country:PER" in police.rule


def test_two_countries_in_the_nearest_context_leave_the_country_open() -> None:
    actors = by_text(
        "Turkish and Greek ministers met in Brussels on Friday. "
        "The police later closed the road to the venue."
    )
    assert actors["The police"].country is None
    # Several countries in the group's own words: not where they met either.
    assert actors["Turkish and Greek ministers"].country is None


def test_a_people_across_borders_takes_the_country_the_article_places_events_in() -> None:
    actors = by_text(
        "Fighting continued in northern Syria on Sunday. "
        "Kurdish forces said they had retaken two villages near Raqqa."
    )
    # A people's forces are no organ of the state they are placed in: a non-state group.
    assert actors["Kurdish forces"].code == "SYRREB"
    # (the town the sentence names is in Syria: the sentence's own place comes first)
    assert "discourse:sentence-place:SYR (Raqqa)" in actors["Kurdish forces"].rule
    # The pronoun the actor stage resolved to the forces follows them.
    assert actors["they"].country == "SYR"
    assert "discourse:follows:Kurdish forces" in actors["they"].rule
    actors = by_text(
        "Fighting continued in northern Syria on Sunday. Syria's army shelled villages in Syria. "
        "Kurdish forces said they had retaken two villages."
    )
    assert "discourse:article-place:SYR" in actors["Kurdish forces"].rule


def test_a_peoples_officials_are_placed_by_the_towns_the_article_names() -> None:
    # No country named as a place, towns the gazetteer places: the article is set there. The
    # officials are no organ of the state (a self-pair with its government is still an event).
    actors = by_text(
        "Turkish jets struck Afrin on Sunday. Shelling hit Afrin again on Monday. "
        "Kurdish officials asked the Syrian government to intervene."
    )
    assert actors["Kurdish officials"].code == "SYRREB"
    assert "discourse:article-place:SYR" in actors["Kurdish officials"].rule
    # A capital that stands for its government is no place of the article.
    actors = by_text(
        "Ankara warned on Sunday. Ankara said on Monday it would act. "
        "Kurdish officials asked for help."
    )
    assert actors["Kurdish officials"].country is None


def test_an_armed_group_takes_the_country_of_the_town_its_sentence_names() -> None:
    actors = by_text("Turkey sent troops to the border. Isis fighters attacked the city of Mosul.")
    assert actors["Isis fighters"].country == "IRQ"
    assert "discourse:sentence-place:IRQ (Mosul)" in actors["Isis fighters"].rule


def test_people_a_state_acts_on_do_not_take_that_state_but_its_own_bodies_do() -> None:
    actors = by_text(
        "Colombia sent more troops to the border on Monday. "
        "Colombia said the border would stay closed. "
        "Colombia detained protesters near the river on Tuesday."
    )
    assert actors["more troops"].code == "COLMIL"
    assert actors["protesters"].country is None


def test_the_opposition_in_a_sentence_of_several_states_is_of_the_country_it_is_in() -> None:
    # Foreign states act there; the opposition and civilians are of the place's country.
    text = (
        "Government troops massed near Homs in March. "
        "Fighting went on in Idlib province, where Russian, Iranian and Syrian forces have "
        "launched an offensive against the opposition."
    )
    assert by_text(text)["the opposition"].code == "SYROPP"
    # A state's organ is not placed so: foreign troops are often abroad.
    text = "In Idlib, Russia and Iran backed the offensive of the army against the rebels."
    assert by_text(text)["the army"].country is None


def test_a_title_noun_whose_antecedent_has_no_country_is_read_where_it_stands() -> None:
    # "The opposition" points back to an opposition no rule placed (several countries named
    # with it); where it stands, the sentence's places say whose it is.
    text = (
        "Ankara and Tehran have long backed the opposition in talks abroad. "
        "The talks were held in Geneva and Vienna. "
        "Fighting went on in Idlib province, where Russian, Iranian and Syrian forces have "
        "bombed the opposition since March."
    )
    actors = {m.actor.text: m.actor for ms in resolve(text).mentions[2:] for m in ms}
    assert actors["the opposition"].code == "SYROPP"
    assert actors["the opposition"].rule.startswith("title noun 'opposition' → ")


def test_countries_can_be_turned_off() -> None:
    parsed = next(parse([_article(CHILE)]))
    resolved = resolve_discourse(resolve_actors(parsed), DiscourseOptions(countries=False))
    actors = {m.actor.text: m.actor for ms in resolved.mentions for m in ms}
    assert actors["The opposition"].country is None


def _article(text: str) -> Article:
    return Article(
        doc_id=make_doc_id(text),
        input_id="test",
        url=None,
        title=None,
        published="2024-03-14",
        dateline=None,
        byline=None,
        language=None,
        text=text,
    )


def test_a_part_of_a_country_is_a_place_of_the_sentence() -> None:
    actors = by_text("The Peruvian army fought to drive Isis from parts of Bolivia.")
    assert actors["Isis"].country == "BOL"
    assert "sentence-place:BOL" in actors["Isis"].rule


def test_government_forces_are_of_the_country_they_act_in() -> None:
    # Two countries named as actors, the one place in a third: the government is the place's.
    text = "Peru and Chile condemned the fighting as government forces captured Mosul."
    assert by_text(text)["government forces"].country == "IRQ"
    # troops with no word of government may be anyone's
    text = "Peru and Chile condemned the fighting as troops captured Mosul."
    assert by_text(text)["troops"].country is None


def test_armed_groups_hit_in_another_countrys_town_are_not_the_speakers() -> None:
    # The one nationality is the speaker's; the town (tagged a people by the model) says
    # where the militants are.
    text = "The Turkish defence minister said 300 militants had been killed in the Afrin offensive."
    militants = by_text(text)["300 militants"]
    assert militants.country == "SYR"
    assert "sentence-place:SYR (Afrin)" in militants.rule


def test_an_office_written_with_no_country_only_for_one_states() -> None:
    resolved = resolve("The home secretary revoked the citizenship of two fighters.")
    (secretary,) = [m.actor for m in resolved.mentions[0] if m.actor.sector == "GOV"]
    assert secretary.country == "GBR"
    resolved = resolve("The Kenyan defence secretary met Ugandan officials.")
    assert {m.actor.country for m in resolved.mentions[0]} == {"KEN", "UGA"}


def test_a_nationality_on_an_act_in_a_place_phrase_is_no_place() -> None:
    text = (
        "Peruvian nationals fighting with Islamic State in Bolivia are a legitimate target, "
        "as reports said one had died in a Chilean strike."
    )
    resolved = resolve(text)
    (group,) = [m.actor for m in resolved.mentions[0] if m.actor.text == "Islamic State"]
    assert group.country == "BOL"
