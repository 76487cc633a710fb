"""The daily digest: rising conflict dyads, new actors, largest amounts, each linking its events;
article text escaped in Markdown and HTML; `kipu digest` in its three formats."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from typer.testing import CliRunner

from kipu.cli import app
from kipu.digest import build_digest, to_html, to_json, to_markdown
from kipu.errors import StoreError
from tests.serve.conftest import DAY, P

BASE = "http://127.0.0.1:8765"


def test_digest_lists_the_days_changes(xss_store: Path) -> None:
    d = build_digest(xss_store, DAY)
    assert (d.date, d.since, d.n_events, d.n_conflict) == (DAY, "2024-04-22", 4, 3)
    assert d.mean_before == pytest.approx(2 / 28) and d.conflict_mean_before == pytest.approx(
        1 / 28
    )
    assert [(x.source, x.target, x.n_day) for x in d.rising_dyads] == [
        ("RUSMIL", "UKRMIL", 2),
        ("RUSGOV", "UKRGOV", 1),
    ]
    assert d.rising_dyads[0].rise == pytest.approx(2 - 1 / 28)
    assert [x.code for x in d.new_actors] == ["CHEGOV"]
    assert [(x.currency or x.unit, x.amount) for x in d.largest_amounts] == [
        ("USD", 5e6),
        ("killed", 12.0),
    ]


def test_a_shorter_window_and_the_default_day(xss_store: Path) -> None:
    d = build_digest(xss_store, weeks=1)
    assert d.date == DAY and d.since == "2024-05-13" and d.mean_before == 0
    assert d.rising_dyads[0].rise == 2
    with pytest.raises(StoreError):
        build_digest(xss_store, "2024-02-30")


def test_each_line_links_exactly_its_events(xss_store: Path, client: Any) -> None:
    digest = to_json(build_digest(xss_store, DAY))
    lines = digest["rising_dyads"] + digest["new_actors"] + digest["largest_amounts"]
    assert len(lines) == 5
    for line in lines:
        link = line["link"]
        assert link["dashboard"].startswith("/#/events?")
        found = client.get(link["api"]).json()["events"]
        assert sorted(e["event_id"] for e in found) == sorted(link["event_ids"])
    assert client.get(f"/api/digest?date={DAY}").json() == digest


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.hrefs += [v or "" for k, v in attrs if k == "href"]


def test_html_digest_shows_article_text_as_text(xss_store: Path) -> None:
    page = to_html(build_digest(xss_store, DAY), BASE)
    parser = _Tags()
    parser.feed(page)
    assert set(parser.tags) <= {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "h1",
        "h2",
        "p",
        "ul",
        "li",
        "a",
    }
    assert parser.hrefs and all(h.startswith(BASE + "/#/events?") for h in parser.hrefs)
    assert "&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;" in page
    assert "default-src 'none'" in page


def test_markdown_digest_escapes_html_and_link_syntax(xss_store: Path) -> None:
    text = to_markdown(build_digest(xss_store, DAY), BASE)
    assert "<" not in text.replace("](", "")
    assert "](javascript" not in text
    links = [part.split(")")[0] for part in text.split("](")[1:]]
    assert len(links) == 5 and all(urlsplit(u).netloc == "127.0.0.1:8765" for u in links)
    assert "\\[" not in P["attr"] and "&quot;&gt;&lt;iframe" in text


def test_kipu_digest_command_in_three_formats(xss_store: Path) -> None:
    runner = CliRunner()
    args = ["digest", "--store", str(xss_store), "--date", DAY]
    out = runner.invoke(app, [*args, "--format", "json"])
    assert out.exit_code == 0
    assert json.loads(out.stdout)["rising_dyads"][0]["link"]["dashboard"].startswith(BASE)
    md = runner.invoke(app, [*args, "--base-url", "http://localhost:9000/"])
    assert md.exit_code == 0 and "(http://localhost:9000/#/events?" in md.stdout
    html = runner.invoke(app, [*args, "-f", "html"])
    assert html.exit_code == 0 and html.stdout.startswith("<!doctype html>")
    bad = runner.invoke(app, [*args[:-1], "yesterday"])
    assert bad.exit_code == 1 and "is not a date" in bad.stderr
    assert runner.invoke(app, [*args, "-f", "pdf"]).exit_code == 2
