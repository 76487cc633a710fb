"""Pronouns the actor stage left open, asked again with the article's completed actors.

The actor stage resolves "he", "she" and "they" with the alias resolver (``actors/_alias.py``)
against the actors it knew at that point. A pronoun whose antecedent was named in a way only
the whole article explains ("The home secretary, Sajid Javid ... he said"; "the SNC ... they")
stays open there. Here the same resolver is asked again, with the antecedents this stage has
completed: the rules stay in one place, the evidence is better.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kipu.actors import (
    ALIAS_LOOKBACK,
    AliasResolver,
    Antecedent,
    agent_phrase,
    owner_gives_country,
    owners_member,
    with_age,
)
from kipu.discourse._memory import ArticleMemory, name_key
from kipu.discourse._names import BODIES, PERSON_RULES, name_run, written
from kipu.records import Actor, Mention, Sentence, Token

# Personal pronouns the alias resolver resolves ("her" only when not a possessive).
PRONOUNS = frozenset({"he", "she", "him", "her", "they", "them"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# How many sentences back the antecedents are offered (as far as the alias resolver looks).
LOOKBACK = ALIAS_LOOKBACK


def antecedents(
    sentence: Sentence, mentions: list[Mention], memory: ArticleMemory
) -> list[Antecedent]:
    """The sentence's actors as antecedents for later pronouns, with the people and plural
    nouns that are no actor (a pronoun after them most likely means them: they block)."""
    tokens = sentence.tokens
    by_head = {m.head: m for m in mentions}
    out: list[Antecedent] = []
    for t in tokens:
        main = t.dep in SUBJECT_DEPS and tokens[t.head].head == t.head
        m = by_head.get(t.i)
        if m is not None:
            pronoun = t.pos == "PRON" and t.lemma.lower() in PERSON_PRONOUNS
            described = t.ent == "PERSON" and (
                "discourse:described-as" in m.actor.rule
                or "discourse:introduced-as" in m.actor.rule
            )
            person = pronoun or described or _person(m.actor)
            agent = agent_phrase(m.actor)
            titles = frozenset({agent}) if agent else frozenset()
            out.append(
                Antecedent(
                    sentence=sentence.index,
                    head=t,
                    actor=m.actor,
                    is_person=person,
                    titles=titles,
                    main=main,
                )
            )
            continue
        if t.pos not in ("NOUN", "PROPN") or t.dep in ("compound", "flat"):
            continue
        is_person = t.ent == "PERSON" or (t.pos == "PROPN" and with_age(t, tokens))
        if not is_person and t.tag != "NNS":
            continue
        named = memory.named(name_key(written(name_run(t, tokens), tokens)))
        if named is not None and named.person and is_person:
            actor = named.actor  # a person named beside a title ("the home secretary, X")
        else:
            actor = Actor(text=t.text, name=None, code=None, country=None, sector=None)
        out.append(
            Antecedent(
                sentence=sentence.index,
                head=t,
                actor=actor,
                is_person=is_person,
                main=main,
            )
        )
    return out


# Possessive determiners whose owner gives an unnamed group its country ("its forces").
OWNER_WORDS = frozenset({"its", "their", "his", "her"})


def _owner(head: int, tokens: Sequence[Token]) -> Token | None:
    """The possessive pronoun that owns a head ("their" of "their leaders")."""
    if not owner_gives_country(tokens[head]):
        return None  # "his counterpart": someone else's
    for t in tokens[max(0, head - 4) : head]:
        if t.head == head and t.dep == "poss" and t.text.lower() in OWNER_WORDS:
            return t
    return None


def _member(
    t: Token,
    owner: Token,
    sentence: Sentence,
    earlier: list[Antecedent],
    resolver: AliasResolver,
) -> Mention | None:
    """A body's own people owned by a pronoun that stands for a named body are the body ("the
    NRA ... its supporters", as the actor stage reads "its leader" after a named one)."""
    found = resolver.antecedent(sentence, owner, None, earlier)
    if found is None or found.actor.code is None or not _named_body(found.actor):
        return None
    a = found.actor
    where = "this sentence" if found.sentence == sentence.index else f"sentence {found.sentence}"
    text = sentence.text[owner.start - sentence.start : t.end - sentence.start]
    rule = f"discourse:member:{text!r}<-{where} {(a.name or a.text)!r}"
    return Mention(head=t.i, start=owner.i, end=t.i + 1, actor=replace(a, text=text, rule=rule))


