"""Which dictionary entry a trigger word matches: a verb with its particles, objects,
complements and prepositional phrases (``_match_verb``; nouns are ``_match_nouns.py``), the
most specific entry
whose words are all present (``_best``), and the act each appeal, demand or refusal asks for
(``_with_asked_acts``)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from kipu.events._imported import (
    adjacent,
    any_target,
    forms,
    in_order,
    phrase_actor,
    verb_phrase,
    words_before,
)
from kipu.events._mentions import MEASURE_HEADS, _mention, _physical
from kipu.events._patterns import ANY_OBJECT, ANY_SLOT, Pattern
from kipu.events._roles import (
    RELATIVE_PRONOUNS,
    _engaged_in,
    _passive_modifier,
    _subjects,
)
from kipu.events._shared import shared_object
from kipu.events._tree import OBJECT_DEPS, Tree
from kipu.records import Mention, Token

# Nouns whose complement is the act asked for: "demands to release prisoners", "calls to quit".
ASKING_NOUNS = frozenset("demand call request appeal plea offer proposal ultimatum".split())
# The pattern word for "an open complement verb is present" ("agree xcomp": agreed to do
# something); the complement's own entry, when it has one, codes the event instead.
XCOMP_WORD = "xcomp"
# The pattern word for "a clausal complement is present" ("deny that": denied that ...).
CCOMP_WORD = "that"
# Nouns a relative clause with no pronoun modifies without being its object: "the way Russia
# fought", "the day Turkey attacked".
RELATIVE_NOT_OBJECTS = frozenset("way reason time day moment year week month night".split())
# Prepositions whose object describes what a direct object is made of ("$5m of/in aid",
# "planes with food").
OBJECT_COMPLEMENT_PREPS = frozenset({"of", "in", "with"})


@dataclass(frozen=True, slots=True)
class _Match:
    """A trigger word with the dictionary entry it matches and the words its act hangs on."""

    pattern: Pattern
    trigger: int  # token index of the trigger
    clause: int  # the verb whose subject, modality and negation apply
    target: int | None  # token index of the target phrase head
    passing: bool = False  # a noun no light verb reports: sources only from the noun phrase
    asked: Pattern | None = None  # the entry of the act a generic appeal/demand/refusal is about


class _NotCoded(Exception):
    """A step's finding that a match codes no event; its message says why (for explanations)."""


def _with_asked_acts(matches: list[_Match], tree: Tree) -> list[_Match]:
    """Each generic appeal, demand or refusal with the entry of the act it asks for or refuses:
    the match of its complement verb ("urged Iran to release", "demanded that Iraq withdraw",
    "refused to lift")."""
    by_head: dict[int, Pattern] = {}
    for m in matches:
        tok = tree.tokens[m.clause]
        # A purpose clause ("marched to demand reforms") is what a protest is about.
        deps = (
            ("xcomp", "ccomp", "advcl")
            if m.pattern.code[:2] in ("02", "10")
            else ("xcomp", "ccomp")
        )
        if not m.pattern.nominal and tok.dep in deps and tok.head != m.clause:
            by_head.setdefault(tok.head, m.pattern)
        head = tree.tokens[tok.head]
        if tok.dep == "acl" and head.dep in OBJECT_DEPS:
            # "staged demonstrations to demand reform", "rejected an offer to host a summit"
            by_head.setdefault(head.head, m.pattern)
    for m in matches:
        # The parse may take the object noun for a verb with its own complement: "meet
        # hostage-takers demands | to release prisoners" (demands/dobj, release/xcomp).
        objects = [o for o in tree.children(m.trigger, *OBJECT_DEPS) if o in by_head]
        if m.trigger not in by_head and objects and tree.tokens[objects[0]].lemma in ASKING_NOUNS:
            by_head[m.trigger] = by_head[objects[0]]
    # Every match learns its asked act: a generic entry is refined by it, and a refusal of a
    # specific one is a refusal of that act ("would not meet demands to release prisoners").
    return [
        replace(m, asked=by_head[m.trigger]) if m.asked is None and m.trigger in by_head else m
        for m in matches
    ]


