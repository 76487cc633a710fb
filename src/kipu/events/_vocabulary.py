"""The words the event coder reads: what a sentence must hold for the coder to find anything.

A cheap pass before the parse (``kipu.prefilter``) keeps only the sentences that may hold an
event. It must follow the dictionaries as they change, so it reads them through this module
rather than keeping lists of its own: the trigger lemmas of every pattern entry with the words
each entry needs (``load_patterns``, users' files included), the speech dictionary
(``data/speech.tsv``), and the word sets by which the coder finds speech and reads what is said
(``_speech.py``, ``_coder.py``).

Everything here is a necessary condition, never a sufficient one: a sentence that holds none of
these words codes nothing, whatever its parse; one that holds them may still code nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kipu.events import _coder, _mood, _speech
from kipu.events._patterns import ANY_OBJECT, ANY_SLOT, Pattern, load_patterns

# Pattern words the coder finds without the word being written: "xcomp" is any open complement
# verb, "that" a reported clause ("that" is often left out), "money" any amount of money
# ("granted €45m"); "*" any object of a preposition.
IMPLIED_WORDS = frozenset({_coder.XCOMP_WORD, _coder.CCOMP_WORD, "money", ANY_OBJECT})
# Words of what is said that the speech rules read besides the speech dictionary: modal and
# future auxiliaries (the speakers' own plans, "said it would withdraw"; demands and appeals,
# "said Iran must release"), and the verbs of plans, comments, warnings, allegations and armed
# operations that the rules name.
_RULE_WORDS = (
    _speech.COMING
    | _mood.FUTURE_AUX
    | _mood.POSSIBLE_AUX
    | _speech.PLANNING_VERBS
    | _speech.COMMENT_VERBS
    | _speech.WARNING_VERBS
    | _speech.ALLEGING_VERBS
    | _speech.OPERATION_VERBS
    | _speech.OPERATION_NOUNS
    | _speech.WARNING_VERBS
    | _speech.ACT_NOUNS
)


@dataclass(frozen=True, slots=True)
class TriggerVocabulary:
    """The coder's words, as lower-case lemmas (phrases split into words)."""

    # Trigger lemma (verb or noun) → the words each of its entries needs besides the trigger
    # (an entry with no words needs only its trigger and actors).
    entries: dict[str, tuple[tuple[str, ...], ...]]
    # Words that open what someone says or feels: verbs of saying, attitude adjectives and
    # nouns, "according" (to X).
    saying: frozenset[str]
    # What can make words said a statement, by first word → the words each phrase needs besides
    # it: the speech dictionary's phrases ("out of the question"), attitude words, and the
    # words the speech rules read.
    said: dict[str, tuple[tuple[str, ...], ...]]
    # Words that pattern entries may need without their being written (see IMPLIED_WORDS).
    implied: frozenset[str] = IMPLIED_WORDS
    # How many sentences a quotation's speaker is carried over (before or after).
    quote_reach: int = _speech.QUOTE_REACH


@cache
def trigger_vocabulary(
    dictionaries: tuple[str, ...] = (), bundled: bool = True
) -> TriggerVocabulary:
    """The words the coder reads with these pattern files (and kipu's own, unless not
    ``bundled``); the speech words only when bundled, as the coder reads speech only then."""
    index = load_patterns(tuple(dictionaries), bundled)
    entries: dict[str, set[tuple[str, ...]]] = {}
    for table in (index.verbs, index.nouns):
        for trigger, patterns in table.items():
            entries.setdefault(trigger, set()).update(_needed(p) for p in patterns)
    saying: set[str] = set()
    said: dict[str, set[tuple[str, ...]]] = {}
    if bundled:
        saying |= (
            _speech.SAYING_VERBS
            | _speech.NAMING_VERBS
            | _speech.ATTITUDE_ADJECTIVES
            | set(_speech.ATTITUDE_NOUNS)
            | _coder.SPEECH_VERBS
            | {"according"}
        )
        for first, phrases in _speech.load_speech().by_first.items():
            # "*" stands for any one word ("stab * in the back"): it needs nothing written
            said.setdefault(first, set()).update(
                tuple(w for w in p[1:] if w != "*") for p, _ in phrases
            )
        for word in set(_speech.ATTITUDE_NOUNS) | _speech.ATTITUDE_ADJECTIVES | _RULE_WORDS:
            said.setdefault(word, set()).add(())
    return TriggerVocabulary(
        entries={t: tuple(sorted(needs)) for t, needs in entries.items()},
        saying=frozenset(saying),
        said={w: tuple(sorted(needs)) for w, needs in said.items()},
    )


def _needed(pattern: Pattern) -> tuple[str, ...]:
    """The words an entry needs in its sentence besides its trigger and its actors: particles,
    object words and the objects of its prepositional phrases ("impose sanction", "under
    arrest"), and the preposition of its target when a verb's entry has nothing else ("look
    into +": a verb entry with an empty target slot and no words is not matched). Words before
    the trigger ("<not") only narrow an entry and are left out."""
    words: list[str] = []
    for w in (*pattern.words, *(obj for _, obj in pattern.prep_words)):
        words.extend(part for part in w.lower().split("_") if part)
    if (
        not words
        and not pattern.nominal
        and pattern.target_prep is not None
        and pattern.target_prep != ANY_SLOT
    ):
        words.append(pattern.target_prep)
    return tuple(sorted({w for w in words if w not in IMPLIED_WORDS}))
