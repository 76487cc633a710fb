"""The sources stage's options and its unit of input."""

from __future__ import annotations

from dataclasses import dataclass, field

from kipu.errors import SettingsError
from kipu.sources._dates import normalise_date

STAGE = "sources"
# Default cap on one input, raw or decompressed: 50 MB is far above any news page or a sane JSONL
# shard, and low enough that a stray disk image or video is refused before it fills memory.
DEFAULT_MAX_BYTES = 50_000_000


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceOptions:
    """How inputs are read.

    ``date`` is the publication date (any form ``normalise_date`` accepts; stored as ISO) given to
    documents whose input supplies none (``--date``). An input larger than ``max_bytes``, raw or
    decompressed, is rejected as ``too_large`` without being read whole.
    """

    date: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES

    def __post_init__(self) -> None:
        if self.date is not None:
            iso = normalise_date(self.date)
            if iso is None:
                raise SettingsError(
                    f"date {self.date!r} is not a date: use YYYY-MM-DD, e.g. --date 2012-10-07"
                )
            object.__setattr__(self, "date", iso)
        if isinstance(self.max_bytes, bool) or not isinstance(self.max_bytes, int):
            raise SettingsError(
                f"max_bytes must be a whole number of bytes, not {self.max_bytes!r}"
            )
        if self.max_bytes < 1:
            raise SettingsError(f"max_bytes must be at least 1, not {self.max_bytes}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Input:
    """One input to read: a file, or stdin (``input_id`` "-").

    ``content_hash`` is ``ids.content_hash`` of the raw bytes (compressed, for gzip): the store's
    manifest key. ``data`` holds the bytes of a stream that cannot be read twice (stdin, a pipe);
    it is None for regular files, which ``read_documents`` opens itself.
    """

    input_id: str
    path: str | None
    content_hash: str
    data: bytes | None = field(default=None, repr=False, compare=False)
