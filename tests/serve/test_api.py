"""The read-only API over a store whose texts are XSS payloads: filters, pages, marks, exports,
and what it refuses (bad values, traversal, unknown hosts) without repeating the request."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.serve.conftest import BEFORE, DAY, P

MARKER = "kipu-marker-7f3a"


def get(client: Any, url: str, **kw: Any) -> Any:
    return client.get(url, **kw)


def test_summary_counts_the_store(client: Any) -> None:
    s = get(client, "/api/summary").json()
    assert (s["n_documents"], s["n_events"], s["n_negated"]) == (3, 6, 1)
    assert (s["date_min"], s["date_max"], s["writes"]) == (BEFORE, DAY, False)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", 6),
        ("include_negated=true", 7),
        ("dyad=RUSMIL-UKRMIL", 3),
        ("dyad=RUS-UKR", 5),
        ("source=RUSGOV", 2),
        ("source=RUSGOV&include_negated=true", 3),
        ("actor_code=UKRGOV", 3),
        ("actor=CHE", 1),
        ("country=UKR&side=target", 6),
        ("quad_class=3", 1),
        ("quad_class=3&quad_class=4", 4),
        ("root=4", 2),
        ("cameo=04", 2),
        ("plover=consult", 2),
        (f"date_from={DAY}", 4),
        (f"date_to={BEFORE}", 2),
        ("place=geneva", 1),
        ("place_country=UKR", 3),
        ("text=shelled+crossing", 1),
        ("text=%27+OR+1%3D1+--", 0),
    ],
)
def test_events_filters(client: Any, query: str, expected: int) -> None:
    page = get(client, f"/api/events?{query}").json()
    assert page["total"] == expected
    assert len(page["events"]) == expected


def test_limit_is_clamped_and_pages_cover_every_event_once(client: Any) -> None:
    big = get(client, "/api/events?limit=5000").json()
    assert big["limit"] == 1000 and big["total"] == 6
    ids = []
    for offset in (0, 2, 4, 6):
        page = get(client, f"/api/events?limit=2&offset={offset}&sort=date&order=asc").json()
        ids += [e["event_id"] for e in page["events"]]
    assert len(ids) == len(set(ids)) == 6
    assert sorted(ids) == sorted(e["event_id"] for e in big["events"])


def test_sort_keys_come_from_an_allow_list(client: Any) -> None:
    events = get(client, "/api/events?sort=goldstein&order=asc").json()["events"]
    scores = [e["goldstein"] for e in events]
    assert scores == sorted(scores)
    r = get(client, "/api/events?sort=date%3B+DROP+TABLE+events")
    assert r.status_code == 422
    assert "DROP" not in r.text and r.json()["fields"] == ["sort"]
    assert get(client, "/api/summary").json()["n_events"] == 6


def test_one_event_has_its_sentence_trigger_actor_offsets_and_rule(client: Any) -> None:
    for e in get(client, "/api/events?include_negated=true").json()["events"]:
        one = get(client, f"/api/events/{e['event_id']}").json()
        assert one == e
        sentence, marks = one["sentence"], one["marks"]
        t0, t1 = marks["trigger"]
        assert sentence[t0:t1] == sentence[one["trigger"][0] - one["span"][0] :][: t1 - t0]
        assert sentence[t0:t1] in ("shelled", "threatened", "attacked", "met", "did not attack")
        s0, s1 = marks["source"]
        assert sentence[s0:s1] == one["source"]["text"] and s1 <= t0
        g0, g1 = marks["target"]
        assert sentence[g0:g1] == one["target"]["text"] and g0 >= t1
        assert one["rule"] == f"fixture {P['close']}"
    assert get(client, "/api/events/0123456789abcdef").status_code == 404


def test_a_document_has_its_text_and_its_events_marked(client: Any) -> None:
    listing = get(client, "/api/documents").json()
    assert listing["total"] == 3
    for row in listing["documents"]:
        doc = get(client, f"/api/documents/{row['doc_id']}").json()
        assert len(doc["events"]) == row["n_events"]
        for e in doc["events"]:
            start, end = e["span"]
            assert doc["text"][start:end] == e["sentence"]
            t0, t1 = e["marks"]["trigger"]
            assert doc["text"][start + t0 : start + t1] in e["sentence"]
    a = next(r for r in listing["documents"] if r["title"].endswith("Harbour talks"))
    assert a["title"] == f"{P['script']} Harbour talks" and a["url"] == P["js"] + "//"
    assert get(client, "/api/documents?text=harbour").json()["total"] == 1
    assert get(client, "/api/documents/nope").status_code == 404


def test_actors_and_dyads_are_counted(client: Any) -> None:
    dyads = get(client, "/api/dyads").json()["dyads"]
    top = dyads[0]
    assert (top["source_code"], top["target_code"], top["n_events"], top["q4"]) == (
        "RUSMIL",
        "UKRMIL",
        3,
        3,
    )
    assert top["goldstein_mean"] == -10.0
    actors = {a["code"]: a for a in get(client, "/api/actors").json()["actors"]}
    assert (actors["RUSMIL"]["n_source"], actors["RUSMIL"]["n_target"]) == (3, 0)
    assert actors["UKRGOV"]["n_target"] == 3 and actors["RUSMIL"]["label"] == P["script"]
    only_day = get(client, f"/api/actors?date_from={DAY}&sort=code").json()
    assert [a["code"] for a in only_day["actors"]] == sorted(a["code"] for a in only_day["actors"])


def test_time_series_by_week_and_day(client: Any) -> None:
    weeks = get(client, "/api/timeseries?dyad=RUSMIL-UKRMIL").json()
    assert [(p["period"], p["n_events"], p["q4"]) for p in weeks["points"]] == [
        ("2024-04-29", 1, 1),
        ("2024-05-20", 2, 2),
    ]
    days = get(client, "/api/timeseries?country=UKR&side=target&interval=day").json()
    assert [(p["period"], p["n_events"]) for p in days["points"]] == [(BEFORE, 2), (DAY, 4)]
    assert days["points"][0]["goldstein_mean"] == pytest.approx((-10.0 + 1.0) / 2)


def test_map_counts_countries_with_iso_numeric_codes_and_places(client: Any) -> None:
    data = get(client, "/api/map").json()
    countries = {c["country"]: c for c in data["countries"]}
    assert (countries["UKR"]["n_events"], countries["UKR"]["iso_numeric"]) == (3, "804")
    assert countries["CHE"]["iso_numeric"] == "756"
    assert {(p["lat"], p["lon"], p["n_events"]) for p in data["places"]} == {
        (50.45, 30.52, 3),
        (46.2, 6.14, 1),
    }
    by_source = get(client, "/api/map?by=source").json()
    assert {c["country"]: c["n_events"] for c in by_source["countries"]} == {"RUS": 5, "CHE": 1}


def test_exports_stream_every_event_with_its_text_intact(client: Any) -> None:
    r = get(client, "/api/export/events.csv?include_negated=true")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.headers["content-disposition"] == 'attachment; filename="events.csv"'
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 7
    assert {row["source_text"] for row in rows} >= {P["img"], P["script"]}
    r = get(client, "/api/export/events.jsonl?dyad=RUSMIL-UKRMIL")
    lines = [json.loads(line) for line in r.text.splitlines()]
    assert len(lines) == 3 and all(e["source"]["name"] == P["script"] for e in lines)
    array = get(client, "/api/export/events.json?include_negated=true").json()
    assert [e["event_id"] for e in array] == [row["event_id"] for row in rows]
    assert get(client, "/api/export/events.parquet").status_code == 422


@pytest.mark.parametrize(
    "url",
    [
        f"/api/events?limit={MARKER}",
        f"/api/events?dyad={MARKER}",
        f"/api/events?date_from={MARKER}",
        f"/api/events?sort={MARKER}",
        f"/api/events/{MARKER}%3Cscript%3E",
        f"/api/documents/{MARKER}",
        f"/api/export/{MARKER}.csv",
        f"/api/{MARKER}",
        f"/static/{MARKER}.js",
        f"/{MARKER}",
        f"/api/digest?date={MARKER}",
        f"/api/map?by={MARKER}",
    ],
)
def test_error_bodies_never_repeat_the_request(client: Any, url: str) -> None:
    r = get(client, url)
    assert 400 <= r.status_code < 500
    assert MARKER not in r.text
    assert set(r.json()) == {"error", "fields"}


def test_every_answer_has_the_security_headers(client: Any) -> None:
    for url in ("/", "/api/summary", "/static/app.js", "/api/nope", "/api/events?limit=x"):
        r = get(client, url)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'none'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["referrer-policy"] == "no-referrer"
    assert get(client, "/api/summary").headers["cache-control"] == "no-store"


@pytest.mark.parametrize(
    "url",
    [
        "/static/..%2f..%2f__init__.py",
        "/static/%2e%2e/%2e%2e/__init__.py",
        "/static/..%5c..%5c__init__.py",
        "/static/vendor/..%2f..%2f_app.py",
        "/static//etc/passwd",
        "/static/%2Fetc%2Fpasswd",
        "/api/export/..%2f..%2f..%2fpyproject.toml",
        "/api/export/%2e%2e%2fevents.csv",
        "/api/export/events.csv%00.txt",
    ],
)
def test_path_traversal_is_refused(client: Any, url: str) -> None:
    r = get(client, url)
    assert r.status_code in (404, 422)
    assert "import" not in r.text and "root:" not in r.text and "[project]" not in r.text


def test_other_host_names_are_refused(client: Any) -> None:
    r = get(client, "/api/summary", headers={"host": "attacker.example"})
    assert r.status_code == 400 and "n_events" not in r.text


def test_openapi_describes_the_api_and_no_cdn_docs_page_is_served(client: Any) -> None:
    schema = get(client, "/openapi.json").json()
    paths = set(schema["paths"])
    assert {
        "/api/events",
        "/api/events/{event_id}",
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/actors",
        "/api/dyads",
        "/api/timeseries",
        "/api/map",
        "/api/digest",
        "/api/export/{name}",
    } <= paths
    assert not any("post" in ops for ops in schema["paths"].values())
    assert get(client, "/docs").status_code == 404
    assert get(client, "/redoc").status_code == 404


def test_the_page_loads_only_files_of_its_own_origin() -> None:
    static = Path(__file__).resolve().parents[2] / "src" / "kipu" / "api" / "static"
    index = (static / "index.html").read_text(encoding="utf-8")
    urls = re.findall(r'(?:src|href)="([^"]+)"', index)
    assert urls and all(u.startswith(("/static/", "#/")) for u in urls)
    assert "<style" not in index and "style=" not in index
    assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", index) is None  # no inline script
    for name in ("d3", "plot", "topojson-client", "world-atlas"):
        assert (static / "vendor" / f"LICENSE-{name}.txt").read_text().startswith("Copyright")
    # The dashboard's code (its comment lines aside) has no HTML sink, no eval, no other origin.
    lines = (static / "app.js").read_text(encoding="utf-8").splitlines()
    code = "\n".join(line for line in lines if not line.strip().startswith("//"))
    sinks = ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(")
    for sink in (*sinks, "new Function", "http://", "https://"):
        assert sink not in code
