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
# Governors whose complement is what someone else is asked to do: "urged Russia to withdraw",
# "demand that Germany prosecute". The appeal is coded from the governor; the act is not.
DEMAND_GOVERNORS = frozenset(
    "demand urge ask call press push insist propose suggest recommend request want wish expect "
    "encourage invite order instruct tell appeal plead beg lobby pressure pressure".split()
)
# Auxiliaries: future marks intent; modal possibility is not coded as an event.
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would"})
POSSIBLE_AUX = frozenset({"could", "might", "may", "should", "must", "ought", "can"})
# Subordinators that make a clause hypothetical or conditional.
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
# Roots whose act is reciprocal when conjoined subjects have no target ("X and Y signed a deal").
RECIPROCAL_ROOTS = frozenset({"03", "04", "05", "06"})
# Roots whose events need a resolved target (CAMEO 01-13: statements, appeals, cooperation,
# aid, concessions, demands, disapproval, rejection, threats). Protest, force posture and
# material conflict (14-20) are coded without one ("protesters marched", "shelled a village"),
# and so are evaluations of an act rather than an actor ("condemned the strikes", 051, 052,
# 09-13) when the sentence names what was evaluated.
TARGETED_ROOTS = frozenset(f"{r:02d}" for r in range(1, 14))
# Roots of violence (assault, fight, mass violence): without an actor target, the object must be
# a physical target, a place entity or one of these nouns (lemmas).
FORCE_ROOTS = frozenset({"18", "19", "20"})
PHYSICAL_TARGETS = frozenset(
    "village town city area district neighbourhood neighborhood region province border post "
    "checkpoint position base camp convoy vehicle truck car bus ship vessel boat plane aircraft "
    "helicopter drone market hospital clinic school university mosque church temple building "
    "house home residence compound office headquarters embassy consulate station airport port "
    "harbour harbor bridge road highway railway dam plant facility site infrastructure depot "
    "warehouse field farm target stronghold hideout outpost barracks garrison trench line front "
    "frontline territory island coast enclave settlement street square prison jail refinery "
    "pipeline tank arsenal launcher battery hill hillside mountain valley forest".split()
)
# Verbs that report an act named by their object noun, and pass it their subject: "launched an
# attack", "held talks", "devoting $84 million of aid". Other verbs do not ("suffered attacks").
LIGHT_VERBS = frozenset(
    "launch carry conduct stage hold mount make give provide offer announce sign begin resume "
    "start continue intensify escalate devote allocate deliver send pledge promise grant "
    "approve impose "
    "extend issue lodge file express practise practice commit perpetrate wage unleash order "
    "authorize authorise lead host open seal strike reach conclude agree accept propose "
    "step renew expand increase double boost initiate undertake organise organize call".split()
)
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
INTENT_BY_ROOT = {"04": "036", "06": "031", "07": "033", "08": "035"}
# Diplomatic cooperation CAMEO can intend (032); praise, verbal defence and apology it cannot.
INTENT_DIPLOMATIC = frozenset({"050", "053", "054", "056", "057"})
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
        if _in_hyphenated_word(tree, t.i):
            continue  # "one-sided" is not the verb "side"
        if t.pos == "VERB" and t.lemma in index.verbs:
            m = _match_verb(t, tree, index.verbs[t.lemma], by_head)
            if m is not None:
                matches.append(m)
                verbs_with_events.add(t.i)
    for t in sentence.tokens:
        if _in_hyphenated_word(tree, t.i):
            continue
        if t.pos == "NOUN" and t.lemma in index.nouns:
            m = _match_noun(t, tree, index.nouns[t.lemma], by_head)
            if m is not None and m.clause not in verbs_with_events:
                matches.append(m)
    # "threatened to move troops": the threat is coded from the complement; the governing verb's
    # own entry adds nothing unless it has a target of its own.
    carried = {tree.tokens[m.clause].head for m in matches if tree.tokens[m.clause].dep == "xcomp"}
    events: list[Event] = []
    for m in matches:
        if m.trigger in carried and (m.target is None or _mention(tree, m.target, by_head) is None):
            continue
        events.extend(_events_for(m, sentence, tree, by_head, doc_id, input_id, date))
    return events


