"""The scraped-text cleaner: body kept, furniture dropped, title, date, dateline, byline found."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kipu.extract import extract
from kipu.extract.text import Kind, classify, clean_text, split_lines
from kipu.records import Article, Document, Rejected


def extract_text(content: str, **fields: str) -> Article:
    result = extract(Document(input_id="t", kind="text", content=content, **fields))
    assert isinstance(result, Article), result
    return result


# --- three scraped pages with different furniture -----------------------------------------------


def test_wire_page_nav_advert_related_footer(read_fixture: Callable[[str], str]) -> None:
    article = extract_text(read_fixture("wire_page.txt"))
    assert article.title == "Kenya, Tanzania Sign Border Water Accord After Months of Talks"
    assert article.byline == "Amina Wanjiru"
    assert article.published == "2024-03-14"
    assert article.dateline == "NAIROBI"
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 5
    assert paragraphs[0].startswith("Kenya and Tanzania signed an agreement")
    assert paragraphs[2].startswith('"This is a good day')  # the body goes on after the ad slot
    assert paragraphs[-1].startswith("Regional analysts said")
    dropped = ("Skip to", "Home |", "Advertisement", "Related", "rains fail", "©", "Privacy")
    for furniture in dropped:
        assert furniture not in article.text


def test_portal_page_cookie_banner_subheading_quote_promotion(
    read_fixture: Callable[[str], str],
) -> None:
    article = extract_text(read_fixture("portal_page.txt"))
    assert article.title == "Colombia Opens Peace Talks With Last Rebel Group"
    assert article.published == "2024-03-14"
    assert article.dateline == "BOGOTÁ"
    assert article.byline is None
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0].startswith("Colombia's government opened formal peace talks")
    assert "What comes next" in paragraphs  # a sub-heading inside the body
    assert '"Peace is not signed in a day."' in paragraphs  # a short quote paragraph
    assert paragraphs[-1].startswith("The government's chief negotiator")
    # the promotion after the newsletter prompt, and the rest of the page furniture
    for furniture in ("cookies", "Log in", "Register", "Sign up", "correspondents", "Most Read"):
        assert furniture not in article.text
    assert "Peru's congress" not in article.text


def test_wrapped_page_joins_lines_and_drops_comments(read_fixture: Callable[[str], str]) -> None:
    article = extract_text(read_fixture("wrapped_page.txt"))
    assert article.title == "Costa Rica Hosts Regional Summit on Migration"
    assert article.published == "2024-03-14"
    assert article.dateline == "SAN JOSÉ"
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("Leaders from seven Central American countries met")
    assert "\n" not in paragraphs[0].replace("\n\n", "")
    for furniture in ("Share this", "Comments", "I think this summit", "The reporters should"):
        assert furniture not in article.text


# --- clean text (a JSONL `text` field) keeps every paragraph ------------------------------------

CLEAN_PARAGRAPHS = (
    "Ministers from the two countries met in the border town on Monday to discuss trade.",
    "They agreed to lower tariffs on farm goods and to open a new customs post by June.",
    "Talks resume in May.",
    "Officials on both sides said the meeting had gone better than expected, and that a "
    "broader agreement covering energy and transport could follow later in the year.",
    "No date was set.",
)


def test_clean_jsonl_text_keeps_every_paragraph() -> None:
    article = extract_text(
        "\n\n".join(CLEAN_PARAGRAPHS), title="Trade talks", published="2024-05-02"
    )
    assert article.text.split("\n\n") == list(CLEAN_PARAGRAPHS)
    assert article.title == "Trade talks"
    assert article.published == "2024-05-02"


def test_clean_text_with_single_newlines_keeps_every_paragraph() -> None:
    article = extract_text("\n".join(CLEAN_PARAGRAPHS))
    assert article.text.split("\n\n") == list(CLEAN_PARAGRAPHS)


def test_clean_single_paragraph_text() -> None:
    text = " ".join(CLEAN_PARAGRAPHS)
    assert extract_text(text).text == text


# --- line rules ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Subscribe for print or digital delivery today!", Kind.FURNITURE),
        ("Sign up to receive weekly email updates about our guests and the topics they discuss.",
         Kind.FURNITURE),
        ("Start your day with a roundup of the top regional news.", Kind.FURNITURE),
        ("Log in to read this week's digital edition", Kind.FURNITURE),
        ("You will be redirected to the page you want to view in a few seconds.", Kind.FURNITURE),
        ("More Headlines from South America", Kind.FURNITURE),
        ("Filed Under", Kind.FURNITURE),
        ("Home | World | Politics | Sport", Kind.FURNITURE),
        ("© 2024 Example News", Kind.FURNITURE),
        ("Published: 14 March 2024 09:30", Kind.DATE),
        ("By Jane Doe and John Roe", Kind.BYLINE),
        ("Peru Boosts Military Ties With Colombia", Kind.SHORT),
        ("The ministers agreed to meet again next month in the capital.", Kind.BODY),
        # prose that merely mentions furniture words stays body
        ("Some 2 million registered voters signed up for postal ballots, the electoral body said in"
         " a statement on its website on Friday, citing figures from its regional offices.",
         Kind.BODY),
        ("Countries that subscribe to the treaty must report their stockpiles every year, and the "
         "agency publishes the figures in its annual report.", Kind.BODY),
    ],
)  # fmt: skip
def test_classify(line: str, kind: Kind) -> None:
    assert classify(line).kind is kind


def test_split_lines_tidies_bullets_and_spaces() -> None:
    assert split_lines("  \u2022 Filed Under\n\nOct. 7, 2012\u00a0\u00a0|\u00a0\n") == [
        "Filed Under",
        "Oct. 7, 2012",
    ]


def test_promotion_after_furniture_is_not_body() -> None:
    body = "\n".join(CLEAN_PARAGRAPHS[:2] + CLEAN_PARAGRAPHS[3:4])
    page = f"{body}\nMore from our newsroom\nOur reporters cover every ministry in the capital."
    assert "Our reporters" not in extract_text(page).text


def test_date_only_before_body_and_title_without_period() -> None:
    page = "Tariff Deal Reached\n7 October 2012\n" + "\n".join(CLEAN_PARAGRAPHS[:2])
    article = extract_text(page)
    assert article.title == "Tariff Deal Reached"
    assert article.published == "2012-10-07"
    assert article.text.startswith("Ministers from the two countries")


def test_document_metadata_wins_over_the_page() -> None:
    page = "Tariff Deal Reached\n7 October 2012\n" + "\n".join(CLEAN_PARAGRAPHS[:2])
    article = extract_text(page, title="Given title", published="2020-01-02")
    assert (article.title, article.published) == ("Given title", "2020-01-02")


@pytest.mark.parametrize(
    "content", ["", "   \n\n  ", "Subscribe\nLog in\nPrivacy Policy | Terms of Use | Contact"]
)
def test_text_without_article_is_rejected(content: str) -> None:
    result = extract(Document(input_id="empty", kind="text", content=content))
    assert isinstance(result, Rejected)
    assert (result.item_id, result.stage, result.reason) == ("empty", "extract", "no_text")


def test_non_latin_prose_is_kept() -> None:
    text = "政府は月曜日、隣国との新しい貿易協定に署名したと発表した。協定は来年から発効する。"
    assert clean_text(text).paragraphs == (text,)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=2000))
def test_cleaner_never_raises(content: str) -> None:
    result = extract(Document(input_id="h", kind="text", content=content))
    assert isinstance(result, Article | Rejected)
