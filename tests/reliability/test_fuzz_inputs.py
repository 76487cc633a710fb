"""Fuzzing the readers and the extract stage: every input ends as documents and articles or as
typed rejections with a reason, never an exception, never a hang.

Each case is written to a file under a name that selects its reader, read by ``expand_inputs``
and ``read_documents`` (as ``kipu ingest`` reads), grouped by ``with_site_lines`` and extracted
with a per-document time budget. The bounded share runs in ``make test``; the long run is
``KIPU_RELIABILITY=long`` (docs/RELIABILITY.md).
"""

from __future__ import annotations

import gzip
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from kipu.extract import ExtractOptions, extract, with_site_lines
from kipu.ids import make_doc_id
from kipu.records import Article, Document, Rejected
from kipu.sources import Input, SourceOptions, expand_inputs, read_documents
from tests.reliability import strategies as s
from tests.reliability.harness import case, fuzz_settings

SOURCE_REASONS = {
    "not_found",
    "unreadable",
    "too_large",
    "empty",
    "binary",
    "bad_gzip",
    "truncated_gzip",
    "bad_json",
    "no_text",
    "corrupt_record",
    "truncated_record",
}
EXTRACT_REASONS = {"too_large", "parse_error", "over_budget", "no_text", "too_short"}
# A document's time budget in these runs: low, so that a slow page shows as "over_budget".
BUDGET = ExtractOptions(time_budget=1.0)
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def check_rejected(item: Rejected, stages: dict[str, set[str]]) -> str:
    assert item.stage in stages, item
    assert item.reason in stages[item.stage], item
    assert item.detail.strip() and "\n" not in item.detail, item
    return f"rejected:{item.stage}:{item.reason}"


def check_article(article: Article, document: Document) -> str:
    assert article.text.strip() and article.text == article.text.strip()
    assert article.doc_id == make_doc_id(article.text)
    assert article.input_id == document.input_id
    assert article.published is None or _ISO.fullmatch(article.published), article.published
    assert "\x00" not in article.text
    return "article"


def read_and_extract(path: Path, max_bytes: int, outcomes: Counter[str]) -> None:
    """The reader and the extract stage over one file, as an ingest runs them."""
    [item] = list(expand_inputs([str(path)], max_bytes=max_bytes))
    if isinstance(item, Rejected):
        outcomes[check_rejected(item, {"sources": SOURCE_REASONS})] += 1
        return
    assert isinstance(item, Input)
    stream = read_documents(item, SourceOptions(max_bytes=max_bytes))
    for document in with_site_lines(stream):
        if isinstance(document, Rejected):
            outcomes[check_rejected(document, {"sources": SOURCE_REASONS})] += 1
            continue
        assert isinstance(document, Document)
        assert document.kind in ("html", "text")
        assert document.content.strip() and "\x00" not in document.content
        result = extract(document, BUDGET)
        if isinstance(result, Rejected):
            outcomes[check_rejected(result, {"extract": EXTRACT_REASONS})] += 1
        else:
            outcomes[check_article(result, document)] += 1


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


HTML_NAMES = st.sampled_from(["page.html", "page.htm", "page", "page.html.gz"])


@fuzz_settings(ci=100, long=8_000)
@given(data=s.html_bytes, name=HTML_NAMES)
@example(data=b"<html><body>" + b"<div>" * 40_000 + b"deep" + b"</div>" * 40_000, name="page.html")
@example(
    data=b'<html><body><p title="' + b"x" * 5_000_000 + b'">Hi</p></body></html>', name="page.html"
)
@example(
    data=b"<html><head><meta charset=utf-16></head><body><p>caf\xe9</p></body></html>",
    name="page.html",
)
def test_html(folder: Path, data: bytes, name: str) -> None:
    with case("html") as outcomes:
        raw = gzip.compress(data, compresslevel=1) if name.endswith(".gz") else data
        read_and_extract(write(folder, name, raw), 50_000_000, outcomes)


@fuzz_settings(ci=100, long=8_000)
@given(data=s.text_bytes, name=st.sampled_from(["story.txt", "story", "story.txt.gz"]))
@example(data=b"word " * 2_000_000, name="story.txt")  # a 10 MB single line
@example(data=("\u05e9\u05dc\u05d5\u05dd " * 200_000).encode(), name="story.txt")
@example(data=(". , ! ? ; : " * 100_000).encode(), name="story.txt")
def test_scraped_text(folder: Path, data: bytes, name: str) -> None:
    with case("text") as outcomes:
        raw = gzip.compress(data, compresslevel=1) if name.endswith(".gz") else data
        read_and_extract(write(folder, name, raw), 50_000_000, outcomes)


@fuzz_settings(ci=100, long=10_000)
@given(data=s.jsonl_bytes(), name=st.sampled_from(["lines.jsonl", "lines.ndjson", "lines"]))
@example(data=b'{"text": "' + b"a" * 20_000_000 + b'"}\n', name="lines.jsonl")
@example(data=b'{"id": 1, "url": "http://[", "text": "A line of news."}\n' * 2, name="lines.jsonl")
def test_jsonl(folder: Path, data: bytes, name: str) -> None:
    with case("jsonl") as outcomes:
        read_and_extract(write(folder, name, data), 50_000_000, outcomes)


@fuzz_settings(ci=100, long=15_000)
@given(archive=s.warc_bytes(), name=st.sampled_from(["crawl.warc", "crawl.wet", "crawl", "x.arc"]))
def test_warc(folder: Path, archive: tuple[bytes, bool], name: str) -> None:
    data, gzipped = archive
    with case("warc") as outcomes:
        read_and_extract(
            write(folder, name + (".gz" if gzipped else ""), data), 50_000_000, outcomes
        )


@fuzz_settings(ci=100, long=15_000)
@given(
    data=s.gzip_bytes(),
    name=st.sampled_from(["x.jsonl.gz", "x.txt.gz", "x.html.gz", "x.gz", "x.warc.gz"]),
)
def test_gzip(folder: Path, data: bytes, name: str) -> None:
    with case("gzip") as outcomes:
        read_and_extract(write(folder, name, data), 10_000, outcomes)


@fuzz_settings(ci=100, long=15_000)
@given(
    data=st.binary(max_size=4000),
    name=st.sampled_from(["a.html", "a.txt", "a.jsonl", "a.warc", "a.wet", "a"]),
)
def test_any_bytes(folder: Path, data: bytes, name: str) -> None:
    with case("bytes") as outcomes:
        read_and_extract(write(folder, name, data), 50_000_000, outcomes)


def test_a_gzip_bomb_is_refused_at_the_default_cap(folder: Path) -> None:
    path = write(folder, "bomb.jsonl.gz", s.bomb(200_000_000, b" "))  # 200 KB on disk
    with case("gzip") as outcomes:
        read_and_extract(path, 50_000_000, outcomes)
    assert outcomes == Counter({"rejected:sources:too_large": 1})
