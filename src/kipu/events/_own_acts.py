"""The speakers' own acts announced: what they say they will or will not do.

"Turkey said it would stall its offensive" is an intent (03x), "the groups said they will not
attend" a refusal (12x), "would not speculate" declining to comment (011), and "we will destroy
all terror nests" or "said the operation would continue" a threat of force (13x)
(:func:`own_plan`, :func:`force_announced`). An act said under a condition is no plan, nor a
judgement (:func:`conditional`); a threat is an act to come (:func:`to_come`, "vowed to crush").
"""

from __future__ import annotations

from collections.abc import Callable

from kipu.events._mood import CONDITIONAL_MARKS
from kipu.events._said import SAYING_VERBS, MentionAt, Said
from kipu.events._spoken_of import names_other, stands_for_speaker
from kipu.events._tree import OBJECT_DEPS, Tree

# Nouns of an armed operation: announced as going on or to come by a state, a threat of force.
OPERATION_NOUNS = frozenset(
    "operation offensive attack assault strike airstrike incursion campaign bombardment "
    "invasion".split()
)
# Verbs by which an operation starts or goes on ("the operation would continue").
OPERATION_VERBS = frozenset("start begin continue resume launch expand extend proceed".split())
# Modal words of an act to come or that may come.
COMING = frozenset({"will", "would", "shall", "'ll", "wo", "could", "may", "might", "can"})
# Verbs that name no act of the speakers' own when they say they will do them: states, thoughts,
# happenings ("it would be difficult", "it would take time", "we will see").
NOT_ACTS = frozenset(
    "be have seem become look feel think know believe expect hope want need see hear "
    "mean happen occur take make cost last depend matter tend appear sound wait try "
    "continue come go get like love say tell add do run report review study consider "
    "announce publish brief decide".split()
)
# Verbs of comment: saying one will not is declining to comment (011).
COMMENT_VERBS = frozenset("speculate comment elaborate confirm discuss disclose reveal".split())
# Verbs of saying: what they report is the speakers' own plan when its subject is the speakers.
PLANNING_VERBS = frozenset({"plan", "intend", "aim", "prepare", "decide", "resolve"})
# Roots of acts whose announcement is a threat (force, coercion, sanctions, protest) or an
# intent to cooperate.
FORCE_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})
COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
# The CAMEO roots the pattern dictionary gives a verb and the act nouns of its phrase.
ActRoots = Callable[[int], frozenset[str]]


def own_plan(
    tree: Tree, said: Said, mention_at: MentionAt, act_roots: ActRoots
) -> tuple[str, tuple[int, tuple[str, ...]]] | None:
    """ "Turkey said it would stall its offensive", "the groups said they will not attend":
    the speakers announce an act of their own (CAMEO 03x, intent; 12x, refusal, when they say
    they will not). Only for an act: not for states, thoughts or happenings ("it would be
    difficult"), and only when the speakers (or their own state's forces) are its subject."""
    content = set(said.content)
    for i in sorted(content):
        t = tree.tokens[i]
        if t.pos != "VERB" or t.lemma in NOT_ACTS or t.lemma in SAYING_VERBS:
            continue
        if t.dep not in ("ccomp", "conj", "xcomp") and t.head != i and t.head in content:
            continue  # only the clauses of what is said, not their modifiers
        marks = {tree.tokens[c].lemma for c in tree.kids[i] if tree.tokens[c].dep == "aux"}
        if "have" in marks:
            continue  # "would not have worn masks": what would have been, not a plan
        planned = t.dep == "xcomp" and tree.tokens[t.head].lemma in PLANNING_VERBS
        # "the president says our troops must leave": a government's "must" for its own
        # forces is its plan (checked below: the subject stands for the speakers)
        must = "must" in marks and bool(said.speakers)
        must = must and all(sp.actor.sector == "GOV" for sp in said.speakers)
        future = bool(marks & {"will", "would", "shall", "'ll", "wo"}) or planned or must
        if not future or marks & {"could", "may", "might", "can", "should"}:
            continue
        if "must" in marks and not must:
            continue
        node = tree.tokens[t.head].i if planned else i
        subjects = tree.children(node, "nsubj")  # a passive ("he won't be shot") is no plan
        if not subjects or not stands_for_speaker(tree, subjects[0], said, mention_at):
            continue
        if conditional(tree, i, said) or _under_negation(tree, node, said):
            continue  # "we have not said we will let them go"
        negated = any(tree.tokens[c].dep == "neg" for c in (*tree.kids[i], *tree.kids[node]))
        roots = act_roots(i)
        if negated and t.lemma in COMMENT_VERBS:
            return "no comment", (i, (t.lemma,))  # "would not speculate on"
        if negated:
            return "refusal", (i, (t.lemma,))
        if roots & FORCE_ROOTS:
            # "we will destroy all terror nests", "would retain a force in Syria to fight":
            # force announced is a threat (13x)
            return "threat", (i, (t.lemma,))
        cooperative = bool(roots & COOPERATIVE_ROOTS)
        if cooperative or names_other(tree, tree.subtree(i), said, mention_at):
            return "intent", (i, (t.lemma,))
    return None


