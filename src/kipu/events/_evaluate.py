"""Score coded events against a gold file: kipu's JSONL, CAMEO's examples, PETRARCH's records.

kipu's gold format is JSON Lines, one item a line::

    {"id": "g1", "text": "Peru condemned Chile's air strikes.", "date": "2024-03-14",
     "events": [{"source": "PER", "cameo": "111", "target": "CHL"}]}

``text`` is a sentence or a whole document; ``events`` lists every event a coder should find
(``[]`` when it should find none); ``source`` and ``target`` are CAMEO actor codes or null when the
gold does not say (null matches any actor). ``negated`` events are never expected.
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kipu.errors import KipuError
from kipu.records import Event

FORMATS = ("kipu", "cameo-examples", "petrarch-records")


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldEvent:
    """One expected event; None for an actor the gold leaves open."""

    source: str | None
    cameo: str
    target: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldItem:
    """A sentence or document with the events it should give."""

    id: str
    text: str
    events: tuple[GoldEvent, ...]
    date: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Scores:
    """How coded events compare with the gold, over all items."""

    n_items: int
    n_gold: int  # expected events
    n_coded: int  # coded events (not negated)
    n_matched_gold: int  # expected events some coded event matches
    n_matched_coded: int  # coded events that match some expected event
    n_no_event: int  # items with expected events that got no event at all
    n_root_right: int  # items with expected events where a coded event has an expected root
    n_code_right: int  # ... an expected full code
    n_exact: int  # items whose coded events are exactly the expected ones
    n_with_gold: int  # items with at least one expected event

    @property
    def precision(self) -> float:
        return self.n_matched_coded / self.n_coded if self.n_coded else 0.0

    @property
    def recall(self) -> float:
        return self.n_matched_gold / self.n_gold if self.n_gold else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """The scores as JSON-ready numbers (shares rounded to three places)."""
        w = self.n_with_gold or 1
        return {
            "items": self.n_items,
            "expected_events": self.n_gold,
            "coded_events": self.n_coded,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "root_accuracy": round(self.n_root_right / w, 3),
            "code_accuracy": round(self.n_code_right / w, 3),
            "exact_share": round(self.n_exact / (self.n_items or 1), 3),
            "items_without_event": self.n_no_event,
        }


def read_gold(path: str, fmt: str = "kipu") -> list[GoldItem]:
    """Read a gold file in one of ``FORMATS``; raises KipuError naming the file on bad input."""
    if fmt not in FORMATS:
        raise KipuError(f"{fmt!r} is not a gold format; choose {', '.join(FORMATS)}")
    try:
        raw = Path(path).read_bytes()
    except OSError as e:
        raise KipuError(f"{path}: cannot read gold file: {e.strerror}") from e
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # the CAMEO table is in Windows-1252
    if fmt == "kipu":
        return _read_kipu(text, path)
    if fmt == "cameo-examples":
        return _read_cameo_examples(unmangle(text))
    return _read_petrarch(text, path)


def _read_kipu(text: str, path: str) -> list[GoldItem]:
    items: list[GoldItem] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            body = d.get("text") or d.get("sentence") or ""
            events = tuple(
                GoldEvent(source=e.get("source"), cameo=str(e["cameo"]), target=e.get("target"))
                for e in d.get("events", [])
            )
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as e:
            raise KipuError(f"{path}:{lineno}: not a gold item ({e})") from None
        if not body:
            raise KipuError(f"{path}:{lineno}: gold item has no 'text'")
        items.append(
            GoldItem(id=str(d.get("id", lineno)), text=body, events=events, date=d.get("date"))
        )
    return items


def unmangle(text: str) -> str:
    """Undo UTF-8 read as Mac Roman, the double encoding of the CAMEO table's punctuation
    ("Turkey‚Äôs" is "Turkey’s"), which breaks possessives in the parse. Written here
    rather than taking ftfy as a dependency: it is this one known encoding of one table, and a run
    of non-ASCII characters is changed only when it decodes cleanly."""

    def fix(run: re.Match[str]) -> str:
        try:
            return run.group().encode("mac_roman").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return run.group()

    return re.sub(r"[^\x00-\x7f]+", fix, text)


def _read_cameo_examples(text: str) -> list[GoldItem]:
    """The CAMEO codebook's example sentences (``cameo-codes.csv``: columns code, example)."""
    items: list[GoldItem] = []
    for row in csv.DictReader(text.splitlines()):
        example = (row.get("example") or "").strip()
        code = (row.get("code") or "").strip()
        if not example or example == "NA" or not code:
            continue
        items.append(
            GoldItem(
                id=code, text=example, events=(GoldEvent(source=None, cameo=code, target=None),)
            )
        )
    return items


