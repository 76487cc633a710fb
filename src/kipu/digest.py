"""The daily digest: a day's biggest changes against the weeks before it.

Three lists, each line linking the events behind it:

- **rising conflict dyads**: source-target pairs whose conflict events (quad classes 3 and 4)
  on the day exceed their daily mean over the weeks before, by how much they exceed it;
- **new actors**: actor codes with events on the day and none on any earlier day;
- **largest amounts**: the day's events with the largest quantities, per currency or unit
  (a sum of money is never ranked against a death toll).

:func:`build_digest` computes it from a store; :func:`to_json`, :func:`to_markdown` and
:func:`to_html` render it. Every text taken from articles is escaped for the format it goes
into (HTML entities in HTML and Markdown, Markdown's own punctuation in Markdown).
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass
from datetime import date as Date
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

from kipu.errors import StoreError
from kipu.store._api_queries import digest_rows, latest_day

DEFAULT_WEEKS = 4
MAX_LINES = 10
CONFLICT = (3, 4)  # quad classes: verbal and material conflict


@dataclass(frozen=True, slots=True, kw_only=True)
class Link:
    """The events behind one digest line: filters for the event list, and their ids."""

    query: tuple[tuple[str, str], ...]  # ("dyad", ...) pairs, in order; repeated keys allowed
    event_ids: tuple[str, ...]

    def dashboard(self) -> str:
        """The dashboard's path for these events ("/#/events?...")."""
        return "/#/events?" + urlencode(self.query)

    def api(self) -> str:
        """The API's path for these events ("/api/events?...")."""
        return "/api/events?" + urlencode(self.query)


@dataclass(frozen=True, slots=True, kw_only=True)
class DyadRise:
    source: str
    target: str
    source_label: str | None
    target_label: str | None
    n_day: int
    mean_before: float  # conflict events a day over the weeks before
    rise: float  # n_day - mean_before
    link: Link


@dataclass(frozen=True, slots=True, kw_only=True)
class NewActor:
    code: str
    label: str | None
    country: str | None
    n_events: int
    link: Link


@dataclass(frozen=True, slots=True, kw_only=True)
class Amount:
    event_id: str
    doc_id: str
    amount: float
    currency: str | None
    unit: str | None
    text: str | None
    source: str | None
    target: str | None
    cameo: str
    sentence: str
    link: Link


@dataclass(frozen=True, slots=True, kw_only=True)
class Digest:
    date: str
    since: str  # first day of the weeks compared against
    weeks: int
    n_events: int
    mean_before: float  # events a day over the weeks before
    n_conflict: int
    conflict_mean_before: float
    rising_dyads: tuple[DyadRise, ...]
    new_actors: tuple[NewActor, ...]
    largest_amounts: tuple[Amount, ...]


def _day(text: str) -> Date:
    try:
        return Date.fromisoformat(text)
    except ValueError:
        raise StoreError(f"{text!r} is not a date; use YYYY-MM-DD") from None


def build_digest(
    store: str | os.PathLike[str],
    day: str | None = None,
    *,
    weeks: int = DEFAULT_WEEKS,
    max_lines: int = MAX_LINES,
) -> Digest:
    """The digest of ``day`` (default: the newest day with events) against ``weeks`` before."""
    if weeks < 1:
        raise StoreError("weeks must be 1 or more")
    if day is None:
        day = latest_day(store)
        if day is None:
            raise StoreError(f"store {store} has no dated events")
    d = _day(day)
    iso = d.isoformat()
    since = (d - timedelta(days=7 * weeks)).isoformat()
    days_before = 7 * weeks
    rows = digest_rows(store, iso, since)
    one_day = (("date_from", iso), ("date_to", iso))

    dyads = []
    for r in rows.dyads:
        mean = r["n_before"] / days_before
        dyads.append(
            DyadRise(
                source=r["source_code"],
                target=r["target_code"],
                source_label=r["source_label"],
                target_label=r["target_label"],
                n_day=r["n_day"],
                mean_before=mean,
                rise=r["n_day"] - mean,
                link=Link(
                    query=(
                        ("source", r["source_code"]),
                        ("target", r["target_code"]),
                        *one_day,
                        *(("quad_class", str(q)) for q in CONFLICT),
                    ),
                    event_ids=tuple(r["event_ids"]),
                ),
            )
        )
    dyads.sort(key=lambda x: (-x.rise, -x.n_day, x.source, x.target))
    actors = [
        NewActor(
            code=r["code"],
            label=r["label"],
            country=r["country"],
            n_events=r["n_events"],
            link=Link(query=(("actor_code", r["code"]), *one_day), event_ids=tuple(r["event_ids"])),
        )
        for r in rows.new_actors[:max_lines]
    ]
    amounts = [
        Amount(
            event_id=r["event_id"],
            doc_id=r["doc_id"],
            amount=float(r["quantity_amount"]),
            currency=r["quantity_currency"],
            unit=r["quantity_unit"],
            text=r["quantity_text"],
            source=r["source_code"],
            target=r["target_code"],
            cameo=r["cameo"],
            sentence=r["sentence"],
            link=Link(query=(("event_id", r["event_id"]),), event_ids=(r["event_id"],)),
        )
        for r in rows.amounts
    ]
    return Digest(
        date=iso,
        since=since,
        weeks=weeks,
        n_events=rows.n_day,
        mean_before=rows.n_before / days_before,
        n_conflict=rows.n_conflict_day,
        conflict_mean_before=rows.n_conflict_before / days_before,
        rising_dyads=tuple(x for x in dyads if x.rise > 0)[:max_lines],
        new_actors=tuple(actors),
        largest_amounts=tuple(amounts),
    )


