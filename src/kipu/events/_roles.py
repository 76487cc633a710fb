"""Who does an act, read off the parse: the logical subject of a verb up its chain
(``_subjects``: passives, relative clauses, open complements, headline passives, main verbs
misparsed as participles), the doer an event noun's own phrase names (``_noun_sources``), the
speaker a pronoun of reported speech stands for (``_reported_speaker``), the agent of a
participle after its victims, the sides of a passive "between"."""

from __future__ import annotations

from kipu.events._mentions import _mention
from kipu.events._mood import begun_process, owned_act_noun
from kipu.events._nominal import FORCE_NOUNS as FORCE_NOUNS
from kipu.events._nominal import modifier_sources, patient_possessor
from kipu.events._tree import OBJECT_DEPS, Tree
from kipu.records import Mention

# Verbs that report speech: "said that Iran must release the sailors" is a demand on Iran.
SPEECH_VERBS = frozenset(
    "say tell state declare reiterate insist stress argue add announce conclude write repeat "
    "emphasise emphasize maintain assert warn".split()
)
# Pronouns that, as the subject of reported speech, usually stand for the speaker.
SPEAKER_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})
# Nouns of force whose possessor or "by" phrase is the one who used it, as the subject of a
# verb of harm: "Russia's shelling killed ten civilians".
# Verbs whose "in" phrase names the act and whose subject, passive or not, does it: "Serbian
# forces were engaged in ethnic cleansing", "have engaged in talks with".
ENGAGING_VERBS = frozenset({"engage"})
# Prepositions after "VERB OBJECT" whose gerund is the object's act, not the subject's:
# "accused China of violating", "blamed Kyiv for shelling", "praised Peru for hosting".
ACCUSED_PREPS = frozenset({"of", "for"})
# The dependencies of a clause's subject.
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
# Pronouns that open a relative clause.
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# Verbs whose participle after a noun says who holds it ("territory occupied by Isis", "areas
# controlled by the rebels"): a state of affairs, not an act.
HOLDING_VERBS = frozenset({"occupy", "hold", "control", "besiege", "surround"})
# Verbs whose object is not who does the act of their open complement ("promised Iran to
# withdraw": the one who promised withdraws).
SUBJECT_CONTROL_VERBS = frozenset({"promise", "pledge", "vow", "swear", "offer"})


# Participles that describe whom a group or a thing belongs with, not an act told ("rebels
# backed by Ankara", "militias funded by Iran"): their "by" agent does no act here.
DESCRIBING_PARTICIPLES = (
    frozenset(
        "back support sponsor fund finance arm train equip ally align link affiliate control "
        "hold run lead dominate found base issue publish write post quote cite report".split()
    )
    | HOLDING_VERBS
)  # "the territory occupied by Kenyan troops": a state of holding


