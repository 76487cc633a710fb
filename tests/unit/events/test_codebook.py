from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kipu.errors import DictionaryError
from kipu.events import code_info, load_codebook


def test_codebook_has_every_root_with_quad_class() -> None:
    book = load_codebook()
    for r in range(1, 21):
        root = f"{r:02d}"
        assert root in book
        expected = 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4
        assert book[root].quad_class == expected


@pytest.mark.parametrize(
    ("code", "goldstein", "plover"),
    [
        ("042", 1.9, "CONSULT"),
        ("051", 3.4, "SUPPORT"),
        ("057", 8.0, "SUPPORT"),
        ("071", 7.4, "AID"),
        ("173", -5.0, "COERCE"),
        ("190", -10.0, "ASSAULT"),
        ("010", 0.0, None),
    ],
)
def test_codebook_values(code: str, goldstein: float, plover: str | None) -> None:
    info = code_info(code)
    assert info.goldstein == goldstein
    assert info.plover_type == plover
    assert info.root == code[:2]


def test_unknown_code_is_a_dictionary_error() -> None:
    with pytest.raises(DictionaryError, match="9999"):
        code_info("9999")


def test_codebook_covers_every_cameo_code_in_the_reference(shared: Path) -> None:
    path = shared / "reference" / "cameo-codes.csv"
    if not path.is_file():
        pytest.skip("cameo-codes.csv not present")
    with path.open(encoding="utf-8", errors="replace") as f:
        codes = {row["code"] for row in csv.DictReader(f)}
    missing = codes - set(load_codebook())
    assert not missing
