"""Enrichment: quantities (parsed for the coder), and each event's place and date.

``enrich_events(resolved, events)`` runs after ``code_events``: it sets ``location`` (places.py,
gazetteer in _gazetteer.py), ``date`` and ``date_precision`` (dates.py) and leaves everything else,
``modality`` included, as the coder set it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from kipu.actors import actor_on
from kipu.enrich._gazetteer import load_gazetteer
from kipu.enrich.dates import EventDate, date_sentence, find_dates, is_forward, parse_temporal
from kipu.enrich.places import index_places, locate, resolve_place
from kipu.enrich.quantities import parse_quantity
from kipu.records import Event, Resolved, Sentence

__all__ = [
    "EnrichOptions",
    "enrich_events",
    "load_gazetteer",
    "parse_quantity",
    "parse_temporal",
    "resolve_place",
]

# A lead sentence's own date stands for the article's news peg only when it is this close before
# publication (a week: the span of "on Saturday"-style references in daily news).
LEAD_MAX_DAYS = 7


@dataclass(frozen=True, slots=True, kw_only=True)
class EnrichOptions:
    """How far place and date fall back when the event's own sentence says nothing."""

    use_paragraph_place: bool = True  # a place named elsewhere in the event's paragraph
    use_dateline: bool = True  # the article's dateline ("LIMA")
    use_lead_date: bool = True  # the lead sentence's recent date (the article's news peg)
    dictionaries: tuple[str, ...] = ()  # users' actor dictionaries (office holders by date)


def _trigger_index(sentence: Sentence, event: Event) -> int:
    """The token of the sentence that licensed the event (its root when unknown)."""
    if event.trigger is not None:
        for tok in sentence.tokens:
            if tok.start <= event.trigger[0] < tok.end:
                return tok.i
    return next((t.i for t in sentence.tokens if t.head == t.i), 0)


def _lead_date(resolved: Resolved, published: date) -> EventDate | None:
    """The news peg: a recent day named by the article's first dated sentence."""
    text = resolved.parsed.article.text
    for sentence in resolved.parsed.sentences[:2]:
        if not find_dates(sentence, text):
            continue
        root = next((t.i for t in sentence.tokens if t.head == t.i), 0)
        found = date_sentence(sentence, text, root, published, forward=False)
        if found is None or found.precision != "day":
            return None
        gap = (published - date.fromisoformat(found.date)).days
        return found if 0 <= gap <= LEAD_MAX_DAYS else None
    return None


def _published(resolved: Resolved) -> date | None:
    """The article's publication date, when it has a valid one."""
    value = resolved.parsed.article.published
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def enrich_events(
    resolved: Resolved, events: list[Event], options: EnrichOptions | None = None
) -> list[Event]:
    """The events with their place (``location``) and date (``date``, ``date_precision``) set."""
    if not events:
        return []
    options = options or EnrichOptions()
    gaz = load_gazetteer()
    sentences = resolved.parsed.sentences
    text = resolved.parsed.article.text
    index = index_places(resolved, gaz)
    published = _published(resolved)
    lead = _lead_date(resolved, published) if published and options.use_lead_date else None
    out: list[Event] = []
    for event in events:
        if not 0 <= event.sentence_index < len(sentences):
            out.append(event)
            continue
        sentence = sentences[event.sentence_index]
        trigger = _trigger_index(sentence, event)
        anchors = {trigger}
        mentions = (
            resolved.mentions[sentence.index] if sentence.index < len(resolved.mentions) else ()
        )
        for m in mentions:
            if m.actor in (event.source, event.target):
                anchors.update(range(m.start, m.end))
        place = locate(
            index,
            sentence,
            anchors,
            use_paragraph=options.use_paragraph_place,
            use_dateline=options.use_dateline,
            gaz=gaz,
        )
        when: EventDate | None = None
        if published is not None:
            forward = is_forward(sentence, trigger, event.modality)
            when = date_sentence(sentence, text, trigger, published, forward)
            if when is None:
                when = lead or EventDate(published.isoformat(), "day")
        date = when.date if when else event.date
        source, target = event.source, event.target
        if date is not None and date != event.date:
            # Office holders are who they were on the event's date, not the article's.
            source = actor_on(source, date, options.dictionaries)
            target = actor_on(target, date, options.dictionaries)
            if source is None and event.source is not None:
                continue  # the source held no office then: the text does not say who it acted for
        out.append(
            dataclasses.replace(
                event,
                source=source,
                target=target,
                location=place,
                date=date,
                date_precision=when.precision if when else event.date_precision,
            )
        )
    return out
