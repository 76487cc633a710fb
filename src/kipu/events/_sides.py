"""To whom the act was done, for one match (who did it is ``_source_side.py``): its targets
(``_targets``), one actor per country
(``_one_per_country``), whether the act is mutual (``_mutual``) or a quote's introduction
(``_check_quote_introducer``), the target its root needs (``_required_targets``) and the pairs
of actors that give an event each (``_pairs``). A step that finds no event raises
``_NotCoded`` with the reason."""

from __future__ import annotations

from kipu.events._match import XCOMP_WORD, _Match, _NotCoded
from kipu.events._mentions import PHYSICAL_TARGETS, _mention, _physical
from kipu.events._mood import Mood
from kipu.events._one_sided import (
    NOT_ONE_SIDED_VERBS,
    OneSided,
    victim,
)
from kipu.events._patterns import Pattern
from kipu.events._place_target import owner_target, place_in, place_target, withdrawn_from
from kipu.events._roles import (
    FORCE_NOUNS,
    _first_conjunct,
)
from kipu.events._roots import (
    ADDRESSED_ROOTS,
    ASKING_ROOTS,
    FORCE_ROOTS,
    HELPED_ROOTS,
    NAMED_ACT_ROOTS,
    RECIPROCAL_ROOTS,
    TARGETED_ROOTS,
)
from kipu.events._several import beside, several
from kipu.events._source_side import _judges
from kipu.events._tree import OBJECT_DEPS, Tree
from kipu.events._unresolved import unknown_pronoun, unresolved_target
from kipu.records import Mention

# Verbs of mutual fighting: conjoined subjects with no object fight each other ("Indian and
# Chinese troops clashed"); one subject alone names no opponent and is not coded.
RECIPROCAL_VERBS = frozenset({"clash", "skirmish", "battle", "fight"})
# Prepositions that name the author of a speech act a verb answers: "charges by", "demands from".
AUTHOR_PREPS = frozenset({"by", "from"})
# Verbs of force whose object can only be people: their victims need not be resolved actors.
HARMING_VERBS = frozenset(
    "kill wound injure murder assassinate execute behead lynch massacre slaughter torture "
    "abduct kidnap rape maim stab gun".split()
)
# Particles of phrasal verbs: they complete a verb ("hand over"), they name no act.
PARTICLES = frozenset("up down off out over in back away on forward through along about".split())


