"""What an article has told so far: an event noun that names an act of an earlier sentence
again ("the attack", "Kenya's offensive" after "Kenya launched an offensive") is no new act.

Event data codes an act once per sentence that asserts it with its own verb; a sentence that only
names it again by a noun adds detail, not an event. Only the article's news is remembered (not
its history, which the time scope leaves out).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from kipu.events._mood import owned_act_noun
from kipu.events._place_target import thing_owner
from kipu.events._roles import FORCE_NOUNS, _owner_of_act_noun
from kipu.events._tree import Tree
from kipu.records import Actor, Event, Mention, Sentence

# (root, source side, target side); a side is "*" for any.
Told = set[tuple[str, str | None, str | None]]


def told_key(event: Event) -> tuple[str, str | None, str | None]:
    """An act as an article tells it: its root and the countries (or codes) of its sides (not
    the source of a one-sided act: "his arrest" is the arrest "in Turkey" told before)."""

    def side(a: Actor | None) -> str | None:
        return None if a is None else a.country or a.code

    source = None if event.one_sided else side(event.source)
    return (event.root, source, side(event.target))


def remember(told: Told, events: list[Event]) -> None:
    """Add the acts of a sentence to what the article has told."""
    for e in events:
        root, source, target = told_key(e)
        told.update({(root, source, target), (root, source, "*"), (root, "*", target)})


def is_told(event: Event, told: Told) -> bool:
    """True when an earlier sentence coded the act an event noun names again: the same root and
    sides, or the same root and doer when the noun names no target ("Kenya's offensive" after
    "Kenya launched an offensive against the rebels")."""
    root, source, target = told_key(event)
    if (root, source, target) in told or (target is None and (root, source, "*") in told):
        return True
    # "condemned the attack as a strike on civilians": a noun naming no doer, of an act told
    return event.one_sided and source is None and (root, "*", target) in told


# The noun that names the act of a verb, where it is not the verb's own form ("attack",
# "strike" and "raid" are both).
NOUN_OF_VERB = {
    "decide": "decision",
    "invade": "invasion",
    "withdraw": "withdrawal",
    "expel": "expulsion",
    "deport": "deportation",
    "occupy": "occupation",
    "annex": "annexation",
    "execute": "execution",
    "detain": "detention",
    "bomb": "bombing",
    "shell": "shelling",
    "intervene": "intervention",
}


@dataclass(frozen=True, slots=True)
class Act:
    """An act the article told, as later words may refer to it."""

    sentence_index: int
    source: Actor
    cameo: str  # its code; the noun that named it ("plan") when no event was coded
    one_sided: bool = False


# Nouns of a plan or a step whose owner the text names, remembered with no event coded ("the
# US announced plans for a border force ... Russia opposed the plan").
PLAN_NOUNS = frozenset({"plan", "proposal", "initiative", "offer", "decision", "move", "ultimatum"})


# The key under which the latest attack of any name is remembered: "the assault" after "a
# Russian-led bombardment".
ANY_FORCE = "<force>"


class Named(dict[str, Act]):
    """An act noun ("decision", "attack") → the latest act of the article it named; and
    ``subject``: the actor the main clause of the latest sentence that had one was about,
    with that sentence's index ("The US had vowed to disarm them. “This is ridiculous,” an
    official said": this is the US's)."""

    subject: tuple[int, Mention] | None = None


# Nouns that only say an act was done ("the move was alarming"): they point back to what the
# actor told of before did, as "this" does.
PLAIN_ACT_NOUNS = frozenset(
    "move step decision announcement remark remarks comment comments statement proposal "
    "action choice".split()
)


def plain_act_noun(tree: Tree, word: int) -> bool:
    """ "the move", "this step": a plain act noun pointed back with "the"/"this"/"that" and no
    owner of its own."""
    tok = tree.tokens[word]
    if tok.pos != "NOUN" or tok.lemma not in PLAIN_ACT_NOUNS:
        return False
    if tree.children(word, "poss", "compound", "amod", "prep", "acl", "relcl"):
        return False  # "his decision", "the Turkish move", "the decision to expel"
    dets = {tree.tokens[c].lemma.lower() for c in tree.children(word, "det")}
    return bool(dets & {"the", "this", "that"})


