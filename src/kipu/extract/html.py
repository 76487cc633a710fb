"""HTML page → article body and metadata, with trafilatura and htmldate.

The page is parsed once with lxml (trafilatura's loader); the tree goes to trafilatura's body
extractor (``favor_precision``) and to a lean metadata reader: the page's meta tags and JSON-LD
(trafilatura's readers of them), the title, and htmldate on the tree. Nothing is ever fetched:
htmldate fetches only when given a bare URL string in place of a page, which kipu never does.
trafilatura's own full metadata pass (which also searches the body for authors, categories and
tags) cost a quarter of the extraction time for no gain in the body.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass
from typing import Any

import trafilatura
from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.metadata import examine_meta, extract_meta_json, extract_title

from kipu.extract.metadata import byline_name, is_date_line, normalise_date, parse_date
from kipu.extract.text import Kind, classify

# trafilatura keeps the <h1>, the byline and the date line when they sit inside the article
# element; they are metadata, not body, when they come before the first paragraph.
MAX_LEADING_METADATA = 3
# htmldate's extensive search scans the whole page text for date-like strings: slow, and where
# wrong dates (a comment's, a sidebar's) come from. The page's markup is searched only.
EXTENSIVE_DATE_SEARCH = False
# trafilatura's fast mode skips its fallback extractors (readability, jusText) and their
# comparison, half its time. When the fast body is shorter than a news brief (~100 words), the
# page is read again with the fallbacks: on the benchmark every page where fast mode lost the
# article (a teaser or nothing kept) had under 400 characters (docs/BENCHMARKS.md).
FALLBACK_BELOW_CHARS = 500


# Sites split a long body into several containers of the same class around ads ("article
# body", ad, "article body"); trafilatura keeps the first. The others are joined back when most
# of what trafilatura kept is found in them (the share of kept paragraphs that must be).
MIN_SHARED_PARAGRAPHS = 0.8


@dataclass(frozen=True, slots=True)
class HtmlText:
    paragraphs: tuple[str, ...]
    title: str | None
    published: str | None
    byline: str | None
    section: str | None = None
    modified: str | None = None


@dataclass(frozen=True, slots=True)
class _Meta:
    title: str | None
    published: str | None
    author: str | None
    section: str | None = None
    modified: str | None = None


# The section and the last update, as news sites mark them: Open Graph article tags, schema.org
# microdata and JSON-LD (read with a pattern: cheaper than parsing every script).
# Meta tags are read from <head> only: a search of the whole tree costs a millisecond a page.
_HEAD_META_XPATH = "/html/head/meta[@content]"
_SECTION_KEYS = frozenset({"article:section", "section", "articlesection"})
_MODIFIED_KEYS = frozenset(
    {"article:modified_time", "og:updated_time", "datemodified", "dcterms.modified"}
    | {"last-modified"}
)
_JSONLD_XPATH = '//script[@type="application/ld+json"]/text()'
_JSON_SECTION = re.compile(r'"articleSection"\s*:\s*\[?\s*"([^"]{1,80})"')
_JSON_MODIFIED = re.compile(r'"dateModified"\s*:\s*"([^"]{1,40})"')


class HtmlParseError(Exception):
    """trafilatura or lxml failed on the page (wraps whatever they raised)."""


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _url_date(url: str | None) -> str | None:
    """A full date in the URL path ("/2024/03/14/story"): the fallback when the page has none."""
    return parse_date(url) if url else None


def _furniture(paragraph: str) -> bool:
    """A paragraph the line classifier reads as furniture; a table row ("| a | b |") never is:
    its separators are the table's cells, not a menu."""
    if paragraph.startswith("|") and paragraph.endswith("|"):
        return False
    return classify(paragraph).kind is Kind.FURNITURE


def _split_leading_metadata(
    paragraphs: list[str], title: str | None
) -> tuple[list[str], str | None]:
    """The paragraphs without the title, byline and date lines above the body; and the byline."""
    folded_title = title.casefold() if title else None
    byline: str | None = None
    for _ in range(MAX_LEADING_METADATA):
        if not paragraphs:
            break
        first = paragraphs[0]
        name = byline_name(first)
        if first.casefold() == folded_title or name or is_date_line(first):
            byline = byline or name
            paragraphs = paragraphs[1:]
        else:
            break
    return paragraphs, byline


def _parse(content: str) -> HtmlElement | None:
    try:
        return trafilatura.load_html(content)
    except Exception as error:  # any parser failure is a rejected page, never a crash
        raise HtmlParseError(f"{type(error).__name__}: {error}") from error


def _metadata(tree: HtmlElement) -> _Meta:
    """Title, publication date and author from the page's markup (meta tags, JSON-LD, <title>)."""
    try:
        meta: Any = examine_meta(tree)
        if meta.author and " " not in meta.author:
            meta.author = None  # a user handle, not a name
        try:
            meta = extract_meta_json(tree, meta)
        except Exception:  # trafilatura's JSON-LD reader fails on some malformed scripts
            pass
        title = meta.title or extract_title(tree)
        date = find_date(
            tree,
            original_date=True,
            extensive_search=EXTENSIVE_DATE_SEARCH,
            # No date after today; the crawl time bounds it later (extract): htmldate given an
            # earlier max_date answers with a made-up date, on no evidence, at times.
            max_date=datetime.date.today().isoformat(),
        )
    except Exception as error:
        raise HtmlParseError(f"{type(error).__name__}: {error}") from error
    section, modified = _section_and_modified(tree)
    return _Meta(
        _clean(title), normalise_date(_clean(date)), _clean(meta.author), section, modified
    )


