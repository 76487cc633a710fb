"""`kipu evaluate GOLD`: score kipu's events against a gold file (kipu JSONL, CAMEO, PETRARCH)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Annotated

import typer

from kipu.events import FORMATS, GoldItem
from kipu.records import Article, Event


def register(app: typer.Typer) -> None:
    """Add `kipu evaluate` to the app."""
    app.command("evaluate")(evaluate_cmd)


def evaluate_cmd(
    gold: Annotated[str, typer.Argument(help="The gold file.", show_default=False)],
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            help="kipu (JSONL: text, events), cameo-examples (cameo-codes.csv) or "
            "petrarch-records (PETRARCH unit-test XML).",
        ),
    ] = "kipu",
    dictionary: Annotated[
        list[str] | None,
        typer.Option(
            "--dictionary", help="Extra event pattern file in kipu's format (repeatable)."
        ),
    ] = None,
    misses: Annotated[
        bool, typer.Option("--misses", help="Also list each item coded wrongly (to stderr).")
    ] = False,
    bundled: Annotated[
        bool,
        typer.Option(
            "--bundled/--no-bundled",
            help="--no-bundled: code with the --dictionary files alone, without kipu's own "
            "actor and pattern dictionaries (imported PETRARCH dictionaries, as PETRARCH codes).",
        ),
    ] = True,
) -> None:
    """Score kipu on a gold file: precision, recall, root and code accuracy, exact items (JSON).

    Example: kipu evaluate tests/eval/events_gold.jsonl
    """
    from kipu.cli import _err, _guard
    from kipu.events import read_gold, score

    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r}: choose {', '.join(FORMATS)}", param_hint="--format")
    with _guard():
        items = read_gold(gold, fmt)
        coded = code_gold(items, tuple(dictionary or ()), bundled=bundled)
        result = score(items, coded)
        if misses:
            for item, events in zip(items, coded, strict=True):
                one = score([item], [events])
                if one.n_exact == 0:
                    got = ", ".join(_triple(e) for e in events if not e.negated) or "none"
                    want = ", ".join(f"{g.source}-{g.cameo}-{g.target}" for g in item.events)
                    _err(f"{item.id}: expected {want or 'none'}; coded {got}")
    typer.echo(json.dumps(result.as_dict(), indent=2))


def _triple(e: Event) -> str:
    src = e.source.code if e.source else None
    tgt = e.target.code if e.target else None
    return f"{src}-{e.cameo}-{tgt}"


def gold_articles(items: Sequence[GoldItem]) -> list[Article]:
    """Each gold item's text as an article of its own (ids unique even for repeated texts)."""
    from kipu.ids import make_doc_id

    return [
        Article(
            doc_id=make_doc_id(f"{i}\n{item.text}"),
            input_id=item.id,
            url=None,
            title=None,
            published=item.date,
            dateline=None,
            byline=None,
            language=None,
            text=item.text,
        )
        for i, item in enumerate(items)
    ]


def code_gold(
    items: Sequence[GoldItem], dictionaries: tuple[str, ...] = (), *, bundled: bool = True
) -> list[list[Event]]:
    """Run the pipeline (parse, actors, events) over every gold item's text, in order; without
    ``bundled``, the files among ``dictionaries`` alone are used (no bundled actors or patterns)."""
    from kipu.actors import ActorOptions, resolve_actors
    from kipu.discourse import DiscourseOptions, resolve_discourse
    from kipu.events import EventOptions, code_events
    from kipu.nlp import parse
    from kipu.run import check_dictionaries

    check_dictionaries(dictionaries, bundled)
    articles = gold_articles(items)
    # One --dictionary list for every stage: each reads only the files of its own kind.
    actor_options = ActorOptions(dictionaries=dictionaries, bundled=bundled)
    discourse_options = DiscourseOptions(dictionaries=dictionaries, bundled=bundled)
    options = EventOptions(dictionaries=dictionaries, bundled=bundled)
    return [
        code_events(resolve_discourse(resolve_actors(p, actor_options), discourse_options), options)
        for p in parse(articles)
    ]
