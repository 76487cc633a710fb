"""Statements coded by what is said: criticism, accusation, praise, outlook, threats, appeals.

CAMEO codes a statement by its content, and real news reports most political acts as speech:
"“It is unacceptable,” the minister said" is criticism (111), "the spokesman said the strikes
were a war crime" an accusation (112), "she said she was confident the talks would succeed"
optimism (013). Attribution alone ("officials said the convoy arrived") is no event: the act
reported is coded by the coder with its own actors, and the speaker only vouches for it.

This module reads the words said against ``data/speech.tsv`` (:func:`classify`): the kind of
speech act and the word that shows it, and the actor it is about. The rest of the work is in
modules of its own, whose names the coder imports from here:

- ``_said.py``: who speaks and which words are theirs (:func:`find_speech`), and the speakers of
  a quotation carried over sentences (:func:`quote_speakers`);
- ``_spoken_of.py``: whom a statement is about, and which words stand for its speakers;
- ``_own_acts.py``: the speakers' own acts announced (intent, refusal, threat of force).

Written by hand: no library codes political speech acts, and the lexicon is kipu's data.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from kipu.events._mood import NEGATIONS
from kipu.events._own_acts import (
    COMING,
    COMMENT_VERBS,
    OPERATION_NOUNS,
    OPERATION_VERBS,
    PLANNING_VERBS,
    ActRoots,
    conditional,
    force_announced,
    own_plan,
    to_come,
)
from kipu.events._said import (
    ATTITUDE_ADJECTIVES,
    ATTITUDE_NOUNS,
    FEELING_VERBS,
    NAMING_VERBS,
    QUOTE_REACH,
    SAYING_VERBS,
    VOICING_VERBS,
    WARNING_VERBS,
    MentionAt,
    Quoted,
    Said,
    find_speech,
    quote_speakers,
)
from kipu.events._spoken_of import (
    ACT_NOUNS,
    about_speaker,
    actor_of_phrase,
    charged_actor,
    first_person,
    held_by_speaker,
    judged_noun,
    names_other,
    place_targets,
    reference_to_act,
    stands_for_speaker,
    targets_of,
)
from kipu.events._tree import OBJECT_DEPS, Tree
from kipu.records import Mention

# Names other modules import from here (the coder, ``kipu explain``, the trigger vocabulary).
__all__ = [
    "ACT_NOUNS",
    "ALLEGING_VERBS",
    "ATTITUDE_ADJECTIVES",
    "ATTITUDE_NOUNS",
    "COMING",
    "COMMENT_VERBS",
    "NAMING_VERBS",
    "OPERATION_NOUNS",
    "OPERATION_VERBS",
    "PLANNING_VERBS",
    "QUOTE_REACH",
    "SAYING_VERBS",
    "WARNING_VERBS",
    "Lexicon",
    "MentionAt",
    "Quoted",
    "Said",
    "Verdict",
    "classify",
    "find_speech",
    "first_person",
    "load_speech",
    "quote_speakers",
]

# Heads whose "as"/"to" object is a predicate: "described it as a sham", "amounts to a crime".
PREDICATING_HEADS = frozenset(
    "describe call brand label regard see view treat denounce dismiss amount tantamount "
    "equivalent akin tantamount characterise characterize consider liken compare".split()
)
# Nouns of something asked or offered: judged badly, they are rejected ("demands for the
# militias to leave are unrealistic" is CAMEO's rejection, 12, not criticism).
PROPOSAL_NOUNS = frozenset(
    "demand proposal offer request call ultimatum condition precondition suggestion".split()
)
# Verbs of judgement the speakers make in saying them ("we condemn", "I deplore").
SPEAKERS_OWN_JUDGEMENTS = frozenset(
    "condemn denounce criticise criticize deplore reject blame accuse".split()
)
# Charges that name whom they charge: the subject must be an actor.
CHARGES_ON_ACTORS = frozenset({("responsible", "for"), ("responsibility", "for")})
# Kinds that are the speakers' own act announced.
OWN_ACTS = frozenset({"intent", "refusal", "threat", "yield"})
# Of these, the acts whose clause's subject does them: another actor as that subject makes the
# act that actor's ("said Trump will not stand in the way"). A threat's subject is as often the
# one threatened ("said Damascus would face consequences").
OTHERS_ACT_KINDS = frozenset({"intent", "refusal", "yield"})
# Kinds that judge something: the thing judged must be an act, an actor or what was said.
JUDGEMENTS = frozenset({"criticism", "accusation", "praise", "appeal", "defence"})
# Nouns that are described rather than judged: "a dangerous situation", "a complex problem".
NOT_JUDGED = frozenset(
    "situation problem issue condition conditions time times place area region road journey "
    "life world weather period moment environment circumstance task job challenge".split()
)
# What someone said of someone: judged false, it is denied ("Moscow's accusation is ludicrous"
# is a denial, 016).
CLAIMS = frozenset("accusation allegation claim charge suggestion assertion".split())
# Words that stand for an unnamed thing: "what is necessary".
WH_WORDS = frozenset({"what", "whatever", "which", "who"})
# Verbs of saying that charge someone: "alleged that the court had been bribed".
ALLEGING_VERBS = frozenset({"allege"})
# Kinds that "according to X" can make: a judgement; attribution of facts is no statement.
ACCORDING_KINDS = frozenset({"criticism", "accusation", "praise", "rejection", "denial"})
# The CAMEO code each kind of statement is coded with.
KIND_CODES = {
    "criticism": "111",
    "accusation": "112",
    "denial": "016",
    "praise": "051",
    "optimism": "013",
    "pessimism": "012",
    "threat": "138",
    "appeal": "020",
    "disapproval": "110",
    "warning": "130",
    "rejection": "120",
    "intent": "030",
    "refusal": "120",
    "no comment": "011",
    "demand": "100",
    "meeting": "036",
    "yield": "035",
    "defence": "052",
}
# Which kind a statement is when two words nearest its root make different kinds.
PRECEDENCE = (
    "threat",
    "rejection",
    "accusation",
    "criticism",
    "appeal",
    "disapproval",
    "pessimism",
    "praise",
    "optimism",
    "warning",
    "denial",
    "intent",
    "refusal",
    "no comment",
    "demand",
    "meeting",
    "yield",
    "defence",
)
# Kinds that are an attitude someone holds: coded only when the speakers hold it.
ATTITUDES = frozenset({"pessimism", "optimism", "disapproval"})
# Kinds that, negated, turn into criticism ("not credible", "not a very smart idea").
POSITIVE = frozenset({"praise", "optimism"})


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a statement is: its kind and code, the word that shows it, and whom it is about."""

    kind: str
    code: str
    word: int  # token index of the word (first word of a phrase)
    phrase: str
    targets: tuple[Mention, ...]  # the actors it is about (may be empty)
    # With no target named: the token of an act the words refer back to ("this decision", "it
    # is unacceptable"), whose doer the coder may find in the sentences before; else None.
    refers_back: int | None = None
    # An act said of another actor ("said Trump will not stand in the way"): that actor does
    # it, not the speakers; empty when the speakers do.
    doers: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The speech dictionary: phrases (tuples of lemmas) by kind."""

    by_first: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # first word → (phrase, kind)


@cache
def load_speech() -> Lexicon:
    """The bundled speech dictionary (``data/speech.tsv``)."""
    text = resources.files("kipu.events.data").joinpath("speech.tsv").read_text(encoding="utf-8")
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, phrase, *_ = line.split("\t")
        if kind not in KIND_CODES:
            raise ValueError(f"speech.tsv: unknown kind {kind!r}")
        words = tuple(phrase.lower().split())
        by_first.setdefault(words[0], []).append((words, kind))
    return Lexicon(by_first={k: tuple(v) for k, v in by_first.items()})


def classify(
    tree: Tree,
    said: Said,
    mention_at: MentionAt,
    act_roots: ActRoots | None = None,
    lexicon: Lexicon | None = None,
) -> Verdict | None:
    """The kind of speech act the words said make, or None when they make none."""
    lexicon = lexicon or load_speech()
    # Punctuation is skipped: "a “difficult conversation”" holds the phrase.
    content = tuple(i for i in said.content if tree.tokens[i].pos != "PUNCT")
    lemmas = [_word(tree, i) for i in content]
    found: dict[str, tuple[int, tuple[str, ...]]] = {}
    doers: dict[str, Mention] = {}
    for n, lemma in enumerate(lemmas):
        for phrase, kind in lexicon.by_first.get(lemma, ()):
            if not _phrase_at(lemmas, n, phrase):
                continue
            i = content[n]
            if kind in OTHERS_ACT_KINDS:
                doer = _other_doer(tree, i, said, mention_at)
                if doer is not None:
                    # "Erdoğan said Trump will not stand in the way": Trump's act, reported
                    doers.setdefault(kind, doer)
            if len(phrase) == 1 and not (_judging(tree, i) and _predicative(tree, i)):
                continue
            if len(phrase) == 1 and tree.tokens[i].pos == "VERB":
                if not _verb_judges(tree, i, kind, said, mention_at):
                    continue  # "a decision hailed by Moscow": Moscow's act, reported
            negated = _negated(tree, i) and "not" not in phrase
            if negated and kind in POSITIVE:
                kind = "criticism"
            elif negated and kind == "accusation" and about_speaker(tree, i, said):
                kind = "denial"
            elif negated:
                continue
            if kind in ATTITUDES and not held_by_speaker(tree, i, said, mention_at):
                continue  # "she said he was angered by ...": not the speaker's attitude
            if len(phrase) == 1 and kind in ATTITUDES and not _attitude_word(tree, i):
                continue  # "everyone concerned", "concerning the wives": no attitude voiced
            judged = judged_noun(tree, i)
            if kind in JUDGEMENTS and judged is not None:
                if tree.tokens[judged].lemma in NOT_JUDGED:
                    continue  # "a dangerous situation", "a complex problem": described
                if stands_for_speaker(tree, judged, said, mention_at):
                    continue  # "described herself as arrogant"
                if kind in ("criticism", "accusation") and tree.tokens[judged].lemma in CLAIMS:
                    kind = "denial"  # "Moscow's accusation is ludicrous": the charge denied
            if (
                kind == "rejection"
                and tree.tokens[i].pos == "VERB"
                and any(tree.tokens[o].lemma in CLAIMS for o in tree.children(i, *OBJECT_DEPS))
            ):
                kind = "denial"  # "rejecting an accusation by Russia"
            if phrase in CHARGES_ON_ACTORS and not charged_actor(tree, i, said, mention_at):
                continue  # "the branch responsible for", "whoever is responsible"
            if kind == "appeal" and judged is not None and tree.tokens[judged].lemma in WH_WORDS:
                continue  # "will do what is necessary"
            if kind == "appeal" and len(phrase) == 1 and tree.children(i, "xcomp"):
                continue  # "it was essential to be clear-eyed": no one is asked
            if (
                kind == "appeal"
                and tree.tokens[i].pos == "ADJ"
                and any(tree.tokens[p].lemma in ("to", "for") for p in tree.children(i, "prep"))
            ):
                continue  # "troops vital to our interests", "crucial to its recovery"
            if kind == "optimism" and not _outlook_ahead(tree, i):
                continue  # "confident that he has spent time there": sure of a fact
            if kind == "threat" and tree.tokens[i].pos == "VERB" and not to_come(tree, i):
                continue  # "the group was trying to wipe out its critics": no threat made
            if kind == "denial" and len(phrase) > 1 and not about_speaker(tree, i, said):
                continue  # "they had nothing to do with it", of others
            if kind not in ("threat", "appeal") and conditional(tree, i, said):
                continue  # "if the rebels govern the city, there are concerns"
            found.setdefault(kind, (i, phrase))
    if said.trigger is not None and (
        tree.tokens[said.trigger].pos in ("ADJ", "NOUN")
        or tree.tokens[said.trigger].text.lower() in ATTITUDE_ADJECTIVES
        or said.via in FEELING_VERBS
    ):
        # The attitude word itself ("unhappy", "a rebuke by", "Trump's warning"): its own kind.
        own = _own_kind(tree, said.trigger, lexicon)
        if own is not None:
            found[own] = (said.trigger, (tree.tokens[said.trigger].lemma,))
    if "criticism" in found:
        i, phrase = found["criticism"]
        judged = judged_noun(tree, i)
        if judged is not None and tree.tokens[judged].lemma in PROPOSAL_NOUNS:
            # "demands for the militias to leave are unrealistic": the demand is rejected.
            del found["criticism"]
            found.setdefault("rejection", (i, phrase))
    force = force_announced(tree, said, mention_at)
    if force is not None:
        found.setdefault("threat", force)
    if not found:
        own = own_plan(tree, said, mention_at, act_roots or (lambda i: frozenset()))
        if own is not None:
            found[own[0]] = own[1]
    if not found and said.trigger is not None:
        lemma = tree.tokens[said.trigger].lemma
        if lemma in ALLEGING_VERBS and names_other(tree, content, said, mention_at):
            found["accusation"] = (said.trigger, (lemma,))
        elif lemma in WARNING_VERBS:
            others = names_other(tree, content, said, mention_at)
            found["warning" if others else "pessimism"] = (said.trigger, (lemma,))
    if said.via == "according to":
        found = {k: v for k, v in found.items() if k in ACCORDING_KINDS}
    if not found:
        return None
    order = {kind: n for n, kind in enumerate(PRECEDENCE)}
    roots = _roots(tree, said)
    # The word nearest the root of what is said decides ("is confident that X will be an
    # important contribution" is optimism); precedence breaks ties.
    kind = min(found, key=lambda k: (_depth(tree, found[k][0], roots), order[k]))
    i, phrase = found[kind]
    doer = doers.get(kind)
    # (an act said of another actor is about whoever it is done to, the speakers included)
    about = said if doer is None else replace(said, speakers=(doer,))
    targets: list[Mention] = [] if kind == "denial" else targets_of(tree, i, about, mention_at)
    if kind in OWN_ACTS:
        # the speakers' own plan: its target is another state, not their own forces ("its
        # troops will remain in Ecuador": Ecuador)
        acting = [doer] if doer is not None else said.speakers
        countries = {sp.actor.country for sp in acting if sp.actor.country}
        targets = [t for t in targets if t.actor.country not in countries]
        if not targets:
            targets = place_targets(tree, i, countries)
    back = None if targets or kind not in JUDGEMENTS else reference_to_act(tree, i, said)
    return Verdict(
        kind,
        KIND_CODES[kind],
        i,
        " ".join(phrase),
        tuple(targets),
        back,
        (doer,) if doer is not None else (),
    )


def _other_doer(tree: Tree, i: int, said: Said, mention_at: MentionAt) -> Mention | None:
    """The actor who does an act said (an intent, a refusal, a yielding) when the clause's
    subject is another actor than the speakers; None when the speakers do it."""
    node = i
    for _ in range(3):
        tok = tree.tokens[node]
        if tok.head == node or (tok.pos == "VERB" and tok.dep not in ("aux", "auxpass")):
            break
        node = tok.head  # "will" / "not" of "will not stand in the way": up to the verb
    subjects = tree.children(node, "nsubj")
    if not subjects or stands_for_speaker(tree, subjects[0], said, mention_at):
        return None
    found = actor_of_phrase(tree, subjects[0], mention_at)
    return found if found is not None and found.actor.code is not None else None


def _verb_judges(tree: Tree, v: int, kind: str, said: Said, mention_at: MentionAt) -> bool:
    """A single verb of the lexicon counts as the speakers' judgement: an attitude of their own
    ("we fear", "I worry"), or a charge laid on another actor's act ("said Moscow had
    betrayed", "said the rebels had violated") — not an act of others reported ("a decision
    hailed by Moscow"), nor one in a relative clause ("anyone who criticised them")."""
    t = tree.tokens[v]
    if t.dep == "relcl":
        return False
    subjects = tree.children(v, "nsubj")
    if kind == "defence":  # "the strikes were justified": the act defended is the subject
        return bool(tree.children(v, "nsubjpass"))
    if kind in ATTITUDES or kind in ("praise", "rejection", "denial"):
        return bool(subjects) and stands_for_speaker(tree, subjects[0], said, mention_at)
    if kind in ("criticism", "accusation"):
        if not subjects:
            return not tree.children(v, "nsubjpass")
        s = subjects[0]
        if stands_for_speaker(tree, s, said, mention_at):
            return t.lemma in SPEAKERS_OWN_JUDGEMENTS  # "we condemn", "I criticise"
        found = actor_of_phrase(tree, s, mention_at)
        return found is not None and found.actor.code is not None
    return True


