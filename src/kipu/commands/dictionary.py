"""`kipu dict import`: convert TABARI/PETRARCH dictionaries into kipu's formats."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

dict_app = typer.Typer(
    name="dict",
    help="Work with dictionaries (import TABARI/PETRARCH files into kipu's format).",
    no_args_is_help=True,
)


@dict_app.command("import")
def import_command(
    path: Annotated[
        str,
        typer.Argument(
            help="A TABARI/PETRARCH actors, agents, verbs or discards dictionary "
            "(e.g. Phoenix.Countries.actors.txt, Phoenix.agents.txt, CAMEO.2.0.txt, "
            "Phoenix.discards.txt)."
        ),
    ],
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Write here instead of stdout."),
    ] = None,
) -> None:
    """Convert a TABARI/PETRARCH dictionary to kipu's format (use it with --dictionary)."""
    from kipu.actors._phoenix import detect_kind, import_dictionary
    from kipu.cli import _err, _guard
    from kipu.errors import DictionaryError

    with _guard():
        try:
            text = Path(path).read_text(encoding="utf-8", errors="replace")
        except OSError as e:
            raise DictionaryError(f"{path}: cannot read dictionary: {e.strerror}") from e
        kind = detect_kind(text)
        if kind == "verbs":
            import kipu.events

            import_verbs = getattr(kipu.events, "import_verbs", None)
            if import_verbs is None:
                raise DictionaryError(f"{path}: verb dictionaries cannot be imported yet")
            converted = import_verbs(path)
            summary = f"{path}: verbs dictionary converted"
        elif kind == "discards":
            from kipu.events import import_discards

            converted = import_discards(path)
            summary = f"{path}: discards file converted"
        else:
            result = import_dictionary(path)
            converted = result.text
            summary = (
                f"{path}: {result.kind} dictionary, {result.n_entries} entries read, "
                f"{result.n_rows} rows written, {result.n_skipped} skipped"
            )
        if output is None:
            typer.echo(converted, nl=False)
        else:
            try:
                Path(output).write_text(converted, encoding="utf-8")
            except OSError as e:
                raise DictionaryError(f"{output}: cannot write: {e.strerror}") from e
        _err(summary)


def register(app: typer.Typer) -> None:
    """Add the `dict` command group to the app."""
    app.add_typer(dict_app, name="dict")
