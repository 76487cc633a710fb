"""The sentence filter on a corpus: words it parses, events it loses, what the cheap pass costs.

    python benchmarks/prefilter.py ../shared/data/guardian-sample/Guardian_SDF_sample.csv
    python benchmarks/prefilter.py ../shared/data/article-extraction-benchmark/ground-truth.json
    python benchmarks/prefilter.py CORPUS --lost        # and list each event lost or new:
                                                        # its sentence and how its actors read
    python benchmarks/prefilter.py CORPUS --jsonl OUT   # only write the corpus as JSON Lines
                                                        # (id, text, date) for `kipu bench OUT`

Reads the Guardian sample's CSV, the article-extraction benchmark's ground truth (its article
bodies: general news from many sites) or JSON Lines. Codes the articles with every sentence
parsed and with the filter, in one process, and compares the events by document, trigger
offsets, code, source and target codes and negation: events of ``--parse all`` lost with the
filter, and events found only with it. Also prints the share of words in kept sentences (and
in the codable ones among them) and the CPU seconds of the cheap pass (tokenizer, sentencizer,
lemma lookups, selection).
"""

from __future__ import annotations

import collections
import csv
import json
import sys
import tempfile
import time
from pathlib import Path

from kipu.nlp import _forms, load_model, sketch
from kipu.prefilter import select
from kipu.records import RunReport
from kipu.run._pipeline import PipelineOptions, code_articles, read_articles
from kipu.run._prefilter import sentence_filter
from kipu.sources import expand_inputs

csv.field_size_limit(10**9)


def records(path: Path) -> list[dict[str, str]]:
    """The corpus as ``{"id", "text", "date"}`` records."""
    if path.suffix == ".csv":
        with path.open(encoding="utf-8") as f:
            return [{"id": r[""], "text": r["text"], "date": r["date"]} for r in csv.DictReader(f)]
    if path.suffix == ".json":
        truth = json.loads(path.read_text(encoding="utf-8"))
        return [{"id": k, "text": v["articleBody"], "date": ""} for k, v in truth.items()]
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def write_jsonl(rows: list[dict[str, str]], out: Path) -> None:
    with out.open("w", encoding="utf-8") as f:
        for r in rows:
            record = {"id": r["id"], "text": r["text"]} | ({"date": r["date"]} if r["date"] else {})
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


Key = tuple[object, ...]


def code(corpus: Path, mode: str) -> tuple[collections.Counter[Key], dict[Key, str], float]:
    """Event keys of the corpus coded with ``--parse mode``, a line describing each (its
    sentence and its actors' rules), and the seconds it took."""
    report = RunReport(run_id="prefilter", command="bench", kipu_version="", started="")
    [item] = [i for i in expand_inputs([str(corpus)]) if not hasattr(i, "reason")]
    start = time.perf_counter()
    keys: collections.Counter[Key] = collections.Counter()
    lines: dict[Key, str] = {}
    for _, events in code_articles(read_articles(item, None, report), PipelineOptions(parse=mode)):
        for e in events:
            source = e.source.code if e.source else None
            target = e.target.code if e.target else None
            key = (e.doc_id, e.trigger, e.cameo, source, target, e.negated)
            keys[key] += 1
            rules = " | ".join(f"{a.text!r}: {a.rule}" for a in (e.source, e.target) if a)
            lines[key] = f"{e.sentence!r}\n      {rules}"
    return keys, lines, time.perf_counter() - start


def show(title: str, missing: collections.Counter[Key], lines: dict[Key, str]) -> None:
    """Each event of ``missing`` with its sentence and its actors' rules."""
    print(title)
    for key in sorted(missing, key=str):
        doc, trigger, cameo, source, target, negated = key
        print(f"  {doc} {trigger} {cameo} {source} -> {target}{' negated' if negated else ''}")
        print(f"      {lines[key]}")


def kept_share(rows: list[dict[str, str]]) -> tuple[float, float, float]:
    """Share of words in kept sentences, share in codable ones (kept for themselves, not as
    another's context), and CPU seconds of the cheap pass."""
    nlp = load_model()
    f = sentence_filter()
    forms = _forms(nlp, f)
    total = kept = codable = 0
    start = time.process_time()
    for r in rows:
        sketches = sketch(nlp, r["text"], forms)
        chosen = select(sketches, f)
        total += sum(s.n_words for s in sketches)
        kept += sum(s.n_words for s, k in zip(sketches, chosen.keep, strict=True) if k)
        codable += sum(s.n_words for s, c in zip(sketches, chosen.codable, strict=True) if c)
    spent = time.process_time() - start
    return kept / max(1, total), codable / max(1, total), spent


def main(argv: list[str]) -> int:
    rows = records(Path(argv[0]))
    if "--jsonl" in argv:
        write_jsonl(rows, Path(argv[argv.index("--jsonl") + 1]))
        return 0
    share, codable, cpu = kept_share(rows)
    print(f"{len(rows)} documents: {share:.1%} of the words in kept sentences")
    print(f"{codable:.1%} in codable ones, the rest kept as their context")
    print(f"cheap pass: {cpu:.2f} s CPU")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_jsonl(rows, corpus)
        full, full_lines, full_s = code(corpus, "all")
        kept, kept_lines, kept_s = code(corpus, "events")
    n = sum(full.values())
    lost, new = sum((full - kept).values()), sum((kept - full).values())
    print(f"--parse all:    {n} events ({full_s:.1f} s)")
    print(f"--parse events: {sum(kept.values())} events ({kept_s:.1f} s)")
    print(f"lost {lost} of {n} ({lost / max(1, n):.2%}), found only with the filter {new}")
    if "--lost" in argv:
        show("lost with the filter:", full - kept, full_lines)
        show("found only with the filter:", kept - full, kept_lines)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
