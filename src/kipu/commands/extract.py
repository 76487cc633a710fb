"""`kipu extract`: the articles found in the inputs, as JSON Lines or body text, or explained."""

import json
import sys
from dataclasses import asdict
from enum import StrEnum
from typing import Annotated

import typer

from kipu.records import Article, Document, Rejected


class Format(StrEnum):
    """What `kipu extract` prints for each article."""

    jsonl = "jsonl"
    text = "text"


def _write_article(article: Article, format: Format, first: bool) -> None:
    if format is Format.jsonl:
        sys.stdout.write(json.dumps(asdict(article), ensure_ascii=False) + "\n")
    else:
        # Bodies of several documents are separated by a form feed line, so they can be split.
        sys.stdout.write(("" if first else "\f\n") + article.text + "\n")
    sys.stdout.flush()


def _write_explanation(document: Document) -> None:
    from kipu.extract import explain

    sys.stdout.write(f"## {document.input_id} ({document.kind})\n")
    for decision in explain(document):
        mark = "keep" if decision.kept else "drop"
        sys.stdout.write(f"{mark}\t{decision.why}\t{decision.text}\n")
    sys.stdout.flush()


def register(app: typer.Typer) -> None:
    """Add the `extract` command to the app."""
    from kipu.cli import DateOpt, PathsArg

    @app.command("extract")
    def extract_cmd(
        paths: PathsArg = None,
        date: DateOpt = None,
        format: Annotated[
            Format,
            typer.Option(
                "--format", help="jsonl: metadata and body per line; text: the body only."
            ),
        ] = Format.jsonl,
        explain: Annotated[
            bool,
            typer.Option(
                "--explain",
                help="Show each line (text) or block (HTML) kept or dropped, and why.",
            ),
        ] = False,
    ) -> None:
        """Stream the articles found in the inputs (HTML, scraped text, JSONL, WARC, WET).

        JSON Lines fields: doc_id, input_id, url, title, published, dateline, byline, language,
        text, section, modified, captions (photo captions, kept out of text). For one document
        on stdin: `kipu extract --format text -`.
        """
        from kipu.cli import _err, _guard, _on_reject, _on_warning, _options, _paths, _summary_line
        from kipu.run import new_report
        from kipu.run._pipeline import exit_code, read_articles
        from kipu.sources import expand_inputs

        specs = _paths(paths)
        first = True
        with _guard():
            options = _options(date, None)
            report = new_report("extract")
            for item in expand_inputs(specs):
                if isinstance(item, Rejected):
                    report.reject(item)
                    _on_reject(item)
                    continue
                report.n_inputs += 1
                for article in read_articles(
                    item,
                    options.date,
                    report,
                    on_reject=_on_reject,
                    on_warning=_on_warning,
                    on_document=_write_explanation if explain else None,
                ):
                    if not explain:
                        _write_article(article, format, first)
                        first = False
            _err(_summary_line(report))
        raise typer.Exit(exit_code(report))
