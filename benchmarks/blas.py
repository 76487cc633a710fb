"""spaCy's parse with thinc's blis products (as spaCy ships it) and with numpy's (as kipu runs it).

    python benchmarks/blas.py aeb.jsonl        # JSON Lines from benchmarks/prefilter.py --jsonl
    python benchmarks/blas.py guardian.jsonl

Loads the English pipeline twice in one process: as spaCy loads it, and with
``kipu.nlp.multiply_with_numpy`` (numpy's BLAS on one thread, ``one_blas_thread``). Both parse
every article whole, in kipu's batches, taking turns every 32 articles (the order rotated), so
that both see the same load of a shared machine; each component of each pipeline is timed on its
own. Prints the CPU seconds of each component and of the whole parse for both, the ratio, the
spaCy version, and how many tokens differ in text, tag, dependency label, head, entity or lemma
(0 means the two parse alike).
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import spacy

from kipu.extract import extract
from kipu.nlp import batches, load_spacy, multiply_with_numpy, one_blas_thread
from kipu.records import Article, Rejected
from kipu.sources import SourceOptions, expand_inputs, read_documents


def articles_of(path: Path) -> list[Article]:
    out: list[Article] = []
    for item in expand_inputs([str(path)]):
        if not isinstance(item, Rejected):
            for d in read_documents(item, SourceOptions()):
                if not isinstance(d, Rejected) and isinstance(a := extract(d), Article):
                    out.append(a)
    return out


def parse(nlp: Any, chunk: list[Article], cpu: dict[str, float]) -> list[tuple[Any, ...]]:
    """Parse a chunk component by component, adding each one's CPU seconds to ``cpu``; the
    tokens as tuples."""
    tokens: list[tuple[Any, ...]] = []
    with one_blas_thread():
        for batch in batches(chunk):
            docs = [nlp.make_doc(a.text) for a in batch]
            for name, component in nlp.pipeline:
                start = time.process_time()
                docs = list(component.pipe(docs, batch_size=len(docs)))
                cpu[name] += time.process_time() - start
            for doc in docs:
                tokens += [(t.text, t.tag_, t.dep_, t.head.i, t.ent_type_, t.lemma_) for t in doc]
    return tokens


def main(argv: list[str]) -> int:
    articles = articles_of(Path(argv[0]))
    n_words = sum(len(a.text.split()) for a in articles)
    shipped = load_spacy()
    numpy_ = load_spacy()
    multiply_with_numpy(numpy_)
    configs = {"blis (as shipped)": shipped, "numpy (kipu)": numpy_}
    cpu: dict[str, dict[str, float]] = {name: defaultdict(float) for name in configs}
    tokens: dict[str, list[tuple[Any, ...]]] = {name: [] for name in configs}
    for nlp in configs.values():  # first calls (allocations, caches) before any timing
        parse(nlp, articles[:2], defaultdict(float))
    names = list(configs)
    for k in range(0, len(articles), 32):
        chunk = articles[k : k + 32]
        for name in names if (k // 32) % 2 == 0 else names[::-1]:
            tokens[name] += parse(configs[name], chunk, cpu[name])
    print(f"spaCy {spacy.__version__}; {argv[0]}: {len(articles)} articles, {n_words} words")
    components = [name for name, _ in shipped.pipeline]
    print(f"{'CPU s':18}" + "".join(f"{c:>16}" for c in components) + f"{'whole':>10}")
    for name in names:
        row = "".join(f"{cpu[name][c]:16.2f}" for c in components)
        print(f"{name:18}{row}{sum(cpu[name].values()):10.2f}")
    ratio = sum(cpu[names[1]].values()) / sum(cpu[names[0]].values())
    print(f"numpy/blis CPU, whole parse: {ratio:.3f}")
    a, b = tokens[names[0]], tokens[names[1]]
    differ = sum(x != y for x, y in zip(a, b, strict=True))
    print(f"tokens {len(a)}, differing {differ}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
