"""Issue #13, rule by rule: each kind of furniture, the sentences that must stay body, captions
kept apart, character references read, and titles."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from kipu.cli import app
from kipu.extract import explain, extract
from kipu.extract.captions import is_caption
from kipu.extract.entities import decode_entities
from kipu.extract.text import Kind, classify, clean_text
from kipu.extract.titles import strip_site
from kipu.records import Article, Document

pytestmark = pytest.mark.issue(13)


def extract_text(content: str) -> Article:
    article = extract(Document(input_id="t", kind="text", content=content))
    assert isinstance(article, Article), article
    return article


# --- each kind, read on its own -----------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        # a player's and a page's controls
        ("Video Player Close", Kind.FURNITURE),
        ("Play Video", Kind.FURNITURE),
        ("Skip Ad", Kind.FURNITURE),
        ("Toggle navigation", Kind.FURNITURE),
        ("Close share panel", Kind.FURNITURE),
        ("Facebook Twitter WhatsApp Email", Kind.FURNITURE),
        ("chevron_left Browse All Posts", Kind.FURNITURE),
        # lines that sign or date the story
        ("By riverwatch77", Kind.BYLINE),
        ("Posted by admin", Kind.BYLINE),
        ("Written by: Regan", Kind.BYLINE),
        ("Publicado por cronicasdelvalle", Kind.BYLINE),
        ("May 2, 2024 | BY: Staff", Kind.DATE),
        ("By Valley Staff | May 2, 2024 at 2:26 PM - Updated May 2 at 4:46 PM", Kind.DATE),
        ("3:15 PM EDT 05/02/2024 by Jane Roe", Kind.DATE),
        ("05.02.2024 09:00 AM", Kind.DATE),
        ("segunda-feira, 6 de maio de 2024", Kind.DATE),
        # picture credits
        ("AP Photo/Jane Roe", Kind.FURNITURE),
        ("Jane Roe/Getty Images", Kind.FURNITURE),
        ("Photo: AFP/Jane Roe", Kind.FURNITURE),
        ("Courtesy of the harbour museum", Kind.FURNITURE),
        ("Jane Roe, AP Political Writer", Kind.FURNITURE),
        # prompts
        ("Get the day's top stories delivered to your inbox every morning.", Kind.FURNITURE),
        ("Support local journalism. Become a member today: call 1-800-555-0142 or give online.",
         Kind.FURNITURE),
        ("Your gift today helps keep independent news free for everyone.", Kind.FURNITURE),
        ("Hear the latest from the Channel 9 newsroom on our free app", Kind.FURNITURE),
        ("Local Newscast", Kind.FURNITURE),
        ("Tune in to 101.7 FM or stream us anywhere", Kind.FURNITURE),
        ("No comments:", Kind.FURNITURE),
        ("Post a Comment", Kind.FURNITURE),
        ("Nenhum comentário:", Kind.FURNITURE),
        ("No hay comentarios:", Kind.FURNITURE),
        ("Kommentar veröffentlichen", Kind.FURNITURE),
        # a platform's notices
        ("This post is now in the queue and will be published shortly.", Kind.FURNITURE),
        ("Esta postagem está na fila e será publicada em breve.", Kind.FURNITURE),
        ("Your comment is awaiting moderation.", Kind.FURNITURE),
        ("Newer Post Older Post Home", Kind.FURNITURE),
        ("Subscribe to: Post Comments (Atom)", Kind.FURNITURE),
        ("Media playback is unsupported on your device", Kind.FURNITURE),
        # keyword spam
        ("ferry news, ferry times today, island ferry, ferry tickets, harbour news, port news",
         Kind.FURNITURE),
        ("ferry ferry news ferry today ferry tickets ferry times island ferry", Kind.FURNITURE),
        ("#ferry #island #harbour #news", Kind.FURNITURE),
        # the headline with the site's name
        ("Island Council Votes to Buy Back the Lighthouse | News | The Harbour Courier",
         Kind.FURNITURE),
        ("Island Council Votes to Buy Back the Lighthouse | The Harbour Courier", Kind.FURNITURE),
    ],
)  # fmt: skip
def test_furniture_kinds(line: str, kind: Kind) -> None:
    assert classify(line).kind is kind


@pytest.mark.parametrize(
    "line",
    [
        "Ukraine hopes to become a member of the European Union within ten years.",
        "No comment was immediately available from the ministry.",
        "The company pledged to donate 1 million dollars to the relief fund.",
        "Sweden's membership of the alliance was approved on Monday.",
        "The clip aired on the station's evening newscast on Tuesday.",
        "Foundations that support local news outlets have grown fast.",
        "Anyone with information is asked to call police at 555-555-0100.",
        "The deal is seen as a victory for the governing coalition.",
        "Rising seas pose a serious risk to the island's only port.",
        "Protesters gather outside the ministry every Friday, organisers say.",
        "He leaves office on January 20, 2025, after two terms.",
        "By the end of the week, crews had cleared the road to the harbour.",
        "The countries are France, Germany, Italy, Spain and Poland.",
        "Path A: Iceland, Bulgaria/Israel/Hungary/Romania",
    ],
)
def test_sentences_that_look_like_furniture_stay_text(line: str) -> None:
    found = classify(line)
    assert found.kind in (Kind.BODY, Kind.SHORT) and not found.caption, found


# --- captions ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Harbour master Ines Falk and council leader Tom Reid pose with the keys after the vote.",
        "A photo released by the army shows soldiers patrolling a village on March 3, 2024 "
        "in the north of the province.",
        "police officers detain a man during clashes near the mine gate, in Kestrel Bay, "
        "April 8, 2024.",
        "(L-R) Mayor Tomas Reyes and governor Paul Ito at the signing of the permit.",
        "Supporters wave flags during a rally in the capital on Saturday, June 1, 2024.",
        "Rescue crews search the rubble of the market on Tuesday Credit: AP",
        "In this Nov. 10, 2019, file photo, buses sit idle at the depot in Riverton.",
        "Image caption The minister said the decision had been taken after a long review",
    ],
)
def test_caption_lines(line: str) -> None:
    found = classify(line)
    assert found.kind is Kind.FURNITURE and found.caption
    assert is_caption(line, len(line.split())) or found.caption


def test_captions_are_kept_apart_and_the_last_sentence_after_one_is_kept() -> None:
    body = [
        "The island council voted on Tuesday to buy back the old lighthouse on Gull Point from "
        "the shipping company that has owned it since 1962.",
        "The council will pay 1.2 million dollars for the tower and the keeper's cottage, most "
        "of it from a heritage fund, the treasurer said.",
        "Two councillors voted against the purchase, saying the money should go to the ferry "
        "pier, which has been closed since the winter.",
    ]
    caption = "Volunteers paint the door of the lighthouse on Gull Point, Monday, May 20, 2024."
    credit = "Keepers pose with the logbooks at the tower's door. Photo: Jane Roe"
    closing = "The tower opens next summer."
    page = "\n".join(["By Nadia Brook", caption, *body, credit, closing, "© 2024 Courier"])
    article = extract_text(page)
    assert article.text.split("\n\n") == [*body, closing]
    assert article.captions == (caption, credit)


# --- character references ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "read"),
    [
        ("the mayor&#39;s plan", "the mayor's plan"),
        ("the mayor&39;s plan", "the mayor's plan"),
        ("Unions &amp; employers", "Unions & employers"),
        ("the council&amp;#39;s vote", "the council's vote"),
        ("&#8220;Yes&#8221;", "\u201cYes\u201d"),
        ("R&D and AT&T", "R&D and AT&T"),  # no reference: left alone
        ("Terms&notice", "Terms&notice"),  # a legacy name without ";" is not read
        ("&12;", "&12;"),  # a control character is not made
    ],
)
def test_decode_entities(raw: str, read: str) -> None:
    assert decode_entities(raw) == read


def test_scraped_text_reaches_the_body_with_its_references_read() -> None:
    text = (
        "The city&#39;s transport committee backed the mayor&39;s plan for night buses on "
        "Wednesday, after a year of complaints from shift workers &amp; unions."
    )
    article = extract_text(text)
    assert article.text == (
        "The city's transport committee backed the mayor's plan for night buses on "
        "Wednesday, after a year of complaints from shift workers & unions."
    )


# --- titles --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "site", "url", "stripped"),
    [
        ("Lighthouse Bought Back | News | The Harbour Courier", "The Harbour Courier", None,
         "Lighthouse Bought Back"),
        ("Lighthouse Bought Back by the Island | Harbour Courier", None, None,
         "Lighthouse Bought Back by the Island"),
        ("Opinion | Why the Island Needs Its Pier", None, None, "Why the Island Needs Its Pier"),
        ("Island buys its lighthouse back - The Harbour Courier", None,
         "https://www.harbourcourier.example/2024/05/21/lighthouse", "Island buys its lighthouse back"),
        ("Ferries - what the new timetable means", None, None,
         "Ferries - what the new timetable means"),
        ("Lighthouse Bought Back", None, None, "Lighthouse Bought Back"),
    ],
)  # fmt: skip
def test_strip_site(title: str, site: str | None, url: str | None, stripped: str) -> None:
    assert strip_site(title, [site] if site else (), url) == stripped


TITLE_PAGE = [
    "Home | News | Local | Sport",
    "Harbour Board Votes to Dredge the Old Channel",
    "Video Player Close",
    "By harbourwatch77",
    "AP Photo/Jane Roe",
    "Pilots guide a cargo ship past the breakwater in Port Alder, Monday, March 4, 2024.",
    "March 5, 2024",
    "The harbour board voted on Tuesday to dredge the old channel so that larger cargo ships "
    "can reach the town's quay again, after years of silt building up at its mouth.",
    "The work will cost about four million dollars and take two summers, the board said.",
]


def test_title_is_the_headline_not_the_lines_between_it_and_the_body() -> None:
    article = extract_text("\n".join(TITLE_PAGE))
    assert article.title == "Harbour Board Votes to Dredge the Old Channel"
    assert article.byline is None  # a handle names no one
    assert article.captions == (TITLE_PAGE[5],)
    assert article.text.split("\n\n") == TITLE_PAGE[7:]


def test_title_from_the_headline_rendered_with_the_site() -> None:
    lines = [
        "Harbour Board Votes to Dredge the Old Channel | News | Port Alder Post",
        "Video Player Close",
        *TITLE_PAGE[7:],
    ]
    assert extract_text("\n".join(lines)).title == "Harbour Board Votes to Dredge the Old Channel"


def test_title_prefers_the_line_that_says_what_the_lede_says() -> None:
    lines = [
        "Harbour Board Votes to Dredge the Old Channel",
        "Weather Forecast",
        "Community Events",
        *TITLE_PAGE[7:],
    ]
    assert clean_text("\n".join(lines)).title == "Harbour Board Votes to Dredge the Old Channel"


def test_explain_names_the_title_and_the_captions() -> None:
    document = Document(input_id="t", kind="text", content="\n".join(TITLE_PAGE))
    why = {d.text: d.why for d in explain(document)}
    assert why[TITLE_PAGE[1]] == "title (metadata)"
    assert why[TITLE_PAGE[5]] == "photo caption (kept apart in captions)"
    assert why[TITLE_PAGE[2]].startswith("furniture")


# --- an HTML page ----------------------------------------------------------------------------


def test_html_page_title_captions_prompt_and_references(
    read_fixture: Callable[[str], str],
) -> None:
    page = read_fixture("captions_page.html")
    url = "https://www.harbourcourier.example/news/2024/05/21/lighthouse"
    article = extract(Document(input_id="p", kind="html", content=page, url=url))
    assert isinstance(article, Article), article
    assert article.title == "Island Council Votes to Buy Back the Old Lighthouse"
    assert article.dateline == "GULL POINT"
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 4
    assert "the keeper's cottage" in paragraphs[1] and "council's treasurer" in paragraphs[1]
    assert paragraphs[-1].startswith("The shipping company said")
    assert "Support local journalism" not in article.text
    assert article.captions == (
        "Volunteers paint the door of the old lighthouse on Gull Point, Monday, May 20, 2024.",
        "Harbour master Ines Falk and council leader Tom Reid pose with the keys to the "
        "lighthouse after the vote.",
    )
    assert "pose with the keys" not in article.text


def test_kipu_extract_shows_the_captions() -> None:
    result = CliRunner().invoke(app, ["extract", "-"], input="\n".join(TITLE_PAGE))
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout.splitlines()[0])
    assert record["captions"] == [TITLE_PAGE[5]]
    assert record["title"] == TITLE_PAGE[1]


# --- the cue pattern's word-start guard -----------------------------------------------------

_CUE_WORDS = [
    "subscribe", "Newsletter", "sign", "up", "for", "log", "in", "cookies", "share", "this",
    "follow", "us", "5", "minutes", "ago", "read", "more", "the", "minister", "said", "©",
    "(c)", "2019", "Reuters", "photo", "x", "e-edition", "assine", "reprints",
]  # fmt: skip


@given(
    st.lists(
        st.tuples(st.sampled_from(_CUE_WORDS), st.sampled_from([" ", "", "-", ". ", ":", "\n"])),
        max_size=30,
    )
)
def test_furniture_cues_count_the_same_with_the_word_start_guard(parts: list) -> None:
    """``\\b(?=\\w)`` before the cue words only skips the word ends, where no cue can start: the
    hits are those of a plain ``\\b``."""
    import re

    from kipu.extract import cues

    text = "".join(word + gap for word, gap in parts)
    plain = re.compile(cues.FURNITURE_CUES.pattern.replace(r"\b(?=\w)(?:", r"\b(?:"), cues._FLAGS)
    assert plain.pattern != cues.FURNITURE_CUES.pattern
    assert cues.FURNITURE_CUES.findall(text) == plain.findall(text)
