"""Ethnic and religious communities: whose country a people named by its ethnicity or faith is.

"Kurds", "Sunnis" or "Islamic fundamentalists" name no state: a community is an actor of a
country only when its own words say which ("Iraqi Kurds", "Kosovo Albanians"), or, like other
unnamed groups, when its sentence names one country (the resolver's one-country rule).
"""

from __future__ import annotations

from kipu.actors._dictionaries import ActorDictionaries, CountryEntry, key
from kipu.records import Actor, Token

# Peoples and faiths that live across borders ("Kurds", "Muslims", "Tamils"): a sentence that
# names one country does not make them its own ("Turkey shelled positions held by Kurds",
# "Muslims protested against Danish cartoons"); only their own words or place do.
ACROSS_BORDERS = frozenset(
    {
        "kurd",
        "kurdish",  # the people's adjective: "Kurdish leaders", "the main Kurdish groups"
        "yazidi",
        "uighur",
        "uyghur",
        "muslim",
        "christian",
        "jew",
        "catholic",
        "protestant",
        "hindu",
        "sikh",
        "buddhist",
        "sunni",
        "shiite",
        "shi'ite",
        "shia",
        "druze",
        "rohingya",
        "tuareg",
        "berber",
        "baloch",
        "baluch",
        "tamil",
        "pashtun",
        "fulani",
    }
)
# Peoples, faiths and creeds news writes of as groups that act ("Kurds demonstrated", "Sunnis
# demanded", "Serbian nationalists"): too loose for a sector, but a country's when placed;
# singular forms, lower case. Demonyms of states are in countries.tsv instead.
COMMUNITIES = ACROSS_BORDERS | frozenset(
    {
        "alawite",
        "maronite",
        "copt",
        "hutu",
        "tutsi",
        "yoruba",
        "hausa",
        "igbo",
        "ibo",
        "hazara",
        "sinhalese",
        "fundamentalist",
        "extremist",
        "nationalist",
        "islamist",
    }
)
# Heads that stand for a community written before them ("Yoruba leaders", "the Hutu majority").
COMMUNITY_HEADS = frozenset(
    {"leader", "elder", "member", "minority", "majority", "community", "population", "group"}
)
# Words of faith and ethnicity that qualify a community without naming a state ("Islamic
# fundamentalists", "ethnic Albanians"): the one-country rule may still place it.
FAITH_WORDS = frozenset(
    {
        "ethnic",
        "islamic",
        "muslim",
        "christian",
        "catholic",
        "jewish",
        "hindu",
        "buddhist",
        "sikh",
        "protestant",
        "orthodox",
        "sunni",
        "shiite",
        "shia",
        "religious",
    }
)
# The rule prefix of a community no word of the phrase places yet.
OPEN_RULE = "community:"


def is_community_word(t: Token) -> bool:
    """True for "Kurds", "Sunni", "fundamentalists": a people or faith named as a group."""
    w = key(t.text)
    return w in COMMUNITIES or w.rstrip("s") in COMMUNITIES or key(t.lemma) in COMMUNITIES


def community_word(h: Token, phrase: list[int], tokens: tuple[Token, ...]) -> Token | None:
    """The word that makes the phrase a community: its head ("Iraqi Kurds"), or a modifier of
    a head that stands for it ("Yoruba leaders", "the Hutu majority"); None otherwise."""
    if is_community_word(h):
        return h
    if h.lemma not in COMMUNITY_HEADS:
        return None
    for i in phrase:
        t = tokens[i]
        if i != h.i and t.head == h.i and t.dep in ("compound", "amod") and is_community_word(t):
            return t
    return None


def placed_by_name(
    h: Token,
    country: tuple[CountryEntry, list[int]],
    tokens: tuple[Token, ...],
    d: ActorDictionaries,
) -> bool:
    """True for a people of one state named by the place they live in ("Kosovo Albanians",
    "Kosovo Serbs"): the place's name, not the people's demonym, gives the country. An
    adjective before a demonym ("Turkish Cypriots") is left alone: which word is the
    ethnicity and which the state is not clear."""
    entry, span = country
    if entry.kind not in ("name", "short") or h.i in span:
        return False
    last = tokens[span[-1]]
    if last.dep != "compound" or last.head != h.i:
        return False  # the place must name the people, not sit elsewhere in the phrase
    own = [e for e in d.countries.get(key(h.text), []) if e.kind == "adjective"]
    return bool(own) and all(e.code != entry.code for e in own) and h.text.endswith("s")


def open_community(text: str, word: Token) -> Actor | None:
    """A community no word places: the one-country rule may give it a country, else it is
    dropped (an actor needs a code). None for peoples and faiths across borders."""
    w = key(word.text)
    if w in ACROSS_BORDERS or w.rstrip("s") in ACROSS_BORDERS or key(word.lemma) in ACROSS_BORDERS:
        return None
    return Actor(
        text=text,
        name=None,
        code=None,
        country=None,
        sector=None,
        rule=f"{OPEN_RULE}{key(word.text)}",
    )


def is_open_community(actor: Actor) -> bool:
    """True for a community waiting for the sentence's one country."""
    return actor.code is None and actor.rule.startswith(OPEN_RULE)
