"""How the entries of an imported dictionary are matched: PETRARCH's reading of a pattern.

A pattern file that declares ``# codes: as written`` (``kipu dict import`` writes it for PETRARCH
verb dictionaries) is read as PETRARCH reads its patterns, on the dependency parse: the words of an
entry anywhere in the verb phrase after the verb, words before the verb in order (in the verb's
clause and the clauses governing it), ``word_word`` groups next to each other, the target as the
first actor of the verb phrase (``any +``), paired codes ``[A:B]`` (the target's act back), the
forms of a verb as written, the actor named inside an unresolved subject phrase or inside the
phrase of a prepositional target slot, and compound subjects read as lists (agents sharing the
countries named after them, lists the parse took for appositions). Such an entry codes an event
only with a source and a target (PETRARCH's default, require_dyad). The event coder calls these
walks for such entries only; kipu's own entries never reach them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from kipu.events._patterns import Pattern, PatternIndex
from kipu.events._tree import CLAUSE_DEPS, Tree
from kipu.events.codebook import code_info, foreign_code_info, load_codebook
from kipu.ids import make_id
from kipu.records import Actor, Event, Mention, Plover, Token

# Dependents of a verb whose words are not its complements: its subject, the author of a passive
# ("by X"), other clauses and punctuation (an "any +" target is read in what remains).
NOT_COMPLEMENT_DEPS = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "csubj",
        "agent",
        "advcl",
        "relcl",
        "conj",
        "cc",
        "parataxis",
        "punct",
        "xcomp",
        "aux",
        "auxpass",
        "neg",
        "mark",
    }
)


# Dependents that start another clause inside a verb phrase (its words are not the phrase's).
VP_STOP_DEPS = frozenset({"advcl", "relcl", "parataxis", "ccomp"})


def words_before(tree: Tree, v: int) -> list[int]:
    """The words before a verb in its clause and the clauses that govern it ("Ethiopia
    indicated it would [act]", "Romendacil did n't [clash]")."""
    top = v
    while tree.tokens[top].dep in ("xcomp", "ccomp", "conj") and tree.tokens[top].head != top:
        top = tree.tokens[top].head
    return [i for i in tree.subtree(top) if i < v]


def verb_phrase(tree: Tree, v: int) -> set[int]:
    """The words after a verb in its phrase: its objects, particles, prepositional phrases and
    open complements, not other clauses."""
    out: set[int] = set()
    for c in tree.kids[v]:
        dep = tree.tokens[c].dep
        if c > v and (dep == "xcomp" or dep not in NOT_COMPLEMENT_DEPS):
            out.update(tree.subtree(c, stop=VP_STOP_DEPS))
    return out


def forms(tree: Tree, i: int) -> tuple[str, ...]:
    """The forms an imported entry's word matches: the word as written, in lower case (PETRARCH
    lists the forms it means: "EFFORT" is not "efforts")."""
    return (tree.tokens[i].text.lower(),)


def adjacent(parts: list[str], span: set[int], tree: Tree) -> bool:
    """True when the words stand next to each other, in order, within the span."""
    return any(
        all(i + k in span and part in forms(tree, i + k) for k, part in enumerate(parts))
        for i in span
    )


def in_order(wanted: tuple[str, ...], ahead: list[int], tree: Tree, v: int) -> bool:
    """True when the wanted words occur before the verb in this order (others may come
    between); "a_b" are words next to each other, and a trailing "_" glues them to the verb."""
    span = set(ahead)
    pos = -1
    for item in wanted:
        glued = item.endswith("_")
        parts = item.rstrip("_").split("_")
        starts = [
            i
            for i in ahead
            if i > pos
            and all(i + k in span and p in forms(tree, i + k) for k, p in enumerate(parts))
            and (not glued or i + len(parts) == v)
        ]
        if not starts:
            return False
        pos = starts[0] + len(parts) - 1
    return True


def any_target(
    verb: int | None,
    direct_object: int | None,
    preps: list[tuple[str, int]],
    tree: Tree,
    by_head: dict[int, Mention],
    mention: Callable[[int], Mention | None],
) -> int | None:
    """The target of an ``any +`` slot, PETRARCH's reading of a pattern that marks none: the
    first actor in the verb's complements (its object with its modifiers, its prepositional
    phrases, the subject of a "that" clause), the widest mention where mentions nest ("Gondor's
    government"); else the direct object (a thing) or nothing."""
    if (
        verb is not None
        and direct_object is not None
        and tree.tokens[direct_object].dep == "nsubjpass"
        and mention(direct_object) is not None
    ):
        return direct_object  # "Eriador was opposed by Osgiliath": the one acted on
    if verb is None:
        for _, o in preps:
            if mention(o) is not None:
                return o
        return direct_object
    span: list[int] = []
    for c in tree.kids[verb]:
        dep = tree.tokens[c].dep
        if dep == "ccomp" and c > verb:
            for s in tree.children(c, "nsubj", "nsubjpass"):
                span += tree.subtree(s, stop=CLAUSE_DEPS)
        elif (dep == "xcomp" or dep not in NOT_COMPLEMENT_DEPS) and dep != "ccomp" and c > verb:
            # An open complement is part of the phrase: "vowed to wage war on the Rohans".
            span += tree.subtree(c, stop=VP_STOP_DEPS)
    # Failing an actor there, a purpose clause after the verb: "signed an accord to supply Gondor".
    purpose = [
        i
        for c in tree.children(verb, "advcl")
        if c > verb and any(tree.tokens[a].lemma == "to" for a in tree.children(c, "aux"))
        for i in tree.subtree(c, stop=VP_STOP_DEPS)
    ]
    for part in (span, purpose):
        inside = set(part)
        for i in sorted(inside):
            covering = [m for m in by_head.values() if m.start <= i < m.end and m.head in inside]
            if covering:
                return max(covering, key=lambda m: m.end - m.start).head
    return direct_object


def phrase_actor(tree: Tree, i: int, by_head: dict[int, Mention]) -> int:
    """The actor of a noun phrase in a target slot whose head names none, as PETRARCH reads the
    phrase: the first actor named inside it ("called for a boycott against Gondor"), the widest
    mention where mentions nest; the head itself when the phrase names none."""
    inside = set(tree.subtree(i, stop=VP_STOP_DEPS))
    for j in sorted(inside):
        covering = [m for m in by_head.values() if m.start <= j < m.end and m.head in inside]
        if covering:
            return max(covering, key=lambda m: m.end - m.start).head
    return i


def reversed_event(event: Event, code: str) -> Event:
    """The target's act back to the source that an entry with two codes implies ("[032:033]":
    a visit to X is also X hosting the visitor)."""
    info = code_info(code) if code in load_codebook() else foreign_code_info(code)
    return replace(
        event,
        event_id=make_id(event.event_id, "reverse", code),
        source=event.target,
        target=event.source,
        cameo=code,
        root=info.root,
        quad_class=info.quad_class,
        goldstein=info.goldstein,
        plover=Plover(type=info.plover_type, mode=info.plover_mode, context=info.plover_context),
        rule=f"{event.rule} (the target's act back: {code})",
    )


def verb_entries(t: Token, index: PatternIndex) -> list[Pattern]:
    """The entries of a verb: by its lemma, and by its form as written for dictionaries that
    list forms (an imported "LEFT" block is not "leave")."""
    entries = index.verbs.get(t.lemma, [])
    form = t.text.lower()
    if form != t.lemma and form in index.verbs:
        # The form's own entries first: they win ties with the lemma's ("left" vs "leave").
        entries = [p for p in index.verbs[form] if p.as_written] + entries
    if index.as_written and not any(p.as_written for p in entries):
        # The tagger's lemma may miss ("cordoned" → "cordone"): the form's regular stems.
        for stem in _stems(form):
            found = [p for p in index.verbs.get(stem, []) if p.as_written]
            if found:
                return found + entries
    return entries


def _stems(form: str) -> list[str]:
    """Regular English stems of a verb form: "cordoned" → cordon, "tapped" → tap."""
    out: list[str] = []
    for suffix in ("ing", "ed", "es", "s"):
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            base = form[: -len(suffix)]
            out += [base, base + "e"]
            if len(base) > 2 and base[-1] == base[-2]:
                out.append(base[:-1])
    return out


def inner_mention(tree: Tree, i: int, by_head: dict[int, Mention]) -> Mention | None:
    """The actor named inside a phrase whose head names none: its possessor or modifier
    ("Ithilen's militia", "the Gondor parade"), or its "of" object ("the sheep of Gondor")."""
    for c in tree.children(i, "poss", "compound", "amod", "nmod"):
        if c in by_head:
            return by_head[c]
    for p in tree.children(i, "prep"):
        if tree.tokens[p].lemma == "of":
            for o in tree.children(p, "pobj"):
                if o in by_head:
                    return by_head[o]
    return None


# The dependencies of a verb's subject, whose conjuncts are read as one compound subject.
SUBJECTS = frozenset({"nsubj", "nsubjpass"})


# Prepositions whose object gives an agent its country: "ambassadors of Arnor", "lawmakers in
# Fornost".
COUNTRY_PREPS = frozenset({"of", "in", "from"})


def distribute(sources: list[Mention], tree: Tree, by_head: dict[int, Mention]) -> list[Mention]:
    """The sources as PETRARCH reads compound subjects. A conjunct whose head names no actor
    takes the one named inside it, as a lone subject does ("Peru and the European Union (EU)",
    the name a modifier of "EU"). An agent spreads over the countries conjoined with its own:
    "the ambassadors of Arnor, Osgiliath and Gondor" (three embassies), "lawmakers in Fornost
    and Gondor" (which the parse may hang as "lawmakers ... and Gondor"). The actor stage gives
    a group owned by several countries no country at all (one would be wrong for the others);
    here each owner gets its own copy of the agent. An agent conjoined with one whose phrase
    names the countries after both shares them: "lawmakers and officials in Fornost and Gondor"
    are the lawmakers and the officials of each."""
    sources = sources + _conjoined_inner(sources, tree, by_head)
    named: dict[int, tuple[list[int], list[int]]] = {}  # agent head → its _owners
    spread: dict[int, list[int]] = {}  # agent head → the countries it is copied to
    for s in sources:
        if not s.actor.sector:
            continue
        own, others = _owners(s, tree, by_head)
        named[s.head] = own, others
        if s.actor.country is not None:
            spread[s.head] = others
        elif others:
            spread[s.head] = own + others
    for s in sources:
        if s.actor.sector and s.actor.country is None and not named.get(s.head, ([], []))[0]:
            spread[s.head] = _shared_owners(s, sources, named, tree)
    out = list(sources)
    added: list[Mention] = []
    for s in sources:
        countries = spread.get(s.head)
        if not countries:
            continue
        if s.actor.country is None:
            out = [m for m in out if m.head != s.head]
        out = [m for m in out if m.head not in countries]
        added += [_as_agent(by_head[c], s.actor) for c in countries]
    return out + added


def _conjoined_inner(
    sources: list[Mention], tree: Tree, by_head: dict[int, Mention]
) -> list[Mention]:
    """The actors named inside the unresolved conjuncts of the sources' compound subject, and
    the members of a list the parse took for an apposition or split into two subjects."""
    heads = {m.head for m in sources}
    out: list[Mention] = []
    for s in sources:
        top = s.head
        while tree.tokens[top].dep == "conj" and tree.tokens[top].head != top:
            top = tree.tokens[top].head
        if tree.tokens[top].dep not in SUBJECTS:
            continue  # "fighters and the communities that support them": "that" is not a list
        members = [c for t in _split_subject(top, tree) for c in tree.conjuncts(t)]
        members += [c for x in members for c in _listed_apposition(x, tree, by_head)]
        for c in members:
            if c in heads:
                continue
            inner = by_head.get(c) or inner_mention(tree, c, by_head)
            if inner is not None and inner.head not in heads:
                heads.add(inner.head)
                out.append(inner)
    return out


def _split_subject(top: int, tree: Tree) -> list[int]:
    """The subject and the other subjects of its verb: "Valdoria, the proud Kestran, and
    Orvania snubbed" may be parsed with two subjects, which are one list."""
    dep = tree.tokens[top].dep
    verb = tree.tokens[top].head
    return [top] + [c for c in tree.children(verb, dep) if c != top]


def _listed_apposition(x: int, tree: Tree, by_head: dict[int, Mention]) -> list[int]:
    """The conjuncts of an apposition to a country that name other countries: "Mordor, the
    awful Fornost, and Gondor" parsed as "Fornost" in apposition to "Mordor". One country is
    never another's apposition, so such a phrase is the next item of a list."""
    own = by_head.get(x)
    if own is None or not _is_country(own):
        return []
    out: list[int] = []
    for a in tree.children(x, "appos"):
        chain = tree.conjuncts(a)
        others = [c for c in chain if _is_country(by_head.get(c))]
        if others and all(by_head[c].actor.country != own.actor.country for c in others):
            out += [c for c in chain if c != x]
    return out


def _owners(s: Mention, tree: Tree, by_head: dict[int, Mention]) -> tuple[list[int], list[int]]:
    """The countries of an agent's "of/in/from" phrase that gave (or would give) it its
    country, and the countries conjoined with them or with the agent."""
    agent = s.actor
    own = [
        o
        for p in tree.children(s.head, "prep")
        if tree.tokens[p].lemma in COUNTRY_PREPS
        for o in tree.children(p, "pobj")
        if _is_country(by_head.get(o))
        and (agent.country is None or by_head[o].actor.country == agent.country)
    ]
    if not own:
        return [], []
    others = [c for o in own for c in tree.conjuncts(o)[1:]]
    others += tree.children(s.head, "conj")
    return own, [c for c in others if c not in own and _is_country(by_head.get(c))]


def _shared_owners(
    s: Mention, sources: list[Mention], named: dict[int, tuple[list[int], list[int]]], tree: Tree
) -> list[int]:
    """The countries named by the phrase of an agent conjoined with this one, when that phrase
    follows both ("lawmakers and officials in Fornost", whichever the parse hangs it on): it
    scopes over the conjunction."""
    for other in sources:
        own, others = named.get(other.head, ([], []))
        if not own or other is s:
            continue
        if s.head not in tree.conjuncts(other.head) and other.head not in tree.conjuncts(s.head):
            continue
        if all(tree.tokens[o].head > s.head for o in own):  # the preposition follows both
            return own + others
    return []


def _is_country(m: Mention | None) -> bool:
    """A mention of a country itself, not of one of its agents."""
    return m is not None and bool(m.actor.country) and not m.actor.sector


def _as_agent(country: Mention, agent: Actor) -> Mention:
    """The country's mention as the agent of that country ("Gondor" → GONLEG)."""
    code = (country.actor.country or "") + (agent.sector or "")
    actor = replace(
        country.actor,
        code=code,
        sector=agent.sector,
        rule=f"{agent.rule}; shared with {country.actor.text!r}",
    )
    return replace(country, actor=actor)
