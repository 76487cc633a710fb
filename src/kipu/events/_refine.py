"""Which child of a generic CAMEO code a clause names, read off the words of its clause.

CAMEO splits many codes by the kind of thing given, asked for, promised, cut or refused
(economic, military, humanitarian aid or peacekeeping: "halted economic aid" is 1621, "asked
Portugal for military aid" 0232), by the aim of a protest or demand (leadership, policy, rights,
institutions: "a strike over an employment bill" is 1432) and by whose forces are alerted or
mobilised (police 151/153, armed forces 152/154). A dictionary entry names the act ("halt aid",
"go on strike"); the kind is in its object, its purpose or its cause, so the coder refines the
entry's generic code here. A refinement is made only when the words name exactly one kind:
"aid to the military government" says nothing of the aid's kind, and words of two kinds leave
the generic code.
"""

from __future__ import annotations

from kipu.events._asked import REQUEST_NOUNS, asked_code, requested_act
from kipu.events._tree import OBJECT_DEPS, Tree
from kipu.records import Mention

# Kinds of aid and cooperation, by the words that name them (lemmas; adjectives and nouns).
KIND_WORDS = {
    "economic": frozenset(
        "economic economy financial finance financing loan credit budget budgetary development "
        "investment monetary fiscal commercial trade debt".split()
    ),
    "military": frozenset(
        "military arm arms weapon weaponry defence defense missile ammunition munition".split()
    ),
    "humanitarian": frozenset(
        "humanitarian food relief medical medicine vaccine grain wheat rice blanket".split()
    ),
    "peacekeeping": frozenset("peacekeeper peacekeeping protection".split()),
    "judicial": frozenset("judicial extradition extradite".split()),
    "intelligence": frozenset("intelligence".split()),
}
# The generic code → its child for each kind CAMEO distinguishes.
_AID = ("economic", "military", "humanitarian", "peacekeeping")
_COOPERATION = ("economic", "military", "judicial", "intelligence")
KIND_CODES: dict[str, dict[str, str]] = {
    "023": dict(zip(_AID, ("0231", "0232", "0233", "0234"), strict=True)),
    "033": dict(zip(_AID, ("0331", "0332", "0333", "0334"), strict=True)),
    "070": dict(zip(_AID, ("071", "072", "073", "074"), strict=True)),
    "103": dict(zip(_AID, ("1031", "1032", "1033", "1034"), strict=True)),
    "122": dict(zip(_AID, ("1221", "1222", "1223", "1224"), strict=True)),
    "162": dict(zip(_AID[:3], ("1621", "1622", "1623"), strict=True)),
    "021": dict(zip(_COOPERATION, ("0211", "0212", "0213", "0214"), strict=True)),
    "031": dict(zip(_COOPERATION, ("0311", "0312", "0313", "0314"), strict=True)),
    "060": dict(zip(_COOPERATION, ("061", "062", "063", "064"), strict=True)),
    "121": dict(zip(_COOPERATION[:3], ("1211", "1212", "1213"), strict=True)),
}
# Aims of a protest, demand or appeal (CAMEO's last digit: leadership 1, policy 2, rights 3,
# institutions or regime 4).
AIM_WORDS = {
    "1": frozenset("resignation resign ouster oust overthrow impeachment impeach".split()),
    "2": frozenset(
        "reform policy bill law legislation decision price wage pay salary pension tax "
        "austerity subsidy privatisation privatization tuition".split()
    ),
    "3": frozenset("right freedom liberty arrest detention imprisonment jailing".split()),
    "4": frozenset(
        "independence referendum autonomy constitution constitutional secession "
        "self-rule self-determination judiciary statehood".split()
    ),
}
# ("regime" is left out: "a protest against the Assad regime" names whom, not what for.)
# "removal of the president", "calling on the minister to step down": a person is removed.
REMOVAL_WORDS = frozenset("removal dismissal".split())
LEADER_WORDS = frozenset(
    "president minister premier governor mayor leader chancellor king dictator chief head".split()
)
# The generic codes refined by aim. A bare appeal or demand (020, 100) names a policy in too
# many ways ("in violation of international law") to be refined by the policy words.
AIM_CODES = {"024", "034", "083", "104", "141", "142", "143", "144", "145"}
BARE_AIM_CODES = {"020": "024", "100": "104"}
# Codes CAMEO names "political reform, not specified below": a bare "reform" is their own
# generic word, not a policy (a protest for reforms is one for policy, as _asked.AIM has it).
REFORM_CODES = {"024", "034", "083", "104"}
# Alerts and mobilisations of police (151, 153) or armed forces (152, 154).
FORCE_CODES = {"151": "152", "153": "154"}
MILITARY_CODES = {v: k for k, v in FORCE_CODES.items()}
POLICE_WORDS = frozenset("police policeman policemen gendarme gendarmerie".split())
MILITARY_WORDS = frozenset("troop soldier army military reservist navy airforce".split())
# What an accusation (112) charges, by the words of what it names ("accused the army of
# violating the ceasefire" is 1123). "crime" is left out: "war crimes" is 1124.
ACCUSATION_WORDS = {
    "1121": frozenset("corruption fraud bribery embezzlement theft smuggling laundering".split()),
    "1122": frozenset("right abuse torture persecution".split()),
    "1123": frozenset("aggression ceasefire truce invasion incursion airspace".split()),
    "1124": frozenset("genocide atrocity massacre".split()),
    "1125": frozenset("espionage spying treason".split()),
}
# A killing of one political figure is an assassination (186): "killed the provincial governor".
KILLING_VERBS = frozenset("kill murder".split())
POLITICAL_FIGURES = frozenset(
    "president minister premier governor mayor leader chancellor king chief lawmaker "
    "politician senator legislator mp parliamentarian official".split()
)
# A release or handover of suspects is judicial cooperation: "handed over two men suspected of
# the bombing" (063), "must hand over the alleged bombers" (1013).
SUSPECT_CODES = {
    "084": "063",
    "0841": "063",
    "0253": "0213",
    "1053": "1013",
    "1243": "1213",
}
SUSPECT_WORDS = frozenset(
    "suspect suspected alleged allege accused accuse fugitive perpetrator culprit".split()
)
# Who kills names the means: "suicide bombers killed 23 people" is a suicide bombing (1831).
BOMBER_CODES = frozenset({"180", "183", "190"})
BOMBERS = {"suicide": "1831", "car": "1832"}
# Walks from the trigger: to what it acts on (kind), and also to its purpose and cause (aim).
_KIND_DEPS = frozenset(
    "dobj obj pobj prep amod compound nmod conj xcomp ccomp dative attr oprd pcomp".split()
)
_AIM_DEPS = _KIND_DEPS | {"acl", "advcl"}
# An adverbial clause with one of these marks tells when or whether, not what for.
_NOT_PURPOSE_MARKS = frozenset(
    "after before when while if unless until since although though as whereas once".split()
)