def subject_before(tree: Tree, word: int, index: int, named: Named | None) -> Mention | None:
    """The actor the main clause of the sentence just before was about, for a word of sentence
    ``index`` that points back to what it did ("Turkey closed the border. The move was
    condemned by the UN")."""
    if named is None or named.subject is None or named.subject[0] != index - 1:
        return None
    before, m = named.subject
    tok = tree.tokens[word]
    actor = replace(
        m.actor,
        text=tok.text,
        rule=f"discourse:subject-before:{tok.text!r}<-sentence {before} {m.actor.text!r}",
    )
    return Mention(head=word, start=word, end=word + 1, actor=actor)


def name_acts(
    named: Named,
    tree: Tree,
    sentence: Sentence,
    events: list[Event],
    mentions: Sequence[Mention] = (),
) -> None:
    """Remember the acts a sentence coded by the noun that names them ("the strikes", "his
    decision to revoke"), so that a later "the decision" can be read as that act, and the
    actor its main clause is about."""
    by_head = {m.head: m for m in mentions}
    for t in sentence.tokens:
        if t.dep == "nsubj" and sentence.tokens[t.head].dep == "ROOT":
            found = by_head.get(t.i)
            if found is not None and found.actor.code is not None:
                named.subject = (sentence.index, found)
            break
    plans = [
        t.i
        for t in sentence.tokens
        if t.pos == "NOUN" and (t.lemma in PLAN_NOUNS or t.lemma in FORCE_NOUNS)
    ]
    if not events and not plans:
        return
    at = {t.start: t for t in sentence.tokens}
    coded: set[str] = set()
    for e in events:
        if e.trigger is None or e.source is None or e.one_sided:
            continue
        tok = at.get(e.trigger[0])
        if tok is None:
            continue
        act = Act(e.sentence_index, e.source, e.cameo)
        nouns = []
        if tok.pos == "NOUN":
            nouns.append(tok.lemma)
        elif (noun := owned_act_noun(tree, tok.i)) is not None:
            nouns.append(tree.tokens[noun].lemma)  # "his decision to revoke"
        if tok.pos == "VERB":
            # "Russia attacked ... the attack", "launched an assault ... the assault"
            nouns.append(NOUN_OF_VERB.get(tok.lemma, tok.lemma))
            nouns += [tree.tokens[o].lemma for o in tree.children(tok.i, "dobj")]
        for lemma in nouns:
            named[lemma] = act
            coded.add(lemma)
        if e.cameo[:2] in ("18", "19", "20"):
            named[ANY_FORCE] = act
    for n in plans:
        lemma = tree.tokens[n].lemma
        if lemma in coded:
            continue
        owner = _plan_owner(tree, n, by_head)
        if owner is not None:
            # a plan or an attack told with its doer, coded or not ("a Russian-led
            # bombardment of Idlib is feared ... called for the planned assault to be halted")
            named[lemma] = Act(sentence.index, owner.actor, lemma)
            if lemma in FORCE_NOUNS:
                named[ANY_FORCE] = named[lemma]


def _plan_owner(tree: Tree, n: int, by_head: dict[int, Mention]) -> Mention | None:
    """Whose plan or step a noun names: its owner ("Washington's plan", "the plan by ...", the
    one announcing it), or the nationality on it ("the American proposal")."""
    for i in _owner_of_act_noun(tree, n, by_head):
        found = by_head.get(i)
        if found is not None and found.actor.code is not None:
            return found
    return thing_owner(tree, n, by_head, "the plan of")


def doer_of(act: Act | Event, tree: Tree, i: int, why: str) -> Mention:
    """A mention at token ``i`` standing for the doer of an act told before, saying why
    ("discourse:act-named-before:'decision'<-sentence 0 172 by 'The home secretary'")."""
    assert act.source is not None
    tok = tree.tokens[i]
    actor = replace(
        act.source,
        text=tok.text,
        rule=f"discourse:{why}:{tok.text!r}<-sentence {act.sentence_index} "
        f"{act.cameo} by {act.source.text!r}",
    )
    return Mention(head=i, start=i, end=i + 1, actor=actor)


