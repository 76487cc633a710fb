"""WARC and WET files: page records become Documents; broken tails and records are reported."""

from __future__ import annotations

import gzip
import random
import tracemalloc
from pathlib import Path

import pytest

from kipu.records import Document, Rejected
from kipu.sources import Input, SourceOptions, expand_inputs, read_documents

PAGE = (
    "<html><head><title>Harbour reopens</title></head><body><article>"
    "<p>The harbour of the small town reopened on Monday after a week of storms.</p>"
    "</article></body></html>"
)
WET_TEXT = "Home | News | Sport\nThe harbour of the small town reopened on Monday.\n"


def record(
    kind: str,
    block: bytes,
    n: int,
    content_type: str = "application/http; msgtype=response",
    extra: str = "",
) -> bytes:
    """One WARC record, written the way Common Crawl writes them."""
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012d}>\r\n"
        f"WARC-Target-URI: https://news.example/{n}\r\nWARC-Date: 2024-03-01T10:00:00Z\r\n"
        f"Content-Type: {content_type}\r\n{extra}Content-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def http(body: bytes, content_type: str = "text/html; charset=utf-8", status: int = 200) -> bytes:
    return f"HTTP/1.1 {status} OK\r\nContent-Type: {content_type}\r\n\r\n".encode() + body


def crawl() -> list[bytes]:
    """A small crawl: info, a request, a page, an image, a redirect, a truncated page, WET text."""
    return [
        record("warcinfo", b"software: test\r\n", 1, "application/warc-fields"),
        record("request", b"GET /2 HTTP/1.1\r\n\r\n", 2, "application/http; msgtype=request"),
        record("response", http(PAGE.encode()), 3),
        record("response", http(b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "image/png"), 4),
        record("response", http(b"", status=301), 5),
        record("response", http(PAGE.encode()), 6, extra="WARC-Truncated: length\r\n"),
        record("conversion", WET_TEXT.encode(), 7, "text/plain"),
    ]


def read(path: Path, max_bytes: int = 50_000_000) -> list[Document | Rejected]:
    [item] = list(expand_inputs([str(path)], max_bytes=max_bytes))
    assert isinstance(item, Input)
    return list(read_documents(item, SourceOptions(max_bytes=max_bytes)))


@pytest.mark.parametrize("gzipped", [False, True])
def test_page_records_become_documents(tmp_path: Path, gzipped: bool) -> None:
    records = crawl()
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    path.write_bytes(b"".join(gzip.compress(r) for r in records) if gzipped else b"".join(records))
    documents = read(path)
    assert all(isinstance(d, Document) for d in documents)
    assert [(d.input_id[-3:], d.kind, d.url) for d in documents] == [  # type: ignore[union-attr]
        ("03>", "html", "https://news.example/3"),
        ("06>", "html", "https://news.example/6"),
        ("07>", "text", "https://news.example/7"),
    ]
    page, truncated, wet = documents
    assert isinstance(page, Document) and page.content == PAGE and page.warnings == ()
    assert isinstance(truncated, Document) and truncated.warnings == ("warc_truncated",)
    assert isinstance(wet, Document) and wet.content == WET_TEXT and wet.origin == str(path)
    assert {d.crawled for d in documents} == {"2024-03-01"}  # type: ignore[union-attr]


def test_truncated_gzip_keeps_the_records_before_and_says_where(tmp_path: Path) -> None:
    members = [gzip.compress(r) for r in crawl()]
    data = b"".join(members)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - len(members[-1]) // 2])
    *documents, failure = read(path)
    assert [d.kind for d in documents if isinstance(d, Document)] == ["html", "html"]
    assert isinstance(failure, Rejected)
    assert failure.reason in ("truncated_gzip", "truncated_record")
    assert str(path) in failure.detail and "offset" in failure.detail


def test_truncated_plain_warc_record_is_reported(tmp_path: Path) -> None:
    data = b"".join(crawl()[:3])
    path = tmp_path / "cut.warc"
    path.write_bytes(data[:-40])
    *documents, failure = read(path)
    assert documents == []
    assert isinstance(failure, Rejected) and failure.reason == "truncated_record"
    assert failure.item_id.endswith("03>") and "offset" in failure.detail


def test_gzip_cut_between_records_with_a_torn_member(tmp_path: Path) -> None:
    members = [gzip.compress(r) for r in crawl()[:3]]
    path = tmp_path / "torn.warc.gz"
    path.write_bytes(b"".join(members) + members[0][:10])
    *documents, failure = read(path)
    assert [d.kind for d in documents if isinstance(d, Document)] == ["html"]
    assert isinstance(failure, Rejected) and failure.reason in ("truncated_gzip", "corrupt_record")


