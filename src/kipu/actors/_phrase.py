"""One noun phrase to one actor: organisations, people, countries and capitals, agent nouns.

`_resolve_phrase` tries, in order: a named organisation (its members, forum or national branch
too, not a thing of it nor its headquarters as a place); a named person (`_people.py`); a
country or capital as the head (the state or its government, unless the phrase is a place);
a people or faith (`_groups.py`) and a noun of statehood ("the Republic of Slovenia"); last an
agent noun with the country its modifiers, its "of" complement, its leader or its place give.
An agent actor's rule starts with ``agent:``; `_agent_of` reads the agent phrase back.
"""

from __future__ import annotations

from kipu.actors._context import (
    FOREIGN_AFFAIRS,
    INSTITUTIONS,
    NOT_LOCAL,
    _context_country,
    _is_dateline,
    _role_is_place,
    _several_countries,
)
from kipu.actors._dictionaries import ActorDictionaries, CountryEntry, key
from kipu.actors._era import in_era
from kipu.actors._groups import OPEN_RULE, community_word, open_community, placed_by_name
from kipu.actors._match import (
    _agent_in,
    _country_in,
    _join,
    _name_span,
    _of_complement,
    _org_in,
    _phrase,
)
from kipu.actors._people import (
    OPPOSITION_MODIFIERS,
    _is_former,
    _leader_of,
    _make,
    _Memory,
    _resolve_person,
    _titled_name,
)
from kipu.records import Actor, Sentence, Token

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
# Nouns of statehood that a country word makes the state ("the Republic of Slovenia").
STATE_NOUNS = frozenset({"republic", "kingdom", "state", "principality", "federation"})
# Heads of a group or unit that is what its members are ("guerrilla group", "police patrol").
UNIT_HEADS = ORG_HEADS | frozenset({"patrol", "unit", "squad", "team", "contingent", "detachment"})
# Heads whose sector a modifier overrides ("opposition delegation" is OPP, not GOV) and the
# sectors such a modifier can give.
GENERIC_SECTORS = frozenset({"GOV"})
MARKED_SECTORS = frozenset({"OPP", "REB", "INS", "SEP", "CRM", "UAF", "PTY"})
# Bodies whose name is also a meeting of them, and the verbs that make it the meeting
# ("held its assembly", "convened a congress").
MEETING_NOUNS = frozenset({"assembly", "congress", "conference", "convention", "plenum", "summit"})
MEETING_VERBS = frozenset({"hold", "convene", "attend", "host", "open", "close", "chair"})
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
        # the other party of a relation: "Washington's allies", "Iran's proxies"
        "ally",
        "partner",
        "proxy",
    }
)


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
        if around is not None and agent[1] in FOREIGN_AFFAIRS and around[0].kind != "capital":
            around = None  # "the Foreign Office is not operating in Syria": not Syria's
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


def _member_state(
    h: Token, org: list[int], tokens: tuple[Token, ...], d: ActorDictionaries
) -> bool:
    """True for a state named with the body it belongs to ("NATO-member Norway", "EU member
    Poland", "the NATO ally Turkey"): a member word stands between the body and the state."""
    if not any(e.kind in ("name", "short") for e in d.countries.get(key(h.text), [])):
        return False
    between = range(org[-1] + 1, h.i)
    return any(tokens[i].lemma in ("member", "ally", "partner") for i in between)


def _national_branch(
    h: Token, org_span: list[int], tokens: tuple[Token, ...], d: ActorDictionaries
) -> bool:
    """A named organisation followed by a country in one name: its national branch ("Oxfam
    Canada", "Save the Children UK", "Amnesty International USA") is the organisation."""
    if h.ent != "ORG" or h.i != org_span[-1] + 1:
        return False
    return _country_in([h.i], tokens, d) is not None


def _inside_person_name(h: Token, span: list[int], tokens: tuple[Token, ...]) -> bool:
    """True when an organisation's name is only a part of a person's name around the head."""
    name = _entity_span(h, tokens)
    return set(span) < set(name)


def _entity_span(h: Token, tokens: tuple[Token, ...]) -> list[int]:
    """The tokens of the named entity around the head."""
    start = h.i
    while start > 0 and tokens[start].ent_iob == "I" and tokens[start - 1].ent == h.ent:
        start -= 1
    end = h.i + 1
    while end < len(tokens) and tokens[end].ent_iob == "I" and tokens[end].ent == h.ent:
        end += 1
    return list(range(start, end))


def _is_demonym_plural(h: Token, entry: CountryEntry) -> bool:
    """True for a people named by their nationality ("Thousands of Nigerians", "a group of
    Liberians"): people are never the place a phrase is in, whatever their preposition."""
    return entry.kind == "adjective" and h.text.endswith("s") and h.text[:1].isupper()


def _is_ethnic_group(
    h: Token, phrase: list[int], tokens: tuple[Token, ...], d: ActorDictionaries
) -> bool:
    """True for "ethnic Albanians", "ethnic Turks": a demonym written as an ethnicity."""
    entries = d.countries.get(key(h.text))
    if not entries:
        return False  # (most heads: the one lookup, before the phrase's words are read)
    return any(e.kind == "adjective" for e in entries) and any(
        tokens[i].text.lower() == "ethnic" for i in phrase
    )


def _has_owner(h: Token, tokens: tuple[Token, ...], kids: list[list[int]]) -> bool:
    """True for a group owned by a possessive pronoun ("its forces"): its owner, not its
    place, says whose it is."""
    return h.lemma not in NOT_OWNED and any(
        tokens[c].dep == "poss" and tokens[c].text.lower() in OWNER_PRONOUNS for c in kids[h.i]
    )


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


def _agent_of(actor: Actor) -> str | None:
    """The agent phrase an agent-noun actor was resolved by ("defense ministry"), or None."""
    first = actor.rule.split(";", 1)[0]
    return first[len("agent:") :] if first.startswith("agent:") else None
