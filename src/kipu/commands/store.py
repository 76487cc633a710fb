"""Store commands: `kipu ingest`, `events`, `export`, `compact`, `doctor` and `bench`."""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from typing import Annotated, Any

import typer

from kipu.commands._options import HistoricalCodeOpt, ParseOpt, PathsArg, StoreOpt
from kipu.records import RunReport

SideOpt = Annotated[
    str,
    typer.Option("--side", help="Where --actor/--country/--sector match: source, target, either."),
]


def register(app: typer.Typer) -> None:
    """Add the store commands to the app."""
    app.command("ingest")(ingest_cmd)
    app.command("events")(events_cmd)
    app.command("export")(export_cmd)
    app.command("compact")(compact_cmd)
    app.command("doctor")(doctor_cmd)
    app.command("bench")(bench_cmd)


def ingest_cmd(
    paths: PathsArg = None,
    store: StoreOpt = None,
    date: Annotated[
        str | None,
        typer.Option("--date", help="Publication date (YYYY-MM-DD) for inputs that have none."),
    ] = None,
    dictionary: Annotated[
        list[str] | None,
        typer.Option(
            "--dictionary", help="Extra event pattern file in kipu's format (repeatable)."
        ),
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", "-j", min=1, help="Worker processes (1: in this process).")
    ] = 1,
    shard_size: Annotated[
        int, typer.Option("--shard-size", min=1, help="Documents per shard (one commit each).")
    ] = 64,
    doc_seconds: Annotated[
        float, typer.Option("--doc-seconds", min=0.01, help="Time budget of one document.")
    ] = 30.0,
    doc_chars: Annotated[
        int, typer.Option("--doc-chars", min=1, help="Size budget of one document, characters.")
    ] = 1_000_000,
    near_duplicate: Annotated[
        float,
        typer.Option(
            "--near-duplicate",
            min=0.0,
            max=1.0,
            help="Jaccard threshold for near-duplicates (MinHash/LSH); 0 turns the check off.",
        ),
    ] = 0.8,
    historical: HistoricalCodeOpt = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run report as JSON.")] = False,
    parse: ParseOpt = "events",
    engine: Annotated[
        str,
        typer.Option(
            "--engine",
            help="local: a pool of --workers processes on this machine; ray: Ray Data on a "
            "Ray cluster (--address; pip install 'kipu[ray]'), --workers coding actors.",
        ),
    ] = "local",
    address: Annotated[
        str | None,
        typer.Option("--address", help="The Ray cluster to use (default: start a local one)."),
    ] = None,
) -> None:
    """Run the pipeline into a store: documents and events as Parquet parts, plus a run report.

    Input is cut into shards (--shard-size documents of one file); each shard is committed
    whole. Idempotent and resumable: after Ctrl-C or a crash, the same command again skips what
    is stored and ends with exactly the rows of one uninterrupted run. Near-duplicates (wire
    copies) are stored with dup_of and their events count as mentions of the original's.

    Example: kipu ingest corpus/ --store kipu-data --workers 4
    """
    from kipu.cli import _err, _guard, _on_reject, _on_warning, _options, _paths, _store
    from kipu.run import Budget, IngestOptions, ingest, new_report
    from kipu.run._pipeline import exit_code

    specs = _paths(paths)
    if engine not in ("local", "ray"):
        raise typer.BadParameter(f"{engine!r}: choose local or ray", param_hint="--engine")
    if address is not None and engine != "ray":
        raise typer.BadParameter("--address needs --engine ray", param_hint="--address")
    with _guard():
        options = _options(date, dictionary, historical, parse)
        settings = IngestOptions(
            engine=engine,
            address=address,
            workers=workers,
            shard_documents=shard_size,
            budget=Budget(doc_seconds=doc_seconds, doc_chars=doc_chars),
            near_duplicate_threshold=near_duplicate or None,
        )
        report = new_report("ingest")
        target = _store(store)
        progress = _progress(specs)
        try:
            ingest(
                specs,
                target,
                options,
                report,
                on_reject=_on_reject,
                on_warning=_on_warning,
                on_progress=progress,
                settings=settings,
            )
        finally:
            if progress is not None:
                progress(None)
        if as_json:
            typer.echo(json.dumps(asdict(report), ensure_ascii=False, indent=2))
        else:
            for line in summary_lines(report, target):
                _err(line)
    raise typer.Exit(exit_code(report))


