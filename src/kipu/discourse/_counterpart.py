"""A counterpart: "the Turkish president praised his counterpart" is the other side's holder of
the same kind of office, named just before.

"Counterpart" names no country of its own (the actor stage gives it the sector of an office,
``agent:counterpart``). Its owner ("his", "Erdoğan's") is the subject of its clause; the
counterpart is the nearest actor before it, in this sentence or the few before, of the same
sector and a country that is not the owner's ("Trump expressed his respect for Erdoğan ... and
the Turkish president praised his counterpart": Trump). When the owner's country is not known,
or nothing fits, the reference stays open.
"""

from __future__ import annotations

from kipu.discourse._memory import ArticleMemory
from kipu.records import Actor, Mention, Sentence

# Nouns of the other side's holder of the same office.
COUNTERPART_NOUNS = frozenset({"counterpart", "opposite"})
# How many sentences back the counterpart may have been named.
WINDOW = 2


def resolve_counterparts(
    sentence: Sentence, mentions: list[Mention], memory: ArticleMemory
) -> list[Mention]:
    """Mentions for the sentence's counterparts, as the actors they stand for."""
    tokens = sentence.tokens
    out = list(mentions)
    for n, m in enumerate(mentions):
        head = tokens[m.head]
        if head.lemma not in COUNTERPART_NOUNS or m.actor.country is not None:
            continue
        owner = _owner_country(sentence, mentions, m)
        if owner is None:
            continue
        found = _nearest(sentence, mentions, memory, m, owner)
        if found is None:
            continue
        where, a = found
        origin = "this sentence" if where == sentence.index else f"sentence {where}"
        actor = Actor(
            text=m.actor.text,
            name=a.name,
            code=a.code,
            country=a.country,
            sector=a.sector,
            rule=f"discourse:counterpart:{m.actor.text!r}<-{origin} {a.text!r} (not {owner})",
        )
        out[n] = Mention(head=m.head, start=m.start, end=m.end, actor=actor)
    return out


def _owner_country(sentence: Sentence, mentions: list[Mention], m: Mention) -> str | None:
    """The country of the counterpart's owner: a possessor that is an actor ("Erdoğan's
    counterpart"), or for "his"/"her", the subject of the clause the counterpart is in."""
    tokens = sentence.tokens
    by_head = {x.head: x for x in mentions}
    for c in tokens:
        if c.head != m.head or c.dep != "poss":
            continue
        if c.i in by_head:
            return by_head[c.i].actor.country
        if c.pos != "PRON":
            return None
        verb = tokens[m.head].head
        for _ in range(3):  # up from the object or its preposition to the verb
            if tokens[verb].pos in ("VERB", "AUX") or tokens[verb].head == verb:
                break
            verb = tokens[verb].head
        for _ in range(3):  # a conjoined verb shares its first verb's subject
            for s in tokens:
                if s.head == verb and s.dep in ("nsubj", "nsubjpass") and s.i in by_head:
                    return by_head[s.i].actor.country
            if tokens[verb].dep != "conj" or tokens[verb].head == verb:
                break
            verb = tokens[verb].head
    return None


def _nearest(
    sentence: Sentence, mentions: list[Mention], memory: ArticleMemory, m: Mention, owner: str
) -> tuple[int, Actor] | None:
    """The nearest actor before the counterpart of its sector and another country."""

    def fits(a: Actor) -> bool:
        return a.country is not None and a.country != owner and a.sector == m.actor.sector

    for x in sorted(mentions, key=lambda x: -x.start):
        if x.start < m.start and fits(x.actor):
            return sentence.index, x.actor
    for e in reversed(memory.earlier):
        if e.sentence < sentence.index - WINDOW:
            break
        if e.sentence < sentence.index and fits(e.mention.actor):
            return e.sentence, e.mention.actor
    return None
