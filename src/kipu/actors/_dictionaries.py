"""kipu's actor knowledge: countries, agent nouns and titles, organisations, office holders.

All of it is plain TSV under ``kipu/actors/data/`` (written by this project; see each file's
header). This module reads the files once per process into lookup tables the resolver uses.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from kipu.errors import DictionaryError

DATA_PACKAGE = "kipu.actors.data"
# Second-column names that mark a header row rather than an entry.
HEADER_WORDS = frozenset({"kind", "sector", "code", "aliases"})


@dataclass(frozen=True, slots=True, kw_only=True)
class CountryEntry:
    code: str
    kind: str  # name | short | adjective | capital
    text: str
    ambiguous: bool
    military: bool
    place: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class AgentEntry:
    text: str  # lower-case lemma phrase
    sector: str
    kind: str  # noun | title


@dataclass(frozen=True, slots=True, kw_only=True)
class OrgEntry:
    text: str
    code: str
    country: str | None
    sector: str | None
    group: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class OfficeTerm:
    name: str
    country: str
    sector: str
    role: str
    start: str  # ISO date
    end: str | None  # ISO date, None while in office


@dataclass(slots=True)
class ActorDictionaries:
    """Lookup tables, keyed by lower-cased text (multi-word keys joined by single spaces)."""

    countries: dict[str, list[CountryEntry]] = field(default_factory=lambda: defaultdict(list))
    agents: dict[str, list[AgentEntry]] = field(default_factory=lambda: defaultdict(list))
    orgs: dict[str, OrgEntry] = field(default_factory=dict)
    offices: dict[str, list[OfficeTerm]] = field(default_factory=lambda: defaultdict(list))
    surnames: dict[str, list[OfficeTerm]] = field(default_factory=lambda: defaultdict(list))
    max_country_words: int = 1
    max_agent_words: int = 1
    max_org_words: int = 1
    sources: list[str] = field(default_factory=list)


def _rows(name: str, n_cols: int) -> Iterator[tuple[int, list[str]]]:
    """Non-comment rows of a bundled TSV file, each checked for its column count."""
    try:
        text = resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise DictionaryError(f"bundled actor dictionary {name} is missing") from e
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) < n_cols:
            cols += [""] * (n_cols - len(cols))
        if len(cols) != n_cols:
            raise DictionaryError(
                f"{name}:{lineno}: expected {n_cols} tab-separated columns, got {len(cols)}"
            )
        if cols[0] in ("code", "text", "name") and cols[1] in HEADER_WORDS:
            continue  # a header row
        yield lineno, cols


def key(text: str) -> str:
    """The lookup key of a phrase: lower case, single spaces, curly apostrophes straightened."""
    return " ".join(text.replace("’", "'").lower().split())


@cache
def load_dictionaries() -> ActorDictionaries:
    """Read the bundled actor dictionaries once per process."""
    d = ActorDictionaries()
    for _, (code, kind, text, flags) in _rows("countries.tsv", 4):
        fl = {f.strip() for f in flags.split(",") if f.strip()}
        entry = CountryEntry(
            code=code,
            kind=kind,
            text=text,
            ambiguous="ambiguous" in fl,
            military="military" in fl,
            place="place" in fl,
        )
        d.countries[key(text)].append(entry)
        d.max_country_words = max(d.max_country_words, len(key(text).split()))
    for _, (text, sector, kind) in _rows("agents.tsv", 3):
        d.agents[key(text)].append(AgentEntry(text=key(text), sector=sector, kind=kind))
        d.max_agent_words = max(d.max_agent_words, len(key(text).split()))
    for _, (text, code, country, sector, group) in _rows("organisations.tsv", 5):
        d.orgs.setdefault(
            key(text),
            OrgEntry(
                text=text,
                code=code,
                country=country or None,
                sector=sector or None,
                group=group or None,
            ),
        )
        d.max_org_words = max(d.max_org_words, len(key(text).split()))
    for _, (name, aliases, country, sector, role, start, end) in _rows("officeholders.tsv", 7):
        term = OfficeTerm(
            name=name,
            country=country,
            sector=sector or "GOV",
            role=role,
            start=start,
            end=end or None,
        )
        for alias in [name, *aliases.split("|")]:
            if alias.strip():
                d.offices[key(alias)].append(term)
        d.surnames[key(name.split()[-1])].append(term)
    d.sources = ["countries.tsv", "agents.tsv", "organisations.tsv", "officeholders.tsv"]
    return d