# "after the arrest of", "despite the reform": when, not what for.
_TIME_PREPS = frozenset("after before during since until despite".split())


def refine(
    code: str,
    tree: Tree,
    trigger: int,
    clause: int,
    target: int | None,
    by_head: dict[int, Mention],
) -> str:
    """The child code of a generic ``code`` the clause's words name, or ``code`` itself."""
    if code in ("120", "124"):
        refused = _refused_request(tree, trigger)
        if refused is not None:
            code, asked = refused
            kind = _one(_kinds(tree, _words(tree, asked, None, _KIND_DEPS)))
            return KIND_CODES.get(code, {}).get(kind or "", code)
    if code in KIND_CODES:
        kind = _one(_kinds(tree, _words(tree, trigger, target, _KIND_DEPS)))
        return KIND_CODES[code].get(kind, code) if kind else code
    if code in AIM_CODES or code in BARE_AIM_CODES:
        starts = {trigger, clause}
        words = {w for s in starts for w in _words(tree, s, target, _AIM_DEPS)}
        aims = _aims(
            tree, words, policy=code not in BARE_AIM_CODES, reform=code not in REFORM_CODES
        )
        aim = _one(aims)
        return BARE_AIM_CODES.get(code, code) + aim if aim else code
    if code == "112":
        found = {tree.tokens[i].lemma for i in _words(tree, trigger, target, _KIND_DEPS)}
        charge = _one({c for c, words in ACCUSATION_WORDS.items() if found & words})
        return charge or code
    if code == "190" and _political_figure_killed(tree, trigger, target):
        return "186"
    if code in SUSPECT_CODES:
        found = _words(tree, trigger, target, _KIND_DEPS | {"acl"})
        if any(tree.tokens[i].lemma in SUSPECT_WORDS for i in found):
            return SUSPECT_CODES[code]
        return code
    if code in BOMBER_CODES:
        return _bombing(tree, clause) or code
    if code in FORCE_CODES:
        return FORCE_CODES[code] if _force(tree, trigger, by_head) == "military" else code
    if code in MILITARY_CODES:
        return MILITARY_CODES[code] if _force(tree, trigger, by_head) == "police" else code
    return code


