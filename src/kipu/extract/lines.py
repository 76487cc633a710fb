"""One line of a scraped text, read on its own signals: body, short, furniture, date, byline.

The signals are the line's length, its sentence punctuation, its share of function words, the
cues of page furniture (cues.py), calls to action, menu separators, dates and bylines, and the
furniture kinds of signals.py and captions.py. Where the line stands on the page is text.py's
business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from kipu.extract import captions, cues, signals
from kipu.extract.metadata import byline_name, find_date, is_date_line

# Line lengths in words, chosen on news prose: a body sentence rarely has fewer than 6 words, and
# an unterminated line of 20+ words is prose that lost its full stop, not a menu.
MIN_SENTENCE_WORDS = 6
MIN_UNTERMINATED_PROSE_WORDS = 20
MIN_STOPWORD_RATIO = 0.15  # prose is ~0.3-0.5 function words; tag lists and menus ~0
MIN_UNTERMINATED_STOPWORD_RATIO = 0.25
# A line with one cue is furniture up to this length; longer lines need one cue per this many words.
CUE_SHORT_LINE_WORDS = 15
CUE_WORDS_PER_HIT = 8
MAX_CALL_TO_ACTION_WORDS = 30
MAX_TEASER_PREFIX_CHARS = 80  # where the date of a signed teaser card stands
MAX_COMMENT_HEADER_WORDS = 14  # "Catherine (GiveWell) on September 13, 2018 at 5:23 pm said:"
MAX_CAPTION_WORDS = 60
# A notice or prompt (NOTICES: "This post is now in the queue ...", "Support local journalism
# ...") is furniture up to this length: a long sentence, but never an article's paragraph.
MAX_NOTICE_WORDS = 45
MAX_NAV_SEGMENT_WORDS = 4  # menu and breadcrumb items are a few words each ("World | Americas")
HEADLINE_CASE_RATIO = 0.7  # share of capitalised long words that marks a Title Case headline
MIN_HEADLINE_CASE_WORDS = 3

WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’)\]»」』]*$")
# Scripts written without spaces or without Latin function words (CJK, kana, Hangul, Thai): their
# lines are judged on length alone, counting two characters as a word.
_WIDE = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
WIDE_CHARS_PER_WORD = 2
_GLUE = re.compile(r"[a-z]{2}[.?!'’\")]?(?=[A-Z][a-z]+\s)")
# Two to seven capitalised words (a name, "Sen. Jane Doe"), maybe a weekday: what signs a card.
_NAMES_BEFORE_DATE = re.compile(
    r"[A-Z][\w'’.-]*,?(?:\s+[A-Z][\w'’.-]*,?){1,7}\s+"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
)
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_DIGIT = re.compile(r"\d")  # every date a line can hold has digits
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
QUESTION = re.compile(r"[?？][\"'”’)\]»]*$")
_TRUNCATED = re.compile(r"(?:\.\.\.|…)\s*$")
PERIOD_END = re.compile(r"\.[\"'”’)\]»]*$")


class Kind(Enum):
    BODY = "body"
    SHORT = "short"  # neither prose nor furniture: headline, sub-heading, short quote
    FURNITURE = "furniture"
    DATE = "date"
    BYLINE = "byline"


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    kind: Kind
    words: int
    sentence: bool  # ends in sentence punctuation
    end_marker: bool = False  # a heading that ends a body block ("More In World News")
    closes: bool = False  # a heading after which only comments and footer follow ("Comments")
    inline: bool = False  # an interruption inside the article ("Advertisement")
    site: bool = False  # the site repeats it on its other pages
    caption: bool = False  # a photo caption: furniture of the body, kept apart in captions
    repeated: Kind | None = None  # the page repeats it: its kind before it became furniture


def _headline_case(tokens: list[str]) -> bool:
    long_words = [t for t in tokens[1:] if len(t) >= 4 and t[0].isalpha()]
    if len(long_words) < MIN_HEADLINE_CASE_WORDS:
        return False
    capitalised = sum(t[0].isupper() for t in long_words)
    return capitalised >= HEADLINE_CASE_RATIO * len(long_words)


def _teaser_card(text: str) -> bool:
    """A headline and its summary run together by a page without a space between them ("Strike
    PossibleThe United Auto Workers union on Monday..."): a teaser of another page."""
    for glue in _GLUE.finditer(text):
        head = WORD.findall(text[: glue.end()])
        if len(head) < MIN_HEADLINE_CASE_WORDS + 1 or not _headline_case(head):
            continue
        tail = WORD.findall(text[glue.end() :])[:8]
        if len(tail) >= MIN_SENTENCE_WORDS and sum(t[0].islower() for t in tail[1:]) >= 3:
            return True
    return False


def _signed_teaser(text: str) -> bool:
    """An author's name and a date, then a summary ("Jane Doe Tuesday November 19, 2019 The
    council met..."): a card in a list of other pages' stories."""
    if not _YEAR.search(text, 0, MAX_TEASER_PREFIX_CHARS + 20):
        return False
    found = find_date(text)
    if found is None or found[1] == 0 or found[1] > MAX_TEASER_PREFIX_CHARS:
        return False
    names = _NAMES_BEFORE_DATE.fullmatch(text[: found[1]])
    if names is None:
        return False
    tokens = [t.lower() for t in WORD.findall(names[0])]
    if tokens[-1] in _WEEKDAYS:
        tokens.pop()
    if len(tokens) < 2 or any(t in cues.STOPWORDS or t in _WEEKDAYS for t in tokens):
        return False  # "On Tuesday November 19, 2019 the council ..." is a sentence
    return len(WORD.findall(text[found[2] :])) >= MIN_SENTENCE_WORDS


def classify(text: str) -> Line:
    """Read one line on its own signals."""
    tokens = WORD.findall(text)
    wide = len(_WIDE.findall(text))
    words = max(len(tokens), wide // WIDE_CHARS_PER_WORD)
    # A line cut off with an ellipsis is a teaser of another page, not a sentence of this one.
    sentence = bool(SENTENCE_END.search(text)) and not _TRUNCATED.search(text)
    if byline_name(text):
        return Line(text, Kind.BYLINE, words, sentence)
    if words <= CUE_SHORT_LINE_WORDS and _DIGIT.search(text) and is_date_line(text):
        return Line(text, Kind.DATE, words, sentence)
    meta = signals.metadata_line(text, words) if words <= signals.MAX_META_LINE_WORDS else None
    if meta == "credit":
        return Line(text, Kind.FURNITURE, words, sentence, inline=True)
    if meta is not None:
        return Line(text, Kind.DATE if meta == "date" else Kind.BYLINE, words, sentence)
    if words <= MAX_COMMENT_HEADER_WORDS and cues.COMMENT_HEADER.search(text):
        return Line(text, Kind.FURNITURE, words, sentence, end_marker=True, closes=True)
    if signals.control_label(tokens) or signals.icon_names(text):
        return Line(text, Kind.FURNITURE, words, sentence, inline=True)
    if signals.credit_line(text, tokens):
        return Line(text, Kind.FURNITURE, words, sentence, inline=True)
    if words <= MAX_CAPTION_WORDS and cues.CAPTION_CREDIT.search(text):
        # a caption that ends with its credit, or a gallery's counter ("Image 2 of 5")
        caption = (
            words >= MIN_SENTENCE_WORDS
            and _prose_ratio(tokens, text, wide) > 0
            and not cues.TEASER_TAG.search(text)
        )
        return Line(text, Kind.FURNITURE, words, sentence, inline=True, caption=caption)
    if words <= MAX_NOTICE_WORDS and (
        cues.NOTICES.search(text)
        or cues.NOTICES_AT_START.match(text)
        or cues.COMMENT_PROMPT.match(text)
    ):
        # A comment prompt closes the article; a sign-up or donation box, a station's promotion
        # or a player's notice sits inside it, like an ad slot.
        prompt = bool(cues.COMMENT_PROMPT.match(text) or cues.FIRST_TO_COMMENT.search(text))
        return Line(text, Kind.FURNITURE, words, sentence, prompt, prompt, not prompt)
    hits = len(cues.FURNITURE_CUES.findall(text))
    hits += cues.MORE_CUES_AT_START.match(text) is not None
    if "@" in text and cues.EMAIL.search(text):
        hits += 1
    if words <= MAX_CALL_TO_ACTION_WORDS and cues.CALL_TO_ACTION.search(text):
        hits += 1
    if hits and _DIGIT.search(text) and cues.PHONE.search(text):
        hits += 1
    separators = len(cues.NAV_SEPARATOR.findall(text))
    nav = separators >= 2 and words <= MAX_NAV_SEGMENT_WORDS * (separators + 1)
    label = bool(cues.BOX_LABEL.search(text))
    if (
        nav
        or label
        or (hits and (words <= CUE_SHORT_LINE_WORDS or hits * CUE_WORDS_PER_HIT >= words))
        or signals.site_parts(text) is not None
    ):
        end = bool(cues.END_MARKERS.search(text))
        inline = bool(cues.INLINE_FURNITURE.search(text))
        closes = bool(cues.ARTICLE_END.search(text))
        return Line(text, Kind.FURNITURE, words, sentence, end, closes, inline)
    ratio = _prose_ratio(tokens, text, wide)
    if signals.keyword_spam(text, tokens, ratio):
        return Line(text, Kind.FURNITURE, words, sentence)
    headline = _headline_case(tokens) and not PERIOD_END.search(text)
    prose = (sentence and words >= MIN_SENTENCE_WORDS and ratio >= MIN_STOPWORD_RATIO) or (
        words >= MIN_UNTERMINATED_PROSE_WORDS and ratio >= MIN_UNTERMINATED_STOPWORD_RATIO
    )
    if prose and not headline and (_teaser_card(text) or _signed_teaser(text)):
        return Line(text, Kind.SHORT, words, sentence)
    if ratio >= MIN_STOPWORD_RATIO and captions.is_caption(text, words):
        return Line(text, Kind.FURNITURE, words, sentence, inline=True, caption=True)
    return Line(text, Kind.BODY if prose and not headline else Kind.SHORT, words, sentence)


def _prose_ratio(tokens: list[str], text: str, wide: int) -> float:
    """The share of function words; 1.0 for scripts without that signal (CJK, Thai)."""
    if wide * 2 >= len(text.replace(" ", "")):
        return 1.0
    return sum(t.lower() in cues.STOPWORDS for t in tokens) / len(tokens) if tokens else 0.0
