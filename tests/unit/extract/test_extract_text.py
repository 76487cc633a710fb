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
        # comment threads
        ("12. riverfan88 says:", Kind.FURNITURE),
        ("Maria Lopez on March 14, 2024 at 5:23 pm said:", Kind.FURNITURE),
        ("Leave a Reply", Kind.FURNITURE),
        ("Rating: 12 Votes", Kind.FURNITURE),
        ("The statement says:", Kind.SHORT),  # prose that introduces a quote
        # captions, galleries, teasers, menus
        ("Rescue workers search the rubble of the market after the quake on Tuesday Credit: AP",
         Kind.FURNITURE),
        ("Crowds gathered outside the court as the verdict was read (Image: Reuters)",
         Kind.FURNITURE),
        ("Image 2 of 5", Kind.FURNITURE),
        ("Flooding closes the coastal road 3 hours ago", Kind.FURNITURE),
        ("The council met on Monday to discuss the budget and then the mayor said that ...",
         Kind.SHORT),
        ("World + Africa + Americas + Asia + Europe", Kind.FURNITURE),
        ("Home Depot stock fell after the report. Photograph by Jane Roe/Getty Images",
         Kind.FURNITURE),
        ("In this Nov. 10, 2019, file photo, cars sit unsold at a dealer in Houston.",
         Kind.FURNITURE),
        ("Write to Jane Doe at jane.doe@example.com", Kind.FURNITURE),
        ("Also on example.com: Ministers meet again over the border deal", Kind.FURNITURE),
        ("Like this story? Share it with a friend!", Kind.FURNITURE),
        ("Follow Valley News on", Kind.FURNITURE),
        ("Caption", Kind.FURNITURE),
        ("More Great Valley Stories", Kind.FURNITURE),
        # a teaser card: headline and summary run together
        ("Auto Union Opens Talks With Carmaker; Strike PossibleThe union on Monday turned its "
         "bargaining focus to the carmaker, raising the stakes for the talks.", Kind.SHORT),
        ("Shares of YouTube owner Alphabet rose on Monday after the company said that sales grew.",
         Kind.BODY),
        # a signed teaser card: author, date, summary
        ("Jane Doe Tuesday November 19, 2019 The council met again on Monday to discuss the "
         "budget for next year.", Kind.SHORT),
        ("On Tuesday November 19, 2019 the council met again to discuss the budget for next year.",
         Kind.BODY),
        ("2 of 4 A shopper looks at extension cords at a hardware store on Tuesday.",
         Kind.FURNITURE),
        # furniture in other languages
        ("Você pode gostar...", Kind.FURNITURE),
        ("Leia também: Governo anuncia novo plano para as estradas", Kind.FURNITURE),
        ("Das könnte Sie auch interessieren", Kind.FURNITURE),
        ("Publicidad", Kind.FURNITURE),
        ("Tous droits réservés", Kind.FURNITURE),
        ("O governo disse que vai assinar o acordo na próxima semana com os parceiros.",
         Kind.BODY),
        ("Related links: Ministers meet again over the border deal as talks drag on into a third "
         "week and the opposition threatens a walkout", Kind.FURNITURE),
        ("A worker loads timber into a truck outside a hardware store in Hialeah, Fla. (AP "
         "Photo/Jane Roe)", Kind.FURNITURE),
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


# --- where the body is: blocks, boxes and threads ----------------------------------------------

STORY = [
    "The regional water board approved a new plan on Tuesday to repair the aging dam above the "
    "valley, after engineers warned that cracks in its spillway had grown over the winter.",
    "Board members voted seven to two for the plan, which will cost about 40 million dollars and "
    "take three years, according to documents released after the meeting.",
    "Residents who live below the dam have asked for repairs since a storm damaged the spillway "
    "two years ago, and many of them attended the meeting to speak in favour of the plan.",
    "The board said work would begin in the spring, once the reservoir has been lowered to keep "
    "pressure off the damaged concrete while crews are on site.",
]
TEASERS = [
    "Latest Headlines",
    "Police: Two Arrested After Break-In At Downtown PharmacyTwo people were arrested early on "
    "Sunday after officers found them inside a closed pharmacy on Main Street, police said in a "
    "statement that gave no other details of the case or of the people involved.",
    "Sports",
    "Weekend Football Preview: Five Games To Watch As The Season Nears Its EndThe playoff race is "
    "tight and five games this weekend could decide which teams still have a chance to advance "
    "to the final rounds of the season, our writers say in their weekly preview of the games.",
    "Weather",
    "Your Forecast For The Week Ahead In The ValleyExpect a dry start to the week with rain "
    "arriving on Thursday and heavier showers over the weekend, forecasters said on Monday as "
    "they warned drivers to take care on the mountain roads during the worst of the weather.",
]


