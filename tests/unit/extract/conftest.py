"""Shared helpers for the extract tests: the fixtures folder and the seed in ../shared."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# ../shared beside the checkout (tests/unit/extract -> tests/unit -> tests -> checkout).
SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"
SEED = SHARED / "seed" / "000_78839b0446df5105.txt"


@pytest.fixture(scope="session")
def read_fixture() -> Callable[[str], str]:
    """A reader of the fixture files written for these tests (tests/unit/extract/fixtures/)."""

    def read(name: str) -> str:
        return (FIXTURES / name).read_text(encoding="utf-8")

    return read


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article as scraped (read at run time; never copied into the project)."""
    if not SEED.is_file():
        pytest.skip("../shared not present")
    return SEED.read_text(encoding="utf-8")
