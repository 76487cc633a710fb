"""Kept sentences parsed from the cheap pass's tokens, or tokenized again, in one process.

    python benchmarks/tokenize_once.py guardian.jsonl  # JSON Lines: prefilter.py --jsonl

``kipu.nlp.parse`` with the sentence filter builds each run of kept sentences from the tokens the
cheap pass made (``_tokens_of``). "again" replaces that with spaCy's tokenizer on the run's text,
as kipu did before. Both take turns every 32 articles (the order rotated) in one process; prints
the CPU seconds of each and whether every parsed token (text, lemma, tag, dependency, head,
entity, offsets) is the same.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from blas import articles_of

import kipu.nlp as kipu_nlp
from kipu.nlp import load_model, parse
from kipu.run._prefilter import sentence_filter

ONCE = kipu_nlp._tokens_of


def again(nlp: Any, doc: Any, norms: Any, start: int, end: int) -> Any:
    return nlp.make_doc(doc.text[start:end])


def tokens(chunk: list[Any]) -> list[tuple[Any, ...]]:
    return [
        (t.text, t.lemma, t.tag, t.dep, t.head, t.ent, t.start, t.end)
        for p in parse(chunk, keep=sentence_filter())
        for s in p.sentences
        for t in s.tokens
    ]


def main(argv: list[str]) -> int:
    articles = articles_of(Path(argv[0]))
    load_model()
    tokens(articles[:2])  # dictionaries and filter tables loaded before any timing
    configs = {"cheap pass's tokens": ONCE, "tokenized again": again}
    cpu = dict.fromkeys(configs, 0.0)
    out: dict[str, list[tuple[Any, ...]]] = {name: [] for name in configs}
    names = list(configs)
    for k in range(0, len(articles), 32):
        for name in names if (k // 32) % 2 == 0 else names[::-1]:
            kipu_nlp._tokens_of = configs[name]  # type: ignore[assignment]
            start = time.process_time()
            out[name] += tokens(articles[k : k + 32])
            cpu[name] += time.process_time() - start
    kipu_nlp._tokens_of = ONCE  # type: ignore[assignment]
    print(f"{argv[0]}: {len(articles)} articles, {len(out[names[0]])} parsed tokens")
    for name in names:
        print(f"{name:20} CPU {cpu[name]:.2f} s")
    print(f"once/again CPU: {cpu[names[0]] / cpu[names[1]]:.3f}")
    print(f"every token the same: {out[names[0]] == out[names[1]]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
