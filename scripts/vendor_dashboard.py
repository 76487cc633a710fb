"""Vendor the dashboard's libraries and map into src/kipu/api/static/vendor/ (run on upgrades only).

    python scripts/vendor_dashboard.py

Installs the pinned npm packages with npm into a temporary folder and copies their built files,
their licences and a README.txt (versions, sources, sha256 of each file) into the package; the
result is committed, so `kipu serve` needs neither npm nor the network. The dashboard loads
these files from its own origin only (its CSP allows nothing else).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

VENDOR = Path(__file__).resolve().parents[1] / "src" / "kipu" / "api" / "static" / "vendor"
# package, version, files to copy (from the package folder), licence file
PACKAGES = [
    ("d3", "7.9.2", ["dist/d3.min.js"], "LICENSE"),
    ("@observablehq/plot", "0.6.17", ["dist/plot.umd.min.js"], "LICENSE"),
    ("topojson-client", "3.1.0", ["dist/topojson-client.min.js"], "LICENSE"),
    ("world-atlas", "2.0.2", ["countries-110m.json"], "LICENSE"),
]
NOTES = {
    "world-atlas": "countries-110m.json: Natural Earth 1:110m admin-0 countries (public domain) "
    "as TopoJSON; feature ids are ISO 3166-1 numeric codes.",
}


def main() -> None:
    if shutil.which("npm") is None:
        sys.exit("npm is needed to vendor the dashboard's libraries")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "package.json").write_text(json.dumps({"private": True}), encoding="utf-8")
        specs = [f"{name}@{version}" for name, version, _, _ in PACKAGES]
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--ignore-scripts", *specs],
            cwd=folder,
            check=True,
        )
        if VENDOR.exists():
            shutil.rmtree(VENDOR)
        VENDOR.mkdir(parents=True)
        lines = [
            "Third-party files served by kipu's dashboard, copied from the npm registry by",
            "scripts/vendor_dashboard.py. Each keeps its own licence (LICENSE-<package>.txt).",
            "",
        ]
        for name, version, files, licence in PACKAGES:
            package = folder / "node_modules" / name
            short = name.split("/")[-1]
            lines.append(f"{name} {version} (npm), licence: LICENSE-{short}.txt")
            if name in NOTES:
                lines.append(f"  {NOTES[name]}")
            for file in files:
                target = VENDOR / Path(file).name
                shutil.copyfile(package / file, target)
                digest = hashlib.sha256(target.read_bytes()).hexdigest()
                lines.append(f"  {target.name}  from {file}  sha256 {digest}")
            shutil.copyfile(package / licence, VENDOR / f"LICENSE-{short}.txt")
            lines.append("")
        (VENDOR / "README.txt").write_text("\n".join(lines), encoding="utf-8")
    print(f"vendored {len(PACKAGES)} packages into {VENDOR}")


if __name__ == "__main__":
    main()
