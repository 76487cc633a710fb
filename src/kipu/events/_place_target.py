"""A place that force is used on stands for the country it is in: "shelled Afrin", "the attack
on Idlib province", "invaded the Kurdish enclave of Afrin", "fired artillery at Kharkiv".

Event data codes the target of an attack on a town by the town's country (GDELT's Actor2 of
"Russian forces shelled Kharkiv" is Ukraine): the people and the state of the place are the ones
hit, whoever holds it. The actor stage does not take places as actors (a city is where an event
happens, not who acts), so the coder asks here when force has no actor target and its object is
a place: a place name (a GPE or LOC entity), or a place noun named by one ("Idlib province",
"the enclave of Afrin"). The name is looked up in kipu's gazetteer (``kipu.enrich``), the same
table that places events; an ambiguous name whose most populous reading is not clearly the one
meant ("Springfield") gives no target. The target has the country and no sector (who holds the
place is not in the phrase), and its rule says which place it stands for.

A thing force is used on stands for whom its own words say it belongs to (``owner_target``):
"struck Bolivian army positions" hits the Bolivian army, "attacked a Russian airbase" Russia,
"bombed regime targets in Syria" Syria (the country of the place the phrase names).
"""

from __future__ import annotations

from kipu.actors import countries_in_line, countries_in_sentence, load_dictionaries
from kipu.enrich.places import country_of_place
from kipu.events._tree import Tree
from kipu.events._unresolved import _entity_span
from kipu.records import Actor, Mention

# Modifiers of a thing that say whose it is: "Bolivian army positions", "a Russian airbase".
OWNER_DEPS = ("compound", "amod", "poss", "nmod")

# Entity labels of place names (the small English model tags some cities FAC: "Kharkiv"; the
# gazetteer decides whether the name is a place).
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
# Entity labels of names that are no place, whatever noun they follow.
PERSON_ENTITIES = frozenset({"PERSON", "ORG"})
# Nouns of places that a name may qualify ("Idlib province", "the enclave of Afrin").
PLACE_NOUNS = frozenset(
    {
        "city",
        "town",
        "village",
        "province",
        "region",
        "district",
        "governorate",
        "enclave",
        "stronghold",
        "pocket",
        "suburb",
        "neighbourhood",
        "neighborhood",
        "area",
        "territory",
        "outskirts",
        "capital",
        "port",
        "valley",
        "heartland",
    }
)


def place_target(tree: Tree, i: int) -> Mention | None:
    """The place the phrase headed by token ``i`` names, as a target with its country; None
    when the phrase names no place the gazetteer places clearly."""
    span = _name_span(tree, i)
    if span is None:
        return None
    start, end = span
    name = " ".join(t.text for t in tree.tokens[start:end])
    country = country_of_place(name)
    if country is None:
        return None
    first = min([start, i, *(c for c in tree.kids[i] if c < i and tree.tokens[c].dep == "det")])
    last = max(end, i + 1)
    text = " ".join(t.text for t in tree.tokens[first:last])
    actor = Actor(
        text=text,
        name=None,
        code=country,
        country=country,
        sector=None,
        rule=f"place: force used on {name!r}, a place in {country}",
    )
    return Mention(head=i, start=first, end=last, actor=actor)


def _name_span(tree: Tree, i: int) -> tuple[int, int] | None:
    """The tokens of the place name of the phrase headed by ``i``: the head itself ("Afrin"),
    a name compounded with a place noun ("Idlib province") or after its "of" ("the enclave of
    Afrin")."""
    tok = tree.tokens[i]
    if tok.ent in PLACE_ENTITIES and tok.pos == "PROPN":
        return _entity(tree, i)
    if tok.lemma.lower() not in PLACE_NOUNS:
        return None
    # After a place noun a proper name is a place name whatever entity the tagger gave it
    # ("the stronghold of Aleppo" tagged NORP); the gazetteer still has to know it.
    for c in tree.children(i, "compound"):
        if tree.tokens[c].pos == "PROPN" and tree.tokens[c].ent not in PERSON_ENTITIES:
            return _entity(tree, c)
    for p in tree.children(i, "prep"):
        if tree.tokens[p].lemma != "of":
            continue
        for o in tree.children(p, "pobj"):
            if tree.tokens[o].pos == "PROPN" and tree.tokens[o].ent not in PERSON_ENTITIES:
                return _entity(tree, o)
    return None


def _entity(tree: Tree, i: int) -> tuple[int, int]:
    """The span of the entity token ``i`` is in."""
    tokens = tree.tokens
    start, end = i, i + 1
    if not tokens[i].ent:  # a name the tagger did not mark: its compound proper nouns
        while start > 0 and tokens[start - 1].pos == "PROPN" and tokens[start - 1].head == i:
            start -= 1
        return start, end
    start, end = _entity_span(tree, i)
    while start < end and tokens[start].lemma.lower() == "the":
        start += 1
    return start, end


