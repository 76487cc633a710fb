"""A shard of input turned into coded documents: the unit of work a worker process runs."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from types import FrameType
from typing import Any

import numpy as np
from datasketch import MinHash

from kipu.extract import ExtractOptions, extract
from kipu.extract._budget import REPEAT_SECONDS
from kipu.records import Article, Document, Event, Rejected
from kipu.run._pipeline import PipelineOptions, code_articles

# Documents per shard: one commit to the store each; small enough that a kill loses little work.
SHARD_DOCUMENTS = 64
# A shard is coded in pieces of at most this many documents and (but for one long document)
# characters: the unit a worker takes. Small pieces keep every worker busy to the end of a run
# (a 249-document input is ~30 pieces, not 4 shards) and bound a worker's memory; they are cut
# from the documents alone, so the pieces, their parse batches and every id are the same
# whatever the number of workers.
PIECE_DOCUMENTS = 16
PIECE_CHARS = 50_000
# A document's time budget: far above the ~0.1 s a 1,000-word article takes on one core
# (benchmarks/pipeline.py), low enough that a pathological page cannot stall a worker.
DOC_SECONDS = 30.0
# A document's size budget in characters: spaCy's own max_length default (1,000,000).
DOC_CHARS = 1_000_000
# MinHash permutations: datasketch's default, ~0.09 standard error on the Jaccard estimate.
NUM_PERM = 128
# Word shingles for MinHash: 5-word shingles separate wire copies from topical neighbours.
SHINGLE_WORDS = 5
# Fixed seed so every worker and every run draws the same permutations.
MINHASH_SEED = 1
# datasketch 2.0's default hashing scheme, named so stored signatures stay comparable.
MINHASH_SCHEME = "affine32"


@dataclass(frozen=True, slots=True, kw_only=True)
class Budget:
    """Per-document limits: time in seconds and size in characters."""

    doc_seconds: float = DOC_SECONDS
    doc_chars: int = DOC_CHARS


@dataclass(frozen=True, slots=True, kw_only=True)
class Shard:
    """A slice of one input: its documents (and what the source rejected while reading them)."""

    input_id: str
    input_hash: str
    index: int
    documents: tuple[Document, ...]
    rejected: tuple[Rejected, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ShardJob:
    """A shard with everything a worker needs to code it (picklable)."""

    shard: Shard
    options: PipelineOptions
    budget: Budget
    coder: str = "kipu"  # "kipu" (the real pipeline) or "fake" (kipu.run._fake, for tests)


@dataclass(frozen=True, slots=True, kw_only=True)
class CodedDocument:
    """An article, its events and its MinHash signature."""

    article: Article
    events: tuple[Event, ...]
    minhash: bytes


@dataclass(frozen=True, slots=True, kw_only=True)
class ShardResult:
    """What a shard became: coded documents in input order, and rejections with reasons."""

    shard: Shard
    coded: tuple[CodedDocument, ...]
    rejected: tuple[Rejected, ...]


class _Timeout(BaseException):
    """Raised inside a worker when a document's time budget runs out (a BaseException, so that
    no ``except Exception`` in the stages swallows it)."""


def signature(text: str) -> bytes:
    """The MinHash signature of a text's word shingles, as little-endian uint64 bytes."""
    words = text.casefold().split()
    n = max(1, len(words) - SHINGLE_WORDS + 1)
    shingles = [" ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8") for i in range(n)]
    m = MinHash(
        num_perm=NUM_PERM, seed=MINHASH_SEED, scheme=MINHASH_SCHEME, permutations=_permutations()
    )
    m.update_batch(shingles)
    return np.asarray(m.hashvalues, dtype="<u8").tobytes()


def to_minhash(data: bytes) -> MinHash:
    """A MinHash back from :func:`signature` bytes."""
    values = np.frombuffer(data, dtype="<u8").astype(np.uint64)
    return MinHash(
        num_perm=NUM_PERM,
        seed=MINHASH_SEED,
        hashvalues=values,
        scheme=MINHASH_SCHEME,
        permutations=_permutations(),
    )


