"""A counterpart is the other side's holder of the same kind of office, named just before."""

from __future__ import annotations

import pytest

from tests.helpers import code, triples

pytestmark = pytest.mark.model


def test_his_counterpart_is_the_other_countrys_office_holder() -> None:
    text = (
        "The Chilean president called the Peruvian president on Monday, and the Peruvian "
        "president praised his counterpart."
    )
    assert ("PERGOV", "051", "CHLGOV") in triples(code(text))


def test_a_conjoined_verb_shares_the_owner_of_its_subject() -> None:
    text = (
        "The Peruvian foreign minister met Japan's foreign minister, and thanked his counterpart."
    )
    assert ("PERGOV", "051", "JPNGOV") in triples(code(text))


def test_a_counterpart_with_no_other_country_stays_open() -> None:
    # Only the owner's country is named: no one else's office holder to stand for.
    got = triples(code("The Peruvian president praised his counterpart on Monday."))
    assert not any(t and t.startswith("PER") for _, c, t in got if c == "051")


def test_expressing_respect_for_someone_is_praise() -> None:
    got = triples(code("The Peruvian president expressed his respect for Chile after the vote."))
    assert ("PERGOV", "051", "CHL") in got