def _subjects(tree: Tree, v: int, by_head: dict[int, Mention]) -> list[int]:
    """The logical subject(s) of a verb, inherited up the chain when the clause has none."""
    seen: set[int] = set()
    node = v
    step = ""  # the relation last climbed
    shared_passive = False  # climbed from a bare participle: "were captured and killed"
    while node not in seen:
        seen.add(node)
        tok = tree.tokens[node]
        agent = [o for a in tree.children(node, "agent") for o in tree.children(a, "pobj")]
        if not agent and tok.tag == "VBN" and tok.dep == "acl":
            # "a drone shot down and recovered by Kurdish forces": the participles share it
            agent = [
                o
                for c in tree.children(node, "conj")
                if tree.tokens[c].tag == "VBN"
                for a in tree.children(c, "agent")
                for o in tree.children(a, "pobj")
            ]
        passive_subjects = tree.children(node, "nsubjpass")
        if passive_subjects and not agent:
            agent = _misattached_agent(tree, node, by_head)
        if passive_subjects and not agent and _engaged_in(tree, node) is not None:
            return tree.conjuncts(passive_subjects[0])  # "were engaged in": they did it
        if (
            agent
            and not passive_subjects
            and tok.tag == "VBN"
            and (
                tok.dep == "conj" or (tok.dep == "acl" and tok.lemma not in DESCRIBING_PARTICIPLES)
            )
        ):
            # "was betrayed and arrested by soldiers"; "a conference boycotted by the
            # opposition": the "by" agent of a participle does its act
            return tree.conjuncts(agent[0])
        if not passive_subjects and tok.dep == "conj" and tree.children(node, "auxpass"):
            # "had surrendered or been killed": a passive whose patient is the subject before.
            return tree.conjuncts(agent[0]) if agent else []
        if passive_subjects and shared_passive:
            # "300 militants had been neutralized, killed or injured": passive too, by the agent.
            return tree.conjuncts(agent[0]) if agent else []
        if passive_subjects and step in ("conj", "xcomp"):
            # "X was indicted and will resign", "X was forced to resign": X resigns.
            return tree.conjuncts(passive_subjects[0])
        if passive_subjects:
            return tree.conjuncts(agent[0]) if agent else []
        subj = tree.children(node, *SUBJECT_DEPS)
        if subj and _reduced_passive(tree, node):
            return []  # "Kenyan protesters arrested in Nairobi": the protesters were arrested
        if subj:
            s = subj[0]
            if tree.tokens[s].lemma in RELATIVE_PRONOUNS and tok.dep == "relcl":
                return tree.conjuncts(tok.head)
            return tree.conjuncts(s)
        if tok.dep == "relcl":
            return tree.conjuncts(tok.head)
        if tok.dep == "acl" and (root := _misparsed_main_verb(tree, node)) is not None:
            return tree.conjuncts(root)
        if (taken := _occasion_taken(tree, node)) is not None:
            step = "acl"
            node = taken  # "used the speech to vilify Chile": who used it
            continue
        if (noun := owned_act_noun(tree, node)) is not None:
            return _owner_of_act_noun(tree, noun, by_head)  # "Hungary's decision to expel"
        if tok.dep == "xcomp" and (controller := _object_controller(tree, node, by_head)):
            return controller  # "persuaded Trump to launch strikes": Trump launched them
        if tok.dep in ("xcomp", "conj", "advcl", "acomp"):
            shared_passive = (
                tok.dep == "conj"
                and tok.tag == "VBN"
                and not tree.children(node, "aux", "auxpass", "nsubj", "nsubjpass")
                and not tree.children(node, *OBJECT_DEPS)
            )
            step = tok.dep
            node = tok.head
        elif tok.dep == "pcomp":
            prep = tree.tokens[tok.head]
            governor = prep.head
            objects = tree.children(governor, *OBJECT_DEPS)
            if prep.lemma in ACCUSED_PREPS and objects and prep.head != prep.i:
                # "accused China of violating", "blamed Kyiv for shelling": the object did it.
                return tree.conjuncts(objects[0])
            step = "pcomp"
            node = governor  # "after meeting with": the verb the phrase modifies
            if begun_process(tree, governor):
                node = tree.tokens[governor].head  # "began the process of returning": who began
        elif tree.tokens[node].pos == "ADJ" and tok.dep == "acomp":
            step = "acomp"
            node = tok.head
        else:
            return []
    return []


# Nouns of a chance taken to do something: the one who takes it does the act ("misses no
# opportunity to vilify Iran", "used the occasion to condemn", "seized the moment to attack").
OCCASION_NOUNS = frozenset({"opportunity", "chance", "occasion", "moment", "platform"})
# Verbs by which one takes such a chance (and "miss" when denied: "never misses a chance").
TAKING_VERBS = frozenset({"use", "take", "seize", "grab", "exploit", "utilise", "utilize"})