def _read_petrarch(text: str, path: str) -> list[GoldItem]:
    """PETRARCH's unit-test records: ``<Sentence>`` with ``<EventCoding>`` and ``<Text>``."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as e:
        raise KipuError(f"{path}: not PETRARCH XML ({e})") from None
    items: list[GoldItem] = []
    for s in root.iter("Sentence"):
        body = " ".join((s.findtext("Text") or "").split())
        if not body:
            continue
        events = tuple(
            GoldEvent(
                source=_petrarch_actor(c.get("sourcecode")),
                cameo=c.get("eventcode", ""),
                target=_petrarch_actor(c.get("targetcode")),
            )
            for c in s.iter("EventCoding")
            if c.get("eventcode")
        )
        date = s.get("date")
        iso = f"{date[:4]}-{date[4:6]}-{date[6:8]}" if date and len(date) == 8 else None
        items.append(GoldItem(id=s.get("id", ""), text=body, events=events, date=iso))
    return items


def _petrarch_actor(code: str | None) -> str | None:
    """A PETRARCH actor code in kipu's notation: "---GOV" (no country found) is kipu's "GOV";
    a bare "---" (no actor at all) stays as written."""
    if code and code.startswith("---") and len(code) > 3:
        return code[3:]
    return code


def _matches(gold: GoldEvent, event: Event) -> bool:
    if event.cameo != gold.cameo:
        return False
    src = event.source.code if event.source else None
    tgt = event.target.code if event.target else None
    return (gold.source is None or gold.source == src) and (
        gold.target is None or gold.target == tgt
    )


def score(items: Sequence[GoldItem], coded: Sequence[Sequence[Event]]) -> Scores:
    """Compare each item's coded events (negated ones left out) with its expected events."""
    n = dict.fromkeys("gold coded mg mc none root code exact withgold".split(), 0)
    for item, events in zip(items, coded, strict=True):
        actual = [e for e in events if not e.negated]
        n["gold"] += len(item.events)
        n["coded"] += len(actual)
        matched_gold = [g for g in item.events if any(_matches(g, e) for e in actual)]
        matched_coded = [e for e in actual if any(_matches(g, e) for g in item.events)]
        n["mg"] += len(matched_gold)
        n["mc"] += len(matched_coded)
        if len(matched_gold) == len(item.events) and len(matched_coded) == len(actual):
            n["exact"] += 1
        if item.events:
            n["withgold"] += 1
            if not actual:
                n["none"] += 1
            roots = {g.cameo[:2] for g in item.events}
            codes = {g.cameo for g in item.events}
            n["root"] += any(e.cameo[:2] in roots for e in actual)
            n["code"] += any(e.cameo in codes for e in actual)
    return Scores(
        n_items=len(items),
        n_gold=n["gold"],
        n_coded=n["coded"],
        n_matched_gold=n["mg"],
        n_matched_coded=n["mc"],
        n_no_event=n["none"],
        n_root_right=n["root"],
        n_code_right=n["code"],
        n_exact=n["exact"],
        n_with_gold=n["withgold"],
    )
