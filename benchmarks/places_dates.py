"""Accuracy of event places and dates on kipu's gold sets, and their cost against the parse.

    .venv/bin/python benchmarks/places_dates.py                 # accuracy on tests/eval/*.jsonl
    .venv/bin/python benchmarks/places_dates.py \
        --speed ../shared/data/guardian-sample/Guardian_SDF_sample.csv

Each gold record (format in the first line of tests/eval/places.jsonl) is one short article: its
text, publication date, optional dateline, the word that licenses the event (``trigger``) and the
expected place or date. The record runs through parse → resolve_actors → code_events →
enrich_events; when the coder coded no event on the trigger, a bare event on that word (with the
record's ``modality``, default "actual") is enriched instead, so the number measures places and
dates, not the coder (coverage is printed beside it). A place is right when it is within 50 km of
the gold point, or the same country at country precision, or null when the gold is null; a date
when the day and the precision both match.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path
from typing import Any

from kipu.actors import resolve_actors
from kipu.discourse import resolve_discourse
from kipu.enrich import enrich_events, load_gazetteer
from kipu.enrich._gazetteer import distance_km
from kipu.events import code_events
from kipu.extract import extract
from kipu.ids import make_doc_id
from kipu.nlp import load_model, parse
from kipu.records import Article, Document, Event, Place, Plover, Resolved

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "tests" / "eval"
# The tolerance for a right place: 50 km from the gold point.
MAX_KM = 50.0

csv.field_size_limit(10**9)


def load(path: Path) -> list[dict[str, Any]]:
    """Gold records of a JSONL file (the format record is skipped)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [r for r in rows if "_format" not in r]


def article(record: dict[str, Any]) -> Article:
    """A gold record as an Article."""
    return Article(
        doc_id=make_doc_id(record["text"]),
        input_id="gold",
        url=None,
        title=None,
        published=record.get("published"),
        dateline=record.get("dateline"),
        byline=None,
        language="en",
        text=record["text"],
    )


def bare_event(resolved: Resolved, start: int, end: int, modality: str) -> Event | None:
    """An uncoded event on the trigger word, to enrich when the coder coded none there."""
    for sentence in resolved.parsed.sentences:
        if sentence.start <= start < sentence.end:
            return Event(
                event_id="gold",
                doc_id=resolved.parsed.article.doc_id,
                input_id="gold",
                date=resolved.parsed.article.published,
                source=None,
                target=None,
                cameo="010",
                root="01",
                quad_class=1,
                goldstein=0.0,
                plover=Plover(type=None, mode=None, context=None),
                negated=False,
                modality=modality,
                quantity=None,
                location=None,
                sentence=sentence.text,
                sentence_index=sentence.index,
                span=(sentence.start, sentence.end),
                rule="gold",
                confidence=0.0,
                trigger=(start, end),
            )
    return None


def gold_events(records: list[dict[str, Any]]) -> tuple[list[Event | None], int]:
    """The enriched event on each record's trigger, and how many the coder had coded itself."""
    out: list[Event | None] = []
    n_coded = 0
    for record, parsed in zip(records, parse([article(r) for r in records]), strict=True):
        resolved = resolve_discourse(resolve_actors(parsed))
        start = record["text"].index(record["trigger"])
        end = start + len(record["trigger"])
        coded = [e for e in code_events(resolved) if e.trigger and e.trigger[0] == start]
        if coded:
            n_coded += 1
            event: Event | None = coded[0]
        else:
            event = bare_event(resolved, start, end, record.get("modality", "actual"))
        # enrich_events drops an event whose source held no office on the event's date.
        enriched = enrich_events(resolved, [event]) if event else []
        out.append(enriched[0] if enriched else None)
    return out, n_coded


def place_ok(got: Place | None, gold: dict[str, Any] | None) -> bool:
    """Whether a place matches its gold annotation."""
    if gold is None:
        return got is None
    if got is None or got.lat is None or got.lon is None:
        return False
    if gold.get("precision") == "country":
        return got.country == gold["country"] and got.precision == "country"
    return distance_km(got.lat, got.lon, gold["lat"], gold["lon"]) <= MAX_KM