def _occasion_taken(tree: Tree, v: int) -> int | None:
    """The verb whose object is the occasion a "to" clause completes ("took the chance to
    attack": took), or None."""
    tok = tree.tokens[v]
    if tok.dep != "acl" or not any(tree.tokens[c].lemma == "to" for c in tree.children(v, "aux")):
        return None
    noun = tree.tokens[tok.head]
    if noun.lemma not in OCCASION_NOUNS or noun.dep not in OBJECT_DEPS or noun.head == noun.i:
        return None
    verb = noun.head
    denied = any(tree.tokens[c].lemma in ("no", "not", "never") for c in tree.kids[noun.i]) or any(
        tree.tokens[c].dep == "neg" for c in tree.kids[verb]
    )
    lemma = tree.tokens[verb].lemma
    if lemma in TAKING_VERBS and not denied:
        return verb
    if lemma == "miss" and denied:
        return verb  # "misses no opportunity to", "never misses a chance to"
    return None  # "had no chance to meet", "missed the chance to": not done


def _engaged_in(tree: Tree, v: int) -> int | None:
    """The noun of "engaged in X" ("were engaged in ethnic cleansing") when the verb has no
    object of its own; None otherwise."""
    if tree.tokens[v].lemma not in ENGAGING_VERBS or tree.children(v, *OBJECT_DEPS):
        return None
    for p in tree.children(v, "prep"):
        if tree.tokens[p].lemma == "in":
            for o in tree.children(p, "pobj"):
                if tree.tokens[o].pos == "NOUN":
                    return o
    return None


def _misattached_agent(tree: Tree, v: int, by_head: dict[int, Mention]) -> list[int]:
    """The agent of a passive verb that the parse hung on the object of the verb's own
    phrase ("are carried out with impunity by Syrian forces": "by" under "impunity"), when
    it names an actor."""
    return [
        o
        for p in tree.children(v, "prep")
        for n in tree.children(p, "pobj")
        for b in tree.children(n, "prep")
        if tree.tokens[b].lemma == "by"
        for o in tree.children(b, "pobj")
        if _mention(tree, o, by_head) is not None
    ][:1]


def _object_controller(tree: Tree, xcomp: int, by_head: dict[int, Mention]) -> list[int]:
    """The actor object of the verb an open complement hangs on, which is who does the
    complement's act ("led Riyadh to renege", "forced the rebels to withdraw", "persuaded Trump
    to launch strikes"); nothing when that object is no actor or name ("took steps to end the
    war") or the verb's own subject does the act ("promised Iran to withdraw")."""
    governor = tree.tokens[xcomp].head
    if tree.tokens[governor].lemma in SUBJECT_CONTROL_VERBS:
        return []
    for o in tree.children(governor, "dobj"):
        if o < xcomp and (_mention(tree, o, by_head) is not None or tree.tokens[o].pos == "PROPN"):
            return tree.conjuncts(o)  # a name no dictionary knows is still who acts
    return []


def _passive_between(tree: Tree, v: int, by_head: dict[int, Mention]) -> list[Mention]:
    """The sides of a passive act with no agent named by "between" on the verb or on the noun
    it is done to ("an agreement was signed between Kenya and Uganda", "a summit between Peru
    and Chile will be held", "a summit between Peru and Chile to be held in Lima")."""
    if tree.children(v, "agent"):
        return []
    nouns = tree.children(v, "nsubjpass")
    if not nouns and _passive_modifier(tree, v):
        nouns = [tree.tokens[v].head]
    if not nouns:
        return []
    return [
        found
        for p in [*tree.children(v, "prep"), *tree.children(nouns[0], "prep")]
        if tree.tokens[p].lemma == "between"
        for o in tree.children(p, "pobj")
        for i in tree.conjuncts(o)
        if (found := _mention(tree, i, by_head)) is not None
    ]


def _passive_modifier(tree: Tree, v: int) -> bool:
    """True for a passive participle modifying the noun it is done to, with no subject of its
    own: "the regime, backed by Moscow", "a summit to be held in Lima"."""
    tok = tree.tokens[v]
    if tok.head == v or tok.tag != "VBN" or tree.children(v, "nsubjpass", "nsubj"):
        return False
    return tok.dep == "acl" or (tok.dep == "relcl" and bool(tree.children(v, "auxpass")))