@cache
def _permutations() -> Any:
    """The MinHash permutations, drawn once per process (drawing them costs ~1 ms)."""
    return MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED, scheme=MINHASH_SCHEME).permutations


def pieces(job: ShardJob) -> list[ShardJob]:
    """The shard's job cut into consecutive pieces (the source's rejections go with the first)."""
    cuts: list[list[Document]] = [[]]
    size = 0
    for document in job.shard.documents:
        if cuts[-1] and (
            len(cuts[-1]) >= PIECE_DOCUMENTS or size + len(document.content) > PIECE_CHARS
        ):
            cuts.append([])
            size = 0
        cuts[-1].append(document)
        size += len(document.content)
    return [
        replace(
            job,
            shard=replace(
                job.shard, documents=tuple(cut), rejected=job.shard.rejected if i == 0 else ()
            ),
        )
        for i, cut in enumerate(cuts)
    ]


def merge(job: ShardJob, results: list[ShardResult]) -> ShardResult:
    """The result of a whole shard from the results of its pieces, in order."""
    return ShardResult(
        shard=job.shard,
        coded=tuple(c for r in results for c in r.coded),
        rejected=tuple(x for r in results for x in r.rejected),
    )


def run_job(job: ShardJob) -> ShardResult:
    """Code a whole shard in this process, piece by piece (as a pool of workers would)."""
    return merge(job, [run_shard(piece) for piece in pieces(job)])


def run_shard(job: ShardJob) -> ShardResult:
    """Extract and code every document of a shard (or a piece of one) within its budgets; never
    raises for input."""
    shard, budget = job.shard, job.budget
    rejected = list(shard.rejected)
    articles: list[Article] = []
    options = ExtractOptions()
    for document in shard.documents:
        if len(document.content) > budget.doc_chars:
            detail = f"{len(document.content):,} characters, budget {budget.doc_chars:,}"
            rejected.append(_reject(document.input_id, "too_large", detail))
            continue
        article = extract(document, options)
        if isinstance(article, Rejected):
            rejected.append(article)
            continue
        if article.published is None and job.options.date is not None:
            article = replace(article, published=job.options.date)
        articles.append(article)
    coded: list[CodedDocument] = []
    try:
        with _alarm(budget.doc_seconds * max(1, len(articles))):
            pairs = list(_code(articles, job))
    except _Timeout:
        pairs = []
        for article in articles:  # one at a time, to find the slow one(s)
            try:
                with _alarm(budget.doc_seconds):
                    pairs.extend(_code([article], job))
            except _Timeout:
                detail = f"over its {budget.doc_seconds:g} s budget"
                rejected.append(_reject(article.input_id, "timeout", detail))
    for article, events in pairs:
        coded.append(
            CodedDocument(article=article, events=tuple(events), minhash=signature(article.text))
        )
    return ShardResult(shard=shard, coded=tuple(coded), rejected=tuple(rejected))


def _code(articles: list[Article], job: ShardJob) -> Iterator[tuple[Article, list[Event]]]:
    """The chosen coder over articles."""
    if job.coder == "fake":
        from kipu.run._fake import fake_code

        return fake_code(articles)
    return code_articles(articles, job.options)


def _reject(item_id: str, reason: str, detail: str) -> Rejected:
    """A document refused by its budget."""
    return Rejected(item_id=item_id, stage="budget", reason=reason, detail=detail)


class _alarm:  # noqa: N801 - used as a context manager, reads like a function
    """Raise _Timeout after ``seconds`` (main thread on POSIX only; a no-op elsewhere)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.active = hasattr(signal, "setitimer") and (
            threading.current_thread() is threading.main_thread()
        )

    def __enter__(self) -> None:
        if self.active:
            self.previous = signal.signal(signal.SIGALRM, _on_alarm)
            # repeating: an alarm Python ignores (raised in a gc callback) is not the last
            signal.setitimer(signal.ITIMER_REAL, self.seconds, REPEAT_SECONDS)

    def __exit__(self, *exc: object) -> None:
        if self.active:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    """The SIGALRM handler: the budget ran out."""
    raise _Timeout
