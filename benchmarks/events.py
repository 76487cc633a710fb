"""Event coding: CAMEO manual examples, PETRARCH unit-test records, speed of coding vs parse.

    python benchmarks/events.py cameo        # CAMEO examples: root and full-code accuracy
    python benchmarks/events.py petrarch     # PETRARCH2 unit tests, PETR.Validate.* imported
    python benchmarks/events.py petrarch-causes  # the first cause of each record not exact
    python benchmarks/events.py speed [N]    # Guardian sample (first N articles): stages / parse
    python benchmarks/events.py sample SEED  # 100 random Guardian sentences and their events
    python benchmarks/events.py added BASE [SEED]  # events added/lost vs the kipu tree at BASE

Reads ../shared at run time (nothing is copied); one run each, numbers go to
docs/accuracy-events.md.
"""

from __future__ import annotations

import csv
import json
import random
import re
import sys
import tempfile
import time
from pathlib import Path

from kipu.actors import resolve_actors
from kipu.commands.evaluate import code_gold, gold_articles
from kipu.discourse import resolve_discourse
from kipu.events import GoldItem, code_events, import_discards, import_verbs, read_gold, score
from kipu.extract import extract
from kipu.nlp import load_model, parse
from kipu.records import Article, Document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
csv.field_size_limit(10**9)


def cameo() -> None:
    items = read_gold(str(SHARED / "reference" / "cameo-codes.csv"), "cameo-examples")
    print(json.dumps(score(items, code_gold(items)).as_dict(), indent=2))


def _petrarch_files(folder: Path, tmp: str) -> tuple[str, ...]:
    """The four PETR.Validate.* dictionaries imported into kipu's formats under ``tmp``."""
    from kipu.actors._phoenix import import_dictionary  # the actor stage's PETRARCH reader

    verbs = Path(tmp) / "petr-verbs.tsv"
    verbs.write_text(import_verbs(str(folder / "PETR.Validate.verbs.txt")), encoding="utf-8")
    files = [str(verbs)]
    for name in ("PETR.Validate.actors.txt", "PETR.Validate.agents.txt"):
        out = Path(tmp) / f"{name}.tsv"
        out.write_text(import_dictionary(str(folder / name)).text, encoding="utf-8")
        files.append(str(out))
    discards = Path(tmp) / "petr-discards.tsv"
    discards.write_text(
        import_discards(str(folder / "PETR.Validate.discards.txt")), encoding="utf-8"
    )
    files.append(str(discards))
    return tuple(files)


def petrarch(causes: bool = False) -> None:
    folder = SHARED / "data" / "phoenix-dictionaries"
    items = read_gold(str(folder / "PETR.UnitTest.records.xml"), "petrarch-records")
    with tempfile.TemporaryDirectory() as tmp:
        files = _petrarch_files(folder, tmp)
        if causes:
            _petrarch_causes(items, files)
            _unapplied_options(folder / "PETR.UnitTest.records.xml")
            return
        # Coded as PETRARCH codes them: with the imported dictionaries alone.
        coded = code_gold(items, files, bundled=False)
    print(json.dumps(score(items, coded).as_dict(), indent=2))


