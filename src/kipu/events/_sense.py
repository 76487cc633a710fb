"""The sense a verb of an act has in its clause, where the entry alone would code it wrongly.

- Force posture: forces "poised to storm", "preparing to attack", "making plans to attack" a
  town have not attacked it; CAMEO codes the posture (150), not a threat (13x) or the attack.
- Deployment: troops sent to a place ("to its southern border", "into Syria") are deployed
  (154); only troops sent to help someone the clause names are military aid (072).
- Figurative fights: "the mayor battles Congress for funds" is no act of force between
  institutions of politics.
- Purpose: "launched a campaign in Afrin in an effort to drive out Kurdish militias": the
  militias are the target of the campaign.
- Orders: "ordered the release of 200 prisoners" is the release, by the one who ordered it
  (see :data:`ORDERING_VERBS`, used by the coder).
"""

from __future__ import annotations

from collections.abc import Callable

from kipu.events._one_sided import COUNT_NOUNS, PERSON_NOUNS, PERSON_PRONOUNS
from kipu.events._patterns import Pattern
from kipu.events._tree import OBJECT_DEPS, Tree
from kipu.records import Mention

# Words governing an act of force that make it a posture: "poised to storm", "preparing to
# attack", "gearing up to", "massing to", "plans to attack" (CAMEO 150, demonstrate force).
POSTURE_GOVERNORS = frozenset("poise poised prepare ready gear mass position".split())
POSTURE_NOUNS = frozenset({"plan", "preparation"})
PLANNING_VERBS = frozenset({"make", "finalise", "finalize", "complete"})
FORCE_ROOTS = frozenset({"18", "19", "20"})
POSTURE_CODE = "150"
# Entry words for people sent: sending them to a place deploys them (154).
PERSONNEL = frozenset(
    "troop soldier force marine paratrooper commando unit battalion brigade regiment division "
    "reinforcement personnel".split()
)
DEPLOYMENT_CODE = "154"
MILITARY_AID_CODES = frozenset({"072"})
# Verbs of a purpose clause that name whom the help is for ("to help the government").
HELPING_VERBS = frozenset("help support assist back protect bolster defend aid reinforce".split())
# Verbs of a purpose clause that name whom force is used on ("to drive out Kurdish militias").
OUSTING_VERBS = frozenset(
    "drive oust expel defeat clear crush dislodge rout eliminate remove flush fight attack "
    "destroy push retake recapture capture".split()
)
# Verbs of fighting that, between institutions of politics, are a quarrel: "battles Congress".
FIGHTING_VERBS = frozenset({"battle", "fight", "clash", "spar", "wrestle", "tussle", "war"})
POLITICAL = frozenset({"GOV", "LEG", "JUD", "OPP", "PTY", "ELI"})
# Armed groups people join and fight "with" ("fought with the YPG").
ARMED_GROUPS = frozenset({"INS", "REB", "UAF", "IMG", "MIL"})
# People whose release is a release of persons (0841), as the verb entries list them.
RELEASED_PEOPLE = frozenset(
    "prisoner hostage detainee captive activist soldier journalist correspondent dissident "
    "opponent suspect national citizen crew sailor fisherman worker".split()
)
RELEASE_CODE, PEOPLE_RELEASE_CODE = "084", "0841"
# Captures and seizures: of land they occupy (192), of people they arrest (173).
CAPTURING_VERBS = frozenset({"capture", "seize", "recapture", "retake"})
CAPTURE_CODES = frozenset({"190", "171"})
OCCUPY_CODE, ARREST_CODE = "192", "173"
TERRITORY = frozenset(
    "village town city area district neighbourhood neighborhood region province territory "
    "stronghold enclave island hill hillside mountain valley border crossing checkpoint base "
    "airport airbase port harbour harbor position outpost coast settlement land capital "
    # buildings held like ground: "captured the stadium and the hospital"
    "stadium hospital school building compound headquarters palace prison barracks garrison "
    "mosque church bridge dam refinery plant".split()
)
SHARES = frozenset("swath swathe part much most half rest bulk portion share".split())
# Diplomats expelled (161: relations reduced), not people deported (174).
EXPEL_CODE, DIPLOMATIC_EXPULSION = "174", "161"
DIPLOMATS = frozenset("diplomat envoy ambassador attache attaché consul".split())
# Why a code changed, for the event's rule.
# A plea in court: "not guilty" denies the charge (016), "guilty" admits it (015).
PLEA_DENIAL = "016"
PLEA_ADMISSION = "015"
PLEA_WORDS = frozenset({"guilty", "innocent"})
# A bombing (183, CAMEO's non-military bombing) by a state or its forces is an air strike (195):
# "a US-led bombing of Mosul".
BOMBING_CODE, AIR_STRIKE_CODE = "183", "195"
STATE_FORCES = frozenset({None, "GOV", "MIL"})
SENSES = {
    DEPLOYMENT_CODE: "troops sent to a place: a deployment",
    PLEA_DENIAL: "a plea of not guilty: the charge denied",
    PLEA_ADMISSION: "a plea of guilty: the charge admitted",
    PEOPLE_RELEASE_CODE: "people released",
    OCCUPY_CODE: "territory taken",
    ARREST_CODE: "people captured",
    DIPLOMATIC_EXPULSION: "diplomats expelled",
    AIR_STRIKE_CODE: "a bombing by a state's forces: an air strike",
    BOMBING_CODE: "done in a bomb attack: a bombing",
}
# Objects that make "hit"/"strike" a goal reached: "hit a record", "hit the target of 2%".
GOAL_WORDS = frozenset("goal record high low milestone mark jackpot snag headline".split())
MEASURED_GOALS = frozenset(
    "spending aid inflation emission growth budget sale revenue deficit recruitment "
    "vaccination production export import trade sales".split()
)
# Verbs by which someone orders an act their own side does: "ordered the release of 200
# prisoners" is the release (0841), "ordered an attack on the town" the attack.
ORDERING_VERBS = frozenset({"order", "authorise", "authorize"})


