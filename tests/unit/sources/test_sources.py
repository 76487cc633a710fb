"""The sources stage: paths → inputs → documents, and every bad input as a Rejected."""

from __future__ import annotations

import gzip
import io
import json
import os
import pickle
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kipu.sources
import kipu.sources._paths
from kipu.errors import SettingsError
from kipu.ids import content_hash
from kipu.records import Document, Rejected
from kipu.sources import Input, SourceOptions, expand_inputs, normalise_date, read_documents

HTML = (
    b"<!DOCTYPE html><html><head><title>T</title></head>"
    b"<body><p>Panetta met Humala.</p></body></html>"
)
TEXT = b"LIMA (Reuters) - U.S. Defense Secretary Leon Panetta met President Ollanta Humala.\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))


def jsonl(*records: object) -> bytes:
    return b"".join(json.dumps(r).encode() + b"\n" for r in records)


RECORDS = jsonl(
    {"id": "a1", "text": "First story.", "url": " https://x.org/1 ", "date": "2012-10-07"},
    {"doc_id": "b2", "html": "<p>Second</p>", "published": "2012-10-07T13:46:00Z", "title": "B"},
    {"input_id": 7, "text": "Third.", "date": 1349617560},
    {"text": "Fourth, no id.", "date": "sometime last week"},
)


def write(path: Path, data: bytes) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return str(path)


def one_input(path: str, **kwargs: int) -> Input:
    items = list(expand_inputs([path], **kwargs))
    assert len(items) == 1 and isinstance(items[0], Input), items
    return items[0]


def read(path: str, options: SourceOptions | None = None) -> list[Document | Rejected]:
    item = one_input(path)
    return list(read_documents(item, options or SourceOptions()))


def only(items: list[Document | Rejected]) -> Document | Rejected:
    assert len(items) == 1, items
    return items[0]


def rejected(items: list[Document | Rejected]) -> Rejected:
    item = only(items)
    assert isinstance(item, Rejected), item
    assert item.stage == "sources"
    assert item.detail and "\n" not in item.detail
    return item


# --- the public surface ------------------------------------------------------------------------


def test_public_api_is_pinned() -> None:
    assert sorted(kipu.sources.__all__) == [
        "Input",
        "SourceOptions",
        "expand_inputs",
        "normalise_date",
        "read_documents",
    ]


def test_source_options_normalise_date_and_refuse_bad_values() -> None:
    assert SourceOptions(date="Oct 7, 2012").date == "2012-10-07"
    with pytest.raises(SettingsError, match="not a date"):
        SourceOptions(date="tomorrow")
    with pytest.raises(SettingsError, match="max_bytes"):
        SourceOptions(max_bytes=0)


def test_input_pickles_with_its_data() -> None:
    item = Input(input_id="-", path=None, content_hash="h", data=b"abc")
    back = pickle.loads(pickle.dumps(item))
    assert back == item and back.data == b"abc"
    assert "abc" not in repr(item)


# --- single-document kinds ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("page.html", HTML, "html"),
        ("page.HTM", HTML, "html"),
        ("story.txt", TEXT, "text"),
        ("story.txt", HTML, "text"),  # the extension decides
        ("noext", HTML, "html"),  # sniffed
        ("noext", b"<div>fragment</div>", "html"),
        ("noext", TEXT, "text"),
    ],
)
def test_read_single_document_kinds(tmp_path: Path, name: str, data: bytes, kind: str) -> None:
    path = write(tmp_path / name, data)
    document = only(read(path))
    assert isinstance(document, Document)
    assert document.kind == kind
    assert document.content == data.decode()
    assert document.input_id == path and document.origin == path
    assert document.published is None and document.url is None and document.warnings == ()


def test_read_single_document_uses_option_date(tmp_path: Path) -> None:
    path = write(tmp_path / "story.txt", TEXT)
    document = only(read(path, SourceOptions(date="2012-10-06")))
    assert isinstance(document, Document) and document.published == "2012-10-06"


