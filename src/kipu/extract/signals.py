"""Line signals of page furniture that take more than a cue count (#13).

Each function reads one line (its text, and its word tokens where given) and answers whether it
is one kind of furniture: a control's label ("Video Player Close"), a picture credit ("AP
Photo/Jane Roe"), a line that signs and dates the story ("By jdoe77", "May 2, 2024 | BY: Staff"),
a run of search keywords, or the headline re-rendered with the site's name ("<headline> | News |
<Site>"). They are read by text.py's classifier, for scraped text and for the paragraphs the HTML
extractor keeps; titles.py uses them to refuse a furniture line as the title.
"""

from __future__ import annotations

import re

from kipu.extract import cues
from kipu.extract.metadata import DATE_LINE_WORDS, MONTHS, byline_name, find_date, is_date_line

MAX_CONTROL_WORDS = 6  # "Video Player Close", "Skip Ad", "Toggle navigation", "Back to Gallery"
MAX_CREDIT_WORDS = 10  # "Jane Roe for The Valley Post/Getty Images via Pool"
MAX_AUTHOR_WORDS = 10  # "Posted on March 30, 2015 by Admin", "Written by: Jane"
MAX_META_LINE_WORDS = 2 * MAX_AUTHOR_WORDS  # a date, a byline, an update time and a label
MAX_FOREIGN_BYLINE_WORDS = 5
MAX_META_PARTS = 6
# Keyword spam: at least this many words, almost no function words, and either the same words
# again and again or many short lower-case pieces between commas.
MIN_SPAM_WORDS = 8
MAX_SPAM_STOPWORD_RATIO = 0.1
MAX_SPAM_DISTINCT_SHARE = 0.6  # "stock car results stock car news stock car live": 0.44
MAX_SPAM_NUMBER_SHARE = 0.1  # a line of scores or a table repeats its words among numbers
MIN_SPAM_LOWER_SHARE = 0.6
MIN_SPAM_PIECES = 5
MAX_SPAM_PIECE_WORDS = 4
MIN_HASHTAGS = 3
# "<headline> | <section> | <site>": the site's parts are short, the headline is not.
MAX_SITE_PART_WORDS = 4
MIN_HEADLINE_PART_WORDS = 4

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_TIME = re.compile(r"^\d{1,2}:\d\d$")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# What every metadata line holds at least one of: a digit (dates), "by" or its translations, a
# label's colon, a separator, or a word of a role byline ("Staff Writer", "Associated Press").
_META_HINT = re.compile(
    r"\d|[:|•·]|\b(?:by|por|par|von|da|writers?|correspondents?|reporters?|editors?|contributors?"
    r"|columnists?|journalists?|photographers?|staff|press|reuters|afp|ap|upi)\b",
    re.IGNORECASE,
)
_NUMERIC_DATE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{2,4}$")
_DATE_TOKEN = re.compile(r"[^\W_]+(?:[:./-][^\W_]+)*")
# A date or time, then "by" and a capitalised name.
_SIGNED_DATE = re.compile(r"^(?P<head>.{3,60}?),?\s+by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}$")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
_INNER_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+[\"'“‘(]*[A-Z]")
_PIECES = re.compile(r"\s*[,;|#]\s*|\s+[-–—/]\s+")
_HASHTAG = re.compile(r"(?:^|\s)#[^\W\d_][\w]*")
_SITE_SEPARATOR = re.compile(r"\s+(?:\||::|·|»)\s+")
_SENTENCE_WORDS = 6  # text.py's MIN_SENTENCE_WORDS: a shorter line is not a sentence


def control_label(tokens: list[str]) -> bool:
    """A short line made only of player and page-control words, one of them a strong one, or
    a share bar ("Facebook Twitter WhatsApp Email")."""
    if not 0 < len(tokens) <= MAX_CONTROL_WORDS:
        return False
    lowered = [t.lower() for t in tokens]
    networks = sum(t in cues.SOCIAL_NETWORKS for t in lowered)
    if not all(
        t in cues.CONTROL_WORDS or t in cues.SOCIAL_NETWORKS or _TIME.match(t) for t in lowered
    ):
        return False
    return networks >= cues.MIN_SHARE_BAR_NETWORKS or any(
        t in cues.STRONG_CONTROL_WORDS for t in lowered
    )


def icon_names(text: str) -> bool:
    """An icon font's glyph name kept as text ("chevron_left Browse All Posts")."""
    return "_" in text and bool(cues.ICON_NAME.search(text))


def credit_line(text: str, tokens: list[str]) -> bool:
    """A picture credit on its own line: "AP Photo/Jane Roe", "Jane Roe/Getty Images"."""
    if not 0 < len(tokens) <= MAX_CREDIT_WORDS or _SENTENCE_END.search(text):
        return False
    if cues.CREDIT_LINE.search(text):
        return True
    # "Jane Roe/Valley Post": names on both sides of a slash, every word capitalised.
    return (
        text.count("/") == 1
        and not any(ch in text for ch in ",:;")
        and len(tokens) >= 2
        and all(t[0].isupper() or t.lower() in {"for", "via", "of", "the"} for t in tokens)
        and bool(re.search(r"[^\W\d_]\s*/\s*[^\W\d_]", text))
    )


def _author_part(part: str) -> str | None:
    """ "by" for a part that signs the story ("By jdoe77", "Posted by admin"), "role" for one that
    names a writer or an agency by role ("Jane Roe, AP Writer": a byline, or a picture's
    credit), else None."""
    words = len(_WORD.findall(part))
    if not 0 < words <= MAX_AUTHOR_WORDS:
        return None
    if byline_name(part) or cues.AUTHOR_LINE.match(part):
        return "by"
    if words <= MAX_FOREIGN_BYLINE_WORDS and cues.FOREIGN_BYLINE.match(part):
        return "by"
    return "role" if cues.ROLE_BYLINE.search(part) else None


