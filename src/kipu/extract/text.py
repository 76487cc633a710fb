"""Scraped plain text → article body: a line cleaner that tells prose from page furniture.

Every line is read on its own signals (lines.py: length, sentence punctuation, share of
function words, furniture cues, calls to action, dates, bylines, captions) and then by position:
the body is the main contiguous block of prose lines, the one with the most words. Short
non-furniture lines (a sub-heading, a one-line quote) may sit inside it; a lone ad slot, caption
or "read more" line inside it is dropped without splitting it; prose that follows the body after
furniture is a promotion. The title is the headline above the body (titles.py); captions in and
around the body are kept apart.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, replace

from kipu.extract import cues, signals, titles
from kipu.extract.entities import decode_entities
from kipu.extract.lines import (
    MIN_SENTENCE_WORDS,
    PERIOD_END,
    QUESTION,
    SENTENCE_END,
    WORD,
    Kind,
    Line,
    classify,
)
from kipu.extract.metadata import find_date, split_dateline

__all__ = [
    "CleanText",
    "Kind",
    "Line",
    "classify",
    "clean_text",
    "explain_text",
    "line_key",
    "split_lines",
]

# Inside the body: at most this many short lines in a row (sub-headings), unless all are sentences.
MAX_INNER_SHORT_LINES = 2
# A gap of furniture inside the body is bridged when it is small and the text after it is real
# body (not a one-line promotion): at most this many lines, furniture lines and continuation words.
MAX_BRIDGE_LINES = 4
MAX_BRIDGE_FURNITURE = 2
MIN_CONTINUATION_WORDS = 25
# A larger box inside the article (a heading and a few headlines or captions) is bridged when
# the article clearly goes on after it: at least this many body lines and MIN_ARTICLE_WORDS.
MAX_BOX_LINES = 8
MIN_BOX_CONTINUATION_LINES = 2
# A photo gallery set into the article (captions, credits, "1 / 4", "Back to Gallery") is longer.
MAX_GALLERY_LINES = 20
MAX_BUTTON_WORDS = 4
MAX_LIST_LINES = 12  # a list of short lines inside the body, when body prose follows it
# How a news article opens: a date or byline at most this many lines above the body, or a dateline.
# Such a block counts double against blocks of bare prose (teaser lists, comments). A closing
# heading ("Comments", "You may also like") after a block of MIN_ARTICLE_WORDS ends the article.
OPENING_LOOKBACK = 3
OPENING_BONUS = 2
DATELINE_BONUS = 3  # a dateline ("ST. JOSEPH, Mich. (AP) —") opens nothing but a news story
MIN_ARTICLE_WORDS = 50
LATER_BLOCK_WEIGHT = 0.5  # measured on the benchmark's rendered pages: F1 0.867 -> 0.882
TITLE_MIN_WORDS = titles.TITLE_MIN_WORDS
# Captions kept with the article: those inside the body and this many lines around it (a lead
# picture's caption sits between the headline and the body, a last one after the body).
CAPTION_LINES_ABOVE = 8
CAPTION_LINES_BELOW = 3
# Lines the site repeats on its other pages are furniture, unless they hold most of this text's
# prose: then the pages are two copies of one article.
MAX_SITE_SHARE_OF_PROSE = 0.5
MIN_REPEATS = 2  # a line found this many times in one text is furniture
WRAPPED_BLOCK_CHARS = 80  # two 40-character lines: shorter blocks say nothing about wrapping
DATE_SEARCH_LINES = 8  # "the first lines", where a date is looked for when none precedes the body

_BULLET = re.compile(r"^[\s•·▪►▸■●*|]+|[\s|]+$")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLOCK_SPLIT = re.compile(r"\n\s*\n")


def line_key(line: str) -> str:
    """How a line is compared across the pages of a site: case and spacing do not matter."""
    return _SPACES.sub(" ", line).strip().casefold()


@dataclass(frozen=True, slots=True)
class CleanText:
    paragraphs: tuple[str, ...]
    title: str | None
    published: str | None
    byline: str | None
    captions: tuple[str, ...] = ()


def _normalise(line: str) -> str:
    return _BULLET.sub("", _SPACES.sub(" ", line)).strip()


def split_lines(content: str) -> list[str]:
    """The text's non-empty lines, tidied, with hard-wrapped paragraphs joined back together."""
    content = content.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    content = decode_entities(content)
    blocks = [[_normalise(x) for x in b.split("\n")] for b in _BLOCK_SPLIT.split(content)]
    blocks = [[x for x in b if x] for b in blocks]
    blocks = [b for b in blocks if b]
    prose_blocks = [b for b in blocks if sum(map(len, b)) >= WRAPPED_BLOCK_CHARS]
    # Hard-wrapped text: most prose blocks span several lines; then a block is one paragraph.
    wrapped = len(prose_blocks) >= 2 and sum(len(b) > 1 for b in prose_blocks) * 2 > len(
        prose_blocks
    )
    lines: list[str] = []
    for block in blocks:
        if wrapped:
            lines.append(" ".join(block))
            continue
        for n, line in enumerate(block):
            prev = lines[-1] if n else None
            if (
                prev is not None
                and line[0].islower()
                and not cues.WEEKDAY_HEADING.match(line)
                and not SENTENCE_END.search(prev)
                and len(WORD.findall(prev)) >= MIN_SENTENCE_WORDS
            ):
                lines[-1] = f"{prev} {line}"
            else:
                lines.append(line)
    return lines


