"""Actors the actor stage could not code: a named person, an organisation, a people.

"Brandon Lewis defended the decision" is an event whether or not kipu knows who Brandon Lewis
is. The actor stage codes only what its dictionaries and the article's context place; a subject
that is plainly someone (a name the parser tags PERSON, ORG or NORP, a personal pronoun whose
antecedent is unknown) is still the one who acted. The coder takes such a phrase as the source
when no resolved actor is there: the event is coded with an actor whose code, country and sector
are unknown (``null``, never a guess), and whose rule says why it was taken.
"""

from __future__ import annotations

from kipu.actors import load_dictionaries
from kipu.events._tree import Tree
from kipu.records import Actor, Mention

# Entity labels of the English model that name someone who can act.
ACTOR_ENTITIES = frozenset({"PERSON", "ORG", "NORP"})
# Pronouns that stand for someone who acts ("it" is too often a thing, "I"/"we" a quote's
# speaker, whom the quote's attribution names).
ACTOR_PRONOUNS = frozenset({"he", "she", "they"})
# Entity words that are not actors even when the parser tags them ORG/NORP: media titles and
# the like are handled by the actor stage; these are frequent mis-tags in news.
NOT_ACTOR_WORDS = frozenset(
    "covid coronavirus brexit twitter facebook instagram youtube whatsapp tiktok".split()
)


def unresolved_mention(tree: Tree, i: int) -> Mention | None:
    """An actor with no code for the phrase headed by token ``i``, when the phrase plainly names
    someone: a PERSON/ORG/NORP entity (its head inside the entity) or a personal pronoun."""
    tok = tree.tokens[i]
    if tok.pos == "PRON":
        if tok.lemma.lower() not in ACTOR_PRONOUNS:
            return None
        actor = Actor(
            text=tok.text,
            name=None,
            code=None,
            country=None,
            sector=None,
            rule=f"unresolved: pronoun {tok.text.lower()!r} with no antecedent found",
        )
        return Mention(head=i, start=i, end=i + 1, actor=actor)
    if tok.pos not in ("PROPN", "NOUN") or tok.ent not in ACTOR_ENTITIES:
        return None
    start, end = _entity_span(tree, i)
    words = [tree.tokens[j].text for j in range(start, end)]
    if any(w.lower() in NOT_ACTOR_WORDS for w in words):
        return None
    text = " ".join(words)
    kind = {"PERSON": "a person", "ORG": "an organisation", "NORP": "a people or group"}[tok.ent]
    actor = Actor(
        text=text,
        name=text if tok.ent == "PERSON" else None,
        code=None,
        country=None,
        sector=None,
        rule=f"unresolved: {kind} the dictionaries do not place ({tok.ent} {text!r})",
    )
    return Mention(head=i, start=start, end=end, actor=actor)


# Object pronouns that stand for someone acted on ("arrested him"); "it" is a thing as often as
# a body ("released it"), and is taken only where the slot holds someone addressed ("urged it to
# attend").
TARGET_PRONOUNS = frozenset({"them", "him", "her", "they", "he", "she"})
# Heads of phrases that name no one even in an addressee's slot.
NOT_ADDRESSEES = frozenset(
    "time way thing issue matter question need end point case plan proposal idea step "
    "measure action".split()
)


def unresolved_target(tree: Tree, i: int, *, addressee: bool = False) -> Mention | None:
    """An actor with no code for the phrase in a target slot: a named someone, an object
    pronoun ("urged it to attend"), or, in the slot of one appealed to or asked
    (``addressee``), any noun phrase that names people ("the international community", "its
    western partners")."""
    tok = tree.tokens[i]
    if tok.pos == "PRON":
        if tok.lemma.lower() not in TARGET_PRONOUNS and not (addressee and tok.lemma == "it"):
            return None
        actor = Actor(
            text=tok.text,
            name=None,
            code=None,
            country=None,
            sector=None,
            rule=f"unresolved: pronoun {tok.text.lower()!r} with no antecedent found",
        )
        return Mention(head=i, start=i, end=i + 1, actor=actor)
    found = unresolved_mention(tree, i)
    if found is not None or not addressee:
        return found
    if tok.pos != "NOUN" or tok.lemma in NOT_ADDRESSEES or tok.ent:
        return None
    words = [t for t in tree.subtree(i) if tree.tokens[t].dep not in ("relcl", "acl", "prep")]
    start, end = min(words), max(words) + 1
    text = " ".join(tree.tokens[j].text for j in range(start, end))
    actor = Actor(
        text=text,
        name=None,
        code=None,
        country=None,
        sector=None,
        rule=f"unresolved: the one addressed, {text!r}",
    )
    return Mention(head=i, start=start, end=end, actor=actor)


def _entity_span(tree: Tree, i: int) -> tuple[int, int]:
    """The named entity around token ``i`` (half-open token range)."""
    tokens = tree.tokens
    label = tokens[i].ent
    start = i
    while start > 0 and tokens[start].ent_iob == "I" and tokens[start - 1].ent == label:
        start -= 1
    end = i + 1
    while end < len(tokens) and tokens[end].ent_iob == "I" and tokens[end].ent == label:
        end += 1
    return start, end


def nationality_mention(tree: Tree, i: int) -> Mention | None:
    """The country a nationality word names when it qualifies an act or a thing rather than
    people ("the Chilean plan", "Turkish objections"): the actor stage codes the people a
    nationality qualifies ("Chilean officials"), not the state behind a state's act."""
    tok = tree.tokens[i]
    if tok.dep not in ("amod", "compound") or tok.pos not in ("ADJ", "PROPN"):
        return None
    entries = [
        e
        for e in load_dictionaries().countries.get(_key(tok.text), [])
        if e.kind in ("adjective", "name", "short") and not e.ambiguous and not e.place
    ]
    codes = {e.code for e in entries}
    if len(codes) != 1:
        return None
    code = codes.pop()
    actor = Actor(
        text=tok.text,
        name=None,
        code=code,
        country=code,
        sector=None,
        rule=f"nationality of an act: {tok.text!r} → {code}",
    )
    return Mention(head=i, start=i, end=i + 1, actor=actor)


def country_of_place(tree: Tree, i: int) -> str | None:
    """The country a place name is, when the name is a country's ("troops will remain in
    Ecuador"): places are no actors, but a country named as a place is a country concerned."""
    tok = tree.tokens[i]
    if tok.ent != "GPE":
        return None
    codes = {
        e.code
        for e in load_dictionaries().countries.get(_key(tok.text), [])
        if e.kind in ("name", "short") and not e.ambiguous and not e.place
    }
    return codes.pop() if len(codes) == 1 else None


def _key(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


def unknown_pronoun(actor: Actor) -> bool:
    """True for a pronoun the coder took as an actor with no antecedent found."""
    return actor.code is None and actor.rule.startswith("unresolved: pronoun")
