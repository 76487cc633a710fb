"""Helpers for tests that run the real pipeline on hand-written text."""

from __future__ import annotations

from kipu.actors import resolve_actors
from kipu.discourse import resolve_discourse
from kipu.events import code_events
from kipu.ids import make_doc_id
from kipu.nlp import parse
from kipu.records import Actor, Article, Event, Resolved


def article(text: str, published: str | None = "2024-03-14") -> Article:
    return Article(
        doc_id=make_doc_id(text),
        input_id="test",
        url=None,
        title=None,
        published=published,
        dateline=None,
        byline=None,
        language=None,
        text=text,
    )


def resolve(text: str, published: str | None = "2024-03-14") -> Resolved:
    parsed = next(parse([article(text, published)]))
    return resolve_discourse(resolve_actors(parsed))


def actors_by_head(text: str, published: str | None = "2024-03-14") -> dict[str, Actor]:
    """Each actor mention's head word → its actor (a later mention of the same word wins)."""
    resolved = resolve(text, published)
    out: dict[str, Actor] = {}
    for sentence, mentions in zip(resolved.parsed.sentences, resolved.mentions, strict=True):
        for m in mentions:
            out[sentence.tokens[m.head].text] = m.actor
    return out


def code(text: str, published: str | None = "2024-03-14") -> list[Event]:
    return code_events(resolve(text, published))


def triples(events: list[Event]) -> set[tuple[str | None, str, str | None]]:
    """(source code, CAMEO code, target code) of each non-negated event."""
    return {
        (e.source.code if e.source else None, e.cameo, e.target.code if e.target else None)
        for e in events
        if not e.negated
    }