def _petrarch_causes(items: list[GoldItem], files: tuple[str, ...]) -> None:
    """The first cause of each record not coded exactly (counts, then the record ids)."""
    from collections import Counter, defaultdict

    from kipu.actors import ActorOptions
    from kipu.discourse import DiscourseOptions
    from kipu.events import EventOptions

    articles = gold_articles(items)
    actor_options = ActorOptions(dictionaries=files, bundled=False)
    discourse_options = DiscourseOptions(dictionaries=files, bundled=False)
    event_options = EventOptions(dictionaries=files, bundled=False)
    counts: Counter[str] = Counter()
    ids: dict[str, list[str]] = defaultdict(list)
    for item, parsed in zip(items, parse(articles), strict=True):
        resolved = resolve_discourse(resolve_actors(parsed, actor_options), discourse_options)
        events = [e for e in code_events(resolved, event_options) if not e.negated]
        codes = {m.actor.code for ms in resolved.mentions for m in ms}
        want = [(g.source, g.cameo, g.target) for g in item.events]
        got = [
            (e.source.code if e.source else None, e.cameo, e.target.code if e.target else None)
            for e in events
        ]
        if score([item], [events]).n_exact:
            cause = "coded exactly"
        elif not want:
            cause = "events where none are expected"
        elif not any(w[0] in codes for w in want):
            cause = "source actor not found or its code wrong"
        elif not got:
            cause = "no event: no entry matched, or the coder abstained"
        elif not any(g[1] in {w[1] for w in want} for g in got):
            cause = "wrong event code"
        elif not any(g[0] == w[0] for g in got for w in want):
            cause = "source code wrong"
        elif not any(g[2] == w[2] for g in got for w in want):
            cause = "target wrong"
        elif len(got) > len(want):
            cause = "extra events"
        else:
            cause = "some expected events missing"
        counts[cause] += 1
        ids[cause].append(item.id)
    for cause, n in counts.most_common():
        print(f"{n:4d}  {cause}")
    for cause, _n in counts.most_common():
        if cause != "coded exactly":
            print(f"\n{cause}: {' '.join(ids[cause])}")


# PETRARCH options the records switch from their defaults ("<Config option=... value=...>"
# between records) that kipu's coding does not apply: targetless events, actors made of
# noun phrases that no dictionary names.
UNAPPLIED = {"require_dyad": "true", "new_actor_length": "0"}


def _unapplied_options(path: Path) -> None:
    """The records coded under a PETRARCH option kipu does not apply (their expectations
    follow that option): the option's value, then the record ids."""
    import xml.etree.ElementTree as ET
    from collections import defaultdict

    state = dict(UNAPPLIED)
    under: dict[str, list[str]] = defaultdict(list)
    for el in ET.parse(path).getroot().iter():
        option = el.get("option")
        if el.tag == "Config" and option in UNAPPLIED:
            state[option] = (el.get("value") or "").lower()
        elif el.tag == "Sentence":
            for option, value in state.items():
                if value != UNAPPLIED[option]:
                    under[f"{option}={value}"].append(el.get("id", ""))
    for setting, ids in under.items():
        print(f"\nunder {setting} (not applied by kipu): {' '.join(ids)}")


# How many times the stages after the parse are timed: the first run also loads the
# dictionaries and warms the caches, once per process; the best run is the per-article cost a
# long ingest pays (the way timeit reports), the first is printed beside it.
STAGE_RUNS = 3


def speed(limit: int | None) -> None:
    path = SHARED / "data" / "guardian-sample" / "Guardian_SDF_sample.csv"
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))[:limit]
    docs = [Document(input_id=f"g{r['']}", kind="text", content=r["text"]) for r in rows]
    articles = [a for d in docs if isinstance(a := extract(d), Article)]
    load_model()
    start = time.perf_counter()
    parsed = list(parse(articles))
    parse_s = time.perf_counter() - start
    runs: list[tuple[float, float, float]] = []
    n_events = 0
    for _ in range(STAGE_RUNS):
        start = time.perf_counter()
        in_sentences = [resolve_actors(p) for p in parsed]
        actors_s = time.perf_counter() - start
        start = time.perf_counter()
        resolved = [resolve_discourse(r) for r in in_sentences]
        discourse_s = time.perf_counter() - start
        start = time.perf_counter()
        n_events = sum(len(code_events(r)) for r in resolved)
        runs.append((actors_s, discourse_s, time.perf_counter() - start))
    actors_s, discourse_s, code_s = (min(r[k] for r in runs) for k in range(3))
    first = sum(runs[0]) / parse_s
    print(
        f"{len(articles)} articles, {n_events} events; parse {parse_s:.1f}s, actors "
        f"{actors_s:.2f}s, discourse {discourse_s:.2f}s, coding {code_s:.2f}s (best of "
        f"{STAGE_RUNS}); actors/parse = {actors_s / parse_s:.3f}, discourse/parse = "
        f"{discourse_s / parse_s:.3f}, coding/parse = {code_s / parse_s:.3f}; all three "
        f"{(actors_s + discourse_s + code_s) / parse_s:.3f} (first run, loading included: "
        f"{first:.3f})"
    )


