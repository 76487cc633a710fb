"""Fuzzing the stages after extraction: parse, actors, events and enrichment take any article
text (right-to-left and combining marks, punctuation only, stray datelines, huge numbers) and
give events or none, never an exception.

The text goes through ``extract`` first, as in a run, so the stages see what they are given
there; ``code_articles`` is the one coding path of ``kipu code`` and ``kipu ingest``.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from kipu.extract import extract
from kipu.records import Article, Document
from kipu.run import PipelineOptions
from kipu.run._pipeline import code_articles
from tests.reliability import strategies as s
from tests.reliability.harness import case, fuzz_settings

pytestmark = pytest.mark.model

# Sentences of our own with the shapes the coder reads: actors, verbs, amounts, dates, places.
CLAUSES = [
    "Envoys of Peru met officials of Chile in Lima on Monday",
    "the army of Mali attacked rebels near Gao, killing 12 people",
    "Ana Quispe said the government would not accept the demands",
    "protesters in Nairobi demanded lower fuel prices for 3 days",
    "the United Nations sent $4.5 million in aid to Manila",
    "police arrested 2,000,000,000,000 people",
    "it was not clear who fired first",
]
sentence = st.builds(
    lambda parts, end: " ".join(parts) + end,
    st.lists(st.sampled_from(CLAUSES) | s.odd_text, min_size=1, max_size=3),
    st.sampled_from([".", "!", "?", "", " ...", '."']),
)
article_text = st.one_of(
    st.lists(sentence, min_size=1, max_size=6).map(" ".join),
    st.lists(sentence, min_size=1, max_size=6).map("\n\n".join),
    s.scraped_text,
)


@fuzz_settings(ci=40, long=2_000)
@given(text=article_text, date=st.none() | st.sampled_from(["2024-03-01", "1985-06-30"]))
@example(text="\u0627\u0644\u0633\u0644\u0627\u0645 " * 500, date=None)
@example(text=". , ! ? " * 2000, date="2024-03-01")
@example(text="Peru " * 5000 + ".", date="2024-03-01")
def test_parse_actors_events_enrich(text: str, date: str | None) -> None:
    with case("stages") as outcomes:
        found = extract(Document(input_id="fuzz", kind="text", content=text, published=date))
        if not isinstance(found, Article):
            outcomes[f"rejected:{found.stage}:{found.reason}"] += 1
            return
        [(coded, events)] = list(code_articles([found], PipelineOptions()))
        assert coded.doc_id == found.doc_id
        for event in events:
            assert event.doc_id == found.doc_id
            start, end = event.span
            assert 0 <= start <= end <= len(found.text)
        outcomes["events" if events else "no events"] += 1