def force_announced(
    tree: Tree, said: Said, mention_at: MentionAt
) -> tuple[int, tuple[str, ...]] | None:
    """ "said the operation would continue", "added that an offensive could start any moment":
    a state announcing its armed operation goes on or is coming threatens force (138)."""
    if not any(
        sp.actor.sector in ("GOV", "MIL", None) and sp.actor.country for sp in said.speakers
    ):
        return None
    content = set(said.content)
    for i in sorted(content):
        t = tree.tokens[i]
        if t.pos != "VERB" or t.lemma not in OPERATION_VERBS:
            continue
        marks = {tree.tokens[c].lemma for c in tree.kids[i] if tree.tokens[c].dep == "aux"}
        if not marks & COMING or any(tree.tokens[c].dep == "neg" for c in tree.kids[i]):
            continue
        nouns = tree.children(i, "nsubj", "nsubjpass", *OBJECT_DEPS)
        if any(tree.tokens[n].lemma in OPERATION_NOUNS for n in nouns):
            return i, (t.lemma,)
    return None


def to_come(tree: Tree, v: int) -> bool:
    """A verb of an act to come: with a future or modal auxiliary, or under "vow", "threaten",
    "promise" ("vowed to crush")."""
    node = v
    for _ in range(3):
        if any(
            tree.tokens[c].dep == "aux" and tree.tokens[c].lemma in COMING for c in tree.kids[node]
        ):
            return True
        tok = tree.tokens[node]
        if tok.dep != "xcomp" or tok.head == node:
            return False
        if tree.tokens[tok.head].lemma in ("vow", "threaten", "promise", "pledge"):
            return True
        node = tok.head
    return False


def _under_negation(tree: Tree, i: int, said: Said) -> bool:
    """A verb governing ``i`` within what is said is negated ("have not said we will")."""
    content = set(said.content)
    node = tree.tokens[i].head
    for _ in range(6):
        if node not in content or tree.tokens[node].head == node and node == i:
            return False
        if any(tree.tokens[c].dep == "neg" for c in tree.kids[node]):
            return True
        if tree.tokens[node].head == node:
            return False
        node = tree.tokens[node].head
    return False


def conditional(tree: Tree, i: int, said: Said) -> bool:
    """The word's clause, or a clause governing it within what is said, is conditional."""
    content = set(said.content)
    node = i
    for _ in range(8):
        for c in tree.kids[node]:
            if tree.tokens[c].dep == "advcl" and any(
                tree.tokens[m].lemma in CONDITIONAL_MARKS for m in tree.children(c, "mark")
            ):
                return True
            if tree.tokens[c].dep == "mark" and tree.tokens[c].lemma in CONDITIONAL_MARKS:
                return True
        head = tree.tokens[node].head
        if head == node or head not in content:
            return False
        node = head
    return False
