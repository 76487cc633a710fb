"""When an event happened: temporal expressions resolved against the publication date, by rules.

Written by hand rather than with dateparser: news uses a few dozen forms ("on Saturday", "Oct. 6",
"last year", "next month", "three days ago"), each must resolve relative to the publication date
in the right direction, and the rules cost microseconds. A weekday or a month without a year is
the latest one on or before the publication date, unless the event is to come (modality other than
"actual", or "will"/"shall" on its predicate), when it is the next one. Explicit future words
("next month", "tomorrow") are kept as written.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from kipu.records import Sentence, Token

# Entity labels whose text can date an event (spaCy's OntoNotes labels).
DATE_LABELS = frozenset({"DATE", "TIME"})
# Prepositions whose object is not the time of the event ("since 2003", "until May", "by 2030",
# "the accord dating back to 1952"): kipu's own list.
NON_EVENT_PREPS = frozenset(
    {"since", "until", "till", "by", "before", "after", "from", "through", "for", "to", "between"}
    | {"throughout", "than", "of", "within", "over", "into"}
)
# Month names and the abbreviations news style books use (AP: Jan., Feb., Aug., Sept., Oct. ...).
MONTHS = {
    name.lower(): number for number, name in enumerate(calendar.month_name) if name
} | {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
# Parts of a day that may follow a weekday ("Saturday night").
DAY_PARTS = r"(?:\s+(?:morning|afternoon|evening|night))?"
# Words counted in "N units ago" (numbers up to twelve written out, as news does).
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAY_RE = "|".join(WEEKDAYS)
RE_MONTH_DAY = re.compile(
    rf"^(?:(?:on|this|last)\s+)?(?:(?:{WEEKDAY_RE}),?\s+)?({MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?:,?\s+((?:19|20)\d\d))?$"
)
RE_DAY_MONTH = re.compile(
    rf"^(?:on\s+)?(?:(?:{WEEKDAY_RE}),?\s+)?(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_RE})\.?"
    rf"(?:,?\s+((?:19|20)\d\d))?$"
)
RE_MONTH_YEAR = re.compile(
    rf"^(?:(?:early|late|mid)[\s-]+)?({MONTH_RE})\.?(?:,?\s+((?:19|20)\d\d))?$"
)
RE_YEAR = re.compile(r"^(?:(?:early|late|mid)[\s-]+)?((?:19|20)\d\d)$")
RE_WEEKDAY = re.compile(rf"^(?:(last|this|next|on)\s+)?({WEEKDAY_RE}){DAY_PARTS}$")
RE_RELATIVE = re.compile(
    r"^(last|next|this|earlier this|later this|early this|late last)\s+(year|month)$"
)
RE_AGO = re.compile(r"^([a-z]+|\d{1,2})\s+(day|month|year)s?\s+ago$")
RE_ISO = re.compile(r"^((?:19|20)\d\d)-(\d\d)-(\d\d)$")
# Words that are the publication day itself, or the day before or after it.
DAY_WORDS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "last night": -1, "yesterday morning": -1, "yesterday afternoon": -1,
    "yesterday evening": -1, "tomorrow": 1,
}  # fmt: skip
# Auxiliaries that put the predicate in the future.
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
# Verbs that put an open complement in the future ("plan to sign", "are scheduled to meet").
FUTURE_GOVERNORS = frozenset(
    {"plan", "intend", "expect", "schedule", "aim", "prepare", "hope", "set", "due", "pledge"}
    | {"promise", "vow", "threaten", "want", "seek", "propose", "agree", "decide", "going"}
)
# Parts of the day a weekday can modify ("on Monday evening": the evening dates the event).
DAY_PART_WORDS = frozenset({"morning", "afternoon", "evening", "night", "dawn", "midnight"})


@dataclass(frozen=True, slots=True)
class EventDate:
    """A resolved date and how exact it is; month and year dates are their first day."""

    date: str
    precision: str  # "day", "month" or "year"


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) moved by a number of months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _month_day(
    month: int, day: int, year: int | None, published: date, forward: bool
) -> EventDate | None:
    """A day of a month, the year taken from the publication date when not written."""
    if year is not None:
        years = [year]
    elif forward:
        years = [published.year, published.year + 1]
    else:
        years = [published.year, published.year - 1]
    for y in years:
        try:
            d = date(y, month, day)
        except ValueError:
            return None
        if year is not None or (d >= published if forward else d <= published):
            return EventDate(d.isoformat(), "day")
    return None


def parse_temporal(text: str, published: date, *, forward: bool = False) -> EventDate | None:
    """A temporal expression resolved against the publication date, or None if not understood."""
    t = " ".join(text.lower().replace("’", "'").split()).strip(" ,.")
    t = re.sub(r"^(?:on|in|during|at|the)\s+", "", t)
    if t in DAY_WORDS:
        return EventDate((published + timedelta(days=DAY_WORDS[t])).isoformat(), "day")
    if m := RE_ISO.match(t):
        try:
            return EventDate(date(int(m[1]), int(m[2]), int(m[3])).isoformat(), "day")
        except ValueError:
            return None
    if m := RE_MONTH_DAY.match(t):
        return _month_day(MONTHS[m[1]], int(m[2]), int(m[3]) if m[3] else None, published, forward)
    if m := RE_DAY_MONTH.match(t):
        return _month_day(MONTHS[m[2]], int(m[1]), int(m[3]) if m[3] else None, published, forward)
    if m := RE_WEEKDAY.match(t):
        return _weekday(WEEKDAYS[m[2]], m[1], published, forward)
    if m := RE_MONTH_YEAR.match(t):
        month = MONTHS[m[1]]
        if m[2]:
            return EventDate(date(int(m[2]), month, 1).isoformat(), "month")
        year = published.year
        if forward and month < published.month:
            year += 1
        elif not forward and month > published.month:
            year -= 1
        return EventDate(date(year, month, 1).isoformat(), "month")
    if m := RE_YEAR.match(t):
        return EventDate(date(int(m[1]), 1, 1).isoformat(), "year")
    if m := RE_RELATIVE.match(t):
        delta = {"last": -1, "next": 1, "late last": -1}.get(m[1], 0)
        if m[2] == "year":
            return EventDate(date(published.year + delta, 1, 1).isoformat(), "year")
        y, mo = _add_months(published.year, published.month, delta)
        return EventDate(date(y, mo, 1).isoformat(), "month")
    if m := RE_AGO.match(t):
        n = NUMBER_WORDS.get(m[1]) or (int(m[1]) if m[1].isdigit() else 0)
        if not n:
            return None
        if m[2] == "day":
            return EventDate((published - timedelta(days=n)).isoformat(), "day")
        if m[2] == "month":
            y, mo = _add_months(published.year, published.month, -n)
            return EventDate(date(y, mo, 1).isoformat(), "month")
        return EventDate(date(published.year - n, 1, 1).isoformat(), "year")
    return None


def _weekday(weekday: int, qualifier: str | None, published: date, forward: bool) -> EventDate:
    """The weekday nearest the publication date in the event's direction."""
    if qualifier == "next" or (forward and qualifier != "last"):
        ahead = (weekday - published.weekday()) % 7
        if qualifier == "next" and ahead == 0:
            ahead = 7
        return EventDate((published + timedelta(days=ahead)).isoformat(), "day")
    back = (published.weekday() - weekday) % 7
    if qualifier == "last" and back == 0:
        back = 7
    return EventDate((published - timedelta(days=back)).isoformat(), "day")


