"""Resolve noun phrases to CAMEO actors: Parsed → Resolved.

The evidence is always in the text: a country word (name, abbreviation, adjective, possessive), an
agent noun or title from the dictionary, a named organisation, or a named person found in the
office-holder dictionary for the article's date. A phrase with none of these stays unresolved:
kipu never guesses a country from a name alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
    OfficeTerm,
    key,
    load_dictionaries,
)
from kipu.actors._match import (
    _agent_in,
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
GROUP_MEMBERS = frozenset({"member", "leader", "supporter", "fighter", "loyalist", "ally"})
# Modifiers that make a title a former one: CAMEO codes former office holders as elites (ELI).
FORMER = frozenset({"former", "ex", "ex-"})
# Heads whose sector a modifier overrides ("opposition delegation" is OPP, not GOV) and the
# sectors such a modifier can give.
GENERIC_SECTORS = frozenset({"GOV"})
MARKED_SECTORS = frozenset({"OPP", "REB", "INS", "SEP", "CRM", "UAF", "PTY"})
# Heads that can name an actor by themselves.
NOUN_POS = frozenset({"NOUN", "PROPN"})
# Pronouns handed to the alias resolver ("her" only when it is not a possessive determiner).
ALIAS_PRONOUNS = frozenset({"he", "she", "him", "her", "they", "them"})
# Determiners that make a bare title noun point back ("the minister", "the ministry").
ANAPHORIC_DETS = frozenset({"the", "this", "that", "these", "those"})
# The titles an office in officeholders.tsv answers to ("the president" for a head of state).
ROLE_TITLES = {
    "head_of_state": ("president", "king", "queen", "emir", "leader"),
    "head_of_government": ("prime minister", "premier", "chancellor"),
    "defense_minister": ("defense minister", "defence minister", "defense secretary"),
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
    titles: dict[str, frozenset[str]] = field(default_factory=dict)  # person key -> titles
    earlier: list[Antecedent] = field(default_factory=list)


def resolve_actors(parsed: Parsed, options: ActorOptions | None = None) -> Resolved:
    """Find the actor mentions of every sentence of a parsed article."""
    options = options or ActorOptions()
    d = load_dictionaries(tuple(options.dictionaries), options.bundled)
    alias = options.alias_resolver or RuleAliasResolver()
    memory = _Memory()
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
            for c in kids[h.i]:
                if tokens[c].dep == "appos" and tokens[c].pos == "PROPN":
                    appos_phrase = _phrase(c, tokens, kids)
                    named = _resolve_phrase(
                        tokens[c], appos_phrase, tokens, kids, d, memory, date, sentence
                    )
                    if named is not None:
                        actor, phrase = named, sorted({*phrase, *appos_phrase})
                        break
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
    return mentions


def _remember(
    memory: _Memory,
    sentence: Sentence,
    h: Token,
    actor: Actor,
    is_person: bool,
    titles: frozenset[str],
) -> None:
    memory.earlier.append(
        Antecedent(sentence=sentence.index, head=h, actor=actor, is_person=is_person, titles=titles)
    )


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

    # 1. A named organisation or armed group ("Shining Path guerrillas", "NATO").
    org = _org_in(phrase, tokens, d)
    if (
        org is not None
        and h.i not in org[1]
        and h.lemma not in GROUP_MEMBERS
        and h.ent != "PERSON"
        and not d.agents.get(key(h.lemma))
    ):
        # "the Islamic State enclave": the phrase names a thing of the group, not the group.
        return None
    if org is not None and _role_is_place(h, tokens, institution=True):
        return None  # "entered Downing Street", "at NATO headquarters"
    if org is not None:
        entry = d.orgs[org[0]]
        return _make(
            text, entry.text, entry.country, entry.sector, f"organisation:{entry.text}", entry.code
        )

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
        in_place_role = _role_is_place(h, tokens) and not entry.actor
        if in_place_role or entry.place or _is_dateline(phrase, tokens, sentence):
            return None
        if entry.kind == "capital":
            sector = "MIL" if entry.military else "GOV"
            return _make(text, entry.text, entry.code, sector, f"capital:{entry.text}")
        return _make(text, None, entry.code, None, f"country:{entry.kind}:{entry.text}")

    # 4. An agent noun, with the country its modifiers give ("Peruvian Defense Ministry", "U.S.
    # advisers") or its "of" complement gives ("the Ministry of Foreign Affairs", "the army of
    # Mali").
    extended = phrase + _of_complement(h.i, tokens, kids)
    agent = _agent_in(extended, tokens, d, "noun", head=h.i)
    if country is None and len(extended) > len(phrase):
        country = _country_in(extended[len(phrase) :], tokens, d)
    if (
        agent is not None
        and h.lemma in INSTITUTIONS
        and _role_is_place(h, tokens, institution=True)
    ):
        return None  # "at a university in California", "in parliament": a place
    context = ""
    if country is not None and _several_countries(phrase, tokens, kids, d):
        country = None  # "Kenyan and Ugandan officials": no one country
    if agent is not None and country is None and agent[1].split()[-1] not in NOT_LOCAL:
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
                    for entry in d.agents.get(key(tokens[i].lemma), []):
                        if entry.kind == "noun" and entry.sector in MARKED_SECTORS:
                            sector, agent_text = entry.sector, f"{entry.text} {agent_text}"
        if sector == "GOV" and any(tokens[i].lemma in FORMER for i in phrase):
            sector, agent_text = "ELI", f"former {agent_text}"
        rule = f"agent:{agent_text}"
        code_country = None
        if country is not None:
            code_country = country[0].code
            rule += f"; country:{country[0].text}{context}"
        return _make(text, None, code_country, sector, rule)
    return None


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
    remembered = memory.people.get(key(name))

    sector = title[0] if title else None
    if title and title[0] == "GOV" and any(tokens[i].lemma in FORMER for i in rest):
        sector, office = "ELI", None  # "former prime minister": an elite, not the government
    country_code = country[0].code if country else None
    rules: list[str] = []
    if title:
        rules.append(f"title:{'former ' if sector == 'ELI' else ''}{title[1]}")
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
        return Actor(
            text=text,
            name=remembered.name,
            code=remembered.code,
            country=remembered.country,
            sector=remembered.sector,
            rule=f"same person as {remembered.name!r} earlier",
        )
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
        memory.people.setdefault(key(tokens[name_idx[-1]].text), actor)
    return actor
