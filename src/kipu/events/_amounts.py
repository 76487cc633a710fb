"""Attach amounts to events: money in the event's own clause, and counts of the killed,
wounded, arrested, troops and crowds from the parse ("killing 23 people" → 23 killed).

The amounts themselves are parsed by ``kipu.enrich.quantities``; which amount belongs to which
event is decided here, on the dependency parse.
"""

from __future__ import annotations

from kipu.enrich.quantities import count_quantity, parse_quantity
from kipu.events._tree import CLAUSE_DEPS, OBJECT_DEPS, Tree
from kipu.records import Quantity

# Roots to which a money amount in the clause belongs (aid, cooperation, concessions, intents).
MONEY_ROOTS = frozenset({"03", "06", "07", "08", "16"})

# Counted quantities: verbs whose object (or passive subject) is counted, and the unit it gets.
# "killing 23 people" → 23 killed; "230 protesters were arrested" → 230 arrested.
COUNT_VERBS = {
    "kill": "killed",
    "massacre": "killed",
    "slay": "killed",
    "execute": "killed",
    "wound": "wounded",
    "injure": "wounded",
    "arrest": "arrested",
    "detain": "arrested",
}

# Most specific unit first: an event with a death toll carries it rather than an arrest count.
COUNT_ORDER = ("killed", "wounded", "arrested", "troops", "people")

# Nouns counted as troops ("deployed 3,000 troops") and as people in a crowd ("5,000 protesters").
TROOP_NOUNS = frozenset("troop soldier marine paratrooper serviceman personnel".split())

CROWD_NOUNS = frozenset("protester demonstrator marcher people supporter student worker".split())

# Roots whose events carry counts: protest, posture, coercion (arrests), assault, fight, mass
# violence; and deployments of troops coded as aid or cooperation (07, 06).
COUNT_ROOTS = frozenset({"06", "07", "14", "15", "17", "18", "19", "20"})


def money_in_clause(tree: Tree, clause: int, trigger: int, root: str) -> Quantity | None:
    """A money amount in the event's own clause (not in a nested clause), objects first."""
    if root not in MONEY_ROOTS:
        return None
    tokens = tree.tokens
    scope = tree.subtree(clause, stop=CLAUSE_DEPS)
    if trigger != clause:
        scope = sorted(set(scope) | set(tree.subtree(trigger, stop=CLAUSE_DEPS)))
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


def _number_text(tree: Tree, head: int) -> str | None:
    """The count of a noun phrase ("at least 12 people" → "at least 12"), or None."""
    tok = tree.tokens[head]
    if tok.pos == "NUM":
        nums = [head]
    else:
        nums = [c for c in tree.children(head, "nummod") if tree.tokens[c].pos == "NUM"]
        if not nums:
            return None
    span = sorted(set(tree.subtree(nums[0])) - {head})
    if tok.pos == "NUM":
        span = sorted(set(tree.subtree(head, stop=frozenset({"prep", "relcl", "acl"}))))
    if not span:
        return None
    words = tree.tokens[span[0] : span[-1] + 1]
    return " ".join(w.text for w in words)


def _counted(tree: Tree, verb: int) -> str | None:
    """The count of a counting verb's object ("killing 23 people", "five were wounded")."""
    objects = tree.children(verb, "nsubjpass") or tree.children(verb, *OBJECT_DEPS)
    for o in objects:
        text = _number_text(tree, o)
        if text is not None:
            return text
    return None


def count_in_clause(
    tree: Tree, clause: int, trigger: int, root: str, source_heads: list[int]
) -> Quantity | None:
    """Casualties, arrests, troops or crowd size stated in the event's own clause."""
    if root not in COUNT_ROOTS:
        return None
    tokens = tree.tokens
    # The clause, the counting clauses hanging on it ("shelled X, killing 12") and the clause
    # it hangs on ("five soldiers were killed when rebels attacked").
    verbs = [clause, trigger]
    for c in tree.children(clause, "advcl", "conj"):
        verbs.append(c)
        verbs.extend(tree.children(c, "conj"))
    if tokens[clause].dep in ("advcl", "conj") and tokens[clause].head != clause:
        verbs.append(tokens[clause].head)
    found: dict[str, Quantity] = {}
    for v in dict.fromkeys(verbs):
        unit = COUNT_VERBS.get(tokens[v].lemma)
        if unit is None or tokens[v].pos != "VERB" or unit in found:
            continue
        text = _counted(tree, v)
        q = count_quantity(text, unit) if text else None
        if q is not None:
            found[unit] = q
    for o in tree.children(trigger, *OBJECT_DEPS):
        if tokens[o].lemma in TROOP_NOUNS and "troops" not in found:
            text = _number_text(tree, o)
            q = count_quantity(text, "troops") if text else None
            if q is not None:
                found["troops"] = q
    if root == "14":
        for s in source_heads:
            if tokens[s].lemma in CROWD_NOUNS:
                text = _number_text(tree, s)
                q = count_quantity(text, "people") if text else None
                if q is not None:
                    found["people"] = q
                    break
    for unit in COUNT_ORDER:
        if unit in found:
            return found[unit]
    return None
