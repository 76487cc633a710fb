"""Budgets and traps: every document ends as an article or a Rejected with a reason, never a stall."""

from __future__ import annotations

import pytest

from kipu.extract import ExtractOptions, explain, extract
from kipu.records import Article, Document, Rejected

PARAGRAPH = (
    "<p>The council of the river town voted on Tuesday to rebuild the old bridge before winter, "
    "the mayor told reporters outside the town hall.</p>"
)


def html(content: str, input_id: str = "page") -> Document:
    return Document(input_id=input_id, kind="html", content=content)


def test_page_over_the_size_budget_is_refused_without_parsing() -> None:
    page = "<html><body>" + PARAGRAPH * (50_000_000 // len(PARAGRAPH)) + "</body></html>"
    result = extract(html(page))
    assert isinstance(result, Rejected)
    assert (result.stage, result.reason) == ("extract", "too_large")
    assert "max_chars" in result.detail


def test_scripts_do_not_count_against_the_size_budget() -> None:
    script = "<script>var x = 1;</script>" * 2000
    page = f"<html><head>{script}</head><body><article>{PARAGRAPH * 3}</article></body></html>"
    result = extract(html(page), ExtractOptions(max_chars=len(page) // 2))
    assert isinstance(result, Article)
    assert result.text.startswith("The council of the river town voted")


def test_deeply_nested_page_ends_with_a_reason() -> None:
    page = "<html><body>" + "<div>" * 40_000 + PARAGRAPH + "</div>" * 40_000 + "</body></html>"
    result = extract(html(page))
    assert isinstance(result, Article | Rejected)
    if isinstance(result, Rejected):
        assert result.reason in ("no_text", "parse_error") and result.detail


def test_document_over_its_time_budget_is_given_up() -> None:
    page = "<html><body>" + PARAGRAPH * 20_000 + "</body></html>"
    result = extract(html(page), ExtractOptions(time_budget=0.01))
    assert isinstance(result, Rejected)
    assert result.reason == "over_budget" and "time_budget" in result.detail
    # The budget is lifted afterwards: the next document is extracted as usual.
    assert isinstance(extract(html(f"<html><body>{PARAGRAPH * 3}</body></html>")), Article)


def test_empty_and_markup_only_pages_are_recorded_failures() -> None:
    for content in ("", "<html></html>", "<html><body><script>var x;</script></body></html>"):
        result = extract(html(content))
        assert isinstance(result, Rejected) and result.reason == "no_text" and result.detail


def test_language_is_identified_and_left_unknown_when_unclear() -> None:
    spanish = Document(
        input_id="es",
        kind="text",
        content="El consejo de la ciudad votó el martes a favor de reconstruir el viejo puente "
        "antes del invierno, según dijo el alcalde a los periodistas.",
    )
    english = extract(html(f"<html><body>{PARAGRAPH * 2}</body></html>"))
    assert isinstance(english, Article) and english.language == "en"
    found = extract(spanish)
    assert isinstance(found, Article) and found.language == "es"


def test_explain_lists_every_line_of_a_text_with_a_reason() -> None:
    content = "\n".join(
        [
            "Home | World | Business | Sport",
            "Bridge To Be Rebuilt Before Winter",
            "The council of the river town voted on Tuesday to rebuild the old bridge.",
            "Work will start next month and should take about twelve weeks, officials said.",
            "Subscribe to our newsletter for daily updates",
            "© 2024 River Town Gazette. All rights reserved.",
        ]
    )
    decisions = explain(Document(input_id="t", kind="text", content=content))
    assert [d.kept for d in decisions] == [False, False, True, True, False, False]
    assert all(d.why for d in decisions)
    assert decisions[0].why.startswith("furniture") and decisions[2].why == "body"


def test_explain_html_agrees_with_extract() -> None:
    page = f"<html><body><article><h1>Bridge</h1>{PARAGRAPH * 2}</article></body></html>"
    decisions = explain(html(page))
    article = extract(html(page))
    assert isinstance(article, Article)
    assert [d.text for d in decisions if d.kept] == article.text.split("\n\n")


def _lose_the_first_alarm(seconds: float) -> None:
    """Spend ``seconds`` inside a weakref finaliser, where Python ignores any exception: an
    alarm that fires there is lost (as in a gc callback or a ``__del__``)."""
    import time
    import weakref

    class Thing:
        pass

    def slow() -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            pass

    thing = Thing()
    weakref.finalize(thing, slow)
    del thing


@pytest.mark.issue(16)
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the lost alarm
def test_a_budget_alarm_lost_in_a_finaliser_is_repeated() -> None:
    import time

    from kipu.extract._budget import BudgetExceeded, time_limit

    with pytest.raises(BudgetExceeded), time_limit(0.05):
        _lose_the_first_alarm(0.3)
        end = time.monotonic() + 5  # a bound, so that the test ends even when the alarm is lost
        while time.monotonic() < end:
            pass


@pytest.mark.issue(16)
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_coding_budget_alarm_lost_in_a_finaliser_is_repeated() -> None:
    import time

    from kipu.run._shard import _alarm, _Timeout

    with pytest.raises(_Timeout), _alarm(0.05):
        _lose_the_first_alarm(0.3)
        end = time.monotonic() + 5
        while time.monotonic() < end:
            pass
