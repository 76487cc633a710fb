"""Parse time versus the whole pipeline on the same documents, in one process.

    python benchmarks/pipeline.py ../shared/data/guardian-sample/Guardian_SDF_sample.csv

Prints words/s for spaCy's parse alone and for kipu's pipeline (extract, parse, actors, events)
and the ratio pipeline/parse. The parse runs first and the model is loaded before timing, so
both runs see a warm model.
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

from kipu.actors import resolve_actors
from kipu.discourse import resolve_discourse
from kipu.events import code_events
from kipu.extract import extract
from kipu.nlp import load_model, parse
from kipu.records import Article, Document

csv.field_size_limit(10**9)


def documents(path: Path) -> list[Document]:
    with path.open(encoding="utf-8") as f:
        return [
            Document(
                input_id=f"g{row['']}", kind="text", content=row["text"], published=row["date"]
            )
            for row in csv.DictReader(f)
        ]


def main(path: Path) -> None:
    docs = documents(path)
    n_words = sum(len(d.content.split()) for d in docs)
    nlp = load_model()
    start = time.perf_counter()
    for _ in nlp.pipe((d.content for d in docs), batch_size=32):
        pass
    parse_s = time.perf_counter() - start

    start = time.perf_counter()
    articles = [a for d in docs if isinstance(a := extract(d), Article)]
    n_events = 0
    for parsed in parse(articles):
        n_events += len(code_events(resolve_discourse(resolve_actors(parsed))))
    pipeline_s = time.perf_counter() - start

    print(f"documents: {len(docs)}, words: {n_words}, events: {n_events}")
    print(f"parse alone: {n_words / parse_s:,.0f} words/s ({parse_s:.1f} s)")
    print(f"pipeline:    {n_words / pipeline_s:,.0f} words/s ({pipeline_s:.1f} s)")
    print(f"ratio pipeline/parse time: {pipeline_s / parse_s:.2f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