def test_dateline_story_wins_over_teasers_run_into_it() -> None:
    content = "\n".join(
        [
            "Skip to content",
            *TEASERS,
            "March 14, 2024",
            f"RIVERTON, Ore. (AP) — {STORY[0]}",
            *STORY[1:],
            "© 2024 Valley News",
        ]
    )
    article = extract_text(content)
    assert article.dateline == "RIVERTON"
    assert article.text.split("\n\n")[0].startswith("The regional water board")
    assert "Pharmacy" not in article.text and "Forecast" not in article.text


def test_box_inside_the_article_is_dropped_and_the_article_goes_on() -> None:
    box = ["Related articles", "Storm damage closes two bridges", "Valley towns count the cost"]
    content = "\n".join(["By Jane Doe", STORY[0], STORY[1], *box, STORY[2], STORY[3], "© 2024"])
    paragraphs = extract_text(content).text.split("\n\n")
    assert paragraphs == STORY


def test_ad_slots_between_short_paragraphs_do_not_split_the_article() -> None:
    vote, spring = "The vote was close, members said later.", "Work should start in the spring."
    lines = ["By Jane Doe", STORY[0], "Advertisement", vote, "Advertisement", spring]
    text = extract_text("\n".join([*lines, "Advertisement", *STORY[1:]])).text
    assert vote in text and spring in text
    assert text.endswith(STORY[3]) and "Advertisement" not in text


def test_comment_thread_longer_than_the_article_is_not_the_body() -> None:
    comments: list[str] = []
    for n in range(6):
        comments += [
            f"reader{n} says:",
            "I have lived below that dam for twenty years and I have never once seen the board "
            "move this fast on anything, so I will believe it when the crews actually show up.",
            "Reply",
        ]
    content = "\n".join(["By Jane Doe", *STORY[:2], "6 Comments", *comments])
    text = extract_text(content).text
    assert text.split("\n\n") == STORY[:2]


def test_gallery_inside_the_article_is_dropped_and_the_article_goes_on() -> None:
    caption = "Rescue crews lower the water level behind the dam on Tuesday, Nov. 19, 2024"
    gallery = [caption, caption, "Photo: Jane Roe, AP", "1 / 4", "Caption", "Close", "Image 1 of 4"]
    gallery += [caption, "Photo: Jane Roe, AP", "Back to Gallery"]
    content = "\n".join(["By Jane Doe", *STORY[:2], *gallery, *STORY[2:], "© 2024 Valley"])
    assert extract_text(content).text.split("\n\n") == STORY


def test_lines_a_page_repeats_are_furniture_but_questions_are_not() -> None:
    promo = "Readers can send us their own questions for the series, and we answer them here."
    question = "What made you start the project?"
    answers = [f"{s} {t}" for s, t in zip(STORY, STORY[::-1], strict=True)]
    content = "\n".join(
        ["By Jane Doe", question, answers[0], promo, answers[1], question, answers[2], promo]
    )
    text = extract_text(f"Skip to content\n{content}\n© 2024 Valley").text
    assert promo not in text
    assert text.count(question) == 2
    assert all(answer in text for answer in answers[:3])


def test_a_closing_heading_ends_the_article_even_without_a_byline() -> None:
    quotes = [f"{a} {b}" for a, b in zip(STORY, STORY[1:] + STORY[:1], strict=True)]
    content = "\n".join(["Skip to content", STORY[0], STORY[1], "You may also like", *quotes])
    assert extract_text(content).text.split("\n\n") == STORY[:2]