def _joined_lemma(tree: Tree, i: int) -> str | None:
    """The lemma of a hyphenated word read as one word, at its last part: "cease-fire" →
    "ceasefire", "re-opened" → "reopen"; None when the token does not end such a word."""
    if i not in tree.glued():
        return None  # no hyphen glued to it: most words, found without the walk below
    tokens = tree.tokens
    if i + 2 < len(tokens) and tokens[i + 1].text == "-" and tokens[i + 1].start == tokens[i].end:
        return None  # not the last part
    parts = [tokens[i].lemma]
    j = i
    while j >= 2 and tokens[j - 1].text == "-" and tokens[j - 1].start == tokens[j - 2].end:
        if tokens[j].start != tokens[j - 1].end:
            break
        parts.append(tokens[j - 2].text.lower())
        j -= 2
    return "".join(reversed(parts)) if len(parts) > 1 else None


def _is_amount(tree: Tree, i: int) -> bool:
    """True for an amount: "$84 million", "€12m", "two planes" is not (a number of things)."""
    tok = tree.tokens[i]
    if tok.ent == "MONEY" or tok.pos == "NUM":
        return True
    return any(
        tree.tokens[c].ent == "MONEY" or tree.tokens[c].tag == "$"
        for c in tree.children(i, "compound", "nummod", "quantmod", "nmod")
    )


def _is_money(tree: Tree, i: int) -> bool:
    """True for an amount of money ("$84 million", "€12m")."""
    return tree.tokens[i].ent == "MONEY" or any(
        tree.tokens[c].ent == "MONEY" or tree.tokens[c].tag == "$" for c in tree.kids[i]
    )


def _object_words(tree: Tree, obj: int) -> set[str]:
    """Lemmas of a direct object phrase and of its complements: "$84 million of aid",
    "$45 million in aid", "planes with food and medicine". An amount of money also counts as
    the word "money", so "grant money to +" covers "granted €45m to Peru"."""
    words = {tree.tokens[obj].lemma}
    joined = _joined_lemma(tree, obj)
    if joined:
        words.add(joined)  # "declared a cease-fire" → `declare ceasefire`
    if _is_money(tree, obj):
        words.add("money")
    for c in tree.children(obj):
        tok = tree.tokens[c]
        if tok.dep in ("compound", "amod", "nmod", "nummod"):
            words.add(tok.lemma)
        elif tok.dep == "prep" and tok.lemma in OBJECT_COMPLEMENT_PREPS:
            if tok.lemma == "of" and not _measures(tree, obj):
                continue
            for p in tree.children(c, "pobj"):
                for q in tree.conjuncts(p):
                    words.add(tree.tokens[q].lemma)
                    words.update(tree.tokens[g].lemma for g in tree.children(q, "compound", "amod"))
    return words


def _measures(tree: Tree, obj: int) -> bool:
    """True when an object counts or holds what its "of" phrase names (see MEASURE_HEADS)."""
    t = tree.tokens[obj]
    return t.lemma in MEASURE_HEADS or t.pos == "NUM" or _is_money(tree, obj)


def _preps(tree: Tree, heads: list[int]) -> list[tuple[str, int]]:
    """(preposition lemma, object index) for prepositional phrases attached to the heads."""
    out: list[tuple[str, int]] = []
    for h in heads:
        if not tree.kids[h]:
            continue  # (most objects: nothing to walk)
        for p in tree.children(h, "prep", "agent", "dative"):
            tok = tree.tokens[p]
            if tok.pos in ("ADP", "SCONJ"):  # "agreed upon a pact": "upon" is tagged SCONJ
                for o in tree.children(p, "pobj"):
                    out.append((tok.lemma, o))
                # A gerund names the act: "accused Peru of violating" → `accuse + of violate`.
                for o in tree.children(p, "pcomp"):
                    if tree.tokens[o].pos == "VERB":
                        out.append((tok.lemma, o))
        # "called for the closure to be abandoned": the parse marks a "for ... to" clause with
        # "for"; its verb is the object of the "for".
        for c in tree.children(h, "advcl", "ccomp"):
            if any(tree.tokens[m].text.lower() == "for" for m in tree.children(c, "mark")):
                out.append(("for", c))
    return out


