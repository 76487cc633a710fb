"""Lines a site repeats across its pages: furniture, found by reading several pages together.

A site's menus, share bars, newsletter boxes, "most read" lists and footers come back on every
page it serves; an article's sentences do not. When several scraped texts of one site are read
together (same URL host, or the same input when there are no URLs, such as a WET file or a JSON
Lines export), the lines that two or more of them share are marked as that site's furniture and
handed to the text cleaner with each document (``Document.site_lines``).

Two copies of one article (the same story under two URLs) share their body too: the cleaner
ignores the signal for a document when it would take away most of its prose (see text.py).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from urllib.parse import urlsplit

from kipu.extract.text import line_key, split_lines
from kipu.records import Document, Rejected

# Documents buffered before the shared lines of each site are counted: enough for a site's pages
# to meet in a WET file or a crawl folder, small enough to keep memory and latency bounded.
WINDOW_DOCUMENTS = 256
WINDOW_CHARS = 32_000_000
# A line shared by this many documents of a site is the site's.
MIN_DOCUMENTS = 2


def site_of(document: Document) -> str:
    """The site a document belongs to: its URL host (without ``www.``), else its input."""
    if document.url:
        try:
            host = urlsplit(document.url).hostname or ""
        except ValueError:  # "http://[": a bracket that opens no IPv6 address
            host = ""
        if host:
            return host.removeprefix("www.")
    return f"input:{document.origin or document.input_id}"


def shared_lines(texts: Sequence[str], min_documents: int = MIN_DOCUMENTS) -> frozenset[str]:
    """The keys (``line_key``) of the lines found in at least ``min_documents`` of the texts."""
    seen: Counter[str] = Counter()
    for text in texts:
        seen.update({line_key(line) for line in split_lines(text)})
    return frozenset(key for key, n in seen.items() if n >= min_documents)


def mark_site_lines(documents: Sequence[Document]) -> list[Document]:
    """The documents, each text one given the lines it shares with other texts of its site."""
    by_site: dict[str, list[int]] = defaultdict(list)
    for i, document in enumerate(documents):
        if document.kind == "text":
            by_site[site_of(document)].append(i)
    marked = list(documents)
    for members in by_site.values():
        if len(members) < MIN_DOCUMENTS:
            continue
        shared = shared_lines([documents[i].content for i in members])
        if not shared:
            continue
        for i in members:
            own = {line_key(line) for line in split_lines(documents[i].content)} & shared
            if own:
                marked[i] = replace(documents[i], site_lines=tuple(sorted(own)))
    return marked


def with_site_lines(
    items: Iterable[Document | Rejected],
    window: int = WINDOW_DOCUMENTS,
    window_chars: int = WINDOW_CHARS,
) -> Iterator[Document | Rejected]:
    """The stream unchanged in order, its text documents marked by window (``mark_site_lines``)."""
    buffer: list[Document | Rejected] = []
    documents, chars = 0, 0
    for item in items:
        buffer.append(item)
        if isinstance(item, Document):
            documents += 1
            chars += len(item.content)
        if documents >= window or chars >= window_chars:
            yield from _flush(buffer)
            buffer, documents, chars = [], 0, 0
    yield from _flush(buffer)


def _flush(buffer: list[Document | Rejected]) -> Iterator[Document | Rejected]:
    positions = [i for i, item in enumerate(buffer) if isinstance(item, Document)]
    marked = mark_site_lines([buffer[i] for i in positions])  # type: ignore[misc]
    out = list(buffer)
    for i, document in zip(positions, marked, strict=True):
        out[i] = document
    yield from out
