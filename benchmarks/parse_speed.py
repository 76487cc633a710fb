"""spaCy's lemmatizer and attribute ruler as shipped ("before") and as kipu runs them ("after").

    python benchmarks/parse_speed.py aeb.jsonl   # JSON Lines from benchmarks/prefilter.py --jsonl

Times what ``kipu bench`` times (spaCy's parse alone, the pipeline with ``--parse events`` and
with ``--parse all``) with the lemmatizer's word index as the lists spaCy ships and the
attribute ruler run by spaCy ("before"), and with the index as sets and the ruler's attributes
remembered (``kipu._attributes``, "after"). The configurations take turns batch by batch (32
documents, the order rotated) in one process, so that all see the same load of a shared machine;
each keeps its own lemmatizer cache, as its own process would. Prints words/s, CPU seconds,
events and the speed of each pipeline over the parse alone, and whether the events are the same.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import kipu.nlp as kipu_nlp
from kipu.extract import extract
from kipu.nlp import batches, load_model
from kipu.records import Article, Rejected
from kipu.run import PipelineOptions
from kipu.run._pipeline import code_articles
from kipu.sources import SourceOptions, expand_inputs, read_documents

CONFIGS = [("spacy", "parse"), ("before", "events"), ("before", "all")]
CONFIGS += [("after", "events"), ("after", "all")]


def main(argv: list[str]) -> int:
    docs: list[Any] = []
    for item in expand_inputs([str(Path(argv[0]))]):
        if not isinstance(item, Rejected):
            read = read_documents(item, SourceOptions())
            docs += [d for d in read if not isinstance(d, Rejected)]
    nlp = load_model()
    lemmatizer = nlp.get_pipe("lemmatizer")
    table = lemmatizer.lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    sets = {k: frozenset(v) for k, v in table.items()}
    lists = {k: sorted(v) for k, v in table.items()}
    caches: dict[tuple[str, str], dict[Any, Any]] = {}

    def use(config: tuple[str, str]) -> None:
        shipped = config[0] in ("before", "spacy")
        for k in sets:
            table[k] = lists[k] if shipped else sets[k]
        kipu_nlp.AFTER_RULER = () if shipped else ("lemmatizer", "ner")  # () runs spaCy whole
        lemmatizer.cache = caches.setdefault(config, {})  # type: ignore[attr-defined]

    articles = [a for d in docs if isinstance(a := extract(d), Article)]
    n_words = sum(len(a.text.split()) for a in articles)
    for config in CONFIGS[1:]:  # dictionaries, filter tables: loaded before any timing
        use(config)
        list(code_articles(articles[:2], PipelineOptions(parse=config[1])))
    caches.clear()
    chunks = [docs[i : i + 32] for i in range(0, len(docs), 32)]

    def run(config: tuple[str, str], chunk: list[Any]) -> list[tuple[Any, ...]]:
        chunk_articles = [a for d in chunk if isinstance(a := extract(d), Article)]
        if config[1] == "parse":
            for batch in batches(chunk_articles):
                for _ in nlp.pipe((a.text for a in batch), batch_size=len(batch)):
                    pass
            return []
        coded = code_articles(chunk_articles, PipelineOptions(parse=config[1]))
        return [
            (a.doc_id, e.trigger, e.cameo, e.source and e.source.code, e.target and e.target.code)
            for a, events in coded
            for e in events
        ]

    wall = dict.fromkeys(CONFIGS, 0.0)
    cpu = dict.fromkeys(CONFIGS, 0.0)
    events: dict[tuple[str, str], list[tuple[Any, ...]]] = {c: [] for c in CONFIGS}
    for k, chunk in enumerate(chunks):
        order = CONFIGS[k % len(CONFIGS) :] + CONFIGS[: k % len(CONFIGS)]
        for config in order[::-1] if k % 2 else order:
            use(config)
            w, c = time.perf_counter(), time.process_time()
            events[config] += run(config, chunk)
            wall[config] += time.perf_counter() - w
            cpu[config] += time.process_time() - c
    parse = ("spacy", "parse")
    print(f"{argv[0]}: {len(articles)} articles, {n_words} words")
    print(f"spaCy parse alone: {n_words / wall[parse]:,.0f} words/s (CPU {cpu[parse]:.1f} s)")
    for config in CONFIGS[1:]:
        print(
            f"{config[0]:6} --parse {config[1]:6}: {n_words / wall[config]:,.0f} words/s "
            f"(CPU {cpu[config]:.1f} s), {len(events[config])} events, pipeline/parse "
            f"{wall[parse] / wall[config]:.2f} (CPU {cpu[parse] / cpu[config]:.2f})"
        )
    for mode in ("events", "all"):
        ratio = cpu[("after", mode)] / cpu[("before", mode)]
        print(f"after/before CPU, --parse {mode}: {ratio:.3f}")
    same = all(events[("before", m)] == events[("after", m)] for m in ("events", "all"))
    print(f"events the same before and after: {same}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
