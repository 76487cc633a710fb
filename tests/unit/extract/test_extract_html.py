"""HTML pages through trafilatura: body, metadata, and bad input that must never raise."""

from __future__ import annotations

import socket
from collections.abc import Callable

import pytest

from kipu.extract import extract
from kipu.extract import html as html_module
from kipu.records import Article, Document, Rejected

URL = "https://news.example.com/2024/03/14/story"


def extract_html(content: str, url: str | None = URL) -> Article | Rejected:
    return extract(Document(input_id="page", kind="html", content=content, url=url))


def test_news_page_with_nav_cookie_banner_newsletter_sidebar_footer(
    read_fixture: Callable[[str], str],
) -> None:
    article = extract_html(read_fixture("news_page.html"))
    assert isinstance(article, Article), article
    assert article.title == "Peru and Chile Agree to Reopen Border Crossings"
    assert article.published == "2024-03-14"
    assert article.byline == "Lucia Mendoza"
    assert article.dateline == "LIMA"
    assert article.url == URL
    assert article.input_id == "page"
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0].startswith("Peru and Chile agreed on Thursday")
    assert paragraphs[-1].startswith("Peruvian exporters welcomed")
    assert len(paragraphs) == 4
    for furniture in ("cookie", "Log in", "Subscribe", "newsletter", "Most read", "Bolivia", "©"):
        assert furniture not in article.text


def test_jsonld_page(read_fixture: Callable[[str], str]) -> None:
    article = extract_html(read_fixture("jsonld_page.html"))
    assert isinstance(article, Article), article
    assert article.title == "Senate Approves Aid Package for Flood Victims"
    assert article.published == "2023-11-02"
    assert article.byline == "Daniel Okafor"
    assert article.dateline == "WASHINGTON"
    assert article.text.startswith("The Senate approved an emergency aid package")
    assert len(article.text.split("\n\n")) == 4
    for furniture in ("Sign in", "Digital edition", "Share this", "Facebook", "Copyright"):
        assert furniture not in article.text


def test_plain_page_without_metadata(read_fixture: Callable[[str], str]) -> None:
    article = extract_html(read_fixture("plain_page.html"), url=None)
    assert isinstance(article, Article), article
    assert article.title == "Protesters Rally in Capital Over Fuel Prices"
    assert article.published is None
    assert article.byline is None
    assert article.dateline is None
    assert article.url is None
    assert article.text.startswith("Thousands of people marched")
    assert len(article.text.split("\n\n")) == 4
    for furniture in ("Front page", "Trending", "Five things", "Advertise", "Terms"):
        assert furniture not in article.text


def test_url_date_is_only_a_fallback(read_fixture: Callable[[str], str]) -> None:
    html = read_fixture("plain_page.html")
    article = extract_html(html, url="https://news.example.com/2019/06/02/protest")
    assert isinstance(article, Article)
    assert article.published == "2019-06-02"
    article = extract_html(read_fixture("jsonld_page.html"), url=URL)  # URL says 2024-03-14
    assert isinstance(article, Article)
    assert article.published == "2023-11-02"


def test_document_metadata_wins(read_fixture: Callable[[str], str]) -> None:
    document = Document(
        input_id="page",
        kind="html",
        content=read_fixture("news_page.html"),
        title="Given",
        published="2024-01-01",
    )
    article = extract(document)
    assert isinstance(article, Article)
    assert (article.title, article.published) == ("Given", "2024-01-01")


DEEP_TEXT = "<p>Deep text that nobody will find here.</p>"
BAD_HTML = {
    "empty": "",
    "empty_html": "<html></html>",
    "deeply_nested": "<div>" * 5000 + DEEP_TEXT + "</div>" * 5000,
    "binary": "\x00\x01\x02\xff\xfe PNG\x89\x1a\n" * 50,
    "unclosed": "<html><body><p>Unclosed <b><i><div>",
    "just_a_url": "https://example.com/page",
    "comment_only": "<!-- nothing -->",
}


@pytest.mark.parametrize("content", BAD_HTML.values(), ids=BAD_HTML.keys())
def test_bad_html_never_raises(content: str) -> None:
    result = extract_html(content)
    assert isinstance(result, Article | Rejected)
    if isinstance(result, Rejected):
        assert result.stage == "extract"
        assert result.item_id == "page"
        assert result.reason in {"no_text", "parse_error", "too_short"}


def test_page_without_text_is_no_text() -> None:
    result = extract_html("<html><head><script>var x = 1;</script></head><body></body></html>")
    assert isinstance(result, Rejected)
    assert result.reason == "no_text"
    assert result.detail == "no article text found in the page"