def _date_part(part: str) -> bool:
    if not _DIGIT.search(part):
        return False
    return is_date_line(part) or _TIME.match(part) is not None or _dateish(part)


def _dateish(part: str) -> bool:
    """A date and time in forms the date parser leaves unread ("5:45 AM PST 11/19/2019",
    "11.14.2019 09:00 AM", "Nov 19, 6:55 AM"): only numbers, clock times, month and weekday
    names and the words of a date line."""
    tokens = _DATE_TOKEN.findall(part)
    if not tokens or not any(
        _NUMERIC_DATE.match(t) or t.lower().rstrip(".") in MONTHS for t in tokens
    ):
        return False  # a clock time alone heads a live blog's entry: not the story's date
    return all(t[0].isdigit() or t.lower().rstrip(".") in DATE_LINE_WORDS for t in tokens)


def metadata_line(text: str, words: int) -> str | None:
    """ "date" for a line that dates (and maybe signs) the story, "byline" for one that only
    signs it ("By jdoe77", "Posted by admin", "November 12, 2018 | BY: Staff"), "credit" for a
    writer or agency named by role alone ("Jane Roe, AP Writer", "Photo: Jane Roe, AP"), which
    also credits pictures inside articles; else None."""
    if words > MAX_META_LINE_WORDS or (_SENTENCE_END.search(text) and words >= _SENTENCE_WORDS):
        return None
    if not _META_HINT.search(text):
        return None  # no digit, "by", label or separator: not a metadata line (and cheap)
    if words <= MAX_AUTHOR_WORDS and cues.WEEKDAY_HEADING.match(text) and _YEAR.search(text):
        return "date"  # "segunda-feira, 10 de junho de 2024": a date the parser cannot read
    if words <= MAX_AUTHOR_WORDS and (author := _author_part(text)):
        if find_date(text):
            return "date"
        return "byline" if author == "by" else "credit"
    if _date_part(text):
        return "date"
    signed = _SIGNED_DATE.match(text)
    if signed and _date_part(signed["head"]):
        return "date"  # "5:45 AM PST 11/19/2019 by Jane Roe"
    parts = [p for p in cues.META_SEPARATOR.split(text) if p and p.strip()]
    if not 2 <= len(parts) <= MAX_META_PARTS:
        return None
    kinds = []
    for part in parts:
        part = part.strip()
        if _date_part(part):
            kinds.append("date")
        elif _author_part(part):
            kinds.append("byline")
        elif cues.META_PART.search(part):
            kinds.append("other")
        else:
            return None
    if "date" in kinds:
        return "date"
    return "byline" if "byline" in kinds else None


def author_name(text: str) -> str | None:
    """The name of a "By Jane Doe" part of a metadata line, if it has one."""
    for part in cues.META_SEPARATOR.split(text):
        if part and (name := byline_name(part.strip())):
            return name
    return None


def keyword_spam(text: str, tokens: list[str], stopword_ratio: float) -> bool:
    """A run of search keywords or hashtags with no sentence in it.

    Keywords come as many short lower-case pieces between commas or bars ("cheap flights,
    hotel deals, car hire"), as the same few words over and over ("stock car results stock car
    news ..."), or as hashtags. Lists of ingredients or names are not: their pieces hold numbers
    or capitals. Function words are only counted in the six languages cues.STOPWORDS knows, so a
    low share alone says nothing of a line in another language.
    """
    if "#" in text and (hashtags := len(_HASHTAG.findall(text))) >= MIN_HASHTAGS:
        return hashtags * 2 >= len(tokens)
    if (
        len(tokens) < MIN_SPAM_WORDS
        or stopword_ratio > MAX_SPAM_STOPWORD_RATIO
        or _SENTENCE_END.search(text)
        or _INNER_SENTENCE_END.search(text)
    ):
        return False
    words = [t.lower() for t in tokens if not t[0].isdigit()]
    if len(words) >= len(tokens) * (1 - MAX_SPAM_NUMBER_SHARE) and len(set(words)) <= (
        MAX_SPAM_DISTINCT_SHARE * len(words)
    ):
        return True
    pieces = [p for p in _PIECES.split(text) if p.strip()]
    return (
        len(pieces) >= MIN_SPAM_PIECES
        and all(len(_WORD.findall(p)) <= MAX_SPAM_PIECE_WORDS for p in pieces)
        and sum(any(ch.isdigit() for ch in p) for p in pieces) <= 1
        and sum(t[0].islower() for t in tokens) >= MIN_SPAM_LOWER_SHARE * len(tokens)
    )


def site_parts(text: str) -> tuple[str, list[str]] | None:
    """The headline and the site's parts of "<headline> | News | <Site>", else None.

    One part must read as the headline (MIN_HEADLINE_PART_WORDS words or more), every other part
    as a section or site name (MAX_SITE_PART_WORDS words at most, no sentence end).
    """
    if "|" not in text and "::" not in text and "·" not in text and "»" not in text:
        return None
    parts = [p.strip() for p in _SITE_SEPARATOR.split(text) if p.strip()]
    if len(parts) < 2:
        return None
    sizes = [len(_WORD.findall(p)) for p in parts]
    longest = max(range(len(parts)), key=lambda i: sizes[i])
    if sizes[longest] < MIN_HEADLINE_PART_WORDS:
        return None
    others = [p for i, p in enumerate(parts) if i != longest]
    if any(
        len(_WORD.findall(p)) > MAX_SITE_PART_WORDS or _SENTENCE_END.search(p) or find_date(p)
        for p in others
    ):
        return None
    return parts[longest], others
