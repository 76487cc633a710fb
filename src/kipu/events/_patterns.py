"""kipu's event pattern dictionary: reading ``patterns.tsv`` (and users' files in the same format).

One entry a line: ``code<TAB>pattern<TAB>note``; a code ``A:B`` also codes the target's act B
back to the source ("032:033": a visit, and the host receiving the visitor). A pattern is a
trigger lemma (``attack``, or a noun trigger ``n:attack``) followed by items matched against the
trigger's dependents in any order:

- ``+``            the target is the direct object;
- ``PREP +``       the target is the object of that preposition ("meet with +");
- ``any +``        the target is the first actor in the verb's complements after it: its object
                   with its modifiers, its prepositional phrases, the subject of a "that" clause
                   (PETRARCH's reading of a pattern that does not mark its target: "restored ties
                   with Gondor"); see ``# codes: as written`` below;
- ``PREP word``    a prepositional phrase with that object lemma must be present ("under arrest");
- ``PREP *``       a prepositional phrase with any object (not a date) must be present ("call for
                   *": called for something; the more specific "call for ceasefire" wins when it is
                   written first);
- ``<word``        a word written before the trigger in its clause or the clauses governing it, in
                   the order of the ``<`` items ("<not" in "did not clash", "<failed <to"); such a
                   pattern decides the event's mood itself (negation and modals are its words);
- ``%``            the conjoined subjects act on one another ("Peru and Chile agreed"); there
                   is no target slot;
- ``word``         a particle ("step up") or a word of the direct object phrase ("impose sanction");
                   ``xcomp`` stands for any open complement verb ("agree xcomp": agreed to act).

The most specific matching entry (most items satisfied) wins. See docs/stages/events.md.

A user's file may declare ``# codes: as written`` among its first comment lines (``kipu dict
import`` does for PETRARCH verb dictionaries): its entries are then read as PETRARCH reads them.
Codes are kept as written, even when they are not CAMEO codes (the WEIS codes of PETRARCH's
validation files), and never shifted to CAMEO's intent or threat codes; events with a code outside
CAMEO carry Goldstein 0.0, QuadClass 0 and no PLOVER mapping. An entry's words are forms as
written ("efforts" is not "effort"), anywhere in the verb phrase after the verb (``word_word``:
next to each other), a prepositional target slot is read there too, a verb's forms as written
match ("left" for a LEFT block), and an unresolved subject phrase takes the actor named inside
it ("Ithilen's militia").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path

from kipu.errors import DictionaryError
from kipu.events.codebook import load_codebook

# Prepositions a pattern may name (spaCy's English `prep` children carry these lemmas).
PREPOSITIONS = frozenset(
    "about against among as at between by for from in into of on onto over through to toward "
    "towards under upon with within".split()
)
BUNDLED = "patterns.tsv"
# The object word of "PREP *": any object ("call for *": called for something).
ANY_OBJECT = "*"
# The target item of a pattern whose target is whichever complement names an actor ("any +").
ANY_SLOT = "any"
# The first line of a kipu dictionary may declare its kind ("# kipu: patterns", "# kipu: agents");
# `--dictionary` takes files of every kind, so the event stage reads only its own.
KIND_PREFIX = "# kipu:"
KIND = "patterns"
# The declaration that a file's codes are kept as written (see the module's docstring).
ANY_CODES = "# codes: as written"


@dataclass(frozen=True, slots=True, kw_only=True)
class Pattern:
    """One dictionary entry."""

    code: str
    trigger: str  # lemma
    nominal: bool  # a noun trigger ("n:attack")
    target_prep: (
        str | None
    )  # the preposition whose object is the target; None for the direct object
    has_target: bool
    words: tuple[str, ...]  # particles or direct-object words that must be present
    prep_words: tuple[
        tuple[str, str], ...
    ]  # (preposition, object lemma) pairs that must be present
    text: str  # the pattern as written
    where: str  # "patterns.tsv:123"
    as_written: bool = False  # a file declaring "# codes: as written" (PETRARCH's reading)
    before: tuple[str, ...] = ()  # words that must precede the trigger, in order ("<word" items)
    reverse: str | None = None  # "032:033": the code of the target's act back to the source
    mutual: bool = False  # "%": conjoined subjects act on one another

    @property
    def n_items(self) -> int:
        # Words joined by "_" count one each ("<most_certainly_did_n't" is four words).
        n = sum(len(w.rstrip("_").split("_")) for w in (*self.words, *self.before))
        n += len(self.prep_words) + self.mutual
        return n + (1 if self.has_target else 0)


@dataclass(slots=True)
class PatternIndex:
    """Patterns by trigger lemma, verbs and nouns apart."""

    verbs: dict[str, list[Pattern]] = field(default_factory=lambda: defaultdict(list))
    nouns: dict[str, list[Pattern]] = field(default_factory=lambda: defaultdict(list))
    n_patterns: int = 0
    sources: list[str] = field(default_factory=list)
    as_written: bool = False  # some file declares "# codes: as written"


def parse_pattern(code: str, text: str, where: str) -> Pattern:
    """One pattern string → Pattern; raises DictionaryError naming the line on a bad pattern."""
    items = text.split()
    if not items:
        raise DictionaryError(f"{where}: empty pattern")
    trigger = items[0].lower()
    nominal = trigger.startswith("n:")
    if nominal:
        trigger = trigger[2:]
    if not trigger or trigger in ("+",):
        raise DictionaryError(f"{where}: pattern {text!r} must start with a trigger lemma")
    words: list[str] = []
    before: list[str] = []
    mutual = False
    prep_words: list[tuple[str, str]] = []
    target_prep: str | None = None
    has_target = False
    rest = [w.lower() for w in items[1:]]
    i = 0
    while i < len(rest):
        item = rest[i]
        if item == "+":
            if has_target:
                raise DictionaryError(f"{where}: pattern {text!r} has two target slots '+'")
            has_target = True
            i += 1
        elif item == "%":
            mutual = True
            i += 1
        elif item.startswith("<") and len(item) > 1:
            before.append(item[1:])
            i += 1
        elif item == ANY_SLOT and i + 1 < len(rest) and rest[i + 1] == "+":
            if has_target:
                raise DictionaryError(f"{where}: pattern {text!r} has two target slots '+'")
            has_target, target_prep = True, ANY_SLOT
            i += 2
        elif item in PREPOSITIONS and i + 1 < len(rest):
            nxt = rest[i + 1]
            if nxt == "+":
                if has_target:
                    raise DictionaryError(f"{where}: pattern {text!r} has two target slots '+'")
                has_target, target_prep = True, item
            else:
                prep_words.append((item, nxt))
            i += 2
        else:
            words.append(item)
            i += 1
    return Pattern(
        code=code,
        trigger=trigger,
        nominal=nominal,
        target_prep=target_prep,
        has_target=has_target,
        words=tuple(words),
        prep_words=tuple(prep_words),
        before=tuple(before),
        mutual=mutual,
        text=text,
        where=where,
    )


def _declares_any_codes(text: str) -> bool:
    """True when the file's leading comment lines hold ``# codes: as written``."""
    for line in text.splitlines():
        if not line.startswith("#"):
            return False
        if line.strip().lower() == ANY_CODES:
            return True
    return False


