"""The pipeline over inputs: sources → extract → nlp → actors → events, streamed in batches."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from kipu import __version__
from kipu.actors import ActorOptions, resolve_actors
from kipu.discourse import DiscourseOptions, resolve_discourse
from kipu.enrich import EnrichOptions, enrich_events
from kipu.events import EventOptions, code_events
from kipu.extract import ExtractOptions, extract, with_site_lines
from kipu.nlp import parse
from kipu.records import Article, Document, Event, Rejected, RunReport
from kipu.run._dictionaries import check_dictionaries
from kipu.run._heap import settle
from kipu.run._prefilter import sentence_filter
from kipu.sources import Input, SourceOptions, expand_inputs, read_documents

# Articles parsed together in one nlp.pipe call: large enough for spaCy's batching, small enough
# that `kipu code` streams its first events quickly.
BATCH_SIZE = 32


@dataclass(frozen=True, slots=True, kw_only=True)
class PipelineOptions:
    """What a run needs besides its inputs."""

    date: str | None = None  # publication date for documents that have none (--date)
    model: str | None = None  # a spaCy pipeline name; None tries kipu's defaults
    dictionaries: tuple[str, ...] = ()  # users' extra pattern files
    batch_size: int = BATCH_SIZE
    historical: bool = False  # also code events dated well before their article
    # "events": parse only the sentences that may hold an event (kipu.prefilter); "all": parse
    # every sentence (`--parse all`).
    parse: str = "events"


@dataclass(frozen=True, slots=True)
class Coded:
    """One article and the events coded from it."""

    input: Input
    article: Article
    events: list[Event]


@dataclass(frozen=True, slots=True)
class InputDone:
    """An input read to its end (the store records it in its manifest)."""

    input: Input
    n_documents: int
    n_events: int


@dataclass(slots=True)
class _Counter:
    n_documents: int = 0
    n_events: int = 0


def new_report(command: str) -> RunReport:
    """An empty report for a new run, with a fresh run id."""
    now = datetime.now(UTC)
    return RunReport(
        run_id=f"{now:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}",
        command=command,
        kipu_version=__version__,
        started=now.isoformat(timespec="seconds"),
    )


def _ignore(_: Rejected) -> None:
    return None


def read_articles(
    item: Input,
    date: str | None,
    report: RunReport,
    *,
    on_reject: Callable[[Rejected], None] = _ignore,
    on_warning: Callable[[str, str], None] | None = None,
    on_document: Callable[[Document], None] | None = None,
) -> Iterator[Article]:
    """The articles of one input: read, extracted, counted; rejections reported, never raised.

    ``date`` (``--date``) fills in only what neither the input nor the page says.
    """
    for doc in with_site_lines(read_documents(item, SourceOptions())):
        if isinstance(doc, Rejected):
            report.reject(doc)
            on_reject(doc)
            continue
        report.n_documents += 1
        for warning in doc.warnings:
            report.warn(warning)
            if on_warning is not None:
                on_warning(doc.input_id, warning)
        if on_document is not None:
            on_document(doc)
        article = extract(doc, ExtractOptions())
        if isinstance(article, Rejected):
            report.reject(article)
            on_reject(article)
            continue
        report.n_articles += 1
        if article.published is None and date is not None:
            article = replace(article, published=date)
        yield article


def process(
    specs: Sequence[str],
    options: PipelineOptions,
    report: RunReport,
    *,
    on_reject: Callable[[Rejected], None] = _ignore,
    on_warning: Callable[[str, str], None] | None = None,
    skip_input: Callable[[Input], bool] | None = None,
    known_doc_ids: set[str] | None = None,
) -> Iterator[Coded | InputDone]:
    """Run every stage over the inputs; yields coded articles and a marker at each input's end.

    Rejected items are counted in the report and passed to ``on_reject``; the run goes on.
    Documents whose ``doc_id`` is in ``known_doc_ids`` (or seen earlier in the run) are counted
    as duplicates and not parsed again.
    """
    check_dictionaries(options.dictionaries)
    known = known_doc_ids if known_doc_ids is not None else set()
    for item in expand_inputs(specs):
        if isinstance(item, Rejected):
            report.reject(item)
            on_reject(item)
            continue
        report.n_inputs += 1
        report.inputs.append(item.input_id)
        if skip_input is not None and skip_input(item):
            report.n_inputs_skipped += 1
            continue
        counter = _Counter()
        batch: list[Article] = []
        before = report.n_documents
        for article in read_articles(
            item, options.date, report, on_reject=on_reject, on_warning=on_warning
        ):
            counter.n_documents = report.n_documents - before
            if article.doc_id in known:
                report.n_duplicate += 1
                continue
            known.add(article.doc_id)
            batch.append(article)
            if len(batch) >= options.batch_size:
                yield from _code(item, batch, options, report, counter)
                batch = []
        counter.n_documents = report.n_documents - before
        yield from _code(item, batch, options, report, counter)
        yield InputDone(input=item, n_documents=counter.n_documents, n_events=counter.n_events)


def _code(
    item: Input,
    articles: Iterable[Article],
    options: PipelineOptions,
    report: RunReport,
    counter: _Counter,
) -> Iterator[Coded]:
    for article, events in code_articles(articles, options):
        report.n_events += len(events)
        counter.n_events += len(events)
        for event in events:
            if not event.negated:
                report.events_by_root[event.root] = report.events_by_root.get(event.root, 0) + 1
        yield Coded(input=item, article=article, events=events)


def code_articles(
    articles: Iterable[Article], options: PipelineOptions
) -> Iterator[tuple[Article, list[Event]]]:
    """Parse, resolve actors (in their sentence, then in the article) and code events for
    articles, in order (the one coding path)."""
    # One --dictionary list serves every stage: each reads the files of its own kind.
    actor_options = ActorOptions(dictionaries=options.dictionaries)
    discourse_options = DiscourseOptions(dictionaries=options.dictionaries)
    event_options = EventOptions(dictionaries=options.dictionaries, historical=options.historical)
    enrich_options = EnrichOptions(dictionaries=options.dictionaries)
    keep = sentence_filter(options.dictionaries) if options.parse == "events" else None
    for parsed in parse(articles, model=options.model, keep=keep):
        resolved = resolve_discourse(resolve_actors(parsed, actor_options), discourse_options)
        events = enrich_events(resolved, code_events(resolved, event_options), enrich_options)
        settle()  # (once per process: every table is loaded by now)
        yield parsed.article, events


def finish(report: RunReport) -> RunReport:
    """Stamp the report's end time."""
    report.finished = datetime.now(UTC).isoformat(timespec="seconds")
    return report


def exit_code(report: RunReport) -> int:
    """0 when anything was processed (or was already done), 1 when nothing could be."""
    done = report.n_articles + report.n_inputs_skipped
    return 0 if done > 0 or (report.n_rejected == 0 and report.n_inputs > 0) else 1
