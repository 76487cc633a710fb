"""Events named by a noun that no verb reports: "Turkey's offensive in Afrin", "a Turkish military
campaign", "US airstrikes", "the arrest of the opposition leader", "his arrest in July".

The coder codes a noun in passing when its own phrase names both sides ("Russia's attack on
Ukraine"). This module adds what the phrase can say besides:

- its doer as a nationality or a name that modifies it ("Turkish offensive", "US airstrikes",
  "an Isis ambush"): the adjective or name is read as that state's forces for acts of force,
  its government for sanctions and coercion (:func:`implied_mentions`);
- its doer alone, for the acts CAMEO codes without a target: force, protest, mobilisation
  ("Turkey's offensive in Afrin", roots 14, 15, 18-20: :data:`SOURCE_ONLY_ROOTS`);
- its victim alone, for acts done to someone whose doer it leaves out ("the arrest of the
  opposition leader", "his arrest": the possessor of an arrest is the one arrested): the
  coder then codes a one-sided event (:func:`patient_possessor`).

Only in a clause that reports the noun as having happened (``_match_nouns._factual_host``).
"""

from __future__ import annotations

from kipu.actors import load_dictionaries
from kipu.events._patterns import Pattern, PatternIndex
from kipu.events._tree import Tree
from kipu.records import Actor, Mention

# Roots CAMEO codes with a doer and no target: protest (14), mobilisation (15), assault (18),
# fighting (19), mass violence (20). A noun whose phrase names only its doer is coded for these.
SOURCE_ONLY_ROOTS = frozenset({"14", "15", "18", "19", "20"})
# Roots of the acts whose nationality modifier names a state's forces ("Russian airstrikes":
# RUSMIL) or its government ("US sanctions": USAGOV).
MILITARY_ROOTS = frozenset({"15", "18", "19", "20"})
GOVERNMENT_ROOTS = frozenset({"16", "17"})
# Nouns of acts done to someone whose possessor is the one they were done to, when no "of"
# phrase names them: "his arrest", "Navalny's detention" (but "Turkey's expulsion of envoys").
PATIENT_NOUNS = frozenset(
    "arrest detention imprisonment jailing capture abduction kidnapping killing murder "
    "assassination execution torture deportation sentencing trial release disappearance".split()
    # (not "conviction": "their socialist convictions" are beliefs)
)
# Weapons whose nationality names the forces that fired them ("Russian missiles hit the
# market"); platforms (jets, drones, warships) are agents of the actor stage.
WEAPONS = frozenset("missile rocket shell mortar bomb munition bullet torpedo".split())
# Kinds of country words that name a state ("Turkey", "US", "Turkish"; capitals are places).
COUNTRY_KINDS = ("name", "short", "adjective")
# Nouns that name a state of affairs, not an act that happened at a time: "Trump's hostility",
# "the war against Islamic State", "Turkey's presence" (habitual or ongoing, not the news).
STATE_NOUNS = frozenset(
    "war hostility conflict insurgency struggle rivalry occupation presence tension enmity "
    "dispute".split()
)
# Nouns of acts two sides do to each other: "clashes with US forces" names one side only, and
# it is no victim.
MUTUAL_NOUNS = frozenset(
    "clash fighting battle skirmish confrontation firefight gunfight exchange fight".split()
)
# Modifiers and predicates that make an act named by a noun possible rather than done: "a
# potential Turkish attack", "attacks on the UK are imminent".
HEDGES = frozenset(
    "potential possible likely imminent planned future threatened feared expected anticipated "
    "proposed alleged suspected apparent rumoured rumored looming new near close".split()
)


# Nouns of an attack: whoever their modifier names did it ("an Isis ambush").
FORCE_NOUNS = frozenset(
    "attack strike airstrike shelling bombing raid offensive assault bombardment invasion "
    "operation ambush barrage".split()
)


# Places a group holds: the organisation named on them holds them ("Isis strongholds").
HELD_PLACES = frozenset(
    "stronghold hideout base camp position outpost territory headquarters enclave".split()
)