def _best(
    patterns: list[Pattern],
    particles: set[str],
    obj_words: set[str],
    preps: list[tuple[str, int]],
    direct_object: int | None,
    tree: Tree,
    by_head: dict[int, Mention],
    verb: int | None = None,
) -> tuple[Pattern, int | None] | None:
    """The most specific pattern whose required words are all present, with its target.

    Specificity is the number of items the sentence fills (an empty target slot does not count);
    ties go to the entry whose target is a resolved actor, then to the earlier entry.
    """
    best: tuple[Pattern, int | None] | None = None
    best_key: tuple[int, int] | None = None
    # The walks imported entries need, made for the first such entry (most lists have none).
    ahead: list[int] = []
    span: set[int] = set()
    phrase: set[str] = set()
    walked = False
    present = particles | obj_words
    for order, p in enumerate(patterns):
        if not walked and verb is not None and (p.as_written or p.before):
            ahead = words_before(tree, verb)
            span = verb_phrase(tree, verb)
            phrase = {f for i in span for f in forms(tree, i)}
            walked = True
        if p.as_written and verb is not None:
            # An imported entry reads as its dictionary meant it: its words anywhere in the verb
            # phrase after the verb ("vowed to wage war" holds "war"; "acted on a resolution"),
            # words joined by "_" next to each other ("new_economic_relation").
            if any(
                not adjacent(w.split("_"), span, tree) if "_" in w else w not in phrase
                for w in p.words
            ) or any(prep not in phrase or word not in phrase for prep, word in p.prep_words):
                continue
        elif p.words and not present.issuperset(p.words):
            continue  # a word neither a particle nor one of the object's
        if p.before and (verb is None or not in_order(p.before, ahead, tree, verb)):
            continue
        if p.mutual and (verb is None or len(_subjects(tree, verb, by_head)) < 2):
            continue  # "%": only conjoined subjects act on one another
        if (
            p.prep_words
            and not (p.as_written and verb is not None)
            and any(
                not any(
                    pl == prep
                    and (
                        tree.tokens[o].lemma == word
                        or _joined_lemma(tree, o) == word
                        or (word == ANY_OBJECT and tree.tokens[o].ent not in ("DATE", "TIME"))
                    )
                    for pl, o in preps
                )
                # The parse may take the preposition for a particle and its object for the verb's
                # ("clashed over the efforts": over/prt, efforts/dobj).
                and not (prep in particles and word in obj_words)
                for prep, word in p.prep_words
            )
        ):
            continue
        target: int | None = None
        if p.has_target:
            if p.target_prep is None:
                target = direct_object
            elif p.target_prep == ANY_SLOT:
                target = any_target(
                    verb,
                    direct_object,
                    preps,
                    tree,
                    by_head,
                    lambda i: _mention(tree, i, by_head, possessor=True),
                )
            else:
                found = [o for pl, o in preps if pl == p.target_prep]
                if p.as_written:
                    # PETRARCH's "(FROM +)" is read anywhere in the verb phrase: "assurances on
                    # cultural issues from Bree".
                    found += [
                        o
                        for i in sorted(span)
                        if tree.tokens[i].lemma == p.target_prep
                        for o in tree.children(i, "pobj")
                        if o not in found
                    ]
                target = _pick_target(found, tree, by_head)
                named = target is not None and _mention(tree, target, by_head, possessor=True)
                if p.as_written and target is not None and not named:
                    target = phrase_actor(tree, target, by_head)  # the actor named in the phrase
                if target is None and not p.nominal and not p.words and not p.prep_words:
                    continue  # "stand by +" without "by" is just "stand": no evidence of the act
        is_actor = target is not None and _mention(tree, target, by_head) is not None
        # A target slot counts only when an actor fills it ("on Tuesday" fills no slot).
        filled = p.n_items - (1 if p.has_target and not is_actor else 0)
        # Of noun entries filling as many items, one whose target slot is filled: "a phone call
        # between A and B" is `n:call between +`, not `n:call phone with +` with no "with";
        # "airstrikes on army positions" is `n:airstrike on +` (a thing hit: its owner is).
        # (A verb's words decide its sense first: "called on X to resign" is `call on + resign`.)
        physical = target is not None and _physical(tree, target)
        slot = (is_actor, physical) if p.nominal else (False, False)
        key = (filled, slot, -order)
        if best_key is None or key > best_key:
            best, best_key = (p, target), key
    return best