@pytest.mark.parametrize("name", ["page.html.gz", "page.gz", "page.txt"])
def test_read_gzip_by_magic(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, gzip.compress(HTML))
    document = only(read(path))
    assert isinstance(document, Document)
    assert document.content == HTML.decode()
    assert document.kind == ("text" if name == "page.txt" else "html")


def test_read_multi_member_gzip(tmp_path: Path) -> None:
    path = write(tmp_path / "s.txt.gz", gzip.compress(b"one ") + gzip.compress(b"two"))
    document = only(read(path))
    assert isinstance(document, Document) and document.content == "one two"


@pytest.mark.parametrize(
    ("tail", "warnings"), [(b"\x00" * 512, ()), (b"junk", ("gzip_trailing_data",))]
)
def test_read_gzip_with_data_after_the_stream(
    tmp_path: Path, tail: bytes, warnings: tuple[str, ...]
) -> None:
    path = write(tmp_path / "s.txt.gz", gzip.compress(TEXT) + tail)
    document = only(read(path))
    assert isinstance(document, Document) and document.warnings == warnings


def test_content_hash_is_of_the_raw_bytes(tmp_path: Path) -> None:
    raw = gzip.compress(TEXT)
    path = write(tmp_path / "s.txt.gz", raw)
    assert one_input(path).content_hash == content_hash(raw)


# --- decoding ----------------------------------------------------------------------------------


def test_read_cp1252_falls_back_with_warning(tmp_path: Path) -> None:
    path = write(tmp_path / "cafe.txt", b"caf\xe9 \x93quoted\x94 \x81")
    document = only(read(path))
    assert isinstance(document, Document)
    assert document.content == "café \u201cquoted\u201d \x81"
    assert document.warnings == ("decoded_cp1252",)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_read_wide_unicode_with_bom(tmp_path: Path, encoding: str) -> None:
    text = "Lima, Perú — Panetta met Humala.\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    document = only(read(write(tmp_path / "wide.txt", data)))
    assert isinstance(document, Document)
    assert document.content == text and document.warnings == ()


def test_read_strips_utf8_bom(tmp_path: Path) -> None:
    document = only(read(write(tmp_path / "bom.html", b"\xef\xbb\xbf" + HTML)))
    assert isinstance(document, Document) and document.content == HTML.decode()


def test_read_drops_stray_nul_after_the_sniffed_start(tmp_path: Path) -> None:
    data = TEXT * 200 + b"\x00tail"
    document = only(read(write(tmp_path / "nul.txt", data)))
    assert isinstance(document, Document)
    assert "\x00" not in document.content and document.warnings == ("removed_nul",)


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("nul.txt", b" " * 9000 + b"\x00\n\x00"),  # NULs past the binary sniff, nothing else
        ("nul.jsonl", b'{"id": "n1", "text": "\\u0000 \\u0000"}\n'),
        (
            "bom.wet",
            b"WARC/1.0\r\nWARC-Type: conversion\r\n"
            b"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
            b"Content-Type: text/plain\r\nContent-Length: 4\r\n\r\n\xff\xfe\x00\x00\r\n\r\n",
        ),
    ],
)
def test_a_document_with_no_text_once_decoded_is_rejected_as_empty(
    tmp_path: Path, name: str, data: bytes
) -> None:
    # A UTF-32 byte-order mark alone, or NULs and spaces, passed the byte-level checks and came
    # out as a blank Document.
    item = only(read(write(tmp_path / name, data)))
    assert isinstance(item, Rejected), item
    assert (item.stage, item.reason) == ("sources", "empty") and "\n" not in item.detail


