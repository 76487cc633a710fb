"""Whose citizen someone stripped of citizenship is.

Only a state can take away its own citizenship: the person whose "British citizenship" is
revoked is a British citizen, and so is the one whose citizenship the British government
revokes. News names such people with no nationality of their own ("Begum was stripped of
her citizenship"), so no dictionary places them; the act itself does.
"""

from __future__ import annotations

from dataclasses import replace

from kipu.events._match import _Match
from kipu.events._tree import Tree
from kipu.events._unresolved import nationality_mention, unresolved_target
from kipu.records import Mention

# The words of an entry that takes away a person's citizenship.
CITIZENSHIP_WORDS = frozenset({"citizenship", "nationality", "passport"})


def citizens(
    tree: Tree, m: _Match, code: str, sources: list[Mention], targets: list[Mention]
) -> list[Mention]:
    """The targets of an act taking away citizenship, placed in the country whose
    citizenship it is: the nationality written on it ("British citizenship"), else the one
    state among the sources. Targets with a country of their own are kept as they are."""
    words = {*m.pattern.words, *(w for _, w in m.pattern.prep_words)}
    if code[:3] != "172" or not CITIZENSHIP_WORDS & words:
        return targets
    if not targets:
        # the one whose citizenship it is, named by no dictionary: the target slot, else the
        # owner of the word ("the citizenship of Anna Varga", "her passport")
        people = [m.target] if m.target is not None else []
        for t in tree.tokens:
            if t.lemma.lower() in CITIZENSHIP_WORDS:
                people += tree.children(t.i, "poss")
                people += [
                    o
                    for p in tree.children(t.i, "prep")
                    if tree.tokens[p].lemma == "of"
                    for o in tree.children(p, "pobj")
                ]
        for i in people:
            found = unresolved_target(tree, i)
            if found is not None:
                targets = [found]
                break
    if not targets or all(t.actor.country is not None for t in targets):
        return targets
    country, why = _whose(tree, m, sources)
    if country is None:
        return targets
    out = []
    for t in targets:
        if t.actor.country is None and t.actor.code is None:
            t = replace(
                t,
                actor=replace(
                    t.actor,
                    code=f"{country}CVL",
                    country=country,
                    sector="CVL",
                    rule=f"{t.actor.rule}; citizen: {why}",
                ),
            )
        out.append(t)
    return out


def _whose(tree: Tree, m: _Match, sources: list[Mention]) -> tuple[str | None, str]:
    """The country whose citizenship the act takes away, and why."""
    words = [t.i for t in tree.tokens if t.lemma.lower() in CITIZENSHIP_WORDS]
    for w in words:
        for c in tree.children(w, "amod", "compound"):
            found = nationality_mention(tree, c)
            if found is not None:
                return found.actor.country, f"{tree.tokens[c].text} {tree.tokens[w].text}"
    states = {s.actor.country for s in sources if s.actor.country}
    if len(states) == 1 and all(s.actor.sector in (None, "GOV", "JUD") for s in sources):
        (state,) = states
        return state, f"the citizenship {state} takes away"
    return None, ""