def owner_target(tree: Tree, i: int, by_head: dict[int, Mention]) -> Mention | None:
    """The one a physical thing force is used on belongs to, as its own words say: an actor
    modifying it ("Bolivian army positions"), a nationality ("a Russian airbase"), or the
    country of the place it is in ("regime targets in Syria"); None when they say nothing."""
    return thing_owner(tree, i, by_head, "force used on") or place_in(tree, [i])


def thing_owner(
    tree: Tree, i: int, by_head: dict[int, Mention], what: str = "acted on"
) -> Mention | None:
    """The one a thing belongs to, as its own words say: an actor modifying or owning it
    ("Bolivian army positions", "Putin's conference") or a nationality ("a Russian airbase",
    "the Russian plan"); None when they say nothing. ``what`` words the rule."""
    thing = tree.tokens[i]
    for c in tree.children(i, *OWNER_DEPS):
        found = by_head.get(c)
        if found is not None and found.actor.country is not None:
            return _owned(
                tree,
                i,
                found.actor.code,
                found.actor.country,
                found.actor.sector,
                f"owner: {what} the {thing.text!r} of {found.actor.text!r}",
            )
    sponsored = sponsor(tree, i, by_head, what)
    if sponsored is not None:
        return sponsored
    modifiers = set(tree.children(i, "amod", "compound"))
    if not modifiers:
        return None  # no word on it can be a nationality (spares finding the sentence's)
    for word in countries_in_sentence(tree.tokens, load_dictionaries()):
        if not word.place and modifiers.intersection(word.span):
            name = " ".join(tree.tokens[k].text for k in word.span)
            return _owned(
                tree, i, word.code, word.code, None, f"owner: {what} a {name} {thing.text!r}"
            )
    return None


# Participles by which a thing's modifier names who holds it: "a Russian-sponsored conference",
# "the UN-led process", "a US-brokered deal". (The actor stage reads the same words on a group
# as a foreign hand: "Syrian-backed militias" are not Syrian; a thing is its sponsor's.)
SPONSOR_WORDS = frozenset(
    "sponsored led brokered hosted organised organized convened chaired mediated "
    "proposed drafted backed".split()
)


def sponsor(tree: Tree, i: int, by_head: dict[int, Mention], what: str) -> Mention | None:
    """The owner a "Country-sponsored" modifier of a thing names (the country or the actor
    written before the hyphen), or None."""
    thing = tree.tokens[i]
    for c in tree.children(i, "amod"):
        word = tree.tokens[c]
        if word.text.lower() not in SPONSOR_WORDS or c < 2 or tree.tokens[c - 1].text != "-":
            continue
        name = c - 2
        if tree.tokens[name].head != c:
            continue
        found = by_head.get(name)
        if found is not None and found.actor.code is not None:
            a = found.actor
            rule = f"owner: {what} the {thing.text!r} {word.text} by {a.text!r}"
            return _owned(tree, i, a.code, a.country, a.sector, rule)
        codes = countries_in_line(tree.tokens[name].text, load_dictionaries())
        if len(codes) == 1:
            (code,) = codes
            rule = f"owner: {what} a {tree.tokens[name].text}-{word.text} {thing.text!r}"
            return _owned(tree, i, code, code, None, rule)
    return None


def place_in(tree: Tree, heads: list[int]) -> Mention | None:
    """The place an "in"/"inside" phrase of the heads names, as a target with its country
    ("targets in Syria", "a campaign inside Idlib"); not "near", where a border may lie
    between; None when none names a place the gazetteer places clearly."""
    for h in heads:
        for p in tree.children(h, "prep"):
            if tree.tokens[p].lemma in ("in", "inside"):
                for o in tree.children(p, "pobj"):
                    place = place_target(tree, o)
                    if place is not None:
                        return place
    return None


def _owned(
    tree: Tree, i: int, code: str | None, country: str | None, sector: str | None, rule: str
) -> Mention:
    """The target mention of the thing headed by ``i``, standing for its owner."""
    start = min([i, *(c for c in tree.kids[i] if c < i)])
    text = " ".join(t.text for t in tree.tokens[start : i + 1])
    actor = Actor(text=text, name=None, code=code, country=country, sector=sector, rule=rule)
    return Mention(head=i, start=start, end=i + 1, actor=actor)


def withdrawn_from(tree: Tree, v: int, by_head: dict[int, Mention]) -> list[Mention]:
    """The country a "from" phrase of a verb of withdrawal names: a country's name, or a place
    the gazetteer places ("withdrew from Afrin"); not a body or a thing ("from the talks")."""
    for p in tree.children(v, "prep"):
        if tree.tokens[p].lemma != "from":
            continue
        for o in tree.children(p, "pobj"):
            found = by_head.get(o)
            if found is not None and found.actor.rule.startswith("country:"):
                return [found]
            place = place_target(tree, o) if found is None else None
            if place is not None:
                return [place]
    return []