# --- JSON Lines --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["news.jsonl", "news.ndjson", "news.jsonl.gz", "news.dat"])
def test_read_jsonl_records(tmp_path: Path, name: str) -> None:
    data = gzip.compress(RECORDS) if name.endswith(".gz") else RECORDS
    path = write(tmp_path / name, data)
    documents = read(path)
    assert all(isinstance(d, Document) for d in documents)
    assert [d.input_id for d in documents] == ["a1", "b2", "7", f"{path}:4"]
    assert [d.kind for d in documents] == ["text", "html", "text", "text"]
    assert [d.content for d in documents] == [
        "First story.",
        "<p>Second</p>",
        "Third.",
        "Fourth, no id.",
    ]
    assert [d.published for d in documents] == ["2012-10-07", "2012-10-07", "2012-10-07", None]
    assert [d.warnings for d in documents] == [(), (), (), ("bad_date",)]
    assert documents[0].url == "https://x.org/1" and documents[1].url is None
    assert documents[1].title == "B" and documents[0].title is None
    assert {d.origin for d in documents} == {path}


def test_read_jsonl_option_date_fills_missing_dates(tmp_path: Path) -> None:
    path = write(tmp_path / "n.jsonl", RECORDS)
    documents = read(path, SourceOptions(date="2001-02-03"))
    assert [d.published for d in documents] == [
        "2012-10-07",
        "2012-10-07",
        "2012-10-07",
        "2001-02-03",
    ]


def test_read_jsonl_skips_blank_lines_and_counts_them(tmp_path: Path) -> None:
    data = b"\n  \n" + jsonl({"text": "x"}) + b"\r\n" + b'{"text": "y"}\r\n'
    path = write(tmp_path / "n.jsonl", data)
    assert [d.input_id for d in read(path)] == [f"{path}:3", f"{path}:5"]


def test_read_jsonl_bad_lines_are_rejected_and_the_rest_read(tmp_path: Path) -> None:
    data = (
        jsonl({"id": "ok1", "text": "Good."})
        + b'{"id": "x", "text": \n'
        + jsonl(
            [1, 2],
            {"id": "nothing"},
            {"id": "blank", "text": "  "},
            {"id": "num", "html": 3},
            {"id": "ok2", "html": "<p>Fine</p>"},
        )
    )
    path = write(tmp_path / "mixed.jsonl", data)
    items = read(path)
    assert [type(i).__name__ for i in items] == ["Document"] + ["Rejected"] * 5 + ["Document"]
    bad = [i for i in items if isinstance(i, Rejected)]
    assert [r.reason for r in bad] == ["bad_json", "no_text", "no_text", "no_text", "no_text"]
    assert [r.item_id for r in bad] == [f"{path}:{n}" for n in (2, 3, 4, 5, 6)]
    assert bad[0].detail.startswith("line 2 is not JSON: Expecting value")
    assert "array" in bad[1].detail
    assert "neither" in bad[2].detail and "'nothing'" in bad[2].detail
    assert "empty" in bad[3].detail
    assert "number" in bad[4].detail


def test_read_jsonl_decodes_line_by_line(tmp_path: Path) -> None:
    data = jsonl({"text": "Perú"}) + b'{"text": "caf\xe9"}\n'
    documents = read(write(tmp_path / "enc.jsonl", data))
    assert [d.content for d in documents] == ["Perú", "café"]
    assert [d.warnings for d in documents] == [(), ("decoded_cp1252",)]


def test_read_jsonl_in_utf16(tmp_path: Path) -> None:
    data = RECORDS.decode().encode("utf-16")
    documents = read(write(tmp_path / "wide.jsonl", data))
    assert [d.input_id for d in documents][:3] == ["a1", "b2", "7"]


# --- folders, globs, stdin ---------------------------------------------------------------------


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    write(root / "b.html", HTML)
    write(root / "a.txt", TEXT)
    write(root / "sub" / "c.jsonl.gz", gzip.compress(RECORDS))
    write(root / "sub" / "d.NDJSON", RECORDS)
    write(root / "notes.md", b"# not news")
    write(root / "data.json", b"[]")
    write(root / ".hidden.txt", TEXT)
    write(root / ".git" / "x.txt", TEXT)
    return root


