"""The one-country rule: unnamed domestic groups take the one country a sentence names.

"Liberian riot police dispersed demonstrators": the demonstrators are Liberian. An open group
(an unnamed domestic group, or a people or faith with no country word that does the clause's
act) takes the sentence's country when exactly one is named, by a nationality rather than a
place alone, and no international body is among the actors. Groups of unknown origin
("gunmen"), groups someone backs, groups qualified in words kipu cannot read, and a state named
as an actor as the only evidence are left alone.
"""

from __future__ import annotations

from dataclasses import replace

from kipu.actors._context import NOT_LOCAL
from kipu.actors._dictionaries import ActorDictionaries, key
from kipu.actors._groups import FAITH_WORDS, is_community_word, is_open_community
from kipu.actors._match import FOREIGN_HAND, _countries_named
from kipu.actors._people import _make, _Memory
from kipu.actors._phrase import NOT_OWNED, _agent_of
from kipu.enrich.places import PLACE_LABELS, country_of_place, entity_spans
from kipu.records import Mention, Sentence, Token

# Sectors of groups that belong to the country they are in, when a sentence names only one
# (not refugees, migrants, foreign reporters, aid groups or international bodies).
DOMESTIC_SECTORS = frozenset(
    {
        "GOV",
        "MIL",
        "COP",
        "SPY",
        "JUD",
        "LEG",
        "OPP",
        "PTY",
        "ELI",
        "REB",
        "INS",
        "SEP",
        "UAF",
        "CRM",
        "CVL",
        "EDU",
        "LAB",
        "AGR",
        "BUS",
        "MED",
        "HLH",
        "REL",
    }
)
# Perpetrators whose origin a sentence rarely tells ("gunmen attacked a hall near Moscow"),
# transnational fighters, and the agencies that report.
UNKNOWN_ORIGIN = frozenset(
    {
        "gunman",
        "gunmen",
        "assailant",
        "attacker",
        "bomber",
        "kidnapper",
        "abductor",
        "hijacker",
        "sniper",
        "mercenary",
        "raider",
        "intruder",
        "pirate",
        "smuggler",
        "infiltrator",
        "jihadist",
        "jihadi",
        "jihadis",
        "terrorist",
        "foreign fighter",
        "news agency",
    }
)
# Modifiers that say a group is not of one country ("a European court", "foreign troops").
NOT_NATIONAL = frozenset(
    {
        "international",
        "foreign",
        "european",
        "african",
        "arab",
        "asian",
        "western",
        "regional",
        "global",
        "world",
        "multinational",
        "overseas",
        "exiled",
        "exile",
        "diaspora",
    }
)
# Verbs whose object is someone else's group ("Rwanda denied supporting the rebels").
BACKING_VERBS = frozenset(
    {
        "support",
        "back",
        "arm",
        "fund",
        "finance",
        "harbor",
        "harbour",
        "shelter",
        "train",
        "sponsor",
        "aid",
        "supply",
        "host",
        "deport",
        "expel",
        "extradite",
    }
)
# Roles in which a country or capital is the state acting or acted on.
STATE_ROLES = frozenset(
    {"nsubj", "nsubjpass", "dobj", "obj", "pobj", "dative", "agent", "conj", "appos", "attr"}
)


def _sole_country(
    mentions: list[Mention], sentence: Sentence, d: ActorDictionaries, memory: _Memory
) -> list[Mention]:
    """Unnamed domestic groups in a sentence that names one country, and no international
    organisation, are of that country ("Liberian riot police dispersed demonstrators": the
    demonstrators are Liberian; "Cairo's security chief warned that police ...")."""
    placed = _place_open_groups(mentions, sentence, d, memory)
    # A community the sentence did not place is no actor (an actor needs a code).
    return [m for m in placed if not is_open_community(m.actor)]


