"""The seed article's actors (issue 4): each mention with its CAMEO code and its evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from kipu.records import Actor
from tests.helpers import resolve

pytestmark = pytest.mark.model

SEED_DATE = "2012-10-07"  # the article's dateline date


@pytest.fixture(scope="module")
def seed_mentions(seed_path: Path) -> list[tuple[int, str, Actor]]:
    """(sentence index, mention text as written, actor) for every mention of the seed."""
    resolved = resolve(seed_path.read_text(encoding="utf-8"), SEED_DATE)
    out = []
    for sentence, mentions in zip(resolved.parsed.sentences, resolved.mentions, strict=True):
        for m in mentions:
            text = sentence.text[
                sentence.tokens[m.start].start - sentence.start : sentence.tokens[m.end - 1].end
                - sentence.start
            ]
            out.append((sentence.index, text, m.actor))
    return out


def _codes(mentions: list[tuple[int, str, Actor]], text: str) -> list[str | None]:
    return [a.code for _, t, a in mentions if t == text]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("U.S. Defense Secretary Leon Panetta", "USAGOV"),
        ("Panetta", "USAGOV"),
        ("he", "USAGOV"),
        ("Washington", "USAGOV"),
        ("the Peruvian Defense Ministry", "PERGOV"),
        ("Shining Path guerrillas", "PERREB"),
        ("drug traffickers", "PERCRM"),
        ("Lima", "PERGOV"),
        ("President Ollanta Humala", "PERGOV"),
        ("Cateriano", "PERGOV"),
    ],
)
def test_seed_actor(seed_mentions: list[tuple[int, str, Actor]], text: str, code: str) -> None:
    codes = _codes(seed_mentions, text)
    assert codes, f"{text!r} not found among {[t for _, t, _ in seed_mentions]}"
    assert set(codes) == {code}, (text, codes)


def test_every_seed_actor_has_its_evidence(seed_mentions: list[tuple[int, str, Actor]]) -> None:
    for _, _, actor in seed_mentions:
        assert actor.rule


def test_pronoun_names_its_antecedent(seed_mentions: list[tuple[int, str, Actor]]) -> None:
    rules = [a.rule for _, t, a in seed_mentions if t == "he"]
    assert rules == ["pronoun → Leon Panetta"]


def test_places_and_dateline_are_not_actors(seed_mentions: list[tuple[int, str, Actor]]) -> None:
    texts = {t for _, t, _ in seed_mentions}
    assert "LIMA" not in texts  # the dateline
    assert "South America" not in texts


def test_office_holder_needs_the_date(seed_path: Path) -> None:
    """Panetta alone is USAGOV in 2012 (defense secretary) but not in 2005, before any office."""
    text = "Panetta said the talks went well."
    assert {m.actor.code for m in resolve(text, "2012-10-07").mentions[0]} == {"USAGOV"}
    assert not resolve(text, "2005-06-01").mentions[0]
