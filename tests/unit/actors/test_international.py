"""International organisations carry the pseudo-country IGO/NGO on events (CAMEO's country
position of "IGOUNO", "NGOHRIAMN"), and only on events."""

from __future__ import annotations

import pytest

from kipu.actors import international_country
from kipu.records import Actor
from kipu.store._export import _gdelt_actor
from tests.helpers import code


def _actor(code: str | None, country: str | None, sector: str | None, rule: str) -> Actor:
    return Actor(text="x", name=None, code=code, country=country, sector=sector, rule=rule)


def test_a_named_international_organisation_takes_its_pseudo_country() -> None:
    un = international_country(_actor("IGOUNO", None, "IGO", "organisation:United Nations"))
    assert un is not None and un.country == "IGO"
    amnesty = _actor("NGOHRIAMN", None, "NGO", "organisation:Amnesty International")
    assert international_country(amnesty).country == "NGO"  # type: ignore[union-attr]


def test_national_actors_and_kinds_of_body_keep_their_country() -> None:
    national_ngo = _actor("NGOUSAHRI", "USA", "NGO", "organisation:Human Rights Watch")
    assert international_country(national_ngo) is national_ngo
    charities = _actor("NGO", None, "NGO", "agent:charity")
    assert international_country(charities) is charities  # no international body named
    state = _actor("PERGOV", "PER", "GOV", "agent:government; country:Peruvian")
    assert international_country(state) is state
    assert international_country(None) is None


@pytest.mark.model
def test_events_carry_the_pseudo_country_the_document_context_does_not_count() -> None:
    (event,) = code("The United Nations condemned Peru on Monday.")
    assert event.source is not None and event.source.country == "IGO"
    assert event.source.code == "IGOUNO"
    assert event.target is not None and event.target.country == "PER"


def test_gdelt_leaves_an_international_country_empty_and_keeps_the_group() -> None:
    row = {
        "source_code": "IGOUNO",
        "source_country": "IGO",
        "source_sector": "IGO",
        "source_name": "United Nations",
        "source_text": "the UN",
    }
    got = _gdelt_actor(row, "source")
    assert got[:4] == ["IGOUNO", "UNITED NATIONS", None, "IGOUNO"]


def test_a_person_named_with_the_organisation_they_work_for_is_the_organisation() -> None:
    def sources(text: str) -> set[str | None]:
        return {e.source.code if e.source else None for e in code(text)}

    assert sources("Karl Stein of Amnesty International urged the Kenyan government to act.") == {
        "NGOHRIAMN"
    }
    # "of the charity Oxfam", set off by commas; the surname later is the same person
    text = (
        "Karl Stein, of the international charity Oxfam, urged the Kenyan government to act. "
        "Stein also criticised the Ugandan government."
    )
    assert sources(text) == {"NGOXFM"}
    # a country after "of" says where, not whom for
    assert sources("Karl Stein of Kenya urged the Ugandan government to act.") == {None}


def test_international_humanitarian_ngos_carry_no_home_country() -> None:
    # like Oxfam and MSF, refugee councils and rescue committees working abroad are NGO
    events = code("The Norwegian Refugee Council urged the Kenyan government to open the border.")
    assert {e.source.country for e in events if e.source} == {"NGO"}
