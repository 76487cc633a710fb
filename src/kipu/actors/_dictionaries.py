"""kipu's actor knowledge: countries, agent nouns and titles, organisations, office holders.

All of it is plain TSV under ``kipu/actors/data/`` (written by this project; see each file's
header). This module reads the files once per process into lookup tables the resolver uses.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from kipu.errors import DictionaryError

DATA_PACKAGE = "kipu.actors.data"
# The kinds of actor dictionary: bundled file and column count (users' files declare one).
USER_KINDS = {
    "countries": ("countries.tsv", 4),
    "agents": ("agents.tsv", 3),
    "organisations": ("organisations.tsv", 5),
    "officeholders": ("officeholders.tsv", 7),
}
# The first line of a user dictionary: "# kipu: agents" (the convention of DESIGN.md).
KIND_LINE = re.compile(r"^#\s*kipu:\s*([A-Za-z_]+)\s*$")
# Second-column names that mark a header row rather than an entry.
HEADER_WORDS = frozenset({"kind", "sector", "code", "aliases"})
# Arabic articles a surname may be written with or without ("al-Assad", "Assad").
ARABIC_ARTICLES = frozenset({"al", "el", "ad", "as", "ash", "at", "az", "ar", "an"})


@dataclass(frozen=True, slots=True, kw_only=True)
class CountryEntry:
    code: str
    kind: str  # name | short | adjective | capital
    text: str
    ambiguous: bool
    military: bool
    place: bool
    actor: bool = False  # an actor in every role, a place too ("in Bree": imported PETRARCH names)


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
    # Every way an organisation's rows write its name, by key: "NATO" and "Nato", "ISIS" and
    # "Isis" share one key and one entry, and an acronym counts only as one of them is written.
    org_spellings: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    offices: dict[str, list[OfficeTerm]] = field(default_factory=lambda: defaultdict(list))
    surnames: dict[str, list[OfficeTerm]] = field(default_factory=lambda: defaultdict(list))
    max_country_words: int = 1
    max_agent_words: int = 1
    max_org_words: int = 1
    sources: list[str] = field(default_factory=lambda: [name for name, _ in USER_KINDS.values()])


def _bundled_text(name: str) -> str:
    """The text of a bundled TSV file."""
    try:
        return resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise DictionaryError(f"bundled actor dictionary {name} is missing") from e


def _rows(name: str, n_cols: int, text: str | None = None) -> Iterator[tuple[int, list[str]]]:
    """Non-comment rows of a TSV file (bundled unless ``text`` is given), column count checked."""
    if text is None:
        text = _bundled_text(name)
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


@lru_cache(maxsize=1 << 16)  # (every word of every sentence is looked up, most of them often)
def key(text: str) -> str:
    """The lookup key of a phrase: lower case, single spaces, curly apostrophes straightened."""
    return " ".join(text.replace("’", "'").lower().split())


def user_kind(path: str) -> str | None:
    """The kind a user dictionary declares on its first line (``# kipu: agents``), or None."""
    try:
        with open(path, encoding="utf-8") as f:
            first = f.readline()
    except OSError as e:
        raise DictionaryError(f"{path}: cannot read dictionary: {e.strerror}") from e
    except UnicodeDecodeError as e:
        raise DictionaryError(f"{path}: dictionary is not UTF-8") from e
    match = KIND_LINE.match(first.lstrip("\ufeff").strip())
    return match.group(1).lower() if match else None


@cache
def load_dictionaries(paths: tuple[str, ...] = (), bundled: bool = True) -> ActorDictionaries:
    """Read the bundled actor dictionaries, then the user's files in order, once per process.

    A user file's first line names its kind (``# kipu: countries|agents|organisations|
    officeholders``) and its rows have the columns of the bundled file of that kind; a later
    ``# kipu: KIND`` line starts a section of another kind (``kipu dict import`` writes such
    files). An entry overrides the entries with the same text before it. Files and sections of
    other kinds (event patterns) are left to the stages that read them. Without ``bundled``,
    the user's files alone (imported dictionaries coding as they were meant to).
    """
    d = ActorDictionaries()
    for kind, (name, _) in USER_KINDS.items() if bundled else ():
        _add(d, kind, _rows(name, USER_KINDS[kind][1]), override=False)
    for path in paths:
        if user_kind(path) is None:
            continue  # no kind line: an event pattern file
        with open(path, encoding="utf-8") as f:
            text = f.read().lstrip("\ufeff")
        used = False
        for kind, section in _sections(text):
            if kind in USER_KINDS:
                _add(d, kind, _rows(path, USER_KINDS[kind][1], section), override=True)
                used = True
        if used:
            d.sources.append(path)
    return d


def _sections(text: str) -> list[tuple[str, str]]:
    """A user file split at its ``# kipu: KIND`` lines: (kind, text with line numbers kept)."""
    out: list[tuple[str, list[str]]] = []
    lines = text.splitlines()
    for n, line in enumerate(lines):
        match = KIND_LINE.match(line.strip())
        if match:
            # Blank lines stand in for the lines before, so errors name the file's line number.
            out.append((match.group(1).lower(), [""] * (n + 1)))
        elif out:
            out[-1][1].append(line)
    return [(kind, "\n".join(body)) for kind, body in out]


def _add(
    d: ActorDictionaries,
    kind: str,
    rows: Iterator[tuple[int, list[str]]],
    *,
    override: bool,
) -> None:
    """Add rows of one kind; with ``override``, an entry replaces earlier ones of the same text."""
    replaced: set[str] = set()  # keys this file has already replaced (its own rows add up)

    def fresh(table: dict[str, Any], k: str) -> None:
        if override and k not in replaced:
            table.pop(k, None)
            replaced.add(k)

    if kind == "countries":
        for _, (code, ckind, text, flags) in rows:
            fl = {f.strip() for f in flags.split(",") if f.strip()}
            entry = CountryEntry(
                code=code,
                kind=ckind,
                text=text,
                ambiguous="ambiguous" in fl,
                military="military" in fl,
                place="place" in fl,
                actor="actor" in fl,
            )
            fresh(d.countries, key(text))
            d.countries[key(text)].append(entry)
            d.max_country_words = max(d.max_country_words, len(key(text).split()))
    elif kind == "agents":
        for _, (text, sector, akind) in rows:
            fresh(d.agents, key(text))
            d.agents[key(text)].append(AgentEntry(text=key(text), sector=sector, kind=akind))
            d.max_agent_words = max(d.max_agent_words, len(key(text).split()))
    elif kind == "organisations":
        for _, (text, code, country, sector, group) in rows:
            entry = OrgEntry(
                text=text,
                code=code,
                country=country or None,
                sector=sector or None,
                group=group or None,
            )
            if override:
                d.orgs[key(text)] = entry
                fresh(d.org_spellings, key(text))
            else:
                d.orgs.setdefault(key(text), entry)
            d.org_spellings[key(text)].add(text)
            d.max_org_words = max(d.max_org_words, len(key(text).split()))
    else:
        terms = [
            (
                OfficeTerm(
                    name=name,
                    country=country,
                    # "-": the code is the country's alone (an imported dated code such as [HOB]).
                    sector="" if sector == "-" else (sector or "GOV"),
                    role=role,
                    start=start,
                    end=end or None,
                ),
                aliases,
            )
            for _, (name, aliases, country, sector, role, start, end) in rows
        ]
        if override:
            # The user's terms for a person replace the bundled ones.
            names = {key(t.name) for t, _ in terms}
            for table in (d.offices, d.surnames):
                for k, old in table.items():
                    if any(key(t.name) in names for t in old):
                        table[k] = [t for t in old if key(t.name) not in names]
        for term, aliases in terms:
            for alias in [term.name, *aliases.split("|")]:
                if alias.strip():
                    d.offices[key(alias)].append(term)
            surname = key(term.name.split()[-1])
            d.surnames[surname].append(term)
            article, dash, rest = surname.partition("-")
            if dash and rest and article in ARABIC_ARTICLES:
                d.surnames[rest].append(term)  # "al-Assad" is also written "Assad"
