"""Which dictionary entry an event noun matches: under a light verb that reports it
(``_match_noun``: "launched an offensive", "held talks") or in passing (``_match_passing_noun``:
"the talks between", "Russia's offensive"), only in a clause that reports it as having
happened (``_factual_host``)."""

from __future__ import annotations

from kipu.events._match import _best, _Match, _preps
from kipu.events._mentions import _mention
from kipu.events._mood import (
    ALLEGING,
    BLOCKING_GOVERNORS,
    DEMAND_GOVERNORS,
    INTENT_GOVERNORS,
    THREAT_GOVERNORS,
    scheduled_subject,
)
from kipu.events._nominal import names_an_act, one_sided_noun, patient_possessor, source_only
from kipu.events._one_sided import one_sided_code
from kipu.events._patterns import Pattern
from kipu.events._roles import (
    _engaged_in,
    _noun_sources,
)
from kipu.events._roots import MUTUAL_NOUN_ROOTS
from kipu.events._sense import prepares_force
from kipu.events._tree import Tree
from kipu.events._unresolved import unresolved_mention
from kipu.records import Mention, Token

# Modifiers that make a noun of force figurative: "cold war", "trade war", "price war".
FIGURATIVE = frozenset(
    "cold trade price tariff currency culture propaganda information media legal verbal "
    "rhetorical diplomatic tax turf bidding word".split()
)
# Verbs that report an act named by their object noun, and pass it their subject: "launched an
# attack", "held talks", "devoting $84 million of aid". Other verbs do not ("suffered attacks").
LIGHT_VERBS = frozenset(
    "launch carry conduct stage hold mount make give provide offer announce sign begin resume "
    "start continue intensify escalate devote allocate deliver send pledge promise grant "
    "approve impose "
    "extend issue lodge file express practise practice commit perpetrate wage unleash order "
    "authorize authorise lead host open seal strike reach conclude agree accept propose "
    "step renew expand increase double boost initiate undertake organise organize call "
    "declare complete pay engage stag".split()  # "stag": spaCy's lemma of "staged"
)
# Words on the way up from a passing event noun that make its act asked for, planned, feared,
# alleged, prevented or discussed rather than reported: "called for talks with", "the threat of
# an attack on", "plans for a visit to", "denied an attack on".
# Verbs that give an act's purpose when it is their subject: "the strikes were intended to ...".
PURPOSE_VERBS = frozenset({"intend", "mean", "design", "aim"})
NON_FACTUAL_WORDS = (
    DEMAND_GOVERNORS
    | BLOCKING_GOVERNORS
    | INTENT_GOVERNORS
    | THREAT_GOVERNORS
    | ALLEGING
    | frozenset(
        "threat possibility plan call demand proposal offer hope need request appeal chance danger "
        "prospect risk fear idea option bid plea pressure condition precondition prevent avoid "
        "discuss consider oppose debate vote deny rule risk allegation claim report rumour rumor "
        "speculation suspicion accusation charge prepare expectation preparation push effort "
        "attempt opportunity permission readiness willingness "
        # what guards against an act names no act that happened: "measures against car bombs"
        "precaution protection safeguard measure defence defense brace talk "
        # a noun that says what something is: "condemned the attack as a strike on civilians"
        "as "
        # an act one was spared or a stance on acts: "was spared an assault", "stance on strikes"
        "spare spar stance policy".split()  # spaCy reads "spared" as "spar"
    )
)
# Prepositions by which a verb's subject acts through the act a noun names: "responded with
# threats", "retaliated with airstrikes", "hit back through sanctions".
INSTRUMENT_PREPS = frozenset({"with", "through", "via"})
# Prepositions by which a meeting is the time of what the verb's subject did, so the subject
# took part in it: "during a meeting with", "at talks with", "after a call with".
MEETING_TIME_PREPS = frozenset({"during", "at", "after", "before", "following", "on", "in"})
# Prepositions that set an act as the time of another ("during a meeting with", "after talks").
TIME_OF_ACT_PREPS = frozenset({"during", "after", "following"})


