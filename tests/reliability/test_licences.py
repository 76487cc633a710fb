"""docs/LICENSES.md lists the licence of every package kipu depends on."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_runtime_dependency_has_its_licence_listed() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {key(re.split(r"[<>=!~ ;\[]", d, maxsplit=1)[0]) for d in project["dependencies"]}
    rows = re.findall(
        r"^\| (\S+)\s+\| \S+\s+\| ([^|]+?)\s+\|",
        (ROOT / "docs" / "LICENSES.md").read_text(encoding="utf-8"),
        re.M,
    )
    listed = {
        key(name): licence
        for name, licence in rows
        if name not in ("Name",) and not name.startswith("-")
    }
    assert wanted <= set(listed), sorted(wanted - set(listed))
    assert all(licence.strip() and licence != "UNKNOWN" for licence in listed.values())
