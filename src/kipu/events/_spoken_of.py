"""Whom a statement is about, and which words stand for its speakers.

A judgement is about an actor other than its speakers: named in the judging word's own phrase,
the subject of its clause, or the first actor of the words said (:func:`targets_of`); or, with
none named, an act told before that the words refer back to ("this decision is unacceptable",
:func:`reference_to_act`). A word of the words said may stand for the speakers themselves: a
first-person pronoun, "he"/"they" in reported speech, their own country's forces
(:func:`stands_for_speaker`); an attitude counts only when the speakers hold it
(:func:`held_by_speaker`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kipu.events._place_target import SPONSOR_WORDS, sponsor
from kipu.events._said import MentionAt, Said
from kipu.events._tree import OBJECT_DEPS, Tree
from kipu.events._unresolved import country_of_place, nationality_mention
from kipu.records import Actor, Mention

# Prepositions whose object an attitude is about ("concern over", "angry at", "objections to").
ABOUT_PREPS = frozenset({"about", "over", "at", "with", "against", "to", "of", "on", "for", "by"})
# Pronouns that in reported speech stand for the speaker ("said he was worried").
SPEAKER_PRONOUNS = frozenset({"he", "she", "it", "they"})
# First-person pronouns inside a quotation: the speaker.
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
# Nouns of acts a judgement may refer back to ("the decision", "this move").
ACT_NOUNS = frozenset(
    "decision move plan policy step action act announcement strike strikes attack operation "
    "offensive withdrawal deal agreement law ban measure order proposal choice approach "
    "intervention invasion campaign sanction sanctions response conduct behaviour behavior "
    "remark remarks comment comments statement claim claims rhetoric "
    # acts of force called by what they are: "these atrocities are inexcusable"
    "atrocity crime massacre abuse violation aggression killing bombing shelling "
    "provocation escalation incursion violence".split()
)


def first_person(tree: Tree, i: int) -> bool:
    """A first-person pronoun ("I", "we", "us")."""
    t = tree.tokens[i]
    return t.pos == "PRON" and t.lemma.lower() in FIRST_PERSON


def _speaker(m: Mention, said: Said) -> bool:
    """The mention is one of the speakers: the same phrase, a word inside it ("British" of "the
    British government"), or the same actor code."""
    return any(
        (said.local and (m.head == s.head or s.start <= m.head < s.end))
        or (m.actor.code is not None and m.actor.code == s.actor.code)
        for s in said.speakers
    )


def stands_for_speaker(tree: Tree, s: int, said: Said, mention_at: MentionAt) -> bool:
    """A subject that is the speakers: a pronoun for them, themselves, or their own country's
    forces or government ("the French president said French forces will remain")."""
    t = tree.tokens[s]
    if t.pos == "PRON":
        if t.lemma.lower() in FIRST_PERSON:
            return True
        if t.lemma.lower() not in SPEAKER_PRONOUNS or len(said.speakers) != 1:
            return False
        if not _pronoun_agrees(tree, t.lemma.lower(), said.speakers[0], said):
            return False  # "it would send a terrible signal", Hunt said: not Hunt
        if (
            said.local
            and tree.tokens[t.head].dep == "ccomp"
            and tree.tokens[t.head].head == (said.trigger)
        ):
            return True  # "officials stressed they are not planning to": they, the officials
        other = mention_at(s)
        return other is None or other.actor.code is None or _speaker(other, said)
    m = mention_at(s)
    if m is None:
        return False
    if _speaker(m, said):
        return True
    countries = {sp.actor.country for sp in said.speakers if sp.actor.country}
    return (
        m.actor.country is not None
        and m.actor.country in countries
        and m.actor.sector in ("GOV", "MIL", None)
    )


def _pronoun_agrees(tree: Tree, pronoun: str, speaker: Mention, said: Said) -> bool:
    """A third-person pronoun can stand for the speaker: "he"/"she" for a person, "it"/"they"
    for a body or a state; a speaker who is a pronoun only by that pronoun ("they told us he
    would ...": he is not they)."""
    text = speaker.actor.text.lower()
    if text in SPEAKER_PRONOUNS:
        return pronoun == text
    person = _is_person(tree, speaker, said)
    return pronoun in ("he", "she") if person else pronoun in ("it", "they")


def _is_person(tree: Tree, m: Mention, said: Said) -> bool:
    """A speaker that is one person (a name, a pronoun for one, a title)."""
    if not said.local:  # a speaker carried from another sentence: its own words only
        return m.actor.name is not None or m.actor.text.lower() in ("he", "she", "i")
    head = tree.tokens[m.head]
    return (
        m.actor.name is not None
        or head.ent == "PERSON"
        or head.lemma.lower() in ("he", "she", "i")
        or (head.pos == "NOUN" and head.tag == "NN" and m.actor.sector in ("GOV", "MIL", "LEG"))
    )


def held_by_speaker(tree: Tree, i: int, said: Said, mention_at: MentionAt) -> bool:
    """An attitude word (worried, angry, hopeful) counts when the speakers hold it: it has no
    subject of its own ("concerns", "expressed concern"), or its subject is the speakers, a
    first-person pronoun, or the pronoun that stands for them."""
    node = i
    for _ in range(3):
        subjects = tree.children(node, "nsubj", "nsubjpass")
        if subjects:
            s = subjects[0]
            t = tree.tokens[s]
            if t.lemma.lower() in FIRST_PERSON or said.is_speaker_head(s):
                return True
            if t.pos == "PRON" and t.lemma.lower() in SPEAKER_PRONOUNS and len(said.speakers) == 1:
                # "the minister said he was skeptical": he is the minister, unless the text
                # has placed him as someone else
                other = mention_at(s)
                return other is None or other.actor.code is None or _speaker(other, said)
            return said.trigger is not None and tree.tokens[said.trigger].pos != "VERB"
        tok = tree.tokens[node]
        if tok.dep not in ("acomp", "xcomp", "amod", "dobj", "attr", "conj") or tok.head == node:
            return True
        node = tok.head
    return True


def about_speaker(tree: Tree, i: int, said: Said) -> bool:
    """The clause of the word is about the speakers themselves ("we are not criminals", "he
    committed no crime")."""
    node = i
    for _ in range(4):
        for s in tree.children(node, "nsubj", "nsubjpass"):
            t = tree.tokens[s]
            if t.lemma.lower() in FIRST_PERSON or t.lemma.lower() in ("he", "she", "it", "they"):
                return True
            if said.is_speaker_head(s):
                return True
        tok = tree.tokens[node]
        if tok.head == node:
            break
        node = tok.head
    return False


def names_other(tree: Tree, content: Sequence[int], said: Said, mention_at: MentionAt) -> bool:
    """What is said names an actor other than the speakers and their own country."""
    countries = {sp.actor.country for sp in said.speakers if sp.actor.country}

    def other(m: Mention | None) -> bool:
        if m is None or m.actor.code is None or _speaker(m, said):
            return False
        if m.actor.country is None:  # an organisation, not a bare sector ("the government")
            return m.actor.code != m.actor.sector
        return m.actor.country not in countries

    def place(i: int) -> bool:  # "its troops will remain in Ecuador"
        country = country_of_place(tree, i)
        return country is not None and country not in countries

    return any(other(mention_at(i)) or place(i) for i in content)


def charged_actor(tree: Tree, i: int, said: Said, mention_at: MentionAt) -> bool:
    """ "X is responsible for Y" charges X when X is an actor other than the speakers and the
    clause asserts it (not "need to be responsible", not "the branch responsible")."""
    t = tree.tokens[i]
    if t.dep not in ("acomp", "attr") and not (t.dep == "conj" and t.head != i):
        return False
    verb = t.head
    if {tree.tokens[c].lemma for c in tree.kids[verb]} & {"need", "should", "must", "to"}:
        return False
    if tree.tokens[verb].dep == "xcomp":
        return False
    subjects = tree.children(verb, "nsubj")
    if not subjects or stands_for_speaker(tree, subjects[0], said, mention_at):
        return False
    # an actor, or someone named the dictionaries do not place ("Kotey was responsible for")
    return actor_of_phrase(tree, subjects[0], mention_at) is not None or (
        mention_at(subjects[0]) is not None
    )


def targets_of(tree: Tree, i: int, said: Said, mention_at: MentionAt) -> list[Mention]:
    """The actors a statement is about: named in the judging word's own phrase, or the subject
    of its clause, or else the first actor of the words said — never the speaker, never an
    actor of unknown identity."""
    content = set(said.content)
    candidates: list[int] = []
    charge = tree.tokens[i].lemma in ("responsible", "responsibility")
    for p in tree.children(i, "prep"):
        if charge and tree.tokens[p].lemma == "for":
            continue  # "X was responsible for recruiting Britons": the act charged, not whom
        if tree.tokens[p].lemma in ABOUT_PREPS:
            # the phrase's head first ("about Peru's new government": the government), then
            # the rest of the phrase
            heads = tree.children(p, "pobj")
            candidates += heads + [o for o in tree.subtree(p) if o not in heads]
    node = i
    for _ in range(3):
        candidates += tree.children(node, "nsubj", "nsubjpass", "poss")
        tok = tree.tokens[node]
        if tok.head == node:
            break
        node = tok.head
    candidates += sorted(content)
    # the speakers' own phrases name whom they speak for, not whom they speak of ("Russia's
    # representative to the UN")
    own = {j for sp in said.speakers if said.local for j in tree.subtree(sp.head)}
    for c in candidates:
        if c not in content and c not in tree.subtree(i):
            continue
        if c in own:
            continue
        m = actor_of_phrase(tree, c, mention_at)
        if m is None or _speaker(m, said) or m.actor.code is None:
            continue
        out = [m, *(replace(m, actor=a, also=()) for a in m.also)]  # "these countries"
        for h in tree.conjuncts(m.head)[1:]:
            other = mention_at(h)
            if other is not None and other.actor.code is not None and not _speaker(other, said):
                out.append(other)
        return out
    return []


def actor_of_phrase(tree: Tree, i: int, mention_at: MentionAt) -> Mention | None:
    """The actor of a phrase: its head, or its possessor or name modifier ("the US plan",
    "Turkey's offensive"), or the sponsor a hyphenated modifier names ("a Russian-sponsored
    conference")."""
    heads = [i]
    if tree.tokens[i].pos == "NOUN":
        heads += tree.children(i, "poss", "compound", "amod")
    for h in heads:
        m = mention_at(h)
        if m is not None and m.actor.code is not None:
            return m
        m = nationality_mention(tree, h)
        if m is not None:
            return m
    if tree.tokens[i].pos == "NOUN" and any(
        tree.tokens[c].text.lower() in SPONSOR_WORDS for c in tree.children(i, "amod")
    ):
        names = {j: m for j in range(max(0, i - 4), i) if (m := mention_at(j)) is not None}
        return sponsor(tree, i, names, "said of")  # "a Russian-sponsored conference"
    return None


def place_targets(tree: Tree, i: int, countries: set[str]) -> list[Mention]:
    """Another country a plan names as its place ("remain in Ecuador")."""
    for j in tree.subtree(i):
        code = country_of_place(tree, j)
        if code is not None and code not in countries:
            actor = Actor(
                text=tree.tokens[j].text,
                name=None,
                code=code,
                country=code,
                sector=None,
                rule=f"the country a plan names as its place: {tree.tokens[j].text!r}",
            )
            return [Mention(head=j, start=j, end=j + 1, actor=actor)]
    return []


def judged_noun(tree: Tree, i: int) -> int | None:
    """The noun a predicate word judges: the subject of its clause ("the demands are
    unrealistic"), or the noun it modifies ("an unrealistic demand")."""
    t = tree.tokens[i]
    if t.dep in ("amod", "compound") and tree.tokens[t.head].pos == "NOUN":
        return t.head
    if t.dep == "oprd" and (objects := tree.children(t.head, *OBJECT_DEPS)):
        return objects[0]  # "calls the president a liar": the object is what is named
    node = i
    for _ in range(3):
        subjects = tree.children(node, "nsubj", "nsubjpass")
        if subjects:
            return subjects[0] if tree.tokens[subjects[0]].pos in ("NOUN", "PRON") else None
        tok = tree.tokens[node]
        if tok.head == node:
            return None
        node = tok.head
    return None


def reference_to_act(tree: Tree, i: int, said: Said) -> int | None:
    """The word by which a judgement refers back to an act told before: "it"/"this"/"that" as
    its subject ("“This is plainly ridiculous”"), or an act noun with a pointing determiner
    ("the decision was driven by populism", "this move is unacceptable")."""
    judged = judged_noun(tree, i)
    if judged is None:
        t = tree.tokens[i]
        if t.pos == "VERB":  # "criticised the decision"
            objects = tree.children(i, *OBJECT_DEPS)
            judged = objects[0] if objects else None
    if judged is None:
        return None
    tok = tree.tokens[judged]
    if tok.pos == "PRON" and tok.lemma.lower() in ("it", "this", "that"):
        return judged if tok.lemma.lower() != "it" or not _extraposed(tree, judged) else None
    if tok.pos == "NOUN" and tok.lemma in ACT_NOUNS:
        dets = {tree.tokens[c].lemma.lower() for c in tree.children(judged, "det", "poss")}
        if dets & {"the", "this", "that", "these", "those", "its", "their", "his", "her"}:
            return judged
    return None


def _extraposed(tree: Tree, it: int) -> bool:
    """ "it is against international law to make someone stateless": an "it" that stands for
    the clause after it, not for something told before."""
    head = tree.tokens[it].head
    return bool(tree.children(head, "xcomp", "ccomp", "csubj")) or any(
        tree.tokens[c].dep in ("xcomp", "ccomp") for a in tree.kids[head] for c in tree.kids[a]
    )
