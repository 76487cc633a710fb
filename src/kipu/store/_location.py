"""Where a store is: a folder (a plain path or a ``file://`` URL) or a URL that fsspec writes."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from kipu.errors import StoreError

# A URL: a scheme of two or more letters, then "://" (one letter would be a Windows drive).
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+://")


def is_url(store: object) -> bool:
    """Whether ``store`` is a URL (any scheme, ``file://`` included)."""
    return isinstance(store, str) and _URL.match(store) is not None


def location(store: str | os.PathLike[str]) -> Path | str:
    """A store folder as a ``Path`` (plain paths and ``file://`` URLs), or the URL of a store
    that fsspec writes (every other scheme, without a trailing slash)."""
    if not is_url(store):
        return Path(store)
    text = str(store)
    parts = urlsplit(text)
    if parts.scheme.lower() in ("file", "local"):
        if parts.netloc not in ("", "localhost"):
            raise StoreError(f"bad store URL {text}: a file:// URL names this machine's folders")
        return Path(unquote(parts.path))
    return text.rstrip("/")


def store_exists(store: str | os.PathLike[str]) -> bool:
    """Whether there is a store to read: a folder, or a store ever written at a URL."""
    where = location(store)
    if isinstance(where, Path):
        return where.is_dir()
    from kipu.store._remote import remote
    from kipu.store._remote import store_exists as exists_at

    return exists_at(remote(where))