def _pick_target(candidates: list[int], tree: Tree, by_head: dict[int, Mention]) -> int | None:
    """Of several objects of one preposition, an actor first, then anything but a time
    ("air strikes on militant positions ... on Tuesday")."""
    for o in candidates:
        if _mention(tree, o, by_head, possessor=True) is not None:
            return o
    for o in candidates:
        if tree.tokens[o].ent not in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
            return o
    return None


def sentence_words(tree: Tree) -> frozenset[str]:
    """Every word a verb's entry may find in the sentence: its lemmas, its hyphenated words read
    as one, and the words that stand for an amount of money, an open complement and a "that"
    clause. The words ``_match_verb`` reads off a verb's phrase are all among them."""
    joined = (_joined_lemma(tree, i) for i in tree.glued())
    return frozenset(
        [t.lemma for t in tree.tokens]
        + [j for j in joined if j]
        + ["money", XCOMP_WORD, CCOMP_WORD]
    )


def may_match(patterns: list[Pattern], words: frozenset[str]) -> bool:
    """False when no entry of a verb can match in a sentence with these words
    (``sentence_words``): each needs a word or a prepositional object the sentence lacks. (Most
    verbs with entries match none; this spares reading their phrases.) An entry read as
    written (``as_written``) matches word forms, not lemmas: it may always match."""
    return any(
        p.as_written
        or (
            words.issuperset(p.words)
            and all(w in words or w == ANY_OBJECT for _, w in p.prep_words)
        )
        for p in patterns
    )