def summary_lines(report: RunReport, store: str) -> list[str]:
    """The end-of-ingest summary: read, new, duplicates, failed by reason, events by root."""
    near = report.n_near_duplicate
    rejected = ", ".join(f"{k} {v}" for k, v in sorted(report.rejected.items())) or "none"
    roots = ", ".join(f"{k}: {v}" for k, v in sorted(report.events_by_root.items())) or "none"
    return [
        f"{report.n_inputs} inputs ({report.n_inputs_skipped} already stored), "
        f"{report.n_documents} documents read into {store}",
        f"new {report.n_new - near}, duplicate {report.n_duplicate}, near-duplicate {near}, "
        f"failed {report.n_rejected} ({rejected})",
        f"{report.n_events} events; by root: {roots}",
    ]


def _total_documents(specs: list[str]) -> int | None:
    """How many documents the inputs hold, when that is cheap to know (for the ETA): one per HTML
    or text file, one per line of JSON Lines (gzipped or not). None when an input is stdin, a
    web archive or of a kind only its content tells."""
    total = 0
    for path in _input_files(specs):
        count = None if path is None else _count_documents(path)
        if count is None:
            return None
        total += count
    return total


def _input_files(specs: list[str]) -> Iterator[str | None]:
    """The files the specs name, as the sources stage expands them (None for stdin)."""
    import glob

    from kipu.sources._paths import GLOB_CHARS, STDIN, is_known_file

    for spec in specs:
        if spec == STDIN:
            yield None
            continue
        if os.path.lexists(spec):
            matches = [spec]
        elif GLOB_CHARS.isdisjoint(spec):
            continue  # names nothing: the run rejects it
        else:
            matches = glob.glob(spec, recursive=True)
        for match in matches:
            if not os.path.isdir(match):
                yield match
                continue
            for root, dirs, files in os.walk(match):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                yield from (os.path.join(root, f) for f in files if is_known_file(f))


def _count_documents(path: str) -> int | None:
    """Documents in one file by its name: 1 for HTML or text, its lines for JSON Lines."""
    import gzip

    name = path.lower().removesuffix(".gz")
    if name.endswith((".html", ".htm", ".txt")):
        return 1
    if not name.endswith((".jsonl", ".ndjson")):
        return None
    try:
        with gzip.open(path) if path.lower().endswith(".gz") else open(path, "rb") as f:
            return sum(1 for line in f if line.strip())
    except (OSError, EOFError):
        return None  # unreadable or broken: the run reports it; the bar goes without a total


def _eta(total: int | None, done: int, rate: float) -> str:
    """ ", about N min left" for a log line, when the total is known and documents are flowing."""
    if total is None or rate <= 0 or done >= total:
        return ""
    return f", about {max(1, round((total - done) / rate / 60))} min left"


