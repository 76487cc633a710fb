""" "It" as the subject of an act, standing for the state or body the sentence before was
about: "Turkey sent more troops to the border. It has established control of a swath of
northern Syria."; "The foreign ministry summoned the envoy. It accused Kampala of ...".

The actor stage reads "it" only as the subject of what a body said ("Iran said it would
retaliate", ``actors/_resolver.py``): elsewhere "it" is as often a thing, a plan or nothing at
all ("it is clear that"). News writing carries its topic from one sentence to the next as the
subject, and "it" then continues the subject before it. This rule takes that reading only when
it is the likely one: "it" is the subject of a verb of action (not a copula or a verb that
extraposes a clause), and the sentence before (or the clause before in the same sentence) has
for main subject a state, a capital, a named organisation or a state body, written in the
singular. When that subject is a thing ("The plan was shelved. It would have ..."), a person,
or a plural, "it" is left open: a wrong actor costs more than a missing one.
"""

from __future__ import annotations

from collections.abc import Sequence

from kipu.discourse._memory import ArticleMemory
from kipu.discourse._pronouns import pronoun_actor
from kipu.discourse._references import SAME_BODIES
from kipu.records import Mention, Sentence, Token

# Verbs of which "it" is most often an empty or a thing's subject: "it is clear", "it seems",
# "it remains unclear", "it takes time", "it means", "it happened".
NOT_ACTING = frozenset(
    {
        "be",
        "seem",
        "appear",
        "remain",
        "become",
        "take",
        "matter",
        "mean",
        "look",
        "sound",
        "feel",
        "happen",
        "emerge",
        "cost",
        "rain",
        "occur",
        "follow",
        "come",
        "go",
        "get",
        "make",
    }
)
# Rules of the actor stage that name a state or a body (not a person, a people or a bare noun).
BODY_RULES = ("country:", "capital:", "organisation:", "discourse:acronym", "discourse:name")
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
# Prepositions of what someone is accused of, urged to, warned against: with one of them (or a
# "to" clause) after it, an object "it" is someone acted on ("accusing it of", "urged it to").
ASKED_PREPS = frozenset({"of", "against", "for", "over"})


def resolve_it(sentence: Sentence, mentions: list[Mention], memory: ArticleMemory) -> list[Mention]:
    """Mentions for the subject "it" of an act that continues the previous main subject."""
    tokens = sentence.tokens
    covered = {i for m in mentions for i in range(m.start, m.end)}
    out = list(mentions)
    for t in tokens:
        if t.pos != "PRON" or t.text.lower() != "it" or t.i in covered:
            continue
        if t.dep in OBJECT_DEPS:
            found = _one_other_body(t, tokens, mentions)
            if found is not None:
                actor = pronoun_actor(t, found.actor, "this sentence")
                out.append(Mention(head=t.i, start=t.i, end=t.i + 1, actor=actor))
            continue
        if t.dep not in SUBJECT_DEPS or not _acting(t, tokens):
            continue
        found = _same_sentence_subject(t, tokens, mentions)
        origin = "this sentence"
        if found is None and t.i == _first_word(tokens) and sentence.index - 1 in memory.read:
            before, before_mentions = memory.read[sentence.index - 1]
            found = _main_subject(before.tokens, before_mentions)
            origin = f"sentence {before.index}"
        if found is None:
            continue
        actor = pronoun_actor(t, found.actor, origin)
        out.append(Mention(head=t.i, start=t.i, end=t.i + 1, actor=actor))
    return sorted(out, key=lambda m: m.start)


def _one_other_body(
    t: Token, tokens: Sequence[Token], mentions: Sequence[Mention]
) -> Mention | None:
    """The antecedent of "it" as the object of an act on someone ("stepped up his rhetoric
    against the US, accusing it of ...", "Turkey, a sponsor of the SNC, had urged it to
    attend"): with a "to" clause or an "of"/"against"/"for"/"over" phrase after it, the one
    state or body named earlier in the sentence that is not the subject of the pronoun's
    clause (nor of the clause it hangs on); None when there is none or several."""
    verb = tokens[t.head]
    if verb.pos != "VERB" or verb.lemma in NOT_ACTING:
        return None
    if not any(
        c.head == verb.i
        and c.i > t.i
        and (c.dep == "xcomp" or (c.dep == "prep" and c.lemma in ASKED_PREPS))
        for c in tokens
    ):
        return None  # "signed it", "called it a mistake": as often a thing
    subjects: set[int] = set()
    node = verb
    for _ in range(4):  # the subjects up the clause chain: "X did Y, accusing it of"
        subjects.update(c.i for c in tokens if c.head == node.i and c.dep in SUBJECT_DEPS)
        if node.head == node.i:
            break
        node = tokens[node.head]
    bodies = [
        m
        for m in mentions
        if m.head < t.i
        and not subjects.intersection(range(m.start, m.end))
        and _one_body(m, tokens[m.head])
        and tokens[m.head].dep not in ("poss", "compound", "amod")
    ]
    return bodies[0] if len(bodies) == 1 else None


def _acting(t: Token, tokens: Sequence[Token]) -> bool:
    """True when "it" is the subject of a verb of action, not of a copula or a verb that
    extraposes a clause ("it is clear that", "it seems", "it takes time")."""
    verb = tokens[t.head]
    if verb.pos not in ("VERB", "AUX") or verb.lemma in NOT_ACTING:
        return False
    return not any(c.head == verb.i and c.dep in ("csubj", "expl") for c in tokens if c.i != verb.i)


def _first_word(tokens: Sequence[Token]) -> int:
    """The index of the sentence's first word (after opening quotes and the like)."""
    return next((t.i for t in tokens if t.pos not in ("PUNCT", "SPACE", "CCONJ")), 0)


def _main_subject(tokens: Sequence[Token], mentions: Sequence[Mention]) -> Mention | None:
    """The main clause's subject of a sentence when it is one state or body."""
    for m in mentions:
        h = tokens[m.head]
        if h.dep in SUBJECT_DEPS and tokens[h.head].head == h.head:
            return m if _one_body(m, h) else None
    return None


def _same_sentence_subject(
    t: Token, tokens: Sequence[Token], mentions: Sequence[Mention]
) -> Mention | None:
    """The subject of the clause "it"'s clause is conjoined with or follows: "Turkey massed
    troops on the border and it has shelled the town"."""
    verb = tokens[t.head]
    if verb.dep != "conj":
        return None
    first = tokens[verb.head]
    for m in mentions:
        h = tokens[m.head]
        if h.head == first.i and h.dep in SUBJECT_DEPS and h.i < t.i:
            return m if _one_body(m, h) else None
    return None


def _one_body(m: Mention, h: Token) -> bool:
    """A singular state, capital, named organisation or state body with a code."""
    a = m.actor
    if a.code is None or h.tag in ("NNS", "NNPS") or h.pos == "PRON":
        return False
    if " → " in a.rule:
        return False  # an alias: its own antecedent is the one to follow
    return a.rule.startswith(BODY_RULES) or (
        h.lemma.lower() in SAME_BODIES and a.country is not None
    )
