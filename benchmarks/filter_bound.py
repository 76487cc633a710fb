"""How much tighter the sentence filter could be: which of its sentences yield events at all.

    python benchmarks/filter_bound.py CORPUS

CORPUS is what ``benchmarks/prefilter.py`` reads (the Guardian sample's CSV, the
article-extraction benchmark's ground truth, JSON Lines). The articles are coded with every
sentence parsed (``--parse all``), and each sentence of the cheap pass (:mod:`kipu.prefilter`)
is counted by what the filter made of it (codable, kept as another's context, dropped) with
the events found in it (by the offsets of their trigger). Then the same sentences are read
with the parts of speech the tagger gave their words (spaCy's tagger runs before the parser and
the entity recogniser, so a filter could read them at the cost of the tagger alone): a codable
sentence stays codable only if a word that made it so is tagged as the coder reads it, a
trigger as a verb or a noun, a word of saying as a verb (a quotation stays). Prints, for each,
sentences, words and events: the words a filter has to keep for the events it must not lose
bound how much less a pipeline can parse (issue #15: at most 2% of the events lost).
"""

from __future__ import annotations

import bisect
import collections
import sys
import tempfile
from pathlib import Path

from prefilter import records, write_jsonl

from kipu.nlp import _forms, load_model, parse, sketch
from kipu.prefilter import SentenceFilter, Sketch, _any_entry, select
from kipu.records import Event, RunReport, Sentence
from kipu.run._pipeline import PipelineOptions, code_articles, read_articles
from kipu.run._prefilter import sentence_filter
from kipu.sources import expand_inputs

# Parts of speech the event coder reads a trigger as (kipu.events._coder: verbs and event
# nouns; a verb the tagger took for a noun is a noun here too).
TRIGGER_POS = ("VERB", "NOUN")


def tagged_codable(s: Sketch, tokens: list[tuple[str, str, str]], f: SentenceFilter) -> bool:
    """Whether a codable sentence is still codable when its words' parts of speech are read:
    ``tokens`` are (lower-case text, lemma, part of speech) of the words the parse put in it."""
    words = s.lemmas
    if s.quoted and _any_entry(words, f.said, frozenset()):
        return True
    for text, lemma, pos in tokens:
        for first in {text, lemma}:
            if pos in TRIGGER_POS and first in f.entries:
                if _any_entry(words, {first: f.entries[first]}, f.implied):
                    return True
            if pos == "VERB" and first in f.saying:
                if _any_entry(words, f.said, frozenset()):
                    return True
    return False


def main(argv: list[str]) -> int:
    rows = records(Path(argv[0]))
    nlp = load_model()
    f = sentence_filter()
    forms = _forms(nlp, f)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_jsonl(rows, corpus)
        [item] = [i for i in expand_inputs([str(corpus)]) if not hasattr(i, "reason")]
        report = RunReport(run_id="bound", command="bench", kipu_version="", started="")
        articles = list(read_articles(item, None, report))
    coded: dict[str, list[Event]] = {
        a.doc_id: list(ev) for a, ev in code_articles(articles, PipelineOptions(parse="all"))
    }
    count: collections.Counter[tuple[str, str]] = collections.Counter()
    for parsed in parse(articles):
        article = parsed.article
        sketches = sketch(nlp, article.text, forms)
        chosen = select(sketches, f)
        starts = [s.start for s in sketches]
        triggers = [(e.trigger or e.span)[0] for e in coded.get(article.doc_id, [])]
        words: list[list[tuple[str, str, str]]] = [[] for _ in sketches]
        for sentence in parsed.sentences:
            for t in _words(sentence):
                at = bisect.bisect_right(starts, t[0]) - 1
                if at >= 0 and t[0] < sketches[at].end:
                    words[at].append(t[1:])
        for n, s in enumerate(sketches):
            events = sum(1 for start in triggers if s.start <= start < s.end)
            kind = (
                "codable"
                if chosen.codable[n]
                else "context or lead"
                if chosen.keep[n]
                else "dropped"
            )
            classes = [kind]
            if chosen.codable[n]:
                classes.append("  yielding events" if events else "  yielding none")
                classes.append(
                    "  codable by tags" if tagged_codable(s, words[n], f) else "  not by tags"
                )
            for c in classes:
                count[c, "sentences"] += 1
                count[c, "words"] += s.n_words
                count[c, "events"] += events
    total = sum(count[c, "words"] for c in ("codable", "context or lead", "dropped"))
    events = sum(count[c, "events"] for c in ("codable", "context or lead", "dropped"))
    print(f"{len(articles)} articles, {total} words, {events} events with --parse all")
    print(f"{'sentences':>36}{'words':>9}{'share':>8}{'events':>8}")
    for c in (
        "codable",
        "  yielding events",
        "  yielding none",
        "  codable by tags",
        "  not by tags",
        "context or lead",
        "dropped",
    ):
        w = count[c, "words"]
        print(
            f"{c:20}{count[c, 'sentences']:16}{w:9}{w / max(1, total):8.1%}{count[c, 'events']:8}"
        )
    return 0


def _words(sentence: Sentence) -> list[tuple[int, str, str, str]]:
    return [(t.start, t.text.lower(), t.lemma, t.pos) for t in sentence.tokens]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
