"""What a phrase head stands for: the actor it names (``_mention``: also through a counting
head, a possessor or the name of a body), the actor of a speaker's phrase (``_actor_at``), a
physical thing force can be used on (``_physical``), and whether two actors are one
(``_same``)."""

from __future__ import annotations

from kipu.actors import owner_gives_country
from kipu.events._speech import MentionAt
from kipu.events._tree import Tree
from kipu.events._unresolved import unresolved_mention
from kipu.records import Actor, Mention

# Things force is used on (lemmas): without an actor target, the object of an act of violence
# (FORCE_ROOTS) must be one of these, a place entity or a count of them (``_physical``).
PHYSICAL_TARGETS = frozenset(
    "village town city area district neighbourhood neighborhood region province border post "
    "checkpoint position base camp convoy vehicle truck car bus ship vessel boat plane aircraft "
    "helicopter drone market hospital clinic school university mosque church temple building "
    "house home residence compound office headquarters embassy consulate station airport port "
    "harbour harbor bridge road highway railway dam plant facility site infrastructure depot "
    "warehouse field farm target stronghold hideout outpost barracks garrison trench line front "
    "frontline territory island coast enclave settlement street square prison jail refinery "
    "pipeline tank arsenal launcher battery hill hillside mountain valley forest stadium palace "
    "museum hotel mall restaurant cafe".split()
)
# Object heads whose "of" phrase is what the object consists of ("$84 million of aid", "a
# shipment of arms", "a package of sanctions"), unlike "the presence of forces", which is a
# thing about them and names no act of force.
MEASURE_HEADS = frozenset(
    "million billion thousand hundred dozen ton tonne package shipment consignment batch load "
    "cargo convoy supply amount quantity number lot part round wave series set raft string "
    "tranche delivery sum worth much most half some all swathe swath portion share bulk rest "
    "remainder majority "
    # units of time, weight, volume and carriage: "10 days of war games", "700 kg of medicine"
    "hour day week month year kg kilogram gram pound ounce litre liter gallon barrel crate case "
    "container bag box sack pallet truck truckload lorry plane planeload ship shipload".split()
)
# Heads that count or group the actual actor: "thousands of protesters", "members of the army".
GROUP_HEADS = frozenset(
    "thousand hundred ten dozen million score group number crowd member some many most all several "
    "few couple handful band unit contingent scores tens hundreds thousands dozens leader "
    "leadership "
    # parts and bodies sent: "one third of the guerrillas", "the first deployment of NATO
    # troops", "a delegation of Chinese officials", "a team of UN inspectors"
    "third half quarter majority minority rest remainder bulk portion fraction part section "
    "deployment batch wave detachment delegation team squad".split()
)
# Common nouns naming a body whose own name modifies them ("the Hizbollah group").
NAMED_BODY_HEADS = frozenset(
    "group movement organization organisation faction militia coalition alliance party front "
    "union network wing army force forces agency forum council committee".split()
)


def _mention(
    tree: Tree, i: int, by_head: dict[int, Mention], *, possessor: bool = False
) -> Mention | None:
    """The actor of a phrase head; through a counting head to its "of" object ("thousands of
    Kenyan protesters", "tens of thousands of Georgians"); with ``possessor``, a place or thing
    stands for its owner ("to Peru's northern coast" → Peru)."""
    if i in by_head:
        return by_head[i]
    tok = tree.tokens[i]
    if tok.pos == "PROPN" and i > 0 and tree.tokens[i - 1].text == "(":
        # "the European Union (EU)": the parse may head the name with its abbreviation.
        for c in tree.children(i, "nmod", "compound", "appos"):
            if c in by_head and by_head[c].end == i - 1:
                return by_head[c]
    if possessor and tok.pos == "NOUN" and owner_gives_country(tok):
        # (not "Washington's allies", "his counterpart": someone else)
        for p in tree.children(i, "poss"):
            if p in by_head:
                return by_head[p]
        if tok.lemma in PHYSICAL_TARGETS:
            # "an Afghan police convoy", "a Syrian army base": the force that owns the thing
            # ("the last Isis strongholds": the coder's implied mentions read "Isis")
            for p in tree.children(i, "compound"):
                if p in by_head:
                    return by_head[p]
    if tok.lemma in NAMED_BODY_HEADS:
        # "the Hizbollah group", "the Amal militia", "the rebel group, Forces for Defence":
        # a common noun for a body whose name is a modifier or an apposition.
        for p in tree.children(i, "compound", "nmod", "appos"):
            if p in by_head:
                return by_head[p]
    if tok.lemma in GROUP_HEADS or tok.pos == "NUM":
        for p in tree.children(i, "prep"):
            if tree.tokens[p].lemma == "of":
                for o in tree.children(p, "pobj"):
                    found = _mention(tree, o, by_head)
                    if found is not None:
                        return found
    return None


def _actor_at(tree: Tree, by_head: dict[int, Mention]) -> MentionAt:
    """The actor of a phrase head: a resolved one, or a named someone the dictionaries do not
    place (for speakers)."""

    def at(i: int) -> Mention | None:
        return _mention(tree, i, by_head, possessor=True) or unresolved_mention(tree, i)

    return at


def _physical(tree: Tree, i: int) -> bool:
    """A place or a physical thing that force can be used on, also counted or measured ("seven
    of the 13 drones", "large swaths of territory")."""
    tok = tree.tokens[i]
    if tok.ent in ("GPE", "LOC", "FAC") or tok.lemma in PHYSICAL_TARGETS:
        return True
    if tok.pos == "NUM" or tok.lemma in MEASURE_HEADS or tok.lemma in GROUP_HEADS:
        return any(
            _physical(tree, o)
            for p in tree.children(i, "prep")
            if tree.tokens[p].lemma == "of"
            for o in tree.children(p, "pobj")
        )
    return False


def _same(a: Actor, b: Actor) -> bool:
    """Source and target are the same actor (a self-event is not an interaction). A community
    placed in a country ("Croatian extremists": HRV) is not that country's state ("Croatia")."""
    if _is_community(a) != _is_community(b):
        return False
    return a.code == b.code and (a.name == b.name or a.name is None or b.name is None)


def _is_community(a: Actor) -> bool:
    """An actor the actor stage read as a people, faith or other community of a country."""
    return a.rule.startswith("community:")