def _link_json(link: Link, base_url: str) -> dict[str, Any]:
    return {
        "dashboard": base_url + link.dashboard(),
        "api": base_url + link.api(),
        "event_ids": list(link.event_ids),
    }


def to_json(digest: Digest, base_url: str = "") -> dict[str, Any]:
    """The digest as a JSON-ready dict; links are paths, or URLs under ``base_url``."""
    return {
        "date": digest.date,
        "since": digest.since,
        "weeks": digest.weeks,
        "n_events": digest.n_events,
        "mean_before": round(digest.mean_before, 3),
        "n_conflict": digest.n_conflict,
        "conflict_mean_before": round(digest.conflict_mean_before, 3),
        "rising_dyads": [
            {
                "source": x.source,
                "target": x.target,
                "source_label": x.source_label,
                "target_label": x.target_label,
                "n_day": x.n_day,
                "mean_before": round(x.mean_before, 3),
                "rise": round(x.rise, 3),
                "link": _link_json(x.link, base_url),
            }
            for x in digest.rising_dyads
        ],
        "new_actors": [
            {
                "code": x.code,
                "label": x.label,
                "country": x.country,
                "n_events": x.n_events,
                "link": _link_json(x.link, base_url),
            }
            for x in digest.new_actors
        ],
        "largest_amounts": [
            {
                "event_id": x.event_id,
                "doc_id": x.doc_id,
                "amount": x.amount,
                "currency": x.currency,
                "unit": x.unit,
                "text": x.text,
                "source": x.source,
                "target": x.target,
                "cameo": x.cameo,
                "sentence": x.sentence,
                "link": _link_json(x.link, base_url),
            }
            for x in digest.largest_amounts
        ],
    }


# Markdown punctuation that could start a link, emphasis, code, a heading or a table cell.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")


def _md(text: object) -> str:
    """Untrusted text for Markdown: HTML escaped (renderers pass HTML through), punctuation
    backslash-escaped, newlines folded."""
    plain = " ".join(str(text).split())
    return _MD_SPECIAL.sub(r"\\\1", html.escape(plain, quote=True))


def _amount(x: Amount) -> str:
    kind = x.currency or x.unit or ""
    return f"{x.amount:,.0f} {kind}".strip()


def _who(code: str | None, label: str | None) -> str:
    if code and label:
        return f"{code} ({label})"
    return code or label or "?"


def _lines(digest: Digest) -> list[tuple[str, list[tuple[str, Link]]]]:
    """The digest's sections as (heading, [(plain text, link)]): one source for md and html."""
    dyads = [
        (
            f"{_who(x.source, x.source_label)} → {_who(x.target, x.target_label)}: "
            f"{x.n_day} conflict events (a day before: {x.mean_before:.2f}, +{x.rise:.2f})",
            x.link,
        )
        for x in digest.rising_dyads
    ]
    actors = [
        (
            f"{_who(x.code, x.label)}"
            + (f", {x.country}" if x.country else "")
            + f": {x.n_events} events",
            x.link,
        )
        for x in digest.new_actors
    ]
    amounts = [
        (
            f"{_amount(x)} ({x.text or ''}), {x.source or '?'} {x.cameo} {x.target or '?'}: "
            f"{x.sentence}",
            x.link,
        )
        for x in digest.largest_amounts
    ]
    return [
        ("Rising conflict dyads", dyads),
        ("New actors", actors),
        ("Largest amounts", amounts),
    ]


def _headline(digest: Digest) -> str:
    return (
        f"{digest.n_events} events on {digest.date} (a day over the {digest.weeks} weeks "
        f"before: {digest.mean_before:.1f}); {digest.n_conflict} conflict events "
        f"(before: {digest.conflict_mean_before:.1f} a day)."
    )


def to_markdown(digest: Digest, base_url: str = "") -> str:
    """The digest as Markdown; every line links to its events in the dashboard."""
    out = [f"# kipu digest {digest.date}", "", _headline(digest), ""]
    for heading, lines in _lines(digest):
        out += [f"## {heading}", ""]
        if not lines:
            out.append("- none")
        for text, link in lines:
            out.append(f"- [{_md(text)}]({base_url + link.dashboard()})")
        out.append("")
    return "\n".join(out)


_HTML_STYLE = (
    "body{font:15px/1.45 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;"
    "color:#1d2430}h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.5em}"
    "li{margin:.3em 0}a{color:#0b5cad}"
)


def to_html(digest: Digest, base_url: str = "") -> str:
    """The digest as a standalone HTML page: no script, every text escaped."""
    esc = html.escape
    out = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        # The page runs no script at all; its only style is the one below.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">",
        f"<title>kipu digest {esc(digest.date)}</title>",
        f"<style>{_HTML_STYLE}</style></head><body>",
        f"<h1>kipu digest {esc(digest.date)}</h1>",
        f"<p>{esc(_headline(digest))}</p>",
    ]
    for heading, lines in _lines(digest):
        out.append(f"<h2>{esc(heading)}</h2><ul>")
        if not lines:
            out.append("<li>none</li>")
        for text, link in lines:
            href = esc(base_url + link.dashboard(), quote=True)
            out.append(f'<li><a href="{href}">{esc(text)}</a></li>')
        out.append("</ul>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