def _outlook_ahead(tree: Tree, i: int) -> bool:
    """An outlook is about what is to come: "confident that the talks will succeed", "hopeful",
    "confident of victory" — not "confident that he has spent time there"."""
    clauses = tree.children(i, "ccomp")
    if not clauses:
        return True
    for c in clauses:
        marks = {tree.tokens[a].lemma for a in tree.kids[c] if tree.tokens[a].dep == "aux"}
        if marks & COMING or tree.tokens[c].tag == "VB":
            return True
    return False


def _predicative(tree: Tree, i: int) -> bool:
    """A single adjective or noun judges where it is said of something: as a predicate ("is
    unacceptable", "was a sham", "found them inexcusable"), the object of a naming or amounting
    word ("described as provocative", "amounts to a war crime"), an attitude voiced ("expressed
    concern"), or a modifier of such a word ("a blatant attack", "a dangerous departure")."""
    t = tree.tokens[i]
    if t.pos == "VERB":
        return True
    for _ in range(3):
        if t.dep in ("attr", "acomp", "oprd", "appos", "xcomp", "ccomp") or t.head == t.i:
            return True
        if t.dep == "conj":  # "provocative and unilateral": as its first conjunct is
            t = tree.tokens[t.head]
            continue
        head = tree.tokens[t.head]
        if t.dep in ("dobj", "obj") and head.lemma in VOICING_VERBS:
            return True  # "expressed concern"
        if (
            t.dep in ("pobj", "amod", "acomp")
            and head.lemma in ("as", "to")
            and head.head != head.i
        ):
            named = tree.tokens[head.head]
            if named.lemma in PREDICATING_HEADS:
                return True
            if (
                named.dep in ("dobj", "obj")
                and named.head != named.i
                and tree.tokens[named.head].lemma in PREDICATING_HEADS
            ):
                return True  # "described the move as provocative", "as" hung on the object
        if t.dep == "nsubj" and t.pos == "NOUN" and head.lemma in ("mark", "be"):
            return head.lemma == "mark"  # "the talks were marked by anger"
        if t.dep not in ("amod", "compound", "advmod"):
            return False
        t = head
    return False


