"""`kipu explain TEXT|FILE|-`: the sentences, their parse, the actors and why events were coded."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kipu.records import Actor, Article

# Columns of the parse table: wide enough for most tokens, as in spaCy's displaCy text tables.
TOKEN_WIDTH = 14


def register(app: typer.Typer) -> None:
    """Add `kipu explain` to the app."""
    app.command("explain")(explain_cmd)


def explain_cmd(
    what: Annotated[
        str,
        typer.Argument(
            help="A sentence or text in quotes, a file (HTML, .txt, JSONL), or - for stdin.",
            show_default=False,
        ),
    ],
    dictionary: Annotated[
        list[str] | None,
        typer.Option(
            "--dictionary", help="Extra event pattern file in kipu's format (repeatable)."
        ),
    ] = None,
    parse_table: Annotated[
        bool, typer.Option("--parse/--no-parse", help="Show each sentence's dependency parse.")
    ] = True,
) -> None:
    """Show how kipu codes a text: parse, actors, and why each event was or was not coded.

    Example: kipu explain "Russian forces shelled Kharkiv on Tuesday, killing 12 people."
    """
    from kipu.cli import _err, _guard
    from kipu.run import check_dictionaries

    with _guard():
        check_dictionaries(tuple(dictionary or ()))
        articles = _articles(what)
        if not articles:
            _err(f"{what}: no text to explain")
            raise typer.Exit(1)
        for article in articles:
            typer.echo(_render(article, tuple(dictionary or ()), parse_table))


def _articles(what: str) -> list[Article]:
    from kipu.cli import _on_reject
    from kipu.extract import extract
    from kipu.records import Rejected
    from kipu.sources import expand_inputs, read_documents

    if what == "-":
        return [_text_article(sys.stdin.read())]
    if _is_path(what):
        out: list[Article] = []
        for item in expand_inputs([what]):
            if isinstance(item, Rejected):
                _on_reject(item)
                continue
            for doc in read_documents(item):
                if isinstance(doc, Rejected):
                    _on_reject(doc)
                    continue
                article = extract(doc)
                if isinstance(article, Rejected):
                    _on_reject(article)
                    continue
                out.append(article)
        return out
    return [_text_article(what)]


def _is_path(what: str) -> bool:
    """True when the argument names an existing file or folder (not a sentence)."""
    if "\n" in what or len(what) > 1024:
        return False
    try:
        return Path(what).exists()
    except OSError:
        return False


def _text_article(text: str) -> Article:
    from kipu.ids import make_doc_id

    text = text.strip()
    return Article(
        doc_id=make_doc_id(text),
        input_id="explain",
        url=None,
        title=None,
        published=None,
        dateline=None,
        byline=None,
        language=None,
        text=text,
    )


def _render(article: Article, dictionaries: tuple[str, ...], parse_table: bool) -> str:
    from kipu.actors import ActorOptions, resolve_actors
    from kipu.discourse import DiscourseOptions, resolve_discourse
    from kipu.events import EventOptions, explain_events
    from kipu.nlp import parse

    lines: list[str] = []
    if article.input_id != "explain":
        lines.append(f"== {article.input_id}")
    for parsed in parse([article]):
        # One --dictionary list for every stage: each reads only the files of its own kind.
        resolved = resolve_discourse(
            resolve_actors(parsed, ActorOptions(dictionaries=dictionaries)),
            DiscourseOptions(dictionaries=dictionaries),
        )
        for ex in explain_events(resolved, EventOptions(dictionaries=dictionaries)):
            s = ex.sentence
            lines.append(f"[{s.index}] {s.text}")
            if parse_table:
                for t in s.tokens:
                    head = s.tokens[t.head].text if t.head != t.i else "ROOT"
                    word = t.text[:TOKEN_WIDTH].ljust(TOKEN_WIDTH)
                    lemma = t.lemma[:TOKEN_WIDTH].ljust(TOKEN_WIDTH)
                    ent = f"  [{t.ent}]" if t.ent else ""
                    lines.append(
                        f"    {t.i:>3} {word} {lemma} {t.pos:<5} {t.dep:<10} "
                        f"→ {t.head:>3} {head}{ent}"
                    )
            if ex.mentions:
                lines.append("  actors:")
                for m in ex.mentions:
                    words = " ".join(t.text for t in s.tokens[m.start : m.end])
                    a = m.actor
                    lines.append(f"    {words!r} → {a.code or '-'}  ({a.rule})")
            else:
                lines.append("  actors: none resolved")
            lines.append("  decisions:")
            lines.extend(f"    {n}" for n in ex.notes)
            if ex.events:
                lines.append("  events:")
                for e in ex.events:
                    src = _side(e.source)
                    tgt = _side(e.target)
                    flags = []
                    if e.negated:
                        flags.append("negated")
                    if e.one_sided:
                        flags.append("one-sided")
                    if e.historical:
                        flags.append("historical")
                    if e.modality != "actual":
                        flags.append(e.modality)
                    if e.quantity is not None:
                        q = e.quantity
                        flags.append(f"quantity {q.amount:g} {q.currency or q.unit or ''}".strip())
                    extra = f"  [{', '.join(flags)}]" if flags else ""
                    lines.append(
                        f"    {src} → {e.cameo} → {tgt}  (QuadClass {e.quad_class}, Goldstein "
                        f"{e.goldstein:g}, PLOVER {e.plover.type}){extra}"
                    )
                    lines.append(f"      rule: {e.rule}")
            lines.append("")
    return "\n".join(lines)


def _side(actor: Actor | None) -> str:
    """An event's side as explain shows it: its code, "?" and its words for an actor no
    dictionary places, "-" for none."""
    if actor is None:
        return "-"
    return actor.code or f"?{actor.text!r}"
