"""Context rules: when a place name is a place, and the country around an unnamed group.

"in Lima" is a place and "Washington is devoting" a government; "police in Nairobi" are Kenyan
and "Peru, where traffickers work" gives the traffickers a country; "pro-Russian" is a stance.
"""

from __future__ import annotations

from kipu.actors._dictionaries import ActorDictionaries, CountryEntry, key, load_dictionaries
from kipu.actors._match import _country_in, _phrase
from kipu.records import Sentence, Token

# Prepositions whose object is a place, not an actor ("in Lima", "near the border").
LOCATIVE_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "around",
        "across",
        "throughout",
        "within",
        "from",
        "into",
        "through",
        "beyond",
        "along",
        "off",
        "over",
        "toward",
        "towards",
    }
)


# Verbs of movement whose object or "to" phrase is a destination, not an actor.
MOTION_VERBS = frozenset(
    {
        "flee",
        "leave",
        "enter",
        "reach",
        "cross",
        "fly",
        "travel",
        "return",
        "go",
        "move",
        "head",
        "send",
        "deploy",
        "dispatch",
        "ship",
        "airlift",
        "transfer",
        "span",
    }
)
# Nouns of movement whose "to" phrase is a destination ("flights to Juba"); not "a visit to
# Kyiv", whose host is the visit's target.
MOTION_NOUNS = frozenset(
    {
        "flight",
        "entry",
        "journey",
        "voyage",
        "tour",
        "pilgrimage",
        "access",
        "road",
        "route",
        "deployment",
        "return",
        "travel",
        "passage",
    }
)
# Verbs whose object is a place ("blockade Paris", "the faction that controls Afghanistan").
PLACE_VERBS = frozenset({"blockade", "besiege", "control", "govern"})
# Verbs that move their object somewhere: the "to" phrase is a destination when the object is
# people ("sent troops to Iraq"), a recipient when it is things ("send arms to Pakistan").
SENDING_VERBS = frozenset({"send", "deploy", "dispatch", "ship", "airlift", "transfer"})
# Nouns of places: a country or city that owns one, names one or borders one is a place
# ("Macedonia's border", "the capital Juba", "the border with Kosovo").
PLACE_NOUNS = frozenset(
    {
        "border",
        "frontier",
        "boundary",
        "capital",
        "city",
        "town",
        "village",
        "province",
        "region",
        "district",
        "territory",
        "soil",
        "airspace",
        "water",
        "coast",
        "coastline",
        "outskirts",
        "suburb",
        "street",
        "countryside",
        "enclave",
        "port",
        "southeast",
        "southwest",
        "northeast",
        "northwest",
        "interior",
    }
)
# Nouns whose "of" phrase names who they belong to, not where they are ("the government of
# Tehran"); after any other noun a capital in an "of" phrase is a place ("the mayor of Tehran").
RULERS = frozenset({"government", "regime", "authority", "leadership", "administration"})
# Nouns before "of" that make a building a place ("in front of the consulate").
BUILDING_PARTS = frozenset(
    {"front", "outside", "gate", "step", "door", "roof", "ground", "compound", "wall"}
)


# Agent nouns that also name a place ("at the university", "in parliament", "to the embassy"):
# as the object of a locative preposition they are the place.
INSTITUTIONS = frozenset(
    {
        "university",
        "school",
        "hospital",
        "clinic",
        "embassy",
        "consulate",
        "parliament",
        "court",
        "prison",
        "mosque",
        "church",
        "temple",
        "campus",
        "headquarters",
        "police station",
    }
)


# A state's foreign-affairs bodies work abroad: a country they are "in" is not theirs ("the
# Foreign Office is not operating in Syria"), though the capital they sit in is ("the Foreign
# Office in London").
FOREIGN_AFFAIRS = frozenset(
    {"foreign office", "foreign ministry", "foreign minister", "foreign secretary"}
)
# Agent nouns whose location says nothing of their nationality ("tourists in Rome").
NOT_LOCAL = frozenset(
    {
        "tourist",
        "visitor",
        "foreigner",
        "migrant",
        "refugee",
        "pilgrim",
        "expatriate",
        "journalist",
        "reporter",
        "diplomat",
        "envoy",
        "ambassador",
        "delegation",
        "delegate",
        "peacekeeper",
        "observer",
        "monitor",
        "inspector",
        "aid worker",
        "missionary",
        "volunteer",
        "hostage",
    }
)