def _refused_request(tree: Tree, trigger: int) -> tuple[str, int] | None:
    """The refusal code of a rejected request named by a noun, with the noun of the act asked
    for: "rejected calls for aid" (122), "turned down a request for talks" (125)."""
    for obj in tree.children(trigger, *OBJECT_DEPS):
        if tree.tokens[obj].lemma not in REQUEST_NOUNS:
            continue
        # "calls by Greece for aid": the parse may hang "for" on the asker.
        askers = [
            o
            for p in tree.children(obj, "prep")
            if tree.tokens[p].lemma in ("by", "from")
            for o in tree.children(p, "pobj")
        ]
        for head in (obj, *askers):
            for prep in tree.children(head, "prep"):
                if tree.tokens[prep].lemma != "for":
                    continue
                for pobj in tree.children(prep, "pobj"):
                    act = requested_act(tree.tokens[pobj].lemma)
                    refusal = asked_code("120", act) if act is not None else None
                    if refusal is not None:
                        return refusal, pobj
    return None


def _bombing(tree: Tree, clause: int) -> str | None:
    """The bombing code of a clause whose subject is a suicide or car bomber."""
    for subject in tree.children(clause, "nsubj"):
        tok = tree.tokens[subject]
        if tok.lemma != "bomber":
            continue
        kinds = {
            BOMBERS[tree.tokens[c].lemma]
            for c in tree.children(subject, "compound", "amod")
            if tree.tokens[c].lemma in BOMBERS
        }
        return _one(kinds)
    return None


def _political_figure_killed(tree: Tree, trigger: int, target: int | None) -> bool:
    """True for a killing of one person named by a political title ("killed the deputy
    governor", "murdered Mayor Ortiz"); several dead ("killed two officials") are not read as
    an assassination."""
    if target is None or tree.tokens[trigger].lemma not in KILLING_VERBS:
        return False
    tok = tree.tokens[target]
    if tok.tag not in ("NN", "NNP") or tree.children(target, "nummod", "conj"):
        return False
    titles = {tok.lemma} | {tree.tokens[c].lemma for c in tree.children(target, "compound")}
    return bool(titles & POLITICAL_FIGURES)


