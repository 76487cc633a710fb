"""The pseudo-country of an international organisation on an event: ``IGO`` or ``NGO``.

CAMEO writes an international organisation's code with ``IGO`` or ``NGO`` where a national
actor's code has its country (``IGOUNO``, ``IGOWSTNAT``, ``NGOHRIAMN``), and event data sets
count them that way: who did what to whom by country puts "the UN" under IGO, not under no
country. Inside the pipeline an organisation keeps ``country`` None (it belongs to no state:
the document context must not count it among an article's countries); an event's actor carries
the pseudo-country, so that counts, filters and dyads by country include international actors.
A national NGO keeps its own country (``NGOUSAHRI``: USA) and a bare sector noun ("charities",
code ``NGO``) stays without one: it names no international body.
"""

from __future__ import annotations

from dataclasses import replace

from kipu.records import INTERNATIONAL, Actor


def international_country(actor: Actor | None) -> Actor | None:
    """The actor with its pseudo-country when it is a named international organisation (or one
    of its officials) with no country of its own; any other actor as it is."""
    if actor is None or actor.country is not None or actor.code is None:
        return actor
    prefix = actor.code[:3]
    if prefix not in INTERNATIONAL:
        return actor
    if actor.code == actor.sector and "agent:" in actor.rule.split("; ", 1)[0]:
        return actor  # "aid agencies", "charities": a kind of body, not a named international one
    return replace(actor, country=prefix)