def _participle_agent(tree: Tree, v: int) -> list[int]:
    """The agent of a past participle modifying its patient ("civilians killed by government
    forces"), or nothing."""
    tok = tree.tokens[v]
    if tok.dep != "acl" or tok.tag != "VBN" or tok.head == v or tok.lemma in HOLDING_VERBS:
        return []  # "territory occupied by Islamic State": who holds it, a state of affairs
    agents = [o for a in tree.children(v, "agent") for o in tree.children(a, "pobj")]
    return tree.conjuncts(agents[0]) if agents else []


def _reduced_passive(tree: Tree, v: int) -> bool:
    """A past participle standing as the main verb with no auxiliary and no object, as headlines
    write a passive ("Kenyan protesters arrested in Nairobi", "Five journalists detained"):
    its subject is the one acted on, not the actor."""
    tok = tree.tokens[v]
    if tok.tag != "VBN" or tok.dep != "ROOT":
        return False
    return not tree.children(v, "aux", "auxpass", *OBJECT_DEPS)


# Verbs whose subject owns the decision or plan they make known: "Hungary announced a plan to".
MAKING_VERBS = frozenset({"make", "take", "announce", "unveil", "reach", "confirm", "adopt"})


def _owner_of_act_noun(tree: Tree, n: int, by_head: dict[int, Mention]) -> list[int]:
    """Who decided, plans or threatens the act of a "to" clause on a noun: the noun's owner
    ("Hungary's decision", "the decision by Hungary", "the Hungarian plan"), or the subject of
    a verb that makes it known ("Hungary announced a plan to"); none for a noun judged by
    others ("criticised the decision to expel": not the critic's)."""
    tok = tree.tokens[n]
    poss = tree.children(n, "poss")
    if poss and tree.tokens[poss[0]].pos == "PRON" and _mention(tree, poss[0], by_head) is None:
        # "the minister came under fire for his decision to": "his" is the clause's subject
        verb = _verb_above(tree, n)
        return _subjects(tree, verb, by_head) if verb is not None else []
    found = _noun_sources(tree, n, n, by_head)
    if found:
        return found
    if tok.dep in OBJECT_DEPS and tree.tokens[tok.head].lemma in MAKING_VERBS:
        return _subjects(tree, tok.head, by_head)
    return []


def _verb_above(tree: Tree, n: int) -> int | None:
    """The verb a noun phrase belongs to, through a preposition ("came under fire for his
    decision": came)."""
    i = n
    for _ in range(3):
        tok = tree.tokens[i]
        if tok.head == i:
            return None
        i = tok.head
        if tree.tokens[i].pos in ("VERB", "AUX"):
            return i
        if tree.tokens[i].pos != "ADP":
            return None
    return None


def _misparsed_main_verb(tree: Tree, v: int) -> int | None:
    """The subject of a main verb the parse took for a participle of the sentence's root noun:
    "Doctors from two aid groups donated and delivered goods", "Palestinian youths resorted to
    throwing stones", "An Iranian newspaper called Thursday on Iraq to act" (None otherwise).
    Only with what a passive participle cannot have: an object (its own or a conjoined verb's),
    a "to" + gerund, or a day read as its name ("called Thursday"). "Ten soldiers killed in a
    blast" (a headline's passive) stays a modifier."""
    tok = tree.tokens[v]
    kids = [tree.tokens[c] for c in tree.kids[v]]
    if any(k.dep in ("nsubj", "nsubjpass", "agent", "auxpass") for k in kids) or any(
        k.lemma == "to" and k.dep == "aux" for k in kids
    ):
        return None
    node = tok.head
    for _ in range(4):  # up through "of/from" phrases to the root noun
        t = tree.tokens[node]
        if t.head == node or t.dep == "nsubj":
            break
        if t.dep not in ("pobj", "prep"):
            return None
        node = t.head
    root = tree.tokens[node]
    if root.pos not in ("NOUN", "PROPN"):
        return None
    # The root of the sentence, or one of two subjects of one verb ("youths resorted to
    # throwing stones ..., officials said": youths/nsubj and officials/nsubj of "said").
    if root.head != node and not (
        root.dep == "nsubj" and len(tree.children(root.head, "nsubj")) > 1
    ):
        return None
    verbs = [v, *(c for c in tree.children(v, "conj") if tree.tokens[c].pos == "VERB")]
    has_object = any(tree.children(w, *OBJECT_DEPS) for w in verbs)
    gerund = any(
        tree.tokens[p].lemma == "to" and tree.tokens[g].tag == "VBG"
        for p in tree.children(v, "prep")
        for g in tree.children(p, "pcomp")
    )
    day = any(k.dep == "oprd" and k.ent in ("DATE", "TIME") for k in kids)
    return node if has_object or gerund or day else None


