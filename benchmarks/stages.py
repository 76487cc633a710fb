"""CPU seconds of each of kipu's own stages inside the pipeline, and what is left (spaCy).

    python benchmarks/stages.py guardian.jsonl [--parse events|all]

The input is anything ``kipu code`` reads (JSON Lines from ``benchmarks/prefilter.py --jsonl``,
say). The articles are extracted first; then the pipeline (``code_articles``, the one coding
path) runs once over them in this process with each stage's function wrapped to add up the CPU
it takes: the tokenizer's first pass (``nlp._learn``), the cheap pass (``nlp._sketches``),
building the kept runs (``nlp._tokens_of``), the remembered attribute ruler, the lemmatizer,
making records (``nlp.to_sentences``), actors, discourse, events and places and dates. What is
left of the total is spaCy's models (and the glue between the stages). The garbage collector's
CPU during the pipeline is printed apart (it runs inside the stages, counted in their times).
Extraction is timed apart, over the same documents. Stage times are CPU seconds of one run:
compare two trees by running each in turn, more than once (the machine's speed drifts).
"""

from __future__ import annotations

import argparse
import functools
import gc
import time
from collections.abc import Callable
from typing import Any

import kipu._attributes as attributes_module
import kipu._lemmas as lemmas_module
import kipu.nlp as nlp_module
import kipu.run._pipeline as pipeline_module
from kipu.extract import extract
from kipu.nlp import batches, load_model
from kipu.records import Article, Rejected
from kipu.run import PipelineOptions
from kipu.sources import SourceOptions, expand_inputs, read_documents

SPENT: dict[str, float] = {}


def timed(label: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            SPENT[label] = SPENT.get(label, 0.0) + time.process_time() - start

    return wrapper


class Collections:
    """CPU seconds the garbage collector takes, and its collections of each generation."""

    def __init__(self) -> None:
        self.spent = 0.0
        self.counts = [0, 0, 0]
        self._start = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.process_time()
        else:
            self.spent += time.process_time() - self._start
            self.counts[info["generation"]] += 1


def wrap_stages() -> None:
    for name in ("resolve_actors", "resolve_discourse", "code_events", "enrich_events"):
        setattr(pipeline_module, name, timed(name, getattr(pipeline_module, name)))
    for name, label in (
        ("_learn", "tokenizer (first articles)"),
        ("_sketches", "cheap pass"),
        ("_sketch_doc", "cheap pass"),
        ("_tokens_of", "kept runs"),
        ("to_sentences", "records"),
    ):
        setattr(nlp_module, name, timed(label, getattr(nlp_module, name)))
    lemmas_module.lemmatize_all = timed("lemmatizer", lemmas_module.lemmatize_all)
    apply = attributes_module.Attributes.apply
    attributes_module.Attributes.apply = timed("attribute ruler", apply)  # type: ignore[method-assign]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--parse", choices=("events", "all"), default="events")
    args = parser.parse_args()
    documents = []
    for item in expand_inputs([args.path]):
        if not isinstance(item, Rejected):
            documents += [
                d for d in read_documents(item, SourceOptions()) if not isinstance(d, Rejected)
            ]
    load_model()
    start = time.process_time()
    articles = [a for d in documents if isinstance(a := extract(d), Article)]
    extraction = time.process_time() - start
    wrap_stages()
    n_events = 0
    collections = Collections()
    gc.callbacks.append(collections)
    start = time.process_time()
    for batch in batches(articles):
        for _, events in pipeline_module.code_articles(batch, PipelineOptions(parse=args.parse)):
            n_events += len(events)
    total = time.process_time() - start
    gc.callbacks.remove(collections)
    print(f"articles {len(articles)}, events {n_events}, --parse {args.parse}")
    print(f"extraction (apart)          {extraction:6.2f} s")
    print(f"pipeline after extraction   {total:6.2f} s")
    for label, spent in sorted(SPENT.items(), key=lambda item: -item[1]):
        print(f"  {label:26s}{spent:6.2f} s")
    print(f"  {'spaCy models and the rest':26s}{total - sum(SPENT.values()):6.2f} s")
    young, middle, full = collections.counts
    print(
        f"garbage collection (inside the above) {collections.spent:6.2f} s "
        f"({young} young, {middle} middle, {full} full collections)"
    )


if __name__ == "__main__":
    main()