def _in_hyphenated_word(tree: _Tree, i: int) -> bool:
    """True for a token glued by a hyphen to the one before or after it ("one-sided")."""
    tokens = tree.tokens
    before = i >= 2 and tokens[i - 1].text == "-" and tokens[i - 1].start == tokens[i - 2].end
    before = before and tokens[i].start == tokens[i - 1].end
    after = (
        i + 2 < len(tokens) and tokens[i + 1].text == "-" and tokens[i + 1].start == tokens[i].end
    )
    after = after and tokens[i + 2].start == tokens[i + 1].end
    return before or after


def _is_amount(tree: _Tree, i: int) -> bool:
    """True for an amount: "$84 million", "€12m", "two planes" is not (a number of things)."""
    tok = tree.tokens[i]
    if tok.ent == "MONEY" or tok.pos == "NUM":
        return True
    return any(
        tree.tokens[c].ent == "MONEY" or tree.tokens[c].tag == "$"
        for c in tree.children(i, "compound", "nummod", "quantmod", "nmod")
    )


def _is_money(tree: _Tree, i: int) -> bool:
    """True for an amount of money ("$84 million", "€12m")."""
    return tree.tokens[i].ent == "MONEY" or any(
        tree.tokens[c].ent == "MONEY" or tree.tokens[c].tag == "$" for c in tree.kids[i]
    )


def _object_words(tree: _Tree, obj: int) -> set[str]:
    """Lemmas of a direct object phrase and of its complements: "$84 million of aid",
    "$45 million in aid", "planes with food and medicine". An amount of money also counts as
    the word "money", so "grant money to +" covers "granted €45m to Peru"."""
    words = {tree.tokens[obj].lemma}
    if _is_money(tree, obj):
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
    best_key: tuple[int, int] | None = None
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
                target = _pick_target([o for pl, o in preps if pl == p.target_prep], tree, by_head)
                if target is None and not p.nominal and not p.words and not p.prep_words:
                    continue  # "stand by +" without "by" is just "stand": no evidence of the act
        is_actor = target is not None and _mention(tree, target, by_head) is not None
        # A target slot counts only when an actor fills it ("on Tuesday" fills no slot).
        filled = p.n_items - (1 if p.has_target and not is_actor else 0)
        key = (filled, -order)
        if best_key is None or key > best_key:
            best, best_key = (p, target), key
    return best


def _pick_target(candidates: list[int], tree: _Tree, by_head: dict[int, Mention]) -> int | None:
    """Of several objects of one preposition, an actor first, then anything but a time
    ("air strikes on militant positions ... on Tuesday")."""
    for o in candidates:
        if _mention(tree, o, by_head, possessor=True) is not None:
            return o
    for o in candidates:
        if tree.tokens[o].ent not in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
            return o
    return None


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
    complements_of_verb: list[int] = []
    for o in objects:
        obj_words |= _object_words(tree, o)
    # An open complement's verb counts as a word too: "declined to comment" → `decline comment`.
    obj_words.update(tree.tokens[c].lemma for c in tree.children(v.i, "xcomp"))
    # What is sent "with" the verb belongs to the object: "sent planes with food to Manila"; so
    # does "in X" after an amount: "provided €12m in humanitarian aid to Ukraine".
    amount = any(_is_amount(tree, o) for o in objects)
    for w in tree.children(v.i, "prep"):
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
    if verb is not None and tree.tokens[verb].lemma not in LIGHT_VERBS:
        verb = None
    if verb is None:
        # A noun in passing ("support for Russia's war in Ukraine") is background, not a report
        # of an act: only nouns that a verb reports ("held talks", "launched an attack") count.
        return None
    heads = [n.i, verb]
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
    if first.dep in ("ccomp", "acl") and tree.tokens[first.head].lemma in DEMAND_GOVERNORS:
        return _Mood("actual", False, True, tree.tokens[first.head].text)  # "demand that X do"
    if first.dep == "pcomp" and _counterfactual(tree, first.head):
        return _Mood("actual", False, True, "instead of / without")  # "Instead of retreating"
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
        if gov.lemma in BLOCKING_GOVERNORS or gov.lemma in DEMAND_GOVERNORS:
            return _Mood("actual", negated, True, gov.text)
        if gov.lemma in THREAT_GOVERNORS:
            modality = "threat"
            via.append(gov.text)
        elif gov.lemma in INTENT_GOVERNORS and modality == "actual":
            modality = "intent"
            via.append(gov.text)
        node = tok.head
    return _Mood(modality, negated, False, " ".join(via))


