"""The events of a coded match: one per pair of actors that is not refused (``_pair_refused``),
with its rule (``_rule``), confidence, identifier and the quantity its clause names."""

from __future__ import annotations

from kipu.events._act import _Act
from kipu.events._amounts import count_in_clause, money_in_clause
from kipu.events._imported import reversed_event
from kipu.events._match import _Match
from kipu.events._mentions import _same
from kipu.events._one_sided import OneSided
from kipu.events._patterns import Pattern
from kipu.events._tree import Tree
from kipu.events.codebook import code_info, foreign_code_info, load_codebook
from kipu.ids import make_id
from kipu.records import Actor, Event, Mention, Plover, Sentence

# Sectors of armed actors: when both sides of a "meeting" are armed, it is an encounter in the
# field, not a consultation (read from Guardian output: "SDF troops met Syrian government forces").
ARMED = frozenset({"MIL", "REB", "INS", "UAF"})


def _emit(
    m: _Match,
    act: _Act,
    pairs: list[tuple[Mention | None, Mention | None]],
    targets: list[Mention],
    one_sided: OneSided | None,
    source_heads: list[int],
    sentence: Sentence,
    tree: Tree,
    doc_id: str,
    input_id: str,
    date: str | None,
    why: list[str],
) -> list[Event]:
    """One event per pair of actors that is not refused, with its rule, confidence and the
    quantity its clause names (money, or a count of people); the reverse events of an entry
    that codes both directions. ``why`` gets the reasons when no pair gives an event."""
    code, mood = act.code, act.mood
    info = code_info(code) if code in load_codebook() else foreign_code_info(code)
    quantity = money_in_clause(tree, m.clause, m.trigger, info.root) or count_in_clause(
        tree, m.clause, m.trigger, info.root, source_heads
    )
    rule = _rule(m, act, one_sided)
    events: list[Event] = []
    refused: list[str] = []
    for source, target in pairs:
        s_actor = source.actor if source is not None else None
        t_actor = target.actor if target is not None else None
        reason = _pair_refused(code, m.pattern, s_actor, t_actor)
        if reason is not None:
            refused.append(reason)
            continue
        confidence = 0.5
        if t_actor is not None:
            confidence += 0.2
        if s_actor is not None and s_actor.country and (t_actor is None or t_actor.country):
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
                    s_actor.code if s_actor is not None else None,
                    source.head if source is not None else None,
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
                one_sided=one_sided is not None,
            )
        )
    if not events:
        why.append("; ".join(dict.fromkeys(refused)) or "no pair of actors")
    if m.pattern.reverse is not None and targets:
        # (Conjoined subjects paired with one another have each direction already.)
        events += [reversed_event(e, m.pattern.reverse) for e in events if e.target is not None]
    return events


def _rule(m: _Match, act: _Act, one_sided: OneSided | None) -> str:
    """The event's rule: the entry, then what changed its code (the act refused or asked for,
    the words that name it, the sense or mood of its clause), a negation, a one-sided doer."""
    code, mood, base, refusal, sensed = act.code, act.mood, act.base, act.refusal, act.sensed
    rule = f"{m.pattern.where} {m.pattern.code} '{m.pattern.text}'"
    if refusal is not None:
        about = f" of {m.asked.code} '{m.asked.text}'" if m.asked is not None else ""
        rule += f" → {code} ({mood.via}{about})"
    elif base != m.pattern.code and m.asked is not None:
        rule += f" → {base} (about {m.asked.code} '{m.asked.text}')"
    elif base != m.pattern.code:
        rule += f" → {base} (named by its words)"
    if sensed is not None:
        rule += f" → {code} ({sensed})"
    elif code != base:
        rule += f" → {code} ({mood.modality}: {mood.via})"
    if mood.negated:
        rule += f" negated ({mood.via})"
    if one_sided is not None:
        rule += f"; one-sided: {one_sided.form}"
    return rule


def _pair_refused(code: str, pattern: Pattern, s: Actor | None, t: Actor | None) -> str | None:
    """Why a source-target pair gives no event (None when it gives one)."""
    if t is None or s is None:
        return None
    if _same(s, t):
        return "source and target are the same actor"
    if pattern.where == "coder" and t.sector is None and t.country == s.country:
        # "Germany must be able to ...", said the German minister: no demand
        return "a demand on the speaker's own country"
    if code[:2] == "04" and {s.sector, t.sector} <= ARMED:
        return "two armed sides meeting: an encounter, not a consultation"
    if code.startswith("087") and (t.code or "").startswith("IGO") and s.sector not in ARMED:
        return "leaving an organisation is no military retreat"  # "the UK withdrew from the EU"
    return None