def test_parser_failure_is_parse_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(html_module.trafilatura, "bare_extraction", explode)
    result = extract_html("<html><body><p>text</p></body></html>")
    assert isinstance(result, Rejected)
    assert result.reason == "parse_error"
    assert "RecursionError" in result.detail


def test_never_touches_the_network(
    monkeypatch: pytest.MonkeyPatch, read_fixture: Callable[[str], str]
) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("extract tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    for content in (read_fixture("plain_page.html"), URL, "<html></html>"):
        assert isinstance(extract_html(content), Article | Rejected)


PARAGRAPH = (
    "<p>The valley league published its end-of-season figures on Monday, and the table below "
    "lists the players who were on the field for the most snaps of the season's final game.</p>"
)


def test_table_rows_are_kept_not_read_as_menus() -> None:
    rows = "".join(
        f"<tr><td>{pos}</td><td>{name}</td><td>{snaps}</td><td>{share}</td></tr>"
        for pos, name, snaps, share in [
            ("S", "Jane Roe", "42", "57%"),
            ("LB", "John Doe", "74", "100%"),
            ("DL", "Ann Lee", "57", "77%"),
        ]
    )
    page = (
        f"<html><body><article><h1>Season figures</h1>{PARAGRAPH}"
        f"<table>{rows}</table>{PARAGRAPH.replace('Monday', 'Tuesday')}</article></body></html>"
    )
    article = extract_html(page)
    assert isinstance(article, Article), article
    assert "Jane Roe" in article.text and "Ann Lee" in article.text


def test_short_precise_body_is_read_again_with_the_default_setting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    notice = "This copy is for your personal, non-commercial use only."
    story = PARAGRAPH[3:-4]

    def fake(tree: object, fast: bool, precision: bool = True) -> str:
        return notice if precision else f"{notice}\n{story}\n{story}"

    monkeypatch.setattr(html_module, "_trafilatura", fake)
    article = extract_html(f"<html><body>{PARAGRAPH}</body></html>")
    assert isinstance(article, Article), article
    assert article.text == f"{story}\n\n{story}"  # the notice is furniture


def test_no_publication_date_after_the_crawl() -> None:
    def page(date: str) -> str:
        return (
            f'<html><head><meta property="article:published_time" content="{date}"></head>'
            f"<body><article>{PARAGRAPH}</article></body></html>"
        )

    def published(content: str, kind: str = "html") -> str | None:
        document = Document(input_id="p", kind=kind, content=content, crawled="2024-03-01")  # type: ignore[arg-type]
        article = extract(document)
        assert isinstance(article, Article), article
        return article.published

    assert published(page("2024-02-28")) == "2024-02-28"
    assert published(page("2024-03-09")) is None
    text = f"March 9, 2024\nBy Jane Doe\n{PARAGRAPH[3:-4]}"
    assert published(text, "text") is None
    assert published(text.replace("March 9", "February 9"), "text") == "2024-02-09"


def test_section_and_modified_date_from_meta_tags_and_json_ld() -> None:
    head = (
        '<meta property="article:published_time" content="2024-02-20T08:00:00Z">'
        '<meta property="article:section" content="World">'
        '<meta property="article:modified_time" content="2024-02-21T09:30:00Z">'
    )
    article = extract_html(
        f"<html><head>{head}</head><body><article>{PARAGRAPH}</article></body></html>"
    )
    assert isinstance(article, Article), article
    assert (article.section, article.published, article.modified) == (
        "World",
        "2024-02-20",
        "2024-02-21",
    )
    json_ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": '
        '"2024-02-20", "dateModified": "2024-02-22", "articleSection": ["Science \\u0026 Health"]}'
        "</script>"
    )
    article = extract_html(
        f"<html><head>{json_ld}</head><body><article>{PARAGRAPH}</article></body></html>"
    )
    assert isinstance(article, Article), article
    assert (article.section, article.modified) == ("Science & Health", "2024-02-22")


def test_modified_date_before_publication_or_after_the_crawl_is_dropped() -> None:
    def modified(value: str) -> str | None:
        head = (
            '<meta property="article:published_time" content="2024-02-20">'
            f'<meta property="article:modified_time" content="{value}">'
        )
        page = f"<html><head>{head}</head><body><article>{PARAGRAPH}</article></body></html>"
        document = Document(input_id="p", kind="html", content=page, crawled="2024-03-01")
        article = extract(document)
        assert isinstance(article, Article), article
        return article.modified

    assert modified("2024-02-25") == "2024-02-25"
    assert modified("2024-02-10") is None
    assert modified("2024-03-05") is None
