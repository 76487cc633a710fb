"""Shared fixtures: the ../shared folder (skip when absent) and the English model (once per run)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared reference folder beside the checkout; tests using it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared not present (reference data and the seed live there)")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared: Path) -> Path:
    path = shared / "seed" / "000_78839b0446df5105.txt"
    if not path.is_file():
        pytest.skip("../shared/seed/000_78839b0446df5105.txt not present")
    return path


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The English pipeline, loaded once for the whole test run."""
    from kipu.nlp import load_model

    return load_model()
