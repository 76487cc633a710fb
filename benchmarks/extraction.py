"""kipu's extract against trafilatura on the article-extraction benchmark, HTML and scraped text.

    .venv/bin/python benchmarks/extraction.py ../shared/data/article-extraction-benchmark

One run, one process, one core. HTML: trafilatura's default call, trafilatura with
``favor_precision`` and kipu's ``extract`` on each page, with F1 and pages/s. Scraped text: every
page rendered to whole-page text with inscriptis (one block per line, furniture left in, like a
WET record), then no cleaning, the simple rule (keep lines of at least 5 words that end in
sentence punctuation) and kipu's line cleaner, on each page alone and with the lines that pages
of the same site share marked as furniture (``kipu.extract.shared_lines``: 55 of the hosts have
two pages here, 110 pages in all; the time to find the shared lines is added to that row). The
metric is the benchmark's own: 4-word shingles
of ``\\w+`` tokens per page, normalised; precision averaged over pages with output, recall over
all pages, F1 of the two averages. Empty outputs are counted as failures. Needs the ``bench``
extra (inscriptis). ``--limit N`` runs on the first N pages (for development).

``--titles`` reports instead how often the title kipu takes from a page's rendered text names
the same headline as the title it takes from the page's HTML markup (with the site's name taken
off; one contains the other, case and punctuation aside), and how many titles of either kind the
line classifier reads as furniture (there should be none). The benchmark has no titles of its
own; the markup's is the page's declared headline.

Flat memory on a large web archive (writes a ~1 GB WARC of 100,000 HTML records, then streams it
through ``kipu.sources`` and prints the peak RSS after 1,000 records and after all)::

    .venv/bin/python benchmarks/extraction.py --stream-warc /tmp/big.warc
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import re
import resource
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura
from inscriptis import get_text

from kipu.extract import extract
from kipu.extract.shared_lines import mark_site_lines
from kipu.records import Article, Document
from kipu.sources import expand_inputs, read_documents

# The benchmark's metric: word tokens, shingles of four.
_TOKEN = re.compile(r"\w+")
SHINGLE = 4
# The simple rule for scraped text: a line of prose has at least this many words and ends like a
# sentence.
SIMPLE_RULE_MIN_WORDS = 5
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """The 4-word shingles of a text, counted."""
    tokens = _TOKEN.findall(text or "")
    n = max(1, len(tokens) - SHINGLE + 1)
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(n) if tokens[i : i + SHINGLE])


def page_scores(true: str, pred: str) -> tuple[float, float, float]:
    """(tp, fp, fn) of one page over shingles, normalised to sum to 1."""
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def f1(scores: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """(precision, recall, F1): precision over pages with output, recall over all pages."""
    precision = statistics.mean(
        1.0 if fp == fn == 0 else tp / (tp + fp) for tp, fp, fn in scores if tp + fp > 0
    )
    recall = statistics.mean(
        1.0 if fp == fn == 0 else tp / (tp + fn) for tp, fp, fn in scores if tp + fn > 0
    )
    return precision, recall, 2 * precision * recall / (precision + recall)


def _kipu(kind: str) -> Callable[[str], str]:
    def run(content: str) -> str:
        found = extract(Document(input_id="page", kind=kind, content=content))  # type: ignore[arg-type]
        return found.text if isinstance(found, Article) else ""

    return run


def _kipu_with_site(texts: list[str], urls: list[str]) -> tuple[Callable[[str], str], float]:
    """kipu's cleaner given each page's shared lines, and the seconds spent finding them."""
    start = time.perf_counter()
    documents = [
        Document(input_id=str(n), kind="text", content=text, url=url or None)
        for n, (text, url) in enumerate(zip(texts, urls, strict=True))
    ]
    by_text = {d.content: d for d in mark_site_lines(documents)}
    seconds = time.perf_counter() - start

    def run(content: str) -> str:
        found = extract(by_text[content])
        return found.text if isinstance(found, Article) else ""

    return run, seconds


def simple_rule(text: str) -> str:
    """Keep lines of at least 5 words that end in sentence punctuation."""
    keep = [
        line.strip()
        for line in text.splitlines()
        if len(line.split()) >= SIMPLE_RULE_MIN_WORDS and _SENTENCE_END.search(line.strip())
    ]
    return "\n".join(keep)


def render(html: str) -> str:
    """A page as whole-page plain text, one block per line (no main-content detection)."""
    return get_text(html)


HTML_EXTRACTORS: dict[str, Callable[[str], str]] = {
    "trafilatura default": lambda html: trafilatura.extract(html) or "",
    "trafilatura favor_precision": lambda html: (
        trafilatura.extract(html, favor_precision=True) or ""
    ),
    "kipu extract (html)": _kipu("html"),
}
TEXT_CLEANERS: dict[str, Callable[[str], str]] = {
    "no cleaning": lambda text: text,
    "simple rule (>=5 words, sentence end)": simple_rule,
    "kipu extract (text)": _kipu("text"),
}


def measure(
    runs: dict[str, Callable[[str], str]],
    inputs: list[str],
    truths: list[str],
    setup_seconds: dict[str, float] | None = None,
) -> list[dict[str, float | str]]:
    """F1, failures and pages/s of each extractor over the pages.

    The extractors take turns page by page (after one warm-up page each), so that a slower or
    busier stretch of the machine weighs on all of them alike.
    """
    for run in runs.values():
        run(inputs[0])
    outputs: dict[str, list[str]] = {name: [] for name in runs}
    seconds = dict.fromkeys(runs, 0.0)
    for name, extra in (setup_seconds or {}).items():
        seconds[name] += extra
    for content in inputs:
        for name, run in runs.items():
            start = time.perf_counter()
            outputs[name].append(run(content))
            seconds[name] += time.perf_counter() - start
    rows: list[dict[str, float | str]] = []
    for name in runs:
        scores = [page_scores(t, o) for t, o in zip(truths, outputs[name], strict=True)]
        precision, recall, score = f1(scores)
        rows.append(
            {
                "name": name,
                "precision": precision,
                "recall": recall,
                "f1": score,
                "empty": sum(not o.strip() for o in outputs[name]),
                "pages_per_s": len(inputs) / seconds[name],
            }
        )
    return rows


WARC_RECORDS = 100_000  # x ~10 KB each: a ~1 GB archive, the size of a Common Crawl WARC file


def stream_warc(path: Path) -> None:
    """Write a large WARC (if absent) and stream it, printing the peak memory."""
    if not path.exists():
        page = (
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body>"
            + b"<p>The river council met again today to talk about the bridge.</p>" * 150
            + b"</body></html>"
        )
        with path.open("wb") as f:
            for n in range(WARC_RECORDS):
                head = (
                    f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:big-{n}>\r\n"
                    "Content-Type: application/http; msgtype=response\r\n"
                    f"Content-Length: {len(page)}\r\n\r\n"
                ).encode()
                f.write(head + page + b"\r\n\r\n")
    count, early = 0, 0
    for item in expand_inputs([str(path)]):
        for document in read_documents(item):  # type: ignore[arg-type]
            count += isinstance(document, Document)
            if count == 1000:
                early = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    size = path.stat().st_size / 1e9
    print(f"{path}: {size:.2f} GB, {count} documents")
    print(f"peak RSS after 1,000 records: {early / 1024:.0f} MB; after all: {peak / 1024:.0f} MB")


def _folded(title: str | None) -> str:
    return " ".join(_TOKEN.findall((title or "").casefold()))


MIN_TITLE_CHARS = 6  # "News" is no headline to agree on


def titles(pages: list[str], texts: list[str], urls: list[str]) -> None:
    """Text titles that agree with the HTML titles, and titles read as furniture."""
    from kipu.extract.lines import Kind, classify

    agree = furniture = 0
    for page, text, url in zip(pages, texts, urls, strict=True):
        found = [
            extract(Document(input_id="page", kind="html", content=page, url=url or None)),
            extract(Document(input_id="page", kind="text", content=text)),
        ]
        html_title, text_title = (f.title if isinstance(f, Article) else None for f in found)
        a, b = _folded(html_title), _folded(text_title)
        agree += len(b) >= MIN_TITLE_CHARS and (a in b or b in a) and bool(a)
        furniture += sum(
            t is not None and classify(t).kind is Kind.FURNITURE for t in (html_title, text_title)
        )
    print(f"pages: {len(pages)}")
    print(f"text title names the HTML title's headline: {agree} of {len(pages)}")
    print(f"titles read as furniture by the line classifier: {furniture}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--only", choices=("html", "text"), default=None)
    parser.add_argument("--stream-warc", type=Path, default=None)
    parser.add_argument("--titles", action="store_true", help="title agreement, text vs HTML")
    args = parser.parse_args()
    if args.stream_warc:
        stream_warc(args.stream_warc)
        return
    if args.folder is None:
        parser.error("give the benchmark folder (or --stream-warc PATH)")
    for name in ("trafilatura", "htmldate", "courlan"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    truth = json.loads((args.folder / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[: args.limit or None]
    pages = [
        gzip.decompress((args.folder / "html" / f"{k}.html.gz").read_bytes()).decode(
            "utf-8", errors="replace"
        )
        for k in keys
    ]
    truths = [truth[k].get("articleBody", "") for k in keys]
    urls = [truth[k].get("url", "") for k in keys]
    if args.titles:
        titles(pages, [render(p) for p in pages], urls)
        return
    rows = []
    if args.only in (None, "html"):
        rows += [("html", r) for r in measure(HTML_EXTRACTORS, pages, truths)]
    if args.only in (None, "text"):
        texts = [render(p) for p in pages]
        with_site, setup = _kipu_with_site(texts, urls)
        name = "kipu extract (text, site's pages together)"
        cleaners = {**TEXT_CLEANERS, name: with_site}
        rows += [("text", r) for r in measure(cleaners, texts, truths, {name: setup})]
    print(f"pages: {len(pages)}")
    print(f"{'input':<5} {'extractor':<44} {'P':>6} {'R':>6} {'F1':>6} {'empty':>5} {'pages/s':>8}")
    for kind, r in rows:
        print(
            f"{kind:<5} {r['name']:<44} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f}"
            f" {r['empty']:5d} {r['pages_per_s']:8.1f}"
        )


if __name__ == "__main__":
    main()
