"""The stage contract: options, rejections, ids and the fields every Article carries."""

from __future__ import annotations

import dataclasses

import pytest

from kipu.extract import ExtractOptions, extract
from kipu.ids import make_doc_id
from kipu.records import Article, Document, Rejected

BODY = (
    "QUITO — Ecuador's electoral council said on Sunday that turnout in the referendum was the "
    "highest in a decade.\n\nThe results are expected on Tuesday."
)


def test_article_fields_and_doc_id() -> None:
    document = Document(input_id="in-1", kind="text", content=BODY, url="https://example.org/a")
    article = extract(document)
    assert isinstance(article, Article)
    assert article.dateline == "QUITO"
    assert article.text.startswith("Ecuador's electoral council said")
    assert article.doc_id == make_doc_id(article.text)
    assert (article.input_id, article.url, article.language) == (
        "in-1",
        "https://example.org/a",
        "en",
    )


def test_too_short() -> None:
    document = Document(input_id="in-2", kind="text", content=BODY)
    result = extract(document, ExtractOptions(min_chars=10_000))
    assert isinstance(result, Rejected)
    assert (result.item_id, result.stage, result.reason) == ("in-2", "extract", "too_short")
    assert "10000" in result.detail
    assert isinstance(extract(document, ExtractOptions(min_chars=50)), Article)


def test_options_are_frozen_keyword_only() -> None:
    options = ExtractOptions()
    assert options.min_chars == 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.min_chars = 5  # type: ignore[misc]
    with pytest.raises(TypeError):
        ExtractOptions(5)  # type: ignore[misc]


def test_bad_supplied_date_is_dropped_not_guessed() -> None:
    article = extract(Document(input_id="x", kind="text", content=BODY, published="2012-02-30"))
    assert isinstance(article, Article)
    assert article.published is None


def test_supplied_datetime_is_normalised() -> None:
    document = Document(input_id="x", kind="text", content=BODY, published="2012-10-07T13:46:00Z")
    article = extract(document)
    assert isinstance(article, Article)
    assert article.published == "2012-10-07"


def test_same_text_same_doc_id_across_kinds() -> None:
    text = extract(Document(input_id="a", kind="text", content=BODY))
    html_page = (
        "<html><body><article>"
        + "".join(f"<p>{p}</p>" for p in BODY.split("\n\n"))
        + "</article></body></html>"
    )
    page = extract(Document(input_id="b", kind="html", content=html_page))
    assert isinstance(text, Article) and isinstance(page, Article)
    assert text.text == page.text
    assert text.doc_id == page.doc_id
