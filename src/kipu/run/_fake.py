"""A fake coder for tests of orchestration: cheap, deterministic events without a model."""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator

from kipu.ids import make_id
from kipu.records import Actor, Article, Event, Plover

# Words that make the fake misbehave, to test budgets: spin in Python, or hang with SIGALRM
# blocked (as a parser stuck in C code would).
SPIN_WORD = "fakespin"
HANG_WORD = "fakehang"


def fake_code(articles: list[Article]) -> Iterator[tuple[Article, list[Event]]]:
    """One 042 event per sentence that ends in '.', between two fixed actors."""
    for article in articles:
        if HANG_WORD in article.text:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(3600)
        while SPIN_WORD in article.text:
            pass
        events = []
        offset = 0
        for index, sentence in enumerate(article.text.split(". ")):
            start = article.text.find(sentence, offset)
            offset = start + len(sentence)
            events.append(_event(article, index, sentence, (start, offset)))
        yield article, events


def _event(article: Article, index: int, sentence: str, span: tuple[int, int]) -> Event:
    """A fixed visit event for one sentence."""
    source = Actor(text="Ruritania", name=None, code="RUR", country="RUR", sector=None)
    target = Actor(text="Freedonia", name=None, code="FRE", country="FRE", sector=None)
    return Event(
        event_id=make_id(article.doc_id, index, "042"),
        doc_id=article.doc_id,
        input_id=article.input_id,
        date=article.published,
        source=source,
        target=target,
        cameo="042",
        root="04",
        quad_class=1,
        goldstein=1.9,
        plover=Plover(type="CONSULT", mode="visit", context=None),
        negated=False,
        modality="actual",
        quantity=None,
        location=None,
        sentence=sentence,
        sentence_index=index,
        span=span,
        rule="fake",
        confidence=1.0,
    )
