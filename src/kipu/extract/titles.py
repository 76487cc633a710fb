"""The article's title: the headline among the lines above the body, and a page title without
the site's name.

Scraped text: between the headline and the body a page puts bylines, dates, share bars, a
player's labels, picture credits and captions. The headline is the short line above the body
that shares the most words with the body's opening (a headline says what the lede says); lines
the cleaner reads as furniture, dates and bylines are never candidates. A "<headline> | News |
<Site>" line gives its headline part.

HTML: the page's title often carries the site ("<headline> | <Site>", "Opinion | <headline>");
the site's parts are taken off when they match the site's name or host, or, after a bar, are
short beside a headline.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Sequence
from urllib.parse import urlsplit

from kipu.extract import cues, signals

TITLE_MIN_WORDS, TITLE_MAX_WORDS = 2, 25  # headline length range from the brief
# The headline is looked for this many lines above the body: a rendered page puts a byline,
# a date, share buttons, a picture and its caption between them.
TITLE_LOOKBACK = 20
# The lede a headline is compared with: the body's first words.
LEDE_WORDS = 120
# Words are compared by their first letters, so that "boost" meets "boosting", "tariff" "tariffs".
STEM_CHARS = 5
MIN_CONTENT_CHARS = 3
# A candidate needs this share of its content words in the lede to beat a nearer one; under it
# the nearest candidate is the title, as before.
MIN_OVERLAP = 0.25
DISTANCE_PENALTY = 0.01  # per line: between two equally good candidates the nearer wins
# Site parts of an HTML title: after a bar, at most this many words beside a headline of
# MIN_HEADLINE_WORDS; before a bar only a label of one or two words ("Opinion", the site's name).
MAX_SITE_PART_WORDS = 4
MAX_LEADING_LABEL_WORDS = 2
MIN_HEADLINE_WORDS = 3
MIN_SITE_KEY_CHARS = 4

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_PERIOD_END = re.compile(r"\.[\"'”’)\]»]*$")
_NOT_A_HEADLINE = re.compile(r"://|^www\.|\b\d{1,2}:\d\d\b|^\d{1,2}\.\s|^[+o>»›•*-]\s|[:>›»]\s*$")
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||[-–—]|::|·|»)\s+")
_NOT_LETTERS = re.compile(r"[\W_]+")
# The last label of a host that names the site: "www.valley-post.co.uk" -> "valleypost".
_GENERIC_HOST_LABELS = frozenset("www m amp mobile news blog blogs co com org net gov edu".split())


def _stems(text: str) -> set[str]:
    return {
        t.lower()[:STEM_CHARS]
        for t in _WORD.findall(text)
        if len(t) >= MIN_CONTENT_CHARS and t.lower() not in cues.STOPWORDS
    }


def choose(candidates: Sequence[tuple[int, str]], lede: str, first: int) -> tuple[int, str] | None:
    """The headline among (line index, text) candidates above a body starting at ``first``.

    The best by shared words with the lede, if any shares MIN_OVERLAP of its words; else the
    nearest candidate.
    """
    if not candidates:
        return None
    lede_stems = _stems(" ".join(lede.split()[:LEDE_WORDS]))
    best: tuple[float, int, str] | None = None
    for i, text in candidates:
        stems = _stems(text)
        if not stems:
            continue
        shared = len(stems & lede_stems)
        if shared < MIN_OVERLAP * len(stems):
            continue
        # More shared words win over a higher share: "Dubai Airshow" (2 of 2) is a section's
        # label beside "Airline orders 30 jets at Dubai Airshow" (4 of 6).
        score = shared / math.sqrt(len(stems)) - DISTANCE_PENALTY * (first - i)
        if best is None or score > best[0]:
            best = (score, i, text)
    if best is not None:
        return best[1], best[2]
    return max(candidates)


def eligible(text: str, words: int) -> bool:
    """A line that can be a headline: by its length, its ending (not a sentence's full stop, not
    a label's colon or a breadcrumb's arrow), and what it is not (a web address, a clock time,
    an item of a numbered or bulleted list of other pages)."""
    return (
        TITLE_MIN_WORDS <= words <= TITLE_MAX_WORDS
        and not _PERIOD_END.search(text)
        and not _NOT_A_HEADLINE.search(text)
        and not cues.WEEKDAY_HEADING.match(text)
    )


def headline_of(text: str) -> str | None:
    """The headline in a "<headline> | News | <Site>" line, else None."""
    found = signals.site_parts(text)
    return found[0] if found else None


def _site_keys(site_names: Collection[str], url: str | None) -> set[str]:
    keys = {_NOT_LETTERS.sub("", name).casefold() for name in site_names if name}
    host = (urlsplit(url).hostname or "") if url else ""
    labels = [x for x in host.split(".") if x and x not in _GENERIC_HOST_LABELS]
    if len(labels) > 1:
        labels = labels[:-1]  # the top-level domain ("uk", "br", "de")
    if labels:
        keys.add(_NOT_LETTERS.sub("", labels[-1]).casefold())
    return {k for k in keys if len(k) >= MIN_SITE_KEY_CHARS}


def _names_site(part: str, keys: set[str]) -> bool:
    flat = _NOT_LETTERS.sub("", part).casefold()
    return bool(flat) and any(k in flat or flat in k for k in keys)


def strip_site(title: str, site_names: Collection[str] = (), url: str | None = None) -> str:
    """A page title without its site's name and section labels at either end."""
    pieces = _TITLE_SEPARATOR.split(title)
    if len(pieces) < 2:
        return title
    separators = _TITLE_SEPARATOR.findall(title)
    keys = _site_keys(site_names, url)
    start, end = 0, len(pieces)

    def words(k: int) -> int:
        return len(_WORD.findall(pieces[k]))

    def rest(a: int, b: int) -> int:
        return sum(words(k) for k in range(a, b))

    while end - start > 1:
        last, bar = end - 1, separators[end - 2].strip() == "|"
        named = words(last) <= MAX_SITE_PART_WORDS + 1 and _names_site(pieces[last], keys)
        short = bar and words(last) <= MAX_SITE_PART_WORDS
        if (named or short) and rest(start, last) >= MIN_HEADLINE_WORDS:
            end = last
            continue
        bar = separators[start].strip() == "|"
        named = words(start) <= MAX_SITE_PART_WORDS + 1 and _names_site(pieces[start], keys)
        label = bar and words(start) <= MAX_LEADING_LABEL_WORDS
        if (named or label) and rest(start + 1, end) >= MIN_HEADLINE_WORDS:
            start += 1
            continue
        break
    if (start, end) == (0, len(pieces)):
        return title
    kept = pieces[start]
    for k in range(start + 1, end):
        kept += separators[k - 1] + pieces[k]
    return kept