def _islands(lines: list[Line]) -> list[list[int]]:
    """Runs of body lines with at most a few short, non-furniture lines between them."""
    islands: list[list[int]] = []
    for i, line in enumerate(lines):
        if line.kind is not Kind.BODY:
            continue
        if islands:
            gap = lines[islands[-1][-1] + 1 : i]
            if all(g.kind is Kind.SHORT for g in gap) and (
                len(gap) <= MAX_INNER_SHORT_LINES or all(g.sentence for g in gap)
            ):
                islands[-1].append(i)
                continue
        islands.append([i])
    return islands


def _bridgeable(gap: list[Line]) -> bool:
    furniture = [g for g in gap if g.kind is not Kind.SHORT]
    if not furniture:  # a list inside the article ("The five companies are:" + five lines)
        return len(gap) <= MAX_LIST_LINES
    if len(gap) > MAX_BRIDGE_LINES or any(g.end_marker for g in furniture):
        return False
    return len(furniture) <= 1 or (
        len(furniture) <= MAX_BRIDGE_FURNITURE and all(g.inline for g in furniture)
    )


def _ad_slot(gap: list[Line]) -> bool:
    """Only interruptions ("Advertisement", "Story continues below"): the article goes on."""
    return 0 < len(gap) <= MAX_BRIDGE_FURNITURE and all(
        g.kind is Kind.FURNITURE and g.inline and not g.site for g in gap
    )


def _in_gallery(line: Line) -> bool:
    """A line of a photo gallery or ad block: captions, credits, counters, buttons."""
    return (line.kind is Kind.FURNITURE and line.inline) or (
        line.kind is Kind.SHORT and line.words <= MAX_BUTTON_WORDS
    )


def _box_inside(gap: list[Line], lines: list[Line], island: list[int]) -> bool:
    """A box set into the article ("Related articles" and a few headlines, captions): the
    article goes on after it when several paragraphs of prose follow."""
    return (
        (
            len(gap) <= MAX_BOX_LINES
            or (len(gap) <= MAX_GALLERY_LINES and all(map(_in_gallery, gap)))
        )
        and not any(g.closes for g in gap)
        and len(island) >= MIN_BOX_CONTINUATION_LINES
        and _body_words(lines, island) >= MIN_ARTICLE_WORDS
    )


def _body_words(lines: list[Line], island: list[int]) -> int:
    return sum(lines[i].words for i in island)


def _opens_like_news(lines: list[Line], first: int) -> bool:
    """A date or byline just above, or a dateline at its start: how news articles open."""
    above = lines[max(0, first - OPENING_LOOKBACK) : first]
    return any(x.kind in (Kind.DATE, Kind.BYLINE) for x in above) or _has_dateline(lines, first)


