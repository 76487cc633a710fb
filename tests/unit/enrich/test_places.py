"""Event places: place mentions on the parse, resolved in the offline gazetteer (issue 7)."""

from __future__ import annotations

import pytest

from kipu.actors import resolve_actors
from kipu.enrich import enrich_events, load_gazetteer, resolve_place
from kipu.enrich._gazetteer import distance_km, fold
from kipu.enrich.places import ArticleContext
from kipu.events import code_events
from kipu.ids import make_doc_id
from kipu.nlp import parse
from kipu.records import Article, Event, Place

NO_CONTEXT = ArticleContext(frozenset(), None, None)


def _context(*named: str) -> ArticleContext:
    return ArticleContext(frozenset(named), None, None, frozenset(named))


def test_gazetteer_loads_once() -> None:
    assert load_gazetteer() is load_gazetteer()


def test_fold_removes_accents_and_case() -> None:
    assert fold("Bogotá  D.C.") == "bogota d.c."


def test_distance_km_lima_to_callao() -> None:
    assert 5 < distance_km(-12.05, -77.04, -12.06, -77.15) < 20


@pytest.mark.parametrize("name", ["U.S.", "US", "United States", "the United States"])
def test_us_is_the_country_never_a_city(name: str) -> None:
    place = resolve_place(name, NO_CONTEXT)
    assert place is not None
    assert (place.country, place.precision) == ("USA", "country")


@pytest.mark.parametrize(
    ("name", "context", "country"),
    [
        ("Tripoli", _context("LBY"), "LBY"),
        ("Tripoli", _context("LBN"), "LBN"),
        ("Tripoli", NO_CONTEXT, "LBY"),  # the larger city and the capital
        ("Hyderabad", _context("PAK"), "PAK"),
        ("Hyderabad", _context("IND"), "IND"),
        ("Valencia", _context("VEN"), "VEN"),
        ("Lima", _context("USA", "PER"), "PER"),
        ("Paris", NO_CONTEXT, "FRA"),
    ],
)
def test_resolve_place_prefers_article_countries_then_population(
    name: str, context: ArticleContext, country: str
) -> None:
    place = resolve_place(name, context)
    assert place is not None
    assert place.country == country


def test_resolve_place_fields() -> None:
    place = resolve_place("Lima", _context("PER"))
    assert place is not None
    assert place.name == "Lima" and place.feature == "city" and place.precision == "city"
    assert place.lat is not None and place.lon is not None
    assert distance_km(place.lat, place.lon, -12.05, -77.04) < 50
    assert place.admin1


def test_resolve_place_country_and_region_precision() -> None:
    peru = resolve_place("Peru", NO_CONTEXT)
    assert peru is not None and peru.precision == "country" and peru.country == "PER"
    texas = resolve_place("Texas", NO_CONTEXT)
    assert texas is not None and texas.precision == "region" and texas.country == "USA"
    province = resolve_place("Kandahar province", NO_CONTEXT)
    assert province is not None and province.precision == "region" and province.country == "AFG"


def test_resolve_place_unknown_is_none() -> None:
    assert resolve_place("Xqzzyville", NO_CONTEXT) is None


def _enrich(text: str, dateline: str | None = None) -> list[Event]:
    article = Article(
        doc_id=make_doc_id(text),
        input_id="test",
        url=None,
        title=None,
        published="2024-03-14",
        dateline=dateline,
        byline=None,
        language="en",
        text=text,
    )
    resolved = resolve_actors(next(parse([article])))
    events = code_events(resolved)
    assert events, text
    return enrich_events(resolved, events)


def _near(place: Place | None, lat: float, lon: float) -> bool:
    return (
        place is not None
        and place.lat is not None
        and place.lon is not None
        and distance_km(place.lat, place.lon, lat, lon) <= 50
    )


@pytest.mark.model
def test_place_attached_to_the_predicate() -> None:
    [event, *_] = _enrich("Peruvian police arrested eleven drug traffickers in Cusco.")
    assert _near(event.location, -13.53, -71.97)