def _place_open_groups(
    mentions: list[Mention], sentence: Sentence, d: ActorDictionaries, memory: _Memory
) -> list[Mention]:
    """The one-country rule itself (see `_sole_country`)."""
    tokens = sentence.tokens
    open_groups = [
        n
        for n, m in enumerate(mentions)
        if _is_open_group(m, tokens, mentions)
        and not _qualified(m, tokens, d, community=is_open_community(m.actor))
    ]
    if not open_groups:
        return mentions
    if any((m.actor.code or "")[:3] in ("IGO", "NGO", "IMG") for m in mentions):
        return mentions  # "UN officials", "officials said": whose they are is not clear
    # A state named as an actor ("Colombia accepted demands from the rebels", "Israel struck
    # militants") acts on groups that are often foreign: it tells no group's country.
    states = {
        m.head
        for m in mentions
        if m.actor.rule.startswith(("country:", "capital:")) and tokens[m.head].dep in STATE_ROLES
    }
    # The evidence must be a nationality (of a person, a group or a thing), not a place the
    # sentence mentions ("clearing Isis from the ground they held in Syria").
    words = _countries_named(tokens, d)
    # (a pronoun names no country: "He has ended support for anti-regime rebels")
    named_by = [m for m in mentions if m.actor.country and tokens[m.head].pos != "PRON"]
    named = {code for code, _ in words} | {m.actor.country for m in named_by}
    support = {m.actor.country for m in named_by if m.head not in states}
    support |= {
        code
        for code, span in words
        if tokens[span[-1]].dep in ("amod", "compound", "poss", "nmod")
        and not states.intersection(span)
    }
    if len(named) != 1 or not support:
        return mentions
    (code,) = named
    out = list(mentions)
    elsewhere = _towns_elsewhere(sentence, code, d)
    for n in open_groups:
        m = out[n]
        if elsewhere and m.actor.sector in ARMED_SECTORS:
            continue  # "300 militants neutralized in the Afrin offensive", a Turk said
        actor = _make(
            m.actor.text,
            m.actor.name,
            code,
            m.actor.sector,
            f"{m.actor.rule}; country:{code} (the one country of the sentence)",
        )
        out[n] = Mention(head=m.head, start=m.start, end=m.end, actor=actor)
        for k, a in enumerate(memory.earlier):
            if a.sentence == sentence.index and a.head.i == m.head:
                memory.earlier[k] = replace(a, actor=actor)
    return out


# Armed non-state groups: fought where they are, whoever's nationals speak of them.
ARMED_SECTORS = frozenset({"REB", "INS", "UAF", "SEP"})


def _towns_elsewhere(sentence: Sentence, code: str, d: ActorDictionaries) -> bool:
    """True when the sentence names a town or region kipu's gazetteer places in another
    country than ``code`` ("the Afrin offensive" in a sentence whose one nationality is
    Turkish): an armed group there is not placed by the nationality."""
    tokens = sentence.tokens
    # (the small model tags some towns as a people: "the Afrin offensive" as NORP)
    for start, end in entity_spans(sentence, PLACE_LABELS | {"NORP"}):
        if tokens[start].pos != "PROPN":
            continue
        name = " ".join(t.text for t in tokens[start:end])
        if tokens[start].ent == "NORP" and key(name) in d.countries:
            continue  # a nationality ("Thai") that is also some town's name
        found = country_of_place(name, towns_only=True)
        if found is not None and found != code:
            return True
    return False


def _is_open_group(m: Mention, tokens: tuple[Token, ...], mentions: list[Mention]) -> bool:
    """True for an unnamed domestic group ("demonstrators", "the police") or an unplaced
    community ("Islamic fundamentalists") that the sentence's one country may place."""
    if m.actor.country is not None:
        return False
    # (`_two` reads the whole sentence: asked last, of the few groups that are open otherwise)
    return _is_open(m, tokens, mentions) and not _two(tokens[m.head], tokens)


