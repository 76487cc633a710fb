"""The README's two quick-start commands on a fresh clone (no .venv), as a new user runs them."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NESTED = "KIPU_QUICKSTART_NESTED"


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quick start\s+```sh\n(.*?)```", text, re.S)
    assert block, "README has no quick-start block"
    return [line.split("#")[0].strip() for line in block.group(1).splitlines() if line.strip()]


def test_readme_quickstart_is_two_make_commands() -> None:
    assert _readme_commands() == ["make demo", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


@pytest.mark.skipif(bool(os.environ.get(NESTED)), reason="already inside the quick-start test")
def test_fresh_clone_passes_both_readme_commands(tmp_path: Path) -> None:
    if shutil.which("git") is None or shutil.which("make") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git, make and a git checkout")
    clone = tmp_path / "kipu"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    assert not (clone / ".venv").exists()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHONPATH"))}
    env[NESTED] = "1"
    env["PATH"] = os.pathsep.join(
        p for p in env.get("PATH", "").split(os.pathsep) if ".venv" not in p
    )
    for command in _readme_commands():
        result = subprocess.run(
            command.split(), cwd=clone, env=env, capture_output=True, text=True, timeout=1800
        )
        assert result.returncode == 0, (command, result.stdout[-3000:], result.stderr[-3000:])
        if command == "make demo":
            assert "Events by CAMEO root" in result.stdout
            assert (clone / "kipu-data" / "events").is_dir()
        else:
            assert re.search(r"\d+ passed", result.stdout)