# Sentences of the sample drawn for the hand check: a naive split, long enough to hold an event.
MIN_CHARS, MAX_CHARS = 40, 400


def sample(seed: int) -> None:
    """Code 100 random sentences (each alone) and print their events for checking by hand."""
    path = SHARED / "data" / "guardian-sample" / "Guardian_SDF_sample.csv"
    sentences: list[tuple[str, int, str]] = []
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            n = 0
            for para in row["text"].split("\n"):
                for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", para.strip()):
                    if MIN_CHARS <= len(s) <= MAX_CHARS:
                        sentences.append((row[""], n, s))
                        n += 1
    random.seed(seed)
    picked = random.sample(sentences, 100)
    items = [GoldItem(id=f"row {r} sentence {n}", text=s, events=()) for r, n, s in picked]
    for item, events in zip(items, code_gold(items), strict=True):
        for e in events:
            src = e.source.code if e.source else None
            tgt = e.target.code if e.target else None
            flag = " negated" if e.negated else ""
            print(f"{item.id}\t{src} {e.cameo} {tgt}{flag}\t{e.rule}\t{item.text}")


# Coding of whole articles by one source tree (run in a child process, so that two trees of
# kipu can be compared in one run): one JSON line per non-negated event.
_CODE_ARTICLES = """
import csv, json, sys
from kipu.actors import resolve_actors
from kipu.events import code_events
from kipu.ids import make_doc_id
from kipu.nlp import parse
from kipu.records import Article
csv.field_size_limit(10**9)
skip = set(json.loads(sys.argv[2]))
rows = [r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")) if r[""] not in skip]
arts = [Article(doc_id=make_doc_id(r["text"]), input_id=r[""], url=None, title=None,
                published=(r.get("date") or "")[:10] or None, dateline=None, byline=None,
                language="en", text=r["text"]) for r in rows]
for p in parse(arts):
    for e in code_events(resolve_actors(p)):
        if not e.negated:
            print(json.dumps([p.article.input_id, e.sentence_index, e.cameo,
                              e.source.code if e.source else None,
                              e.target.code if e.target else None, e.rule, e.sentence]))
"""


def added(base: str, seed: int, n: int = 40) -> None:
    """Events this tree codes on whole Guardian sample articles outside the development set
    (their dates set, so time scope applies) that the kipu tree at BASE (a folder holding its
    ``kipu`` package) does not; a random draw of ``n`` of them, and of those lost, to check
    by hand."""
    import os
    import subprocess

    sample = SHARED / "data" / "guardian-sample" / "Guardian_SDF_sample.csv"
    gold = SHARED / "data" / "guardian-gold" / "gold.jsonl"
    skip = json.dumps([json.loads(line)["id"] for line in gold.read_text().splitlines()])
    here = str(Path(__file__).resolve().parents[1] / "src")

    def run(tree: str) -> dict[tuple[str, ...], list[str]]:
        env = {**os.environ, "PYTHONPATH": tree}
        cmd = [sys.executable, "-c", _CODE_ARTICLES, str(sample), skip]
        out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
        rows = [json.loads(line) for line in out.splitlines()]
        return {tuple(map(str, r[:5])): r for r in rows}

    now, before = run(here), run(base)
    new = sorted(set(now) - set(before))
    gone = sorted(set(before) - set(now))
    print(f"{len(now)} events now, {len(before)} at {base}: {len(new)} added, {len(gone)} lost")
    random.seed(seed)
    for name, keys, rows in (("ADDED", new, now), ("LOST", gone, before)):
        for k in sorted(random.sample(keys, min(n, len(keys)))):
            doc, _, code, src, tgt, rule, sentence = rows[k]
            print(f"{name}\t{doc}\t{src} {code} {tgt}\t{rule[-60:]}\t{sentence[:240]}")


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else "cameo"
    if what == "cameo":
        cameo()
    elif what == "petrarch":
        petrarch()
    elif what == "petrarch-causes":
        petrarch(causes=True)
    elif what == "sample":
        sample(int(sys.argv[2]) if len(sys.argv) > 2 else 6)
    elif what == "added":
        added(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 41)
    else:
        speed(int(sys.argv[2]) if len(sys.argv) > 2 else None)