def _attitude_word(tree: Tree, i: int) -> bool:
    """A word of attitude voiced as one: a verb ("we fear", "I worry"), a predicate adjective
    ("we are concerned"), a noun voiced ("expressed concern", "our fear", "concerns that") —
    not a participle of a noun ("everyone concerned") or a preposition ("concerning")."""
    t = tree.tokens[i]
    if t.text.lower().endswith("ing") and t.pos in ("VERB", "ADP") and t.dep == "prep":
        return False
    if t.pos == "VERB":
        return bool(tree.children(i, "nsubj"))
    if t.pos == "ADJ":
        return t.dep in ("acomp", "attr", "oprd", "xcomp", "ccomp", "conj", "ROOT") or t.head == i
    if t.pos == "NOUN":
        return True
    return t.pos == "ADV"


def _own_kind(tree: Tree, i: int, lexicon: Lexicon) -> str | None:
    """The kind the attitude word of a speech act makes by itself ("unhappy", "a rebuke by",
    "Trump's warning"): its kind as an attitude noun, else as a one-word entry."""
    lemma = tree.tokens[i].lemma.lower()
    if lemma in ATTITUDE_NOUNS:
        return ATTITUDE_NOUNS[lemma]
    for phrase, kind in lexicon.by_first.get(lemma, ()):
        if len(phrase) == 1:
            return kind
    return None