def _has_dateline(lines: list[Line], i: int) -> bool:
    return split_dateline(lines[i].text)[0] is not None


def _score(lines: list[Line], block: list[int]) -> int:
    words = _body_words(lines, block)
    if _has_dateline(lines, block[0]):
        return words * DATELINE_BONUS
    return words * OPENING_BONUS if _opens_like_news(lines, block[0]) else words


def _closes_article(lines: list[Line], block: list[int], next_start: int) -> bool:
    """Whether an article is closed ("Comments", "You may also like", "©") before next_start."""
    return _body_words(lines, block) >= MIN_ARTICLE_WORDS and any(
        x.closes for x in lines[block[-1] + 1 : next_start]
    )


def _split_at_dateline(
    lines: list[Line], block: tuple[list[int], set[int]]
) -> list[tuple[list[int], set[int]]]:
    """A dateline ("ST. JOSEPH, Mich. (AP) —") opens a story: what runs into it from above
    (teasers, menus) is another block."""
    members, dropped = block
    for k, i in enumerate(members[1:], start=1):
        if lines[i].kind is Kind.BODY and _has_dateline(lines, i):
            head, tail = members[:k], members[k:]
            return [(head, {d for d in dropped if d < i}), (tail, {d for d in dropped if d > i})]
    return [block]


def _main_block(lines: list[Line]) -> tuple[int, int, set[int]] | None:
    """(first, last, dropped line indices) of the body block, or None when there is none."""
    blocks: list[tuple[list[int], set[int]]] = []
    for island in _islands(lines):
        if blocks:
            last, dropped = blocks[-1]
            gap = lines[last[-1] + 1 : island[0]]
            if (
                (_bridgeable(gap) and _body_words(lines, island) >= MIN_CONTINUATION_WORDS)
                or _ad_slot(gap)
                or _box_inside(gap, lines, island)
            ):
                if any(g.kind is not Kind.SHORT for g in gap):  # furniture and its captions
                    dropped.update(range(last[-1] + 1, island[0]))
                last.extend(island)
                continue
        blocks.append((list(island), set()))
    blocks = [part for block in blocks for part in _split_at_dateline(lines, block)]
    candidates: list[tuple[list[int], set[int]]] = []
    for block in blocks:
        if candidates and _closes_article(lines, candidates[-1][0], block[0][0]):
            break  # comments, "More in ..." and promotions follow a finished article
        candidates.append(block)
    if not candidates:
        return None
    # Comments and promotions follow the article and can be longer than it: a block after the
    # first one of article length counts for less, unless it opens with a dateline.
    lead = next((b for b in candidates if _body_words(lines, b[0]) >= MIN_ARTICLE_WORDS), None)

    def weight(block: list[int]) -> float:
        if lead is None or block[0] <= lead[0][0] or _has_dateline(lines, block[0]):
            return 1
        return LATER_BLOCK_WEIGHT

    best, dropped = max(candidates, key=lambda b: _score(lines, b[0]) * weight(b[0]))
    first, last = best[0], best[-1]
    # Short sentences right at the edges are body too (an opening or closing one-line paragraph);
    # at the top only full-stop ones, so that a headline ending in "?" stays a headline.
    while (
        first > 0
        and lines[first - 1].kind is Kind.SHORT
        and PERIOD_END.search(lines[first - 1].text)
    ):
        first -= 1
    while (after := _closing_sentence(lines, last + 1)) is not None:
        last = after
    return first, last, dropped


def _closing_sentence(lines: list[Line], start: int) -> int | None:
    """The index of a short sentence that closes the body from ``start`` on, past a caption or
    an ad slot between them ("... Caption Credit: AP" then "The hearing resumes on Monday.")."""
    i = start
    while (
        i < len(lines)
        and i - start < MAX_BRIDGE_FURNITURE
        and lines[i].kind is Kind.FURNITURE
        and lines[i].inline
        and not lines[i].site
    ):
        i += 1
    if i < len(lines) and lines[i].kind is Kind.SHORT and lines[i].sentence:
        return i
    return None