def _governing_verb(tree: Tree, n: int) -> int | None:
    """The verb a nominal trigger is the object of ("held talks", "devoting $84 million of aid",
    "engaged in ethnic cleansing")."""
    node = n
    for _ in range(4):
        tok = tree.tokens[node]
        if tok.dep == "pobj" and tree.tokens[tok.head].lemma == "in":
            verb = tree.tokens[tok.head].head
            if _engaged_in(tree, verb) == node:
                return verb
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
    n: Token, tree: Tree, patterns: list[Pattern], by_head: dict[int, Mention]
) -> _Match | None:
    """The entry an event noun matches under a light verb that reports it ("launched an
    attack": the verb is the match's clause), else as a noun in passing; None under a
    figurative modifier ("cold war")."""
    if any(tree.tokens[c].lemma in FIGURATIVE for c in tree.children(n.i, "amod", "compound")):
        return None  # "a cold war with Qatar", "a trade war", "a war of words"
    verb = _governing_verb(tree, n.i)
    prepared = verb is not None and prepares_force(tree, verb, patterns)  # "prepare an offensive"
    if verb is not None and tree.tokens[verb].lemma not in LIGHT_VERBS and not prepared:
        verb = None
    if verb is None:
        # A noun in passing counts only with its actors in its own phrase ("Russia's attack on
        # Ukraine", "talks between Peru and Chile"); "support for the war" is background.
        return _match_passing_noun(n, tree, patterns, by_head)
    heads = [n.i, verb]
    preps = _preps(tree, heads)
    words = {tree.tokens[c].lemma for c in tree.children(n.i, "compound", "amod")}
    found = _best(patterns, words, words, preps, None, tree, by_head)
    if found is None:
        return None
    return _Match(
        pattern=found[0], trigger=n.i, clause=verb if verb is not None else n.i, target=found[1]
    )


def _match_passing_noun(
    n: Token, tree: Tree, patterns: list[Pattern], by_head: dict[int, Mention]
) -> _Match | None:
    """An event noun no light verb reports, coded only when its own phrase names the target
    actor ("an attack on Kenya", "talks between Peru and Chile") and its source (a possessor, a
    "by" phrase, or both sides of "between"), in a clause that reports it as having happened."""
    host = _factual_host(tree, n.i)
    if host is None or not names_an_act(tree, n.i, host):
        return None
    if any(tree.tokens[c].lemma in ("no", "any") for c in tree.children(n.i, "det")):
        return None  # "there was no attack on", "any talks with"
    doers = [o for pl, o in _preps(tree, [n.i]) if pl == "by"]
    # The parse may hang the noun's target on its "by" doer: "airstrikes by Chilean forces on
    # army positions" ("on" under "forces").
    preps = _preps(tree, [n.i]) + [pp for pp in _preps(tree, doers) if pp[0] in ("on", "against")]
    words = {tree.tokens[c].lemma for c in tree.children(n.i, "compound", "amod")}
    usable = [p for p in patterns if p.has_target and p.target_prep is not None]
    found = _best(usable, words, words, preps, None, tree, by_head)
    target = found[1] if found is not None else None
    named = target is not None and _mention(tree, target, by_head, possessor=True) is not None
    own_source = any(
        _mention(tree, i, by_head) or unresolved_mention(tree, i)
        for i in _noun_sources(tree, n.i, n.i, by_head)
    )
    if found is not None and named and (own_source or _mutual_between(found[0])):
        return _Match(pattern=found[0], trigger=n.i, clause=host, target=target, passing=True)
    instrument = _instrument_of(tree, n.i, meeting=found is not None and found[0].code[:2] == "04")
    if not own_source and instrument is not None and found is not None:
        # "responded with threats of military action", "retaliated with airstrikes on X": the
        # act is the verb's subject's, as if the verb reported it.
        return _Match(pattern=found[0], trigger=n.i, clause=instrument, target=found[1])
    if own_source:
        # "Turkey's offensive in Afrin", "a Turkish military campaign": force, protest and
        # mobilisation are coded with their doer alone.
        found = _best(patterns, words, words, preps, None, tree, by_head)
        if found is not None and found[0].has_target and found[1] is None:
            # "Turkey's offensive in Afrin": no one's "against" slot filled, the bare entry.
            bare = [p for p in patterns if not p.has_target]
            found = _best(bare, words, words, preps, None, tree, by_head) or found
        if found is not None and source_only(found[0]):
            return _Match(pattern=found[0], trigger=n.i, clause=host, target=found[1], passing=True)
        return None
    patient = patient_possessor(tree, n.i)
    if not one_sided_noun(tree, n.i):
        return None
    if patient is not None:
        # "his arrest in July": the possessor is the one arrested, by no one named.
        found = _best(patterns, words, words, preps, None, tree, by_head)
        if found is not None and one_sided_code(found[0].code, n.lemma):
            return _Match(pattern=found[0], trigger=n.i, clause=host, target=patient, passing=True)
        return None
    if found is not None and named and one_sided_code(found[0].code, n.lemma):
        # "the arrest of the opposition leader": the victim alone (a one-sided event).
        return _Match(pattern=found[0], trigger=n.i, clause=host, target=target, passing=True)
    return None