def _progress(specs: list[str]) -> Callable[[RunReport | None], None] | None:
    """A rich progress bar on a terminal (documents/s, events/s, ETA); plain lines otherwise."""
    from kipu.cli import _err, _state

    if _state["quiet"]:
        return None
    started = time.monotonic()
    total = _total_documents(specs)
    if not sys.stderr.isatty():
        last = [0.0]

        def log(report: RunReport | None) -> None:
            now = time.monotonic()
            if report is None or now - last[0] < 10:
                return
            last[0] = now
            rate = report.n_documents / max(now - started, 1e-9)
            _err(
                f"{report.n_documents} documents, {report.n_events} events, {rate:.1f} docs/s"
                + _eta(total, report.n_documents, rate)
            )

        return log
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(
        TextColumn("{task.completed} docs"),
        BarColumn(),
        TextColumn("{task.fields[rates]}"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = bar.add_task("ingest", total=total, rates="")
    bar.start()

    def update(report: RunReport | None) -> None:
        if report is None:
            bar.stop()
            return
        seconds = max(time.monotonic() - started, 1e-9)
        rates = (
            f"{report.n_documents / seconds:.1f} docs/s, {report.n_events / seconds:.1f} events/s"
        )
        bar.update(task, completed=report.n_documents, rates=rates)

    return update


def _query(**kwargs: Any) -> Any:
    from kipu.errors import StoreError
    from kipu.store import EventQuery

    try:
        return EventQuery(**kwargs)
    except TypeError as e:  # pragma: no cover - a programming error
        raise StoreError(str(e)) from e


Opt = typer.Option
OneSidedOpt = Annotated[
    bool,
    Opt(
        "--one-sided/--no-one-sided",
        help="Keep events whose text names no perpetrator ('was arrested': null or implied "
        "source); --no-one-sided leaves them out.",
    ),
]
HistoricalOpt = Annotated[
    bool,
    Opt(
        "--historical/--no-historical",
        help="Keep events dated well before their article (stored by an ingest with "
        "--historical); --no-historical leaves them out.",
    ),
]


def events_cmd(
    store: StoreOpt = None,
    actor: Annotated[str | None, Opt(help="Actor code prefix or country (USA, PERGOV).")] = None,
    country: Annotated[str | None, Opt(help="Actor country, alpha-3 (PER).")] = None,
    sector: Annotated[str | None, Opt(help="Actor sector (GOV, MIL, REB ...).")] = None,
    side: SideOpt = "either",
    dyad: Annotated[str | None, Opt(help="SOURCE-TARGET, codes or countries (USA-PER).")] = None,
    root: Annotated[str | None, Opt(help="CAMEO root, two digits (04 consult, 19 fight).")] = None,
    cameo: Annotated[str | None, Opt("--code", "--cameo", help="CAMEO code or prefix.")] = None,
    plover: Annotated[str | None, Opt(help="PLOVER event type (CONSULT, ASSAULT ...).")] = None,
    quad: Annotated[int | None, Opt("--quad", min=1, max=4, help="QuadClass 1-4.")] = None,
    since: Annotated[str | None, Opt("--since", help="From this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, Opt("--until", help="Up to this date (YYYY-MM-DD).")] = None,
    place: Annotated[str | None, Opt(help="Words of the event's place name.")] = None,
    place_country: Annotated[str | None, Opt(help="Country of the event's place.")] = None,
    words: Annotated[str | None, Opt("--words", help="Words the sentence must contain.")] = None,
    one_sided: OneSidedOpt = True,
    historical: HistoricalOpt = True,
    clusters: Annotated[
        bool, Opt("--clusters", help="One row per event cluster, with mentions and sources.")
    ] = False,
    limit: Annotated[int | None, Opt(min=0, help="At most this many rows.")] = None,
    as_json: Annotated[bool, Opt("--json", help="JSON Lines in the event contract.")] = False,
    as_csv: Annotated[bool, Opt("--csv", help="CSV with flat columns.")] = False,
) -> None:
    """Query the events in a store (through DuckDB); works while an ingest runs.

    Example: kipu events --country PER --side target --root 19 --since 2019-01-01 --json
    """
    from kipu.cli import _guard, _store
    from kipu.store._export import _event_dict, _write_csv
    from kipu.store._query import query_rows

    with _guard():
        query = _query(
            actor=actor,
            country=country,
            sector=sector,
            side=side,
            dyad=dyad,
            root=root,
            cameo=cameo,
            plover=plover,
            quad_class=quad,
            date_from=since,
            date_to=until,
            place=place,
            place_country=place_country,
            words=words,
            include_one_sided=one_sided,
            include_historical=historical,
            limit=limit,
        )
        names, rows = query_rows(_store(store), query, clusters=clusters)
        records = [dict(zip(names, row, strict=True)) for row in rows]
        out = sys.stdout
        if as_json:
            for r in records:
                d = _event_dict(r)
                if clusters:
                    d.update({k: r[k] for k in ("num_mentions", "num_sources", "num_articles")})
                out.write(json.dumps(d, ensure_ascii=False) + "\n")
        elif as_csv:
            _write_csv(records, out)
        else:
            _table(records, clusters)
        out.flush()


def _table(records: list[dict[str, Any]], clusters: bool) -> None:
    """Events as a rich table on stdout."""
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    columns = ["date", "source", "cameo", "target", "quantity", "sentence"]
    if clusters:
        columns.insert(4, "mentions")
    for col in columns:
        table.add_column(col, overflow="fold")
    for r in records:
        marks = (
            (" (neg)" if r["negated"] else "")
            + (" intent" if r["modality"] == "intent" else "")
            + (" one-sided" if r.get("one_sided") else "")
            + (" historical" if r.get("historical") else "")
        )
        cells = [
            r["date"] or "",
            _actor(r, "source"),
            r["cameo"] + marks,
            _actor(r, "target"),
            r["quantity_text"] or "",
            (r["sentence"] or "")[:160],
        ]
        if clusters:
            cells.insert(4, f"{r['num_mentions']} ({r['num_sources']} sources)")
        table.add_row(*cells)
    Console(markup=False, highlight=False).print(table)


def _actor(r: dict[str, Any], side: str) -> str:
    code = r[f"{side}_code"]
    text = r[f"{side}_name"] or r[f"{side}_text"]
    if code is None and text is None:
        return ""
    return f"{code or '?'} ({text})"


def export_cmd(
    fmt: Annotated[
        str, Opt("--format", "-f", help="parquet, csv, jsonl, gdelt (TSV, 61 columns) or plover.")
    ],
    output: Annotated[
        str, Opt("--output", "-o", help="File (folder for parquet) to write; - for stdout.")
    ],
    store: StoreOpt = None,
    actor: Annotated[str | None, Opt(help="Actor code prefix or country.")] = None,
    root: Annotated[str | None, Opt(help="CAMEO root.")] = None,
    since: Annotated[str | None, Opt("--since", help="From this date.")] = None,
    until: Annotated[str | None, Opt("--until", help="Up to this date.")] = None,
    one_sided: OneSidedOpt = True,
    historical: HistoricalOpt = True,
) -> None:
    """Export the store's events; the file appears under its name only when complete.

    gdelt writes one row per event cluster (GDELT 2.0's 61 columns, places in FIPS 10-4);
    plover writes PLOVER JSON Lines with kipu's quantity as an extension; parquet writes a
    folder partitioned by year and month (readable by DuckDB, pandas, polars).

    Example: kipu export --format gdelt -o events.tsv
    """
    from kipu.cli import _err, _guard, _store
    from kipu.store._export import FORMATS, export_events, write_stream

    if fmt not in FORMATS:
        raise typer.BadParameter(
            f"{fmt!r}: choose one of {', '.join(FORMATS)}", param_hint="--format"
        )
    with _guard():
        query = _query(
            actor=actor,
            root=root,
            date_from=since,
            date_to=until,
            include_one_sided=one_sided,
            include_historical=historical,
        )
        if output == "-":
            n = write_stream(_store(store), fmt, sys.stdout, query)
            sys.stdout.flush()
        else:
            n = export_events(_store(store), fmt, output, query)
        _err(f"exported {n} {'clusters' if fmt == 'gdelt' else 'events'} as {fmt} to {output}")


def compact_cmd(
    store: StoreOpt = None,
    drop_unreadable: Annotated[
        bool,
        Opt("--drop-unreadable", help="Drop parts that cannot be read (rerun the ingest after)."),
    ] = False,
) -> None:
    """Merge small parts into one per table and drop duplicate ids (takes the writer's lock)."""
    from kipu.cli import _err, _guard, _store
    from kipu.run import new_report
    from kipu.store._maintain import compact

    with _guard():
        result = compact(
            _store(store), run_id=new_report("compact").run_id, drop_unreadable=drop_unreadable
        )
        dropped = sum(result.dropped.values())
        _err(
            f"compacted {_store(store)}: {result.parts_before} parts -> {result.parts_after}, "
            f"{dropped} duplicate rows dropped, {len(result.unreadable)} unreadable parts dropped"
        )


def doctor_cmd(store: StoreOpt = None) -> None:
    """Check a store: unreadable or missing parts, duplicates, leftovers; say how to fix them."""
    from kipu.cli import _guard, _store
    from kipu.store._maintain import doctor

    with _guard():
        problems = doctor(_store(store))
        for p in problems:
            typer.echo(f"{p.kind}: {p.detail}; fix: {p.fix}")
        if not problems:
            typer.echo(f"{_store(store)}: ok")
    raise typer.Exit(1 if any(p.kind not in _HARMLESS for p in problems) else 0)


# Findings that the next write repairs by itself: reported, but the store is usable.
_HARMLESS = ("uncommitted_part", "staging_leftovers", "stale_lock", "duplicate_ids")
# The --parse modes `kipu bench` times against the parse alone, in this order.
_BENCH_MODES = ("events", "all")


def bench_cmd(
    paths: PathsArg = None,
    repeat: Annotated[
        int,
        Opt(
            "--repeat",
            min=1,
            help="Time each this many times, taking turns; the speeds printed last are the "
            "median of the rounds'.",
        ),
    ] = 1,
) -> None:
    """Time spaCy's parse alone and kipu's whole pipeline on the same documents, in one process.

    The parse alone is spaCy's pipeline as spaCy loads it, on every word. The pipeline
    (extract, sentence filter, parse, actors, events, places and dates) runs twice: with --parse
    events (the default: only the sentences that may hold an event are parsed) and with --parse
    all. The three take turns batch by batch (the batches kipu's parse uses), so that a machine
    whose speed drifts during the run slows each of them alike. Each pipeline keeps a lemmatizer
    cache of its own, empty when a round starts, as in a fresh process, and the parse alone has
    a pipeline of its own (kipu's changes to spaCy's lemmatizer and attribute ruler count as the
    pipeline's). Prints words/s of each (words of the whole documents, parsed or not) and the
    CPU seconds this process spent; the last line is the speed of each pipeline over the parse
    alone (words/s ÷ words/s: above 1.00, the pipeline is faster than parsing everything). With
    --repeat N the whole is timed N times, each round's speeds printed, and the times and speeds
    printed last are the median of the rounds'.
    """
    from kipu.cli import _guard, _paths
    from kipu.extract import extract
    from kipu.nlp import batches, load_model, load_spacy
    from kipu.records import Article, Rejected
    from kipu.run import PipelineOptions
    from kipu.run._pipeline import code_articles
    from kipu.sources import SourceOptions, expand_inputs, read_documents

    specs = _paths(paths)
    with _guard():
        documents = []
        for item in expand_inputs(specs):
            if isinstance(item, Rejected):
                continue
            documents += [
                d for d in read_documents(item, SourceOptions()) if not isinstance(d, Rejected)
            ]
        nlp = load_spacy()
        model = load_model()  # loaded before it is timed, as the parse alone's
        found = [(d, a) for d in documents if isinstance(a := extract(d), Article)]
        source = {id(a): d for d, a in found}  # each article's document, extracted again
        articles = [a for _, a in found]
        n_words = sum(len(a.text.split()) for a in articles)
        if not n_words:
            typer.echo("kipu: no text to measure", err=True)
            raise typer.Exit(1)
        rounds: list[dict[str, dict[str, float]]] = []
        n_events: dict[str, int] = {}
        caches: dict[str, dict[Any, Any]] = {mode: {} for mode in _BENCH_MODES}
        for number in range(1, repeat + 1):
            _cold(nlp)
            for cache in caches.values():
                cache.clear()
            times = {name: {"wall": 0.0, "cpu": 0.0} for name in ("parse", *_BENCH_MODES)}
            n_events = dict.fromkeys(_BENCH_MODES, 0)
            for batch in batches(articles):  # the batches kipu's own parse uses
                with _timer() as t:
                    for _ in nlp.pipe((a.text for a in batch), batch_size=len(batch)):
                        pass
                _add(times["parse"], t)
                for mode in _BENCH_MODES:
                    with _lemmatizer_cache(model, caches[mode]), _timer() as t:
                        again = [extract(source[id(a)]) for a in batch]
                        coded = code_articles(
                            [a for a in again if isinstance(a, Article)],
                            PipelineOptions(parse=mode),
                        )
                        n_events[mode] += sum(len(events) for _, events in coded)
                    _add(times[mode], t)
            rounds.append(times)
            if repeat > 1:
                typer.echo(f"round {number}: {_speeds([times])}")
        median = {
            name: {k: statistics.median(r[name][k] for r in rounds) for k in ("wall", "cpu")}
            for name in ("parse", *_BENCH_MODES)
        }
        of = f" (median of {repeat})" if repeat > 1 else ""
        typer.echo(f"documents {len(documents)}, words {n_words}")
        typer.echo(f"parse alone:               {_rate(n_words, median['parse'])}{of}")
        for mode in _BENCH_MODES:
            label = f"pipeline, --parse {mode}:"
            rate = _rate(n_words, median[mode])
            typer.echo(f"{label:<27}{rate}, {n_events[mode]} events{of}")
        rounds_of = f" (median of {repeat} rounds)" if repeat > 1 else ""
        typer.echo(f"speed pipeline/parse: {_speeds(rounds)}{rounds_of}")


def _add(total: dict[str, float], t: dict[str, float]) -> None:
    for clock in ("wall", "cpu"):
        total[clock] += t[clock]


@contextmanager
def _lemmatizer_cache(nlp: Any, cache: dict[Any, Any]) -> Iterator[None]:
    """The lemmatizer with ``cache`` as its cache of words it has lemmatized, for the block:
    each pipeline that ``kipu bench`` times in turns keeps its own, as if it ran alone."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    own = getattr(lemmatizer, "cache", None)
    lemmatizer.cache = cache
    try:
        yield
    finally:
        lemmatizer.cache = own


def _speeds(rounds: list[dict[str, dict[str, float]]]) -> str:
    """Each pipeline's speed over the parse alone, wall and CPU: the median of the rounds'."""

    def speed(mode: str, clock: str) -> float:
        return statistics.median(r["parse"][clock] / r[mode][clock] for r in rounds)

    return ", ".join(
        f"--parse {mode} {speed(mode, 'wall'):.2f} (CPU {speed(mode, 'cpu'):.2f})"
        for mode in _BENCH_MODES
    )


def _cold(nlp: Any) -> None:
    """Empty the lemmatizer's cache of words it has lemmatized, so that each timed run starts
    as a fresh process does: else the run before pays for every new word and the next for none."""
    cache = getattr(nlp.get_pipe("lemmatizer"), "cache", None)
    if isinstance(cache, dict):
        cache.clear()


@contextmanager
def _timer() -> Iterator[dict[str, float]]:
    """Wall and CPU seconds (this process) of the block, filled in when it ends."""
    times = {"wall": 0.0, "cpu": 0.0}
    wall, cpu = time.perf_counter(), time.process_time()
    yield times
    times["wall"] = max(time.perf_counter() - wall, 1e-9)
    times["cpu"] = max(time.process_time() - cpu, 1e-9)


def _rate(n_words: int, t: dict[str, float]) -> str:
    return f"{n_words / t['wall']:,.0f} words/s ({t['wall']:.2f} s, CPU {t['cpu']:.2f} s)"
