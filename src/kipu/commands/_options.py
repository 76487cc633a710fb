"""Argument and option types shared by the `kipu` commands (no import of kipu.cli: no cycle)."""

from __future__ import annotations

from typing import Annotated

import typer

DEFAULT_STORE = "kipu-data"

PathsArg = Annotated[
    list[str] | None,
    typer.Argument(
        help="Files, folders, globs, or - for stdin (HTML, scraped .txt, JSONL, .gz of any).",
        show_default=False,
    ),
]
DateOpt = Annotated[
    str | None,
    typer.Option("--date", help="Publication date (YYYY-MM-DD) for inputs that have none."),
]
StoreOpt = Annotated[
    str | None,
    typer.Option(
        "--store",
        help=f"Store folder, or URL such as s3://bucket/prefix (needs kipu[s3]) "
        f"(default: $KIPU_STORE, else ./{DEFAULT_STORE}).",
    ),
]
DictOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--dictionary",
        help="Extra dictionary in kipu's format, first line '# kipu: KIND': patterns, countries, "
        "agents, organisations or officeholders (repeatable).",
    ),
]
HistoricalCodeOpt = Annotated[
    bool,
    typer.Option(
        "--historical",
        help="Also code events the text dates well before the article ('in 2003', 'during the "
        "Iran-Iraq war') and ongoing states ('has long backed'), marked historical: true.",
    ),
]
ParseOpt = Annotated[
    str,
    typer.Option(
        "--parse",
        help="events: parse only the sentences that may hold an event (a cheap pass over the "
        "dictionaries' words finds them first); all: parse every sentence.",
    ),
]