def posture(tree: Tree, clause: int, code: str, trigger: int) -> int | None:
    """The verb whose subject shows force when an act of force is only prepared ("are poised
    to storm", "preparing to attack", "are making plans to attack", "prepare an offensive"),
    or None."""
    if code[:2] not in FORCE_ROOTS:
        return None
    if trigger != clause and tree.tokens[clause].lemma in POSTURE_GOVERNORS:
        return clause  # "Russia and its allies prepare an offensive in Idlib"
    node = clause
    for _ in range(3):
        tok = tree.tokens[node]
        if tok.head == node:
            return None
        gov = tree.tokens[tok.head]
        if tok.dep in ("xcomp", "acomp") and gov.lemma in POSTURE_GOVERNORS:
            return gov.i
        if tok.dep == "acl" and gov.lemma in POSTURE_NOUNS and gov.head != gov.i:
            # "are making final plans to attack": who makes them ("unveiled a plan to attack"
            # tells of a plan, no force shown)
            return gov.head if tree.tokens[gov.head].lemma in PLANNING_VERBS else None
        if tok.dep not in ("xcomp", "acomp"):
            return None
        node = tok.head
    return None


def prepares_force(tree: Tree, verb: int, patterns: list[Pattern]) -> bool:
    """True when a verb of posture has an act of force as its object ("prepare an offensive")."""
    lemma = tree.tokens[verb].lemma
    return lemma in POSTURE_GOVERNORS and any(p.code[:2] in FORCE_ROOTS for p in patterns)


def deployment(
    code: str,
    pattern: Pattern,
    tree: Tree,
    clause: int,
    sources: list[Mention],
    targets: list[Mention],
    find: Callable[[int], Mention | None],
) -> tuple[str, list[Mention]]:
    """Troops sent are deployed (154) unless the clause names whom they help: "sent troops to its
    southern border", "into Syria" (154); "sent troops to Mali to help the government" (072,
    the government)."""
    if code not in MILITARY_AID_CODES or not PERSONNEL & set(pattern.words):
        return code, targets
    own = {s.actor.country for s in sources}
    if targets and not all(t.actor.country in own for t in targets):
        return code, targets  # "sent troops to the Malian government"
    helped = [
        found
        for v in _purpose_clauses(tree, clause)
        if tree.tokens[v].lemma in HELPING_VERBS
        for o in tree.children(v, *OBJECT_DEPS)
        for i in tree.conjuncts(o)
        if (found := find(i)) is not None
    ]
    if helped:
        return code, helped
    return DEPLOYMENT_CODE, []


def captured(code: str, tree: Tree, trigger: int, target: int | None, named: bool) -> str:
    """What a capture or seizure took: territory (192: "captured large swaths of territory",
    "seized the last strongholds") or people (173: "two men were captured by Kurdish
    fighters"); the code unchanged for other things ("seized weapons": 171)."""
    if tree.tokens[trigger].lemma not in CAPTURING_VERBS or code[:3] not in CAPTURE_CODES:
        return code
    if target is None:
        return code
    if _territory(tree, target):
        return OCCUPY_CODE
    if named or _people(tree, target):
        return ARREST_CODE
    return code


def _people(tree: Tree, i: int) -> bool:
    """People named by a noun, a name or a pronoun ("two men", "the prisoners", "he")."""
    tok = tree.tokens[i]
    if tok.pos == "PRON":
        return tok.lemma.lower() in PERSON_PRONOUNS
    if tok.lemma in COUNT_NOUNS and any(
        tree.tokens[c].lemma == "of" for c in tree.children(i, "prep")
    ):
        return False  # "a pair of boots", "dozens of rifles": what the "of" phrase names
    return tok.lemma in RELEASED_PEOPLE or tok.lemma in PERSON_NOUNS or tok.ent == "PERSON"


