"""A fake coder for tests of orchestration: cheap, deterministic events without a model."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator

from kipu.ids import make_id
from kipu.records import Actor, Article, Event, Plover

# Words that make the fake misbehave, to test budgets: spin in Python, or hang with SIGALRM
# blocked (as a parser stuck in C code would).
SPIN_WORD = "fakespin"
HANG_WORD = "fakehang"
# ``fakekillparent:PATH``: kill the parent process (a Ray actor, whose pool worker codes the
# document) unless PATH exists, creating it first, so the actor dies once and its restart
# codes the document. Only for tests of the Ray engine: elsewhere the parent is kipu itself.
KILL_PARENT_WORD = "fakekillparent:"


def fake_code(articles: list[Article]) -> Iterator[tuple[Article, list[Event]]]:
    """One 042 event per sentence that ends in '.', between two fixed actors."""
    for article in articles:
        if HANG_WORD in article.text:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(3600)
        while SPIN_WORD in article.text:
            pass
        if KILL_PARENT_WORD in article.text:
            _kill_parent_once(article.text.split(KILL_PARENT_WORD, 1)[1].split()[0])
        events = []
        offset = 0
        for index, sentence in enumerate(article.text.split(". ")):
            start = article.text.find(sentence, offset)
            offset = start + len(sentence)
            events.append(_event(article, index, sentence, (start, offset)))
        yield article, events


def _kill_parent_once(marker: str) -> None:
    """Kill the parent process unless ``marker`` exists (which this creates first)."""
    try:
        with open(marker, "x"):
            pass
    except FileExistsError:
        return
    os.kill(os.getppid(), signal.SIGKILL)
    os._exit(70)


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
