"""The target of a judgement or an appeal about an act: whoever did the act.

"France condemned the Russian assault", "called for the assault to be halted", "rejected the
decision": what is judged or asked is an act, and event data codes the judgement against the
act's doer (the CAMEO manual's "disapprove of X's action" is coded against X). The doer is the
one the act noun's own phrase names ("Russia's assault", "the Russian assault", "the assault by
Russia"), else the owner its words give a thing ("rejected the American proposal"), else, for a
noun that points back ("the assault", "this decision"), the doer of the latest act the article
named by the same noun (``_told.name_acts``), or for a plain act noun ("the move", "this step")
the actor the sentence before was about. A passive act done with its doer's own thing
("US sanctions were lifted") is its owner's (``owner_as_doer``).
"""

from __future__ import annotations

from kipu.events._match import _Match
from kipu.events._mentions import _mention
from kipu.events._place_target import thing_owner
from kipu.events._roles import FORCE_NOUNS, _noun_sources
from kipu.events._told import ANY_FORCE, Named, doer_of, plain_act_noun, subject_before
from kipu.events._tree import Tree
from kipu.records import Mention

# Determiners with which a noun names an act already told ("the assault", "this decision").
POINTING = frozenset({"the", "this", "that", "these", "those"})


def judges_an_act(code: str) -> bool:
    """Codes of a judgement of, an appeal about or a stand on someone's act or thing: appeals
    (02), consultations and intents to meet (04, 036: "will attend the Russian conference"),
    demands (10), disapproval
    (11), rejection (12), protest (14: "boycotted the Russian congress"), praise and defence
    (051, 052)."""
    return code[:2] in ("02", "04", "10", "11", "12", "14") or code[:3] in ("036", "051", "052")


def act_doer_targets(
    tree: Tree,
    m: _Match,
    code: str,
    sources: list[Mention],
    by_head: dict[int, Mention],
    named: Named | None,
    index: int,
) -> list[Mention]:
    """The doers of the act a judgement or an appeal is about (or the owner of the thing),
    when its target slot holds an act noun and no actor; empty when none is known or when it
    is the sources' own ("visited a Russian airbase", said of Putin)."""
    if not judges_an_act(code) or m.pattern.as_written:
        return []
    own = {c for s in sources for c in (s.actor.code, s.actor.country) if c}
    return [
        t
        for t in _doers(tree, m, by_head, named, index)
        if t.actor.code not in own and t.actor.country not in own
    ]


def _doers(
    tree: Tree, m: _Match, by_head: dict[int, Mention], named: Named | None, index: int
) -> list[Mention]:
    """The doers of the act noun in the target slot, in the order of the module docstring."""
    noun = _act_noun(tree, m)
    if noun is None:
        return []
    own = [
        found
        for i in _noun_sources(tree, noun, noun, by_head)
        if (found := _mention(tree, i, by_head, possessor=True)) is not None
    ]
    if own:
        return own
    owner = thing_owner(tree, noun, by_head, "said of")  # "the Russian plan"
    if owner is not None:
        return [owner]
    tok = tree.tokens[noun]
    e = (named or {}).get(tok.lemma)
    if e is None and tok.lemma in FORCE_NOUNS:
        e = (named or {}).get(ANY_FORCE)  # "the assault" after "a bombardment"
    dets = {tree.tokens[c].lemma.lower() for c in tree.children(noun, "det")}
    if e is None or e.source is None or e.source.code is None or not dets & POINTING:
        # "Turkey closed the border. The move was condemned": what the actor of the sentence
        # before did
        before = subject_before(tree, noun, index, named) if plain_act_noun(tree, noun) else None
        return [before] if before is not None else []
    return [doer_of(e, tree, noun, "act-named-before")]


def _act_noun(tree: Tree, m: _Match) -> int | None:
    """The noun in the target slot (or the patient of the act asked for: "called for the
    assault to be halted"), when it is no actor's mention."""
    slot = m.target
    if slot is None:
        # "called for the assault to be halted": the parse makes the act asked for a clause
        clauses = [
            c
            for c in tree.children(m.trigger, "advcl", "ccomp", "xcomp")
            if any(tree.tokens[k].lemma == "for" for k in tree.children(c, "mark"))
        ]
        if not clauses:
            # "attend a Russian-sponsored conference": the entry's own object word is the
            # thing the act is about
            written = [
                o
                for o in tree.children(m.trigger, "dobj")
                if tree.tokens[o].lemma in m.pattern.words
            ]
            return written[0] if written and tree.tokens[written[0]].pos == "NOUN" else None
        slot = clauses[0]
    t = tree.tokens[slot]
    if t.pos == "VERB":
        subjects = tree.children(slot, "nsubjpass", "nsubj")
        if not subjects:
            return None
        t = tree.tokens[subjects[0]]
    return t.i if t.pos == "NOUN" else None


# Roots of acts done with the doer's own things: aid given (07), sanctions, restrictions or
# troops eased or withdrawn (08), aid or ties cut (16).
OWN_THING_ROOTS = frozenset({"07", "08", "16"})


def owner_as_doer(tree: Tree, m: _Match, code: str, by_head: dict[int, Mention]) -> Mention | None:
    """The doer of a passive act with no "by" phrase done with its doer's own thing: its
    owner ("US sanctions were lifted on Turkish citizens": the US lifted them; "Kenyan troops
    were withdrawn"); None for other acts ("the Russian embassy was attacked" is not Russia's
    act) or when the thing names no owner."""
    if code[:2] not in OWN_THING_ROOTS or m.pattern.as_written:
        return None
    if tree.children(m.clause, "agent"):
        return None
    for thing in tree.children(m.clause, "nsubjpass"):
        if thing in by_head:
            continue  # an actor acted on ("Kenyan troops"): who did it is not its own
        owner = thing_owner(tree, thing, by_head, "done with")
        if owner is not None:
            return owner
    return None
