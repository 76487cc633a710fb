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


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("12", 12),
        ("1,200", 1200),
        ("twenty-three", 23),
        ("at least 40", 40),
        ("a dozen", 12),
        ("two hundred", 200),
        ("3 million", 3e6),
    ],
)
def test_parse_count(text: str, amount: float) -> None:
    from kipu.enrich.quantities import parse_count

    assert parse_count(text) == pytest.approx(amount)


@pytest.mark.parametrize("text", ["dozens", "hundreds", "several", "many", ""])
def test_parse_count_vague_is_none(text: str) -> None:
    from kipu.enrich.quantities import parse_count

    assert parse_count(text) is None


def test_count_quantity_unit() -> None:
    from kipu.enrich.quantities import count_quantity

    q = count_quantity("at least 12", "killed")
    assert q is not None and q.amount == 12 and q.unit == "killed" and q.currency is None
    with pytest.raises(ValueError):
        count_quantity("12", "bananas")


@pytest.mark.parametrize(
    ("text", "amount"),
    [("20 to 30", 20), ("10-12 million", 10e6), ("between 20 and 30", 20), ("some 5,000", 5000)],
)
def test_parse_count_range_gives_lower_bound(text: str, amount: float) -> None:
    from kipu.enrich.quantities import parse_count

    assert parse_count(text) == pytest.approx(amount)


@pytest.mark.parametrize("text", ["up to 40", "as many as 300", "fewer than 10", "12 15"])
def test_parse_count_upper_bound_or_two_numbers_is_none(text: str) -> None:
    from kipu.enrich.quantities import parse_count

    assert parse_count(text) is None
