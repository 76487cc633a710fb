"""Build src/kipu/events/data/cameo.tsv from the field's public code tables.

The CAMEO codes, their short names, GDELT's Goldstein values and the CAMEO→PLOVER mapping are facts
of the field; this script carries them into kipu's own table. It reads the tables from a folder
given on the command line (the project's reference folder) and writes the TSV; the output is
committed, so kipu needs no reference files at run time.

    python scripts/build_codebook.py ../shared/reference > src/kipu/events/data/cameo.tsv
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path


def quad_class(root: str) -> int:
    """CAMEO root → QuadClass (01-05 verbal coop, 06-08 material coop, 09-13, 14-20 conflict)."""
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


def main(ref: Path) -> None:
    names: dict[str, str] = {}
    for line in (ref / "CAMEO.eventcodes.txt").read_text(encoding="utf-8").splitlines()[1:]:
        code, _, name = line.partition("\t")
        if code.strip():
            # GDELT's file has one mis-encoded name (044's quotes around "third"): keep ASCII.
            names[code.strip()] = re.sub(
                r"[^\x20-\x7e]+(\w*)[^\x20-\x7e]+", r"third ", name.strip()
            )
    goldstein: dict[str, float] = {}
    for line in (ref / "CAMEO.goldsteinscale.txt").read_text(encoding="utf-8").splitlines()[1:]:
        code, _, value = line.partition("\t")
        if code.strip():
            goldstein[code.strip()] = float(value)
    # Codes CAMEO defines that GDELT's list lacks (e.g. 1213): name and value from the ICEWS table.
    with (ref / "cameo-codes.csv").open(encoding="utf-8", errors="replace", newline="") as f:
        for row in csv.DictReader(f):
            code = row["code"].strip()
            if code and code not in names:
                names[code] = row["name"].strip()
                goldstein[code] = float(row["goldstein"])
    names = dict(sorted(names.items(), key=lambda kv: (kv[0][:3], kv[0])))
    plover: dict[str, tuple[str, str, str]] = {}
    for line in (ref / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or ":" not in line:
            continue
        code, _, rest = line.partition(":")
        parts = [p.strip() for p in rest.split(",")] + ["", ""]
        plover.setdefault(code.strip(), (parts[0], parts[1], parts[2]))
    out = sys.stdout
    out.write("# kipu CAMEO codebook: every CAMEO event code with its name, Goldstein value,\n")
    out.write("# QuadClass and PLOVER type/mode/context. Facts of the field, built by\n")
    out.write(
        "# scripts/build_codebook.py from CAMEO's code list, GDELT's Goldstein table and the\n"
    )
    out.write("# PLOVER project's CAMEO→PLOVER mapping (2021). Empty PLOVER fields: no mapping.\n")
    out.write("code\tname\tgoldstein\tquad_class\tplover_type\tplover_mode\tplover_context\n")
    for code, name in names.items():
        root = code[:2]
        ptype, pmode, pcontext = plover.get(code) or plover.get(code[:3]) or ("", "", "")
        if code not in plover and code[:3] in plover:
            pmode = ""  # a child code inherits its parent's type and context, not its mode
        g = goldstein.get(code, goldstein.get(code[:3], 0.0))
        out.write(f"{code}\t{name}\t{g}\t{quad_class(root)}\t{ptype}\t{pmode}\t{pcontext}\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