def _named_body(a: Actor) -> bool:
    """An organisation the article named (not a state, a person or a bare group)."""
    return a.rule.startswith(("organisation:", "discourse:acronym", "discourse:name")) or (
        "discourse:described-as" in a.rule and a.name is not None and a.sector in BODIES
    )


def _owned(
    m: Mention,
    owner: Token,
    sentence: Sentence,
    earlier: list[Antecedent],
    resolver: AliasResolver,
) -> Mention:
    """A group owned by a pronoun takes its owner's country when the article now knows the
    owner ("the SNC ... its members"); unchanged otherwise."""
    found = resolver.antecedent(sentence, owner, None, earlier)
    if found is None or found.actor.country is None:
        return m
    a = found.actor
    where = "this sentence" if found.sentence == sentence.index else f"sentence {found.sentence}"
    rule = f"{m.actor.rule}; discourse:owner:{owner.text}<-{where} {(a.name or a.text)!r}"
    return replace(
        m,
        actor=replace(
            m.actor, country=a.country, code=a.country + (m.actor.sector or ""), rule=rule
        ),
    )


def pronoun_actor(pronoun: Token, antecedent: Actor, where: str) -> Actor:
    """The antecedent's actor for a pronoun, saying where the antecedent was named."""
    who = antecedent.name or antecedent.text
    return replace(
        antecedent, text=pronoun.text, rule=f"discourse:pronoun:{pronoun.text}<-{where} {who!r}"
    )


def _person(actor: Actor) -> bool:
    """A named person, as the actor stage knows people: by a title, an office or a name given
    beside a title (not a member named by the body, "a Hamas commander, X")."""
    return actor.name is not None and any(w in actor.rule for w in PERSON_RULES)


def resolve_pronouns(
    sentence: Sentence,
    mentions: list[Mention],
    memory: ArticleMemory,
    resolver: AliasResolver,
) -> list[Mention]:
    """Mentions for the sentence's open pronouns whose antecedent the article now knows, and
    the country of a group owned by one ("their forces")."""
    by_head = {m.head: m for m in mentions}
    tokens = sentence.tokens
    open_pronouns = [
        t
        for t in tokens
        if t.pos == "PRON"
        and t.lemma.lower() in PRONOUNS
        and t.dep != "poss"
        and t.i not in by_head
    ]
    owned = [
        (m, owner)
        for m in mentions
        if m.actor.country is None
        and m.actor.code == m.actor.sector
        and " → " not in m.actor.rule
        and (owner := _owner(m.head, tokens)) is not None
    ]
    covered = {i for m in mentions for i in range(m.start, m.end)}
    members = [
        (t, owner)
        for t in tokens
        if t.i not in covered
        and t.pos == "NOUN"
        and owners_member(t)
        and (owner := _owner(t.i, tokens)) is not None
    ]
    if not open_pronouns and not owned and not members:
        return mentions
    here = antecedents(sentence, mentions, memory)
    earlier: list[Antecedent] = []
    for index in range(max(0, sentence.index - LOOKBACK), sentence.index):
        if index not in memory.antecedents and index in memory.read:
            memory.antecedents[index] = antecedents(*memory.read[index], memory)
        earlier += memory.antecedents.get(index, [])
    out = [_owned(m, owner, sentence, [*earlier, *here], resolver) for m, owner in owned]
    out += [m for m in mentions if all(m is not o for o, _ in owned)]
    for t, owner in members:
        member = _member(t, owner, sentence, [*earlier, *here], resolver)
        if member is not None:
            out.append(member)
    for t in open_pronouns:
        found = resolver.antecedent(sentence, t, None, [*earlier, *here])
        if found is None or found.actor.code is None:
            continue
        where = (
            "this sentence" if found.sentence == sentence.index else f"sentence {found.sentence}"
        )
        actor = pronoun_actor(t, found.actor, where)
        out.append(Mention(head=t.i, start=t.i, end=t.i + 1, actor=actor))
        # (later pronouns of the sentence see this one: "he ... her" are two people)
        here.append(
            Antecedent(sentence=sentence.index, head=t, actor=actor, is_person=found.is_person)
        )
    return sorted(out, key=lambda m: m.start)