def _physical(tree: _Tree, i: int) -> bool:
    """A place or a physical thing that force can be used on."""
    tok = tree.tokens[i]
    return tok.ent in ("GPE", "LOC", "FAC") or tok.lemma in PHYSICAL_TARGETS


def _in_question(tree: _Tree, i: int) -> bool:
    """True when the trigger's stretch of text ends with a question mark (a quoted question)."""
    for t in tree.tokens[i + 1 :]:
        if t.text in (".", "!", "?", "…"):
            return t.text == "?"
    return False


def _counterfactual(tree: _Tree, prep: int) -> bool:
    """True for "without X-ing", "instead of X-ing", "rather than X-ing"."""
    p = tree.tokens[prep]
    if p.lemma == "without":
        return True
    if p.lemma in ("of", "than"):
        head = tree.tokens[p.head]
        before = tree.tokens[prep - 1] if prep > 0 else None
        return head.lemma in ("instead", "rather") or (
            before is not None and before.lemma in ("instead", "rather")
        )
    return False


def _shift(code: str, modality: str) -> str | None:
    """The code of an intended or threatened act (None when CAMEO has no such code)."""
    root = code[:2]
    if modality == "intent":
        if root in ("09", "10", "11", "12", "13") or root in ("01", "02", "03"):
            return code
        if root in THREAT_BY_ROOT:
            return THREAT_BY_CODE.get(code[:3], THREAT_BY_ROOT[root])
        if root == "05":
            return "032" if code[:3] in INTENT_DIPLOMATIC else None
        return INTENT_BY_CODE.get(code[:3]) or INTENT_BY_ROOT.get(root)
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
    target_heads = tree.conjuncts(m.target) if m.target is not None else []
    targets: list[Mention] = [
        t for i in target_heads if (t := _mention(tree, i, by_head, possessor=True)) is not None
    ]
    if m.target is None and m.pattern.has_target and tree.children(m.trigger, "ccomp", "parataxis"):
        return []  # a speech verb introducing a quote ("…?" asked X): not an act on anyone
    if not targets and code[:2] in FORCE_ROOTS and m.pattern.has_target:
        # "fought an insurgency", "fought elections", "fought alongside the SDF": force is used
        # on someone or on something physical (a village, a convoy, positions), or it is not coded.
        if m.target is None or not _physical(tree, m.target):
            return []
    if (
        code[:3] in ("051", "052")
        and not targets
        and m.target is not None
        and _physical(tree, m.target)
    ):
        return []  # "the hospital was defended by fighters": not a verbal defence
    evaluation = code[:3] in ("051", "052") or "09" <= code[:2] <= "13"
    if (
        not targets
        and code[:2] in TARGETED_ROOTS
        and not (len(sources) > 1 and code[:2] in RECIPROCAL_ROOTS)
        and not (evaluation and m.target is not None)
    ):
        # Verbal acts and cooperation are done to someone: without a resolved target the
        # sentence is too often about a thing ("released its budget", "signed it").
        return []
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
                trigger=(tree.tokens[m.trigger].start, tree.tokens[m.trigger].end),
                # The publication date until the date stage reads the sentence's own.
                date_precision="day" if date else None,
            )
        )
    return events


def _mention(
    tree: _Tree, i: int, by_head: dict[int, Mention], *, possessor: bool = False
) -> Mention | None:
    """The actor of a phrase head; through a counting head to its "of" object ("thousands of
    Kenyan protesters", "tens of thousands of Georgians"); with ``possessor``, a place or thing
    stands for its owner ("to Peru's northern coast" → Peru)."""
    if i in by_head:
        return by_head[i]
    tok = tree.tokens[i]
    if possessor and tok.pos == "NOUN":
        for p in tree.children(i, "poss"):
            if p in by_head:
                return by_head[p]
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