def _split_scores(kind: str, ok: list[bool], records: list[dict[str, Any]]) -> dict[str, float]:
    """Accuracy and count over all records and over each split (dev, heldout)."""
    scores: dict[str, float] = {
        f"{kind}_accuracy": sum(ok) / len(ok),
        f"{kind}_n": len(ok),
    }
    for split in ("dev", "heldout"):
        picked = [
            good for good, r in zip(ok, records, strict=True) if r.get("split", "dev") == split
        ]
        if picked:
            scores[f"{kind}_{split}_accuracy"] = sum(picked) / len(picked)
            scores[f"{kind}_{split}_n"] = len(picked)
    return scores


def evaluate(verbose: bool) -> dict[str, float]:
    """Place and date accuracy on the gold sets."""
    results: dict[str, float] = {}
    places = load(EVAL / "places.jsonl")
    events, n_coded = gold_events(places)
    ok = [
        place_ok(e.location if e else None, r["place"]) for e, r in zip(events, places, strict=True)
    ]
    results.update(_split_scores("place", ok, places))
    results["place_coded"] = n_coded
    for good, e, r in zip(ok, events, places, strict=True):
        if verbose and not good:
            print(f"PLACE {r['place']} got {e.location if e else None}: {r['text'][:90]}")
    dates = load(EVAL / "dates.jsonl")
    events, n_coded = gold_events(dates)
    ok = [
        e is not None and e.date == r["date"] and e.date_precision == r["precision"]
        for e, r in zip(events, dates, strict=True)
    ]
    results.update(_split_scores("date", ok, dates))
    results["date_coded"] = n_coded
    for good, e, r in zip(ok, events, dates, strict=True):
        if verbose and not good:
            got = (e.date, e.date_precision) if e else None
            print(f"DATE {r['date']} {r['precision']} got {got}: {r['text'][:90]}")
    return results


def speed(path: Path, limit: int | None) -> None:
    """Time of enrich_events against the parse on the same documents, in one run."""
    with path.open(encoding="utf-8") as f:
        docs = [
            Document(
                input_id=f"g{row['']}", kind="text", content=row["text"], published=row["date"]
            )
            for row in csv.DictReader(f)
        ][:limit]
    articles = [a for d in docs if isinstance(a := extract(d), Article)]
    load_model()
    start = time.perf_counter()
    load_gazetteer()
    load_s = time.perf_counter() - start
    start = time.perf_counter()
    parsed = list(parse(articles))
    parse_s = time.perf_counter() - start
    coded = [(r, code_events(r)) for r in (resolve_discourse(resolve_actors(p)) for p in parsed)]
    start = time.perf_counter()
    n_events = n_placed = 0
    for resolved, events in coded:
        enriched = enrich_events(resolved, events)
        n_events += len(enriched)
        n_placed += sum(1 for e in enriched if e.location and e.location.lat is not None)
    enrich_s = time.perf_counter() - start
    print(f"articles: {len(articles)}, events: {n_events}, with a resolved place: {n_placed}")
    print(f"gazetteer load: {load_s:.2f} s (once per process)")
    print(f"parse: {parse_s:.1f} s; places + dates: {enrich_s:.3f} s")
    print(f"ratio places+dates/parse time: {enrich_s / parse_s:.4f}")


def main() -> None:
    """Run the evaluation, and the speed ratio when given the Guardian sample."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--speed", type=Path, help="Guardian sample CSV for the speed ratio")
    ap.add_argument("--limit", type=int, help="only the first N articles (development)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every miss")
    args = ap.parse_args()
    if args.speed:
        speed(args.speed, args.limit)
        return
    results = evaluate(args.verbose)
    for kind in ("place", "date"):
        parts = [f"{kind}s: {results[f'{kind}_accuracy']:.3f} of {results[f'{kind}_n']:.0f}"]
        for split in ("dev", "heldout"):
            if f"{kind}_{split}_n" in results:
                parts.append(
                    f"{split} {results[f'{kind}_{split}_accuracy']:.3f} "
                    f"of {results[f'{kind}_{split}_n']:.0f}"
                )
        parts.append(f"coder coded {results[f'{kind}_coded']:.0f} of the triggers")
        print("; ".join(parts))
    sys.exit(0)


if __name__ == "__main__":
    main()