def _targets(
    tree: Tree,
    m: _Match,
    code: str,
    mood: Mood,
    one_sided: OneSided | None,
    by_head: dict[int, Mention],
) -> list[Mention]:
    """Decides to whom the act was done: the actors of the entry's target slot, else the objects
    of the complement verb the entry names, the one a threat's condition is laid on, the
    target the parse implies (``_implied_targets``), someone the dictionaries do not place who
    is asked or helped; only people are deported. A one-sided act's targets are its victims."""
    target_heads = tree.conjuncts(m.target) if m.target is not None else []
    if not m.pattern.as_written:
        target_heads = beside(tree, target_heads)  # "warned seven states, Britain, France ..."
    targets: list[Mention] = [
        t for i in target_heads if (t := _mention(tree, i, by_head, possessor=True)) is not None
    ]
    if not targets and not m.pattern.has_target and not m.pattern.nominal:
        # "refused to meet Morocco" (`refuse meet`): the complement's object is the target.
        target_heads = _complement_objects(tree, m)
        targets = [t for i in target_heads if (t := _mention(tree, i, by_head)) is not None]
    if not targets and m.target is not None and not m.pattern.as_written and _judges(code):
        # "opposes the attendance of the Kurdish groups", "criticised the presence of Ugandan
        # troops": the one an act noun's "of" phrase names is the one judged.
        target_heads = [
            j
            for p in tree.children(m.target, "prep")
            if tree.tokens[p].lemma == "of"
            for o in tree.children(p, "pobj")
            for j in tree.conjuncts(o)
        ]
        targets = [t for i in target_heads if (t := _mention(tree, i, by_head)) is not None]
    if (
        not targets
        and not m.pattern.has_target
        and not m.pattern.nominal
        and not m.pattern.as_written
        and code[:2] in ADDRESSED_ROOTS
    ):
        # "begged the British government for help" (`beg for *`): an appeal or a demand is
        # made to the verb's object when that is an actor.
        target_heads = [i for o in tree.children(m.trigger, "dobj") for i in tree.conjuncts(o)]
        targets = [t for i in target_heads if (t := _mention(tree, i, by_head)) is not None]
    if not targets and code[:2] == "13" and not mood.negated:
        # "threatened to secede unless Moscow withdrew its soldiers": the one the condition
        # is laid on is the one threatened.
        target_heads = _condition_subjects(tree, m)
        targets = [t for i in target_heads if (t := _mention(tree, i, by_head)) is not None]
    if not targets and code[:2] in TARGETED_ROOTS:
        target_heads = _implied_targets(tree, m, code)
        targets = [t for i in target_heads if (t := _mention(tree, i, by_head)) is not None]
    if not targets and m.target is not None and not m.pattern.as_written:
        # "urged it to attend", "called on their western partners to act": someone the
        # dictionaries do not place is still the one asked (see _unresolved.py).
        addressed = m.pattern.code[:2] in ADDRESSED_ROOTS
        targets = [
            t
            for i in tree.conjuncts(m.target)
            if (t := unresolved_target(tree, i, addressee=addressed)) is not None
        ]
        if not targets and code[:2] in HELPED_ROOTS:
            # "rescued 5,000 people", "freed two hostages": people helped or released are
            # someone though no dictionary places them.
            targets = [t for i in tree.conjuncts(m.target) if (t := victim(tree, i)) is not None]
    if not targets and code[:3] == "174" and m.target is not None:
        # "sent refugees back": only people are deported ("sent the letter back" is not).
        targets = [t for i in tree.conjuncts(m.target) if (t := victim(tree, i)) is not None]
        if not targets:
            raise _NotCoded("only people are deported or expelled")
    if one_sided is not None and not m.passing:
        targets = one_sided.victims  # who was hit, named or not (empty: a thing was hit)
    if one_sided is not None and m.passing:
        victims = [v for i in target_heads if (v := victim(tree, i)) is not None]
        targets = targets or victims[:1]  # "his arrest": the possessor, named or not
    return targets


def _one_per_country(
    tree: Tree, m: _Match, sources: list[Mention], targets: list[Mention]
) -> tuple[list[Mention], list[Mention]]:
    """The sides with one actor per country ("British and French forces"), one actor named twice
    counted once (``several``); imported entries keep the sides as read."""
    if m.pattern.as_written:
        return sources, targets
    return several(tree, sources), several(tree, targets)


def _mutual(tree: Tree, m: _Match, sources: list[Mention]) -> bool:
    """Decides whether the act is mutual: a "%" entry, or a verb of mutual fighting with no
    target slot ("Indian and Chinese troops clashed"). A mutual act needs two conjoined
    actors."""
    mutual = m.pattern.mutual or (
        not m.pattern.has_target
        and not m.pattern.nominal
        and tree.tokens[m.trigger].lemma in RECIPROCAL_VERBS
    )
    if mutual and len(sources) < 2:
        raise _NotCoded("a mutual act needs two conjoined actors")
    return mutual


def _check_quote_introducer(tree: Tree, m: _Match) -> None:
    """Decides that a verb whose target slot is empty and that introduces a clause its entry
    does not name is a speech verb introducing a quote ("…?" asked X), no act on anyone."""
    if (
        m.target is None
        and m.pattern.has_target
        # A verb with its object is no quote's introducer: "offered concessions that Nitze
        # believed could lead to a deal" (a relative clause the parse hangs on the verb).
        and not tree.children(m.trigger, *OBJECT_DEPS)
        and any(
            tree.tokens[c].lemma not in m.pattern.words
            for c in tree.children(m.trigger, "ccomp", "parataxis")
        )
    ):
        # "…?" asked X: a speech verb introducing a quote, not an act on anyone
        raise _NotCoded("a speech verb introducing a quote")


# Retreat and its intent: a withdrawal from a place is from the place's country (0874, 0356).
WITHDRAWAL_CODES = frozenset({"0874", "0356"})


