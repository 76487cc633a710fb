"""The `kipu` command: a thin face over the library (every command calls library functions)."""

from __future__ import annotations

import csv
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from importlib import resources
from typing import Annotated, Any

import typer

from kipu import __version__
from kipu.commands._options import (
    DEFAULT_STORE,
    DateOpt,
    DictOpt,
    HistoricalCodeOpt,
    ParseOpt,
    PathsArg,
    StoreOpt,
)
from kipu.errors import KipuError
from kipu.records import Event, Rejected, RunReport

app = typer.Typer(
    name="kipu",
    help="Turn raw news into political event data: who did what to whom, where, when and how much.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

_state = {"verbose": False, "quiet": False}


def _store(store: str | None) -> str:
    return store or os.environ.get("KIPU_STORE") or DEFAULT_STORE


def _err(message: str) -> None:
    if not _state["quiet"]:
        typer.echo(f"kipu: {message}", err=True)


def _on_reject(rejected: Rejected) -> None:
    _err(f"skipped {rejected.message()}")


def _on_warning(input_id: str, warning: str) -> None:
    _err(f"warning {input_id}: {warning.replace('_', ' ')}")


@contextmanager
def _guard() -> Iterator[None]:
    """Errors kipu raises on purpose become one line and exit 1; a closed pipe is not an error."""
    try:
        yield
    except KipuError as e:
        if _state["verbose"]:
            raise
        _err(str(e))
        raise typer.Exit(1) from None
    except BrokenPipeError:
        # `kipu code ... | head`: the reader has gone; stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(0) from None
    except KeyboardInterrupt:
        _err("interrupted")
        raise typer.Exit(130) from None


def _options(
    date: str | None,
    dictionary: list[str] | None,
    historical: bool = False,
    parse: str = "events",
) -> Any:
    from kipu.run import PARSE_MODES, PipelineOptions
    from kipu.sources import normalise_date

    if date is not None and normalise_date(date) is None:
        raise typer.BadParameter(f"{date!r} is not a date; use YYYY-MM-DD", param_hint="--date")
    if parse not in PARSE_MODES:
        choices = " or ".join(PARSE_MODES)
        raise typer.BadParameter(f"{parse!r}: choose {choices}", param_hint="--parse")
    return PipelineOptions(
        date=normalise_date(date) if date else None,
        dictionaries=tuple(dictionary or ()),
        historical=historical,
        parse=parse,
    )


def _summary_line(report: RunReport) -> str:
    rejected = ", ".join(f"{k} {v}" for k, v in sorted(report.rejected.items())) or "none"
    return (
        f"{report.n_inputs} inputs, {report.n_documents} documents, {report.n_articles} articles, "
        f"{report.n_duplicate} duplicates, {report.n_events} events; rejected: {rejected}"
    )


def _paths(paths: list[str] | None) -> list[str]:
    if not paths:
        raise typer.BadParameter("give at least one PATH (a file, folder, glob, or - for stdin)")
    return paths


@app.callback()
def main_options(
    verbose: Annotated[
        bool, typer.Option("-v", "--verbose", help="Show tracebacks on errors.")
    ] = False,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="No messages on stderr.")] = False,
    version: Annotated[bool, typer.Option("--version", help="Print kipu's version.")] = False,
) -> None:
    """kipu: news in, coded events out (CAMEO and PLOVER, with actors, quantities and evidence)."""
    _state["verbose"], _state["quiet"] = verbose, quiet
    # trafilatura and htmldate log their own per-page warnings; kipu reports rejections itself.
    for name in ("trafilatura", "htmldate", "courlan"):
        logging.getLogger(name).setLevel(logging.CRITICAL if not verbose else logging.WARNING)
    if version:
        typer.echo(f"kipu {__version__}")
        raise typer.Exit(0)


def _event_json(event: Event) -> str:
    d = asdict(event)
    d["span"] = list(event.span)
    return json.dumps(d, ensure_ascii=False)


