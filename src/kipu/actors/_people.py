"""Named people: a name with its title, country words and office, resolved to an actor.

A person is placed by a title in the phrase or an appositive ("Cateriano, the defense
minister"), country words, and the office-holder dictionary for the article's date (or the year
the sentence names; undated, the title of the office held: "President Reagan"). A former office
holder is an elite of the country whose office they held. The article's memory (`_Memory`) keeps
every person named so far, so a later surname is the same person, and a surname two people share
names neither. `_make` builds the actor every step of the resolver returns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from kipu.actors._alias import Antecedent
from kipu.actors._dictionaries import ActorDictionaries, CountryEntry, OfficeTerm, key
from kipu.actors._match import (
    _agent_in,
    _country_in,
    _join,
    _name_span,
    _of_complement,
    _office,
    _phrase,
)
from kipu.records import Actor, Token

# Modifiers that make a title a former one: CAMEO codes former office holders as elites (ELI).
FORMER = frozenset(
    {"former", "ex", "ex-", "ousted", "deposed", "toppled", "overthrown", "exiled", "late"}
)
# Modifiers that make a government title the opposition's ("the shadow home secretary"); not
# agents of their own, since "shadow" alone names no one.
OPPOSITION_MODIFIERS = frozenset({"shadow"})
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


@dataclass(slots=True)
class _Memory:
    """What this article has said so far: people by name, and mentions aliases may point to."""

    people: dict[str, Actor] = field(default_factory=dict)
    shared: set[str] = field(default_factory=set)  # surnames of two people: they name no one
    titles: dict[str, frozenset[str]] = field(default_factory=dict)  # person key -> titles
    earlier: list[Antecedent] = field(default_factory=list)
    era: str | None = None  # the day the article speaks of, when known (see _era.py)


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


# How an age hangs on the name it is written beside ("Joe Robinson, 25,").
AGE_DEPS = frozenset({"appos", "amod", "npadvmod"})


def with_age(t: Token, tokens: Sequence[Token]) -> bool:
    """True for a name written with an age beside it ("Joe Robinson, 25,", "Rojkan, 23,"): a
    person, whatever label the entity recogniser gave an unfamiliar name."""
    # (a plain loop: asked of nearly every noun, where a generator costs more than the test)
    for c in tokens[t.i + 1 : t.i + 4]:
        if c.head == t.i and c.dep in AGE_DEPS and c.text.isdigit():
            return True
    return False


def is_title(words: str, d: ActorDictionaries) -> bool:
    """True for words the agent dictionary lists as a person's title ("president",
    "defence secretary"), not a body's noun ("ministry")."""
    return any(e.kind == "title" for e in d.agents.get(key(words), []))


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
    while len(name_idx) > 1 and is_title(tokens[name_idx[0]].text, d):
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


def _is_former(t: Token) -> bool:
    """A modifier that makes a title a past one ("former", "Ousted", "ex-")."""
    return t.lemma in FORMER or t.text.lower() in FORMER


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
        while len(run) > 1 and is_title(tokens[run[0]].text, d):
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
