"""What the actor stage knows that later stages ask about: country words, open groups, agents.

The document context stage (``kipu.discourse``) reads a whole article with the actor stage's
eyes: which countries a sentence or a title names, which mentions are unnamed groups whose own
words give no country, and which agent phrase resolved a mention. These are the public faces of
the resolver's own tests, so both stages agree on them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kipu.actors._dictionaries import ActorDictionaries, key
from kipu.actors._groups import (
    ACROSS_BORDERS,
    FAITH_WORDS,
    is_community_word,
    is_open_community,
)
from kipu.actors._match import FOREIGN_HAND, _countries_named, _country_in, _match_spans
from kipu.actors._resolver import (
    NOT_OWNED,
    OWN_MEMBERS,
    _agent_of,
    _is_open_group,
    _qualified,
)
from kipu.records import Actor, Mention, Token

# Words of a plain line (a title, a dateline): letters with inner dots, hyphens and apostrophes
# ("U.S.", "al-Assad", "Britain's"); a trailing possessive is dropped before lookup.
_WORD = re.compile(r"[^\W\d_](?:[\w.'’-]*\w)?\.?")
_POSSESSIVE = re.compile(r"['’]s?$")


# Prepositions whose object is where something is or happens ("in Syria", "across Turkey").
PLACE_PREPS = frozenset({"in", "inside", "across", "throughout", "within", "near", "into"})


@dataclass(frozen=True, slots=True, kw_only=True)
class CountryWord:
    """A country a sentence names: its code, its tokens, and whether it is named as a place."""

    code: str
    span: range
    place: bool  # a city or region ("Raqqa"), or the object of "in", "across" ...


def countries_in_sentence(tokens: Sequence[Token], d: ActorDictionaries) -> list[CountryWord]:
    """Every country a parsed sentence names, as nationality or place."""
    toks = tuple(tokens)
    out: list[CountryWord] = []
    for code, span in _countries_named(toks, d):
        last = toks[span[-1]]
        entries = d.countries.get(key(" ".join(toks[i].text for i in span)), [])
        city = any(e.place for e in entries if e.code == code)
        where = last
        if last.dep in ("amod", "compound") and toks[last.head].pos in ("NOUN", "PROPN"):
            where = toks[last.head]  # "in a Syrian refugee camp", "in the Kurdish-held north"
        located = (
            where.dep == "pobj"
            and where.lemma not in ACT_NOUNS  # "died in a US strike": an act, no place
            and (toks[where.head].lemma in PLACE_PREPS or _part_of(toks[where.head], toks))
        )
        out.append(
            CountryWord(code=code, span=span, place=(city and last.pos == "PROPN") or located)
        )
    return out


# Nouns of acts a nationality may modify inside a place phrase ("died in a US strike", "in the
# Turkish offensive"): the nationality is the doer's, not a place.
ACT_NOUNS = frozenset(
    "strike strikes airstrike attack raid bombing offensive operation assault ambush shelling "
    "bombardment campaign incursion invasion".split()
)
# Nouns of a part of a land: their "of" object is a place ("parts of Syria", "the north of
# Iraq", "large swaths of Syria").
PART_NOUNS = frozenset(
    "part parts area areas swath swathe region regions north south east west northeast "
    "northwest southeast southwest centre center heart interior rest corner stretch".split()
)


def _part_of(prep: Token, tokens: tuple[Token, ...]) -> bool:
    """True for the "of" of a part of a land ("parts of Syria", "the north of Iraq")."""
    return prep.lemma == "of" and prep.head != prep.i and tokens[prep.head].lemma in PART_NOUNS


def is_country_word(text: str, d: ActorDictionaries) -> bool:
    """True for a word or phrase the country dictionary lists ("Thai", "Kenya", "Nairobi")."""
    return key(text) in d.countries


def countries_in_line(text: str, d: ActorDictionaries) -> list[str]:
    """The countries a plain line names ("Turkey warns Syria", "DAMASCUS"): codes in order.

    A line has no parse to tell "Turkey" the state from the bird, so a word whose entry is
    ambiguous counts only when it is written with a capital."""
    written = [_POSSESSIVE.sub("", w) for w in _WORD.findall(text)]
    words = [key(w) for w in written]
    out: list[str] = []
    for start, _end, entries in _match_spans(words, d.countries, d.max_country_words):
        capital = written[start][:1].isupper()
        usable = [e for e in entries if not e.ambiguous or capital]
        if len({e.code for e in usable}) == 1:
            out.append(usable[0].code)
    return out


def open_group(
    m: Mention, tokens: Sequence[Token], mentions: Sequence[Mention], d: ActorDictionaries
) -> str | None:
    """Whether a mention is an unnamed domestic group that its own words leave without a
    country, and how its words qualify it:

    - ``"open"``: nothing but the group ("the police", "protesters", "the opposition");
    - ``"people"``: a people or faith that lives across borders, or a hand from outside
      ("Kurdish forces", "Shia militias", "US-backed fighters"): only the country the text
      places it in may be its own;
    - ``"qualified"``: a place or people kipu cannot read ("Baghouz residents", "a Victorian
      police officer"): its own words say whose it is, and kipu cannot tell;
    - None for anything else (a named actor, a visitor or reporter, a foreign or
      international group, a group someone backs)."""
    toks = tuple(tokens)
    if is_open_community(m.actor) or not _is_open_group(m, toks, list(mentions)):
        return None
    if _country_in(list(range(m.start, m.end)), toks, d) is not None:
        return None  # its own words name countries, several of them ("Turkish and Greek")
    if not _qualified(m, toks, d):
        return "open"
    for i in range(m.start, m.end):
        t = toks[i]
        if i == m.head or t.pos in ("DET", "PUNCT", "NUM") or t.text == "-":
            continue
        if t.text.lower() in FOREIGN_HAND or t.text.lower() == "led" or _people_word(t):
            continue
        if t.ent in ("NORP", "GPE", "LOC", "FAC") or t.pos == "PROPN":
            return "qualified"  # a word of its own that names a place or people
    return "people"


# Endings of adjectives made from a people's or faith's name ("Kurdish", "Alawite").
_ADJECTIVE_ENDINGS = ("ish", "ite", "i", "s")


def _people_word(t: Token) -> bool:
    """True for a people or faith that lives across borders, as noun or adjective
    ("Kurds", "Kurdish", "Shia", "Sunni", "Islamist")."""
    if is_community_word(t) or key(t.text) in FAITH_WORDS:
        return True
    word = key(t.text)
    return any(word.endswith(e) and word[: -len(e)] in ACROSS_BORDERS for e in _ADJECTIVE_ENDINGS)


def owner_gives_country(head: Token) -> bool:
    """True when a group's owner ("their" of "their forces") gives its country: not for
    someone else's ("his counterpart", "their enemies")."""
    return head.lemma not in NOT_OWNED


def owners_member(head: Token) -> bool:
    """True for a body's own people, who are the body when it owns them ("its members",
    "their leaders" after a named organisation)."""
    return head.lemma in OWN_MEMBERS


def agent_phrase(actor: Actor) -> str | None:
    """The agent noun or title that resolved an actor ("defense ministry"), or None."""
    return _agent_of(actor)