def test_expand_folder_is_recursive_sorted_and_filtered(corpus: Path) -> None:
    items = list(expand_inputs([str(corpus)]))
    assert all(isinstance(i, Input) for i in items)
    names = [os.path.relpath(i.path, corpus) for i in items if isinstance(i, Input)]
    assert names == ["a.txt", "b.html", "sub/c.jsonl.gz", "sub/d.NDJSON"]
    assert [i.input_id for i in items if isinstance(i, Input)][0] == os.path.join(
        str(corpus), "a.txt"
    )


def test_expand_glob_patterns(corpus: Path) -> None:
    star = [i.input_id for i in expand_inputs([f"{corpus}/*.txt"]) if isinstance(i, Input)]
    assert star == [f"{corpus}/a.txt"]  # the hidden file is not matched
    deep = [i.input_id for i in expand_inputs([f"{corpus}/**/*.*"]) if isinstance(i, Input)]
    assert f"{corpus}/sub/c.jsonl.gz" in deep and f"{corpus}/notes.md" in deep
    assert not any("hidden" in p or ".git" in p for p in deep)
    assert [i.input_id for i in expand_inputs([f"{corpus}/[ab].*"])] == [
        f"{corpus}/a.txt",
        f"{corpus}/b.html",
    ]


def test_expand_glob_walks_the_folders_it_matches(corpus: Path) -> None:
    items = [i.input_id for i in expand_inputs([f"{corpus}/s?b"])]
    assert items == [f"{corpus}/sub/c.jsonl.gz", f"{corpus}/sub/d.NDJSON"]


def test_expand_named_file_is_read_whatever_its_name(corpus: Path) -> None:
    items = list(expand_inputs([str(corpus / ".hidden.txt"), str(corpus / "notes.md")]))
    assert [i.input_id for i in items] == [str(corpus / ".hidden.txt"), str(corpus / "notes.md")]


def test_expand_each_input_once(corpus: Path) -> None:
    a = str(corpus / "a.txt")
    items = list(expand_inputs([a, a, str(corpus), f"{corpus}/*.txt"]))
    ids = [i.input_id for i in items]
    assert len(ids) == len(set(ids)) == 4 and ids[0] == a