@pytest.mark.model
def test_capital_as_government_is_not_a_place() -> None:
    for event in _enrich("Washington condemned the missile test by North Korea."):
        assert event.location is None


@pytest.mark.model
def test_adjective_border_gives_the_country() -> None:
    [event, *_] = _enrich("Turkish troops attacked Kurdish fighters near the Syrian border.")
    assert event.location is not None
    assert (event.location.country, event.location.precision) == ("SYR", "country")


@pytest.mark.model
def test_place_in_a_village_outside_a_city() -> None:
    [event, *_] = _enrich("Taliban fighters attacked a village outside Kandahar.")
    assert _near(event.location, 31.61, 65.71)


@pytest.mark.model
def test_dateline_is_the_last_resort() -> None:
    [event, *_] = _enrich("Kenyan police arrested a former minister.", dateline="NAIROBI")
    assert _near(event.location, -1.29, 36.82)


@pytest.mark.model
@pytest.mark.parametrize(
    ("separator", "lat", "lon"),
    [(" ", 36.34, 43.13), ("\n\n", 33.31, 44.36)],  # same paragraph: Mosul; next one: dateline
)
def test_paragraph_place_before_dateline(separator: str, lat: float, lon: float) -> None:
    text = (
        f"Fighting went on in Mosul for a third day.{separator}"
        "Iraqi soldiers arrested forty suspected militants."
    )
    events = [e for e in _enrich(text, dateline="BAGHDAD") if e.sentence_index == 1]
    assert events
    assert _near(events[0].location, lat, lon)


@pytest.mark.model
def test_unresolved_place_is_said_so() -> None:
    [event, *_] = _enrich("Rebels attacked soldiers in Zrvakistanburg, the army said.")
    assert event.location is not None
    assert event.location.name == "Zrvakistanburg"
    assert event.location.lat is None and event.location.precision is None


@pytest.mark.model
def test_enrich_keeps_modality_and_other_fields() -> None:
    text = "Kenya will host Somalia's president in Nairobi on Tuesday."
    article = Article(
        doc_id=make_doc_id(text),
        input_id="t",
        url=None,
        title=None,
        published="2024-03-14",
        dateline=None,
        byline=None,
        language="en",
        text=text,
    )
    resolved = resolve_actors(next(parse([article])))
    events = code_events(resolved)
    enriched = enrich_events(resolved, events)
    assert [e.modality for e in enriched] == [e.modality for e in events]
    assert [e.event_id for e in enriched] == [e.event_id for e in events]


def test_gold_places_file_is_well_formed() -> None:
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "eval" / "places.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    gold = [r for r in rows if "_format" not in r]
    assert len(gold) >= 150
    for r in gold:
        assert r["trigger"] in r["text"]
        assert r["place"] is None or len(r["place"]["country"]) == 3


def test_entity_spans_are_whole_entities_of_the_labels_asked() -> None:
    from kipu.enrich.places import entity_spans
    from kipu.records import Sentence, Token

    # "Ruritanian troops left Port Vell , Ostrava Lake and Lisbon" with hand-set entities: two
    # entities side by side (B B), an I that continues another label, one at the end.
    marks = [
        ("Ruritanian", "NORP", "B"),
        ("troops", "", ""),
        ("left", "", ""),
        ("Port", "GPE", "B"),
        ("Vell", "GPE", "I"),
        ("Ostrava", "GPE", "B"),
        ("Lake", "LOC", "I"),
        ("and", "", ""),
        ("Lisbon", "GPE", "B"),
    ]
    tokens = tuple(
        Token(i=i, text=w, lemma=w.lower(), pos="X", tag="X", dep="dep", head=i, ent=e,
              ent_iob=b, start=i, end=i + 1)
        for i, (w, e, b) in enumerate(marks)
    )  # fmt: skip
    sentence = Sentence(index=0, start=0, end=len(marks), text="", tokens=tokens)
    assert entity_spans(sentence, frozenset({"GPE"})) == [(3, 5), (5, 6), (8, 9)]
    assert entity_spans(sentence, frozenset({"NORP", "LOC"})) == [(0, 1)]
    assert entity_spans(sentence, frozenset()) == []
