"""Office holders without an article date, former office holders, and past states."""

from __future__ import annotations

import pytest

from kipu.records import Actor
from tests.helpers import actors_by_head

pytestmark = pytest.mark.model


def heads(text: str, published: str | None = None) -> dict[str, Actor]:
    return actors_by_head(text, published)


def test_undated_title_and_surname_name_the_one_office_holder() -> None:
    found = heads("President Mwanawasa opened the new session of parliament.")
    assert found["Mwanawasa"].code == "ZMBGOV"
    assert "undated" in found["Mwanawasa"].rule


def test_undated_surname_needs_a_title_of_the_office_held() -> None:
    # Mwanawasa was a head of state, never a defence minister.
    found = heads("Defence Minister Mwanawasa opened the new session of parliament.")
    assert found["Mwanawasa"].country is None


def test_two_holders_of_one_office_give_the_code_without_a_name() -> None:
    found = heads("President Bush met the visiting delegation.")
    assert found["Bush"].code == "USAGOV"


def test_surname_without_its_arabic_article() -> None:
    found = heads("President Assad received the envoy in his palace.", "2015-06-01")
    assert found["Assad"].code == "SYRGOV"


def test_ousted_office_holder_is_an_elite_of_his_country() -> None:
    found = heads("Ousted President Askar Akayev spoke to reporters.")
    assert found["Akayev"].code == "KGZELI"


def test_a_title_the_tagger_put_into_the_name_is_not_part_of_it() -> None:
    found = heads("Ayatollah Ruhollah Khomeini rejected the proposal.")
    assert found["Khomeini"].country == "IRN"


@pytest.mark.parametrize(
    ("published", "code"),
    [("1985-03-01", "SUNGOV"), ("2005-03-01", "RUSGOV"), (None, "RUSGOV")],
)
def test_capital_of_a_past_state_by_the_article_date(published: str | None, code: str) -> None:
    found = heads("Moscow rejected the proposal on Tuesday.", published)
    assert found["Moscow"].code == code


def test_a_past_state_named_in_an_undated_text_gives_its_era() -> None:
    found = heads("Moscow rejected the proposal, and Soviet diplomats left the talks.")
    assert found["Moscow"].code == "SUNGOV"
    found = heads("The Kremlin said East Germany would attend.")
    assert found["Kremlin"].code == "SUNGOV"


def test_a_state_named_as_past_gives_no_era() -> None:
    found = heads("Moscow rejected the proposal, unlike most of the former Soviet Union.")
    assert found["Moscow"].code == "RUSGOV"
    found = heads("Moscow rejected the proposal, as did several post-Soviet states.")
    assert found["Moscow"].code == "RUSGOV"