def _required_targets(
    tree: Tree,
    m: _Match,
    code: str,
    sources: list[Mention],
    targets: list[Mention],
    one_sided: OneSided | None,
    mutual: bool,
    between_sides: bool,
    by_head: dict[int, Mention],
) -> list[Mention]:
    """Decides whether the act has the target its root needs. Force is used on an actor (not a
    building, which is a place), on a town or region (its country, ``_place_target.py``), on
    people no dictionary places, on something physical or on people harmed; a physical thing
    defended is no verbal act. Verbal acts, cooperation and reduced relations are done to a
    resolved actor, unless the sides act on each other, an evaluation names the act evaluated
    or the entry names the act itself (``_licensed_alone``)."""
    trigger_tok = tree.tokens[m.trigger]
    if code[:2] in FORCE_ROOTS and m.target is not None and targets:
        # "captured the hospital", "shelled the school": a building is a place, not its staff.
        targets = [t for t in targets if tree.tokens[t.head].lemma not in PHYSICAL_TARGETS]
    force = code[:2] in FORCE_ROOTS or m.pattern.code[:2] in FORCE_ROOTS  # (or its posture)
    if (
        not targets
        and (force or code[:3] == "138" or code[:4] in WITHDRAWAL_CODES)
        and m.target is not None
    ):
        # "shelled Afrin", "the attack on Idlib province": the place's country is hit (or, for
        # a threat of force, "would mount an assault on the town of Afrin", threatened); a
        # withdrawal "from Syria" is from the country's (its people and its state).
        targets = [t for t in [place_target(tree, m.target)] if t is not None]
        if not targets and _physical(tree, m.target):
            # "struck Bolivian army positions", "a Russian airbase": the owner is hit.
            targets = [t for t in [owner_target(tree, m.target, by_head)] if t is not None]
    if not targets and code[:4] in WITHDRAWAL_CODES and m.target is None:
        # "Kenyan troops withdrew from Somalia" (`withdraw`, no slot): from the country.
        targets = withdrawn_from(tree, m.trigger, by_head)
    if not targets and code[:2] in FORCE_ROOTS and m.target is not None and one_sided is None:
        # "the Kurds were attacked by the Turkish army": people no dictionary places are hit.
        hit = victim(tree, m.target) if trigger_tok.lemma not in NOT_ONE_SIDED_VERBS else None
        targets = [hit] if hit is not None and hit.actor.text.lower() not in ("it", "they") else []
    if not targets and code[:2] in FORCE_ROOTS and m.pattern.has_target and one_sided is None:
        # "fought an insurgency", "fought elections", "fought alongside the SDF": force is used
        # on someone or on something physical (a village, a convoy, positions), or it is not coded.
        named = m.target is None and bool(FORCE_NOUNS.intersection(m.pattern.words))
        if not named and (
            m.target is None
            or not (
                _physical(tree, m.target) or _harmed_person(tree, m.trigger, m.target, m.pattern)
            )
        ):
            # ("carried out airstrikes", its slot empty: the noun names force, no figure)
            raise _NotCoded("force needs an actor or a physical target")
    if not targets and force and one_sided is None:
        # "a Turkish military campaign inside Syria", "Russian jets struck targets in Syria":
        # force used in a country, with no one named as hit, hits the place's country.
        targets = [t for t in [place_in(tree, list(dict.fromkeys([m.trigger, m.clause])))] if t]
    if (
        code[:3] in ("051", "052")
        and not targets
        and m.target is not None
        and _physical(tree, m.target)
    ):
        # "the hospital was defended by fighters": not a verbal defence
        raise _NotCoded("a physical thing defended is not a verbal act")
    evaluation = code[:3] in ("051", "052") or "09" <= code[:2] <= "13"
    if (
        not targets
        # Reducing relations (16) is done to someone too when the entry has a target slot:
        # "suspended operations" (hospitals) reduces no relation; "suspended aid" (an entry
        # naming the act) does.
        and (code[:2] in TARGETED_ROOTS or (code[:2] == "16" and m.pattern.has_target))
        and not (len(sources) > 1 and (code[:2] in RECIPROCAL_ROOTS or mutual) and m.target is None)
        and not between_sides
        and not (evaluation and m.target is not None)
        # An imported entry keeps the target rule its dictionary was validated with.
        and not (not m.pattern.as_written and _licensed_alone(m.pattern, code))
    ):
        # Verbal acts and cooperation are done to someone: without a resolved target the
        # sentence is too often about a thing ("released its budget", "signed it").
        raise _NotCoded(f"root {code[:2]} needs a resolved target actor")
    return targets