def _json_string(raw: str) -> str:
    """A JSON string's text with its escapes read ("Science \\u0026 Health")."""
    try:
        value = json.loads(f'"{raw}"')
    except ValueError:
        return raw
    return value if isinstance(value, str) else raw


def _section_and_modified(tree: HtmlElement) -> tuple[str | None, str | None]:
    """The site's section and the date of the last update, from meta tags or JSON-LD."""
    section: str | None = None
    modified: str | None = None
    for meta in tree.xpath(_HEAD_META_XPATH):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if section is None and key in _SECTION_KEYS:
            section = _clean(meta.get("content"))
        elif modified is None and key in _MODIFIED_KEYS:
            modified = _clean(meta.get("content"))
    if section is None or modified is None:
        scripts = " ".join(str(s) for s in tree.xpath(_JSONLD_XPATH))
        if section is None and (found := _JSON_SECTION.search(scripts)):
            section = _clean(_json_string(found.group(1)))
        if modified is None and (found := _JSON_MODIFIED.search(scripts)):
            modified = found.group(1)
    return section, normalise_date(modified)


def _trafilatura(tree: HtmlElement, fast: bool, precision: bool = True) -> str:
    try:
        result = trafilatura.bare_extraction(
            tree,
            with_metadata=False,
            include_comments=False,
            favor_precision=precision,
            fast=fast,
        )
    except Exception as error:
        raise HtmlParseError(f"{type(error).__name__}: {error}") from error
    return (getattr(result, "text", None) or "") if result is not None else ""


def _body(tree: HtmlElement) -> list[str]:
    text = _trafilatura(tree, fast=True)
    if len(text) < FALLBACK_BELOW_CHARS:
        text = _trafilatura(tree, fast=False) or text
    if len(text) < FALLBACK_BELOW_CHARS:
        # favor_precision can keep a notice box and lose the article; the default setting
        # finds it, with more furniture, which the line classifier then drops.
        wider = _trafilatura(tree, fast=False, precision=False)
        text = wider if len(wider) > len(text) else text
    return [p for p in (" ".join(line.split()) for line in text.split("\n")) if p]


def _normal(text: str) -> str:
    return " ".join(text.split())


def _split_body(tree: HtmlElement, paragraphs: list[str]) -> list[str]:
    """The paragraphs of every container of the same class as the one holding the first kept
    paragraph, in page order, when there are several and they hold what was kept; else []."""
    if not paragraphs:
        return []
    container = None
    for element in tree.iter("p"):
        if _normal(element.text_content()) in paragraphs:
            container = element.getparent()
            break
    if container is None or not container.get("class"):
        return []
    same = [e for e in tree.iter(container.tag) if e.get("class") == container.get("class")]
    if len(same) < 2:
        return []
    found = [t for e in same for p in e.iter("p") if (t := _normal(p.text_content()))]
    shared = len(set(paragraphs) & set(found))
    if len(found) <= len(paragraphs) or shared < MIN_SHARED_PARAGRAPHS * len(paragraphs):
        return []
    return found


def _read(content: str) -> tuple[list[str], _Meta] | None:
    tree = _parse(content)
    if tree is None:
        return None
    meta = _metadata(tree)
    body = _body(tree)
    return _split_body(tree, body) or body, meta


def extract_html(content: str, url: str | None = None) -> HtmlText:
    """The article in an HTML page. Raises :class:`HtmlParseError` when the parser fails.

    ``url`` is not given to the extractors: a date in the URL path would win over the page's own
    metadata (JSON-LD ``datePublished``, ``article:published_time``); here it is the fallback.
    """
    found = _read(content)
    if found is None:
        return HtmlText((), None, None, None)
    raw, meta = found
    paragraphs, byline = _split_leading_metadata(raw, meta.title)
    # Boxes the HTML extractor keeps inside the article (newsletter prompts, share bars, photo
    # credits) read as furniture line by line, with the same signals as scraped text.
    paragraphs = [p for p in paragraphs if not _furniture(p)]
    return HtmlText(
        paragraphs=tuple(paragraphs),
        title=meta.title,
        published=meta.published or _url_date(url),
        byline=meta.author or byline,
        section=meta.section,
        modified=meta.modified,
    )


def explain_html(content: str) -> list[tuple[bool, str, str]]:
    """The blocks trafilatura kept as (kept, why, text); what it dropped is not listed."""
    found = _read(content)
    if found is None:
        return []
    raw, meta = found
    body, _ = _split_leading_metadata(raw, meta.title)
    decisions: list[tuple[bool, str, str]] = [
        (False, "title, byline or date line above the body (metadata)", p)
        for p in raw[: len(raw) - len(body)]
    ]
    for p in body:
        if _furniture(p):
            decisions.append((False, "furniture inside the article (line classifier)", p))
        else:
            decisions.append((True, "article block (trafilatura)", p))
    return decisions
