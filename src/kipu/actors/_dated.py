"""Office holders on an event's date: an actor decided by an office is re-read for that date."""

from __future__ import annotations

import dataclasses

from kipu.actors._dictionaries import key, load_dictionaries
from kipu.actors._match import _office
from kipu.records import Actor

# Rules that say an office term decided the actor, and rules that say the text itself did.
OFFICE_RULE = "office:"
SAME_PERSON_RULE = "same person as"
TEXT_EVIDENCE = ("title:", "country:")


def actor_on(actor: Actor | None, date: str, dictionaries: tuple[str, ...] = ()) -> Actor | None:
    """The actor as it was on ``date`` (ISO): an office holder's country and sector that day.

    Actors whose country or sector the text gives (a title, a country word), and people the
    office-holder dictionary does not know, are returned unchanged. A known office holder who
    held no office on that date comes back as None: the text does not say whom they acted for.
    """
    if actor is None or actor.name is None:
        return actor
    rule = actor.rule
    if OFFICE_RULE not in rule and not rule.startswith(SAME_PERSON_RULE):
        return actor
    if any(evidence in rule for evidence in TEXT_EVIDENCE):
        return actor
    d = load_dictionaries(dictionaries)
    if not d.offices.get(key(actor.name)):
        return actor
    term = _office(actor.name, d, date)
    if term is None:
        return None
    if (term.country, term.sector) == (actor.country, actor.sector):
        return actor
    return dataclasses.replace(
        actor,
        country=term.country,
        sector=term.sector,
        code=term.country + term.sector,
        rule=f"{rule}; on {date}: office:{term.name} {term.role} {term.start}..{term.end or ''}",
    )
