"""`kipu serve` at scale: first paint of each dashboard view with 100,000 events in the store.

    .venv/bin/python benchmarks/serve.py                 # 100,000 events, as ingest writes them
    .venv/bin/python benchmarks/serve.py --events 20000 --keep /tmp/kipu-bench-store

Builds a store of synthetic events with the store's own writer, committed as ``kipu ingest``
commits (one commit of documents and events per 64 documents, so 100,000 events are ~310
parts per table), and a baseline store of 1,000 events written the same way. It then runs
``kipu serve`` on each (a real uvicorn process on 127.0.0.1) and opens every view in headless
Chromium (Debian's /usr/bin/chromium through Playwright), each in a fresh page, measuring:

- first paint: the browser's first-contentful-paint entry;
- ready: from navigation start until the view has drawn its data (``data-ready`` on the view),
  the number the target (< 2 s) is about;
- the ratio of ready on the big store to ready on the baseline store (same run, same machine).

Each view is opened ``--repeat`` times (default 3) after one warm-up; the median is reported.
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from kipu.events import load_codebook
from kipu.ids import make_doc_id, make_id
from kipu.records import Actor, Article, Event, Place, Plover, Quantity
from kipu.store import StoreWriter

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Countries with one place each (capital, latitude, longitude): the synthetic events' world.
PLACES = [
    ("USA", "Washington", 38.9072, -77.0369),
    ("RUS", "Moscow", 55.7558, 37.6173),
    ("CHN", "Beijing", 39.9042, 116.4074),
    ("UKR", "Kyiv", 50.4501, 30.5234),
    ("ISR", "Jerusalem", 31.7683, 35.2137),
    ("IRN", "Tehran", 35.6892, 51.3890),
    ("IND", "New Delhi", 28.6139, 77.2090),
    ("PAK", "Islamabad", 33.6844, 73.0479),
    ("BRA", "Brasilia", -15.7939, -47.8828),
    ("PER", "Lima", -12.0464, -77.0428),
    ("KEN", "Nairobi", -1.2921, 36.8219),
    ("NGA", "Abuja", 9.0765, 7.3986),
    ("EGY", "Cairo", 30.0444, 31.2357),
    ("TUR", "Ankara", 39.9334, 32.8597),
    ("DEU", "Berlin", 52.5200, 13.4050),
    ("FRA", "Paris", 48.8566, 2.3522),
    ("GBR", "London", 51.5072, -0.1276),
    ("JPN", "Tokyo", 35.6762, 139.6503),
    ("PHL", "Manila", 14.5995, 120.9842),
    ("IDN", "Jakarta", -6.2088, 106.8456),
    ("AUS", "Canberra", -35.2809, 149.1300),
    ("MEX", "Mexico City", 19.4326, -99.1332),
    ("COL", "Bogota", 4.7110, -74.0721),
    ("ZAF", "Pretoria", -25.7479, 28.2293),
    ("ETH", "Addis Ababa", 8.9806, 38.7578),
    ("SDN", "Khartoum", 15.5007, 32.5599),
    ("SYR", "Damascus", 33.5138, 36.2765),
    ("IRQ", "Baghdad", 33.3152, 44.3661),
    ("SAU", "Riyadh", 24.7136, 46.6753),
    ("AFG", "Kabul", 34.5553, 69.2075),
]
SECTORS = [None, "GOV", "MIL", "COP", "CVL", "REB", "BUS"]
START = date(2023, 1, 2)
DAYS = 730


def synthetic_store(path: Path, n_events: int, *, per_doc: int = 5, shard: int = 64) -> None:
    """A store of ``n_events`` synthetic events, committed in shards as kipu ingest commits."""
    rng = random.Random(20261206)
    book = [c for c in load_codebook().values() if len(c.code) == 3]
    n_docs = n_events // per_doc
    with StoreWriter.open(path, run_id="bench") as writer:
        articles: list[Article] = []
        events: list[Event] = []
        for i in range(n_docs):
            day = (START + timedelta(days=rng.randrange(DAYS))).isoformat()
            sentences, picks = [], []
            for _ in range(per_doc):
                src, tgt = rng.sample(PLACES, 2)
                code = rng.choice(book)
                sectors = rng.choice(SECTORS), rng.choice(SECTORS)
                place = rng.choice((src, tgt))
                sentences.append(
                    f"Officials of {src[1]} and {tgt[1]} met over matter {i} in {place[1]}."
                )
                picks.append((src, tgt, code, sectors, place))
            text = " ".join(sentences)
            doc_id = make_doc_id(text)
            articles.append(
                Article(
                    doc_id=doc_id,
                    input_id=f"bench-{i}",
                    url=f"https://news.example/{i}",
                    title=f"Report {i}",
                    published=day,
                    dateline=None,
                    byline=None,
                    language="en",
                    text=text,
                )
            )
            offset = 0
            for k, (sentence, (src, tgt, code, sectors, place)) in enumerate(
                zip(sentences, picks, strict=True)
            ):
                start = text.index(sentence, offset)
                offset = start + len(sentence)
                amount = rng.random() < 0.1
                events.append(
                    Event(
                        event_id=make_id(doc_id, k, code.code),
                        doc_id=doc_id,
                        input_id=f"bench-{i}",
                        date=day,
                        date_precision="day",
                        source=_actor(src, sectors[0]),
                        target=_actor(tgt, sectors[1]),
                        cameo=code.code,
                        root=code.root,
                        quad_class=code.quad_class,
                        goldstein=code.goldstein,
                        plover=Plover(type=code.plover_type, mode=code.plover_mode, context=None),
                        negated=rng.random() < 0.03,
                        modality="actual",
                        quantity=Quantity(
                            amount=float(rng.randrange(1, 10**6)),
                            currency="USD",
                            unit=None,
                            text="an amount",
                        )
                        if amount
                        else None,
                        location=Place(name=place[1], country=place[0], lat=place[2], lon=place[3]),
                        sentence=sentence,
                        sentence_index=k,
                        span=(start, offset),
                        trigger=(
                            start + sentence.index(" met ") + 1,
                            start + sentence.index(" met ") + 4,
                        ),
                        rule="synthetic",
                        confidence=0.9,
                    )
                )
            if len(articles) >= shard:
                writer.write(articles, events)
                articles, events = [], []
        if articles:
            writer.write(articles, events)


def _actor(place: tuple[str, str, float, float], sector: str | None) -> Actor:
    code = place[0] + (sector or "")
    return Actor(
        text=f"Officials of {place[1]}",
        name=None,
        code=code,
        country=place[0],
        sector=sector,
        rule="synthetic",
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


VIEWS = {
    "events": "/#/events",
    "dyad": "/#/dyad",
    "map": "/#/map",
    "article": None,  # the newest document's page, found through the API
    "digest": "/#/digest",
}


def measure(store: Path, repeat: int) -> dict[str, tuple[float, float]]:
    """Median (first paint, ready) in ms of each view of the dashboard over ``store``."""
    import json
    import urllib.request

    from playwright.sync_api import sync_playwright

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "kipu"),
            "serve",
            "--store",
            str(store),
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(200):
            try:
                with urllib.request.urlopen(base + "/api/summary", timeout=1) as r:
                    r.read()
                break
            except OSError:
                time.sleep(0.1)
        with urllib.request.urlopen(base + "/api/documents?limit=1", timeout=30) as r:
            doc_id = json.load(r)["documents"][0]["doc_id"]
        views = {**VIEWS, "article": f"/#/article/{doc_id}"}
        results: dict[str, tuple[float, float]] = {}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            for name, path in views.items():
                paints, readies = [], []
                for attempt in range(repeat + 1):
                    page = browser.new_page(viewport={"width": 1280, "height": 900})
                    page.goto(base + path)
                    page.wait_for_selector("[data-ready]", timeout=60_000)
                    ready = page.evaluate(
                        "Number(document.querySelector('[data-ready]').dataset.ready)"
                    )
                    paint = page.evaluate(
                        "(performance.getEntriesByName('first-contentful-paint')[0] || "
                        "{startTime: NaN}).startTime"
                    )
                    page.close()
                    if attempt:  # the first opening warms the server's caches
                        paints.append(paint)
                        readies.append(ready)
                results[name] = (statistics.median(paints), statistics.median(readies))
            browser.close()
        return results
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--baseline", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="Build (or reuse) the big store here.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        big = args.keep or Path(tmp) / "big"
        small = Path(tmp) / "small"
        start = time.perf_counter()
        if not (big / "manifest.jsonl").exists():
            synthetic_store(big, args.events)
        synthetic_store(small, args.baseline)
        print(f"stores built in {time.perf_counter() - start:.1f} s")
        parts = len(list((big / "events").glob("*.parquet")))
        base = measure(small, args.repeat)
        full = measure(big, args.repeat)
    print(f"{args.events:,} events in {parts} event parts; baseline {args.baseline:,} events")
    print(f"{'view':8} {'first paint':>12} {'ready':>9} {'baseline ready':>15} {'ratio':>6}")
    for name, (paint, ready) in full.items():
        b = base[name][1]
        print(f"{name:8} {paint:10.0f} ms {ready:6.0f} ms {b:12.0f} ms {ready / b:6.2f}")


if __name__ == "__main__":
    main()