def _title_at(lines: list[Line], first: int, lede: str = "") -> tuple[int, str] | None:
    """The headline above the body and its line (titles.choose): a short line (maybe one the
    page repeats, as pages show their headline twice), or a "<headline> | <Site>" line's
    headline; never a line read as furniture on its own, a date or a byline."""
    candidates: list[tuple[int, str]] = []
    for i in range(max(0, first - titles.TITLE_LOOKBACK), first):
        line = lines[i]
        if line.site:
            continue
        if Kind.SHORT in (line.kind, line.repeated) and titles.eligible(line.text, line.words):
            candidates.append((i, line.text))
        elif line.kind is Kind.FURNITURE and (found := titles.headline_of(line.text)):
            candidates.append((i, found))
    return titles.choose(candidates, lede, first)


def _title(lines: list[Line], first: int, lede: str = "") -> str | None:
    found = _title_at(lines, first, lede)
    return found[1] if found else None


def _published(lines: list[Line], first: int) -> str | None:
    # The date nearest above the body: a site header's "today" date sits further up.
    for line in reversed(lines[:first]):
        if line.kind is not Kind.SHORT and (found := find_date(line.text)):
            return found[0]
    for line in lines[:DATE_SEARCH_LINES]:
        if line.kind is Kind.DATE and (found := find_date(line.text)):
            return found[0]
    return None


def _byline(lines: list[Line], first: int) -> str | None:
    # A user's handle ("By jdoe77") signs a line but names no one: the next byline may.
    for line in lines[: first + 3]:
        if line.kind in (Kind.BYLINE, Kind.DATE) and (name := signals.author_name(line.text)):
            return name
    return None


def _captions(lines: list[Line], block: tuple[int, int, set[int]]) -> tuple[str, ...]:
    """The captions in and around the body, each once, in page order."""
    first, last, _ = block
    low, high = max(0, first - CAPTION_LINES_ABOVE), min(len(lines), last + 1 + CAPTION_LINES_BELOW)
    found = [x.text for x in lines[low:high] if x.caption and not x.site]
    return tuple(dict.fromkeys(found))


# Lines that can turn out to be furniture by repetition; bylines and dates stay metadata.
_MAY_REPEAT = (Kind.BODY, Kind.SHORT)


def _mark_repeats(lines: list[Line]) -> list[Line]:
    """A line the page repeats (a gallery caption, a menu shown twice) is the page's furniture;
    an article does not say the same sentence twice. Questions are the exception: an interview
    series asks each guest the same ones."""
    keys = [line_key(x.text) for x in lines]
    counts = Counter(k for k, x in zip(keys, lines, strict=True) if x.kind in _MAY_REPEAT)
    repeated = [
        x.kind in _MAY_REPEAT and counts[k] >= MIN_REPEATS and not QUESTION.search(x.text)
        for k, x in zip(keys, lines, strict=True)
    ]
    prose = sum(x.words for x in lines if x.kind is Kind.BODY)
    repeated_prose = sum(
        x.words for x, r in zip(lines, repeated, strict=True) if r and x.kind is Kind.BODY
    )
    if prose and repeated_prose > MAX_SITE_SHARE_OF_PROSE * prose:
        return lines  # the page holds its article twice (a print or app version)
    return [
        replace(x, kind=Kind.FURNITURE, inline=True, repeated=x.kind) if r else x
        for x, r in zip(lines, repeated, strict=True)
    ]


def _mark_site_lines(lines: list[Line], site_lines: Collection[str]) -> list[Line]:
    # A byline or date line shared with another page (the same author, the same day) stays
    # metadata; only body and short lines become the site's furniture.
    shared = [x.kind in (Kind.BODY, Kind.SHORT) and line_key(x.text) in site_lines for x in lines]
    prose = sum(x.words for x in lines if x.kind is Kind.BODY)
    pairs = list(zip(lines, shared, strict=True))
    shared_prose = sum(x.words for x, s in pairs if s and x.kind is Kind.BODY)
    if prose and shared_prose > MAX_SITE_SHARE_OF_PROSE * prose:
        return lines
    # Repeated boxes sit inside articles too (ad slots, "read more"), so they do not split it.
    return [replace(x, kind=Kind.FURNITURE, site=True, inline=True) if s else x for x, s in pairs]


