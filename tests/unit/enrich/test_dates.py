"""Event dates: temporal expressions resolved against the publication date (issue 7)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kipu.enrich import enrich_events
from kipu.enrich.dates import parse_temporal
from kipu.events import code_events
from tests.helpers import resolve

# A Thursday.
PUBLISHED = date(2024, 3, 14)


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("on Saturday", "2024-03-09", "day"),
        ("Thursday", "2024-03-14", "day"),
        ("last Thursday", "2024-03-07", "day"),
        ("Sunday night", "2024-03-10", "day"),
        ("yesterday", "2024-03-13", "day"),
        ("last night", "2024-03-13", "day"),
        ("today", "2024-03-14", "day"),
        ("Oct. 6", "2023-10-06", "day"),  # no year: the latest Oct. 6 on or before publication
        ("March 2", "2024-03-02", "day"),
        ("2 March", "2024-03-02", "day"),
        ("Sept. 30, 2012", "2012-09-30", "day"),
        ("the 5th of January", "2024-01-05", "day"),
        ("February", "2024-02-01", "month"),
        ("in November", "2023-11-01", "month"),
        ("June 2021", "2021-06-01", "month"),
        ("last month", "2024-02-01", "month"),
        ("next month", "2024-04-01", "month"),
        ("earlier this month", "2024-03-01", "month"),
        ("last year", "2023-01-01", "year"),
        ("this year", "2024-01-01", "year"),
        ("2019", "2019-01-01", "year"),
        ("three days ago", "2024-03-11", "day"),
        ("two months ago", "2024-01-01", "month"),
        ("a year ago", "2023-01-01", "year"),
    ],
)
def test_parse_temporal_backward(text: str, expected: str, precision: str) -> None:
    found = parse_temporal(text, PUBLISHED)
    assert found is not None, text
    assert (found.date, found.precision) == (expected, precision)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Saturday", "2024-03-16"),
        ("Thursday", "2024-03-14"),
        ("next Thursday", "2024-03-21"),
        ("Jan. 4", "2025-01-04"),
        ("April", "2024-04-01"),
    ],
)
def test_parse_temporal_forward_for_intents(text: str, expected: str) -> None:
    found = parse_temporal(text, PUBLISHED, forward=True)
    assert found is not None
    assert found.date == expected


@pytest.mark.parametrize(
    "text", ["the past decade", "three years", "recent weeks", "the 1990s", "Ramadan", "every day"]
)
def test_parse_temporal_declines_what_it_cannot_place(text: str) -> None:
    assert parse_temporal(text, PUBLISHED) is None


def test_parse_temporal_no_future_without_words_for_it() -> None:
    for text in ("Saturday", "December 25", "December", "two days ago"):
        found = parse_temporal(text, PUBLISHED)
        assert found is not None
        assert found.date <= PUBLISHED.isoformat(), text


@given(st.text(max_size=40))
def test_parse_temporal_never_raises(text: str) -> None:
    parse_temporal(text, PUBLISHED)
    parse_temporal(text, PUBLISHED, forward=True)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "published", "expected", "precision"),
    [
        ("Peru and Chile signed a border accord on Saturday.", "2024-03-14", "2024-03-09", "day"),
        ("Russia expelled two Estonian diplomats last month.", "2024-03-14", "2024-02-01", "month"),
        # A date that modifies a noun or follows "since" does not date the event.
        ("Iran condemned the 2015 nuclear accord.", "2024-03-14", "2024-03-14", "day"),
        # (since a recent month: "since 2019" makes the criticism an ongoing state, no event)
        ("Turkey has criticised Sweden since January.", "2024-03-14", "2024-03-14", "day"),
        ("Kenya will host Somalia's president on Tuesday.", "2024-03-14", "2024-03-19", "day"),
    ],
)
def test_enrich_events_dates(text: str, published: str, expected: str, precision: str) -> None:
    resolved = resolve(text, published)
    events = code_events(resolved)
    assert events, text
    [first, *_] = enrich_events(resolved, events)
    assert (first.date, first.date_precision) == (expected, precision)


@pytest.mark.model
def test_an_event_without_a_source_keeps_its_date() -> None:
    # Only an office holder who held no office on the event's date drops the event; an event
    # with no source actor at all (a user's or a gold event) is dated like any other.
    import dataclasses

    resolved = resolve("Peru and Chile signed a border accord on Saturday.", "2024-03-14")
    [event, *_] = code_events(resolved)
    bare = dataclasses.replace(event, source=None, target=None)
    [dated] = enrich_events(resolved, [bare])
    assert (dated.date, dated.source) == ("2024-03-09", None)


def test_gold_dates_file_is_well_formed() -> None:
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "eval" / "dates.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    gold = [r for r in rows if "_format" not in r]
    assert len(gold) >= 150
    for r in gold:
        assert r["trigger"] in r["text"]
        date.fromisoformat(r["date"])
        date.fromisoformat(r["published"])
        assert r["precision"] in ("day", "month", "year")