def _pairs(
    tree: Tree,
    m: _Match,
    code: str,
    source_heads: list[int],
    sources: list[Mention],
    targets: list[Mention],
    one_sided: OneSided | None,
    mutual: bool,
    between_sides: bool,
    by_head: dict[int, Mention],
) -> list[tuple[Mention | None, Mention | None]]:
    """Decides the pairs of actors that give an event each: sources and targets in order with
    "respectively", the doer left out with each victim, each source with each target, the first
    of conjoined sources with each other one for a mutual or reciprocal act with no object, each
    source alone.
    An imported entry codes a source with a target only."""
    pairs: list[tuple[Mention | None, Mention | None]] = []
    if targets and _respectively(tree, m):
        # "Putin and Erdogan, who backed the government and rebels respectively": pair in order.
        every = [
            _mention(tree, i, by_head)
            for i in tree.conjuncts(_first_conjunct(tree, source_heads[0]))
        ]
        paired = [s for s in every if s is not None]
        if len(paired) != len(every) or len(paired) != len(targets):
            raise _NotCoded("'respectively' with lists of different lengths")
        pairs = list(zip(paired, targets, strict=True))
    elif one_sided is not None:
        pairs = [(one_sided.source, t) for t in targets] or [(one_sided.source, None)]
    elif (
        targets
        and len(sources) > 1
        and not m.pattern.as_written
        and {s.head for s in sources} == {t.head for t in targets}
    ):
        # "talks between Peru and Chile": the sides are each other's partners, one event per
        # other party from the party named first, as for a mutual act below.
        pairs = [(sources[0], t) for t in targets if t.head != sources[0].head]
    elif targets:
        pairs = [(s, t) for s in sources for t in targets]
    elif between_sides or (
        len(sources) > 1 and (code[:2] in RECIPROCAL_ROOTS or mutual) and m.target is None
    ):
        # Only when no object names what was done: "supported the Kurds' fight" is not mutual.
        # A symmetric act is one event per other party, from the party named first ("talks
        # between A, B and C": A with B, A with C), as GDELT and the CAMEO coding conventions
        # code a joint act once rather than once in each direction.
        # An imported entry keeps PETRARCH's reading: each direction.
        pairs = (
            [(s, t) for s in sources for t in sources if s is not t]
            if m.pattern.as_written
            else [(sources[0], t) for t in sources[1:]]
        )
    elif m.pattern.as_written:
        raise _NotCoded("PETRARCH codes an event with a source and a target only")
    else:
        pairs = [(s, None) for s in sources]
    return pairs


def _complement_objects(tree: Tree, m: _Match) -> list[int]:
    """The objects of the complement verb an entry names ("refused to meet Morocco" for
    `refuse meet`, "threatened to invade Georgia" for `threaten invade`)."""
    out: list[int] = []
    for c in tree.children(m.trigger, "xcomp"):
        if tree.tokens[c].lemma in m.pattern.words:
            for o in tree.children(c, *OBJECT_DEPS):
                out.extend(tree.conjuncts(o))
    return out


def _condition_subjects(tree: Tree, m: _Match) -> list[int]:
    """The actors an "unless" or "if" condition of a threat is laid on: the subject of the
    condition ("unless Moscow withdrew"), or its agent when passive ("unless their demands
    are met by Belgrade"), on the threatening verb or the chain it governs."""
    nodes = [m.trigger, m.clause]
    node = m.clause
    for _ in range(3):  # up from "secede" to "threatened to secede"
        tok = tree.tokens[node]
        if tok.dep not in ("xcomp", "advcl", "ccomp") or tok.head == node:
            break
        node = tok.head
        nodes.append(node)
    for n in dict.fromkeys(nodes):
        for c in tree.children(n, "advcl"):
            if not any(tree.tokens[k].lemma in ("if", "unless") for k in tree.children(c, "mark")):
                continue
            subjects = tree.children(c, "nsubj")
            if subjects:
                return tree.conjuncts(subjects[0])
            agents = [o for a in tree.children(c, "agent") for o in tree.children(a, "pobj")]
            if agents:
                return tree.conjuncts(agents[0])
    return []


