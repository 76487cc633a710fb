"""The dashboard in a real browser (Debian's chromium driven by Playwright), over the store
whose every shown text is an XSS payload: each view renders, the payloads stay text, every
request goes to the server's own origin, the CSP reports no violation, and the map draws its
countries. Skips, saying why, only where /usr/bin/chromium is not installed."""

from __future__ import annotations

import io
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.serve.conftest import DAY, P

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="chromium is not installed at /usr/bin/chromium (apt-get install chromium)",
    ),
]

# Collects CSP violations and dialogs from the first moment of every page.
WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || ''));
});
"""


@pytest.fixture(scope="module")
def base(xss_store: Path) -> Iterator[str]:
    import uvicorn

    from kipu.api import LOOPBACK_HOSTS, create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        create_app(xss_store, allowed_hosts=LOOPBACK_HOSTS), log_level="warning", lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


class Visit:
    """One page opened on a view, with everything it asked for and every complaint."""

    def __init__(self, browser: Any, base: str, path: str) -> None:
        self.requests: list[str] = []
        self.console: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.page.add_init_script(WATCH)
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.console.append(m.text))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(base + path)
        self.page.wait_for_selector("#view[data-ready]", timeout=20_000)

    def violations(self) -> list[str]:
        found = list(self.page.evaluate("window.__csp"))
        return found + [m for m in self.console if "Content Security Policy" in m]


def _view_text(visit: Visit) -> str:
    return str(visit.page.evaluate("document.getElementById('view').textContent"))


def _assert_inert(visit: Visit, base: str) -> None:
    page = visit.page
    assert page.evaluate("window.__xss") is None
    assert visit.dialogs == []
    dangerous = page.evaluate(
        """() => {
          const bad = [];
          for (const el of document.querySelectorAll('*')) {
            if (['SCRIPT', 'IFRAME', 'IMG', 'OBJECT', 'EMBED'].includes(el.tagName)
                && !(el.tagName === 'SCRIPT' && el.src.startsWith(location.origin + '/static/'))) {
              bad.push(el.tagName);
            }
            for (const a of el.attributes) {
              if (a.name.startsWith('on')) bad.push(el.tagName + '@' + a.name);
              if (['href', 'src', 'xlink:href', 'action'].includes(a.name)
                  && /^\\s*javascript:/i.test(a.value)) bad.push(el.tagName + '@' + a.name);
            }
          }
          return bad;
        }"""
    )
    assert dangerous == []
    assert visit.requests and all(u.startswith(base + "/") for u in visit.requests)
    assert visit.violations() == []


VIEWS = [
    ("events", "/#/events", [P["img"], P["svg"], P["script"], P["close"], P["attr"]]),
    ("events-filtered", "/#/events?dyad=RUSMIL-UKRMIL&quad_class=4", [P["img"], P["close"]]),
    ("dyad", "/#/dyad?source=RUSMIL&target=UKRMIL", ["RUSMIL", "UKRMIL"]),
    ("map", "/#/map", ["UKR", "CHE"]),
    ("digest", f"/#/digest?date={DAY}", [P["script"], P["attr"], P["img"]]),
]


@pytest.mark.parametrize(("name", "path", "shown"), VIEWS, ids=[v[0] for v in VIEWS])
def test_each_view_renders_with_payloads_as_text(
    browser: Any, base: str, name: str, path: str, shown: list[str]
) -> None:
    visit = Visit(browser, base, path)
    try:
        _assert_inert(visit, base)
        text = _view_text(visit)
        for payload in shown:
            assert payload in text
        _assert_not_blank(visit.page.screenshot())
    finally:
        visit.page.close()


def test_articles_show_their_text_and_events_marked(browser: Any, base: str, client: Any) -> None:
    docs = client.get("/api/documents").json()["documents"]
    for doc in docs:
        detail = client.get(f"/api/documents/{doc['doc_id']}").json()
        visit = Visit(browser, base, f"/#/article/{doc['doc_id']}")
        try:
            _assert_inert(visit, base)
            page = visit.page
            assert page.locator("#view h1").text_content() == doc["title"]
            assert page.locator(".article-text").text_content() == detail["text"]
            triggers = page.locator(".article-text mark.trigger").all_text_contents()
            assert triggers == [
                e["sentence"][slice(*e["marks"]["trigger"])] for e in detail["events"]
            ]
            sources = "".join(page.locator(".article-text mark.source").all_text_contents())
            assert all(e["source"]["text"] in sources for e in detail["events"])
            links = page.evaluate("[...document.querySelectorAll('#view a')].map(a => a.href)")
            assert all(u.startswith((base + "/", "https://news.example/")) for u in links)
            _assert_not_blank(page.screenshot())
        finally:
            page.close()


def test_the_map_draws_the_countries_and_colours_those_with_events(browser: Any, base: str) -> None:
    visit = Visit(browser, base, "/#/map")
    try:
        paths = visit.page.locator("#map svg.kplot path")
        assert paths.count() > 170  # the 177 countries of countries-110m, and the sphere
        fills = visit.page.evaluate(
            "[...document.querySelectorAll('#map svg.kplot g[aria-label=geo] path')]"
            ".map(p => p.getAttribute('fill') || p.parentNode.getAttribute('fill'))"
        )
        assert len(set(fills)) >= 2  # grey countries and coloured ones
        titles = visit.page.locator("#map svg.kplot title").all_text_contents()
        assert any(t.startswith("Ukraine: ") for t in titles)
        assert sum(t.startswith(P["close"]) for t in titles) == 1  # the dot's place name, as text
    finally:
        visit.page.close()


def test_a_csp_violation_would_be_seen(browser: Any, base: str) -> None:
    """The zero-violation checks above can fail: an inline script is refused and reported."""
    visit = Visit(browser, base, "/#/events")
    try:
        visit.page.evaluate(
            "() => { const s = document.createElement('script');"
            " s.textContent = 'window.__xss = 1'; document.body.append(s); }"
        )
        visit.page.wait_for_function("window.__csp.length > 0", timeout=5000)
        assert visit.page.evaluate("window.__xss") is None
        assert any("script-src" in v for v in visit.violations())
    finally:
        visit.page.close()


def _assert_not_blank(png: bytes) -> None:
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20) or []
    assert len(colours) > 20  # text, marks and charts, not one flat colour
    (lo, hi) = zip(*image.getextrema(), strict=True)
    assert max(hi) - min(lo) > 100