@app.command("code")
def code_cmd(
    paths: PathsArg = None,
    fmt: Annotated[
        str, typer.Option("--format", help="jsonl (the event contract) or csv (flat columns).")
    ] = "jsonl",
    date: DateOpt = None,
    dictionary: DictOpt = None,
    historical: HistoricalCodeOpt = False,
    parse: ParseOpt = "events",
) -> None:
    """Stream coded events as JSON Lines to stdout, one event a line (no store needed).

    Example: kipu code page.html scraped.txt wire.jsonl.gz > events.jsonl
    """
    from kipu.run import Coded, new_report, process
    from kipu.run._pipeline import exit_code
    from kipu.store import event_to_row

    if fmt not in ("jsonl", "csv"):
        raise typer.BadParameter(f"{fmt!r}: choose jsonl or csv", param_hint="--format")
    specs = _paths(paths)
    with _guard():
        options = _options(date, dictionary, historical, parse)
        report = new_report("code")
        writer: csv.DictWriter[str] | None = None
        out = sys.stdout
        for item in process(
            specs,
            options,
            report,
            on_reject=_on_reject,
            on_warning=_on_warning,
            known_doc_ids=set(),
        ):
            if not isinstance(item, Coded):
                continue
            for event in item.events:
                if fmt == "jsonl":
                    out.write(_event_json(event) + "\n")
                else:
                    row = event_to_row(event)
                    if writer is None:
                        writer = csv.DictWriter(out, fieldnames=list(row))
                        writer.writeheader()
                    writer.writerow(row)
            out.flush()
        _err(_summary_line(report))
    raise typer.Exit(exit_code(report))


def _progress() -> Callable[[RunReport], None] | None:
    if _state["quiet"] or not sys.stderr.isatty():
        return None
    from rich.console import Console

    console = Console(stderr=True)
    status = console.status("")
    status.start()

    def update(report: RunReport) -> None:
        status.update(f"{report.n_documents} documents, {report.n_events} events")
        if report.finished:
            status.stop()

    return update


@app.command("demo")
def demo_cmd(store: StoreOpt = None) -> None:
    """Run the whole pipeline on the bundled demo corpus into a store and summarise it."""
    from kipu.run import ingest, new_report
    from kipu.run._pipeline import PipelineOptions

    with _guard():
        corpus = resources.files("kipu.demo").joinpath("corpus")
        with resources.as_file(corpus) as folder:
            report = new_report("demo")
            target = _store(store)
            progress = _progress()
            ingest(
                [str(folder)],
                target,
                PipelineOptions(),
                report,
                on_reject=_on_reject,
                on_warning=_on_warning,
                on_progress=progress,
            )
            if progress is not None:
                progress(report)
        _print_demo(report, target)


def _print_demo(report: RunReport, store: str) -> None:
    from rich.console import Console
    from rich.table import Table

    from kipu.events import load_codebook
    from kipu.store import summary

    console = Console(markup=False, highlight=False, soft_wrap=True)
    s = summary(store)
    book = load_codebook()
    console.print(
        f"kipu {__version__} demo: read {report.n_inputs} inputs, {report.n_documents} documents, "
        f"{report.n_articles} articles ({report.n_new} new, {report.n_duplicate} already stored, "
        f"{report.n_inputs_skipped} inputs already done), {report.n_rejected} rejected."
    )
    console.print(
        f"The store {store}/ holds {s.n_documents} documents and {s.n_events} events "
        f"({s.n_negated} negated, kept apart)."
    )
    t = Table(title="Events by CAMEO root")
    t.add_column("root")
    t.add_column("name")
    t.add_column("events", justify="right")
    for root, n in s.events_by_root.items():
        t.add_row(root, book[root].name.title() if root in book else "", str(n))
    console.print(t)
    p = Table(title="Events by PLOVER type")
    p.add_column("type")
    p.add_column("events", justify="right")
    for ptype, n in sorted(s.events_by_plover.items(), key=lambda kv: -kv[1]):
        p.add_row(str(ptype), str(n))
    console.print(p)
    d = Table(title="Top dyads")
    d.add_column("source")
    d.add_column("target")
    d.add_column("events", justify="right")
    for source, target, n in s.top_dyads:
        d.add_row(source, target, str(n))
    console.print(d)
    console.print("Try next:")
    hints = (
        (f"kipu events --store {store} --root 19", "fights, with their sentences"),
        (f"kipu events --store {store} --actor PER --json", "what Peru did or had done to it"),
        ("kipu code your-page.html", "events of any page as JSON Lines"),
        ("kipu extract scraped.txt", "the article kipu finds in a page"),
        (f"kipu ingest your-folder/ --store {store}", "your own corpus into the store"),
    )
    width = max(len(command) for command, _ in hints)
    for command, why in hints:
        console.print(f"  {command.ljust(width)}  # {why}")


def _register_commands() -> None:
    """Commands that live in their own modules under ``kipu.commands`` (each has ``register``)."""
    import importlib
    import pkgutil

    import kipu.commands

    for info in sorted(pkgutil.iter_modules(kipu.commands.__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            importlib.import_module(f"kipu.commands.{info.name}").register(app)


_register_commands()


def main() -> None:
    """Entry point of the `kipu` console script."""
    app()


if __name__ == "__main__":
    main()