def _territory(tree: Tree, i: int) -> bool:
    """A place one holds: a named place or a word for land ("swaths of territory")."""
    tok = tree.tokens[i]
    if tok.ent in ("GPE", "LOC") or tok.lemma in TERRITORY:
        return True
    return any(
        _territory(tree, o)
        for p in tree.children(i, "prep")
        if tree.tokens[p].lemma == "of" and (tok.pos == "NUM" or tok.lemma in SHARES)
        for o in tree.children(p, "pobj")
    )


def plea(code: str, tree: Tree, trigger: int) -> str:
    """ "pleaded not guilty to the charge" denies it (016), "pleaded guilty" admits it (015):
    a plea in court, not an appeal ("plead for mercy" stays one)."""
    if tree.tokens[trigger].lemma != "plead":
        return code
    for c in tree.children(trigger, "acomp", "advmod", "oprd"):
        word = tree.tokens[c]
        if word.lemma not in PLEA_WORDS:
            continue
        negated = any(tree.tokens[n].dep == "neg" for n in [*tree.kids[c], *tree.kids[trigger]])
        if word.lemma == "innocent" or negated:
            return PLEA_DENIAL
        return PLEA_ADMISSION
    return code


def released(code: str, tree: Tree, target: int | None, named: bool) -> str:
    """A release of people (0841) when the ones released are people ("the release of 200
    prisoners", "he was released on bail"); the code unchanged otherwise."""
    if code != RELEASE_CODE or target is None:
        return code
    people = _people(tree, target) or (named and tree.tokens[target].pos != "NOUN")
    return PEOPLE_RELEASE_CODE if people else code


def expelled(code: str, tree: Tree, target: int | None) -> str:
    """Diplomats expelled: relations reduced (161), not people deported (174)."""
    if code[:3] != EXPEL_CODE or target is None:
        return code
    return DIPLOMATIC_EXPULSION if tree.tokens[target].lemma in DIPLOMATS else code


def purpose_targets(tree: Tree, clause: int, noun: int | None) -> list[int]:
    """Whom force is used on by the purpose it serves: "launched a campaign in Afrin in an effort
    to drive out Kurdish militias", "an offensive to oust the rebels"."""
    out: list[int] = []
    for v in _purpose_clauses(tree, clause, noun):
        if tree.tokens[v].lemma in OUSTING_VERBS:
            for o in tree.children(v, *OBJECT_DEPS):
                out.extend(tree.conjuncts(o))
    return out


def figurative_fight(
    tree: Tree, trigger: int, code: str, sources: list[Mention], targets: list[Mention]
) -> bool:
    """True for a fight that is no act of force between its sides: between institutions of
    politics ("the mayor battles Congress for funds"), or people fighting with an armed group
    they joined ("British nationals fighting with Islamic State", "he fought with the YPG")."""
    lemma = tree.tokens[trigger].lemma
    if code[:2] not in FORCE_ROOTS or lemma not in FIGHTING_VERBS or not targets:
        return False
    if all(m.actor.sector in POLITICAL for m in [*sources, *targets]):
        return True
    if any(tree.tokens[p].lemma == "alongside" for p in tree.children(trigger, "prep", "advmod")):
        return True  # "militiamen fighting alongside Assad's forces": on their side
    beside = any(
        tree.tokens[p].lemma in ("with", "alongside", "for") for p in tree.children(trigger, "prep")
    )
    joined = all(t.actor.sector in ARMED_GROUPS for t in targets)
    # Civilians, or one person by name whatever their trade ("he fought with the YPG", said
    # of a former soldier): one person does not fight an army "with" it as its enemy.
    return beside and joined and all(_joiner(tree, s) for s in sources)


def _joiner(tree: Tree, s: Mention) -> bool:
    """True for a source who may join an armed group: civilians, or one person (a name, a
    singular personal pronoun)."""
    if s.actor.sector in (None, "CVL"):
        return True
    head = tree.tokens[s.head]
    return (s.actor.name is not None and head.ent == "PERSON") or head.lemma.lower() in (
        "he",
        "she",
    )


def shown(tree: Tree, trigger: int, code: str) -> bool:
    """True for "demonstrate" with a direct object: something shown ("demonstrating Russia's
    new clout", "demonstrated its resolve"), no protest."""
    tok = tree.tokens[trigger]
    return code[:2] == "14" and tok.lemma == "demonstrate" and bool(tree.children(trigger, "dobj"))


# Words that make an attack a bombing ("a bomb attack", "a car-bomb attack", "a suicide attack").
BOMB_WORDS = frozenset({"bomb", "car", "suicide", "roadside", "explosive"})
ATTACK_WORDS = frozenset({"attack", "ambush", "blast"})


