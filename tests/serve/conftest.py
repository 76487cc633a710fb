"""A small store whose every shown text field holds an XSS payload, and an API client over it.

Day D (2024-05-20) has conflict events between RUSMIL and UKRMIL, a threat between their
governments and a meeting with a new actor (CHEGOV); 2024-05-01 has one earlier attack, one
earlier meeting and one negated event, so the digest has something to compare against.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kipu.ids import make_doc_id, make_id
from kipu.records import Actor, Article, Event, Place, Plover, Quantity
from kipu.store import StoreWriter

# Markup and script that must stay text wherever the dashboard shows them.
P = {
    "script": "<script>window.__xss=1</script>",
    "img": '<img src=x onerror="window.__xss=1">',
    "close": "</script><script>window.__xss=1</script>",
    "svg": '<svg onload="window.__xss=1"><circle r="9"/></svg>',
    "js": "javascript:window.__xss=1",
    "attr": '"><iframe src="javascript:window.__xss=1"></iframe>',
}
DAY = "2024-05-20"
BEFORE = "2024-05-01"


def actor(text: str, code: str, sector: str | None, name: str | None = None) -> Actor:
    return Actor(
        text=text, name=name, code=code, country=code[:3], sector=sector, rule=f"rule {P['img']}"
    )


def build_document(
    doc: str,
    date: str,
    title: str | None,
    url: str | None,
    rows: list[tuple[Actor | None, str, Actor | None, str, dict[str, object]]],
) -> tuple[Article, list[Event]]:
    """An article of one sentence per row ("SOURCE TRIGGER TARGET TAIL") and its events."""
    sentences = [
        " ".join(part for part in (s.text if s else "", trig, t.text if t else "", tail) if part)
        for s, trig, t, tail, _ in rows
    ]
    text = " ".join(sentences)
    doc_id = make_doc_id(text)
    article = Article(
        doc_id=doc_id,
        input_id=f"fixture-{doc}",
        url=url,
        title=title,
        published=date,
        dateline=f"GENEVA {P['script']}",
        byline=P["svg"],
        language="en",
        text=text,
    )
    events = []
    offset = 0
    for k, (sentence, (source, trig, target, _, extra)) in enumerate(
        zip(sentences, rows, strict=True)
    ):
        start = text.index(sentence, offset)
        offset = start + len(sentence)
        t0 = start + sentence.index(f" {trig} ") + 1 if source else start
        cameo = str(extra.get("cameo", "190"))
        quad = int(extra.get("quad", 4))  # type: ignore[call-overload]
        events.append(
            Event(
                event_id=make_id(doc_id, k, cameo),
                doc_id=doc_id,
                input_id=article.input_id,
                date=date,
                date_precision="day",
                source=source,
                target=target,
                cameo=cameo,
                root=cameo[:2],
                quad_class=quad,
                goldstein=float(extra.get("goldstein", -10.0)),  # type: ignore[arg-type]
                plover=Plover(type=str(extra.get("plover", "ASSAULT")), mode=None, context=None),
                negated=bool(extra.get("negated", False)),
                modality="actual",
                quantity=extra.get("quantity"),  # type: ignore[arg-type]
                location=extra.get("location"),  # type: ignore[arg-type]
                sentence=sentence,
                sentence_index=k,
                span=(start, offset),
                trigger=(t0, t0 + len(trig)),
                rule=f"fixture {P['close']}",
                confidence=0.9,
            )
        )
    return article, events


def fixture_documents() -> list[tuple[Article, list[Event]]]:
    rusmil = actor(P["img"], "RUSMIL", "MIL", name=P["script"])
    ukrmil = actor(P["svg"], "UKRMIL", "MIL", name=P["attr"])
    rusgov = actor(P["script"], "RUSGOV", "GOV")
    ukrgov = actor(P["js"], "UKRGOV", "GOV")
    chegov = actor(f"The {P['close']} delegation", "CHEGOV", "GOV")
    border = Place(name=P["close"], country="UKR", lat=50.45, lon=30.52, precision="city")
    geneva = Place(name=f"Geneva {P['attr']}", country="CHE", lat=46.2, lon=6.14)
    killed = Quantity(amount=12.0, currency=None, unit="killed", text=P["attr"])
    money = Quantity(amount=5e6, currency="USD", unit=None, text=P["img"] + "\u2028million")
    meet = {"cameo": "040", "quad": 1, "goldstein": 1.0, "plover": "CONSULT"}
    return [
        build_document(
            "a",
            DAY,
            f"{P['script']} Harbour talks",
            P["js"] + "//",
            [
                (
                    rusmil,
                    "shelled",
                    ukrmil,
                    "near the crossing.",
                    {"location": border, "quantity": killed},
                ),
                (
                    rusgov,
                    "threatened",
                    ukrgov,
                    "again.",
                    {"cameo": "138", "quad": 3, "goldstein": -7.0, "plover": "THREATEN"},
                ),
                (rusmil, "attacked", ukrmil, "at dawn.", {"location": border}),
            ],
        ),
        build_document(
            "b",
            DAY,
            P["img"],
            'https://news.example/a?x="><svg onload=window.__xss=1>',
            [
                (
                    chegov,
                    "met",
                    ukrgov,
                    f"in Geneva {P['attr']}.",
                    {**meet, "location": geneva, "quantity": money},
                )
            ],
        ),
        build_document(
            "c",
            BEFORE,
            "Earlier clashes",
            "https://news.example/c",
            [
                (rusmil, "attacked", ukrmil, "posts.", {"location": border}),
                (rusgov, "met", ukrgov, "envoys.", meet),
                (rusgov, "did not attack", ukrgov, "today.", {"negated": True}),
            ],
        ),
    ]


def write_store(path: Path) -> Path:
    with StoreWriter.open(path, run_id="fixture") as writer:
        for article, events in fixture_documents():
            writer.write([article], events)  # one commit per document, as ingest shards do
    return path


@pytest.fixture(scope="session")
def xss_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_store(tmp_path_factory.mktemp("serve") / "store")


@pytest.fixture(scope="session")
def client(xss_store: Path) -> Iterator[object]:
    from fastapi.testclient import TestClient

    from kipu.api import create_app

    with TestClient(create_app(xss_store, allowed_hosts=("testserver",))) as c:
        yield c
