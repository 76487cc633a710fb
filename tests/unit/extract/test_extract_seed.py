"""The seed article: a scraped defense-news page with its furniture (read from ../shared)."""

from __future__ import annotations

import re

import pytest

from kipu.extract import extract
from kipu.records import Article, Document

# The brief names the first and last body paragraphs by how they begin; the body lines between them
# are taken from the seed file at test time.
FIRST_BODY = "The United States and Peru are boosting"
LAST_BODY = "To date, only Afghanistan and Montenegro"
FURNITURE_SNIPPETS = (
    "redirected",
    "Filed Under",
    "More In World",
    "roundup",
    "Login",
    "Subscribe",
    "Exclusive Events",
    "In-depth",
    "Defensenews",
    "Sign-up",
)


def body_paragraphs(seed: str) -> list[str]:
    """The seed's body lines, dateline removed from the first (computed from the file)."""
    lines = [line.strip() for line in seed.splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if FIRST_BODY in line)
    end = next(i for i, line in enumerate(lines) if line.startswith(LAST_BODY))
    body = lines[start : end + 1]
    body[0] = body[0][body[0].index(FIRST_BODY) :]
    return body


@pytest.fixture(scope="module")
def article(seed_text: str) -> Article:
    result = extract(Document(input_id="seed", kind="text", content=seed_text))
    assert isinstance(result, Article), result
    return result


def test_seed_metadata(article: Article) -> None:
    assert article.title == "U.S., Peru Boost Military Ties To Fight Terrorism, Drugs"
    assert article.published == "2012-10-07"
    assert article.dateline == "LIMA"
    assert article.input_id == "seed"
    assert article.language == "en"


def test_seed_keeps_every_body_paragraph(article: Article, seed_text: str) -> None:
    paragraphs = body_paragraphs(seed_text)
    assert len(paragraphs) >= 10
    for paragraph in paragraphs:
        assert paragraph[:40] in article.text
    assert article.text.startswith("The United States and Peru")
    assert article.text.split("\n\n") == paragraphs


@pytest.mark.parametrize("snippet", FURNITURE_SNIPPETS)
def test_seed_drops_furniture(article: Article, snippet: str) -> None:
    assert snippet not in article.text


def test_seed_body_as_clean_jsonl_text_keeps_every_paragraph(seed_text: str) -> None:
    paragraphs = body_paragraphs(seed_text)
    document = Document(
        input_id="jsonl:1", kind="text", content="\n\n".join(paragraphs), published="2012-10-07"
    )
    result = extract(document)
    assert isinstance(result, Article)
    assert result.text.split("\n\n") == paragraphs
    assert result.published == "2012-10-07"


def test_seed_is_deterministic(seed_text: str, article: Article) -> None:
    again = extract(Document(input_id="other", kind="text", content=seed_text))
    assert isinstance(again, Article)
    assert again.doc_id == article.doc_id
    assert re.fullmatch(r"[0-9a-f]{16}", article.doc_id)
