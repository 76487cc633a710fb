from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kipu.enrich.quantities import parse_quantity


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("$84 million", 84e6, "USD"),
        ("$4.5 million", 4.5e6, "USD"),
        ("€11m", 11e6, "EUR"),
        ("1.2 billion rupees", 1.2e9, "INR"),
        ("£3bn", 3e9, "GBP"),
        ("12 million euros", 12e6, "EUR"),
        ("5,000 dollars", 5000, "USD"),
        ("US$2 billion", 2e9, "USD"),
        ("A$5 million", 5e6, "AUD"),
        ("$10-12 million", 10e6, "USD"),
    ],
)
def test_parse_quantity_money(text: str, amount: float, currency: str) -> None:
    q = parse_quantity(text)
    assert q is not None
    assert q.amount == pytest.approx(amount)
    assert q.currency == currency
    assert q.text == text


@pytest.mark.parametrize("text", ["about 300 people", "14 soldiers", "", "million", "the budget"])
def test_parse_quantity_without_currency_is_none(text: str) -> None:
    assert parse_quantity(text) is None


@given(st.text())
def test_parse_quantity_never_raises(text: str) -> None:
    parse_quantity(text)
