"""Several actors on one side of an act: one event per country ("Seven states, Britain, France
..., expelled", "Russia, along with Iran, sent troops", "British and French forces attacked").

The coder pairs conjoined subjects and objects ("Peru and Chile"). News also lists actors in an
apposition to a plural ("seven states, Britain, France and ..."), beside the head ("along with",
"together with", "as well as", "including"), and inside one phrase whose nationalities are
conjoined ("British and French forces", "US and British troops"), which the actor stage reads as
one actor with no country. Event data counts one event per country on the side that varies, and
one for several actors of one country and sector.
"""

from __future__ import annotations

from dataclasses import replace

from kipu.actors import load_dictionaries
from kipu.events._tree import Tree
from kipu.records import Actor, Mention

# "along with Iran", "together with Iran": the preposition "with" under one of these words.
BESIDE_WORDS = frozenset({"along", "together"})
# Prepositions (or the participle the parse takes for one) that list members of a plural:
# "several countries, including Peru and Chile".
MEMBER_PREPS = frozenset({"include", "including", "like", "notably", "especially"})


def beside(tree: Tree, heads: list[int]) -> list[int]:
    """The heads of one side of an act, with the actors a list names beside them: the members
    in an apposition ("seven states, Britain, France and Germany"), "along with", "together
    with", "alongside", "as well as", "including"."""
    out = list(heads)
    for h in heads:
        for c in tree.kids[h]:
            tok = tree.tokens[c]
            if tok.dep == "appos" and _members(tree, h, c):
                out.extend(tree.conjuncts(c))
            elif tok.dep == "prep" and tok.lemma in BESIDE_WORDS | MEMBER_PREPS:
                out.extend(o for p in _with(tree, c) for o in tree.conjuncts(p))
            elif tok.dep == "prep" and tok.lemma == "with" and _beside_word(tree, c):
                # "together with Iran": the parse may hang "together" on "with"
                out.extend(o for p in tree.children(c, "pobj") for o in tree.conjuncts(p))
            elif tok.dep == "prep" and tok.lemma == "alongside":
                out.extend(o for p in tree.children(c, "pobj") for o in tree.conjuncts(p))
            elif tok.dep == "cc" and tok.lemma == "as" and _as_well_as(tree, c):
                out.extend(_second_subjects(tree, h))
        out.extend(_listed_after_colon(tree, h))
    return list(dict.fromkeys(out))


def _listed_after_colon(tree: Tree, head: int) -> list[int]:
    """The members a plural subject names after a colon at the end of its clause ("Seven states
    expelled Syria's envoys: Britain, France and Germany"), which the parse hangs on the verb."""
    tok = tree.tokens[head]
    if tok.tag not in ("NNS", "NNPS") or tok.dep not in ("nsubj", "nsubjpass") or tok.head == head:
        return []
    for c in tree.children(tok.head, "npadvmod", "appos", "dep", "attr", "parataxis"):
        if c > 0 and tree.tokens[c - 1].text in (":", "–", "—") and tree.tokens[c].pos == "PROPN":
            return tree.conjuncts(c)
    return []


def several(tree: Tree, mentions: list[Mention]) -> list[Mention]:
    """One mention per actor: a phrase whose nationalities are conjoined ("British and French
    forces") is one actor per country; several mentions of one actor (one code, or one name
    when no dictionary codes it) are one."""
    out: list[Mention] = []
    seen: set[str] = set()
    # "the two countries", "both sides": a mention the document context read as two actors
    # (``Mention.also``) is one mention per actor.
    mentions = [x for m in mentions for x in (m, *(replace(m, actor=a, also=()) for a in m.also))]
    for m in mentions:
        for one in _per_country(tree, m):
            key = one.actor.code or f"?{one.actor.text.lower()}"
            if key not in seen:
                seen.add(key)
                out.append(one)
    return out


def _members(tree: Tree, head: int, appos: int) -> bool:
    """True when an apposition lists the members of a plural ("seven states, Britain, France
    and Germany", "its backers, Iran and Russia"), not another name of one actor ("Mattis, the
    defence secretary") or what it is not ("Mattis – not the state department or Congress")."""
    if tree.tokens[head].tag not in ("NNS", "NNPS"):
        return False
    return not any(tree.tokens[i].dep == "neg" for i in tree.subtree(appos))


def _with(tree: Tree, word: int) -> list[int]:
    """The objects of "with" after "along"/"together", or of a listing preposition itself."""
    tok = tree.tokens[word]
    if tok.lemma in MEMBER_PREPS:
        return tree.children(word, "pobj", "dobj")
    return [o for p in tree.children(word, "prep") for o in tree.children(p, "pobj")]


def _beside_word(tree: Tree, prep: int) -> bool:
    """True for the "with" of "together with" or "along with" read as its own phrase."""
    return any(tree.tokens[c].lemma in BESIDE_WORDS for c in tree.children(prep, "advmod"))


def _as_well_as(tree: Tree, cc: int) -> bool:
    """True for the "as" of "as well as" (the parse hangs "as well" on it)."""
    return any(tree.tokens[c].lemma == "well" for c in tree.kids[cc])


def _second_subjects(tree: Tree, head: int) -> list[int]:
    """The other subjects of the verb a "X as well as Y" subject belongs to (the parse makes Y a
    second subject), or Y when it is a conjunct."""
    tok = tree.tokens[head]
    if tok.head == head:
        return []
    out = [c for c in tree.children(tok.head, tok.dep) if c != head]
    return [o for c in out for o in tree.conjuncts(c)]


def _per_country(tree: Tree, m: Mention) -> list[Mention]:
    """A mention split into one per country when conjoined nationalities modify its head
    ("British and French forces" → GBRMIL, FRAMIL); the mention itself otherwise."""
    countries: list[tuple[str, int]] = []
    # (the parse may hang a country name of the list as "nmod": "US, British and French")
    for c in sorted(tree.children(m.head, "amod", "compound", "nmod")):
        for a in _chain(tree, c):
            code = _country(tree.tokens[a].text)
            if code is not None and code not in (k for k, _ in countries):
                countries.append((code, a))
    if len(countries) < 2:
        return [m]
    sector = m.actor.sector
    out = []
    for code, i in countries:
        actor = Actor(
            text=m.actor.text,
            name=m.actor.name,
            code=f"{code}{sector or ''}",
            country=code,
            sector=sector,
            rule=f"{m.actor.rule}; one of the nationalities named: {tree.tokens[i].text!r}",
        )
        out.append(Mention(head=m.head, start=m.start, end=m.end, actor=actor))
    return out


def _chain(tree: Tree, i: int) -> list[int]:
    """A word and the words conjoined with it, of any part of speech ("British and French")."""
    out = [i]
    for c in tree.children(i, "conj"):
        out.extend(_chain(tree, c))
    return out


def _country(text: str) -> str | None:
    """The one country an adjective or name stands for, or None."""
    entries = load_dictionaries().countries.get(" ".join(text.lower().split()), [])
    codes = {e.code for e in entries if e.kind in ("adjective", "name", "short")}
    return codes.pop() if len(codes) == 1 else None
