"""Ingest: the pipeline into a store, idempotent and resumable by input."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from kipu.records import Article, Event, Rejected, RunReport
from kipu.run._pipeline import Coded, InputDone, PipelineOptions, finish, process
from kipu.store import ManifestEntry, StoreWriter

# Documents buffered before a part is written inside one large input (a big JSONL file).
PART_DOCUMENTS = 1000


def ingest(
    specs: Sequence[str],
    store: str | Path,
    options: PipelineOptions,
    report: RunReport,
    *,
    on_reject: Callable[[Rejected], None],
    on_warning: Callable[[str, str], None] | None = None,
    on_progress: Callable[[RunReport], None] | None = None,
) -> RunReport:
    """Run the pipeline over the inputs and write new documents and events to the store.

    Inputs already in the manifest are skipped; documents already stored are counted as
    duplicates. Parts are written through the store's staging folder and each input is recorded
    in the manifest only after its parts are in place, so an interrupted run resumes cleanly.
    """
    with StoreWriter.open(store, run_id=report.run_id) as writer:
        completed = writer.completed_inputs()
        known = writer.known_doc_ids()
        articles: list[Article] = []
        events: list[Event] = []
        for item in process(
            specs,
            options,
            report,
            on_reject=on_reject,
            on_warning=on_warning,
            skip_input=lambda inp: inp.content_hash in completed,
            known_doc_ids=known,
        ):
            if isinstance(item, Coded):
                articles.append(item.article)
                events.extend(item.events)
                report.n_new += 1
                if len(articles) >= PART_DOCUMENTS:
                    writer.write(articles, events, [])
                    articles, events = [], []
            elif isinstance(item, InputDone):
                entry = ManifestEntry(
                    input_hash=item.input.content_hash,
                    input_id=item.input.input_id,
                    n_documents=item.n_documents,
                    n_events=item.n_events,
                    run_id=report.run_id,
                    completed=_now(),
                )
                writer.write(articles, events, [entry])
                completed.add(item.input.content_hash)
                articles, events = [], []
            if on_progress is not None:
                on_progress(report)
        writer.write_report(finish(report))
    return report


def _now() -> str:
    from datetime import UTC, datetime

    return datetime.now(UTC).isoformat(timespec="seconds")