# Adverbs that say an act is done again, by the doer told before: "X was also arrested".
AGAIN = frozenset({"also", "too", "likewise"})
# How many sentences back the act done again may have been told.
AGAIN_REACH = 2


def doer_again(tree: Tree, v: int, sentence_index: int, named: Named | None) -> Mention | None:
    """The doer of a passive act with no "by" phrase that the sentence says is done again
    ("Rojkan was also arrested" after "the authorities arrested him"): the source of the
    latest act of the same verb the article told in the sentences just before."""
    tok = tree.tokens[v]
    if not named or tok.pos != "VERB" or not tree.children(v, "nsubjpass", "auxpass"):
        return None
    if tree.children(v, "agent") or not any(
        tree.tokens[c].lemma.lower() in AGAIN for c in tree.children(v, "advmod")
    ):
        return None
    e = named.get(NOUN_OF_VERB.get(tok.lemma, tok.lemma))
    if e is None or e.source is None or e.one_sided or e.source.code is None:
        return None
    if not 0 < sentence_index - e.sentence_index <= AGAIN_REACH:
        return None
    return doer_of(e, tree, v, "done-again")


# Prepositions by which a passive act says the operation it was part of ("killed in the
# offensive", "captured during the assault").
OPERATION_PREPS = frozenset({"in", "during"})


def operation_doer(
    tree: Tree, v: int, by_head: dict[int, Mention], named: Named | None
) -> Mention | None:
    """The doer of a passive act with no "by" phrase done in an operation ("300 militants had
    been neutralized in the Afrin offensive", "were killed during the assault"): the doer the
    operation's own words name ("the Turkish offensive", "Turkey's assault"), else the doer of
    the latest act the article named by that noun; None otherwise."""
    tok = tree.tokens[v]
    if tok.pos != "VERB" or tree.children(v, "agent"):
        return None
    node = v
    while tree.tokens[node].dep == "conj" and tree.tokens[node].head != node:
        node = tree.tokens[node].head  # "neutralized, killed or taken captive in ..."
    if not tree.children(node, "nsubjpass", "auxpass"):
        return None
    verbs = [node]
    for k in verbs:  # the verbs conjoined with it: the phrase may hang on the last one
        verbs += [c for c in tree.children(k, "conj") if tree.tokens[c].pos == "VERB"]
    for p in [p for k in verbs for p in tree.children(k, "prep")]:
        if tree.tokens[p].lemma not in OPERATION_PREPS:
            continue
        for o in tree.children(p, "pobj"):
            noun = tree.tokens[o]
            if noun.pos != "NOUN" or noun.lemma not in FORCE_NOUNS:
                continue
            for i in _noun_doers(tree, o):
                found = by_head.get(i)
                if found is not None and found.actor.code is not None:
                    return found
            e = _campaign_named(named or Named(), noun.lemma)
            if e is not None and e.source is not None and e.source.code is not None:
                return doer_of(e, tree, o, "operation-named-before")
    return None


# Nouns by which news names one military campaign in turn ("a Turkish military campaign
# inside Syria ... the Afrin offensive ... the operation").
CAMPAIGN_NOUNS = frozenset(
    {"offensive", "operation", "campaign", "incursion", "assault", "invasion"}
)


def _campaign_named(named: Named, lemma: str) -> Act | None:
    """The latest act the article named by this noun, or for a campaign noun, by any noun of
    a campaign."""
    if lemma not in CAMPAIGN_NOUNS:
        return named.get(lemma)
    acts = [named[n] for n in CAMPAIGN_NOUNS if n in named]
    return max(acts, key=lambda a: a.sentence_index) if acts else None


def _noun_doers(tree: Tree, n: int) -> list[int]:
    """The possessor and the modifiers of an operation noun that may name its doer."""
    return [*tree.children(n, "poss"), *tree.children(n, "amod", "compound", "nmod")]
