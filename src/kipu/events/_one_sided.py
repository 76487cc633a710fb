"""Acts whose doer the text leaves unsaid: "two soldiers were killed", "he was arrested", "a bomb
exploded in the market, killing two soldiers".

Users of event data count such acts (casualties, arrests) and GDELT keeps them with an empty
Actor1. An act is one-sided when the form of its clause leaves the doer out — a passive with no
"by" phrase or only a weapon in it, a headline passive ("Five journalists detained"), a
participle after its victims ("two activists detained on Monday"), a weapon or an attack as the
subject of the harm ("the blast killed ten") — and the clause names who or what was hit. The
source is then null, unless the act is one a state does through its police or courts (arrest,
detention, jail, conviction) and the clause names the state's place ("jailed in Turkey",
"arrested on a Turkish beach"): that state is the source (sector COP or JUD). Harm by accident
or nature ("killed in a car crash", "injured in the earthquake") is no event at all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from kipu.actors import load_dictionaries
from kipu.events._tree import OBJECT_DEPS, Tree
from kipu.events._unresolved import unresolved_mention
from kipu.records import Actor, Mention, Resolved

# Roots of acts done to someone whose doer a text may leave out: coercion (17: arrests,
# expulsions, repression), assault (18), fighting (19), mass violence (20); "found guilty"
# (116), an act of a court; a charge (112: "was accused of"); the release of people (084, 0841:
# "he was released on bail").
ONE_SIDED_ROOTS = frozenset({"17", "18", "19", "20"})
# A charge laid by no one named ("he is accused in Turkey of planning attacks", "was charged
# with terrorism offences"): the accusation (112) is an act of the state that brings it.
ONE_SIDED_CODES = frozenset({"116", "084", "112"})
RELEASING = frozenset({"release", "free"})
# Roots whose victim may be a thing: force hits buildings and convoys ("five hospitals were
# bombed"); an arrest or a conviction is of people.
THING_VICTIM_ROOTS = frozenset({"18", "19", "20"})
# Verbs (lemmas) of acts a state does through its police or its courts, with that sector: the
# source of "jailed in Turkey" is Turkey's judiciary.
STATE_ACT_SECTORS = {
    "arrest": "COP",
    "detain": "COP",
    "apprehend": "COP",
    "hold": "COP",
    "charge": "COP",
    "jail": "JUD",
    "imprison": "JUD",
    "convict": "JUD",
    "sentence": "JUD",
    "release": "JUD",
    "free": "JUD",
    "lock": "COP",
    "accuse": "JUD",
    "indict": "JUD",
    # the nouns of these acts: "his arrest in Egypt", "her detention in a Turkish jail"
    "detention": "COP",
    "imprisonment": "JUD",
    "jailing": "JUD",
    "conviction": "JUD",
    "sentencing": "JUD",
}
# Prepositions that place an act: "arrested in Turkey", "on a Turkish beach", "at the border".
PLACE_PREPS = frozenset({"in", "on", "at", "inside", "near"})
# Nouns of weapons, blasts and attacks: as the subject of harm or in its "by" phrase they name
# how, not who ("a roadside bomb killed two soldiers", "were killed by a mortar round").
WEAPON_NOUNS = frozenset(
    "bomb blast explosion explosive device mine landmine shell rocket missile mortar grenade "
    "bullet gunfire shot shooting round projectile drone airstrike strike attack raid ambush "
    "bombing bombardment shelling barrage ied".split()
)
# Causes that make harm an accident or a disaster, not an act: "killed in a car crash".
ACCIDENT_NOUNS = frozenset(
    "crash accident collision derailment earthquake quake tremor flood flooding storm hurricane "
    "typhoon cyclone tornado avalanche landslide mudslide fire blaze wildfire disease illness "
    "outbreak virus epidemic pandemic lightning stampede heatwave drought famine sinking "
    "shipwreck collapse".split()
)
# Nouns for people who can be victims though no actor dictionary names them ("three people",
# "a man", "two children"); agents (soldiers, civilians, police) are actors already.
PERSON_NOUNS = frozenset(
    "people person man woman child kid boy girl baby infant teenager youth adult family "
    "passenger pilgrim worshipper bystander victim body national citizen tourist migrant "
    "prisoner detainee hostage suspect member brother sister son daughter husband wife father "
    "mother parent relative engineer doctor nurse teacher driver farmer shepherd fisherman "
    "guard pair couple duo trio ally partner proxy".split()
)
PERSON_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "his", "their"})
# Nouns that count people: "dozens of men", "hundreds of civilians".
# ("the pair" are people; "a pair of boots" are what its "of" phrase says.)
COUNT_NOUNS = frozenset("dozen hundred thousand million score pair couple duo trio".split())
# Verbs whose passive or participle is too often no act of force: "the countries targeted in
# the travel ban", "a bullet hit the window", "people displaced by the war" (a count of the
# displaced, not an expulsion).
NOT_ONE_SIDED_VERBS = frozenset({"target", "hit", "displace", "affect", "strike"})


@dataclass(frozen=True, slots=True)
class OneSided:
    """The doer (None, or the state a place implies), the victims (empty when a thing was hit),
    and the form of the clause that left the doer out."""

    source: Mention | None
    victims: list[Mention]
    form: str


def one_sided_code(code: str, lemma: str | None = None) -> bool:
    """True for the acts this module codes with an unnamed doer (a release only by its own
    verb or noun: "was released", "was freed"; "is returned to the UK" is no release)."""
    if code[:3] == "084":
        return lemma is None or lemma in RELEASING
    return code[:2] in ONE_SIDED_ROOTS and code[:3] != "170" or code[:3] in ONE_SIDED_CODES


def unnamed_doer(
    tree: Tree,
    trigger: int,
    code: str,
    source_heads: list[int],
    find: Callable[[int], Mention | None],
    physical: Callable[[int], bool],
) -> OneSided | None:
    """The one-sided reading of a verb act whose source no actor fills, or None: when the form
    of its clause does not leave the doer out, the clause names no victim, or harm came by
    accident. ``find`` resolves a phrase head to its actor, ``physical`` tells a thing force can
    hit (the coder's lookups)."""
    lemma = tree.tokens[trigger].lemma
    if not one_sided_code(code, lemma) or lemma in NOT_ONE_SIDED_VERBS:
        return None
    form, victim_heads = _form(tree, trigger, source_heads)
    if form is None:
        return None
    if _accidental(tree, trigger, source_heads):
        return None
    victims: list[Mention] = []
    things = False
    for h in victim_heads:
        if tree.tokens[h].lemma in WEAPON_NOUNS:
            return None  # "airstrikes were carried out": the act itself, no victim
        if any(tree.tokens[d].lemma in ("no", "none") for d in tree.children(h, "det")):
            return None  # "no crew members were injured": no one was
        found = find(h) or unresolved_mention(tree, h) or _person(tree, h)
        if found is None and lemma in STATE_ACT_SECTORS:
            found = _named(tree, h)  # only people are arrested, jailed or convicted
        unnamed = [v for v in victims if v.actor.code is None]
        if found is not None and found.actor.code is None and unnamed:
            continue  # "men and boys were killed": one event for the victims no one names
        if found is not None:
            victims.append(found)
        elif physical(h):
            things = True
    if not victims and not (things and code[:2] in THING_VICTIM_ROOTS):
        return None
    return OneSided(source=implied_state(tree, trigger), victims=victims, form=form)


def victim(tree: Tree, i: int) -> Mention | None:
    """Someone hit whom no dictionary places: a name, a personal pronoun, a person noun."""
    return unresolved_mention(tree, i) or _person(tree, i)


def _form(tree: Tree, trigger: int, source_heads: list[int]) -> tuple[str | None, list[int]]:
    """Which form leaves the doer out, and the heads of the victims it names."""
    tok = tree.tokens[trigger]
    passive = tree.children(trigger, "nsubjpass")
    if passive:
        if not source_heads or all(_weapon(tree, h) for h in source_heads):
            return "a passive with no doer", tree.conjuncts(passive[0])
        return None, []
    shared = _shared_passive(tree, trigger)
    if shared is not None:
        return "a passive with no doer", tree.conjuncts(shared)
    if tok.dep == "conj" and tree.children(trigger, "auxpass") and tok.head != trigger:
        # "had surrendered or been killed": the subject of the verb before is the patient
        before = tree.children(tok.head, "nsubj", "nsubjpass")
        if before and not tree.children(trigger, "agent"):
            return "a passive with no doer", tree.conjuncts(before[0])
    subjects = tree.children(trigger, "nsubj")
    if subjects and tok.tag == "VBN" and tok.dep == "ROOT" and not tree.children(trigger, "aux"):
        if not tree.children(trigger, *OBJECT_DEPS):
            return "a headline passive", tree.conjuncts(subjects[0])
    if tok.dep == "acl" and tok.tag == "VBN" and not tree.children(trigger, "agent", *OBJECT_DEPS):
        return "a participle after its victims", tree.conjuncts(tok.head)
    objects = tree.children(trigger, *OBJECT_DEPS)
    if source_heads and objects and all(_weapon(tree, h) for h in source_heads):
        return "a weapon or an attack as the doer", tree.conjuncts(objects[0])
    return None, []


def _shared_passive(tree: Tree, trigger: int) -> int | None:
    """The passive subject a bare participle shares with the verb it is conjoined to ("were
    captured and killed": "killed" is passive too), or None."""
    node = trigger
    for _ in range(6):  # up a list of participles: "neutralized, killed, injured or taken"
        tok = tree.tokens[node]
        if tok.dep != "conj" or tok.tag != "VBN" or tok.head == node:
            return None
        if tree.children(node, "nsubj", "nsubjpass", "aux", "auxpass", "agent", *OBJECT_DEPS):
            return None
        node = tok.head
        if tree.children(node, "agent"):
            return None
        passive = tree.children(node, "nsubjpass")
        if passive:
            return passive[0]
    return None


def _weapon(tree: Tree, i: int) -> bool:
    """A weapon, blast or attack with no doer in its own phrase ("a car bomb", "the blast")."""
    tok = tree.tokens[i]
    if tok.lemma not in WEAPON_NOUNS or tok.pos != "NOUN":
        return False
    own = [c for c in tree.kids[i] if tree.tokens[c].dep == "poss"]
    by = [
        c
        for c in tree.children(i, "prep")
        if tree.tokens[c].lemma == "by" and tree.children(c, "pobj")
    ]
    return not own and not by


def _accidental(tree: Tree, trigger: int, source_heads: list[int]) -> bool:
    """Harm by accident or nature: "killed in a car crash", "the storm killed ten"."""
    heads = [*source_heads]
    for p in tree.children(trigger, "prep", "agent"):
        heads.extend(tree.children(p, "pobj"))
    return any(tree.tokens[h].lemma in ACCIDENT_NOUNS for h in heads)


def _person(tree: Tree, i: int) -> Mention | None:
    """A victim no dictionary names: a person noun ("three people", "a man"), a number standing
    for people ("two were killed", "dozens of men") or a personal pronoun, with no code (null,
    not a guess)."""
    tok = tree.tokens[i]
    end = i + 1
    counted = [
        o
        for p in tree.children(i, "prep")
        if tree.tokens[p].lemma == "of"
        for o in tree.children(p, "pobj")
    ]
    if (tok.pos == "NUM" or tok.lemma in COUNT_NOUNS) and counted:
        person = tree.tokens[counted[0]].lemma in PERSON_NOUNS  # "dozens of men"
        end = counted[0] + 1
    else:
        person = (
            tok.lemma in PERSON_NOUNS
            or (tok.pos == "PRON" and tok.lemma.lower() in PERSON_PRONOUNS)
            or (tok.pos == "NUM" and tok.ent in ("CARDINAL", ""))
        )
    if not person:
        return None
    start = min([i, *(c for c in tree.kids[i] if c < i and tree.tokens[c].dep != "punct")])
    text = " ".join(t.text for t in tree.tokens[start:end])
    actor = Actor(
        text=text,
        name=None,
        code=None,
        country=None,
        sector=None,
        rule=f"unresolved: victims no dictionary places ({text!r})",
    )
    return Mention(head=i, start=start, end=end, actor=actor)


def _named(tree: Tree, i: int) -> Mention | None:
    """Whoever a noun or name of an arrest's victim names, with no code ("Rojkan", "all
    credible challengers")."""
    tok = tree.tokens[i]
    if tok.pos not in ("NOUN", "PROPN") or tok.ent in ("DATE", "TIME", "MONEY", "PERCENT"):
        return None
    start = min([i, *(c for c in tree.kids[i] if c < i and tree.tokens[c].dep != "punct")])
    text = " ".join(t.text for t in tree.tokens[start : i + 1])
    actor = Actor(
        text=text,
        name=text if tok.pos == "PROPN" else None,
        code=None,
        country=None,
        sector=None,
        rule=f"unresolved: the one {tree.tokens[i].text!r} names, no dictionary places it",
    )
    return Mention(head=i, start=start, end=i + 1, actor=actor)


def implied_state(tree: Tree, trigger: int) -> Mention | None:
    """The state that arrested, jailed or convicted, when the clause names its place ("jailed
    in Turkey", "arrested on a Turkish beach", "convicted in a British court")."""
    lemma = tree.tokens[trigger].lemma
    sector = STATE_ACT_SECTORS.get(lemma)
    if sector is None:
        return None
    for p in tree.children(trigger, "prep"):
        if tree.tokens[p].lemma not in PLACE_PREPS:
            continue
        for o in tree.children(p, "pobj"):
            found = _place_country(tree, o)
            if found is None:
                continue
            country, start, end = found
            words = " ".join(t.text for t in tree.tokens[start:end])
            actor = Actor(
                text=words,
                name=None,
                code=f"{country}{sector}",
                country=country,
                sector=sector,
                rule=f"implied: {lemma} in {words!r}, the state's {sector}",
            )
            return Mention(head=o, start=start, end=end, actor=actor)
    return None


# The share of an article's country words one country must hold to be the place of its
# events, with at least PLACE_EVIDENCE of them, and twice the next country.
PLACE_SHARE = 0.6
PLACE_EVIDENCE = 3


def article_place(
    resolved: Resolved, trees: Sequence[Tree] | None = None
) -> tuple[str, str] | None:
    """The country an article's events happen in, when one dominates the places it names ("in
    Turkey", "a Turkish court", "Ankara"): (code, why), or None when none does."""
    counts: Counter[str] = Counter()
    for n, sentence in enumerate(resolved.parsed.sentences):
        tree = trees[n] if trees is not None else Tree(sentence)
        for t in sentence.tokens:
            if t.dep == "pobj" and tree.tokens[t.head].lemma in PLACE_PREPS:
                found = _place_country(tree, t.i)
                if found is not None:
                    counts[found[0]] += 1
    ranked = counts.most_common(2)
    if not ranked:
        return None
    code, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    total = sum(counts.values())
    if n >= PLACE_EVIDENCE and n >= PLACE_SHARE * total and n >= 2 * second:
        return code, f"{n} of {total} places the article names"
    return None


def state_in_sentence(
    tree: Tree, trigger: int, by_head: dict[int, Mention], victims: list[Mention]
) -> Mention | None:
    """The court or police the sentence itself names, as the one who jailed, convicted or
    released ("Brunson was released after a Turkish court suspended his sentence": TURJUD),
    when it names one country's only; a person they acted on is not one."""
    sector = STATE_ACT_SECTORS.get(tree.tokens[trigger].lemma)
    if sector is None:
        return None
    if tree.tokens[trigger].pos != "NOUN" and not tree.children(trigger, "auxpass"):
        return None  # only a passive's or a noun's ("a human rights group charged" is none)
    patients = {j for c in tree.children(trigger, "nsubjpass", "dobj") for j in tree.subtree(c)}
    patients |= {v.head for v in victims}
    bodies = [
        m
        for m in by_head.values()
        if m.actor.country is not None
        and m.actor.sector in ("JUD", "COP")
        and m.head not in patients
    ]
    if len({m.actor.country for m in bodies}) != 1:
        return None
    m = bodies[0]
    country = m.actor.country
    actor = replace(
        m.actor,
        code=f"{country}{sector}",
        sector=sector,
        rule=f"implied: {tree.tokens[trigger].lemma} by the state of {m.actor.text!r}, "
        f"the sentence's {m.actor.sector}; the state's {sector}",
    )
    return replace(m, actor=actor)


def article_courts(resolved: Resolved) -> tuple[str, str] | None:
    """The state whose courts and police the article names, when they are all one state's
    ("without the permission of the Turkish courts"): (code, why), or None. The state of an
    arrest, a conviction or a release no sentence places, when the article's places do not
    say (``article_place`` first)."""
    counts: Counter[str] = Counter(
        m.actor.country
        for mentions in resolved.mentions
        for m in mentions
        if m.actor.sector in ("JUD", "COP") and m.actor.country is not None
    )
    if len(counts) != 1:
        return None
    ((code, n),) = counts.items()
    return code, f"the article's courts and police are {code}'s ({n} named)"


def state_of_place(tree: Tree, trigger: int, place: tuple[str, str]) -> Mention | None:
    """The state of the article's place as the one who arrested, jailed, convicted or released
    (its police or courts), for a clause that names no place of its own."""
    lemma = tree.tokens[trigger].lemma
    sector = STATE_ACT_SECTORS.get(lemma)
    if sector is None:
        return None
    country, why = place
    actor = Actor(
        text=country,
        name=None,
        code=f"{country}{sector}",
        country=country,
        sector=sector,
        rule=f"implied: {lemma} where the article's events happen ({country}: {why}), "
        f"the state's {sector}",
    )
    return Mention(head=trigger, start=trigger, end=trigger + 1, actor=actor)


def _place_country(tree: Tree, i: int) -> tuple[str, int, int] | None:
    """The country a place phrase names, with the token span that names it: a country or its
    capital ("in Turkey", "in Ankara"), or a nationality adjective on the place ("on a Turkish
    beach", "in Turkish custody")."""
    tok = tree.tokens[i]
    if tok.ent == "GPE":
        start, end = i, i + 1
        while start > 0 and tree.tokens[start].ent_iob == "I":
            start -= 1
        while end < len(tree.tokens) and tree.tokens[end].ent_iob == "I":
            end += 1
        name = " ".join(t.text for t in tree.tokens[start:end])
        country = _country(name, ("name", "short", "capital"))
        return (country, start, end) if country else None
    for c in tree.children(i, "amod", "compound"):
        if tree.tokens[c].ent == "NORP" or tree.tokens[c].pos == "ADJ":
            country = _country(tree.tokens[c].text, ("adjective",))
            if country:
                return country, c, c + 1
    return None


def _country(text: str, kinds: tuple[str, ...]) -> str | None:
    """The one country a name, capital or adjective stands for, or None."""
    entries = load_dictionaries().countries.get(" ".join(text.lower().split()), [])
    codes = {e.code for e in entries if e.kind in kinds}
    return codes.pop() if len(codes) == 1 else None