def _implied_targets(tree: Tree, m: _Match, code: str) -> list[int]:
    """Targets the parse implies when the pattern's slot names none: the author of what is
    answered ("denied charges by Ivory Coast", "accepted demands from the rebels") and the one
    asked in a demand ("demanded that the US cancel", "appealed that Iran release")."""
    objects = tree.children(m.trigger, *OBJECT_DEPS)
    noun = m.target if m.target is not None else (objects[0] if objects else None)
    if noun is not None and tree.tokens[noun].pos == "NOUN":
        # The parse often hangs "by Chile" on the verb: "denied charges | by Chile".
        active = not tree.children(m.trigger, "nsubjpass")
        heads = [noun, m.trigger] if active else [noun]
        for h in heads:
            for p in tree.children(h, "prep"):
                if tree.tokens[p].lemma in AUTHOR_PREPS and (
                    h == noun or tree.tokens[p].lemma == "by"
                ):
                    for o in tree.children(p, "pobj"):
                        return tree.conjuncts(o)
    if code[:2] in ASKING_ROOTS:
        for c in tree.children(m.trigger, "ccomp"):
            for subj in tree.children(c, "nsubj"):
                return tree.conjuncts(subj)
    return []


def _respectively(tree: Tree, m: _Match) -> bool:
    """True when "respectively" pairs the sources with the targets in order."""
    return any(
        tree.tokens[c].lemma == "respectively" for h in (m.trigger, m.clause) for c in tree.kids[h]
    )


def _harmed_person(tree: Tree, trigger: int, target: int, pattern: Pattern) -> bool:
    """True for the object of a verb that only harms people ("killed 23 people", "beat up
    detainees", "assassinated the deputy chief"): force was used even when the victims are no
    resolved actor. Generic verbs ("fought elections", "struck a deal") stay uncoded."""
    tok = tree.tokens[target]
    harming = tree.tokens[trigger].lemma in HARMING_VERBS or (
        tree.tokens[trigger].lemma == "beat" and "up" in pattern.words  # not "beat Chelsea"
    )
    return (
        harming
        and tok.pos in ("NOUN", "PROPN", "NUM")
        and tok.ent not in ("DATE", "TIME", "MONEY", "PERCENT")
    )


def _licensed_alone(pattern: Pattern, code: str) -> bool:
    """True when an entry codes its act without a target actor: an entry written with no target
    slot ("resign", "lift curfew", "call for ceasefire"; not the bare "agree xcomp"), or, for the
    roots of NAMED_ACT_ROOTS, an entry whose required words name the act ("grant asylum to +")."""
    if not pattern.has_target:
        # "agree xcomp" needs a partner; a threat to do something is a threat ("threatened to
        # secede").
        return (
            pattern.nominal
            or bool(pattern.prep_words)
            or pattern.words != (XCOMP_WORD,)
            or code[:2] == "13"
        )
    return code[:2] in NAMED_ACT_ROOTS and _names_the_act(pattern)


def _names_the_act(pattern: Pattern) -> bool:
    """True when an entry requires a word naming the act ("lift curfew", "grant asylum to +",
    "n:ceasefire"), not only a verb with a slot ("release +") or any complement ("agree xcomp")."""
    if pattern.nominal:
        return True
    named = [w for w in pattern.words if w != XCOMP_WORD and w not in PARTICLES]
    return bool(named) or bool(pattern.prep_words)


def _check_someone_known(
    sources: list[Mention], targets: list[Mention], one_sided: OneSided | None
) -> None:
    """An act whose only doer is a pronoun no antecedent was found for, done to no one named,
    tells a user nothing of who or whom ("he warned it could get worse"): not coded. A
    one-sided act keeps its victims and place."""
    if one_sided is not None or targets or not sources:
        return
    if all(unknown_pronoun(s.actor) for s in sources):
        raise _NotCoded("no actor known on either side (a pronoun with no antecedent, no target)")
