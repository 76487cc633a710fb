"""Which sentences of an article the full parse needs: a cheap pass before it (see issue #15).

Most sentences of a news article cannot hold a codable event: they have no word the coder
reads (no pattern trigger with the words its entry needs, no speech act with something said
that the speech rules read), or no one to be its actor. The nlp stage splits each article into
sentences with the tokenizer and a punctuation rule (:mod:`kipu.nlp`), describes each as a
:class:`Sketch`, and hands the parser only the sentences :func:`select` keeps:

- **codable**: a trigger with every word one of its entries needs, or a word of saying with a
  word the speech rules read, or (inside a quotation, whose speaker another sentence names) a
  word the speech rules read; and an actor candidate (a capitalised word, a word of an actor
  dictionary, or a pronoun), unless the sentence is a quotation carried over from another;
- **context** of a codable sentence: the sentence before it when it holds a pronoun (the actor
  stage looks one sentence back for "he", "they", "its"); for a quotation with no word of saying
  of its own, the quotation sentences around it up to the one that names its speaker (the
  coder carries a quotation's speaker over up to ``quote_reach`` sentences); for a definite
  reference ("the regime", "the group", "the officials"), the nearest sentence before it, in the
  discourse stage's reach, that can name its antecedent; for a name used alone ("Dempsey"), the
  first sentence that gave it with the words before it ("Owen Dempsey, a chest doctor");
- the **lead**: the first ``lead`` sentences (dates, places and the story's actors).

When in doubt a sentence is kept. The vocabulary is not written here: the run layer builds a
:class:`SentenceFilter` from the event coder's and the actor stage's dictionaries
(``kipu.run._prefilter``), so the filter follows them as they change.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

# Personal pronouns and possessives that stand for an actor named elsewhere (English grammar,
# not a dictionary): a sentence whose only actor is "they" can still code an event.
PRONOUNS = frozenset("he she him her his they them their it its we us our i".split())
# The ones whose actor may be named in the sentence before (the actor stage looks one sentence
# back for "he", "they", "its"); "it" and "we", "I" (a quotation's speaker) are read within their
# own sentence or quotation.
BACKWARD_PRONOUNS = frozenset("he she him her his they them their its".split())
# Sentences at the start of an article that are always kept: the lead names the story's actors,
# its place and its date (the date stage reads the first two sentences).
LEAD_SENTENCES = 2
# How far a quotation's speaker is carried, unless the coder's vocabulary says (the run layer
# passes the coder's own reach).
QUOTE_REACH = 4
# Determiners that make a noun point back ("the group", "these militants"), of those the actor
# stage (title nouns) and the discourse stage (definite references) read; "that" and "those"
# more often open a clause ("said that officials") than point back, without a parse.
DEFINITE = frozenset({"the", "this", "these"})
# How many sentences back a definite reference finds an actor of its kind ("the group" after
# "Hamas"), and one with the same head ("the regime" after "the Assad regime"), unless the run
# layer passes the discourse stage's own reach.
REFERENCE_REACH = 4
REPEAT_REACH = 10
# How many lower-case words after a determiner may be the reference's ("the foreign ministry").
REFERENCE_WORDS = 3


@dataclass(frozen=True, slots=True, kw_only=True)
class SentenceFilter:
    """The words the filter looks for, as lower-case lemmas (see the module's docstring)."""

    # Trigger lemma → the words each of its entries needs besides the trigger.
    entries: dict[str, tuple[tuple[str, ...], ...]]
    saying: frozenset[str]  # words that open what someone says or feels
    # What can make words said a statement: first word → the words each phrase needs besides it.
    said: dict[str, tuple[tuple[str, ...], ...]]
    actor_words: frozenset[str]  # words of actor names, demonyms, agent nouns, organisations
    implied: frozenset[str] = frozenset()  # words entries need that the coder may find unwritten
    # Nouns that after "the" stand for an actor of their kind named before ("the group" for
    # "Hamas", "the militants"), within ``reference_reach`` sentences; and nouns that stand for
    # the last mention with the same head ("the regime", "the ministry", "the officials"),
    # within ``repeat_reach``.
    references: frozenset[str] = frozenset()
    repeated: frozenset[str] = frozenset()
    lead: int = LEAD_SENTENCES
    quote_reach: int = QUOTE_REACH
    reference_reach: int = REFERENCE_REACH
    repeat_reach: int = REPEAT_REACH

    def vocabulary(self) -> frozenset[str]:
        """Every lemma the filter reads (the nlp stage maps them to their written forms)."""
        words = set(self.entries) | self.saying | set(self.said) | self.actor_words
        words |= self.references | self.repeated
        for table in (self.entries, self.said):
            for needs in table.values():
                for need in needs:
                    words.update(need)
        return frozenset(words)


@dataclass(frozen=True, slots=True, kw_only=True)
class Sketch:
    """One sentence as the cheap pass sees it: no parse, only its words."""

    start: int  # character offsets in the article text
    end: int
    lemmas: frozenset[str]  # lower-case forms of its words and the filter's lemmas they may be
    names: frozenset[str] = frozenset()  # lower-case capitalised words (not stop words)
    quoted: bool = False  # holds a quotation mark or lies inside an open quotation
    # The lower-case words after a definite determiner, and their lemmas ("the local
    # authorities": local, authorities, authority); none after a capitalised word ("the Kurdish
    # group" names its own actor).
    definite: frozenset[str] = frozenset()
    # The last words, lower-case, of two or more capitalised words in a row: a name with the
    # words that introduce it ("Owen Dempsey", "Mr Dempsey": dempsey).
    full_names: frozenset[str] = frozenset()
    n_words: int = 0


@dataclass(slots=True)
class Selection:
    """Which sentences to parse, and why (for tests, ``kipu explain`` and benchmarks)."""

    keep: list[bool]
    codable: list[bool] = field(default_factory=list)

    def spans(self, sketches: Sequence[Sketch]) -> list[tuple[int, int]]:
        """Character spans of the runs of consecutive kept sentences."""
        out: list[tuple[int, int]] = []
        previous = False
        for sketch, kept in zip(sketches, self.keep, strict=True):
            if kept and previous:
                out[-1] = (out[-1][0], sketch.end)
            elif kept:
                out.append((sketch.start, sketch.end))
            previous = kept
        return out


def select(sketches: Sequence[Sketch], f: SentenceFilter) -> Selection:
    """The sentences the full parse needs (see the module's docstring)."""
    n = len(sketches)
    codable = [_codable(s, f) for s in sketches]
    keep = [i < f.lead for i in range(n)]
    for i in range(n):
        if not codable[i]:
            continue
        keep[i] = True
        s = sketches[i]
        if i > 0 and s.lemmas & BACKWARD_PRONOUNS:
            keep[i - 1] = True  # pronouns look one sentence back
        if s.quoted and not s.lemmas & f.saying:
            _keep_speaker(sketches, i, f, keep)
        for j in (*_antecedents(sketches, i, f), *_introductions(sketches, i, f, keep)):
            keep[j] = True
    return Selection(keep=keep, codable=codable)


def _antecedents(sketches: Sequence[Sketch], i: int, f: SentenceFilter) -> list[int]:
    """For each definite reference of sentence ``i``, the nearest sentence before it, in the
    discourse stage's reach, that can name what it stands for: one with a name for "the group"
    or "the militants" (the named group), one with the same noun and a name for "the regime"
    or "the officials" ("the Assad regime", "Indian officials")."""
    s = sketches[i]
    wanted = [(noun, f.reference_reach, False) for noun in s.definite & f.references]
    wanted += [(noun, f.repeat_reach, True) for noun in s.definite & f.repeated]
    out: list[int] = []
    for noun, reach, same in wanted:
        for j in range(i - 1, max(-1, i - reach - 1), -1):
            earlier = sketches[j]
            if earlier.names and (not same or noun in earlier.lemmas):
                out.append(j)
                break
    return out


def _introductions(
    sketches: Sequence[Sketch], i: int, f: SentenceFilter, keep: list[bool]
) -> list[int]:
    """For each name sentence ``i`` uses alone ("Dempsey said") and no dictionary knows, the
    first sentence that gave it with the words before it ("Owen Dempsey, a chest doctor"),
    unless one that did is kept: the actor stage remembers a person by the full name and what
    it read of them there."""
    s = sketches[i]
    out: list[int] = []
    for name in s.names - s.full_names - f.actor_words:
        given = [j for j in range(i) if name in sketches[j].full_names]
        if given and not any(keep[j] for j in given):
            out.append(given[0])
    return out


def _codable(s: Sketch, f: SentenceFilter) -> bool:
    """The sentence holds words the coder reads, and someone who may be their actor."""
    words = s.lemmas
    trigger = _any_entry(words, f.entries, f.implied)
    speech = (s.quoted or bool(words & f.saying)) and _any_entry(words, f.said, frozenset())
    if not (trigger or speech):
        return False
    return s.quoted or bool(s.names) or bool(words & f.actor_words) or bool(words & PRONOUNS)


def _any_entry(
    words: frozenset[str], table: dict[str, tuple[tuple[str, ...], ...]], implied: frozenset[str]
) -> bool:
    """Some entry of the table has its first word and every word it needs among the words."""
    return any(
        any(all(w in words or w in implied for w in need) for need in table[first])
        for first in words & table.keys()
    )


def _keep_speaker(sketches: Sequence[Sketch], i: int, f: SentenceFilter, keep: list[bool]) -> None:
    """A quotation with no speaker of its own takes the speaker of the quotation it carries on
    ("“…,” she said. “…”"): keep the quotation sentences around it, up to ``quote_reach`` on
    each side, to the first one that has a word of saying (it names the speaker)."""
    for step in (-1, 1):
        j = i
        for _ in range(f.quote_reach):
            j += step
            if not 0 <= j < len(sketches) or not sketches[j].quoted:
                break
            keep[j] = True
            if sketches[j].lemmas & f.saying:
                break


# Quotation marks that open, close, or do either (as the speech rules read them).
OPENING = "“‘"
CLOSING = "”’"
EITHER = '"'
_MARKS = re.compile(f"[{OPENING}{CLOSING}{EITHER}]")


def quotation(text: str, inside: bool) -> tuple[bool, bool]:
    """Whether a sentence holds (or lies inside) a quotation, and whether one is still open at
    its end. ``inside``: the sentence starts within a quotation. "’" before a letter is an
    apostrophe ("Turkey’s"). Only the marks are visited (most sentences have none)."""
    open_ = inside
    seen = inside
    for mark in _MARKS.finditer(text):
        ch, i = mark.group(), mark.start()
        if ch == "’" and i + 1 < len(text) and text[i + 1].isalpha():
            continue
        if ch in OPENING or (ch in EITHER and not open_):
            open_, seen = True, True
        else:
            open_, seen = False, True
    return seen, open_
