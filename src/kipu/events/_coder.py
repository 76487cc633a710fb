"""Code events from the dependency parse: Resolved → list[Event].

For every verb (and every noun that names an event) the coder finds the source, the target and the
words around it, looks the trigger up in the pattern dictionary, and emits an event only when an
entry matches and a source actor is resolved. Negation, intent and hypotheticals come from the
verb chain. There is no fallback code: a clause no entry licenses gives no event.
"""

from __future__ import annotations

from dataclasses import dataclass

from kipu.enrich.quantities import parse_quantity
from kipu.events._patterns import Pattern, PatternIndex, load_patterns
from kipu.events.codebook import code_info
from kipu.ids import make_id
from kipu.records import Actor, Event, Mention, Plover, Quantity, Resolved, Sentence, Token

# Verbs (and predicative adjectives) that make the clause they govern an intention:
# "agreed to cooperate", "pledged to send", "stands ready to work" (CAMEO's 03x intent codes).
INTENT_GOVERNORS = frozenset(
    "agree plan pledge promise vow offer propose intend decide want seek hope aim prepare commit "
    "expect resolve undertake ready prepared willing eager set poised determined".split()
)
# Governors that make a conflict act a threat (CAMEO 13x): "threatened to attack".
THREAT_GOVERNORS = frozenset("threaten warn vow".split())
# Governors under which the act did not (yet) happen and is not an intention of the subject:
# "refused to meet", "failed to agree", "denied attacking" — not coded in this version.
BLOCKING_GOVERNORS = frozenset("refuse decline fail deny reject avoid stop cease halt".split())
# Auxiliaries: future marks intent; modal possibility is not coded as an event.
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would"})
POSSIBLE_AUX = frozenset({"could", "might", "may", "should", "must", "ought", "can"})
# Subordinators that make a clause hypothetical or conditional.
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
# Roots whose act is reciprocal when conjoined subjects have no target ("X and Y signed a deal").
RECIPROCAL_ROOTS = frozenset({"03", "04", "05", "06"})
# Roots to which a money amount in the clause belongs (aid, cooperation, concessions, intents).
MONEY_ROOTS = frozenset({"03", "06", "07", "08", "16"})
# Clause-level dependents whose subtrees belong to another predicate.
CLAUSE_DEPS = frozenset(
    {"advcl", "ccomp", "relcl", "pcomp", "xcomp", "conj", "parataxis", "acl", "csubj"}
)
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# Prepositions whose object describes what a direct object is made of ("$5m of/in aid",
# "planes with food").
OBJECT_COMPLEMENT_PREPS = frozenset({"of", "in", "with"})
# Heads that count or group the actual actor: "thousands of protesters", "members of the army".
GROUP_HEADS = frozenset(
    "thousand hundred ten dozen million score group number crowd member some many most all several "
    "few couple handful band unit contingent scores tens hundreds thousands dozens".split()
)

