"""Plural references to two actors: "the two sides", "both countries", "the two leaders".

They stand for the last two distinct actors the text named together ("the US and Turkey",
"a call between Trump and Erdoğan"), of the kind the noun says: states for "countries" and
"governments", people for "leaders" and "men", anyone for "sides". The mention's actor is the
one named first (CAMEO codes a joint act once, from the first-named side) and ``Mention.also``
holds the other. When the last pair of that kind named together are not both actors ("the two
men" after two people no dictionary knows), the reference stays open.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kipu.discourse._memory import ArticleMemory
from kipu.discourse._names import PERSON_RULES
from kipu.records import Actor, Mention, Sentence, Token

# Plural nouns that stand for two actors named together, by the kind of actor they need.
PERSON_NOUNS = frozenset({"leader", "man", "woman", "president", "minister", "premier"})
STATE_NOUNS = frozenset({"country", "government", "nation", "state", "capital"})
ANY_NOUNS = frozenset({"side", "party", "delegation", "army", "camp"})
NUMBERS_TWO = frozenset({"two", "2"})
# How many sentences back the pair may have been named.
WINDOW = 3


def resolve_pairs(
    sentence: Sentence, mentions: list[Mention], memory: ArticleMemory
) -> list[Mention]:
    """Mentions for the sentence's references to two actors named together before."""
    tokens = sentence.tokens
    by_head = {m.head: m for m in mentions}
    out = list(mentions)
    for t in tokens:
        start = _pair_start(t, tokens)
        if start is None or (t.i in by_head and by_head[t.i].actor.country is not None):
            continue
        found = _last_pair(t, sentence, mentions, memory)
        if found is None:
            continue
        first, second, index = found
        text = sentence.text[tokens[start].start - sentence.start : t.end - sentence.start]
        where = "this sentence" if index == sentence.index else f"sentence {index}"
        rule = f"discourse:pair:{text!r}<-{where} {first.text!r} + {second.text!r}"
        mention = Mention(
            head=t.i,
            start=start,
            end=t.i + 1,
            actor=replace(first, text=text, rule=rule),
            also=(replace(second, text=text, rule=rule),),
        )
        if t.i in by_head:
            out[out.index(by_head[t.i])] = mention
        else:
            out.append(mention)
    return sorted(out, key=lambda m: m.start)


def _pair_start(t: Token, tokens: Sequence[Token]) -> int | None:
    """The first token of "the two sides" / "both countries", or None."""
    if t.pos != "NOUN" or t.tag != "NNS" or _kind(t) is None:
        return None
    kids = [c for c in tokens if c.head == t.i and c.i < t.i]
    both = [c for c in kids if c.text.lower() == "both" and c.dep in ("det", "predet", "preconj")]
    if both:
        return both[0].i
    the = [c for c in kids if c.dep == "det" and c.lemma.lower() == "the"]
    two = [c for c in kids if c.dep == "nummod" and c.text.lower() in NUMBERS_TWO]
    if the and two and not any(c.dep in ("amod", "compound") and c.i < two[0].i for c in kids):
        return the[0].i
    return None


def _kind(t: Token) -> str | None:
    lemma = t.lemma.lower()
    if lemma in PERSON_NOUNS:
        return "person"
    if lemma in STATE_NOUNS:
        return "state"
    if lemma in ANY_NOUNS:
        return "any"
    return None


def _last_pair(
    t: Token, sentence: Sentence, mentions: list[Mention], memory: ArticleMemory
) -> tuple[Actor, Actor, int] | None:
    """The last two actors of the reference's kind named together before it, and where."""
    kind = _kind(t)
    here = (sentence, mentions)
    for index in range(sentence.index, max(-1, sentence.index - 1 - WINDOW), -1):
        s, ms = here if index == sentence.index else memory.read.get(index, (None, []))
        if s is None:
            continue
        by_head = {m.head: m for m in ms}
        pairs = [
            (c.head, c.i)
            for c in s.tokens
            if c.dep == "conj"
            and c.pos in ("NOUN", "PROPN")
            and (index < sentence.index or c.i < t.i)
        ]
        # A reference to the pair resolved before ("the two leaders") names it again.
        again = [
            m
            for m in ms
            if len(m.also) == 1
            and (index < sentence.index or m.head < t.i)
            and all(p[1] < m.head for p in pairs)
            and _kind(s.tokens[m.head]) == kind
        ]
        if again:
            m = again[-1]
            return m.actor, m.also[0], index
        for a, b in reversed(pairs):
            fits = _fits(kind, s.tokens[a], by_head.get(a)) and _fits(
                kind, s.tokens[b], by_head.get(b)
            )
            named = _could_be(kind, s.tokens[a]) and _could_be(kind, s.tokens[b])
            if fits:
                first, second = by_head[a].actor, by_head[b].actor
                if first.code == second.code and first.name == second.name:
                    return None  # one actor twice: no pair
                return first, second, index
            if named:
                return None  # the last two of that kind named together are not both actors
    return None


def _fits(kind: str | None, t: Token, m: Mention | None) -> bool:
    """True for an actor mention of the kind the reference needs."""
    if m is None or m.actor.code is None or m.also:
        return False
    a = m.actor
    person = a.name is not None and any(w in a.rule for w in PERSON_RULES)
    if kind == "person":
        return person
    if kind == "state":
        return not person and a.country is not None and a.sector in (None, "GOV")
    return True


def _could_be(kind: str | None, t: Token) -> bool:
    """True for a word that may name an actor of the kind, actor or not ("Kotey")."""
    if kind == "person":
        return t.ent == "PERSON"
    if kind == "state":
        return t.ent == "GPE"
    return t.pos == "PROPN" or t.ent in ("PERSON", "GPE", "ORG", "NORP")
