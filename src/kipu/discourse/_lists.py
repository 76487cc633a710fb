"""Plural references to a list of states: "these countries", "the five nations", "those
governments".

News names several states once ("proposals from the United States, Saudi Arabia, Jordan,
Britain and France") and then refers to them together ("these countries were seeking to shape
Syria's future"). Such a reference stands for the last list of states the text named, a few
sentences back at most: when it gives a number ("the five nations"), a list of exactly that
many; with "these"/"those", a list of three or more. The mention's actor is the first state of
the list and ``Mention.also`` holds the others, so each is coded (CAMEO codes one event per
actor on the side that varies). Two states named together are ``_pairs.py``'s ("the two
countries").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kipu.discourse._memory import ArticleMemory
from kipu.records import Actor, Mention, Sentence, Token

# Plural nouns that stand for states.
STATE_NOUNS = frozenset({"country", "nation", "state", "government", "power", "capital"})
# Determiners that point back to something named.
POINTING = frozenset({"these", "those"})
# Words that count: "the two men" (references), "the five states" (lists).
COUNT_WORDS = {
    w: n for n, w in enumerate("two three four five six seven eight nine ten".split(), start=2)
}
# A list is three or more ("the two countries" is a pair: ``_pairs.py``).
NUMBER_WORDS = {w: n for w, n in COUNT_WORDS.items() if n >= 3}
# How many sentences back the list may have been named.
WINDOW = 3
# A list referred to without a number holds at least this many states.
MIN_LIST = 3


def resolve_lists(
    sentence: Sentence, mentions: list[Mention], memory: ArticleMemory
) -> list[Mention]:
    """Mentions for the sentence's references to a list of states named before."""
    tokens = sentence.tokens
    by_head = {m.head: m for m in mentions}
    out = list(mentions)
    for t in tokens:
        wanted = _reference(t, tokens)
        if wanted is None or (t.i in by_head and by_head[t.i].actor.country is not None):
            continue
        start, size = wanted
        found = _last_list(t, sentence, mentions, memory, size)
        if found is None:
            continue
        states, index = found
        text = sentence.text[tokens[start].start - sentence.start : t.end - sentence.start]
        where = "this sentence" if index == sentence.index else f"sentence {index}"
        names = " + ".join(repr(a.text) for a in states)
        rule = f"discourse:list:{text!r}<-{where} {names}"
        mention = Mention(
            head=t.i,
            start=start,
            end=t.i + 1,
            actor=replace(states[0], text=text, rule=rule),
            also=tuple(replace(a, text=text, rule=rule) for a in states[1:]),
        )
        if t.i in by_head:
            out[out.index(by_head[t.i])] = mention
        else:
            out.append(mention)
    return sorted(out, key=lambda m: m.start)


def _reference(t: Token, tokens: Sequence[Token]) -> tuple[int, int | None] | None:
    """(first token, number of states or None) of "these countries" / "the five nations"."""
    if t.pos != "NOUN" or t.tag != "NNS" or t.lemma.lower() not in STATE_NOUNS:
        return None
    kids = [c for c in tokens if c.head == t.i and c.i < t.i]
    if any(c.dep in ("amod", "compound") for c in kids):
        return None  # "these European countries", "the Gulf states": a kind of their own
    pointing = [c for c in kids if c.dep == "det" and c.lemma.lower() in POINTING]
    numbers = [c for c in kids if c.dep == "nummod" and c.text.lower() in NUMBER_WORDS]
    the = [c for c in kids if c.dep == "det" and c.lemma.lower() == "the"]
    if numbers and (the or pointing):
        first = (the or pointing)[0]
        return first.i, NUMBER_WORDS[numbers[0].text.lower()]
    if pointing and not numbers:
        return pointing[0].i, None
    return None


def _last_list(
    t: Token,
    sentence: Sentence,
    mentions: list[Mention],
    memory: ArticleMemory,
    size: int | None,
) -> tuple[list[Actor], int] | None:
    """The last list of states named before the reference (of ``size`` states when given)."""
    here = (sentence, mentions)
    for index in range(sentence.index, max(-1, sentence.index - 1 - WINDOW), -1):
        s, ms = here if index == sentence.index else memory.read.get(index, (None, []))
        if s is None:
            continue
        by_head = {m.head: m for m in ms}
        lists = _lists_of(s, by_head, t.i if index == sentence.index else None)
        for states in reversed(lists):
            if size is None and len(states) >= MIN_LIST:
                return states, index
            if size is not None and len(states) == size:
                return states, index
    return None


def _lists_of(s: Sentence, by_head: dict[int, Mention], before: int | None) -> list[list[Actor]]:
    """Every conjoined list of distinct states of a sentence, in order (before ``before``)."""
    tokens = s.tokens
    out: list[list[Actor]] = []
    for head in tokens:
        if head.dep == "conj" or (before is not None and head.i >= before):
            continue
        chain = _chain(tokens, head.i)
        if len(chain) < 2 or (before is not None and chain[-1] >= before):
            continue
        states: list[Actor] = []
        for i in chain:
            m = by_head.get(i)
            if m is None or not _state(m.actor):
                states = []
                break
            if all(a.code != m.actor.code for a in states):
                states.append(m.actor)
        if len(states) >= 2:
            out.append(states)
    return out


def _chain(tokens: Sequence[Token], first: int) -> list[int]:
    """A token and the tokens conjoined with it, in order."""
    out = [first]
    stack = [first]
    while stack:
        node = stack.pop()
        for c in tokens:
            if c.head == node and c.dep == "conj" and c.i != node and c.i not in out:
                out.append(c.i)
                stack.append(c.i)
    return sorted(out)


def _state(actor: Actor) -> bool:
    """A state, or its government: a country with no sector other than GOV."""
    return actor.country is not None and actor.code is not None and actor.sector in (None, "GOV")
