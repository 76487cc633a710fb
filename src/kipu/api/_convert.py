"""Store rows as the API's bodies: the event contract plus the marks in its sentence."""

from __future__ import annotations

import math
from functools import cache
from typing import Any

from kipu.records import to_dict
from kipu.store import row_to_event

Row = dict[str, Any]


@cache
def _cameo_names() -> dict[str, str]:
    from kipu.events import load_codebook

    return {code: info.name for code, info in load_codebook().items()}


def _find(sentence: str, text: str | None, *, before: int | None, after: int | None) -> list[int]:
    """Offsets of ``text`` in ``sentence``: the occurrence nearest the trigger on the expected
    side (a source before it, a target after it), else the first; [] when it is not there.

    The store keeps each actor's words, not their offsets, so they are found again here.
    """
    if not text:
        return []
    starts = []
    at = sentence.find(text)
    while at >= 0:
        starts.append(at)
        at = sentence.find(text, at + 1)
    if not starts:
        return []
    chosen = starts[0]
    if before is not None:
        ahead = [s for s in starts if s + len(text) <= before]
        chosen = ahead[-1] if ahead else chosen
    elif after is not None:
        behind = [s for s in starts if s >= after]
        chosen = behind[0] if behind else chosen
    return [chosen, chosen + len(text)]


def event_out(row: Row) -> Row:
    """An events row as an ``EventOut`` body."""
    event = row_to_event(row)
    d = to_dict(event)
    d["span"] = list(event.span)
    d["trigger"] = list(event.trigger) if event.trigger else None
    if d["quantity"] is not None and not math.isfinite(d["quantity"]["amount"]):
        d["quantity"]["amount"] = None
    d["cameo_name"] = _cameo_names().get(event.cameo)
    start = event.span[0]
    trigger = None
    if event.trigger is not None:
        t0, t1 = event.trigger[0] - start, event.trigger[1] - start
        if 0 <= t0 <= t1 <= len(event.sentence):
            trigger = [t0, t1]
    source = _find(
        event.sentence,
        event.source.text if event.source else None,
        before=trigger[0] if trigger else None,
        after=None,
    )
    target = _find(
        event.sentence,
        event.target.text if event.target else None,
        before=None,
        after=trigger[1] if trigger else None,
    )
    d["marks"] = {"trigger": trigger, "source": source or None, "target": target or None}
    return d
