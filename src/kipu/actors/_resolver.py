"""Resolve noun phrases to CAMEO actors: Parsed → Resolved.

The evidence is always in the text: a country word (name, abbreviation, adjective, possessive), an
agent noun or title from the dictionary, a named organisation, or a named person found in the
office-holder dictionary for the article's date. A phrase with none of these stays unresolved:
kipu never guesses a country from a name alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from kipu.actors._alias import AliasResolver, Antecedent, RuleAliasResolver
from kipu.actors._context import (
    INSTITUTIONS,
    NOT_LOCAL,
    _context_country,
    _is_dateline,
    _role_is_place,
    _several_countries,
)
from kipu.actors._dictionaries import (
    ActorDictionaries,
    CountryEntry,
    OfficeTerm,
    key,
    load_dictionaries,
)
from kipu.actors._era import article_era, in_era
from kipu.actors._groups import (
    FAITH_WORDS,
    OPEN_RULE,
    community_word,
    is_community_word,
    is_open_community,
    open_community,
    placed_by_name,
)
from kipu.actors._match import (
    FOREIGN_HAND,
    _agent_in,
    _countries_named,
    _country_in,
    _join,
    _name_span,
    _of_complement,
    _office,
    _org_in,
    _phrase,
)
from kipu.records import Actor, Mention, Parsed, Resolved, Sentence, Token

# Heads that stand for a named group they are written with ("OPEC members", "NATO leaders").
GROUP_MEMBERS = frozenset(
    {
        "member",
        "leader",
        "supporter",
        "fighter",
        "loyalist",
        "ally",
        "observer",
        "monitor",
        "inspector",
        "envoy",
        "delegate",
        "mediator",
        "coordinator",
        "secretary",
        "representative",
        "rapporteur",
        "commissioner",
    }
)
# Heads that name the organisation itself ("the APEC forum", "the UN stabilization mission",
# "the al-Qaeda terror network", "the UNITA militarist wing", "the UN refugee agency").
ORG_HEADS = frozenset(
    {
        "forum",
        "mission",
        "network",
        "faction",
        "wing",
        "movement",
        "alliance",
        "bloc",
        "body",
        "coalition",
        "organisation",
        "organization",
        "group",
        "agency",
        "outfit",
    }
)
# A body's own people when it owns them ("its members", "its fighters"); not observers,
# inspectors or envoys, who are as often another body's ("evacuate its observers").
OWN_MEMBERS = frozenset({"member", "leader", "supporter", "fighter", "loyalist"})
# Nouns that speak for the person who owns them ("his office said").
SPEAKS_FOR_OWNER = frozenset({"office"})
# Agent nouns that name a body, not a person: "it" may stand for them.
BODY_NOUNS = frozenset(
    {
        "government",
        "administration",
        "regime",
        "ministry",
        "cabinet",
        "army",
        "military",
        "navy",
        "police",
        "parliament",
        "court",
        "council",
        "committee",
        "commission",
        "party",
        "group",
        "agency",
        "junta",
        "embassy",
        "company",
    }
)
# Nouns of statehood that a country word makes the state ("the Republic of Slovenia").
STATE_NOUNS = frozenset({"republic", "kingdom", "state", "principality", "federation"})
# Heads of a group or unit that is what its members are ("guerrilla group", "police patrol").
UNIT_HEADS = ORG_HEADS | frozenset({"patrol", "unit", "squad", "team", "contingent", "detachment"})
# Modifiers that make a title a former one: CAMEO codes former office holders as elites (ELI).
FORMER = frozenset(
    {"former", "ex", "ex-", "ousted", "deposed", "toppled", "overthrown", "exiled", "late"}
)
# Heads whose sector a modifier overrides ("opposition delegation" is OPP, not GOV) and the
# sectors such a modifier can give.
GENERIC_SECTORS = frozenset({"GOV"})
MARKED_SECTORS = frozenset({"OPP", "REB", "INS", "SEP", "CRM", "UAF", "PTY"})
# Modifiers that make a government title the opposition's ("the shadow home secretary"); not
# agents of their own, since "shadow" alone names no one.
OPPOSITION_MODIFIERS = frozenset({"shadow"})
# Heads that can name an actor by themselves.
NOUN_POS = frozenset({"NOUN", "PROPN"})
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
# Bodies whose name is also a meeting of them, and the verbs that make it the meeting
# ("held its assembly", "convened a congress").
MEETING_NOUNS = frozenset({"assembly", "congress", "conference", "convention", "plenum", "summit"})
MEETING_VERBS = frozenset({"hold", "convene", "attend", "host", "open", "close", "chair"})
# Roles in which a country or capital is the state acting or acted on.
STATE_ROLES = frozenset(
    {"nsubj", "nsubjpass", "dobj", "obj", "pobj", "dative", "agent", "conj", "appos", "attr"}
)
# Possessive pronouns whose owner gives an unnamed group its country ("its forces").
OWNER_PRONOUNS = frozenset({"his", "her", "its", "their"})
# Heads that are someone else's even when owned ("his counterpart", "their enemies").
NOT_OWNED = frozenset(
    {
        "counterpart",
        "rival",
        "opponent",
        "enemy",
        "foe",
        "adversary",
        "neighbor",
        "neighbour",
        "critic",
        "captor",
        "kidnapper",
        "victim",
        "hostage",
        "captive",
        "target",
        "host",
        "guest",
        "visitor",
    }
)
# Pronouns handed to the alias resolver ("her" only when it is not a possessive determiner).
ALIAS_PRONOUNS = frozenset({"he", "she", "him", "her", "they", "them"})
# Determiners that make a bare title noun point back ("the minister", "the ministry").
ANAPHORIC_DETS = frozenset({"the", "this", "that", "these", "those"})
# The titles an office in officeholders.tsv answers to ("the president" for a head of state).
ROLE_TITLES = {
    "head_of_state": ("president", "king", "queen", "emir", "leader"),
    "head_of_government": ("prime minister", "premier", "chancellor"),
    "defense_minister": (
        "defense minister",
        "defence minister",
        "defense secretary",
        "defence secretary",
    ),
    "foreign_minister": ("foreign minister", "foreign secretary", "secretary of state"),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorOptions:
    """Options of the actor stage."""

    # User dictionary files (`--dictionary`), read after the bundled ones; files whose first
    # line declares another kind than countries/agents/organisations/officeholders are skipped.
    dictionaries: tuple[str, ...] = ()
    # Finds what "he" or "the minister" refers to; None means the rule-based default.
    alias_resolver: AliasResolver | None = None
    # False: the user's dictionaries alone, without kipu's bundled ones.
    bundled: bool = True


@dataclass(slots=True)
class _Memory:
    """What this article has said so far: people by name, and mentions aliases may point to."""

    people: dict[str, Actor] = field(default_factory=dict)
    shared: set[str] = field(default_factory=set)  # surnames of two people: they name no one
    titles: dict[str, frozenset[str]] = field(default_factory=dict)  # person key -> titles
    earlier: list[Antecedent] = field(default_factory=list)
    era: str | None = None  # the day the article speaks of, when known (see _era.py)


def resolve_actors(parsed: Parsed, options: ActorOptions | None = None) -> Resolved:
    """Find the actor mentions of every sentence of a parsed article."""
    options = options or ActorOptions()
    d = load_dictionaries(tuple(options.dictionaries), options.bundled)
    alias = options.alias_resolver or RuleAliasResolver()
    memory = _Memory(era=article_era(parsed.sentences, d, parsed.article.published))
    date = parsed.article.published
    per_sentence = tuple(
        tuple(_resolve_sentence(sentence, d, memory, date, alias)) for sentence in parsed.sentences
    )
    return Resolved(parsed=parsed, mentions=per_sentence)


def _children(sentence: Sentence) -> list[list[int]]:
    kids: list[list[int]] = [[] for _ in sentence.tokens]
    for t in sentence.tokens:
        if t.head != t.i:
            kids[t.head].append(t.i)
    return kids


def _resolve_sentence(
    sentence: Sentence,
    d: ActorDictionaries,
    memory: _Memory,
    date: str | None,
    alias: AliasResolver,
) -> list[Mention]:
    tokens = sentence.tokens
    kids = _children(sentence)
    mentions: list[Mention] = []
    for h in tokens:
        if h.pos == "PRON" and h.text.lower() == "it":
            continue  # after the sentence's groups are placed (`_reported_its`)
        if h.pos == "PRON" and h.lemma in ALIAS_PRONOUNS and h.dep != "poss":
            found = alias.antecedent(sentence, h, None, memory.earlier)
            if found is not None:
                actor = _alias_actor(h.text, found.actor, "pronoun")
                mentions.append(Mention(head=h.i, start=h.i, end=h.i + 1, actor=actor))
                _remember(memory, sentence, h, actor, found.is_person, found.titles)
            continue
        if h.pos not in NOUN_POS or h.dep in ("compound", "flat"):
            continue
        phrase = _phrase(h.i, tokens, kids)
        actor = _resolve_phrase(h, phrase, tokens, kids, d, memory, date, sentence)
        if actor is None:
            actor = _named_holder(h, phrase, tokens, mentions, memory)
        if actor is None and (h.lemma in SPEAKS_FOR_OWNER or h.lemma in OWN_MEMBERS):
            actor = _owners_office(h, tokens, kids, sentence, memory, alias)
        title = _bare_title(h, phrase, tokens, actor)
        if title is not None:
            found = alias.antecedent(sentence, h, title, memory.earlier)
            if found is not None:
                actor = _alias_actor(
                    sentence.text[
                        tokens[phrase[0]].start - sentence.start : h.end - sentence.start
                    ],
                    found.actor,
                    f"title noun {title!r}",
                )
        if actor is None or actor.country is None:
            # "his counterpart, Pedro Cateriano": the noun takes its appositive's actor.
            # "Kofi Annan, UN secretary-general": a name takes the organisation of its office.
            for c in kids[h.i]:
                office_of = h.pos == "PROPN" and tokens[c].pos == "NOUN"
                if tokens[c].dep == "appos" and (tokens[c].pos == "PROPN" or office_of):
                    appos_phrase = _phrase(c, tokens, kids)
                    named = _resolve_phrase(
                        tokens[c], appos_phrase, tokens, kids, d, memory, date, sentence
                    )
                    if named is not None and office_of and not _is_org_office(named, c, tokens):
                        continue
                    if named is not None:
                        actor, phrase = named, sorted({*phrase, *appos_phrase})
                        break
        if actor is not None and actor.country is None and _agent_of(actor):
            actor = _owned(h, actor, tokens, kids, sentence, memory, alias)
        if actor is None and (h.ent == "PERSON" or h.tag == "NNS"):
            # Not an actor, but a pronoun may mean it: it blocks older antecedents.
            unknown = Actor(text=h.text, name=None, code=None, country=None, sector=None)
            _remember(memory, sentence, h, unknown, h.ent == "PERSON", frozenset())
        if actor is not None:
            mentions.append(Mention(head=h.i, start=phrase[0], end=phrase[-1] + 1, actor=actor))
            is_person = actor.name is not None and key(actor.name) in memory.people
            if is_person:
                titles = memory.titles.get(key(actor.name or ""), frozenset())
            else:
                agent = _agent_of(actor)
                titles = frozenset({agent}) if agent else frozenset()
            _remember(memory, sentence, h, actor, is_person, titles)
    return _reported_its(tokens, _sole_country(mentions, sentence, d, memory))


def _owners_office(
    h: Token,
    tokens: tuple[Token, ...],
    kids: list[list[int]],
    sentence: Sentence,
    memory: _Memory,
    alias: AliasResolver,
) -> Actor | None:
    """ "his office said", "Katsav's office": the office speaks for the actor who owns it (a
    pronoun's antecedent or a person the article has named); "its leader", "its members"
    after a named organisation are the organisation's. Unowned, it is no actor."""
    office = h.lemma in SPEAKS_FOR_OWNER
    if office and _role_is_place(h, tokens, institution=True):
        return None  # "returned to his office", "in his office": the room
    for c in kids[h.i]:
        t = tokens[c]
        if t.dep != "poss":
            continue
        owner: Actor | None = None
        if t.pos == "PRON" and t.text.lower() in OWNER_PRONOUNS:
            found = alias.antecedent(sentence, t, None, memory.earlier)
            if found is not None and found.is_person == office:
                owner = found.actor
        elif t.pos == "PROPN" and office:
            owner = memory.people.get(key(t.text))
        if owner is None or owner.code is None:
            return None
        if not office and not owner.rule.startswith("organisation:"):
            return None  # "its leader" after a state: which office is not said
        text = sentence.text[t.start - sentence.start : h.end - sentence.start]
        return _alias_actor(text, owner, f"{h.lemma} of {t.text}")
    return None


def _named_holder(
    h: Token,
    phrase: list[int],
    tokens: tuple[Token, ...],
    mentions: list[Mention],
    memory: _Memory,
) -> Actor | None:
    """A person named in apposition to an office the sentence resolved ("Niger's ambassador
    Brah Mohamane", "the deputy governor of the region, Oleg Chemezov") holds it: the
    office's actor, under the person's name (remembered for the surname's later mentions)."""
    if h.dep != "appos" or h.ent != "PERSON":
        return None
    office = tokens[h.head]
    if office.tag != "NN" or office.pos != "NOUN":
        return None  # a plural group ("leaders, among them ...") is not one person
    for m in mentions:
        agent = _agent_of(m.actor)
        weak = "owner:" in m.actor.rule or "one country of the sentence" in m.actor.rule
        owned = m.actor.rule.startswith(f"{office.lemma} of ")  # "its leader Abdullah Ocalan"
        agent = agent or (office.lemma if owned else None)
        placed = m.actor.country is not None or owned
        if m.head == office.i and agent is not None and placed and not weak:
            # (an office whose country is only guessed is not pinned on a named person)
            name = _join(_name_span(h, phrase, tokens), tokens)
            text = _join(phrase, tokens)
            actor = replace(m.actor, text=text, name=name, rule=f"{m.actor.rule}; holder:{name}")
            memory.people.setdefault(key(name), actor)
            memory.titles.setdefault(key(name), frozenset({agent}))
            if key(h.text) != key(name):  # "Brah Mohamane", later "Mohamane"
                _remember_surname(memory, key(h.text), actor)
                memory.titles.setdefault(key(h.text), frozenset({agent}))
            return actor
    return None


def _reported_its(tokens: tuple[Token, ...], mentions: list[Mention]) -> list[Mention]:
    """Add the "it" that stands for the body or state whose words it reports."""
    out = list(mentions)
    for h in tokens:
        if h.pos == "PRON" and h.text.lower() == "it":
            said = _reported_it(h, tokens, mentions)
            if said is not None:
                actor = _alias_actor(h.text, said.actor, "pronoun")
                out.append(Mention(head=h.i, start=h.i, end=h.i + 1, actor=actor))
    return sorted(out, key=lambda m: m.start)


def _reported_it(h: Token, tokens: tuple[Token, ...], mentions: list[Mention]) -> Mention | None:
    """The state or body "it" stands for as the subject of what that state or body said,
    confirmed or announced right before ("NATO confirmed on Wednesday it would tighten the
    blockade", "Iran said it would retaliate"): the reporting verb's subject, when nothing but
    a date stands between the verb and the pronoun."""
    if h.dep not in ("nsubj", "nsubjpass") or tokens[h.head].dep != "ccomp":
        return None
    verb = tokens[h.head].head
    if verb > h.i:
        return None  # "It was a mistake, Iran said": "it" is what was said about
    between = tokens[verb + 1 : h.i]
    if any(t.pos in NOUN_POS and t.ent not in ("DATE", "TIME") for t in between):
        return None
    for m in mentions:
        t = tokens[m.head]
        if t.head == verb and t.dep == "nsubj" and t.tag in ("NN", "NNP") and m.actor.code:
            body = m.actor.rule.startswith(("organisation:", "capital:", "country:"))
            return m if body or t.lemma in BODY_NOUNS else None
    return None


def _member_of(
    h: Token, tokens: tuple[Token, ...], kids: list[list[int]], d: ActorDictionaries
) -> tuple[str, str, CountryEntry, str] | None:
    """The body a member belongs to when it is a country's ("a member of the Syrian
    parliament", "representatives from Egyptian civil society groups"): its sector, agent
    phrase, country and preposition. A body without a country word gives nothing."""
    for c in kids[h.i]:
        if tokens[c].dep != "prep" or tokens[c].lemma not in ("of", "from"):
            continue
        for o in kids[c]:
            if tokens[o].dep != "pobj" or tokens[o].pos != "NOUN":
                continue
            phrase = _phrase(o, tokens, kids)
            agent = _agent_in(phrase, tokens, d, "noun", head=o)
            country = _country_in(phrase, tokens, d)
            if agent is not None and country is not None and o not in country[1]:
                if not _several_countries(phrase, tokens, kids, d):
                    return agent[0], agent[1], country[0], tokens[c].lemma
    return None


def _inside_person_name(h: Token, span: list[int], tokens: tuple[Token, ...]) -> bool:
    """True when an organisation's name is only a part of a person's name around the head."""
    name = _entity_span(h, tokens)
    return set(span) < set(name)


def _national_branch(
    h: Token, org_span: list[int], tokens: tuple[Token, ...], d: ActorDictionaries
) -> bool:
    """A named organisation followed by a country in one name: its national branch ("Oxfam
    Canada", "Save the Children UK", "Amnesty International USA") is the organisation."""
    if h.ent != "ORG" or h.i != org_span[-1] + 1:
        return False
    return _country_in([h.i], tokens, d) is not None


def _member_state(
    h: Token, org: list[int], tokens: tuple[Token, ...], d: ActorDictionaries
) -> bool:
    """True for a state named with the body it belongs to ("NATO-member Norway", "EU member
    Poland", "the NATO ally Turkey"): a member word stands between the body and the state."""
    if not any(e.kind in ("name", "short") for e in d.countries.get(key(h.text), [])):
        return False
    between = range(org[-1] + 1, h.i)
    return any(tokens[i].lemma in ("member", "ally", "partner") for i in between)


def _is_org_office(actor: Actor, head: int, tokens: tuple[Token, ...]) -> bool:
    """True when an appositive names an office of an organisation ("UN secretary-general",
    "the United Nations Emergency Relief Coordinator"): the person is the organisation's."""
    return actor.rule.startswith("organisation:") and tokens[head].lemma in GROUP_MEMBERS


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


def _sole_country(
    mentions: list[Mention], sentence: Sentence, d: ActorDictionaries, memory: _Memory
) -> list[Mention]:
    """Unnamed domestic groups in a sentence that names one country, and no international
    organisation, are of that country ("Liberian riot police dispersed demonstrators": the
    demonstrators are Liberian; "Cairo's security chief warned that police ...")."""
    placed = _place_open_groups(mentions, sentence, d, memory)
    # A community the sentence did not place is no actor (an actor needs a code).
    return [m for m in placed if not is_open_community(m.actor)]


def _is_open_group(m: Mention, tokens: tuple[Token, ...], mentions: list[Mention]) -> bool:
    """True for an unnamed domestic group ("demonstrators", "the police") or an unplaced
    community ("Islamic fundamentalists") that the sentence's one country may place."""
    if m.actor.country is not None:
        return False
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
    named = {code for code, _ in words} | {m.actor.country for m in mentions if m.actor.country}
    support = {m.actor.country for m in mentions if m.actor.country and m.head not in states}
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
    for n in open_groups:
        m = out[n]
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


def _remember(
    memory: _Memory,
    sentence: Sentence,
    h: Token,
    actor: Actor,
    is_person: bool,
    titles: frozenset[str],
) -> None:
    main = h.dep in ("nsubj", "nsubjpass") and sentence.tokens[h.head].head == h.head
    memory.earlier.append(
        Antecedent(
            sentence=sentence.index,
            head=h,
            actor=actor,
            is_person=is_person,
            titles=titles,
            main=main,
        )
    )


def _is_former(t: Token) -> bool:
    """A modifier that makes a title a past one ("former", "Ousted", "ex-")."""
    return t.lemma in FORMER or t.text.lower() in FORMER


def _leader_of(
    h: Token,
    phrase: list[int],
    tokens: tuple[Token, ...],
    d: ActorDictionaries,
    memory: _Memory,
    date: str | None,
) -> tuple[CountryEntry, str] | None:
    """The country of a named office holder who owns a group ("the Bush administration",
    "Suharto's government"): a person the article has resolved, or one the office-holder
    dictionary knows (by the article's date; undated, when every holder of the name led
    the same country)."""
    for i in phrase:
        t = tokens[i]
        owner_dep = t.dep in ("poss", "compound") or (t.dep == "pobj" and i > h.i)
        if i == h.i or t.pos != "PROPN" or not owner_dep:
            continue  # "the Bush administration", "the government of President Avril"
        if t.dep == "compound" and i + 1 < len(tokens) and tokens[i + 1].pos == "PROPN":
            continue  # inside a longer name: its last word stands for it
        run = [i]
        while (
            run[0] > 0
            and tokens[run[0] - 1].pos == "PROPN"
            and tokens[run[0] - 1].dep
            in (
                "compound",
                "flat",
            )
        ):
            run.insert(0, run[0] - 1)
        while len(run) > 1 and any(
            e.kind == "title" for e in d.agents.get(key(tokens[run[0]].text), [])
        ):
            run = run[1:]  # "President Suharto's government"
        name = _join(run, tokens)
        country: str | None = None
        known = memory.people.get(key(name))
        if known is not None:
            country = known.country
        else:
            office = _office(name, d, date)
            if office is None and date is None:
                terms = [
                    t
                    for t in d.offices.get(key(name)) or d.surnames.get(key(name), [])
                    if t.role in ("head_of_state", "head_of_government")
                ]
                if len({t.country for t in terms}) == 1:
                    office = terms[0]
            country = office.country if office is not None else None
        if country is not None:
            entry = CountryEntry(
                code=country,
                kind="leader",
                text=country,
                ambiguous=False,
                military=False,
                place=False,
            )
            return entry, name
    return None


def _titled_name(
    h: Token, phrase: list[int], tokens: tuple[Token, ...], d: ActorDictionaries
) -> bool:
    """True for a name the tagger missed after a title ("Vice-President Moody Awori"): the
    title right before a run of capitalised proper nouns. A one-word "name" the tagger calls
    an organisation is left alone ("General Motors")."""
    if h.ent in ("GPE", "LOC", "FAC", "NORP", "DATE"):
        return False
    name = _name_span(h, phrase, tokens)
    if not all(tokens[i].text[:1].isupper() for i in name):
        return False
    for k, first in enumerate(name):
        # The title may reach into the tagger's name ("Vice-President" + "Moody Awori").
        if h.ent == "ORG" and len(name) - k < 2:
            return False
        before = [i for i in phrase if i < first]
        title = _agent_in(before, tokens, d, "title") if before else None
        if title is not None and title[2][-1] == first - 1:
            return True
    return False


def _is_demonym_plural(h: Token, entry: CountryEntry) -> bool:
    """True for a people named by their nationality ("Thousands of Nigerians", "a group of
    Liberians"): people are never the place a phrase is in, whatever their preposition."""
    return entry.kind == "adjective" and h.text.endswith("s") and h.text[:1].isupper()


def _is_ethnic_group(
    h: Token, phrase: list[int], tokens: tuple[Token, ...], d: ActorDictionaries
) -> bool:
    """True for "ethnic Albanians", "ethnic Turks": a demonym written as an ethnicity."""
    return any(tokens[i].text.lower() == "ethnic" for i in phrase) and any(
        e.kind == "adjective" for e in d.countries.get(key(h.text), [])
    )


def _has_owner(h: Token, tokens: tuple[Token, ...], kids: list[list[int]]) -> bool:
    """True for a group owned by a possessive pronoun ("its forces"): its owner, not its
    place, says whose it is."""
    return h.lemma not in NOT_OWNED and any(
        tokens[c].dep == "poss" and tokens[c].text.lower() in OWNER_PRONOUNS for c in kids[h.i]
    )


def _owned(
    h: Token,
    actor: Actor,
    tokens: tuple[Token, ...],
    kids: list[list[int]],
    sentence: Sentence,
    memory: _Memory,
    alias: AliasResolver,
) -> Actor:
    """An unnamed group owned by a possessive pronoun takes its owner's country ("Israel has
    strengthened its forces", "President Oueddei ... his government"); an organisation's
    ("the UN ... its peacekeepers") gives its code."""
    if h.lemma in NOT_OWNED:
        return actor  # "his counterpart", "their enemies": someone else's
    for c in kids[h.i]:
        t = tokens[c]
        if t.dep == "poss" and t.pos == "PRON" and t.text.lower() in OWNER_PRONOUNS:
            found = alias.antecedent(sentence, t, None, memory.earlier)
            if found is None or found.actor.code is None:
                return actor
            owner = found.actor
            rule = f"{actor.rule}; owner:{t.text} → {owner.name or owner.text}"
            if owner.country is not None:
                return _make(actor.text, None, owner.country, actor.sector, rule)
            if owner.code[:3] in ("IGO", "NGO", "IMG"):
                return _make(actor.text, owner.name, None, owner.sector, rule, owner.code)
            return actor
    return actor


def _alias_actor(text: str, antecedent: Actor, how: str) -> Actor:
    """The antecedent's actor for an alias, saying which mention it stands for."""
    who = antecedent.name or antecedent.text
    return Actor(
        text=text,
        name=antecedent.name,
        code=antecedent.code,
        country=antecedent.country,
        sector=antecedent.sector,
        rule=f"{how} → {who}",
    )


def _agent_of(actor: Actor) -> str | None:
    """The agent phrase an agent-noun actor was resolved by ("defense ministry"), or None."""
    first = actor.rule.split(";", 1)[0]
    return first[len("agent:") :] if first.startswith("agent:") else None


def _bare_title(
    h: Token, phrase: list[int], tokens: tuple[Token, ...], actor: Actor | None
) -> str | None:
    """The title of "the minister" / "the defense ministry" when the phrase names no country."""
    if actor is None or actor.country is not None or h.pos != "NOUN":
        return None
    agent = _agent_of(actor)
    first = tokens[phrase[0]]
    if agent is None or first.dep != "det" or first.lemma not in ANAPHORIC_DETS:
        return None
    if h.tag != "NN" or any(tokens[i].pos == "PROPN" for i in phrase):
        return None  # plural groups ("the refugees") and named ones ("the Assad regime")
    if any(tokens[i].dep == "poss" for i in phrase):
        return None  # "his counterpart", "Peru's minister": not a bare title
    return agent


def _make(
    text: str,
    name: str | None,
    country: str | None,
    sector: str | None,
    rule: str,
    code: str | None = None,
) -> Actor:
    if code is None:
        code = (country or "") + (sector or "") or None
    return Actor(text=text, name=name, code=code, country=country, sector=sector, rule=rule)


def _resolve_phrase(
    h: Token,
    phrase: list[int],
    tokens: tuple[Token, ...],
    kids: list[list[int]],
    d: ActorDictionaries,
    memory: _Memory,
    date: str | None,
    sentence: Sentence,
) -> Actor | None:
    # The mention as written: the sentence's text from the phrase's first to last token.
    text = sentence.text[
        tokens[phrase[0]].start - sentence.start : tokens[phrase[-1]].end - sentence.start
    ]

    # 1. A named organisation or armed group ("Shining Path guerrillas", "NATO"); a name
    # the tagger marks as one organisation may run past the phrase ("National Union for the
    # Total Independence of Angola").
    org = _org_in(phrase, tokens, d)
    if org is not None and h.ent == "PERSON" and _inside_person_name(h, org[1], tokens):
        org = None  # "Abdel Fatah al-Sisi" is no member of Fatah
    if org is None and h.ent == "ORG":
        named = _org_in(_entity_span(h, tokens), tokens, d)
        if named is not None and h.i in named[1]:
            org = named
    if org is None and (h.lemma in GROUP_MEMBERS or h.lemma in ORG_HEADS):
        # "observers from the OSCE", "inspectors of the IAEA": members of the organisation.
        for c in kids[h.i]:
            if tokens[c].dep == "prep" and tokens[c].lemma in ("of", "from"):
                for o in kids[c]:
                    if tokens[o].dep == "pobj":
                        named = _org_in(_phrase(o, tokens, kids), tokens, d)
                        if named is not None and o in named[1]:
                            entry = d.orgs[named[0]]
                            rule = f"organisation:{entry.text} ({tokens[c].lemma} {entry.text})"
                            return _make(
                                text, entry.text, entry.country, entry.sector, rule, entry.code
                            )
    if org is None and h.lemma in GROUP_MEMBERS:
        body = _member_of(h, tokens, kids, d)
        if body is not None:
            sector, agent_text, entry, prep = body
            rule = f"agent:{agent_text}; {h.lemma} {prep} it; country:{entry.text}"
            return _make(text, None, entry.code, sector, rule)
    if org is not None and h.i not in org[1] and _member_state(h, org[1], tokens, d):
        org = None  # "NATO-member Norway", "EU member Poland": the state
    if (
        org is not None
        and h.i not in org[1]
        and h.lemma not in GROUP_MEMBERS
        and h.lemma not in ORG_HEADS
        and h.ent != "PERSON"
        and not any(e.kind != "national" for e in d.agents.get(key(h.lemma), []))
        and not _national_branch(h, org[1], tokens, d)
    ):
        # "the Islamic State enclave": the phrase names a thing of the group, not the group.
        return None
    people = (
        org is not None
        and h.i not in org[1]
        and h.lemma not in INSTITUTIONS
        and any(e.kind == "noun" for e in d.agents.get(key(h.lemma), []))
    )  # "leaving 100 UN troops": people of the body are never a place
    if org is not None and not people and _role_is_place(h, tokens, institution=True, named=True):
        return None  # "entered Downing Street", "at NATO headquarters"
    if org is not None:
        entry = d.orgs[org[0]]
        country, code = entry.country, entry.code
        if country and entry.sector and code == country + entry.sector:
            # A seat of power ("the Kremlin") stands for the state of the article's time.
            country = in_era(country, memory.era)
            code = country + entry.sector
        return _make(text, entry.text, country, entry.sector, f"organisation:{entry.text}", code)

    country = _country_in(phrase, tokens, d)
    head_is_country = country is not None and h.i in country[1]
    # 2. A named person: title, country words and the office-holder dictionary (unless the head
    # itself is a country or capital the tagger took for a name, as it does with "Bogotá").
    if not head_is_country and (
        h.ent == "PERSON"
        or (
            h.pos == "PROPN"
            and (
                key(h.text) in memory.people
                or key(h.text) in d.offices
                or (h.ent not in ("GPE", "LOC", "FAC") and key(h.text) in d.surnames)
                or key(_join(_name_span(h, phrase, tokens), tokens)) in d.offices
                or _titled_name(h, phrase, tokens, d)
            )
        )
    ):
        actor = _resolve_person(h, phrase, tokens, kids, d, memory, date, text)
        if actor is not None:
            return actor
        if h.ent == "PERSON":
            return None

    # 3. A country or capital as the head: the state, or the government it stands for.
    if country is not None and head_is_country:
        entry, _ = country
        is_city = entry.kind == "capital"
        in_place_role = (
            _role_is_place(h, tokens, capital=is_city)
            and not entry.actor
            and not _is_demonym_plural(h, entry)
        )
        if in_place_role or entry.place or _is_dateline(phrase, tokens, sentence):
            return None
        if entry.kind == "capital":
            sector = "MIL" if entry.military else "GOV"
            era_code = in_era(entry.code, memory.era)
            rule = f"capital:{entry.text}"
            if era_code != entry.code:
                rule += f" (in the time of {era_code})"
            return _make(text, entry.text, era_code, sector, rule)
        return _make(text, None, entry.code, None, f"country:{entry.kind}:{entry.text}")

    if h.lemma in MEETING_NOUNS and h.dep in ("dobj", "obj", "nsubjpass"):
        if tokens[h.head].lemma in MEETING_VERBS:
            return None  # "held its assembly in Lima": a meeting, not the body

    # An ethnic group ("ethnic Albanians in Kosovo"): the country of its place, if any.
    if country is None and _is_ethnic_group(h, phrase, tokens, d):
        around = _context_country(h, tokens, kids, d)
        if around is None:
            return open_community(text, h)  # the sentence's one country, if any
        rule = f"ethnic group; country:{around[0].text} ({around[1]})"
        return _make(text, None, around[0].code, None, rule)
    community = _community(h, phrase, country, text, tokens, kids, d)
    if community is not None:
        return community
    if h.lemma in STATE_NOUNS:
        return _state_noun(h, phrase, country, text, tokens, kids, d)

    # 4. An agent noun, with the country its modifiers give ("Peruvian Defense Ministry", "U.S.
    # advisers") or its "of" complement gives ("the Ministry of Foreign Affairs", "the army of
    # Mali").
    extended = phrase + _of_complement(h.i, tokens, kids)
    agent = _agent_in(extended, tokens, d, "noun", head=h.i)
    if agent is None and h.lemma in UNIT_HEADS:
        agent = _unit_of(h, phrase, tokens, d)
    if country is None and len(extended) > len(phrase):
        country = _country_in(extended[len(phrase) :], tokens, d)
    if agent is None and country is not None and country[1]:
        # "Syrian officers", "Soviet aircraft": actors only with a nationality.
        agent = _agent_in(phrase, tokens, d, "national", head=h.i)
    if (
        agent is not None
        and h.lemma in INSTITUTIONS
        and _role_is_place(h, tokens, institution=True)
    ):
        return None  # "at a university in California", "in parliament": a place
    context = ""
    several = country is not None and _several_countries(extended, tokens, kids, d)
    if several:
        country = None  # "Kenyan and Ugandan officials": no one country
    if agent is not None and country is None and not several:
        # "Vietnamese-led forces": the leading country's.
        for i in phrase:
            if tokens[i].text.lower() == "led":
                led_by = [c for c in range(max(0, i - 3), i) if tokens[c].text != "-"]
                found = _country_in(led_by, tokens, d)
                if found is not None:
                    country = (found[0], [])
                    context = f" (led by {found[0].text})"
    if agent is not None and country is None and not several and h.lemma not in NOT_OWNED:
        # "the Bush administration", "President Suharto's government": the leader's country.
        leader = _leader_of(h, extended, tokens, d, memory, date)
        if leader is not None:
            country = (leader[0], [])
            context = f" (of {leader[1]})"
    if (
        agent is not None
        and country is None
        and not several  # (not where they met: "Kenyan and Ugandan officials in Paris")
        and agent[1].split()[-1] not in NOT_LOCAL
        and not _has_owner(h, tokens, kids)
    ):
        around = _context_country(h, tokens, kids, d)
        if around is not None:
            country = (around[0], [])
            context = f" ({around[1]})"
    if agent is not None:
        sector, agent_text, _ = agent
        if sector in GENERIC_SECTORS:
            # "opposition delegation", "rebel spokesman": the modifier says whose they are.
            for i in phrase:
                if i != h.i and tokens[i].dep in ("compound", "amod"):
                    if tokens[i].lemma in OPPOSITION_MODIFIERS:
                        sector, agent_text = "OPP", f"{tokens[i].lemma} {agent_text}"
                        break
                    for entry in d.agents.get(key(tokens[i].lemma), []):
                        if entry.kind == "noun" and entry.sector in MARKED_SECTORS:
                            sector, agent_text = entry.sector, f"{entry.text} {agent_text}"
        if sector == "GOV" and any(_is_former(tokens[i]) for i in phrase):
            sector, agent_text = "ELI", f"former {agent_text}"
        rule = f"agent:{agent_text}"
        code_country = None
        if country is not None:
            code_country = country[0].code
            if country[0].kind == "capital":
                code_country = in_era(code_country, memory.era)  # "Belgrade radio" in 1989
            rule += f"; country:{country[0].text}{context}"
        return _make(text, None, code_country, sector, rule)
    return None


def _unit_of(
    h: Token, phrase: list[int], tokens: tuple[Token, ...], d: ActorDictionaries
) -> tuple[str, str, list[int]] | None:
    """The sector of a group or unit named by the agent noun before it ("a guerrilla group",
    "a police patrol", "an army unit"): the group is what its members are."""
    run = [i for i in phrase if i < h.i and tokens[i].dep == "compound" and tokens[i].head == h.i]
    while run and run[-1] != h.i - 1:
        run.pop()
    if not run:
        return None
    found = _agent_in(run, tokens, d, "noun", head=run[-1])
    if found is None or found[2][-1] != h.i - 1:
        return None
    sector, text, idx = found
    return sector, f"{text} {h.lemma}", [*idx, h.i]


def _state_noun(
    h: Token,
    phrase: list[int],
    country: tuple[CountryEntry, list[int]] | None,
    text: str,
    tokens: tuple[Token, ...],
    kids: list[list[int]],
    d: ActorDictionaries,
) -> Actor | None:
    """A state named by a noun of statehood: "the Republic of Slovenia", "the rump Yugoslav
    state", "Yugoslavia's republics" are the country (not in a place's role, not a former
    one: "the former Soviet republics" are states of their own)."""
    if _role_is_place(h, tokens) or any(_is_former(tokens[i]) for i in phrase):
        return None
    of = _of_complement(h.i, tokens, kids)
    how = ""
    whole = _country_in(phrase + of, tokens, d) if of else None
    if whole is not None and h.i in whole[1]:
        country, of = whole, []  # the name as a whole ("Democratic People's Republic of Korea")
    if of:
        found = _country_in(of, tokens, d)
        if found is None or found[0].kind != "name" or found[1][-1] != of[-1]:
            return None  # "the republic of Nakhichevan", "the state of emergency"
        if any(
            tokens[i].pos == "PROPN" and not d.countries.get(key(tokens[i].text))
            for i in phrase
            if i != h.i
        ):
            return None  # a longer name ("the Democratic People's Republic of Korea")
        country, how = found, "the "
    if country is None or _several_countries(phrase, tokens, kids, d):
        return None
    entry = country[0]
    rule = f"country:{entry.kind}:{entry.text} ({how or 'its '}{h.lemma})"
    return _make(text, None, entry.code, None, rule)


def _community(
    h: Token,
    phrase: list[int],
    country: tuple[CountryEntry, list[int]] | None,
    text: str,
    tokens: tuple[Token, ...],
    kids: list[list[int]],
    d: ActorDictionaries,
) -> Actor | None:
    """A people or faith ("Iraqi Kurds", "Kosovo Albanians", "Kurds in Syria") takes the
    country its own words or its place name; unplaced, it waits for the sentence's one
    country ("Islamic fundamentalists" in a sentence about Algeria)."""
    if country is not None and placed_by_name(h, country, tokens, d):
        rule = f"{OPEN_RULE}{h.text}; country:{country[0].text}"
        return _make(text, None, country[0].code, None, rule)
    word = community_word(h, phrase, tokens)
    if word is None:
        return None
    if country is not None:
        between = range(country[1][-1] + 1, h.i)
        if _several_countries(phrase, tokens, kids, d) or any(
            tokens[i].pos == "CCONJ" for i in between
        ):
            return None  # "Iran and Islamic extremists": the country is not theirs
        rule = f"{OPEN_RULE}{key(word.text)}; country:{country[0].text}"
        return _make(text, None, country[0].code, None, rule)
    around = _context_country(h, tokens, kids, d)
    if around is not None:
        rule = f"{OPEN_RULE}{key(word.text)}; country:{around[0].text} ({around[1]})"
        return _make(text, None, around[0].code, None, rule)
    return open_community(text, word)


def _entity_span(h: Token, tokens: tuple[Token, ...]) -> list[int]:
    """The tokens of the named entity around the head."""
    start = h.i
    while start > 0 and tokens[start].ent_iob == "I" and tokens[start - 1].ent == h.ent:
        start -= 1
    end = h.i + 1
    while end < len(tokens) and tokens[end].ent_iob == "I" and tokens[end].ent == h.ent:
        end += 1
    return list(range(start, end))


def _office_in_year(
    name: str, d: ActorDictionaries, tokens: tuple[Token, ...]
) -> OfficeTerm | None:
    """The one office a person held in a year the sentence names, or None."""
    for t in tokens:
        if t.ent == "DATE" and len(t.text) == 4 and t.text.isdigit() and "1950" <= t.text <= "2099":
            first, last = f"{t.text}-01-01", f"{t.text}-12-31"
            terms = [
                term
                for term in d.offices.get(key(name), [])
                if term.start <= last and (term.end is None or term.end >= first)
            ]
            if len({(term.country, term.sector) for term in terms}) == 1:
                return terms[0]
    return None


def _office_by_title(name: str, title: str, d: ActorDictionaries) -> OfficeTerm | None:
    """The office a title and a name point to when no date decides ("President Reagan").

    The name (full, or a surname alone) must match office holders whose office the title
    names ("president" for a head of state), all of one country and sector.
    """
    k = key(name)
    terms = d.offices.get(k) or ([] if " " in k else d.surnames.get(k, []))
    roles = {role for role, titles in ROLE_TITLES.items() if title in titles}
    terms = [t for t in terms if t.role in roles]
    if not terms or len({(t.country, t.sector) for t in terms}) > 1:
        return None
    if len({t.name for t in terms}) > 1:
        # Two people of one country and office ("President Bush"): the code, not the name.
        t = terms[0]
        return OfficeTerm(
            name=name, country=t.country, sector=t.sector, role=t.role, start="", end=None
        )
    return terms[0]


def _resolve_person(
    h: Token,
    phrase: list[int],
    tokens: tuple[Token, ...],
    kids: list[list[int]],
    d: ActorDictionaries,
    memory: _Memory,
    date: str | None,
    text: str,
) -> Actor | None:
    name_idx = _name_span(h, phrase, tokens)
    while len(name_idx) > 1 and any(
        e.kind == "title" for e in d.agents.get(key(tokens[name_idx[0]].text), [])
    ):
        name_idx = name_idx[1:]  # the tagger's name may start with a title ("Ayatollah")
    name = _join(name_idx, tokens)
    rest = [i for i in phrase if i not in name_idx]
    # Titles and country words may also sit in an appositive: "Cateriano, the defense minister".
    for c in kids[h.i]:
        if tokens[c].dep == "appos" and tokens[c].pos == "NOUN":
            rest += _phrase(c, tokens, kids)
    # "Secretary of State Warren Christopher": the title's own "of" phrase.
    for i in list(rest):
        rest += [j for j in _of_complement(i, tokens, kids) if j not in rest and j < h.i]
    title = _agent_in(rest, tokens, d, "title") if rest else None
    if title is not None and title[0] == "GOV":
        before = title[2][0] - 1
        if before in rest and tokens[before].lemma in OPPOSITION_MODIFIERS:
            # "Diane Abbott, the shadow home secretary": the opposition's, not the government's
            title = ("OPP", f"{tokens[before].lemma} {title[1]}", [before, *title[2]])
    country = _country_in(rest, tokens, d) if rest else None
    office = _office(name, d, date)
    if office is None:
        # The tagger's PERSON span may miss a first name ("Luiz [Inacio Lula da Silva]").
        run = [i for i in phrase if tokens[i].pos == "PROPN" and i <= h.i]
        if run and run[-1] == h.i and len(run) > len(name_idx):
            office = _office(_join(run, tokens), d, date)
    if office is None and d.offices.get(key(name)):
        # Not in office on the article's date, but the sentence names the year it speaks of
        # ("In 2012, Leon Panetta …"): the office held in that year.
        office = _office_in_year(name, d, tokens)
    if office is None and date is None and title is not None:
        # An undated text: "President Reagan" is the one head of state of that name.
        office = _office_by_title(name, title[1], d)
    remembered = memory.people.get(key(name))

    sector = title[0] if title else None
    if title and title[0] == "GOV" and any(_is_former(tokens[i]) for i in rest):
        # "former prime minister", "ousted president": an elite, not the government, but
        # still of the country whose office the person held.
        sector = "ELI"
        if office is None:
            office = _office_by_title(name, title[1], d)
        if office is not None:
            office = OfficeTerm(
                name=office.name,
                country=office.country,
                sector="ELI",
                role=office.role,
                start=office.start,
                end=office.end,
            )
    country_code = country[0].code if country else None
    rules: list[str] = []
    if title:
        past = "former " if sector == "ELI" and "former" not in title[1] else ""
        rules.append(f"title:{past}{title[1]}")
    if country:
        rules.append(f"country:{country[0].text}")
    if office is not None and (country_code is None or country_code == office.country):
        country_code = country_code or office.country
        sector = sector or office.sector
        if date:
            rules.append(f"office:{office.name} {office.role} {office.start}..{office.end or ''}")
        else:
            rules.append(f"office:{office.name} (article undated: any term)")
    if sector is None and country_code is None and remembered is not None:
        memory.people[key(name)] = remembered
        memory.titles.setdefault(
            key(name), memory.titles.get(key(remembered.name or ""), frozenset())
        )
        return replace(remembered, text=text, rule=f"same person as {remembered.name!r} earlier")
    if sector is None and country_code is None:
        return None
    if remembered is not None and remembered.name:
        name = remembered.name  # the full name the article used first ("Leon Panetta")
    elif office is not None and key(office.name).endswith(key(name)):
        name = office.name
    actor = _make(text, name, country_code, sector, "; ".join(rules))
    memory.people[key(name)] = actor
    memory.people.setdefault(key(_join(name_idx, tokens)), actor)
    # The title the text gives ("defense secretary"), else the titles of the office held.
    titles = {title[1]} if title else set(ROLE_TITLES.get(office.role, ()) if office else ())
    memory.titles[key(name)] = frozenset(titles) | memory.titles.get(key(name), frozenset())
    if len(name_idx) > 1:
        _remember_surname(memory, key(tokens[name_idx[-1]].text), actor)
    return actor


def _remember_surname(memory: _Memory, k: str, actor: Actor) -> None:
    """A surname names the person the article first gave it to; when two people share it
    ("Grace Wambui ... Joseph Wambui") it names no one."""
    if k in memory.shared:
        return
    known = memory.people.get(k)
    if known is None:
        memory.people[k] = actor
    elif known.name != actor.name:
        del memory.people[k]
        memory.shared.add(k)
