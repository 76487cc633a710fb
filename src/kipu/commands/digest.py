"""`kipu digest`: a day's biggest changes against the weeks before, as Markdown, HTML or JSON."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from kipu.commands._options import StoreOpt


def register(app: typer.Typer) -> None:
    """Add `kipu digest` to the app."""
    app.command("digest")(digest_cmd)


def digest_cmd(
    store: StoreOpt = None,
    day: Annotated[
        str | None,
        typer.Option("--date", help="The day, YYYY-MM-DD (default: the newest with events)."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="md, html or json.")] = "md",
    weeks: Annotated[
        int, typer.Option("--weeks", min=1, max=52, help="Weeks before the day to compare with.")
    ] = 4,
    base_url: Annotated[
        str,
        typer.Option("--base-url", help="Where kipu serve runs: the lines link to its dashboard."),
    ] = "http://127.0.0.1:8765",
) -> None:
    """The day's biggest changes: conflict dyads that rose, new actors, the largest amounts.

    Each line links to its events in the dashboard of `kipu serve`.

    Example: kipu digest --store kipu-data --date 2024-03-14 --format html > digest.html
    """
    from kipu.cli import _guard, _store
    from kipu.digest import build_digest, to_html, to_json, to_markdown

    if fmt not in ("md", "html", "json"):
        raise typer.BadParameter(f"{fmt!r}: choose md, html or json", param_hint="--format")
    with _guard():
        digest = build_digest(_store(store), day, weeks=weeks)
        base = base_url.rstrip("/")
        if fmt == "json":
            text = json.dumps(to_json(digest, base), ensure_ascii=False, indent=2) + "\n"
        elif fmt == "html":
            text = to_html(digest, base)
        else:
            text = to_markdown(digest, base)
        sys.stdout.write(text)
        sys.stdout.flush()
