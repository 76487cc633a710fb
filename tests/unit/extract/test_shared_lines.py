"""Lines a site repeats across its pages: found across documents, dropped by the text cleaner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kipu.extract import extract, with_site_lines
from kipu.extract.shared_lines import mark_site_lines, shared_lines, site_of
from kipu.extract.text import clean_text, explain_text, line_key
from kipu.records import Article, Document, Rejected, RunReport
from kipu.run._pipeline import read_articles
from kipu.sources import expand_inputs

# A promotion that reads like prose: on one page alone it is kept as part of the article.
PROMO = (
    "Our reporters work around the clock to bring you the local news that matters to your "
    "family, in every town and village of the valley."
)
MENU = "News Sport Business Opinion Weather"
STORIES = [
    [
        "The regional water board approved a plan on Tuesday to repair the aging dam above the "
        "valley, after engineers warned that cracks in its spillway had grown over the winter.",
        "Board members voted seven to two for the plan, which will cost about 40 million dollars "
        "and take three years, according to documents released after the meeting.",
        "Residents below the dam have asked for repairs since a storm damaged the spillway two "
        "years ago, and many of them spoke in favour of the plan at the meeting.",
    ],
    [
        "The city library will stay open until midnight during the exam season, the council "
        "said on Monday, after students asked for more quiet places to study in the evenings.",
        "The longer hours will cost the city about 80,000 dollars, which the council said would "
        "come from a fund set aside for youth programmes in this year's budget.",
        "Librarians said the reading rooms were full most evenings last spring and that many "
        "students had been turned away at closing time, some of them after waiting for an hour.",
    ],
]


def page(story: list[str]) -> str:
    return "\n".join([MENU, "By Jane Doe", story[0], story[1], PROMO, story[2], "© 2024 Valley"])


def document(n: int, url: str | None, content: str | None = None) -> Document:
    text = page(STORIES[n % 2]) if content is None else content
    return Document(input_id=f"d{n}", kind="text", content=text, url=url, origin="crawl.wet")


def test_alone_the_promotion_reads_as_body() -> None:
    assert PROMO in clean_text(page(STORIES[0])).paragraphs


def test_lines_shared_by_two_pages_of_a_site_are_found() -> None:
    found = shared_lines([page(STORIES[0]), page(STORIES[1])])
    assert line_key(PROMO) in found and line_key(MENU) in found
    assert not any(line_key(s) in found for story in STORIES for s in story)
    assert shared_lines([page(STORIES[0])]) == frozenset()


def test_marked_pages_lose_the_promotion_and_keep_their_story() -> None:
    marked = mark_site_lines(
        [document(0, "https://www.valley.example/a"), document(1, "https://valley.example/b")]
    )
    for n, doc in enumerate(marked):
        assert line_key(PROMO) in doc.site_lines
        article = extract(doc)
        assert isinstance(article, Article)
        assert article.text.split("\n\n") == STORIES[n]
        assert article.byline == "Jane Doe"  # shared, but metadata, not furniture
    why = dict(
        (text, reason) for _, reason, text in explain_text(page(STORIES[0]), {line_key(PROMO)})
    )
    assert why[PROMO] == "furniture (the site repeats it on its other pages)"


def test_sites_are_kept_apart_and_html_is_left_alone() -> None:
    html = Document(
        input_id="h", kind="html", content=page(STORIES[1]), url="https://valley.example/c"
    )
    marked = mark_site_lines(
        [document(0, "https://valley.example/a"), document(1, "https://hill.example/b"), html]
    )
    assert all(doc.site_lines == () for doc in marked)


def test_without_urls_the_input_is_the_site() -> None:
    assert site_of(document(0, None)) == "input:crawl.wet"
    assert site_of(document(0, "https://www.valley.example/x")) == "valley.example"
    marked = mark_site_lines([document(0, None), document(1, None)])
    assert all(line_key(PROMO) in doc.site_lines for doc in marked)


@pytest.mark.issue(16)
def test_a_url_that_cannot_be_parsed_counts_as_no_url() -> None:
    # urlsplit raises ValueError on an opening bracket with no IPv6 address after it.
    assert site_of(document(0, "http://[")) == "input:crawl.wet"
    assert site_of(document(0, "https://[zz/x")) == "input:crawl.wet"
    marked = mark_site_lines([document(0, "http://["), document(1, None)])
    assert all(line_key(PROMO) in doc.site_lines for doc in marked)


def test_two_copies_of_one_story_keep_their_body() -> None:
    marked = mark_site_lines(
        [document(0, "https://valley.example/a"), document(2, "https://valley.example/a?amp=1")]
    )
    for doc in marked:
        assert line_key(STORIES[0][0]) in doc.site_lines  # shared, but most of the prose
        article = extract(doc)
        assert isinstance(article, Article)
        assert article.text.split("\n\n")[:2] == STORIES[0][:2]


def test_stream_keeps_order_and_rejections_across_windows() -> None:
    bad = Rejected(item_id="x", stage="sources", reason="bad_json")
    items: list[Document | Rejected] = [
        document(n, f"https://valley.example/{n}") for n in range(5)
    ]
    items.insert(2, bad)
    out = list(with_site_lines(items, window=2))
    assert [getattr(x, "input_id", None) for x in out] == [
        getattr(x, "input_id", None) for x in items
    ]
    assert out[2] is bad
    marked = [x for x in out if isinstance(x, Document)]
    # windows of two documents: the fifth page has no partner in its window
    assert all(x.site_lines for x in marked[:4]) and marked[4].site_lines == ()


def test_pipeline_reads_a_site_s_pages_together(tmp_path: Path) -> None:
    path = tmp_path / "crawl.jsonl"
    rows = [
        {"id": f"p{n}", "url": f"https://valley.example/{n}", "text": page(STORIES[n])}
        for n in range(2)
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    (item,) = expand_inputs([str(path)])
    report = RunReport(run_id="r", command="test", kipu_version="0", started="now")
    articles = list(read_articles(item, None, report))  # type: ignore[arg-type]
    assert [a.text.split("\n\n") for a in articles] == STORIES
