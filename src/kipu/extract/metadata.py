"""Date and dateline helpers shared by the HTML and the text extractors.

The date parser is written by hand with regexes over month names, not with ``dateparser`` or
``htmldate``: it needs no network and no locale data, costs microseconds a line, and gives the same
answer on every machine. It reads only unambiguous forms (month names, or year first):
``10/07/2012`` is left unread, as it means October in the US and July elsewhere.
"""

from __future__ import annotations

import datetime as dt
import re

# Month names and the abbreviations news sites print ("Sept.", "Oct."), English only.
_MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12,
    "december": 12,
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# Years kipu can meet in news archives; anything outside is more likely a number than a year.
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"

_DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    # 2012-10-07, 2012/10/07, 2012.10.07, 2012-10-07T13:46:00Z
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)([-/.])(?P<month>[01]?\d)\2(?P<day>[0-3]?\d)(?!\d)"),
    # Oct. 7, 2012 / October 7th 2012 / Mar 14, 2024
    re.compile(rf"\b{_MONTH}\s*{_DAY},?\s+{_YEAR}", re.IGNORECASE),
    # 7 October 2012 / 14 Mar. 2024 / 7th of October, 2012
    re.compile(rf"(?<!\d){_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}", re.IGNORECASE),
)


def _to_iso(year: str, month: str, day: str) -> str | None:
    """An ISO date from the matched parts, or None when the date does not exist."""
    month_number = int(month) if month.isdigit() else _MONTHS.get(month.lower().rstrip("."))
    if month_number is None:
        return None
    try:
        return dt.date(int(year), month_number, int(day)).isoformat()
    except ValueError:  # 30 February, day 0, month 13
        return None


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first valid date written in ``text``: (ISO date, start, end of the match), or None."""
    best: tuple[str, int, int] | None = None
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            if best is not None and match.start() >= best[1]:
                break
            iso = _to_iso(match["year"], match["month"], match["day"])
            if iso is not None:
                best = (iso, match.start(), match.end())
                break
    return best


def parse_date(text: str) -> str | None:
    """The first valid date written in ``text`` as ISO ``YYYY-MM-DD``, or None.

    >>> parse_date("Oct. 7, 2012 - 01:46PM")
    '2012-10-07'
    """
    found = find_date(text)
    return found[0] if found else None


def normalise_date(value: str | None) -> str | None:
    """A date the input supplied (``2012-10-07``, ``2012-10-07T13:46Z``...) as ISO, or None."""
    return parse_date(value) if value else None


# --- date lines and bylines ------------------------------------------------------------------
MAX_BYLINE_WORDS = 12  # "By Jane Doe and John Roe, Special Correspondents" fits; prose does not
MAX_DATE_LINE_OTHER_WORDS = 1  # one unknown word ("Oct. 7, 2012 | Defense") still makes a date line
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_BYLINE = re.compile(
    r"^by\s+(?P<name>[^\W\d_][\w.'’-]*(?:\s+(?:and\s+|&\s+)?[^\W\d_][\w.'’-]*){1,5})",
    re.IGNORECASE,
)
# Words a date line may carry besides the date itself ("Published:", "Updated", "at 9:30 a.m. EDT").
_DATE_LINE_WORDS = frozenset(
    "published updated posted last modified first on at am pm a.m p.m gmt utc bst cet edt est cdt "
    "cst mdt mst pdt pst et date time monday tuesday wednesday thursday friday saturday sunday "
    "mon tue wed thu fri sat sun".split()
)
# The same with month names and more time zones: the words a date written in any English form
# is made of (read by the line signals of extract/signals.py).
MONTHS = frozenset(_MONTHS)
DATE_LINE_WORDS = (
    _DATE_LINE_WORDS
    | MONTHS
    | frozenset(
        "ist cest eest jst kst aest aedt hst akst akdt wib sgt hkt msk ast adt nzst nzdt".split()
    )
)


def byline_name(text: str) -> str | None:
    """The name(s) in a "By Firstname Lastname" line, or None when the line is not a byline."""
    match = _BYLINE.match(text)
    if match is None or len(_WORD.findall(text)) > MAX_BYLINE_WORDS:
        return None
    name = match["name"]
    tokens = [t for t in name.split() if t.lower() not in {"and", "&"}]
    return name if all(t[0].isupper() for t in tokens) else None


def is_date_line(text: str) -> bool:
    """Whether the line is a date and little else ("Published: 14 March 2024 09:30")."""
    found = find_date(text)
    if found is None:
        return False
    rest = text[: found[1]] + " " + text[found[2] :]
    others = [w for w in _WORD.findall(rest) if not w[0].isdigit()]
    return sum(w.lower().rstrip(".") not in _DATE_LINE_WORDS for w in others) <= (
        MAX_DATE_LINE_OTHER_WORDS
    )


# --- datelines ------------------------------------------------------------------------------
# A dateline opens a news story: "LIMA —", "WASHINGTON (AP) —", "KYIV, Ukraine —",
# "LONDON, March 3 (Reuters) -". The place is one to four upper-case words (letters with inner
# hyphens, dots or apostrophes: PORT-AU-PRINCE, ST. LOUIS, D.C.); then up to two ", Region" parts
# that start with a capital or a digit; then an optional "(Agency)"; then a dash or a colon.
_PLACE_WORD = r"[^\W\d_]+(?:[.'’-][^\W\d_]+)*\.?"
_DATELINE = re.compile(
    rf"""^\s*
    (?P<place>{_PLACE_WORD}(?:\ {_PLACE_WORD}){{0,3}})
    (?P<regions>(?:,\s*[^\W_a-z][^,()—–:\n]{{0,39}}?){{0,2}})
    (?:\s*\((?P<agency>[^()\n]{{1,30}})\))?
    (?:\s*(?:—|–|--)|\s+-|:)\s*
    (?=\S)""",
    re.VERBOSE,
)
# Upper-case openers that are labels, not places ("BREAKING: ...", "UPDATE — ...").
NOT_PLACES = frozenset(
    {"BREAKING", "BREAKING NEWS", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "LIVE", "ANALYSIS",
     "OPINION", "EDITORIAL", "VIDEO", "PHOTOS", "CORRECTION", "EDITOR'S NOTE", "NOTE", "FACT CHECK"}
)  # fmt: skip
# A letter's salutation ("DEAR ABBY:", "DEAR READER:") opens an advice column, not a dateline.
_SALUTATION = re.compile(r"(?:DEAR|HI|HELLO)\b")
MIN_PLACE_LETTERS = 2  # a one-letter "place" ("A —") is a sentence, not a dateline


def _is_upper_place(place: str) -> bool:
    letters = [ch for ch in place if ch.isalpha()]
    return len(letters) >= MIN_PLACE_LETTERS and all(ch.isupper() for ch in letters)


def _regions_look_like_places(regions: str) -> bool:
    parts = [part.strip() for part in regions.split(",") if part.strip()]
    return all(word[0].isupper() or word[0].isdigit() for part in parts for word in part.split())


def split_dateline(paragraph: str) -> tuple[str | None, str]:
    """Split a leading dateline off a paragraph: ``("LIMA", "The United States ...")``.

    Returns ``(None, paragraph)`` when the paragraph does not open with a dateline.
    """
    match = _DATELINE.match(paragraph)
    if match is None:
        return None, paragraph
    place = match["place"]
    if not _is_upper_place(place) or place.upper() in NOT_PLACES or _SALUTATION.match(place):
        return None, paragraph
    if match["regions"] and not _regions_look_like_places(match["regions"]):
        return None, paragraph
    rest = paragraph[match.end() :]
    if not rest.strip():
        return None, paragraph
    return place, rest
