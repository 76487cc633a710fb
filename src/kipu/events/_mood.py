"""Modality of a predicate from its verb chain: actual, intended, threatened, negated, or not an
act at all (questions, conditionals, modal possibility, purpose clauses, demands, allegations).
"""

from __future__ import annotations

from dataclasses import dataclass

from kipu.events._tree import Tree

# Verbs (and predicative adjectives) that make the clause they govern an intention:
# "agreed to cooperate", "pledged to send", "stands ready to work" (CAMEO's 03x intent codes).
INTENT_GOVERNORS = frozenset(
    "agree plan pledge promise vow offer propose intend decide want seek hope aim prepare commit "
    "expect resolve undertake ready prepared willing eager set poised determined due scheduled "
    "slated".split()
)
# Governors that make a conflict act a threat (CAMEO 13x): "threatened to attack".
THREAT_GOVERNORS = frozenset("threaten warn vow".split())
# Governors under which the act did not (yet) happen and is not an intention of the subject:
# "refused to meet", "failed to agree", "denied attacking" — not coded in this version.
BLOCKING_GOVERNORS = frozenset(
    "refuse decline fail deny reject avoid stop cease halt unable unwilling "
    # acts only thought about: "is considering suspending its aid"
    "consider contemplate mull weigh discuss debate explore study "
    # obligation: "we have to reinforce", "Japan needs to enact reforms" (a need, not an act)
    "have need".split()
)
# Nouns whose "to" clause is an act their owner decided on, intends, threatens or would not do
# ("Hungary's decision to expel", "its plan to withdraw", "the threat to strike", "Iran's
# refusal to meet"): the noun says how the act is meant, as the verb of the same sense does.
DECIDED_NOUNS = frozenset({"decision", "move"})
INTENT_NOUNS = frozenset(
    "plan pledge promise offer proposal intention commitment readiness willingness "
    "determination vow".split()
)
THREAT_NOUNS = frozenset({"threat", "ultimatum"})
BLOCKING_NOUNS = frozenset(
    "refusal failure reluctance unwillingness inability attempt bid effort".split()
)
OWNED_ACT_NOUNS = DECIDED_NOUNS | INTENT_NOUNS | THREAT_NOUNS | BLOCKING_NOUNS
# Verbs that set an act for later when it is their passive subject: "talks are scheduled".
SCHEDULING_VERBS = frozenset({"plan", "schedule", "slate", "set"})
# Verbs whose "that" clause is a contested claim: "claimed he had been killed".
CLAIMING_VERBS = frozenset({"claim", "allege"})
# Verbs whose "that" clause is denied or dismissed: "denied they had detained her husband".
DENIAL_VERBS = frozenset({"deny", "dismiss", "refute", "reject"})
# Governors whose complement is what someone else is asked to do: "urged Russia to withdraw",
# "demand that Germany prosecute". The appeal is coded from the governor; the act is not.
DEMAND_GOVERNORS = frozenset(
    "demand urge ask call press push insist propose suggest recommend request want wish expect "
    "encourage invite order instruct tell appeal plead beg lobby pressure pressure".split()
)
# Verbs of perception whose bare-infinitive complement shares their modality: "must now watch
# the Americans march away" is as hypothetical as the watching.
PERCEPTION_VERBS = frozenset({"watch", "see", "hear", "witness", "notice"})
# Prepositions after which a gerund reports an act that happened ("after meeting with",
# "by shelling"); after others ("on holding", "about meeting", "against attacking") it does not.
ACTUAL_GERUND_PREPS = frozenset(
    "after before while since by upon in despite following through when".split()
)
# Verbs whose "to" + gerund is the act they report as done: "resorted to throwing stones",
# "took to burning tyres", "turned to kidnapping" (as "began throwing" is).
ACT_TO_GERUND_VERBS = frozenset({"resort", "take", "turn"})
# Auxiliaries: future marks intent; modal possibility is not coded as an event.
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would"})
POSSIBLE_AUX = frozenset({"could", "might", "may", "should", "must", "ought", "can"})
# Subordinators that make a clause hypothetical or conditional.
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
# Governors whose "of/for X-ing" is an allegation, coded as the accusation only: "accused China
# of violating its waters" is CAMEO 112 by Vietnam, not a violation by China.
ALLEGING = frozenset("accuse blame charge suspect allege indict convict".split())
# Nouns whose "that" clause is a claim, not an act that is known to have happened: "an allegation
# that the rebels had taken over the city", "amid speculation they were captured illegally".
ALLEGING_NOUNS = frozenset(
    "allegation accusation claim rumour rumor suspicion speculation charge".split()
)
# Verbs that report speech: "…, an official told reporters" introduces what happened; only
# "told X to do" (an open complement) is an order.
REPORTING_VERBS = frozenset({"tell"})
# Roots whose acts are voiced by the act a purpose clause serves: "struck to demand reforms".
VOICED_ROOTS = frozenset({"10", "14"})
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
    "083": "034",
    "0831": "0341",
    "0832": "0342",
    "0833": "0343",
    "0834": "0344",
}
INTENT_BY_CODE["045"] = "039"  # an intended mediation
INTENT_BY_ROOT = {"04": "036", "06": "031", "07": "033", "08": "035"}
# Diplomatic cooperation CAMEO can intend (032: "will support", "will recognize"); verbal
# defence and apology it cannot.
INTENT_DIPLOMATIC = frozenset({"050", "051", "053", "054", "056", "057"})
# Threats: the code of a threatened act → CAMEO's 13x threat code.
THREAT_BY_CODE = {
    "163": "1312",
    "191": "1381",
    "192": "1382",
    "195": "1384",
    "193": "1384",
    "194": "1384",
    "161": "1313",
    "162": "1311",
    "164": "134",
    "165": "135",
    "166": "136",
    "172": "132",
    "1721": "1321",
    "1722": "1322",
    "1723": "1323",
    "1724": "1324",
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


@dataclass(frozen=True, slots=True)
class Mood:
    """How a predicate is meant: its modality, negation, and whether it is coded at all."""

    modality: str  # "actual" | "intent" | "threat"
    negated: bool
    skip: bool  # hypothetical, conditional or blocked: not coded
    via: str  # the words that decided it


def mood_of(tree: Tree, v: int, root: str = "") -> Mood:
    """Negation, intent and hypotheticals from the verb and the chain that governs it.

    ``root`` is the CAMEO root of the act: a demand or a protest in a purpose clause ("marched
    to demand reforms") is voiced by the act it serves, so it is coded.
    """
    first = tree.tokens[v]
    if first.dep == "conj" and first.head != v and tree.tokens[first.head].pos in ("VERB", "AUX"):
        # "accused Moscow of violating the deal and breaching the treaty": a conjunct shares
        # the allegation, the condition or the block of its first verb.
        shared = mood_of(tree, first.head, root)
        if shared.skip:
            return shared
    gerund = _gerund_before(tree, v)
    if gerund is not None:
        # "accused Moscow of violating the deal, and breaching the treaty": the parse hangs the
        # second gerund on the finite verb; it continues the gerund before it.
        shared = mood_of(tree, gerund, root)
        if shared.skip:
            return shared
    voiced = root in VOICED_ROOTS
    negated = False
    modality = "actual"
    via: list[str] = []
    first = tree.tokens[v]
    if _shares_mood(tree, v):
        # "will attack and occupy", "whether they were killed or captured", "did not attack or
        # kill": a verb conjoined with no subject, auxiliary or negation of its own is meant
        # as the verb it is conjoined with.
        return mood_of(tree, first.head, root)
    if (
        first.dep in ("ccomp", "acl")
        and tree.tokens[first.head].lemma in DEMAND_GOVERNORS
        and tree.tokens[first.head].lemma not in REPORTING_VERBS
    ):
        return Mood("actual", False, True, tree.tokens[first.head].text)  # "demand that X do"
    if first.dep == "ccomp" and tree.tokens[first.head].lemma in DENIAL_VERBS:
        return Mood("actual", False, True, tree.tokens[first.head].text)  # "denied they had"
    if first.dep == "ccomp" and tree.tokens[first.head].lemma in CLAIMING_VERBS:
        # "Iran claimed he had been killed": a claim is coded as the claim, not the act
        return Mood("alleged", False, True, tree.tokens[first.head].text)
    host = tree.tokens[first.head]
    content = first.dep in ("acl", "ccomp") or (
        first.dep == "relcl"  # a "that" the parse marks as a conjunction: a content clause
        and any(tree.tokens[c].dep == "mark" for c in tree.kids[v])
    )
    if content and host.pos == "NOUN" and host.lemma in ALLEGING_NOUNS:
        return Mood("alleged", False, True, host.text)  # "the allegation that X attacked"
    owned = owned_act_noun(tree, v)
    if owned is not None and host.lemma in BLOCKING_NOUNS:
        return Mood("actual", False, True, host.text)  # "its refusal to meet": not done
    if owned is not None and host.lemma in THREAT_NOUNS:
        return Mood("threat", False, False, host.text)  # "the threat to strike Idlib"
    if owned is not None and host.lemma in INTENT_NOUNS:
        return Mood("intent", False, False, host.text)  # "Hungary's plan to withdraw"
    if first.dep == "pcomp" and tree.tokens[tree.tokens[first.head].head].lemma in ALLEGING:
        return Mood("alleged", False, True, tree.tokens[tree.tokens[first.head].head].text)
    if first.dep == "pcomp" and first.tag == "VBG" and not _actual_gerund(tree, first.head):
        # "preconditions on holding talks", "called for holding talks", "talked about meeting":
        # the gerund names an act that is asked for, planned or discussed, not one that happened.
        return Mood("actual", False, True, f"gerund after {tree.tokens[first.head].text!r}")
    if first.dep == "pcomp" and _counterfactual(tree, first.head):
        return Mood("actual", False, True, "instead of / without")  # "Instead of retreating"
    if (
        first.dep == "advcl"
        and not voiced
        and any(tree.tokens[c].dep == "aux" and tree.tokens[c].lemma == "to" for c in tree.kids[v])
    ):
        return Mood("actual", False, True, "purpose clause")  # "…to support the dinar"
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
                return Mood("possible", negated, True, ct.text)
            elif ct.dep == "mark" and ct.lemma in CONDITIONAL_MARKS:
                return Mood("possible", negated, True, ct.text)
            elif ct.dep == "mark" and ct.lemma in ("until", "before") and _present(tree, node):
                # "until Raqqa is retaken", "before aid is released": not yet
                return Mood("possible", negated, True, ct.text)
        perceived = tok.dep == "ccomp" and tree.tokens[tok.head].lemma in PERCEPTION_VERBS
        if (tok.dep not in ("xcomp", "acomp") and not perceived) or tok.head == node:
            break
        gov = tree.tokens[tok.head]
        if gov.lemma in BLOCKING_GOVERNORS or gov.lemma in DEMAND_GOVERNORS:
            return Mood("actual", negated, True, gov.text)
        if gov.lemma in CLAIMING_VERBS:
            # "claim to have destroyed their stocks": a claim, as "claimed that they had"
            return Mood("alleged", False, True, gov.text)
        if gov.lemma in THREAT_GOVERNORS:
            modality = "threat"
            via.append(gov.text)
        elif gov.lemma in INTENT_GOVERNORS and modality == "actual":
            modality = "intent"
            via.append(gov.text)
        node = tok.head
    scheduled = _scheduled(tree, node) or _to_be_done(tree, node) or _scheduling(tree, node)
    if scheduled is not None and modality == "actual":
        # "will be highlighted on Friday when Iran hosts a summit": a day to come, an act planned
        return Mood("intent", negated, False, scheduled)
    hypothetical = _hypothetical_host(tree, node) or _hypothetical_time(tree, node)
    if hypothetical is not None:
        return Mood("possible", negated, True, hypothetical)
    return Mood(modality, negated, False, " ".join(via))


def owned_act_noun(tree: Tree, v: int) -> int | None:
    """The noun whose "to" clause ``v`` heads ("decision" of "Hungary's decision to expel"),
    when it is a noun of deciding, intending, threatening or not doing; None otherwise."""
    tok = tree.tokens[v]
    if tok.dep != "acl" or tok.head == v or tok.pos != "VERB":
        return None
    host = tree.tokens[tok.head]
    if host.pos != "NOUN" or host.lemma not in OWNED_ACT_NOUNS:
        return None
    if not any(tree.tokens[c].dep == "aux" and tree.tokens[c].lemma == "to" for c in tree.kids[v]):
        return None
    return host.i


def _scheduled(tree: Tree, v: int) -> str | None:
    """The day a present-tense act is set for: a clause on a date of a future main clause
    ("... will be highlighted on Friday when Iran hosts a summit"); None otherwise."""
    tok = tree.tokens[v]
    if tok.dep != "relcl" or tok.head == v or not _present(tree, v):
        return None
    day = tree.tokens[tok.head]
    if day.ent not in ("DATE", "TIME"):
        return None
    node = day.i
    for _ in range(4):  # from the date up to the verb it is said of
        t = tree.tokens[node]
        if t.pos in ("VERB", "AUX") or t.head == node:
            break
        node = t.head
    if any(
        tree.tokens[c].dep == "aux" and tree.tokens[c].lemma in FUTURE_AUX for c in tree.kids[node]
    ):
        return f"{day.text} to come"
    return None


def scheduled_subject(tree: Tree, n: int, verb: int) -> bool:
    """True when the event noun is the passive subject of a verb of scheduling with no
    complement of its own: "a summit between A and B is planned for May", "talks are scheduled
    for Friday" (the act is to come: intent)."""
    tok = tree.tokens[n]
    return (
        tok.head == verb
        and tok.dep == "nsubjpass"
        and tree.tokens[verb].lemma in SCHEDULING_VERBS
        and not tree.children(verb, "xcomp", "ccomp")
    )


def _scheduling(tree: Tree, v: int) -> str | None:
    """A verb of scheduling whose passive subject is an event noun (the clause of such a noun,
    ``scheduled_subject``): the act is to come."""
    for c in tree.children(v, "nsubjpass"):
        if scheduled_subject(tree, c, v):
            return tree.tokens[v].text
    return None


def _to_be_done(tree: Tree, v: int) -> str | None:
    """A passive infinitive modifying the noun it will be done to, an act to come: "a summit to
    be held in Lima", "aid to be delivered next week" (or parsed as a clausal subject, "a summit
    to be held on Friday has been described as ..."); None otherwise."""
    tok = tree.tokens[v]
    if tok.dep not in ("relcl", "acl", "csubjpass", "csubj") or tok.head == v or tok.tag != "VBN":
        return None
    kids = [tree.tokens[c] for c in tree.kids[v]]
    if tok.dep in ("relcl", "acl") and any(k.dep in ("nsubj", "nsubjpass") for k in kids):
        return None
    to = any(k.dep == "aux" and k.lemma == "to" for k in kids)
    if to and any(k.dep == "auxpass" and k.lemma == "be" for k in kids):
        return f"to be {tok.text}"
    return None


def _hypothetical_time(tree: Tree, v: int) -> str | None:
    """The modal of the clause a time clause belongs to: "thousands may die as forces storm the
    town" (the storming is foreseen, like the deaths)."""
    tok = tree.tokens[v]
    if tok.dep != "advcl" or tok.head == v:
        return None
    marks = [tree.tokens[c].lemma for c in tree.children(v, "mark", "advmod")]
    if not any(m in ("as", "when") for m in marks):
        return None
    for c in tree.children(tok.head, "aux"):
        if tree.tokens[c].lemma in ("may", "might", "could"):
            return tree.tokens[c].text
    return None


def _present(tree: Tree, v: int) -> bool:
    """True for a verb in the present tense (its own form or its auxiliary's)."""
    forms = [tree.tokens[v], *(tree.tokens[c] for c in tree.children(v, "aux", "auxpass"))]
    return any(t.tag in ("VBZ", "VBP") for t in forms) and not any(
        t.tag in ("VBD", "MD") for t in forms
    )


def _gerund_before(tree: Tree, v: int) -> int | None:
    """For a gerund conjoined to a finite verb with no subject of its own, the gerund after a
    preposition of that verb it continues ("accused X of violating A, and breaching B");
    None otherwise."""
    tok = tree.tokens[v]
    head = tree.tokens[tok.head]
    if tok.dep != "conj" or tok.tag != "VBG" or head.tag not in ("VBD", "VBZ", "VBP", "VBN"):
        return None
    if tree.children(v, "nsubj", "nsubjpass", "aux"):
        return None
    gerunds = [
        g
        for p in tree.children(head.i, "prep")
        for g in tree.children(p, "pcomp")
        if g < v and tree.tokens[g].tag == "VBG"
    ]
    return gerunds[-1] if gerunds else None


def _shares_mood(tree: Tree, v: int) -> bool:
    """True for a verb conjoined by "and"/"or" with no subject, auxiliary, negation or marker of
    its own ("captured" in "were killed or captured"); "but" sets its own mood."""
    tok = tree.tokens[v]
    if tok.dep != "conj" or tok.head == v or tok.pos not in ("VERB", "AUX"):
        return False
    own = ("nsubj", "nsubjpass", "aux", "auxpass", "neg", "mark", "expl")
    if any(tree.tokens[c].dep in own for c in tree.kids[v]):
        return False
    return not any(
        tree.tokens[c].dep == "cc" and tree.tokens[c].lemma in ("but", "yet")
        for c in tree.kids[tok.head]
    )


def _hypothetical_host(tree: Tree, v: int) -> str | None:
    """The auxiliary that makes a relative clause hypothetical: "a deal where the Americans agree
    with the Russians" inside "will be" or "could be" describes no act that happened."""
    tok = tree.tokens[v]
    if tok.dep not in ("relcl", "acl") or tok.head == v:
        return None
    node = tok.head
    for _ in range(8):  # from the noun up to the verb whose argument it is
        t = tree.tokens[node]
        if t.dep == "appos":
            return None  # ", a decision hailed by Moscow": an aside on what was said, a fact
        if t.pos in ("VERB", "AUX") or t.head == node:
            break
        node = t.head
    for c in tree.kids[node]:
        ct = tree.tokens[c]
        if ct.dep == "aux" and (ct.lemma in FUTURE_AUX or ct.lemma in POSSIBLE_AUX):
            return ct.text
    return None


def _actual_gerund(tree: Tree, prep: int) -> bool:
    """True when a gerund after this preposition reports an act that happened: "after meeting",
    "by shelling", "praised Peru for hosting" (a verb with an object), "resorted to throwing",
    but not "on holding" or "objected to holding"."""
    p = tree.tokens[prep]
    if p.lemma == "of" and begun_process(tree, p.head):
        return True  # "began the process of returning the gorillas": the return has begun
    if p.head == prep or tree.tokens[p.head].pos not in ("VERB", "AUX"):
        return False
    if p.lemma in ("for", "of"):
        return any(tree.tokens[c].dep in ("dobj", "obj") for c in tree.kids[p.head])
    if p.lemma == "to" and tree.tokens[p.head].lemma in ACT_TO_GERUND_VERBS:
        return True
    return p.lemma in ACTUAL_GERUND_PREPS


# "the process of X-ing" that someone began, started or completed reports X as under way.
PROCESS_NOUNS = frozenset({"process"})
BEGINNING_VERBS = frozenset("begin start initiate launch complete finish".split())


def begun_process(tree: Tree, noun: int) -> bool:
    """True for the object of a beginning verb that names a process ("initiated the process of")."""
    n = tree.tokens[noun]
    if n.lemma not in PROCESS_NOUNS or n.dep not in ("dobj", "obj") or n.head == noun:
        return False
    return tree.tokens[n.head].lemma in BEGINNING_VERBS


def in_question(tree: Tree, i: int) -> bool:
    """True when the trigger's stretch of text ends with a question mark (a quoted question)."""
    for t in tree.tokens[i + 1 :]:
        if t.text in (".", "!", "?", "…"):
            return t.text == "?"
    return False


def _counterfactual(tree: Tree, prep: int) -> bool:
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


def shift(code: str, modality: str) -> str | None:
    """The code of an intended or threatened act (None when CAMEO has no such code)."""
    root = code[:2]
    if modality == "intent":
        if root in ("09", "10", "11", "12", "13") or root in ("01", "02", "03"):
            return code
        if root in THREAT_BY_ROOT:
            return THREAT_BY_CODE.get(code) or THREAT_BY_CODE.get(code[:3], THREAT_BY_ROOT[root])
        if root == "05":
            return "032" if code[:3] in INTENT_DIPLOMATIC else None
        return INTENT_BY_CODE.get(code) or INTENT_BY_CODE.get(code[:3]) or INTENT_BY_ROOT.get(root)
    if modality == "threat":
        if root in THREAT_BY_ROOT:
            return THREAT_BY_CODE.get(code) or THREAT_BY_CODE.get(code[:3], THREAT_BY_ROOT[root])
        return None
    return code