def implied_mentions(
    tree: Tree, index: PatternIndex, by_head: dict[int, Mention]
) -> dict[int, Mention]:
    """Actors named by a country's adjective or name modifying an event noun ("Turkish
    offensive", "US airstrikes", "Russian-backed forces" is not one: a hyphenated word is left
    alone), keyed by the modifier's token index; modifiers the actor stage resolved are kept as
    they are."""
    out: dict[int, Mention] = {}
    for tok in tree.tokens:
        if tok.dep not in ("amod", "compound") or tok.i in by_head or tok.head == tok.i:
            continue
        noun = tree.tokens[tok.head]
        entries = index.nouns.get(noun.lemma)
        weapon = noun.lemma in WEAPONS  # "Russian missiles hit the market"
        force = noun.lemma in FORCE_NOUNS  # "killed in an Isis ambush"
        held = noun.lemma in HELD_PLACES and tok.ent == "ORG"  # "the last Isis strongholds"
        if noun.pos != "NOUN" or not (entries or weapon or force or held):
            continue
        if _hyphenated(tree, tok.i):
            continue
        if tok.pos == "NOUN" and tok.ent == "ORG":
            # an organisation's name the tagger took for a common noun ("an Isis ambush")
            actor = _organisation(_entity_text(tree, tok.i), noun.text)
            if actor is not None:
                out[tok.i] = Mention(head=tok.i, start=tok.i, end=tok.i + 1, actor=actor)
                continue
        kind = any(tok.lemma in p.words for p in entries or ())  # "a terror attack": its kind
        if tok.pos == "NOUN" and tok.dep == "compound" and entries and not kind:
            found = _agent(tok.lemma, tok.text, noun.text)  # "a regime offensive"
            if found is not None:
                out[tok.i] = Mention(head=tok.i, start=tok.i, end=tok.i + 1, actor=found)
            continue
        if tok.pos not in ("ADJ", "PROPN"):
            continue
        words = _entity_text(tree, tok.i)
        actor = _organisation(words, noun.text) if tok.pos == "PROPN" else None
        country = _country(words) if tok.ent in ("NORP", "GPE") else None
        if actor is None and country is not None:
            roots = {p.code[:2] for p in entries or ()}
            military = weapon or roots & MILITARY_ROOTS
            government = roots & GOVERNMENT_ROOTS
            sector = "MIL" if military else "GOV" if government else None
            actor = Actor(
                text=words,
                name=None,
                code=f"{country}{sector or ''}",
                country=country,
                sector=sector,
                rule=f"implied: {words!r} names the doer of '{noun.text}'",
            )
        if actor is not None:
            out[tok.i] = Mention(head=tok.i, start=tok.i, end=tok.i + 1, actor=actor)
    return out


def _agent(lemma: str, text: str, noun: str) -> Actor | None:
    """The agent a common noun modifying an event noun names ("a regime offensive", "a police
    crackdown"), with its sector and no country (the text around says which)."""
    sectors = {e.sector for e in load_dictionaries().agents.get(lemma, []) if e.kind == "noun"}
    if len(sectors) != 1:
        return None
    sector = sectors.pop()
    return Actor(
        text=text,
        name=None,
        code=sector,
        country=None,
        sector=sector,
        rule=f"agent:{lemma} (names the doer of '{noun}')",
    )


def _organisation(words: str, noun: str) -> Actor | None:
    """The organisation whose name modifies an event noun ("an Isis ambush")."""
    entry = load_dictionaries().orgs.get(" ".join(words.lower().split()))
    if entry is None:
        return None
    return Actor(
        text=words,
        name=entry.text,
        code=entry.code,
        country=entry.country,
        sector=entry.sector,
        rule=f"organisation:{entry.text} (names the doer of '{noun}')",
    )