def test_corrupt_record_is_reported_and_the_records_before_it_kept(tmp_path: Path) -> None:
    good = crawl()
    broken = good[4].replace(b"WARC-Record-ID: <urn", b"WARC-Record-ID: ###")
    path = tmp_path / "bad.warc"
    path.write_bytes(b"".join([*good[:4], broken, *good[5:]]))
    items = read(path)
    failures = [x for x in items if isinstance(x, Rejected)]
    assert [d.input_id[-3:] for d in items if isinstance(d, Document)][0] == "03>"
    assert [f.reason for f in failures] == ["corrupt_record"]
    assert str(path) in failures[0].detail and "offset" in failures[0].detail


@pytest.mark.issue(16)
@pytest.mark.parametrize("member", [2, 5])  # a page record (read), a redirect (skipped unread)
def test_gzip_member_broken_inside_a_record_body_is_a_corrupt_record(
    tmp_path: Path, member: int
) -> None:
    members = [gzip.compress(r) for r in crawl()]
    # A body that compresses poorly, so its member is long: the header decompresses, then a
    # flipped byte breaks the deflate stream inside the body.
    rng = random.Random(1)
    body = " ".join(
        f"{rng.choice(['river', 'bridge', 'mayor'])}{rng.randrange(1000)}" for _ in range(40_000)
    )
    packed = bytearray(gzip.compress(record("response", http(body.encode()), 8)))
    packed[len(packed) // 2] ^= 0xFF
    if member == 5:  # the same damage in a record that is skipped, not read
        packed = bytearray(gzip.compress(record("metadata", body.encode(), 8, "text/plain")))
        packed[len(packed) // 2] ^= 0xFF
    members[member] = bytes(packed)
    path = tmp_path / "broken.warc.gz"
    path.write_bytes(b"".join(members))
    items = read(path)
    *documents, failure = items
    assert all(isinstance(d, Document) for d in documents)
    assert isinstance(failure, Rejected) and failure.reason == "corrupt_record"
    assert str(path) in failure.detail and "offset" in failure.detail


def test_archive_larger_than_max_bytes_is_streamed_record_by_record(tmp_path: Path) -> None:
    path = tmp_path / "big.warc"
    big = record("response", http(b"<p>" + b"x" * 5000 + b"</p>"), 9)
    path.write_bytes(b"".join(crawl()) + big)
    items = read(path, max_bytes=1000)
    assert sum(isinstance(x, Document) for x in items) == 3
    [failure] = [x for x in items if isinstance(x, Rejected)]
    assert failure.reason == "too_large" and failure.item_id.endswith("09>")


def test_declared_charset_that_lies_either_way(tmp_path: Path) -> None:
    text = "<p>Café crème à São Paulo, said the mayor’s office.</p>"
    records = [
        record("response", http(text.encode("cp1252"), "text/html; charset=utf-8"), 1),
        record("response", http(text.encode("utf-8"), "text/html; charset=windows-1252"), 2),
        record("response", http(text.encode("utf-16"), "text/html"), 3),
    ]
    path = tmp_path / "charsets.warc"
    path.write_bytes(b"".join(records))
    documents = read(path)
    assert [d.content for d in documents] == [text] * 3  # type: ignore[union-attr]
    assert [d.warnings for d in documents] == [  # type: ignore[union-attr]
        ("decoded_cp1252",),
        ("declared_charset_wrong",),
        (),
    ]


def test_warc_on_stdin_is_sniffed() -> None:
    data = gzip.compress(b"".join(crawl()))
    item = Input(input_id="-", path=None, content_hash="x", data=data)
    kinds = [d.kind for d in read_documents(item) if isinstance(d, Document)]
    assert kinds == ["html", "html", "text"]


def test_many_records_stream_with_flat_memory(tmp_path: Path) -> None:
    page = http(b"<p>" + b"word " * 2000 + b"</p>")
    path = tmp_path / "many.warc"
    with path.open("wb") as f:
        for n in range(500):
            f.write(record("response", page, n))
    size = path.stat().st_size
    [item] = list(expand_inputs([str(path)]))
    assert isinstance(item, Input)
    tracemalloc.start()
    count = 0
    for document in read_documents(item):
        count += isinstance(document, Document)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 500
    # One record (10 KB, decoded) at a time: the peak is a small fraction of the 5 MB file.
    assert peak < size / 20