# Grammatical roles in which a capital or country name can stand for a government.
ACTOR_ROLES = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "dobj",
        "obj",
        "poss",
        "pobj",
        "dative",
        "agent",
        "conj",
        "appos",
        "attr",
        "npadvmod",
    }
)


# Dashes that end a dateline ("LIMA — ..."): the all-capitals place before one is not an actor.
DATELINE_DASHES = frozenset({"—", "–", "-", "--"})


# Nouns of something a state says, asks or sends: their "from" names who, not where
# ("proposals from the United States", "pressure from Moscow", "a letter from Paris").
VOICED_NOUNS = frozenset(
    "proposal offer demand request call appeal plea pressure letter message note invitation "
    "warning threat criticism condemnation objection protest complaint support backing aid "
    "assistance help envoy delegation delegate official diplomat representative "
    "ultimatum statement response reaction".split()
)
# Prepositions whose object, attached to an unnamed group, gives its country ("police in Lima",
# "students throughout Indonesia").
CONTEXT_PREPS = frozenset({"in", "from", "throughout", "across"})


def _role_is_place(
    h: Token,
    tokens: tuple[Token, ...],
    *,
    institution: bool = False,
    capital: bool = False,
    named: bool = False,
) -> bool:
    """True when the phrase names a place, not an actor: "in Lima", "fled Bangladesh".

    With ``institution`` (a building-like body: "at the embassy", "in parliament") only the
    locative and motion tests apply; a capital or country also needs an actor's role.
    ``capital``: the phrase is a city (a capital), whose "of" phrase is where things are.
    ``named``: a named organisation, which is who things come "from", not where.
    """
    # (a plain loop over the sentence: a generator costs more than the test)
    for t in tokens:
        if t.head == h.i and t.dep == "compound" and t.lemma in PLACE_NOUNS:
            return True  # "the southern regional capital Juba"
    node = h
    # "Bam, Iran" and "Lima and Quito" take the role of the first place.
    while node.dep in ("conj", "appos") and node.head != node.i:
        if node.dep == "appos" and tokens[node.head].lemma in PLACE_NOUNS:
            return True  # "their capital Monrovia"
        node = tokens[node.head]
    governor = tokens[node.head]
    if node.dep == "pobj" and _is_possessive(node, tokens):
        return False  # "over Moscow's will": the parser's object is a possessor
    if node.dep == "poss":
        return governor.lemma in PLACE_NOUNS  # "Macedonia's border"
    if node.dep == "pobj":
        over = tokens[governor.head]  # what the preposition belongs to
        if (
            governor.lemma in LOCATIVE_PREPS
            and (institution or governor.lemma != "at")
            and not (named and governor.lemma == "from")
            and not (governor.lemma == "from" and over.lemma in VOICED_NOUNS)
        ):
            # "at" a state is a target ("fired at Israel"), at a building a place; "from" a
            # body is who it comes from ("demands from UNITA", "observers from the OSCE").
            return True
        if governor.lemma == "to" and (
            (over.lemma in MOTION_VERBS and over.lemma not in SENDING_VERBS)
            or (over.lemma in SENDING_VERBS and _sends_people(over, tokens))
            or over.lemma in MOTION_NOUNS
            or any(t.head == over.i and t.lemma == "from" for t in tokens)
        ):
            return True  # "flew to Mexico", "a visit to Haiti", "from France to Germany"
        if governor.lemma == "with" and over.lemma in PLACE_NOUNS:
            return True  # "the border with Kosovo"
        if governor.lemma == "including" and over.lemma in PLACE_NOUNS:
            return True  # "cities including Belgrade"
        if governor.lemma == "of" and institution and over.lemma in BUILDING_PARTS:
            return True  # "in front of the consulate"
        if governor.lemma == "of" and capital and over.lemma not in RULERS:
            return True  # "the United Bus Company of Tehran", "the mayor of Kabul"
        if governor.lemma == "of" and not institution and over.pos == "NOUN":
            return not _is_actor_noun(over)  # "the streets of Ottawa"
        return False
    if node.dep in ("dobj", "obj") and (
        governor.lemma in MOTION_VERBS or governor.lemma in PLACE_VERBS
    ):
        return True  # "fled Bangladesh", "left Afghanistan", "blockade Paris"
    return False if institution else node.dep not in ACTOR_ROLES