def _words(tree: Tree, start: int, target: int | None, deps: frozenset[str]) -> set[int]:
    """Tokens reached from ``start`` along ``deps``, leaving out the target's phrase (the
    recipient of "aid to the military government" is not the aid), subjects, names and
    adverbial clauses of time or condition."""
    out: set[int] = set()
    stack = [start]
    while stack:
        i = stack.pop()
        for c in tree.kids[i]:
            tok = tree.tokens[c]
            if tok.dep not in deps or c == target or c in out:
                continue
            if tok.dep == "advcl" and _not_purpose(tree, c):
                continue
            if tok.dep == "prep" and tok.lemma in _TIME_PREPS:
                continue
            out.add(c)
            stack.append(c)
    out.add(start)
    return {i for i in out if tree.tokens[i].pos != "PROPN"}


def _not_purpose(tree: Tree, i: int) -> bool:
    return any(tree.tokens[m].lemma in _NOT_PURPOSE_MARKS for m in tree.children(i, "mark"))


def _kinds(tree: Tree, found: set[int]) -> set[str]:
    """The kinds of aid or cooperation the words name."""
    lemmas = {tree.tokens[i].lemma for i in found} | {tree.tokens[i].text.lower() for i in found}
    return {kind for kind, words in KIND_WORDS.items() if lemmas & words}


def _aims(tree: Tree, found: set[int], *, policy: bool, reform: bool) -> set[str]:
    """The aims the words name: a removal of a leader, a step down, or an aim's own word."""
    aims: set[str] = set()
    for i in found:
        tok = tree.tokens[i]
        if (tok.lemma == "reform" and not reform) or (tok.lemma == "right" and _wing(tree, i)):
            continue
        for aim, words in AIM_WORDS.items():
            if tok.lemma in words and (policy or aim != "2"):
                aims.add(aim)
        if tok.lemma in REMOVAL_WORDS and _of_leader(tree, i):
            aims.add("1")
        if tok.lemma == "step" and any(
            tree.tokens[c].lemma == "down" for c in tree.children(i, "prt", "advmod")
        ):
            aims.add("1")
    return aims


def _wing(tree: Tree, i: int) -> bool:
    """True for the "right" of politics ("right-wing", "the far right"), not of rights."""
    tokens = tree.tokens
    before = tokens[i - 1].text.lower() if i > 0 else ""
    after = tokens[i + 1].text if i + 1 < len(tokens) else ""
    return tokens[i].pos != "NOUN" or before in ("-", "far") or after == "-"


def _of_leader(tree: Tree, i: int) -> bool:
    """True for "removal of the president", "dismissal of Prime Minister X"."""
    for prep in tree.children(i, "prep"):
        if tree.tokens[prep].lemma != "of":
            continue
        for obj in tree.children(prep, "pobj"):
            tok = tree.tokens[obj]
            named = {tree.tokens[c].lemma for c in tree.children(obj, "compound", "appos")}
            if tok.ent == "PERSON" or tok.lemma in LEADER_WORDS or named & LEADER_WORDS:
                return True
    return False


def _force(tree: Tree, trigger: int, by_head: dict[int, Mention]) -> str | None:
    """Whose forces are alerted or mobilised: the object's ("put troops on alert", "deployed
    police"), else the subject's ("police went on alert")."""
    for deps in (("dobj", "obj"), ("nsubj", "nsubjpass")):
        kinds = {
            kind
            for i in tree.children(trigger, *deps)
            for j in tree.conjuncts(i)
            if (kind := _force_of(tree, j, by_head))
        }
        if kinds:
            return _one(kinds)
    return None


def _force_of(tree: Tree, i: int, by_head: dict[int, Mention]) -> str | None:
    tok = tree.tokens[i]
    mention = by_head.get(i)
    sector = mention.actor.sector if mention is not None else None
    if tok.lemma in POLICE_WORDS or sector == "COP":
        return "police"
    armed = tok.lemma == "force" and any(
        tree.tokens[c].lemma in ("armed", "military") for c in tree.children(i, "amod")
    )
    if tok.lemma in MILITARY_WORDS or armed or sector == "MIL":
        return "military"
    return None


def _one(found: set[str]) -> str | None:
    """The one class named, or None when none or several are."""
    return next(iter(found)) if len(found) == 1 else None
