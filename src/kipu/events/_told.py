"""What an article has told so far: an event noun that names an act of an earlier sentence
again ("the attack", "Kenya's offensive" after "Kenya launched an offensive") is no new act.

Event data codes an act once per sentence that asserts it with its own verb; a sentence that only
names it again by a noun adds detail, not an event. Only the article's news is remembered (not
its history, which the time scope leaves out).
"""

from __future__ import annotations

from kipu.records import Actor, Event

# (root, source side, target side); a side is "*" for any.
Told = set[tuple[str, str | None, str | None]]


def told_key(event: Event) -> tuple[str, str | None, str | None]:
    """An act as an article tells it: its root and the countries (or codes) of its sides (not
    the source of a one-sided act: "his arrest" is the arrest "in Turkey" told before)."""

    def side(a: Actor | None) -> str | None:
        return None if a is None else a.country or a.code

    source = None if event.one_sided else side(event.source)
    return (event.root, source, side(event.target))


def remember(told: Told, events: list[Event]) -> None:
    """Add the acts of a sentence to what the article has told."""
    for e in events:
        root, source, target = told_key(e)
        told.update({(root, source, target), (root, source, "*"), (root, "*", target)})


def is_told(event: Event, told: Told) -> bool:
    """True when an earlier sentence coded the act an event noun names again: the same root and
    sides, or the same root and doer when the noun names no target ("Kenya's offensive" after
    "Kenya launched an offensive against the rebels")."""
    root, source, target = told_key(event)
    if (root, source, target) in told or (target is None and (root, source, "*") in told):
        return True
    # "condemned the attack as a strike on civilians": a noun naming no doer, of an act told
    return event.one_sided and source is None and (root, "*", target) in told