# Participles by which a hyphenated name before them led an act ("a US-led bombing"); not
# "backed" or "sponsored", which name a supporter.
LEADING_PARTICIPLES = frozenset({"lead", "launch", "conduct", "orchestrate", "mount"})


def modifier_sources(tree: Tree, n: int, by_head: dict[int, Mention]) -> list[int]:
    """The modifiers of an event noun that name an actor ("Turkish offensive", "an Isis
    ambush", "a regime offensive", "a US-led bombing"), first to last; an agent with no
    country beside one with a country is the same actor ("a Syrian air force onslaught")."""
    found = [c for c in tree.children(n, "amod", "compound", "nmod") if c in by_head]
    for c in tree.children(n, "amod"):
        if tree.tokens[c].lemma in LEADING_PARTICIPLES and tree.tokens[c - 1].text == "-":
            # "a US-led bombing", "the Russian-launched offensive": who led it did it
            found += [k for k in tree.children(c, "npadvmod", "compound", "amod") if k in by_head]
    placed = [c for c in found if by_head[c].actor.country is not None]
    return placed or found


def patient_possessor(tree: Tree, n: int) -> int | None:
    """The possessor of an act done to it ("his arrest", "Navalny's detention"), or None when the
    noun is no such act or an "of" phrase names whom it was done to ("Turkey's expulsion of the
    envoys": Turkey expelled)."""
    if tree.tokens[n].lemma not in PATIENT_NOUNS:
        return None
    if any(tree.tokens[p].lemma == "of" for p in tree.children(n, "prep")):
        return None
    poss = tree.children(n, "poss")
    return poss[0] if poss else None


def source_only(pattern: Pattern) -> bool:
    """True for a noun entry coded with its doer alone."""
    return pattern.code[:2] in SOURCE_ONLY_ROOTS


def names_an_act(tree: Tree, n: int, host: int) -> bool:
    """True when a noun in passing reports an act that happened, as far as its own words and
    its predicate say: not a state of affairs ("Trump's hostility"), not hedged ("a potential
    attack", "attacks are imminent")."""
    if tree.tokens[n].lemma in STATE_NOUNS:
        return False
    if any(tree.tokens[c].lemma in HEDGES for c in tree.children(n, "amod")):
        return False
    return not any(tree.tokens[c].lemma in HEDGES for c in tree.children(host, "acomp", "attr"))


def one_sided_noun(tree: Tree, n: int) -> bool:
    """True when a noun naming no doer can be a one-sided act: not an act of two sides ("clashes
    with US forces"), not a bare plural, which names a kind of act ("attacks on civilians are a
    war crime", "strikes against fighters") more often than acts that happened."""
    tok = tree.tokens[n]
    if tok.lemma in MUTUAL_NOUNS or tok.lemma in STATE_NOUNS:
        return False
    plural = tok.tag in ("NNS", "NNPS")
    determined = tree.children(n, "det", "poss", "nummod")
    return not plural or bool(determined)


def _hyphenated(tree: Tree, i: int) -> bool:
    """A word glued by a hyphen to the next ("US-led", "Russian-backed")."""
    tokens = tree.tokens
    return (
        i + 1 < len(tokens) and tokens[i + 1].text == "-" and tokens[i + 1].start == tokens[i].end
    )


def _entity_text(tree: Tree, i: int) -> str:
    """The words of the entity around a token ("United States" of "States")."""
    tokens = tree.tokens
    start, end = i, i + 1
    while start > 0 and tokens[start].ent_iob == "I" and tokens[start - 1].ent == tokens[i].ent:
        start -= 1
    while end < len(tokens) and tokens[end].ent_iob == "I" and tokens[end].ent == tokens[i].ent:
        end += 1
    return " ".join(t.text for t in tokens[start:end])


def _country(text: str) -> str | None:
    """The one country a name or adjective stands for, or None."""
    entries = load_dictionaries().countries.get(" ".join(text.lower().split()), [])
    codes = {e.code for e in entries if e.kind in COUNTRY_KINDS}
    return codes.pop() if len(codes) == 1 else None
