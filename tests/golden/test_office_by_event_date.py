"""Office holders are resolved with the event's date, not only the article's (issue 7)."""

from __future__ import annotations

import pytest

from kipu.actors import actor_on
from kipu.enrich import enrich_events
from kipu.events import EventOptions, code_events
from kipu.records import Actor
from tests.helpers import resolve

pytestmark = pytest.mark.model
# Acts the text dates years before the article are coded only on request.
HISTORY = EventOptions(historical=True)


def test_actor_on_rereads_an_office_holder_for_the_date() -> None:
    panetta = Actor(
        text="Panetta",
        name="Leon Panetta",
        code="USAGOV",
        country="USA",
        sector="GOV",
        rule="office:Leon Panetta defense_minister 2011-07-01..",
    )
    assert actor_on(panetta, "2012-05-01") == panetta
    assert actor_on(panetta, "2005-05-01") is None  # held no office then
    titled = Actor(
        text="Defense Secretary Panetta",
        name="Leon Panetta",
        code="USAGOV",
        country="USA",
        sector="GOV",
        rule="title:defense secretary; office:…",
    )
    assert actor_on(titled, "2005-05-01") == titled  # the text itself says who he acted for
    stranger = Actor(
        text="Ana Souza",
        name="Ana Souza",
        code="BRAGOV",
        country="BRA",
        sector="GOV",
        rule="same person as 'Ana Souza' earlier",
    )
    assert actor_on(stranger, "1999-01-01") == stranger


def test_event_in_a_year_the_person_was_out_of_office_loses_its_source() -> None:
    text = "In 2008, Leon Panetta criticized Iran."
    resolved = resolve(text, "2012-10-07")
    coded = code_events(resolved, HISTORY)  # an act of 2008 in a 2012 article: history
    assert any(e.source and e.source.name == "Leon Panetta" for e in coded)  # on the article's date
    events = enrich_events(resolved, coded)
    assert all(e.source is None or e.source.name != "Leon Panetta" for e in events)


def test_sentence_year_resolves_a_former_office_holder() -> None:
    text = "In 2012, Leon Panetta praised Peru for its help."
    resolved = resolve(text, "2019-03-01")
    events = enrich_events(resolved, code_events(resolved, HISTORY))
    praise = [e for e in events if e.root == "05" and e.source]
    assert praise and praise[0].source.code == "USAGOV"
    assert praise[0].date is not None and praise[0].date.startswith("2012")
