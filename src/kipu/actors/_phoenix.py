"""Convert TABARI/PETRARCH actor and agent dictionaries into kipu's actor dictionary format.

An actors file (``Phoenix.Countries.actors.txt``) becomes sections of kipu's formats: country-level
codes (``[PER]``) go to ``countries``, dated codes (``[AFGGOV 081101-100630]``) to
``officeholders``, other undated codes (``[IGOUNO]``, ``[PERREB]``) to ``organisations``. An agents
file (``Phoenix.agents.txt``) becomes ``agents``. Each section starts with its ``# kipu: KIND``
line, so the output is one file that ``--dictionary`` reads.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from kipu.errors import DictionaryError

# A code in brackets, with an optional date bound: "[AFGGOV 081101-100630]", "[IGOUNO >20070101]".
CODE = re.compile(r"\[([A-Za-z~]+)(?:\s+([<>]?)\s*(\d{6,8})(?:\s*-\s*(\d{6,8}))?)?\s*[\]}]")
# An agent line: "FOREIGN_MINISTER {PLURAL} [~GOVFRM]" (the plural part is optional).
AGENT = re.compile(r"^([^\[{#]+?)\s*(?:\{([^}]*)\})?\s*\[\s*([A-Za-z~]+)\s*[\]}]")
# A macro definition of an agents file: "!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON".
MACRO = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
# A verb block header of a PETRARCH verb dictionary: "--- ABANDON  [345]  ---".
VERB_BLOCK = re.compile(r"^---\s+\S+\s+\[[-\d]+\]\s+---", re.M)
# An agent code: a sector to add to the actor's country ("[~GOV]") or before it ("[IGO~]").
AGENT_CODE = re.compile(r"\[~[A-Za-z]+[\]}]|\[[A-Za-z]{3}~\]")
# The header comment of PETRARCH's discards files ("Story-level discards are indicated with a '+'").
DISCARDS_NOTE = re.compile(r"^#.*\bdiscards?\b", re.I | re.M)
# Two-digit years below this are 20xx, others 19xx (TABARI's dates start in the 1940s).
CENTURY_PIVOT = 50


@dataclass(slots=True)
class _Entry:
    names: list[str]
    codes: list[tuple[str, str, str]] = field(default_factory=list)  # code, start, end


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportResult:
    """kipu dictionary text converted from a TABARI/PETRARCH file, with what was read."""

    text: str
    kind: str  # "actors" or "agents"
    n_entries: int  # entries (names with their aliases) read
    n_rows: int  # kipu rows written
    n_skipped: int  # entries that could not be converted (no code, unreadable date)


def detect_kind(text: str) -> str | None:
    """ "actors", "agents", "verbs" or "discards" for a TABARI/PETRARCH dictionary text, None
    if unknown."""
    if VERB_BLOCK.search(text):
        return "verbs"
    if AGENT_CODE.search(text):
        return "agents"
    if CODE.search(text):
        return "actors"
    if DISCARDS_NOTE.search(text):
        return "discards"  # phrases alone, under PETRARCH's note on story and sentence discards
    return None


def import_dictionary(path: str) -> ImportResult:
    """A TABARI/PETRARCH actors or agents dictionary as kipu's actor dictionary text."""
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as e:
        raise DictionaryError(f"{path}: cannot read dictionary: {e.strerror}") from e
    kind = detect_kind(text)
    if kind == "agents":
        return _agents(text)
    if kind == "actors":
        return _actors(text)
    raise DictionaryError(f"{path}: not a TABARI/PETRARCH actors or agents dictionary")


def _lines(text: str) -> Iterator[str]:
    """Lines without comments ("#" to the end, "<!-- ... -->" blocks) or surrounding space."""
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    for line in text.splitlines():
        line = line.split("#", 1)[0].rstrip()
        if line.strip():
            yield line


def _words(raw: str) -> str:
    """A TABARI phrase as words: underscores to spaces, case as news writes names."""
    words = raw.replace("_", " ").split()
    if len(words) == 1 and len(words[0]) <= 4 and words[0].isalpha():
        return words[0]  # an acronym: "UN", "PKK", "ICC" stay in capitals
    return " ".join(w.title() if w.isupper() else w for w in words)


def _title(name: str) -> str:
    """A place name in title case ("PERU" → "Peru"); other case kept."""
    return name.title() if name.isupper() else name


