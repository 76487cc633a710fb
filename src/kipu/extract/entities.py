"""HTML character references left in scraped text (``&#39;``, ``&amp;``, ``&39;``), decoded.

Scrapers that take a page's text without its markup, or that escape it twice, leave references
behind: ``it&#39;s``, ``AT&amp;amp;T``, and, with the ``#`` lost, ``it&39;s``. They would reach the
parser and the stored sentence as written. ``html.unescape`` reads the well-formed ones; it is
applied only to references closed by ``;`` (it also reads a legacy name without one, so
"&notice" would become "¬ice"), and the ``&39;`` form, which no HTML parser reads, is read here
by hand as the decimal reference it lost its ``#`` from.
"""

from __future__ import annotations

import html
import re

_REFERENCE = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# "&39;": a decimal reference without its "#". Two to four digits: the printable ASCII and Latin
# characters scrapers lose this way (&39; ', &34; ", &38; &, &160; no-break space, &8217; ’).
_HASHLESS = re.compile(r"&(\d{2,4});")
# Text escaped twice ("&amp;#39;") needs a second pass; more than two is not seen in practice.
MAX_PASSES = 2
_FIRST_PRINTABLE = 32


def _hashless(match: re.Match[str]) -> str:
    code = int(match[1])
    return chr(code) if code >= _FIRST_PRINTABLE and not 0x7F <= code < 0xA0 else match[0]


def _decode_once(text: str) -> str:
    text = _REFERENCE.sub(lambda m: html.unescape(m[0]), text)
    return _HASHLESS.sub(_hashless, text)


def decode_entities(text: str) -> str:
    """``text`` with its character references read: "it&#39;s", "it&39;s" → "it's"."""
    for _ in range(MAX_PASSES):
        if "&" not in text:
            break
        decoded = _decode_once(text)
        if decoded == text:
            break
        text = decoded
    return text
