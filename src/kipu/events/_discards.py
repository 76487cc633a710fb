"""Discard lists: phrases that mark a sentence or a whole story as not to be coded.

PETRARCH's discards file (``PETR.Validate.discards.txt``, ``Phoenix.discards.txt``) lists one
phrase a line; a leading ``+`` makes it a story-level discard (sports, weather: "+TYPHOON"),
otherwise the sentence that holds it is not coded ("MONTHS LATER", "1914"). A PETRARCH phrase is
a stem ("BASEBALL" holds "baseballs") unless it ends with ``_``, which asks for the word to end
there. kipu's format is a ``# kipu: discards`` file of ``scope<TAB>phrase`` lines (scope
``story`` or ``sentence``); the event stage reads the files of that kind among ``--dictionary``
and matches phrases from the start of a word, ignoring case: whole words, or a stem when the
phrase ends with ``*``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kipu.errors import DictionaryError

KIND_LINE = "# kipu: discards"
SCOPES = ("story", "sentence")
# The mark of a phrase matched as a stem: "baseball*" holds "baseballs".
STEM = "*"


@dataclass(frozen=True, slots=True)
class Discards:
    """Compiled discard phrases: None when a scope has none."""

    story: re.Pattern[str] | None
    sentence: re.Pattern[str] | None

    def story_hit(self, text: str) -> str | None:
        """The story-level phrase the text holds, or None."""
        return _hit(self.story, text)

    def sentence_hit(self, text: str) -> str | None:
        """The sentence-level phrase the text holds, or None."""
        return _hit(self.sentence, text)


def _hit(pattern: re.Pattern[str] | None, text: str) -> str | None:
    if pattern is None:
        return None
    m = pattern.search(text)
    return m.group(0) if m else None


def import_discards(path: str) -> str:
    """A PETRARCH discards file as kipu's discards text (starts with ``# kipu: discards``)."""
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as e:
        raise DictionaryError(f"{path}: cannot read discards file: {e.strerror}") from e
    rows: list[str] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].split(";", 1)[0].strip()
        if not line or line.startswith("<!"):
            continue
        scope = "story" if line.startswith("+") else "sentence"
        phrase = " ".join(line.lstrip("+").replace("_", " ").split())
        if phrase:
            stem = "" if line.endswith("_") else STEM  # "GROUP A_": the word ends there
            rows.append(f"{scope}\t{phrase}{stem}")
    rows = list(dict.fromkeys(rows))
    header = f"{KIND_LINE}\n# imported from PETRARCH discards file {Path(path).name}\n"
    return header + "".join(r + "\n" for r in rows)


@cache
def load_discards(paths: tuple[str, ...]) -> Discards:
    """The discard phrases of the files among ``paths`` that declare ``# kipu: discards``."""
    phrases: dict[str, list[str]] = {scope: [] for scope in SCOPES}
    for path in paths:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as e:
            raise DictionaryError(f"{path}: cannot read dictionary: {e.strerror}") from e
        lines = text.lstrip("\ufeff").splitlines()
        if not lines or lines[0].strip().lower() != KIND_LINE:
            continue
        for lineno, line in enumerate(lines[1:], 2):
            if not line.strip() or line.startswith("#"):
                continue
            scope, _, phrase = line.partition("\t")
            if scope not in SCOPES or not phrase.strip():
                raise DictionaryError(
                    f"{path}:{lineno}: expected 'story|sentence<TAB>phrase', got {line[:60]!r}"
                )
            phrases[scope].append(phrase.strip())
    return Discards(story=_compile(phrases["story"]), sentence=_compile(phrases["sentence"]))


def _compile(phrases: list[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern matching any phrase from the start of a word (spaces
    flexible): to the end of a word, or as a stem when it ends with ``*``."""
    if not phrases:
        return None
    parts = sorted(
        {
            r"\s+".join(map(re.escape, p.removesuffix(STEM).split()))
            + ("" if p.endswith(STEM) else r"(?!\w)")
            for p in phrases
        },
        key=len,
        reverse=True,
    )
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")", re.IGNORECASE)