def _date(raw: str) -> str | None:
    """A TABARI date (yymmdd or yyyymmdd) as ISO, or None when it is not one."""
    if len(raw) == 6:
        yy = int(raw[:2])
        raw = f"{20 if yy < CENTURY_PIVOT else 19}{raw}"
    if len(raw) != 8:
        return None
    iso = f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"
    return iso if "01" <= raw[4:6] <= "12" and "01" <= raw[6:] <= "31" else None


def _entries(text: str) -> Iterator[_Entry]:
    """Actor entries: a name line, its "+" aliases and its code lines (bracketed, maybe dated)."""
    current: _Entry | None = None
    for line in _lines(text):
        stripped = line.strip()
        if stripped.startswith("["):
            if current is not None:
                current.codes += _codes(stripped)
            continue
        if stripped.startswith("+"):
            if current is not None:
                name = _words(stripped[1:].split("[", 1)[0])
                if name:
                    current.names.append(name)
                current.codes += _codes(stripped)
            continue
        if current is not None:
            yield current
        name = _words(stripped.split("[", 1)[0])
        current = _Entry(names=[name] if name else [], codes=_codes(stripped))
    if current is not None:
        yield current


def _codes(line: str) -> list[tuple[str, str, str]]:
    out = []
    for m in CODE.finditer(line):
        code, bound, first, second = m.group(1).upper(), m.group(2), m.group(3), m.group(4)
        if first is None:
            out.append((code, "", ""))
            continue
        a, b = _date(first), _date(second) if second else None
        if a is None or (second and b is None):
            out.append((code, "?", "?"))  # unreadable date: skipped by the caller
        elif bound == ">":
            out.append((code, _shift(a, 1), ""))  # after the date
        elif bound == "<":
            out.append((code, "", _shift(a, -1)))  # before the date
        else:
            out.append((code, a, b or a))
    return out


def _shift(iso: str, days: int) -> str:
    """An ISO date moved by some days."""
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=days)).isoformat()


