"""The seed article: what a good run finds in it (../shared/seed/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kipu.actors import resolve_actors
from kipu.discourse import resolve_discourse
from kipu.events import code_events
from kipu.extract import extract
from kipu.nlp import parse
from kipu.records import Article, Event
from kipu.sources import expand_inputs, read_documents

pytestmark = pytest.mark.model

FURNITURE = (
    "redirected",
    "Filed Under",
    "More In World News",
    "roundup",
    "More Headlines",
    "Login",
    "Subscribe",
    "Exclusive Events",
    "In-depth news",
    "Defensenews TV",
    "Sign-up",
)


@pytest.fixture(scope="module")
def seed_article(seed_path: Path) -> Article:
    [inp] = list(expand_inputs([str(seed_path)]))
    [doc] = list(read_documents(inp))
    article = extract(doc)
    assert isinstance(article, Article), article
    return article


@pytest.fixture(scope="module")
def seed_events(seed_article: Article) -> list[Event]:
    [parsed] = list(parse([seed_article]))
    return code_events(resolve_discourse(resolve_actors(parsed)))


def test_seed_extract_keeps_article_and_metadata(seed_article: Article, seed_path: Path) -> None:
    assert seed_article.title == "U.S., Peru Boost Military Ties To Fight Terrorism, Drugs"
    assert seed_article.published == "2012-10-07"
    assert seed_article.dateline == "LIMA"
    assert seed_article.text.startswith("The United States and Peru")
    raw = seed_path.read_text(encoding="utf-8")
    body_start = raw.index("The United States and Peru")
    body_end = raw.index("More In World News")
    paragraphs = [p.strip() for p in raw[body_start:body_end].split("\n") if p.strip()]
    assert len(paragraphs) >= 11
    for p in paragraphs:
        assert p[:40] in seed_article.text


@pytest.mark.parametrize("line", FURNITURE)
def test_seed_extract_drops_furniture(seed_article: Article, line: str) -> None:
    assert line not in seed_article.text


def _dyads(events: list[Event], roots: tuple[str, ...]) -> list[Event]:
    return [
        e
        for e in events
        if not e.negated
        and e.root in roots
        and e.source
        and e.target
        and {e.source.country, e.target.country} == {"USA", "PER"}
    ]


def test_seed_consultation(seed_events: list[Event]) -> None:
    assert _dyads(seed_events, ("04",)), [(e.source, e.cameo, e.target) for e in seed_events]


def test_seed_agreement_or_cooperation(seed_events: list[Event]) -> None:
    assert _dyads(seed_events, ("03", "05", "06"))


def test_seed_aid_with_amount(seed_events: list[Event]) -> None:
    aid = [
        e
        for e in seed_events
        if e.root == "07"
        and e.source
        and e.source.country == "USA"
        and e.target
        and e.target.country == "PER"
    ]
    assert aid
    assert any(
        e.quantity and e.quantity.amount == 84_000_000 and e.quantity.currency == "USD" for e in aid
    )


def test_seed_praise(seed_events: list[Event]) -> None:
    praise = [
        e
        for e in seed_events
        if e.cameo == "051"
        and e.source
        and e.source.country == "USA"
        and e.target
        and e.target.country == "PER"
    ]
    assert praise
    assert any(e.source.name and "Panetta" in e.source.name for e in praise)


def test_seed_no_event_from_furniture(seed_events: list[Event], seed_article: Article) -> None:
    for e in seed_events:
        assert e.sentence in seed_article.text
        assert not any(f in e.sentence for f in FURNITURE)