def _noun_sources(tree: Tree, n: int, clause: int, by_head: dict[int, Mention]) -> list[int]:
    """The doer an event noun's own phrase names (its possessor, its "by" phrase, a name or
    nationality modifying it), else the subject of the verb reporting it."""
    poss = tree.children(n, "poss")
    if poss and patient_possessor(tree, n) is None:
        pronoun = tree.tokens[poss[0]].pos == "PRON" and _mention(tree, poss[0], by_head) is None
        if not (pronoun and clause != n):
            return tree.conjuncts(poss[0])
        # "The SDF began its assault on Raqqa": "its" is the subject of the verb reporting it.
    by = [
        o
        for p in tree.children(n, "prep")
        if tree.tokens[p].lemma == "by"
        for o in tree.children(p, "pobj")
    ]
    if not by and tree.tokens[n].lemma in FORCE_NOUNS:
        # "an attack on a police patrol by rebels": the parse hangs the attacker on the target.
        by = [
            o
            for p in tree.children(n, "prep")
            if tree.tokens[p].lemma in ("on", "against")
            for t in tree.children(p, "pobj")
            for b in tree.children(t, "prep")
            if tree.tokens[b].lemma == "by"
            for o in tree.children(b, "pobj")
        ]
    if by:
        return tree.conjuncts(by[0])
    subjects = _subjects(tree, clause, by_head) if clause != n else []
    if not any(_mention(tree, i, by_head) for i in subjects):
        # "US airstrikes killed ten", "Turkey's military campaign": no subject names the doer.
        return modifier_sources(tree, n, by_head) or subjects
    return subjects


def _reported_speaker(tree: Tree, i: int, by_head: dict[int, Mention]) -> list[Mention]:
    """The speaker a pronoun subject of reported speech stands for: "Uganda said it had paid",
    "Kenya says they will withdraw" (the subject of the speech verb governing the clause, when
    the pronoun itself is not resolved)."""
    tok = tree.tokens[i]
    if tok.pos != "PRON" or tok.lemma.lower() not in SPEAKER_PRONOUNS or tok.dep != "nsubj":
        return []
    clause = tree.tokens[tok.head]
    if clause.dep != "ccomp" or clause.head == tok.head:
        return []
    speech = clause.head
    if tree.tokens[speech].lemma not in SPEECH_VERBS:
        return []
    personal = tok.lemma.lower() in ("he", "she")
    speakers = [
        s
        for h in tree.children(speech, "nsubj")
        for c in tree.conjuncts(h)
        if (s := _mention(tree, c, by_head)) is not None
    ]
    # "he"/"she" stand for a person, "it" for anything but one ("Uganda said it had paid").
    if tok.lemma.lower() in ("he", "she", "it") and any(
        (tree.tokens[s.head].ent == "PERSON") != personal for s in speakers
    ):
        return []
    return speakers


def _first_conjunct(tree: Tree, i: int) -> int:
    """The first of a coordination ("Putin" of "Putin and Erdogan", from "Erdogan")."""
    while tree.tokens[i].dep == "conj" and tree.tokens[i].head != i:
        i = tree.tokens[i].head
    return i
