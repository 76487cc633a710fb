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

from kipu.extract import titles
from kipu.extract.entities import decode_entities
from kipu.extract.lines import Kind, Line, classify
from kipu.extract.metadata import byline_name, is_date_line, normalise_date, parse_date

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


# Picture captions in the markup: <figcaption>, or an element whose class names a caption
# ("wp-caption-text", "image-caption"), not one holding others (a figure's whole wrapper).
_CAPTION_XPATH = (
    ".//figcaption | .//*[contains(translate(@class, 'CAPTION', 'caption'), 'caption')"
    " and not(.//figcaption) and not(ancestor::figcaption)]"
)
# A caption has a few words at least (a bare credit "AP" is not one) and is not an essay.
MIN_FIGURE_CAPTION_WORDS = 4
MAX_FIGURE_CAPTION_WORDS = 80


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
    captions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Meta:
    title: str | None
    published: str | None
    author: str | None
    section: str | None = None
    modified: str | None = None
    site: str | None = None  # the site's name (og:site_name), to take off the title


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


def _read_paragraph(paragraph: str) -> Line | None:
    """The line classifier's reading of a paragraph; None for a table row ("| a | b |"), which
    is never furniture: its separators are the table's cells, not a menu."""
    if paragraph.startswith("|") and paragraph.endswith("|"):
        return None
    return classify(paragraph)


def _split_leading_metadata(
    paragraphs: list[str], *title: str | None
) -> tuple[list[str], str | None]:
    """The paragraphs without the title (as the page gives it, or without the site's name),
    byline and date lines above the body; and the byline."""
    folded = {t.casefold() for t in title if t}
    byline: str | None = None
    for _ in range(MAX_LEADING_METADATA):
        if not paragraphs:
            break
        first = paragraphs[0]
        name = byline_name(first)
        if first.casefold() in folded or name or is_date_line(first):
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
        _clean(title),
        normalise_date(_clean(date)),
        _clean(meta.author),
        section,
        modified,
        _clean(meta.sitename),
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
    text = decode_entities(text)  # what the page escaped twice, or without its "#" ("&39;")
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


def _article_element(tree: HtmlElement, paragraphs: list[str]) -> HtmlElement | None:
    """The element that holds the article: the nearest <article> around the kept paragraphs,
    else the smallest element holding the first and the last of them."""
    wanted = {paragraphs[0], paragraphs[-1]} if paragraphs else set()
    found = [e for e in tree.iter("p") if wanted and _normal(e.text_content()) in wanted]
    if not found:
        return None
    first, last = found[0], found[-1]
    around = set(first.iterancestors())
    common = (
        last if last in around else next((a for a in last.iterancestors() if a in around), None)
    )
    if common is None:
        return None
    article = next((a for a in [common, *common.iterancestors()] if a.tag == "article"), None)
    return article if article is not None else common


def _figure_captions(tree: HtmlElement, paragraphs: list[str]) -> list[str]:
    """The captions of the article's pictures (<figcaption>, or an element whose class names a
    caption), which trafilatura leaves out of the body: kept apart, not coded."""
    article = _article_element(tree, paragraphs)
    if article is None:
        return []
    kept = set(paragraphs)
    captions: list[str] = []
    for element in article.xpath(_CAPTION_XPATH):
        text = decode_entities(_normal(element.text_content()))
        words = len(text.split())
        if not MIN_FIGURE_CAPTION_WORDS <= words <= MAX_FIGURE_CAPTION_WORDS or text in kept:
            continue
        line = classify(text)
        if line.kind is not Kind.FURNITURE or line.caption:  # not a bare credit or a prompt
            captions.append(text)
    return captions


def _read(content: str) -> tuple[list[str], _Meta, list[str]] | None:
    tree = _parse(content)
    if tree is None:
        return None
    meta = _metadata(tree)
    body = _split_body(tree, found := _body(tree)) or found
    return body, meta, _figure_captions(tree, body)


def extract_html(content: str, url: str | None = None) -> HtmlText:
    """The article in an HTML page. Raises :class:`HtmlParseError` when the parser fails.

    ``url`` is not given to the extractors: a date in the URL path would win over the page's own
    metadata (JSON-LD ``datePublished``, ``article:published_time``); here it is the fallback.
    """
    found = _read(content)
    if found is None:
        return HtmlText((), None, None, None)
    raw, meta, figure_captions = found
    title = _title(meta, url)
    paragraphs, byline = _split_leading_metadata(raw, meta.title, title)
    # Boxes the HTML extractor keeps inside the article (newsletter prompts, share bars, photo
    # credits, date and byline lines) read as furniture or metadata line by line, with the same
    # signals as scraped text; photo captions among them are kept apart.
    body: list[str] = []
    captions: list[str] = []
    for paragraph in paragraphs:
        line = _read_paragraph(paragraph)
        if line is None or line.kind not in (Kind.FURNITURE, Kind.DATE, Kind.BYLINE):
            body.append(paragraph)
        elif line.caption:
            captions.append(paragraph)
    return HtmlText(
        paragraphs=tuple(body),
        title=title,
        published=meta.published or _url_date(url),
        byline=meta.author or byline,
        section=meta.section,
        modified=meta.modified,
        captions=tuple(dict.fromkeys(figure_captions + captions)),
    )


def _title(meta: _Meta, url: str | None) -> str | None:
    """The page's title without the site's name and section labels around it."""
    if meta.title is None:
        return None
    title = decode_entities(titles.strip_site(meta.title, [meta.site] if meta.site else (), url))
    if classify(title).kind is not Kind.FURNITURE:
        return title
    # Still read as furniture: a "<headline> | <part> | <part>" the site's name did not
    # explain, whose headline is taken; or no title at all (a notice such as "Subscribe to
    # read"), rather than a furniture line.
    headline = titles.headline_of(title)
    return headline if headline and classify(headline).kind is not Kind.FURNITURE else None


def explain_html(content: str, url: str | None = None) -> list[tuple[bool, str, str]]:
    """The blocks trafilatura kept as (kept, why, text); what it dropped is not listed."""
    found = _read(content)
    if found is None:
        return []
    raw, meta, _ = found
    body, _ = _split_leading_metadata(raw, meta.title, _title(meta, url))
    decisions: list[tuple[bool, str, str]] = [
        (False, "title, byline or date line above the body (metadata)", p)
        for p in raw[: len(raw) - len(body)]
    ]
    for p in body:
        line = _read_paragraph(p)
        if line is not None and line.caption:
            decisions.append((False, "photo caption (kept apart in captions)", p))
        elif line is not None and line.kind is Kind.FURNITURE:
            decisions.append((False, "furniture inside the article (line classifier)", p))
        elif line is not None and line.kind in (Kind.DATE, Kind.BYLINE):
            decisions.append((False, "date or byline line inside the article (metadata)", p))
        else:
            decisions.append((True, "article block (trafilatura)", p))
    return decisions