# Intent: the code of an intended act (by its 3-digit code or root) → CAMEO's 03x intent code.
INTENT_BY_CODE = {
    "061": "0311",
    "062": "0312",
    "063": "0313",
    "064": "0314",
    "071": "0331",
    "072": "0332",
    "073": "0333",
    "074": "0334",
    "081": "0351",
    "082": "0352",
    "084": "0353",
    "085": "0354",
    "086": "0355",
    "087": "0356",
}
INTENT_BY_ROOT = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "03": None}
# Threats: the code of a threatened act → CAMEO's 13x threat code.
THREAT_BY_CODE = {
    "163": "1312",
    "191": "1381",
    "192": "1382",
    "195": "1384",
    "193": "1384",
    "194": "1384",
}
THREAT_BY_ROOT = {
    "14": "133",
    "15": "138",
    "16": "131",
    "17": "137",
    "18": "1383",
    "19": "1384",
    "20": "1385",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class EventOptions:
    """Options of the event stage."""

    dictionaries: tuple[str, ...] = ()  # extra pattern files (kipu's TSV format)


@dataclass(frozen=True, slots=True)
class _Match:
    pattern: Pattern
    trigger: int  # token index of the trigger
    clause: int  # the verb whose subject, modality and negation apply
    target: int | None  # token index of the target phrase head


def code_events(resolved: Resolved, options: EventOptions | None = None) -> list[Event]:
    """Every event the dictionary licenses in a resolved article, sentence by sentence."""
    index = load_patterns(options.dictionaries if options else ())
    article = resolved.parsed.article
    events: list[Event] = []
    seen: set[str] = set()
    for sentence, mentions in zip(resolved.parsed.sentences, resolved.mentions, strict=True):
        if sentence.text.rstrip().rstrip("\"'”’").endswith("?"):
            continue  # a question is not a report of an act
        for event in _code_sentence(
            sentence, mentions, index, article.doc_id, article.input_id, article.published
        ):
            if event.event_id not in seen:
                seen.add(event.event_id)
                events.append(event)
    return events


class _Tree:
    """Children lists and helpers over one sentence's parse."""

    def __init__(self, sentence: Sentence) -> None:
        self.tokens = sentence.tokens
        self.kids: list[list[int]] = [[] for _ in self.tokens]
        for t in self.tokens:
            if t.head != t.i:
                self.kids[t.head].append(t.i)

    def children(self, i: int, *deps: str) -> list[int]:
        return [c for c in self.kids[i] if not deps or self.tokens[c].dep in deps]

    def conjuncts(self, i: int) -> list[int]:
        """The token and every token conjoined with it ("X and Y", "X, Y and Z")."""
        out = [i]
        stack = [i]
        while stack:
            for c in self.children(stack.pop(), "conj"):
                if c not in out and self.tokens[c].pos in ("NOUN", "PROPN"):
                    out.append(c)
                    stack.append(c)
        return out

    def subtree(self, i: int, *, stop: frozenset[str] = frozenset()) -> list[int]:
        out = [i]
        stack = [i]
        while stack:
            for c in self.kids[stack.pop()]:
                if self.tokens[c].dep not in stop:
                    out.append(c)
                    stack.append(c)
        return sorted(out)


def _code_sentence(
    sentence: Sentence,
    mentions: tuple[Mention, ...],
    index: PatternIndex,
    doc_id: str,
    input_id: str,
    date: str | None,
) -> list[Event]:
    tree = _Tree(sentence)
    by_head = {m.head: m for m in mentions}
    matches: list[_Match] = []
    verbs_with_events: set[int] = set()
    for t in sentence.tokens:
        if t.pos == "VERB" and t.lemma in index.verbs:
            m = _match_verb(t, tree, index.verbs[t.lemma], by_head)
            if m is not None:
                matches.append(m)
                verbs_with_events.add(t.i)
    for t in sentence.tokens:
        if t.pos == "NOUN" and t.lemma in index.nouns:
            m = _match_noun(t, tree, index.nouns[t.lemma], by_head)
            if m is not None and m.clause not in verbs_with_events:
                matches.append(m)
    events: list[Event] = []
    for m in matches:
        events.extend(_events_for(m, sentence, tree, by_head, doc_id, input_id, date))
    return events


def _object_words(tree: _Tree, obj: int) -> set[str]:
    """Lemmas of a direct object phrase and of its complements: "$84 million of aid",
    "$45 million in aid", "planes with food and medicine". An amount of money also counts as
    the word "money", so "grant money to +" covers "granted €45m to Peru"."""
    words = {tree.tokens[obj].lemma}
    if tree.tokens[obj].ent == "MONEY":
        words.add("money")
    for c in tree.children(obj):
        tok = tree.tokens[c]
        if tok.dep in ("compound", "amod", "nmod", "nummod"):
            words.add(tok.lemma)
        elif tok.dep == "prep" and tok.lemma in OBJECT_COMPLEMENT_PREPS:
            for p in tree.children(c, "pobj"):
                for q in tree.conjuncts(p):
                    words.add(tree.tokens[q].lemma)
                    words.update(tree.tokens[g].lemma for g in tree.children(q, "compound", "amod"))
    return words


def _preps(tree: _Tree, heads: list[int]) -> list[tuple[str, int]]:
    """(preposition lemma, object index) for prepositional phrases attached to the heads."""
    out: list[tuple[str, int]] = []
    for h in heads:
        for p in tree.children(h, "prep", "agent", "dative"):
            tok = tree.tokens[p]
            if tok.pos == "ADP":
                for o in tree.children(p, "pobj"):
                    out.append((tok.lemma, o))
    return out


def _best(
    patterns: list[Pattern],
    particles: set[str],
    obj_words: set[str],
    preps: list[tuple[str, int]],
    direct_object: int | None,
    tree: _Tree,
    by_head: dict[int, Mention],
) -> tuple[Pattern, int | None] | None:
    """The most specific pattern whose required words are all present, with its target.

    Specificity is the number of items the sentence fills (an empty target slot does not count);
    ties go to the entry whose target is a resolved actor, then to the earlier entry.
    """
    best: tuple[Pattern, int | None] | None = None
    best_key: tuple[int, int, int] | None = None
    for order, p in enumerate(patterns):
        if any(w not in particles and w not in obj_words for w in p.words):
            continue
        if any(
            not any(pl == prep and tree.tokens[o].lemma == word for pl, o in preps)
            for prep, word in p.prep_words
        ):
            continue
        target: int | None = None
        if p.has_target:
            if p.target_prep is None:
                target = direct_object
            else:
                target = next((o for pl, o in preps if pl == p.target_prep), None)
        filled = p.n_items - (1 if p.has_target and target is None else 0)
        key = (filled, 1 if target is not None and target in by_head else 0, -order)
        if best_key is None or key > best_key:
            best, best_key = (p, target), key
    return best


def _match_verb(
    v: Token, tree: _Tree, patterns: list[Pattern], by_head: dict[int, Mention]
) -> _Match | None:
    passive = bool(tree.children(v.i, "nsubjpass"))
    # Particles: spaCy parses some ("stepped down", "pulled back") as adverbs, not `prt`.
    particles = {tree.tokens[c].lemma for c in tree.children(v.i, "prt")}
    particles |= {
        tree.tokens[c].lemma
        for c in tree.children(v.i, "advmod")
        if tree.tokens[c].pos in ("ADV", "ADP")
    }
    objects = tree.children(v.i, "nsubjpass") if passive else tree.children(v.i, *OBJECT_DEPS)
    datives = tree.children(v.i, "dative", "iobj")
    direct_object = objects[0] if objects else None
    obj_words: set[str] = set()
    for o in objects:
        obj_words |= _object_words(tree, o)
    # What is sent "with" the verb belongs to the object: "sent planes with food to Manila".
    for w in tree.children(v.i, "prep"):
        if tree.tokens[w].lemma == "with":
            for p in tree.children(w, "pobj"):
                obj_words.update(tree.tokens[q].lemma for q in tree.conjuncts(p))
    if datives and (direct_object is None or direct_object not in by_head):
        direct_object = datives[0] if datives[0] in by_head else direct_object
    preps = [pp for pp in _preps(tree, [v.i, *objects]) if not (passive and pp[0] == "by")]
    found = _best(patterns, particles, obj_words, preps, direct_object, tree, by_head)
    if found is None:
        return None
    return _Match(pattern=found[0], trigger=v.i, clause=v.i, target=found[1])


def _governing_verb(tree: _Tree, n: int) -> int | None:
    """The verb a nominal trigger is the object of ("held talks", "devoting $84 million of aid")."""
    node = n
    for _ in range(4):
        tok = tree.tokens[node]
        if tok.dep in ("dobj", "obj", "attr", "nsubjpass") and tree.tokens[tok.head].pos in (
            "VERB",
            "AUX",
        ):
            return tok.head
        if tok.dep == "pobj" and tree.tokens[tok.head].lemma == "of":
            node = tree.tokens[tok.head].head
            continue
        if tok.dep in ("compound", "conj") and tok.head != node:
            node = tok.head
            continue
        return None
    return None


def _match_noun(
    n: Token, tree: _Tree, patterns: list[Pattern], by_head: dict[int, Mention]
) -> _Match | None:
    verb = _governing_verb(tree, n.i)
    heads = [n.i] + ([verb] if verb is not None else [])
    preps = _preps(tree, heads)
    words = {tree.tokens[c].lemma for c in tree.children(n.i, "compound", "amod")}
    found = _best(patterns, words, words, preps, None, tree, by_head)
    if found is None:
        return None
    return _Match(
        pattern=found[0], trigger=n.i, clause=verb if verb is not None else n.i, target=found[1]
    )


def _subjects(tree: _Tree, v: int, by_head: dict[int, Mention]) -> list[int]:
    """The logical subject(s) of a verb, inherited up the chain when the clause has none."""
    seen: set[int] = set()
    node = v
    while node not in seen:
        seen.add(node)
        tok = tree.tokens[node]
        agent = [o for a in tree.children(node, "agent") for o in tree.children(a, "pobj")]
        if tree.children(node, "nsubjpass"):
            return tree.conjuncts(agent[0]) if agent else []
        subj = tree.children(node, *SUBJECT_DEPS)
        if subj:
            s = subj[0]
            if tree.tokens[s].lemma in RELATIVE_PRONOUNS and tok.dep == "relcl":
                return tree.conjuncts(tok.head)
            return tree.conjuncts(s)
        if tok.dep == "relcl":
            return tree.conjuncts(tok.head)
        if tok.dep in ("xcomp", "conj", "advcl", "acomp"):
            node = tok.head
        elif tok.dep == "pcomp":
            node = tree.tokens[tok.head].head  # "after meeting with": the verb the phrase modifies
        elif tree.tokens[node].pos == "ADJ" and tok.dep == "acomp":
            node = tok.head
        else:
            return []
    return []


def _noun_sources(tree: _Tree, n: int, clause: int, by_head: dict[int, Mention]) -> list[int]:
    poss = tree.children(n, "poss")
    if poss:
        return tree.conjuncts(poss[0])
    by = [
        o
        for p in tree.children(n, "prep")
        if tree.tokens[p].lemma == "by"
        for o in tree.children(p, "pobj")
    ]
    if by:
        return tree.conjuncts(by[0])
    if clause != n:
        return _subjects(tree, clause, by_head)
    return []


@dataclass(frozen=True, slots=True)
class _Mood:
    modality: str  # "actual" | "intent" | "threat"
    negated: bool
    skip: bool  # hypothetical, conditional or blocked: not coded
    via: str  # the words that decided it


def _mood(tree: _Tree, v: int) -> _Mood:
    """Negation, intent and hypotheticals from the verb and the chain that governs it."""
    negated = False
    modality = "actual"
    via: list[str] = []
    first = tree.tokens[v]
    if first.dep == "advcl" and any(
        tree.tokens[c].dep == "aux" and tree.tokens[c].lemma == "to" for c in tree.kids[v]
    ):
        return _Mood("actual", False, True, "purpose clause")  # "…to support the dinar"
    node = v
    for _ in range(5):
        tok = tree.tokens[node]
        for c in tree.kids[node]:
            ct = tree.tokens[c]
            if ct.dep == "neg" or (ct.dep == "advmod" and ct.lemma == "never"):
                negated = True
                via.append(ct.text)
            elif ct.dep == "aux" and ct.lemma in FUTURE_AUX and modality == "actual":
                modality = "intent"
                via.append(ct.text)
            elif ct.dep == "aux" and ct.lemma in POSSIBLE_AUX:
                return _Mood("possible", negated, True, ct.text)
            elif ct.dep == "mark" and ct.lemma in CONDITIONAL_MARKS:
                return _Mood("possible", negated, True, ct.text)
        if tok.dep not in ("xcomp", "acomp") or tok.head == node:
            break
        gov = tree.tokens[tok.head]
        if gov.lemma in BLOCKING_GOVERNORS:
            return _Mood("actual", negated, True, gov.text)
        if gov.lemma in THREAT_GOVERNORS:
            modality = "threat"
            via.append(gov.text)
        elif gov.lemma in INTENT_GOVERNORS and modality == "actual":
            modality = "intent"
            via.append(gov.text)
        node = tok.head
    return _Mood(modality, negated, False, " ".join(via))


def _in_question(tree: _Tree, i: int) -> bool:
    """True when the trigger's stretch of text ends with a question mark (a quoted question)."""
    for t in tree.tokens[i + 1 :]:
        if t.text in (".", "!", "?", "…"):
            return t.text == "?"
    return False


def _shift(code: str, modality: str) -> str | None:
    """The code of an intended or threatened act (None when CAMEO has no such code)."""
    root = code[:2]
    if modality == "intent":
        if root in ("09", "10", "11", "12", "13") or root in ("01", "02", "03"):
            return code
        if root in THREAT_BY_ROOT:
            return THREAT_BY_CODE.get(code[:3], THREAT_BY_ROOT[root])
        return INTENT_BY_CODE.get(code[:3]) or INTENT_BY_ROOT.get(root) or code
    if modality == "threat":
        if root in THREAT_BY_ROOT:
            return THREAT_BY_CODE.get(code[:3], THREAT_BY_ROOT[root])
        return None
    return code


def _quantity(tree: _Tree, m: _Match, root: str) -> Quantity | None:
    """A money amount in the event's own clause (not in a nested clause), objects first."""
    if root not in MONEY_ROOTS:
        return None
    tokens = tree.tokens
    scope = tree.subtree(m.clause, stop=CLAUSE_DEPS)
    if m.trigger != m.clause:
        scope = sorted(set(scope) | set(tree.subtree(m.trigger, stop=CLAUSE_DEPS)))
    runs: list[list[int]] = []
    for i in scope:
        if tokens[i].ent == "MONEY":
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
    for run in runs:
        text = " ".join(tokens[i].text for i in run).replace("$ ", "$").replace(" .", ".")
        q = parse_quantity(text)
        if q is not None:
            return q
    return None


def _events_for(
    m: _Match,
    sentence: Sentence,
    tree: _Tree,
    by_head: dict[int, Mention],
    doc_id: str,
    input_id: str,
    date: str | None,
) -> list[Event]:
    mood = _mood(tree, m.clause)
    if mood.skip or _in_question(tree, m.trigger):
        return []
    code = _shift(m.pattern.code, mood.modality)
    if code is None:
        return []
    if m.pattern.nominal:
        source_heads = _noun_sources(tree, m.trigger, m.clause, by_head)
    else:
        source_heads = _subjects(tree, m.clause, by_head)
    sources = [s for i in source_heads if (s := _mention(tree, i, by_head)) is not None]
    if not sources:
        return []  # no resolved source: abstain
    if m.target is None and m.pattern.has_target and tree.children(m.trigger, "ccomp", "parataxis"):
        return []  # a speech verb introducing a quote ("…?" asked X): not an act on anyone
    target_heads = tree.conjuncts(m.target) if m.target is not None else []
    targets: list[Mention | None] = [
        t for i in target_heads if (t := _mention(tree, i, by_head)) is not None
    ]
    pairs: list[tuple[Mention, Mention | None]] = []
    if targets:
        pairs = [(s, t) for s in sources for t in targets]
    elif len(sources) > 1 and code[:2] in RECIPROCAL_ROOTS:
        pairs = [(s, t) for s in sources for t in sources if s is not t]
    else:
        pairs = [(s, None) for s in sources]
    info = code_info(code)
    quantity = _quantity(tree, m, info.root)
    rule = f"{m.pattern.where} {m.pattern.code} '{m.pattern.text}'"
    if code != m.pattern.code:
        rule += f" → {code} ({mood.modality}: {mood.via})"
    if mood.negated:
        rule += f" negated ({mood.via})"
    events: list[Event] = []
    for source, target in pairs:
        s_actor = source.actor
        t_actor = target.actor if target is not None else None
        if t_actor is not None and _same(s_actor, t_actor):
            continue
        confidence = 0.5
        if t_actor is not None:
            confidence += 0.2
        if s_actor.country and (t_actor is None or t_actor.country):
            confidence += 0.1
        if m.pattern.n_items > 1:
            confidence += 0.1
        if m.pattern.nominal or mood.modality != "actual":
            confidence -= 0.1
        events.append(
            Event(
                event_id=make_id(
                    doc_id,
                    sentence.index,
                    m.trigger,
                    s_actor.code,
                    source.head,
                    t_actor.code if t_actor else None,
                    target.head if target else None,
                    code,
                    mood.negated,
                ),
                doc_id=doc_id,
                input_id=input_id,
                date=date,
                source=s_actor,
                target=t_actor,
                cameo=code,
                root=info.root,
                quad_class=info.quad_class,
                goldstein=info.goldstein,
                plover=Plover(
                    type=info.plover_type, mode=info.plover_mode, context=info.plover_context
                ),
                negated=mood.negated,
                # A threat is itself an act that happened (CAMEO 13x); a future act is an intent.
                modality="intent" if mood.modality == "intent" else "actual",
                quantity=quantity,
                location=None,
                sentence=sentence.text,
                sentence_index=sentence.index,
                span=(sentence.start, sentence.end),
                rule=rule,
                confidence=round(min(confidence, 0.95), 2),
            )
        )
    return events


def _mention(tree: _Tree, i: int, by_head: dict[int, Mention]) -> Mention | None:
    """The actor of a phrase head; through a counting head to its "of" object ("thousands of
    Kenyan protesters", "tens of thousands of Georgians")."""
    if i in by_head:
        return by_head[i]
    tok = tree.tokens[i]
    if tok.lemma in GROUP_HEADS or tok.pos == "NUM":
        for p in tree.children(i, "prep"):
            if tree.tokens[p].lemma == "of":
                for o in tree.children(p, "pobj"):
                    found = _mention(tree, o, by_head)
                    if found is not None:
                        return found
    return None


def _same(a: Actor, b: Actor) -> bool:
    """Source and target are the same actor (a self-event is not an interaction)."""
    return a.code == b.code and (a.name == b.name or a.name is None or b.name is None)