def _is_open(m: Mention, tokens: tuple[Token, ...], mentions: list[Mention]) -> bool:
    """True for a group `_is_open_group` takes, before its test of "the two presidents"."""
    if is_open_community(m.actor):
        return _acts(tokens[m.head], tokens) and not any(
            tokens[i].lemma in NOT_NATIONAL for i in range(m.start, m.end)
        )
    agent = _agent_of(m.actor)
    return (
        m.actor.sector in DOMESTIC_SECTORS
        and agent is not None
        and agent.split()[-1] not in NOT_LOCAL | UNKNOWN_ORIGIN
        and tokens[m.head].lemma not in NOT_OWNED
        # (a word of the title itself, "the Foreign Office", "the international development
        # secretary", says nothing of whose the office is)
        and not any(
            tokens[i].lemma in NOT_NATIONAL and tokens[i].lemma not in agent.split()
            for i in range(m.start, m.end)
        )
        and not _backed(tokens[m.head], tokens, mentions)
    )


def _two(h: Token, tokens: tuple[Token, ...]) -> bool:
    """True for a reference to two actors ("the two presidents", "both leaders"): they are the
    two named before (the document context's ``discourse/_pairs.py``), not one country's; "two
    students" is a count."""
    kids = [t for t in tokens if t.head == h.i and t.i != h.i]
    words = {t.text.lower() for t in kids if t.dep in ("det", "predet", "preconj", "nummod")}
    return "both" in words or (bool(words & {"two", "2"}) and "the" in words)


def _acts(h: Token, tokens: tuple[Token, ...]) -> bool:
    """True for a group that does the clause's act: its subject ("Sunnis demanded", "a group
    of Yoruba leaders announced") or the agent of a passive ("imposed by fundamentalists").
    A community acted on ("warplanes bombed Kurds") is often not of the acting state."""
    node = h
    while node.dep == "pobj" and tokens[node.head].lemma == "of":
        node = tokens[tokens[node.head].head]  # "thousands of Nigerians", "a group of ..."
    if node.dep == "pobj" and tokens[node.head].lemma == "by":
        return True
    while node.dep == "conj" and node.head != node.i:
        node = tokens[node.head]
    return node.dep in ("nsubj", "nsubjpass")


def _backed(h: Token, tokens: tuple[Token, ...], mentions: list[Mention]) -> bool:
    """True for the object of a backing verb ("Rwanda denied supporting the rebels", "arming
    militias"), unless the backers are the country's own people ("voters backed parties")."""
    node = h
    while node.dep == "conj" and node.head != node.i:
        node = tokens[node.head]
    if node.dep not in ("dobj", "obj") or tokens[node.head].lemma not in BACKING_VERBS:
        return False
    verb = node.head
    backers = [
        m.actor.sector
        for m in mentions
        if tokens[m.head].head == verb and tokens[m.head].dep in ("nsubj", "nsubjpass")
    ]
    return not any(sector in ("CVL", "EDU", "LAB", "AGR") for sector in backers)


def _qualified(
    m: Mention, tokens: tuple[Token, ...], d: ActorDictionaries, *, community: bool = False
) -> bool:
    """True for a group qualified in words kipu cannot read ("Baghouz residents", "Kurdish
    forces") or by a hand from outside ("Turkish-backed jihadis", "US-led troops"): its own
    words, not the sentence's other country, say whose it is. A community's own words of
    faith or people ("Islamic fundamentalists", "Yoruba leaders") say no country."""
    for i in range(m.start, m.end):
        t = tokens[i]
        if i == m.head:
            continue
        if community and (key(t.text) in FAITH_WORDS or is_community_word(t)):
            continue
        if t.text.lower() in FOREIGN_HAND or t.text.lower() == "led":
            return True
        unknown = not d.countries.get(key(t.text))
        if t.ent in ("NORP", "GPE", "LOC", "FAC") and unknown:
            return True
        if (
            t.pos == "PROPN"
            and t.dep == "compound"
            and t.head == m.head
            and t.ent != "ORG"
            and unknown
        ):
            return True  # "Baghouz residents" (the tagger may call the place a person)
    return False
