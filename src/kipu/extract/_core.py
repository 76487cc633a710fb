"""The extract stage: Document → Article | Rejected."""

from __future__ import annotations

from dataclasses import dataclass

from kipu.extract._budget import BudgetExceeded, strip_inert, time_limit
from kipu.extract.entities import decode_entities
from kipu.extract.html import HtmlParseError, HtmlText, explain_html, extract_html
from kipu.extract.language import detect_language
from kipu.extract.metadata import normalise_date, split_dateline
from kipu.extract.text import CleanText, clean_text, explain_text
from kipu.ids import make_doc_id
from kipu.records import Article, Document, Rejected

STAGE = "extract"
# How many short lines may stand above the dateline paragraph (kicker, headline, byline, date).
LEADING_LINES = 4
# A heading is short and does not end like a sentence.
HEADING_MAX_WORDS = 20


def _is_heading(paragraph: str) -> bool:
    text = paragraph.strip()
    return len(text.split()) <= HEADING_MAX_WORDS and not text.endswith((".", "!", "?", '"', "”"))


@dataclass(frozen=True, slots=True, kw_only=True)
class ExtractOptions:
    """How the extract stage decides what counts as an article."""

    min_chars: int = 1  # bodies shorter than this are Rejected "too_short"
    # A news page is tens to hundreds of kilobytes once scripts and styles are gone; 5 million
    # characters takes trafilatura ~20 s, so anything larger is refused as "too_large".
    max_chars: int = 5_000_000
    # Wall-clock budget of one document (a typical page takes ~40 ms); over it, "over_budget".
    time_budget: float = 10.0


@dataclass(frozen=True, slots=True)
class Decision:
    """What the extractor did with one line or block of a document, and why."""

    kept: bool
    why: str
    text: str


def _not_after(found: str | None, document: Document) -> str | None:
    """A date found in the page, unless it is later than the crawl: a page cannot report on
    days after it was fetched (the date is a misread: an event's, a copyright year's)."""
    if found and document.crawled and found > document.crawled:
        return None
    return found


def _modified(found: HtmlText | CleanText, document: Document) -> str | None:
    """The page's last update: not before its publication, not after the crawl."""
    if not isinstance(found, HtmlText) or found.modified is None:
        return None
    if found.published and found.modified < found.published:
        return None
    return _not_after(found.modified, document)


def _reject(document: Document, reason: str, detail: str) -> Rejected:
    return Rejected(item_id=document.input_id, stage=STAGE, reason=reason, detail=detail)


def _find(document: Document, options: ExtractOptions) -> HtmlText | CleanText | Rejected:
    """The HTML extractor's or the text cleaner's reading, within the size and time budgets."""
    content = document.content
    if len(content) > options.max_chars and document.kind == "html":
        content = strip_inert(content)
    if len(content) > options.max_chars:
        detail = (
            f"{len(content)} characters, more than the limit of {options.max_chars} (max_chars)"
        )
        return _reject(document, "too_large", detail)
    try:
        with time_limit(options.time_budget):
            if document.kind == "html":
                return extract_html(content, document.url)
            return clean_text(content, frozenset(document.site_lines))
    except HtmlParseError as error:
        return _reject(document, "parse_error", f"HTML could not be parsed ({error})")
    except BudgetExceeded as error:
        detail = f"{error} (time_budget); the document was given up"
        return _reject(document, "over_budget", detail)
    except RecursionError:
        return _reject(document, "parse_error", "the page is nested too deeply to read")


def extract(document: Document, options: ExtractOptions | None = None) -> Article | Rejected:
    """The article in a document (HTML or scraped text), or why there is none.

    Title and date the input supplied (``Document.title``, ``Document.published``) win over what
    is found in the page; the dateline is taken off the first paragraph.
    """
    options = options or ExtractOptions()
    found = _find(document, options)
    if isinstance(found, Rejected):
        return found
    empty_detail = f"no article text found in the {'page' if document.kind == 'html' else 'text'}"
    paragraphs = list(found.paragraphs)
    dateline: str | None = None
    # The dateline opens the story; short lines above it (a section kicker, the headline, a
    # byline that the HTML extractor kept) are not part of the body.
    for k, paragraph in enumerate(paragraphs[: LEADING_LINES + 1]):
        dateline, first = split_dateline(paragraph)
        if dateline is not None:
            if all(_is_heading(p) for p in paragraphs[:k]):
                paragraphs = [first.strip(), *paragraphs[k + 1 :]]
            else:
                dateline = None
            break
    paragraphs = [p for p in paragraphs if p]
    text = "\n\n".join(paragraphs)
    if not text:
        return _reject(document, "no_text", empty_detail)
    if len(text) < options.min_chars:
        detail = f"article text has {len(text)} characters, min_chars is {options.min_chars}"
        return _reject(document, "too_short", detail)
    return Article(
        doc_id=make_doc_id(text),
        input_id=document.input_id,
        url=document.url,
        title=decode_entities(document.title) if document.title else found.title,
        published=normalise_date(document.published) or _not_after(found.published, document),
        dateline=dateline,
        byline=found.byline,
        section=found.section if isinstance(found, HtmlText) else None,
        modified=_modified(found, document),
        language=detect_language(text),
        text=text,
        captions=found.captions,
    )


def explain(document: Document, options: ExtractOptions | None = None) -> list[Decision]:
    """Each line (scraped text) or block (HTML, as trafilatura found it) kept or dropped, and why.

    A document over its size or time budget, or one the parser fails on, gives no decisions.
    """
    options = options or ExtractOptions()
    if len(document.content) > options.max_chars:
        return []
    try:
        with time_limit(options.time_budget):
            if document.kind == "html":
                found = explain_html(document.content, document.url)
            else:
                found = explain_text(document.content, frozenset(document.site_lines))
    except (HtmlParseError, BudgetExceeded, RecursionError):
        return []
    return [Decision(kept, why, text) for kept, why, text in found]
