"""The article memory: the countries an article is about and every actor it has named so far.

The memory is filled as the article is read, sentence after sentence, so that every decision
about a sentence rests on what came before it (the title, dateline and lead are read first:
they say what the article is about before its body does).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from kipu.actors import Antecedent
from kipu.records import Actor, Mention, Sentence

# How many of the first sentences are the lead, read with the title before the body.
LEAD_SENTENCES = 3
# Weight of a country the title or dateline names: headlines and datelines say where the story
# is, so one such word counts as much as a few words of the body.
HEADLINE_WEIGHT = 3


def name_key(text: str) -> str:
    """The lookup form of a name: lower case, single spaces, straight apostrophes, no
    possessive ("Javid’s" → "javid")."""
    text = text.replace("’", "'").lower()
    if text.endswith("'s"):
        text = text[:-2]
    return " ".join(text.strip(" '").split())


@dataclass(frozen=True, slots=True, kw_only=True)
class Named:
    """An actor the article has named: how it was written and where."""

    actor: Actor
    sentence: int  # sentence index of the mention that named it
    written: str  # the name as first written ("Syrian Negotiations Commission")
    person: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class Earlier:
    """A mention of an earlier sentence (or earlier in this one), as completed."""

    sentence: int
    mention: Mention
    lemma: str  # the head word's lemma ("ministry", "group")
    dep: str  # the head word's dependency label ("nsubj", "compound")
    pos: str  # the head word's part of speech ("PROPN" for a name, "PRON")
    plural: bool
    conjoined: bool  # coordinated with another actor mention ("Russia and Turkey")


@dataclass(slots=True)
class ArticleMemory:
    """What the article has said so far."""

    # Country evidence: country words of the headline, dateline and text, and the countries of
    # actors named without a country word ("Putin"), counted as they were read.
    countries: Counter[str] = field(default_factory=Counter)
    # The countries it names as the places of its events ("in Syria", "Raqqa", the dateline).
    places: Counter[str] = field(default_factory=Counter)
    # The countries each sentence read so far names (words and actors), by sentence index.
    by_sentence: dict[int, Counter[str]] = field(default_factory=dict)
    # The same, apart: as actors' countries and as places.
    named_by_sentence: dict[int, Counter[str]] = field(default_factory=dict)
    places_by_sentence: dict[int, Counter[str]] = field(default_factory=dict)
    # The countries of the towns and regions it names so far ("Afrin", "eastern Ghouta").
    towns: Counter[str] = field(default_factory=Counter)
    # Named actors by the forms a later mention may use: full name, surname, acronym.
    names: dict[str, list[Named]] = field(default_factory=dict)
    acronyms: dict[str, Named] = field(default_factory=dict)
    earlier: list[Earlier] = field(default_factory=list)
    # The completed sentences, by index (the alias resolver's antecedents are made of them
    # when a pronoun asks: see _pronouns.py), and the antecedents made so far.
    read: dict[int, tuple[Sentence, list[Mention]]] = field(default_factory=dict)
    antecedents: dict[int, list[Antecedent]] = field(default_factory=dict)
    # Completed actors by the name or text an alias of them cites ("pronoun → Diane Abbott").
    completed: dict[str, Actor] = field(default_factory=dict)

    def add_countries(self, sentence: int, codes: Counter[str]) -> None:
        """Count the countries a sentence names."""
        self.countries.update(codes)
        self.by_sentence.setdefault(sentence, Counter()).update(codes)

    def remember_name(self, form: str, named: Named) -> None:
        """Remember that ``form`` ("javid", "sajid javid") names an actor."""
        entries = self.names.setdefault(form, [])
        if all(e.actor.code != named.actor.code or e.written != named.written for e in entries):
            entries.append(named)

    def named(self, form: str) -> Named | None:
        """The one actor a form names; None when it names none or several different ones."""
        entries = self.names.get(form, [])
        if not entries:
            return None
        actors = {(e.actor.code, e.actor.country) for e in entries}
        people = {e.written for e in entries if e.person}
        if len(actors) > 1 or len(people) > 1:
            return None  # two people of that surname, or two bodies of that name
        return entries[-1]

    def remember_mention(self, sentence: Sentence, m: Mention, conjoined: bool) -> None:
        """Keep a completed mention for later references ("the group", "the two sides")."""
        head = sentence.tokens[m.head]
        self.earlier.append(
            Earlier(
                sentence=sentence.index,
                mention=m,
                lemma=head.lemma.lower(),
                dep=head.dep,
                pos=head.pos,
                plural=head.tag in ("NNS", "NNPS"),
                conjoined=conjoined,
            )
        )