def test_expand_not_found(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    specs = [str(tmp_path / "missing.txt"), str(tmp_path / "*.nothing"), str(tmp_path / "empty")]
    items = list(expand_inputs(specs))
    assert all(isinstance(i, Rejected) and i.reason == "not_found" for i in items)
    assert [i.item_id for i in items] == specs
    assert items[0].detail == "no such file or folder"


def test_expand_too_large_file_is_not_hashed(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", TEXT * 10)
    item = only(list(expand_inputs([path], max_bytes=10)))
    assert isinstance(item, Rejected) and item.reason == "too_large"


def test_pipeline_over_a_folder_never_raises(corpus: Path) -> None:
    documents = [
        d
        for item in expand_inputs([str(corpus)])
        if isinstance(item, Input)
        for d in read_documents(item)
    ]
    assert len(documents) == 10 and all(isinstance(d, Document) for d in documents)


class FakeStdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


@pytest.mark.parametrize(
    ("data", "kinds"),
    [
        (HTML, ["html"]),
        (TEXT, ["text"]),
        (RECORDS, ["text", "html", "text", "text"]),
        (gzip.compress(RECORDS), ["text", "html", "text", "text"]),
        (b'\n{"html": "<p>x</p>"}\n', ["html"]),
    ],
)
def test_stdin_is_read_once_and_sniffed(
    monkeypatch: pytest.MonkeyPatch, data: bytes, kinds: list[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", FakeStdin(data))
    items = list(expand_inputs(["-", "-"]))
    item = only(items)
    assert isinstance(item, Input)
    assert item.input_id == "-" and item.path is None and item.content_hash == content_hash(data)
    item = pickle.loads(pickle.dumps(item))
    documents = list(read_documents(item))
    assert [d.kind for d in documents] == kinds
    assert {d.origin for d in documents} == {"-"}


def test_stdin_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", FakeStdin(TEXT))
    item = only(list(expand_inputs(["-"], max_bytes=5)))
    assert isinstance(item, Rejected) and item.reason == "too_large" and item.item_id == "-"


def test_stdin_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    assert rejected(list(expand_inputs(["-"]))).reason == "unreadable"


# --- bad inputs --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.html", b" \n\t\r\n", "empty"),
        ("blank16.txt", "  \n".encode("utf-16"), "empty"),
        ("empty.txt.gz", gzip.compress(b""), "empty"),
        ("empty.jsonl", b"\n\n", "empty"),
        ("image.png.txt", PNG, "binary"),
        ("image.html", b"\xff\xd8\xff\xe0" + b"JFIF", "binary"),
        ("doc.txt", b"%PDF-1.4\n%...", "binary"),
        ("a.txt", b"PK\x03\x04" + b"zip", "binary"),
        ("a.txt", b"GIF89a....", "binary"),
        ("a.txt", b"\x7fELF\x02\x01\x01", "binary"),
        ("nul.txt", b"text\x00with nul", "binary"),
        ("ctl.txt", bytes(range(1, 9)) * 20 + b"a" * 40, "binary"),
        ("png.txt.gz", gzip.compress(PNG), "binary"),
        ("crawl.warc", b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "corrupt_record"),
        ("bad.txt.gz", b"\x1f\x8b\x08\x00" + b"\xff" * 40, "bad_gzip"),
    ],
)
def test_read_bad_input_is_rejected(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = write(tmp_path / name, data)
    item = rejected(read(path))
    assert item.reason == reason and item.item_id == path


def test_read_truncated_gzip_single_document(tmp_path: Path) -> None:
    raw = gzip.compress(TEXT * 100)
    path = write(tmp_path / "cut.txt.gz", raw[: len(raw) // 2])
    item = rejected(read(path))
    assert item.reason == "truncated_gzip"
    assert "decompressed stream" in item.detail and "byte" in item.detail


@pytest.mark.parametrize("keep", [2, 5, 12])
def test_read_gzip_cut_in_its_header(tmp_path: Path, keep: int) -> None:
    path = write(tmp_path / "cut.html.gz", gzip.compress(HTML)[:keep])
    assert rejected(read(path)).reason == "truncated_gzip"


def test_read_truncated_gzip_jsonl_keeps_complete_lines(tmp_path: Path) -> None:
    records = jsonl(*({"id": f"r{n}", "text": f"Story number {n}. " * 20} for n in range(200)))
    raw = gzip.compress(records)
    path = write(tmp_path / "cut.jsonl.gz", raw[: len(raw) * 2 // 3])
    items = read(path)
    *documents, last = items
    assert isinstance(last, Rejected) and last.reason == "truncated_gzip"
    assert documents and all(isinstance(d, Document) for d in documents)
    assert [d.input_id for d in documents] == [f"r{n}" for n in range(len(documents))]
    assert len(documents) < 200


def test_read_corrupt_gzip_jsonl_keeps_lines_before_the_damage(tmp_path: Path) -> None:
    records = jsonl(*({"id": f"r{n}", "text": f"Story {n}. " * 20} for n in range(2000)))
    raw = bytearray(gzip.compress(records, compresslevel=1))
    middle = len(raw) // 2
    raw[middle : middle + 64] = b"\x00" * 64
    items = read(write(tmp_path / "bad.jsonl.gz", bytes(raw)))
    assert isinstance(items[-1], Rejected) and items[-1].reason in {"bad_gzip", "bad_json"}
    assert isinstance(items[0], Document) and items[0].input_id == "r0"


def test_read_too_large_file(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", TEXT * 10)
    item = rejected(read(path, SourceOptions(max_bytes=100)))
    assert item.reason == "too_large" and "100" in item.detail


def test_read_too_large_once_decompressed(tmp_path: Path) -> None:
    path = write(tmp_path / "bomb.txt.gz", gzip.compress(b"a" * 100_000))
    item = rejected(read(path, SourceOptions(max_bytes=5_000)))
    assert item.reason == "too_large" and "decompresses" in item.detail


def test_read_unreadable(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    item = Input(input_id=str(folder), path=str(folder), content_hash="")
    assert rejected(list(read_documents(item))).reason == "unreadable"
    gone = Input(input_id="gone.txt", path=str(tmp_path / "gone.txt"), content_hash="")
    assert "No such file" in rejected(list(read_documents(gone))).detail


def test_expand_file_that_cannot_be_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "locked.txt", TEXT)

    def deny(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr(kipu.sources._paths, "open", deny, raising=False)
    item = rejected(list(expand_inputs([path])))
    assert item.reason == "unreadable" and item.detail == "Permission denied"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_expand_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", TEXT)
    os.chmod(path, 0)
    item = rejected(list(expand_inputs([path])))
    assert item.reason == "unreadable" and "Permission denied" in item.detail


# --- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2012-10-07", "2012-10-07"),
        ("2012-10-07T13:46:00Z", "2012-10-07"),
        ("2012-10-07 23:30:00-05:00", "2012-10-07"),
        ("2012/10/07", "2012-10-07"),
        ("20121007", "2012-10-07"),
        ("Oct 7, 2012", "2012-10-07"),
        ("Sunday, October 7th, 2012", "2012-10-07"),
        ("Sept. 7 2012", "2012-09-07"),
        ("7 October 2012", "2012-10-07"),
        ("Sun, 07 Oct 2012 13:46:00 GMT", "2012-10-07"),
        ("07-Oct-2012", "2012-10-07"),
        (1349617560, "2012-10-07"),
        (1349617560.5, "2012-10-07"),
        (1349617560000, "2012-10-07"),
        ("1349617560", "2012-10-07"),
        ("2012-02-30", None),
        ("10/07/2012", None),  # month or day first? never a guess
        ("last week", None),
        ("", None),
        (True, None),
        (None, None),
        (float("nan"), None),
        (10**30, None),
        ([2012, 10, 7], None),
    ],
)
def test_normalise_date(value: object, iso: str | None) -> None:
    assert normalise_date(value) == iso


@given(st.one_of(st.text(), st.integers(), st.floats()))
def test_normalise_date_never_raises(value: object) -> None:
    result = normalise_date(value)
    assert result is None or len(result) == 10


# --- nothing escapes ---------------------------------------------------------------------------

NAMES = ["x.txt", "x.html", "x.jsonl", "x.jsonl.gz", "x.txt.gz", "x.bin"]
PIECES = st.sampled_from(
    [
        b"\x1f\x8b",
        gzip.compress(RECORDS)[:40],
        b"\xff\xfe",
        b"\xef\xbb\xbf",
        b'{"text": "a"}\n',
        b'{"html": 1}\n',
        b"\n",
        b"<html>",
        b"\xe9\x93",
        b"\x00",
        b"WARC/",
    ]
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.sampled_from(NAMES),
    data=st.one_of(
        st.binary(max_size=2000), st.lists(PIECES | st.binary(max_size=20)).map(b"".join)
    ),
    gzipped=st.booleans(),
    max_bytes=st.sampled_from([50_000_000, 64]),
)
def test_read_documents_never_raises(
    tmp_path: Path, name: str, data: bytes, gzipped: bool, max_bytes: int
) -> None:
    path = write(tmp_path / name, gzip.compress(data) if gzipped else data)
    item = Input(input_id=path, path=path, content_hash=content_hash(data))
    for result in read_documents(item, SourceOptions(max_bytes=max_bytes)):
        assert isinstance(result, Document | Rejected)
        if isinstance(result, Document):
            assert result.content.strip() and "\x00" not in result.content
            assert result.kind in {"html", "text"}
        else:
            assert result.stage == "sources" and "\n" not in result.detail