def _match_verb(
    v: Token, tree: Tree, patterns: list[Pattern], by_head: dict[int, Mention]
) -> _Match | None:
    """The entry a verb matches, read off its particles, objects (a passive's subject, the noun
    a participle or relative clause modifies), complements, datives and prepositional phrases;
    None when no entry's words are all present, or for "engaged in" (its noun names the act)."""
    if _engaged_in(tree, v.i) is not None:
        return None  # "were engaged in ethnic cleansing": the noun names the act
    kids = tree.labelled(v.i)  # (read a dozen times below)
    passive = "nsubjpass" in kids
    # Particles: spaCy parses some ("stepped down", "pulled back") as adverbs, not `prt`.
    particles = {tree.tokens[c].lemma for c in kids.get("prt", ())}
    for c in kids.get("advmod", ()):
        if tree.tokens[c].pos in ("ADV", "ADP"):
            particles.add(tree.tokens[c].lemma)
    objects = list(kids["nsubjpass"]) if passive else tree.children(v.i, *OBJECT_DEPS)
    if not objects and _passive_modifier(tree, v.i):
        # "the regime, backed by Moscow", "a summit to be held in Lima": the noun is the object
        objects = [v.head]
    if not objects and not passive and _relative_object(tree, v.i, by_head):
        objects = [v.head]  # "the Kurdish militias Turkey is battling": the militias
    if not objects and not passive:
        objects = shared_object(tree, v.i)  # "arrested and charged him": him
    clauses = kids.get("ccomp", ())
    small_clauses = [
        c for c in clauses if tree.tokens[c].pos == "ADJ"
    ]  # "holding Russia responsible": the parse makes Russia the subject of "responsible"
    if not objects and not passive:
        objects = [s for c in small_clauses for s in tree.children(c, "nsubj")][:1]
    datives = tree.children(v.i, "dative", "iobj") if "dative" in kids or "iobj" in kids else []
    direct_object = objects[0] if objects else None
    obj_words: set[str] = set()
    complements_of_verb: list[int] = []
    for o in objects:
        obj_words |= _object_words(tree, o)
    # An open complement's verb counts as a word too: "declined to comment" → `decline comment`.
    xcomps = kids.get("xcomp", ())
    # So does an object's predicate: "held Chile responsible" → `hold + responsible`, and the
    # verb's own: "pleaded guilty" → `plead guilty`.
    for c in (*xcomps, *kids.get("oprd", ()), *kids.get("acomp", ())):
        obj_words.add(tree.tokens[c].lemma)
    for c in small_clauses:
        if tree.children(c, "nsubj"):
            obj_words.add(tree.tokens[c].lemma)
    if any(tree.tokens[c].pos == "VERB" for c in xcomps):
        obj_words.add(XCOMP_WORD)  # "agreed to undertake exercises" → `agree xcomp`
    # So does the verb of a "that" clause: "demanded that the US cancel" → `demand cancel`; the
    # word "that" stands for any such clause ("deny that": denied that its troops had entered).
    ccomps = [c for c in clauses if tree.tokens[c].pos in ("VERB", "AUX")]
    for c in ccomps:
        obj_words.add(tree.tokens[c].lemma)
    if ccomps:
        obj_words.add(CCOMP_WORD)
    # What is sent "with" the verb belongs to the object: "sent planes with food to Manila"; so
    # does "in X" after an amount: "provided €12m in humanitarian aid to Ukraine".
    amount = "prep" in kids and any(_is_amount(tree, o) for o in objects)
    for w in kids.get("prep", ()):
        if tree.tokens[w].lemma == "with" or (amount and tree.tokens[w].lemma == "in"):
            for p in tree.children(w, "pobj"):
                objects_of_prep = tree.conjuncts(p)
                obj_words.update(tree.tokens[q].lemma for q in objects_of_prep)
                for q in objects_of_prep:
                    obj_words.update(
                        tree.tokens[g].lemma for g in tree.children(q, "compound", "amod")
                    )
                if amount:
                    complements_of_verb.extend(objects_of_prep)
    if datives and (direct_object is None or direct_object not in by_head):
        direct_object = datives[0] if datives[0] in by_head else direct_object
    complements = [
        p
        for o in objects
        for c in tree.children(o, "prep")
        if tree.tokens[c].lemma in OBJECT_COMPLEMENT_PREPS
        for p in tree.children(c, "pobj")
    ]
    preps = [
        pp
        for pp in _preps(tree, [v.i, *objects, *complements, *complements_of_verb])
        if not (passive and pp[0] == "by")
    ]
    # A noun dative is the "to" of the act: "gave the Ivory Coast $5m of aid" = `give aid to +`.
    preps += [("to", d) for d in datives if tree.tokens[d].pos in ("NOUN", "PROPN", "PRON")]
    found = _best(patterns, particles, obj_words, preps, direct_object, tree, by_head, v.i)
    if found is None:
        return None
    return _Match(pattern=found[0], trigger=v.i, clause=v.i, target=found[1])


def _relative_object(tree: Tree, v: int, by_head: dict[int, Mention]) -> bool:
    """True for a relative clause with no pronoun whose verb has a subject of its own and no
    object: the noun it modifies is its object ("the militias Turkey is battling")."""
    tok = tree.tokens[v]
    if tok.dep != "relcl" or tok.head == v:
        return False
    subjects = tree.children(v, "nsubj")
    if not subjects or tree.tokens[subjects[0]].lemma in RELATIVE_PRONOUNS:
        return False
    if any(tree.tokens[c].lemma in ("where", "when", "why", "how") for c in tree.kids[v]):
        return False
    head = tree.tokens[tok.head]
    if head.ent in ("DATE", "TIME") or head.lemma in RELATIVE_NOT_OBJECTS:
        return False
    # an actor or a thing force is used on, not "something Assad would resist"
    return _mention(tree, head.i, by_head) is not None or _physical(tree, head.i)
