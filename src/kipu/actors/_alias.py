"""Aliases within an article: pronouns and bare title nouns resolved to an earlier actor.

The actor stage asks an :class:`AliasResolver` for the antecedent of "he", "she", "they", "the
minister" or "the ministry". The default, :class:`RuleAliasResolver`, is rule-based (no
coreference model works offline with kipu's spaCy model); a model can be plugged in later through
``ActorOptions(alias_resolver=...)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from kipu.records import Actor, Sentence, Token

# Personal pronouns that stand for one person (English; "her" only when not a possessive).
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
# Pronouns that stand for a group or a state.
GROUP_PRONOUNS = frozenset({"they", "them"})
# Possessive determiners, by what they stand for ("his government", "its forces", "their
# leaders"); "her" is listed with the personal pronouns.
PERSON_POSSESSIVES = frozenset({"his"})
GROUP_POSSESSIVES = frozenset({"their"})
THING_POSSESSIVES = frozenset({"its"})
# How many sentences back a pronoun may look (the same and the previous one: pronouns in news
# text rarely reach further, and a wrong antecedent is worse than none).
PRONOUN_WINDOW = 1
# Subject labels: an antecedent in subject position is preferred when candidates disagree.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# "she said" after a quote of a sentence or two that names no one is the speaker quoted: how
# far back such a speaker may be, and the verbs that report speech.
SPEAKER_WINDOW = 3
# How far back any rule of the resolver looks, in sentences.
ALIAS_LOOKBACK = max(PRONOUN_WINDOW, SPEAKER_WINDOW)
SPEECH_VERBS = frozenset(
    {"say", "tell", "add", "insist", "argue", "claim", "warn", "write", "explain", "state"}
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Antecedent:
    """An actor mention earlier in the article that a later alias may point back to."""

    sentence: int  # sentence index in the article
    head: Token
    actor: Actor
    is_person: bool
    titles: frozenset[str] = frozenset()  # title phrases of a person, agent phrase of a group
    main: bool = False  # the subject of the sentence's main verb ("Abbott called for ...")


class AliasResolver(Protocol):
    """Finds the earlier mention that an alias (pronoun or title noun) refers to."""

    def antecedent(
        self,
        sentence: Sentence,
        alias: Token,
        title: str | None,
        earlier: Sequence[Antecedent],
    ) -> Antecedent | None:
        """The antecedent of ``alias`` (``title``: the title phrase of "the minister"), or None."""
        ...


class RuleAliasResolver:
    """Pronouns to the nearest compatible actor; "the minister" to the last minister named."""

    def antecedent(
        self,
        sentence: Sentence,
        alias: Token,
        title: str | None,
        earlier: Sequence[Antecedent],
    ) -> Antecedent | None:
        """The antecedent of ``alias`` (``title``: the title phrase of "the minister"), or None."""
        if title is not None:
            return _by_title(title, earlier)
        lemma = alias.lemma
        if lemma in PERSON_PRONOUNS or lemma in PERSON_POSSESSIVES:
            return _nearest(sentence, alias, earlier, persons=True)
        if lemma in GROUP_PRONOUNS or lemma in GROUP_POSSESSIVES:
            return _nearest(sentence, alias, earlier, persons=False)
        if lemma in THING_POSSESSIVES:
            return _nearest_thing(sentence, alias, earlier)
        return None


def _by_title(title: str, earlier: Sequence[Antecedent]) -> Antecedent | None:
    """The most recent antecedent with the title ("minister" matches "defense minister")."""
    words = title.split()
    for a in reversed(earlier):
        for t in a.titles:
            t_words = t.split()
            if "shadow" in t_words and "shadow" not in words:
                continue  # "the home secretary" is not the shadow home secretary
            if t_words[-1] == words[-1] and set(words) <= set(t_words):
                return a
    return None


def _nearest(
    sentence: Sentence, alias: Token, earlier: Sequence[Antecedent], *, persons: bool
) -> Antecedent | None:
    """The nearest compatible antecedent in the window; None when it is unknown or unclear.

    ``earlier`` also holds people and plural nouns that got no actor (code None): when the
    nearest candidate is one of them, the pronoun most likely means it, so it stays unresolved.
    """
    candidates = [
        a
        for a in earlier
        if sentence.index - a.sentence <= PRONOUN_WINDOW
        and (a.sentence < sentence.index or a.head.i < alias.i)
        and (a.is_person if persons else _is_group(a))
        and not _coargument(a, sentence, alias)
    ]
    if persons and candidates:  # (the article's pronouns are read only when there are some)
        other = _other_gender(alias, earlier)
        candidates = [a for a in candidates if (a.actor.name or a.actor.text) not in other]
    if not candidates and persons and _speaks(sentence, alias):
        return _last_speaker(sentence, alias, earlier)
    if not candidates:
        return None
    if not persons:
        # "they": the nearest plural noun, actor or not ("the kids ... they" is the kids); a
        # subject pronoun looks for a subject first ("Police detained students. They ...").
        same = [a for a in candidates if a.sentence == sentence.index]
        if same:
            candidates = same
        elif alias.dep in SUBJECT_DEPS:
            candidates = [a for a in candidates if a.head.dep in SUBJECT_DEPS] or candidates
        return candidates[-1] if candidates[-1].actor.code is not None else None
    codes = {a.actor.code for a in candidates}
    if len(codes) == 1:
        return candidates[-1] if None not in codes else None
    # Candidates disagree: only the nearest subject, when the nearest sentence with subjects
    # has one actor among them, is safe enough.
    for index in sorted({a.sentence for a in candidates}, reverse=True):
        subjects = [a for a in candidates if a.sentence == index and a.head.dep in SUBJECT_DEPS]
        if subjects:
            codes = {a.actor.code for a in subjects}
            return subjects[-1] if len(codes) == 1 and None not in codes else None
    return None


# Pronouns by gender (lemmas): a person once called "he" is not a later "she".
MALE = frozenset({"he", "him", "his"})
FEMALE = frozenset({"she", "her", "hers"})
NO_ONE: frozenset[str] = frozenset()


def _other_gender(alias: Token, earlier: Sequence[Antecedent]) -> set[str]:
    """The people (names, else texts) the article has called by a pronoun of the other gender
    than ``alias``: "Javid insisted he would stop her" (not Javid)."""
    lemma = alias.lemma.lower()
    mine, other = (
        (MALE, FEMALE) if lemma in MALE else (FEMALE, MALE) if lemma in FEMALE else (NO_ONE, NO_ONE)
    )
    if not other:
        return set()  # a pronoun of no gender excludes no one
    called: dict[str, set[str]] = {}
    for a in earlier:
        word = a.head.lemma.lower() if a.head.pos == "PRON" else ""
        if word in MALE or word in FEMALE:
            called.setdefault(a.actor.name or a.actor.text, set()).add(word)
    return {who for who, words in called.items() if words & other and not words & mine}


def _speaks(sentence: Sentence, alias: Token) -> bool:
    """True for the subject of a verb of speech ("she said", "he told reporters")."""
    verb = sentence.tokens[alias.head]
    return alias.dep == "nsubj" and verb.lemma in SPEECH_VERBS


def _last_speaker(
    sentence: Sentence, alias: Token, earlier: Sequence[Antecedent]
) -> Antecedent | None:
    """The person a few sentences back that "she said" goes on quoting: the one person named
    there, or the one main-clause subject of the nearest sentence with one; None when
    unknown or unclear."""
    other = _other_gender(alias, earlier)
    people = [
        a
        for a in earlier
        if a.is_person
        and 0 < sentence.index - a.sentence <= SPEAKER_WINDOW
        and (a.actor.name or a.actor.text) not in other
    ]
    if not people:
        return None
    if len({a.actor.name or a.actor.code for a in people}) == 1:
        return people[-1] if people[-1].actor.code is not None else None
    for index in sorted({a.sentence for a in people}, reverse=True):
        subjects = [a for a in people if a.sentence == index and a.main]
        if subjects:
            names = {a.actor.name or a.actor.code for a in subjects}
            one = len(names) == 1 and subjects[-1].actor.code is not None
            return subjects[-1] if one else None
    return None


def _nearest_thing(
    sentence: Sentence, alias: Token, earlier: Sequence[Antecedent]
) -> Antecedent | None:
    """The state or organisation "its" stands for: the subject of the same sentence, else of
    the previous one, when it is a singular actor that is not a person ("Israel has
    strengthened its forces")."""
    for index in (sentence.index, sentence.index - 1):
        subjects = [
            a
            for a in earlier
            if a.sentence == index
            and (index < sentence.index or a.head.i < alias.i)
            and a.head.dep in SUBJECT_DEPS
            and not a.is_person
            and a.head.tag in ("NN", "NNP")
        ]
        if subjects:
            nearest = subjects[-1]
            return nearest if nearest.actor.code is not None else None
    return None


def _coargument(a: Antecedent, sentence: Sentence, alias: Token) -> bool:
    """True for the subject of the pronoun's own verb ("the police arrested them": not police)."""
    return (
        a.sentence == sentence.index
        and a.head.head == alias.head
        and a.head.dep in SUBJECT_DEPS
        and alias.dep not in SUBJECT_DEPS
    )


def _is_group(a: Antecedent) -> bool:
    """A plural group ("Iraqi troops", "the rebels"), resolved or not."""
    if a.is_person:
        return False
    if a.actor.code is None:
        return a.head.tag == "NNS"  # an unresolved plural noun ("the children")
    # Plural agent nouns only: a named organisation is grammatically singular, and "they" after
    # one is as often its members, victims or anyone else.
    rule = a.actor.rule
    if a.head.tag == "NNPS" or rule.startswith("country:adjective"):
        return a.head.tag in ("NNS", "NNPS") and not rule.startswith("country:name")  # "Syrians"
    return rule.startswith("agent:") and a.head.tag == "NNS"
