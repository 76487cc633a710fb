"""Date parsing and dateline detection (metadata.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kipu.extract.metadata import byline_name, is_date_line, parse_date, split_dateline


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Oct. 7, 2012 - 01:46PM", "2012-10-07"),
        ("October 7, 2012", "2012-10-07"),
        ("7 October 2012", "2012-10-07"),
        ("2012-10-07", "2012-10-07"),
        ("2012-10-07T13:46:00Z", "2012-10-07"),
        ("2012/10/07", "2012-10-07"),
        ("Published: 14 March 2024 09:30", "2024-03-14"),
        ("March 14, 2024 at 9:30 a.m. EDT", "2024-03-14"),
        ("Updated Mar 14, 2024", "2024-03-14"),
        ("Sunday, Sept. 5th, 2021", "2021-09-05"),
        ("the 5th of May 2019", "2019-05-05"),
        ("posted 29 Feb 2024", "2024-02-29"),
        ("DEC 31 1999", "1999-12-31"),
        # impossible or ambiguous dates are not dates
        ("Feb 30, 2012", None),
        ("29 February 2023", None),
        ("2012-13-01", None),
        ("2012-00-10", None),
        ("October 0, 2012", None),
        ("10/07/2012", None),
        ("March 2012", None),
        ("no date here", None),
        ("", None),
        ("May the force be with you, 2012 times", None),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_parse_date_takes_the_first_valid_date() -> None:
    assert parse_date("Updated Oct. 9, 2012; first published Oct. 7, 2012") == "2012-10-09"
    assert parse_date("on May 32, 2012 and on June 1, 2012") == "2012-06-01"


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=300))
def test_parse_date_never_raises(text: str) -> None:
    iso = parse_date(text)
    assert iso is None or dt.date.fromisoformat(iso).isoformat() == iso


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_parse_date_reads_every_real_date(day: dt.date) -> None:
    for text in (day.isoformat(), day.strftime("%B %d, %Y"), day.strftime("%d %b %Y")):
        assert parse_date(text) == day.isoformat()


@pytest.mark.parametrize(
    ("paragraph", "place", "rest"),
    [
        ("LIMA — The United States and Peru", "LIMA", "The United States and Peru"),
        ("WASHINGTON (AP) — The Senate voted", "WASHINGTON", "The Senate voted"),
        ("KYIV, Ukraine — Officials said", "KYIV", "Officials said"),
        ("NAIROBI, Kenya - Kenya and Tanzania", "NAIROBI", "Kenya and Tanzania"),
        ("BOGOTÁ — Colombia's government", "BOGOTÁ", "Colombia's government"),
        ("SAN JOSÉ, Costa Rica — Leaders met", "SAN JOSÉ", "Leaders met"),
        ("UNITED NATIONS — The council", "UNITED NATIONS", "The council"),
        ("LONDON, March 3 (Reuters) - Britain said", "LONDON", "Britain said"),
        ("PORT-AU-PRINCE, Haiti – Gangs", "PORT-AU-PRINCE", "Gangs"),
        ("WASHINGTON, D.C. -- Lawmakers", "WASHINGTON", "Lawmakers"),
        ("ST. LOUIS: The mayor", "ST. LOUIS", "The mayor"),
    ],
)
def test_split_dateline(paragraph: str, place: str, rest: str) -> None:
    assert split_dateline(paragraph) == (place, rest)


@pytest.mark.parametrize(
    "paragraph",
    [
        "NATO said on Monday it would send more troops.",
        "US officials — speaking on condition of anonymity — said",
        "Lima — the capital — was quiet.",
        "THE FOUR NATIONS AND THEIR ALLIES — a long list",  # more than four words
        "BREAKING: Parliament dissolved",
        "DEAR ABBY: My husband of twenty years bought plane tickets without asking me.",
        "LIMA-based analysts said",
        "LIMA —",
        "Peru — where drug traffickers work",
        "A — B",
        "",
    ],
)
def test_no_dateline(paragraph: str) -> None:
    assert split_dateline(paragraph) == (None, paragraph)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=200))
def test_split_dateline_never_raises(text: str) -> None:
    place, rest = split_dateline(text)
    if place is None:
        assert rest == text
    else:
        assert text.endswith(rest) and rest
        assert all(ch.isupper() for ch in place if ch.isalpha())


def test_date_lines_and_bylines() -> None:
    assert is_date_line("Oct. 7, 2012 - 01:46PM")
    assert is_date_line("Updated Mar 14, 2024")
    assert not is_date_line("The vote was held on March 3, 2024 in all provinces.")
    assert byline_name("By Amina Wanjiru") == "Amina Wanjiru"
    assert byline_name("By Jane Doe and John Roe") == "Jane Doe and John Roe"
    assert byline_name("By contrast, the ministry said nothing.") is None
    assert byline_name("by the river") is None
