"""The offline gazetteer: place names → cities, first-level regions and countries with coordinates.

Read once per process from ``data/gazetteer.tsv`` (built by ``scripts/build_gazetteer.py`` from
GeoNames cities of 15,000+ people, country centroids and first-level regions) plus the country
names and short forms of the actors' ``countries.tsv``; lookups are dictionary hits on folded text.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

DATA_PACKAGE = "kipu.enrich.data"
ACTOR_DATA_PACKAGE = "kipu.actors.data"
# countries.tsv kinds that name the country itself as a place (adjectives are kept apart).
COUNTRY_NAME_KINDS = ("name", "short")
# Feature order when two entries tie: a country name is read as the country (news usage).
FEATURE_RANK = {"country": 2, "city": 1, "region": 0}


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One gazetteer place: a city, a first-level region or a country."""

    feature: str  # "city", "region" or "country"
    name: str
    country: str  # kipu's three-letter country code (ISO alpha-3 or CAMEO's)
    admin1: str | None
    lat: float
    lon: float
    population: int
    key: str  # the folded name itself ("bogota"): a hit on it is not an alternate name


@dataclass(slots=True)
class Gazetteer:
    """Lookup tables keyed by folded text; entries are parsed from their rows on first use."""

    rows: list[str] = field(default_factory=list)  # gazetteer.tsv data rows, unparsed
    index: dict[str, str] = field(default_factory=dict)  # folded name -> "12,408" row numbers
    extra: dict[str, list[int]] = field(default_factory=dict)  # country names from countries.tsv
    countries: dict[str, GazetteerEntry] = field(default_factory=dict)
    country_names: set[str] = field(default_factory=set)  # folded names of countries as places
    adjectives: dict[str, str] = field(default_factory=dict)  # "syrian" -> "SYR"
    capitals: dict[str, set[str]] = field(default_factory=dict)  # "tripoli" -> {"LBY"}
    parsed: dict[int, GazetteerEntry] = field(default_factory=dict)

    def entry(self, number: int) -> GazetteerEntry:
        """The entry on a data row of gazetteer.tsv."""
        found = self.parsed.get(number)
        if found is None:
            feature, name, country, admin1, lat, lon, population, key = self.rows[number].split(
                "\t"
            )
            found = GazetteerEntry(
                feature, name, country, admin1 or None, float(lat), float(lon), int(population), key
            )
            self.parsed[number] = found
        return found

    def _numbers(self, key: str) -> list[int]:
        """Row numbers of the entries known by a folded name."""
        listed = self.index.get(key)
        numbers = [int(n) for n in listed.split(",")] if listed else []
        return numbers + [n for n in self.extra.get(key, ()) if n not in numbers]

    def lookup(self, text: str) -> list[GazetteerEntry]:
        """Every entry known by this name, with or without a leading "the" (empty when none)."""
        key = fold(text)
        numbers = self._numbers(key)
        if not numbers and key.startswith("the "):
            numbers = self._numbers(key[4:])
        return [self.entry(n) for n in numbers]


def fold(text: str) -> str:
    """Lower-case text without accents or doubled spaces ("Bogotá" → "bogota")."""
    if text.isascii():
        return " ".join(text.lower().split())
    nfkd = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return " ".join("".join(c for c in nfkd if not unicodedata.combining(c)).lower().split())


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine, Earth radius 6,371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def _data_lines(package: str, name: str) -> list[list[str]]:
    """Tab-separated, non-comment lines of a bundled data file."""
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def _data_text(package: str, name: str) -> str:
    """The text of a bundled data file."""
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, read once per process."""
    gaz = Gazetteer()
    gaz.rows = [r for r in _data_text(DATA_PACKAGE, "gazetteer.tsv").splitlines() if r[:1] != "#"]
    gaz.index = dict(
        line.split("\t", 1)
        for line in _data_text(DATA_PACKAGE, "gazetteer_names.tsv").splitlines()
        if line[:1] != "#"
    )
    country_rows: dict[str, int] = {}
    for number, row in enumerate(gaz.rows):
        if not row.startswith("country\t"):
            continue
        entry = gaz.entry(number)
        gaz.countries[entry.country] = entry
        country_rows[entry.country] = number
    for line in _data_text(ACTOR_DATA_PACKAGE, "countries.tsv").splitlines():
        if not line or line[0] == "#":
            continue
        cols = line.split("\t")
        code, kind, text = cols[0].strip(), cols[1].strip(), cols[2].strip()
        flags = cols[3].strip() if len(cols) > 3 else ""
        key = fold(text)
        if kind == "adjective" and "place" not in flags:
            gaz.adjectives.setdefault(key, code)
        elif kind == "capital":
            gaz.capitals.setdefault(key, set()).add(code)
        elif kind in COUNTRY_NAME_KINDS and "place" not in flags and code in country_rows:
            gaz.country_names.add(key)
            gaz.extra.setdefault(key, []).append(country_rows[code])
    return gaz
