"""The country of a domestic actor whose own words name none: the article's, when it is clear.

"The police", "the opposition", "protesters" or "the ministry" belong to the country the
article places them in. The actor stage gives them a country only when their own sentence
names one; here the whole article so far speaks: the country that dominates its country
mentions (title, dateline, lead and body), and the country the nearest preceding sentence
names. When the two disagree, or the sentence itself names other countries, the actor keeps
no country: a wrong country costs more than a missing one.

Armed groups with no home country ("Islamic State") and groups named by a people or place
kipu cannot read ("Kurdish forces") take only the country the article places its events in
("in Syria", "Raqqa"), never the country of the actors it talks about.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Sequence
from dataclasses import replace

from kipu.actors import (
    ActorDictionaries,
    countries_in_sentence,
    is_country_word,
    load_dictionaries,
    open_group,
)
from kipu.discourse._memory import ArticleMemory
from kipu.enrich.places import PLACE_LABELS, country_of_place, entity_spans
from kipu.records import Actor, Mention, Sentence

# Sectors of domestic bodies and people: a state's organs, its parties and its civilians.
DOMESTIC_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "OPP", "PTY", "CVL"})
# Domestic groups that are no organ of a state: in a sentence naming several countries, they
# are of the one country its places are in (foreign states act there; a state's organs may be
# abroad, a country's opposition and civilians are at home).
PLACED_BY_SENTENCE = frozenset({"OPP", "PTY", "CVL"})
# Sectors of a state's own office holders and bodies.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
# Agents who work for whoever hires them: their place says nothing of their country.
PRIVATE_AGENTS = frozenset(
    {"lawyer", "attorney", "barrister", "solicitor", "counsel", "advocate", "adviser", "advisor"}
)
# Rules of a person named again by the document context stage (``_names.py``).
NAMED_AGAIN = ("discourse:surname:", "discourse:name:")
# Armed groups: they take the country they act in, not their enemies' or backers'.
ARMED_SECTORS = frozenset({"REB", "INS", "UAF", "SEP", "IMG"})
# A country dominates the article when it holds this share of its country mentions and twice
# as many as the next one, with at least MIN_EVIDENCE of them.
DOMINANT_SHARE = 0.6
MIN_EVIDENCE = 2
# How many sentences back the nearest context may be.
CONTEXT_WINDOW = 3
# The same for the places the article puts its events in.
MIN_PLACES = 2


def sentence_countries(
    sentence: Sentence, mentions: Sequence[Mention], d: ActorDictionaries
) -> tuple[Counter[str], Counter[str]]:
    """The countries a sentence names as actors' countries (country words that are not a
    place, and the countries of actors named without one: "Putin"), and apart the countries
    it names as the places of events ("in Syria", "Raqqa")."""
    words = countries_in_sentence(sentence.tokens, d)
    named: Counter[str] = Counter(w.code for w in words if not w.place)
    places: Counter[str] = Counter(w.code for w in words if w.place)
    covered = {i for w in words for i in w.span}
    for m in mentions:
        a = m.actor
        if a.country is None or " → " in a.rule or a.rule.startswith("discourse:"):
            continue  # an alias repeats an actor named before
        if not covered.intersection(range(m.start, m.end)):
            named[a.country] += 1
    return named, places


def dominant(counts: Counter[str], minimum: int) -> tuple[str, int, int] | None:
    """The country that dominates the counts: (code, its count, total), or None."""
    ranked = counts.most_common(2)
    if not ranked:
        return None
    code, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    total = sum(counts.values())
    if n >= minimum and n >= DOMINANT_SHARE * total and n >= 2 * second:
        return code, n, total
    return None


def place_country(
    m: Mention, sentence: Sentence, mentions: Sequence[Mention], memory: ArticleMemory
) -> tuple[str, str] | None:
    """The country a domestic actor with no country of its own belongs to, and why; None
    when it is not clear."""
    here = memory.by_sentence.get(sentence.index, Counter())
    others = set(here)
    article = dominant(memory.countries, MIN_EVIDENCE)
    named = set(memory.named_by_sentence.get(sentence.index, Counter()))
    if len(others) > 1 and article is not None and named == {article[0]}:
        # The article's country is the one country the sentence names as anyone's, the
        # others only as places ("British nationals fighting in Syria, the minister said").
        code, n, total = article
        return code, f"article-country:{code} ({n} of {total} country mentions)"
    if len(others) > 1:
        if m.actor.sector in PLACED_BY_SENTENCE:
            # "Russian, Iranian and Syrian troops have mounted an offensive against the
            # opposition in Idlib": foreign states act there, the opposition and the
            # civilians are of the one country the sentence's places are in.
            return sentence_place(sentence, set(memory.places_by_sentence.get(sentence.index, ())))
        return None  # the sentence names several countries: whose it is is not clear
    if others:
        (code,) = others
        if _acted_on_by_state(m, sentence, mentions):
            return None  # "Israel struck militants": the state acts on someone else's
        if article is not None and article[0] == code:
            return code, f"article-country:{code} ({article[1]} of {article[2]} country mentions)"
        where = memory.places_by_sentence.get(sentence.index, Counter())
        if (
            article is None
            and code in where
            and code not in memory.named_by_sentence.get(sentence.index, Counter())
            and _keeps_order(m.actor)
        ):
            # "arrested on holiday in Turkey, when the authorities ...": police, courts and
            # authorities act where the sentence puts the events (armies cross borders).
            return code, f"sentence-place:{code} (the one place of the sentence)"
        return None  # one country named, and the actor stage did not give it
    nearest = _nearest_context(sentence.index, memory)
    if nearest is not None:
        index, before = nearest
        if len(before) > 1:
            if article is None or article[0] not in before:
                return None  # the nearest context names several countries, none the article's
            code, n, total = article
            return code, f"article-country:{code} ({n} of {total} country mentions)"
        (code,) = before
        if article is not None and article[0] != code:
            return None  # the nearest context and the article disagree
        return code, f"nearest-context:{code} (named in sentence {index})"
    if article is not None:
        code, n, total = article
        return code, f"article-country:{code} ({n} of {total} country mentions)"
    return None


# Words of an agent phrase that name the government of the place it acts in.
HOME_WORDS = frozenset({"government", "regime", "pro-government", "loyalist"})


def _at_home(actor: Actor) -> bool:
    """A government's or a regime's own body or forces ("government forces", "regime
    troops", "the regime"), which act in the country they govern."""
    agent = actor.rule.split(";", 1)[0]
    if not agent.startswith("agent:") or actor.sector not in ("GOV", "MIL", "COP"):
        return False
    return bool(HOME_WORDS.intersection(agent[len("agent:") :].split()))


# Offices English news writes with no country only for one state's ("the home secretary",
# "the shadow foreign secretary": the UK's; the US's is "defense"): the last evidence for an
# office the article's countries do not place; any country word or context comes first.
ONE_STATE_TITLES = {
    "home secretary": "GBR",
    "home office": "GBR",
    "foreign office": "GBR",
    "defence secretary": "GBR",
    "foreign secretary": "GBR",
    "chancellor of the exchequer": "GBR",
}


def _one_states_title(actor: Actor) -> tuple[str, str] | None:
    """The state whose office an agent phrase with no country names ("the home secretary": GBR;
    a shadow office is its opposition's), or None."""
    agent = actor.rule.split(";", 1)[0]
    if not agent.startswith("agent:") or actor.sector not in ("GOV", "OPP"):
        return None
    title = agent[len("agent:") :].removeprefix("shadow ")
    code = ONE_STATE_TITLES.get(title)
    if code is None:
        return None
    return code, f"title:{code} ({title!r} with no country named is {code}'s office)"


def _keeps_order(actor: Actor) -> bool:
    """Police, courts and "the authorities": bodies that act in their own country."""
    return actor.sector in ("COP", "JUD") or "agent:authority" in actor.rule


def _nearest_context(index: int, memory: ArticleMemory) -> tuple[int, Counter[str]] | None:
    """The nearest sentence before ``index`` (a few back at most) that names a country, and
    the countries it names."""
    for before in range(index - 1, max(-1, index - 1 - CONTEXT_WINDOW), -1):
        named = memory.by_sentence.get(before)
        if named:
            return before, named
    return None


def towns_of(sentence: Sentence, actors: Sequence[Mention] = ()) -> list[tuple[str, str]]:
    """The towns and regions a sentence names that kipu's gazetteer places ("Afrin", "eastern
    Ghouta"): (country code, name) each; not those an actor mention covers ("Ankara said",
    the capital standing for its government)."""
    tokens = sentence.tokens
    covered = {i for m in actors for i in range(m.start, m.end)}
    out: list[tuple[str, str]] = []
    # (the small model tags some towns as a people: "the Afrin offensive" as NORP)
    for start, end in entity_spans(sentence, PLACE_LABELS | {"NORP"}):
        if tokens[start].pos != "PROPN" or covered.intersection(range(start, end)):
            continue
        name = " ".join(x.text for x in tokens[start:end])
        if tokens[start].ent == "NORP" and is_country_word(name, load_dictionaries()):
            continue  # a nationality ("Thai") that is also some town's name
        code = country_of_place(name, towns_only=True)
        if code is not None:
            out.append((code, name))
    return out


def sentence_place(sentence: Sentence, countries: set[str]) -> tuple[str, str] | None:
    """The one country the places a sentence names are in: countries named as places
    (``countries``: "in Syria") and towns and regions read in kipu's gazetteer ("fighting in
    Afrin", "the assault on Raqqa"): (code, why); None when they name none or several
    countries. An armed group or a people acts where the sentence puts it."""
    found: dict[str, list[str]] = {code: [] for code in countries}
    for code, name in towns_of(sentence):
        found.setdefault(code, []).append(name)
    if len(found) != 1:
        return None
    ((code, names),) = found.items()
    return code, f"sentence-place:{code} ({', '.join(names) or 'a place word of the sentence'})"


def placed_in(memory: ArticleMemory) -> tuple[str, str] | None:
    """The country the article puts its events in: the countries it names as places ("in
    Syria", the dateline), or when it names none, the towns the gazetteer places ("Afrin")."""
    found = dominant(memory.places or memory.towns, MIN_PLACES)
    if found is None:
        return None
    code, n, total = found
    return code, f"article-place:{code} ({n} of {total} places named)"


def complete_countries(
    sentence: Sentence,
    mentions: list[Mention],
    memory: ArticleMemory,
    d: ActorDictionaries,
) -> list[Mention]:
    """Give each domestic actor without a country the article's country when it is clear."""
    out = list(mentions)
    placed: list[tuple[str, str] | None] = []  # the sentence's place, read once when needed
    # Alias rules whose antecedent this stage has given a country: they follow it (_follow).
    following = {m.actor.rule for m in mentions if _cites(m.actor.rule) in memory.completed}
    for n, m in enumerate(mentions):
        kind = _kind(m, sentence, mentions, d, following)
        if kind is None:
            continue
        if kind == "open":
            found = place_country(m, sentence, mentions, memory) or _one_states_title(m.actor)
            if found is None and _at_home(m.actor):
                # "government forces captured territory near Mayadeen": a government's or a
                # regime's own forces act where they govern
                if not placed:
                    here = memory.places_by_sentence.get(sentence.index, Counter())
                    placed.append(sentence_place(sentence, set(here)))
                found = placed[0] or placed_in(memory)
        else:
            if not placed:
                here = memory.places_by_sentence.get(sentence.index, Counter())
                placed.append(sentence_place(sentence, set(here)))
            found = placed[0] or placed_in(memory)
        if found is None:
            continue
        code, why = found
        actor = m.actor
        if kind == "people":
            # A people's own officials or forces in a state not theirs are no organ of that
            # state: a non-state group of the country (CAMEO's REB; "Kurdish forces" in Syria).
            actor = replace(actor, code=None, sector="REB", rule=f"{actor.rule}; a people's body")
        out[n] = replace(m, actor=with_country(actor, code, why))
    return out


def _cites(rule: str) -> str | None:
    """The antecedent a title-noun alias of the actor stage names ("title noun 'opposition' →
    political opposition")."""
    if not rule.startswith("title noun ") or " → " not in rule:
        return None
    return rule.split(" → ", 1)[1].split("; ", 1)[0]


def with_country(actor: Actor, code: str, why: str) -> Actor:
    """The actor with a country the document context gives, saying why."""
    own_code = actor.code
    if own_code is None or own_code == actor.sector:
        own_code = code + (actor.sector or "")  # a bare sector becomes a national actor
    return Actor(
        text=actor.text,
        name=actor.name,
        code=own_code,
        country=code,
        sector=actor.sector,
        rule=f"{actor.rule}; discourse:{why}",
    )


def _kind(
    m: Mention,
    sentence: Sentence,
    mentions: Sequence[Mention],
    d: ActorDictionaries,
    following: Container[str] = (),
) -> str | None:
    """ "open" for a domestic actor the article's country may place, "placed" for one only the
    country of the article's events may place (an armed group, a people kipu cannot read),
    "people" for a people's officials or forces, placed so and no organ of the state; None for
    any other mention."""
    a = m.actor
    if a.country is not None:
        return None
    if " → " in a.rule:
        if a.rule.startswith("title noun ") and a.rule not in following:
            # A bare title noun ("the opposition") whose antecedent no rule placed is read
            # where it stands, as its own words would be.
            return "placed" if a.sector in ARMED_SECTORS else _open(a.sector)
        return None  # aliases follow their antecedent (see _stage.py)
    if any(f"agent:{w}" in a.rule for w in PRIVATE_AGENTS):
        return None  # a lawyer or an adviser works for anyone
    if a.code is not None and a.code[:3] == "IMG":
        return "placed"  # a transnational armed group acts in the article's country
    if a.rule.startswith(NAMED_AGAIN) and a.code == a.sector and a.sector in STATE_SECTORS:
        return "open"  # a person with a title of state named again ("Javid")
    if a.rule.startswith("title:") and a.code == a.sector and a.sector in DOMESTIC_SECTORS:
        # "Diane Abbott, the shadow home secretary", "the defence secretary": a domestic
        # office whose words name no country is the article's country's when that is clear
        return "open"
    kind = open_group(m, sentence.tokens, mentions, d)
    if kind is None or kind == "qualified" or a.sector is None:
        return None
    if kind == "people" and a.sector in STATE_SECTORS:
        return "people"  # "Kurdish officials", "Kurdish forces": placed, and no state's organ
    if a.sector in ARMED_SECTORS or kind == "people":
        return "placed"
    return _open(a.sector)


def _open(sector: str | None) -> str | None:
    return "open" if sector in DOMESTIC_SECTORS else None


# Roles of a group acted on by the clause's subject.
_OBJECT_DEPS = frozenset({"dobj", "obj", "pobj", "dative"})


def _acted_on_by_state(m: Mention, sentence: Sentence, mentions: Sequence[Mention]) -> bool:
    """True for people that a state named in the sentence acts on ("Turkey deported
    families"): they are as often foreign as the state's own. A state's own bodies it acts
    with are its own ("Colombia sent more troops")."""
    tokens = sentence.tokens
    if tokens[m.head].dep not in _OBJECT_DEPS or m.actor.sector in STATE_SECTORS:
        return False
    return any(
        o.actor.rule.startswith(("country:", "capital:"))
        and tokens[o.head].dep in ("nsubj", "nsubjpass")
        for o in mentions
    )