def _sends_people(verb: Token, tokens: tuple[Token, ...]) -> bool:
    """True when what the verb sends is people ("sent troops", "send them"), not things; a
    passive verb sends its subject ("a pathologist sent to Israel")."""
    for t in tokens:
        if t.head != verb.i or t.i == verb.i:
            continue
        if t.dep in ("dobj", "obj") and (t.pos == "PRON" or _is_actor_noun(t)):
            return True
        if verb.dep == "acl" and tokens[verb.head].pos in ("NOUN", "PROPN"):
            return _is_actor_noun(tokens[verb.head])
    if verb.dep == "acl":
        return _is_actor_noun(tokens[verb.head])
    return False


def _is_possessive(t: Token, tokens: tuple[Token, ...]) -> bool:
    """True for a noun written with "'s" ("Moscow's")."""
    after = t.i + 1
    return (
        after < len(tokens)
        and tokens[after].head == t.i
        and tokens[after].dep == "case"
        and tokens[after].text in ("'s", "’s", "'")
    )


def _is_actor_noun(t: Token) -> bool:
    """True when the noun names an actor in kipu's agent dictionary ("the government of")."""
    return bool(load_dictionaries().agents.get(key(t.lemma)))


def _is_dateline(phrase: list[int], tokens: tuple[Token, ...], sentence: Sentence) -> bool:
    """True for the all-capitals place that opens a line before a dash ("LIMA — ...")."""
    after = phrase[-1] + 1
    before = sentence.text[: tokens[phrase[0]].start - sentence.start].rstrip(" \t")
    return (
        (not before or before.endswith("\n"))
        and all(tokens[i].text.upper() == tokens[i].text for i in phrase)
        and after < len(tokens)
        and tokens[after].text in DATELINE_DASHES
    )


def _several_countries(
    phrase: list[int], tokens: tuple[Token, ...], kids: list[list[int]], d: ActorDictionaries
) -> bool:
    """True when a country modifier is coordinated with another ("Kenyan and Ugandan")."""
    for i in phrase:
        for c in kids[i]:
            if tokens[c].dep == "conj" and _country_in([c], tokens, d) is not None:
                return True
    return False


def _context_country(
    h: Token, tokens: tuple[Token, ...], kids: list[list[int]], d: ActorDictionaries
) -> tuple[CountryEntry, str] | None:
    """The country around an unnamed group: "police in Lima", "Peru, where traffickers work"."""
    for c in kids[h.i]:
        if tokens[c].dep == "prep" and tokens[c].lemma in CONTEXT_PREPS:
            for o in kids[c]:
                if tokens[o].dep == "pobj":
                    found = _country_in(_phrase(o, tokens, kids), tokens, d)
                    if found is not None:
                        return found[0], f"{tokens[c].lemma} {found[0].text}"
    for c in kids[h.i]:
        if tokens[c].dep == "acl" and tokens[c].lemma == "base":
            # "a terror group based in Trinidad": where the group is based.
            for p in kids[c]:
                if tokens[p].dep == "prep" and tokens[p].lemma == "in":
                    for o in kids[p]:
                        found = _country_in(_phrase(o, tokens, kids), tokens, d)
                        if tokens[o].dep == "pobj" and found is not None:
                            return found[0], f"based in {found[0].text}"
    if h.dep in ("dobj", "nsubj", "nsubjpass") and h.head != h.i:
        # "riot police beat protesters in Minsk": where the clause happened.
        verb = h.head
        for c in kids[verb]:
            if tokens[c].dep == "prep" and tokens[c].lemma == "in":
                for o in kids[c]:
                    if tokens[o].dep == "pobj":
                        found = _country_in(_phrase(o, tokens, kids), tokens, d)
                        if found is not None:
                            return found[0], f"in {found[0].text}"
    node = h
    while node.head != node.i:
        if node.dep == "relcl":
            anchor = tokens[node.head]
            where = any(tokens[c].lemma == "where" for c in kids[node.i])
            found = _country_in(_phrase(anchor.i, tokens, kids), tokens, d)
            if where and found is not None and anchor.i in found[1]:
                return found[0], f"where-clause of {found[0].text}"
            return None
        node = tokens[node.head]
    return None