def _word(tree: Tree, i: int) -> str:
    """The form a token is matched against the dictionary by: its lemma, a name's text."""
    t = tree.tokens[i]
    return t.lemma.lower() if t.pos not in ("PROPN",) else t.text.lower()


def _judging(tree: Tree, i: int) -> bool:
    """A single word judges only as a content word (not a name, not part of one)."""
    t = tree.tokens[i]
    return t.pos in ("ADJ", "NOUN", "VERB", "ADV") and not t.ent


def _negated(tree: Tree, i: int) -> bool:
    """The word, or the clause it is the predicate of, is negated ("not credible", "is not a
    smart idea", "no crime", "did not violate")."""
    node = i
    for _ in range(3):
        for c in tree.kids[node]:
            ct = tree.tokens[c]
            if ct.dep == "neg" or (ct.dep == "det" and ct.lemma == "no"):
                return True
            if ct.lemma.lower() in NEGATIONS and ct.dep in ("advmod", "neg", "nummod", "det"):
                return True  # "not", "never", "no doubt" (the parse may take "no" as a number)
        tok = tree.tokens[node]
        if tok.dep not in ("acomp", "attr", "amod", "xcomp", "dobj", "pobj", "prep") or (
            tok.head == node
        ):
            return False
        node = tok.head
    return False


def _phrase_at(lemmas: list[str], n: int, phrase: tuple[str, ...]) -> bool:
    """The phrase's words at position ``n``; ``*`` stands for any one word ("stab * in the
    back": "stabbed us in the back")."""
    if n + len(phrase) > len(lemmas):
        return False
    return all(w == "*" or w == lemmas[n + k] for k, w in enumerate(phrase))


def _roots(tree: Tree, said: Said) -> set[int]:
    """The tokens of what is said whose head is outside it (the clause roots)."""
    content = set(said.content)
    return {i for i in content if tree.tokens[i].head not in content or tree.tokens[i].head == i}


def _depth(tree: Tree, i: int, roots: set[int]) -> int:
    """How many heads up token ``i`` is from a root of what is said (at most 20)."""
    depth = 0
    node = i
    while node not in roots and depth < 20:
        if tree.tokens[node].head == node:
            break
        node = tree.tokens[node].head
        depth += 1
    return depth
