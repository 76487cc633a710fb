"""`kipu extract`: JSON Lines or body text, --explain, and web archives with broken tails."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from typer.testing import CliRunner

from kipu.cli import app

SCRAPED = """Home | World | Business | Sport
Bridge To Be Rebuilt Before Winter
March 4, 2024
The council of the river town voted on Tuesday to rebuild the old bridge before winter.
Work will start next month and should take about twelve weeks, the mayor told reporters.
Subscribe to our newsletter for daily updates
"""
BODY = [
    "The council of the river town voted on Tuesday to rebuild the old bridge before winter.",
    "Work will start next month and should take about twelve weeks, the mayor told reporters.",
]


def runner() -> CliRunner:
    return CliRunner()


def test_format_text_prints_only_the_body_of_stdin() -> None:
    result = runner().invoke(app, ["extract", "--format", "text", "-"], input=SCRAPED)
    assert result.exit_code == 0, result.output
    assert result.stdout == "\n\n".join(BODY) + "\n"


def test_format_jsonl_is_the_default() -> None:
    result = runner().invoke(app, ["extract", "-"], input=SCRAPED)
    assert result.exit_code == 0
    [line] = result.stdout.splitlines()
    record = json.loads(line)
    assert record["text"].split("\n\n") == BODY
    assert (record["published"], record["language"]) == ("2024-03-04", "en")


def test_explain_shows_each_line_kept_or_dropped() -> None:
    result = runner().invoke(app, ["extract", "--explain", "-"], input=SCRAPED)
    assert result.exit_code == 0
    header, *rows = result.stdout.splitlines()
    assert header == "## - (text)"
    marks = [row.split("\t") for row in rows]
    assert [m[0] for m in marks] == ["drop", "drop", "drop", "keep", "keep", "drop"]
    assert [m[2] for m in marks if m[0] == "keep"] == BODY
    assert all(m[1] for m in marks)


def test_bad_format_is_a_usage_error() -> None:
    result = runner().invoke(app, ["extract", "--format", "xml", "-"], input=SCRAPED)
    assert result.exit_code == 2


def test_wet_file_with_a_cut_tail_keeps_what_came_before(tmp_path: Path) -> None:
    def wet(n: int, text: str) -> bytes:
        block = text.encode()
        head = (
            f"WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Record-ID: <urn:uuid:wet-{n}>\r\n"
            f"WARC-Target-URI: https://river.example/{n}\r\nContent-Type: text/plain\r\n"
            f"Content-Length: {len(block)}\r\n\r\n"
        )
        return gzip.compress(head.encode() + block + b"\r\n\r\n")

    data = wet(1, SCRAPED) + wet(2, SCRAPED)
    path = tmp_path / "crawl.warc.wet.gz"
    path.write_bytes(data[:-20])
    result = runner().invoke(app, ["extract", str(path)])
    assert result.exit_code == 0
    [line] = result.stdout.splitlines()
    assert json.loads(line)["input_id"] == "<urn:uuid:wet-1>"
    assert str(path) in result.stderr and "offset" in result.stderr