@dataclass(frozen=True, slots=True)
class DateMention:
    """A temporal expression of a sentence and the token it modifies."""

    start: int
    end: int
    attach: int
    text: str


def find_dates(sentence: Sentence, text: str) -> list[DateMention]:
    """The temporal expressions of a sentence that can date its events, in text order."""
    tokens = sentence.tokens
    found: list[DateMention] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.ent not in DATE_LABELS or tok.ent_iob != "B":
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and tokens[j].ent_iob == "I" and tokens[j].ent == tok.ent:
            j += 1
        attach = _date_attach(tokens, i, j)
        if attach is not None:
            found.append(DateMention(i, j, attach, text[tok.start : tokens[j - 1].end]))
        i = j
    return found


def _date_attach(tokens: tuple[Token, ...], start: int, end: int) -> int | None:
    """The token a temporal expression dates, or None when it dates something else."""
    head = next(
        (k for k in range(start, end) if not start <= tokens[k].head < end or tokens[k].head == k),
        end - 1,
    )
    tok = tokens[head]
    if start > 0 and tokens[start - 1].lemma in NON_EVENT_PREPS:
        return None
    if tok.dep in ("compound", "nmod", "npadvmod") and tokens[tok.head].lemma in DAY_PART_WORDS:
        head = tok.head  # "Monday" in "on Monday evening"
        tok = tokens[head]
    if tok.dep == "pobj" and tok.head != head:
        prep = tokens[tok.head]
        return None if prep.lemma in NON_EVENT_PREPS else prep.head
    if tok.dep in ("compound", "nummod", "amod", "poss", "nmod", "appos", "conj"):
        return None  # "the 2012 agreement", "Saturday's vote": it dates a noun, not an act
    return tok.head


def is_forward(sentence: Sentence, trigger: int, modality: str) -> bool:
    """Whether the event is still to come (an intent, or "will" on its predicate)."""
    if modality not in ("actual", ""):
        return True
    tokens = sentence.tokens
    i = trigger
    for _ in range(4):
        if any(t.head == i and t.dep == "aux" and t.lemma in FUTURE_AUX for t in tokens):
            return True
        if tokens[i].head == i or tokens[i].dep not in ("xcomp", "conj"):
            return False
        if tokens[i].dep == "xcomp" and tokens[tokens[i].head].lemma in FUTURE_GOVERNORS:
            return True
        i = tokens[i].head
    return False


def _clause_distance(tokens: tuple[Token, ...], attach: int, trigger: int) -> int:
    """Steps from the attachment token up to the trigger (large when it is not above it)."""
    i, steps = attach, 0
    while steps < 12:
        if i == trigger:
            return steps
        if tokens[i].head == i:
            break
        i, steps = tokens[i].head, steps + 1
    # Not on the trigger's path: how far the trigger is below the attachment instead.
    j, down = trigger, 0
    while down < 12:
        if j == attach:
            return 20 + down
        if tokens[j].head == j:
            break
        j, down = tokens[j].head, down + 1
    return 100 + abs(attach - trigger)


def date_sentence(
    sentence: Sentence, text: str, trigger: int, published: date, forward: bool
) -> EventDate | None:
    """The date a sentence gives its event, the expression nearest the predicate first."""
    mentions = find_dates(sentence, text)
    mentions.sort(key=lambda m: _clause_distance(sentence.tokens, m.attach, trigger))
    for m in mentions:
        resolved = parse_temporal(m.text, published, forward=forward)
        if resolved is not None:
            return resolved
    return None