def _instrument_of(tree: Tree, n: int, *, meeting: bool = False) -> int | None:
    """The verb whose subject acts through the noun's act ("responded with threats of military
    action": responded), or None; with ``meeting``, also the verb a meeting is the time of
    ("told reporters during a meeting with the emir": the speaker met the emir)."""
    tok = tree.tokens[n]
    if tok.dep != "pobj" or tok.head == n:
        return None
    prep = tree.tokens[tok.head]
    preps = INSTRUMENT_PREPS | MEETING_TIME_PREPS if meeting else INSTRUMENT_PREPS
    if prep.lemma not in preps or prep.head == prep.i:
        return None
    verb = tree.tokens[prep.head]
    if verb.pos != "VERB" or verb.lemma in LIGHT_VERBS or not tree.children(verb.i, "nsubj"):
        return None
    return verb.i


def _mutual_between(pattern: Pattern) -> bool:
    """ "talks/clashes between A and B": both sides act on each other (not a mediation)."""
    return (
        pattern.target_prep == "between"
        and pattern.code[:2] in MUTUAL_NOUN_ROOTS
        and not pattern.code.startswith("045")
    )


def _blamed_act(tree: Tree, n: int, verb: int) -> bool:
    """True for an act blamed with its doer's name on it ("blaming Turkey's offensive against
    Afrin"): blame takes the act as having happened, and the possessor names who did it."""
    tok = tree.tokens[n]
    return (
        tree.tokens[verb].lemma == "blame"
        and tok.head == verb
        and tok.dep == "dobj"
        and bool(tree.children(n, "poss"))
    )


def _purpose_of(tree: Tree, n: int, verb: int) -> bool:
    """True when the event noun is the subject of a verb of intent whose complement says what
    the act was for ("the strikes were intended to provide reassurance", "the raid was meant
    to deter"): the act is told as done, its purpose as intended. ("The summit is planned for
    May", with no complement, is an act to come.)"""
    tok = tree.tokens[n]
    return (
        tok.head == verb
        and tok.dep in ("nsubj", "nsubjpass")
        and tree.tokens[verb].lemma in PURPOSE_VERBS
        and any(tree.tokens[c].pos in ("VERB", "AUX") for c in tree.children(verb, "xcomp"))
    )


def _factual_host(tree: Tree, n: int) -> int | None:
    """The predicate a passing event noun hangs from (the noun itself in a fragment), or None
    when the way up names something asked for, planned, feared or alleged ("called for talks
    with", "the threat of an attack on", "accused of an attack on")."""
    node = n
    for _ in range(8):
        tok = tree.tokens[node]
        if node != n and _purpose_of(tree, n, node):
            return node  # "airstrikes on X were intended to reassure": they happened
        if node != n and scheduled_subject(tree, n, node):
            return node  # "a summit between A and B is planned for May": an act to come
        if node != n and tok.lemma in NON_FACTUAL_WORDS and not _blamed_act(tree, n, node):
            return None
        if tok.pos in ("VERB", "AUX") and node != n:
            return node
        if tok.head == node:
            return node
        if tok.pos == "ADP" and tok.lemma in TIME_OF_ACT_PREPS and node != n:
            # "told reporters during a meeting with the emir": the time of another act, told
            # as a fact whatever that act's mood
            return tok.head if tree.tokens[tok.head].pos in ("VERB", "AUX") else None
        node = tok.head
    return None
