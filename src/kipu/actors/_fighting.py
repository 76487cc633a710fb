"""People named by what they fight for: "British nationals fighting with Islamic State", "a
Briton who fights for Isis", "foreign fighters who joined Isis" are the armed group's, not
their nationality's (event data codes fighters by the group they fight for)."""

from __future__ import annotations

from dataclasses import replace

from kipu.actors._one_country import ARMED_SECTORS
from kipu.records import Mention, Token

# Verbs by which people take a group's side, and the prepositions that name the group.
SIDING_VERBS = frozenset({"fight", "serve"})
SIDING_PREPS = frozenset({"with", "for", "alongside"})
JOINING_VERBS = frozenset({"join"})
# People the clause may make a group's: civilians and nationals, unaffiliated fighters.
PEOPLE_SECTORS = frozenset({"CVL", "UAF"})


def fighting_for(
    tokens: tuple[Token, ...], kids: list[list[int]], mentions: list[Mention]
) -> list[Mention]:
    """The mentions, with people whose own clause says which armed group they fight for made
    that group's."""
    by_head = {m.head: m for m in mentions}
    out: list[Mention] = []
    for m in mentions:
        group = (
            _group_fought_for(tokens, kids, m.head, by_head)
            if m.actor.sector in PEOPLE_SECTORS
            else None
        )
        if group is None:
            out.append(m)
            continue
        g = group.actor
        rule = f"{g.rule}; fighting for it: {m.actor.text!r}"
        out.append(replace(m, actor=replace(g, text=m.actor.text, rule=rule)))
    return out


def _group_fought_for(
    tokens: tuple[Token, ...], kids: list[list[int]], h: int, by_head: dict[int, Mention]
) -> Mention | None:
    """The armed group a clause on the people's head says they fight for or joined."""
    for v in kids[h]:
        verb = tokens[v]
        if verb.dep not in ("acl", "relcl"):
            continue
        if verb.lemma in SIDING_VERBS:
            objects = [
                o
                for p in kids[v]
                if tokens[p].dep == "prep" and tokens[p].lemma in SIDING_PREPS
                for o in kids[p]
                if tokens[o].dep == "pobj"
            ]
        elif verb.lemma in JOINING_VERBS:
            objects = [o for o in kids[v] if tokens[o].dep in ("dobj", "obj")]
        else:
            continue
        for o in objects:
            found = by_head.get(o)
            if found is None or found.actor.code is None:
                continue
            # an armed group, or one with no home country (IMG)
            if (found.actor.sector or "") in ARMED_SECTORS or found.actor.code[:3] == "IMG":
                return found
    return None