# Weapons that explode, and verbs of their going off.
BOMB_NOUNS = frozenset({"bomb", "explosive", "ied", "device", "bomber"})
EXPLODING_VERBS = frozenset({"explode", "detonate", "blow"})


def bomb_attack(code: str, tree: Tree, trigger: int) -> str:
    """A killing or wounding (190) done in or by a bomb attack ("wounded two soldiers in a bomb
    attack"), by a bomb ("a car bomb killed ten") or by something that exploded ("a drone
    exploded, killing two soldiers") is a bombing (183), as the attack's own noun would be."""
    if code != "190":
        return code
    tok = tree.tokens[trigger]
    if any(tree.tokens[c].lemma in BOMB_NOUNS for c in tree.children(trigger, "nsubj")):
        return BOMBING_CODE
    if tok.dep == "advcl" and tok.tag == "VBG" and tok.head != trigger:
        verb = tree.tokens[tok.head]
        subjects = tree.children(verb.i, "nsubj")
        if verb.lemma in EXPLODING_VERBS or any(
            tree.tokens[c].lemma in BOMB_NOUNS for c in subjects
        ):
            return BOMBING_CODE
    for p in tree.children(trigger, "prep", "agent"):
        if tree.tokens[p].lemma not in ("in", "by"):
            continue
        for o in tree.children(p, "pobj"):
            if tree.tokens[o].lemma not in ATTACK_WORDS:
                continue
            if any(
                tree.tokens[c].lemma in BOMB_WORDS
                for c in tree.children(o, "compound", "amod", "nmod")
            ):
                return BOMBING_CODE
    return code


def military_bombing(code: str, sources: list[Mention]) -> str:
    """The air strike a bombing by a state or its armed forces is; other codes as they are."""
    if code != BOMBING_CODE or not sources:
        return code
    if all(
        s.actor.country is not None
        and s.actor.sector in STATE_FORCES
        and (s.actor.code or "")[:3] not in ("IGO", "NGO", "IMG")
        for s in sources
    ):
        return AIR_STRIKE_CODE
    return code


def named_as(tree: Tree, trigger: int, code: str) -> bool:
    """True for "call" naming its object ("calls the president a liar", "called Peru's
    leader a hero", "the step was called reckless"): what it is called is a statement, no
    telephone call or meeting (04), no appeal (02)."""
    tok = tree.tokens[trigger]
    if code[:2] not in ("02", "04") or tok.lemma != "call":
        return False
    if any(tree.tokens[p].lemma in ("on", "for") for p in tree.children(trigger, "prep")):
        return False  # "called on Iraq to expel", "called Thursday for talks": an appeal
    if any(tree.tokens[o].ent not in ("DATE", "TIME") for o in tree.children(trigger, "oprd")):
        return True
    return any(
        tree.tokens[a].pos == "NOUN"
        for o in tree.children(trigger, *OBJECT_DEPS)
        for a in tree.children(o, "appos")
    )


def figurative_object(tree: Tree, trigger: int, code: str, target: int | None) -> bool:
    """True for force verbs whose object is a goal, not a thing hit: "hit the 0.7% aid spending
    target", "hit a record high", "struck a deal"; and "burnt out" (worn out)."""
    tok = tree.tokens[trigger]
    if code[:2] not in FORCE_ROOTS:
        return False
    if tok.lemma == "burn" and any(tree.tokens[c].lemma == "out" for c in tree.kids[trigger]):
        return True
    if tok.lemma not in ("hit", "strike", "reach", "miss") or target is None:
        return False
    obj = tree.tokens[target]
    if obj.lemma in GOAL_WORDS:
        return True
    mods = [tree.tokens[c] for c in tree.children(target, "compound", "amod", "nmod", "nummod")]
    return obj.lemma == "target" and any(
        m.lemma in MEASURED_GOALS or m.ent in ("PERCENT", "MONEY", "CARDINAL") for m in mods
    )


def _purpose_clauses(tree: Tree, clause: int, noun: int | None = None) -> list[int]:
    """The "to" clauses that say what an act is for: on its verb ("sent troops to help"), on its
    noun ("an offensive to oust"), or on "in an effort/a bid to" ("in an effort to drive out")."""
    heads = [clause] if noun is None else [clause, noun]
    out: list[int] = []
    for h in heads:
        for c in tree.children(h, "advcl", "xcomp", "acl"):
            if any(tree.tokens[a].lemma == "to" for a in tree.children(c, "aux")):
                out.append(c)
        for p in tree.children(h, "prep"):
            for o in tree.children(p, "pobj"):
                if tree.tokens[o].lemma in ("effort", "bid", "attempt", "push", "drive", "order"):
                    out.extend(tree.children(o, "acl"))
    return out
