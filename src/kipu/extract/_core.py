"""The extract stage: Document → Article | Rejected."""

from __future__ import annotations

from dataclasses import dataclass

from kipu.extract.html import HtmlParseError, HtmlText, extract_html
from kipu.extract.metadata import normalise_date, split_dateline
from kipu.extract.text import CleanText, clean_text
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


def _reject(document: Document, reason: str, detail: str) -> Rejected:
    return Rejected(item_id=document.input_id, stage=STAGE, reason=reason, detail=detail)


def extract(document: Document, options: ExtractOptions | None = None) -> Article | Rejected:
    """The article in a document (HTML or scraped text), or why there is none.

    Title and date the input supplied (``Document.title``, ``Document.published``) win over what
    is found in the page; the dateline is taken off the first paragraph.
    """
    options = options or ExtractOptions()
    found: HtmlText | CleanText
    if document.kind == "html":
        try:
            found = extract_html(document.content, document.url)
        except HtmlParseError as error:
            return _reject(document, "parse_error", f"HTML could not be parsed ({error})")
        empty_detail = "no article text found in the page"
    else:
        found = clean_text(document.content)
        empty_detail = "no article text found in the text"
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
        title=document.title or found.title,
        published=normalise_date(document.published) or found.published,
        dateline=dateline,
        byline=found.byline,
        language=None,  # language identification comes in a later change
        text=text,
    )
