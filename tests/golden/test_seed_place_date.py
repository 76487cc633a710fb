"""The seed's meeting happened in Lima on 2012-10-06 (issue 7; ../shared/seed/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kipu.actors import resolve_actors
from kipu.discourse import resolve_discourse
from kipu.enrich import enrich_events
from kipu.enrich._gazetteer import distance_km
from kipu.events import code_events
from kipu.extract import extract
from kipu.nlp import parse
from kipu.records import Article, Event
from kipu.sources import expand_inputs, read_documents

pytestmark = pytest.mark.model

# Lima's centre (the issue: about -12.05, -77.04) and the tolerance for a right place.
LIMA = (-12.05, -77.04)
MAX_KM = 50.0


@pytest.fixture(scope="module")
def enriched(seed_path: Path) -> list[Event]:
    [inp] = list(expand_inputs([str(seed_path)]))
    [doc] = list(read_documents(inp))
    article = extract(doc)
    assert isinstance(article, Article), article
    [parsed] = list(parse([article]))
    resolved = resolve_discourse(resolve_actors(parsed))
    return enrich_events(resolved, code_events(resolved))


def _meetings(events: list[Event]) -> list[Event]:
    return [
        e
        for e in events
        if e.root == "04"
        and not e.negated
        and e.source
        and e.target
        and {e.source.country, e.target.country} == {"USA", "PER"}
    ]


def test_seed_meeting_in_lima(enriched: list[Event]) -> None:
    meetings = _meetings(enriched)
    assert meetings, [(e.cameo, e.source, e.target) for e in enriched]
    for e in meetings:
        assert e.location is not None and e.location.lat is not None
        assert e.location.lon is not None
        assert distance_km(e.location.lat, e.location.lon, *LIMA) <= MAX_KM, e.location
        assert e.location.country == "PER"


def test_seed_meeting_on_october_6(enriched: list[Event]) -> None:
    meetings = _meetings(enriched)
    assert meetings
    for e in meetings:
        assert (e.date, e.date_precision) == ("2012-10-06", "day")


def test_seed_no_event_after_publication(enriched: list[Event]) -> None:
    for e in enriched:
        if e.modality == "actual" and e.date:
            assert e.date <= "2012-10-07", (e.sentence, e.date)