def _terms(codes: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Dated codes as disjoint terms: an earlier line wins where ranges overlap, and the undated
    code (PETRARCH's default) holds on the days no dated code covers. "" is an open bound."""
    first, last = dt.date.min.isoformat(), dt.date.max.isoformat()
    ordered = [c for c in codes if c[1] or c[2]] + [c for c in codes if not (c[1] or c[2])][:1]
    taken: list[tuple[str, str]] = []  # closed ranges already given to a code
    out: list[tuple[str, str, str]] = []
    for code, start, end in ordered:
        free = [(start or first, end or last)]
        for a, b in taken:
            nxt = []
            for s, e in free:
                if b < s or e < a:
                    nxt.append((s, e))
                    continue
                if s < a:
                    nxt.append((s, _shift(a, -1)))
                if b < e:
                    nxt.append((_shift(b, 1), e))
            free = nxt
        for s, e in free:
            if s <= e:
                out.append((code, "" if s == first else s, "" if e == last else e))
                taken.append((s, e))
    return out


@cache
def _country_codes() -> frozenset[str]:
    text = resources.files("kipu.actors.data").joinpath("country_codes.tsv").read_text("utf-8")
    return frozenset(
        line.split("\t", 1)[0] for line in text.splitlines() if line and not line.startswith("#")
    )


def _split(code: str, roots: frozenset[str] = frozenset()) -> tuple[str, str, str]:
    """country, sector, group of a CAMEO code ("PERREB" → PER, REB; "IGOUNO" → "", IGO, UNO);
    ``roots`` are the file's own three-letter codes, which agents extend as countries do."""
    if code[:3] in _country_codes() or code[:3] in roots:
        return code[:3], code[3:6], code[6:9]
    return "", code[:3], code[3:6]


def _seat_of_power(code: str, roots: frozenset[str]) -> bool:
    """True for a code that is a state's government or military alone ("USAGOV", "MORMIL"):
    the two sectors kipu's seats of power carry."""
    country, sector, group = _split(code, roots)
    return bool(country) and sector in ("GOV", "MIL") and not group


def _actors(text: str) -> ImportResult:
    countries: list[str] = []
    orgs: list[str] = []
    offices: list[str] = []
    n_entries = n_skipped = 0
    entries = list(_entries(text))
    roots = frozenset(c[0] for e in entries for c in e.codes if len(c[0]) == 3 and c[0].isalpha())
    for entry in entries:
        n_entries += 1
        codes = [c for c in entry.codes if c[1] != "?"]
        if not entry.names or not codes:
            n_skipped += 1
            continue
        dated = any(start or end for _, start, end in codes)
        if dated:
            name, aliases = entry.names[0], "|".join(entry.names[1:])
            for code, start, end in _terms(codes):
                country, _, _ = _split(code, roots)
                # The whole rest of the code ("-" for none: the root code alone, "[HOB]").
                sector = code[len(country) :] or "-"
                offices.append("\t".join([name, aliases, country, sector, "imported", start, end]))
            continue
        code = codes[0][0]
        if len(code) == 3:
            # A three-letter code is a root that agents extend ("[ARN]" + "~GOV" → ARNGOV), as
            # in PETRARCH, whether or not it is an ISO country.
            # "actor": TABARI and PETRARCH code a name as an actor wherever it stands ("arrived
            # in Gondor", "departed from Libya"), not as a mere place.
            countries += [f"{code}\tname\t{_title(name)}\tactor" for name in entry.names]
        elif _seat_of_power(code, roots):
            # "WHITE_HOUSE [USAGOV]": a name standing for a state's government or military is
            # what kipu's countries call a seat of power, and like every PETRARCH name it is
            # the actor wherever it stands ("closures in Michel Delving" are the Shire's).
            flags = "military,actor" if code.endswith("MIL") else "actor"
            countries += [f"{code[:3]}\tcapital\t{_title(name)}\t{flags}" for name in entry.names]
        else:
            country, sector, group = _split(code, roots)
            orgs += [f"{name}\t{code}\t{country}\t{sector}\t{group}" for name in entry.names]
    sections = [
        ("countries", countries),
        ("organisations", orgs),
        ("officeholders", offices),
    ]
    out = "".join(
        f"# kipu: {kind}\n" + "".join(r + "\n" for r in rows) for kind, rows in sections if rows
    )
    return ImportResult(
        text=out,
        kind="actors",
        n_entries=n_entries,
        n_rows=len(countries) + len(orgs) + len(offices),
        n_skipped=n_skipped,
    )


def _agents(text: str) -> ImportResult:
    macros: dict[str, list[str]] = {}
    rows: list[str] = []
    n_entries = n_skipped = 0
    for line in _lines(text):
        stripped = line.strip()
        macro = MACRO.match(stripped)
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",") if w.strip()]
            continue
        n_entries += 1
        m = AGENT.match(stripped)
        if m is None or not m.group(3).startswith("~"):
            n_skipped += 1  # no code, or a prefix code ("[IGO~]") kipu's sectors cannot hold
            continue
        # The whole agent code: "[~GOVFRM]" makes "Arnor's foreign minister" ARNGOVFRM.
        sector = m.group(3)[1:].upper()
        plurals = m.group(2)
        for phrase in _expand(m.group(1).strip(), macros):
            words = phrase.replace("_", " ").lower().split()
            for form in _forms(words, plurals):
                rows.append(f"{form}\t{sector}\tnoun")
                rows.append(f"{form}\t{sector}\ttitle")
    rows = list(dict.fromkeys(rows))
    return ImportResult(
        text="# kipu: agents\n" + "".join(r + "\n" for r in rows),
        kind="agents",
        n_entries=n_entries,
        n_rows=len(rows),
        n_skipped=n_skipped,
    )


def _forms(words: list[str], plurals: str | None) -> list[str]:
    """An agent phrase's forms: as written; its plural as PETRARCH forms it (``{FORMS}`` listed,
    ``{}`` none, else the English rule); and its singular when written in the plural
    ("SECURITY_OFFICIALS"), which is how the parse's lemmas read it."""
    if not words:
        return []
    head, last = words[:-1], words[-1]
    forms = [" ".join(words)]
    if plurals is None:
        if last.endswith("y") and last[-2:-1] not in "aeiou":
            forms.append(" ".join([*head, last[:-1] + "ies"]))
        elif last.endswith(("s", "x", "ch", "sh")):
            forms.append(" ".join([*head, last + "es"]))
        else:
            forms.append(" ".join([*head, last + "s"]))
    else:
        forms += [" ".join(p.replace("_", " ").lower().split()) for p in plurals.split()]
    if len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us", "is")):
        forms.append(" ".join([*head, last[:-1]]))
    return [f for f in forms if f]


def _expand(phrase: str, macros: dict[str, list[str]]) -> list[str]:
    """The phrase with each "!MACRO!" replaced by each of its words."""
    for name, words in macros.items():
        if name in phrase:
            return [p for w in words for p in _expand(phrase.replace(name, w, 1), macros)]
    return [phrase]
