"""The CAMEO codebook: every event code's name, Goldstein value, QuadClass and PLOVER mapping."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from kipu.errors import DictionaryError


@dataclass(frozen=True, slots=True, kw_only=True)
class CodeInfo:
    """One CAMEO event code and what it maps to."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_type: str | None
    plover_mode: str | None
    plover_context: str | None

    @property
    def root(self) -> str:
        return self.code[:2]


@cache
def load_codebook() -> dict[str, CodeInfo]:
    """The bundled codebook, keyed by CAMEO code (loaded once per process)."""
    text = resources.files("kipu.events.data").joinpath("cameo.tsv").read_text(encoding="utf-8")
    book: dict[str, CodeInfo] = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith(("#", "code\t")):
            continue
        cols = line.split("\t")
        if len(cols) != 7:
            raise DictionaryError(
                f"cameo.tsv:{lineno}: expected 7 tab-separated columns, got {len(cols)}"
            )
        code, name, goldstein, quad, ptype, pmode, pcontext = cols
        book[code] = CodeInfo(
            code=code,
            name=name,
            goldstein=float(goldstein),
            quad_class=int(quad),
            plover_type=ptype or None,
            plover_mode=pmode or None,
            plover_context=pcontext or None,
        )
    return book


def code_info(code: str) -> CodeInfo:
    """The codebook entry for a CAMEO code; raises DictionaryError for an unknown code."""
    book = load_codebook()
    try:
        return book[code]
    except KeyError:
        raise DictionaryError(f"unknown CAMEO event code {code!r}") from None


def foreign_code_info(code: str) -> CodeInfo:
    """A code outside CAMEO that a user's dictionary keeps (``# codes: as written``): no
    Goldstein value (0.0), QuadClass 0, no PLOVER mapping."""
    return CodeInfo(
        code=code,
        name="not a CAMEO code",
        goldstein=0.0,
        quad_class=0,
        plover_type=None,
        plover_mode=None,
        plover_context=None,
    )
