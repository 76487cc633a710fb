"""Content-hash identifiers: re-running anything on the same text converges to the same ids."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACE = re.compile(r"\s+")
# 16 hex digits (64 bits): collisions are negligible at Common Crawl scale (~1e10 documents).
ID_HEX_DIGITS = 16


def normalise_text(text: str) -> str:
    """Unicode NFKC, case-folded, whitespace collapsed: what the document id is computed on."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def make_doc_id(text: str) -> str:
    """The id of an article: a hash of its normalised body text."""
    digest = hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()
    return digest[:ID_HEX_DIGITS]


def make_id(*parts: object) -> str:
    """A stable id from several parts (used for event ids)."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:ID_HEX_DIGITS]


def content_hash(data: bytes) -> str:
    """The hash of an input's raw bytes (the store's manifest key)."""
    return hashlib.sha256(data).hexdigest()