def _read(text: str, name: str, index: PatternIndex) -> None:
    book = load_codebook()
    any_codes = name != BUNDLED and _declares_any_codes(text)
    index.as_written = index.as_written or any_codes
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2:
            raise DictionaryError(
                f"{name}:{lineno}: expected 'code<TAB>pattern<TAB>note', got {line.strip()[:60]!r}"
            )
        code, pattern_text = cols[0].strip(), cols[1].strip()
        if code == "code" and pattern_text == "pattern":
            continue
        code, _, reverse = code.partition(":")
        if reverse and reverse not in book and not (any_codes and reverse.isalnum()):
            raise DictionaryError(f"{name}:{lineno}: {reverse!r} is not a CAMEO event code")
        if code not in book and not (any_codes and code.isalnum()):
            raise DictionaryError(f"{name}:{lineno}: {code!r} is not a CAMEO event code")
        pattern = parse_pattern(code, pattern_text, f"{name}:{lineno}")
        if any_codes or reverse:
            pattern = replace(pattern, as_written=any_codes, reverse=reverse or None)
        table = index.nouns if pattern.nominal else index.verbs
        table[pattern.trigger].append(pattern)
        index.n_patterns += 1
    index.sources.append(name)


def _bundled_last(pattern: Pattern) -> bool:
    return pattern.where.startswith(BUNDLED + ":")


def declared_kind(text: str) -> str | None:
    """The kind a dictionary's first line declares ("# kipu: patterns"), or None."""
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip()
    if first.lower().startswith(KIND_PREFIX):
        return first[len(KIND_PREFIX) :].strip().lower() or None
    return None


@cache
def load_patterns(extra: tuple[str, ...] = (), bundled: bool = True) -> PatternIndex:
    """The bundled patterns plus users' files (later files add to, never remove, earlier ones);
    without ``bundled``, the users' files alone (an imported dictionary coding as it was meant)."""
    index = PatternIndex()
    if bundled:
        own = resources.files("kipu.events.data").joinpath(BUNDLED).read_text(encoding="utf-8")
        _read(own, BUNDLED, index)
    for path in extra:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as e:
            raise DictionaryError(f"{path}: cannot read pattern dictionary: {e.strerror}") from e
        kind = declared_kind(text)
        if kind is not None and kind != KIND:
            continue  # another stage's dictionary (agents, actors ...)
        _read(text, path, index)
    # Users' entries must win ties with bundled ones: put them first for each trigger.
    for table in (index.verbs, index.nouns):
        for trigger, patterns in table.items():
            table[trigger] = sorted(patterns, key=_bundled_last)
    return index