def _read(
    content: str, site_lines: Collection[str] = ()
) -> tuple[list[Line], tuple[int, int, set[int]] | None]:
    """The classified lines and the body block (first, last, dropped inside), if there is one."""
    lines = _mark_repeats([classify(text) for text in split_lines(content)])
    if site_lines:
        lines = _mark_site_lines(lines, site_lines)
    block = _main_block(lines)
    if block is None:
        # No prose line at all (a very short article): let its short sentences stand as body.
        lines = [
            Line(x.text, Kind.BODY, x.words, x.sentence)
            if x.kind is Kind.SHORT and x.sentence and x.words >= TITLE_MIN_WORDS
            else x
            for x in lines
        ]
        block = _main_block(lines)
    if block is None:
        return lines, None
    first, last, dropped = block
    if not any(line.kind is Kind.FURNITURE and not line.caption for line in lines):
        # Clean text (a JSONL export, an article body): nothing to cut, so keep every paragraph
        # from the first body line on; only the headline, date and byline above it are metadata.
        first = min(first, next(i for i, x in enumerate(lines) if x.kind is Kind.BODY))
        last, dropped = len(lines) - 1, set()
    return lines, (first, last, dropped)


def _kept(line: Line, i: int, block: tuple[int, int, set[int]] | None) -> bool:
    if block is None:
        return False
    first, last, dropped = block
    return first <= i <= last and i not in dropped and line.kind in (Kind.BODY, Kind.SHORT)


def clean_text(content: str, site_lines: Collection[str] = ()) -> CleanText:
    """The article in a scraped text: body paragraphs, and the title, date and byline around it.

    ``site_lines`` are the ``line_key`` of lines the site repeats on its other pages (furniture).
    """
    lines, block = _read(content, site_lines)
    if block is None:
        return CleanText((), _title(lines, len(lines)), _published(lines, len(lines)), None)
    first = block[0]
    paragraphs = tuple(line.text for i, line in enumerate(lines) if _kept(line, i, block))
    return CleanText(
        paragraphs,
        _title(lines, first, " ".join(paragraphs[:3])),
        _published(lines, first),
        _byline(lines, first),
        _captions(lines, block),
    )


def explain_text(content: str, site_lines: Collection[str] = ()) -> list[tuple[bool, str, str]]:
    """Every line of a scraped text as (kept, why, line): the cleaner's decisions, in order."""
    lines, block = _read(content, site_lines)
    title = None
    if block is not None:
        lede = " ".join(x.text for i, x in enumerate(lines) if _kept(x, i, block))
        title = _title_at(lines, block[0], lede)
    decisions: list[tuple[bool, str, str]] = []
    for i, line in enumerate(lines):
        kept = _kept(line, i, block)
        if kept:
            why = "body" if line.kind is Kind.BODY else "short line inside the body"
        elif title is not None and i == title[0]:
            why = "title (metadata)"
        elif line.site:
            why = "furniture (the site repeats it on its other pages)"
        elif line.caption:
            why = "photo caption (kept apart in captions)"
        elif line.kind is Kind.FURNITURE:
            why = "furniture (cue, call to action or menu)"
        elif line.kind is Kind.DATE:
            why = "date line (metadata)"
        elif line.kind is Kind.BYLINE:
            why = "byline (metadata)"
        elif block is not None and block[0] <= i <= block[1]:
            why = "inside the body, in a run of furniture"
        elif block is None:
            why = "no body block found"
        elif i < block[0]:
            why = f"{line.kind.value} line above the body"
        else:
            why = f"{line.kind.value} line below the body"
        decisions.append((kept, why, line.text))
    return decisions
