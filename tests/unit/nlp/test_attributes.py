"""The attribute ruler's attributes, remembered (kipu._attributes): the same as the ruler's."""

from __future__ import annotations

from typing import Any

import pytest

from kipu import nlp as nlp_module
from kipu._attributes import Attributes
from tests.helpers import article

# Our own sentences, with what the ruler's rules read besides a word's tag: its form ("I" as a
# subject, "got", "gets"), two-word rules ("there is", "let's", "gonna", "ain't", "y'all") and
# spaces (two spaces, a line break).
TEXTS = [
    "There is no sign that the rebels got the weapons they wanted.",
    "Let's talk, the minister said; we're gonna  meet them in Geneva.",
    "\"Y'all ain't seen nothing yet,\" he told reporters.\n\nI think that is wrong.",
    "That was the aim: the envoy gets what he asks for, and those who refused were arrested.",
    "The talks had been postponed twice, but the delegations are expected to meet on Friday.",
]
READ_BACK = ("POS", "MORPH", "LEMMA", "TAG", "DEP")


def _parsed(model: Any) -> list[Any]:
    disabled = ["attribute_ruler", "lemmatizer"]
    return list(model.pipe(TEXTS, disable=disabled))


def _values(docs: list[Any]) -> list[list[list[int]]]:
    return [doc.to_array(list(READ_BACK)).tolist() for doc in docs]


@pytest.mark.model
@pytest.mark.issue(15)
def test_remembered_attributes_are_the_rulers_word_for_word(nlp: Any) -> None:
    docs = _parsed(nlp)
    by_ruler = [nlp.get_pipe("attribute_ruler")(d.copy()) for d in docs]
    attributes = Attributes(nlp)
    assert attributes.usable
    learnt = [attributes(d.copy()) for d in docs]  # first seen: the ruler runs and is remembered
    calls: list[Any] = []
    ruler = attributes.ruler
    attributes.ruler = lambda doc: calls.append(doc) or ruler(doc)
    remembered = [attributes(d.copy()) for d in docs]
    assert calls == []  # every word set from memory
    assert _values(learnt) == _values(by_ruler) == _values(remembered)
    there = remembered[0]
    assert [(t.text, t.pos_) for t in there[:2]] == [("There", "PRON"), ("is", "VERB")]


@pytest.mark.model
@pytest.mark.issue(15)
def test_parse_gives_the_same_sentences_with_the_ruler_remembered(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = [article(t) for t in TEXTS]
    fast = list(nlp_module.parse(articles))
    monkeypatch.setattr(nlp_module, "AFTER_RULER", ())  # the whole spaCy pipeline
    whole = list(nlp_module.parse(articles))
    assert [p.sentences for p in fast] == [p.sentences for p in whole]


@pytest.mark.model
@pytest.mark.issue(15)
def test_the_ruler_remembered_past_its_limit_forgets_and_gives_the_same(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kipu import _attributes

    docs = _parsed(nlp)
    by_ruler = [nlp.get_pipe("attribute_ruler")(d.copy()) for d in docs]
    attributes = Attributes(nlp)
    attributes(docs[0].copy())  # remembers the first text's words
    monkeypatch.setattr(_attributes, "LIMIT", 1)  # full: emptied when a new word comes
    again = [attributes(d.copy()) for d in docs]
    assert _values(again) == _values(by_ruler)
    assert len(attributes.memory) < sum(len(d) for d in docs)


@pytest.mark.model
@pytest.mark.issue(15)
def test_a_batch_of_documents_gets_the_rulers_attributes_in_one_pass(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kipu import _distinct

    # A two-word rule ("gon na": "na" is "to") never reads across documents: a text's last
    # word and the next one's first are not two words in a row.
    texts = [*TEXTS, "We gon", "na talk."]
    docs = list(nlp.pipe(texts, disable=["attribute_ruler", "lemmatizer"]))
    by_ruler = [nlp.get_pipe("attribute_ruler")(d.copy()) for d in docs]
    assert by_ruler[-1][0].lemma_ != "to"
    # One pass over all the texts, an empty document among them.
    batch = [docs[0].copy(), nlp.make_doc(""), *[d.copy() for d in docs[1:]]]
    attributes = Attributes(nlp)
    assert _values([d for d in attributes.apply(batch) if len(d)]) == _values(by_ruler)
    # The same when each word's forms are numbered again at every step.
    monkeypatch.setattr(_distinct, "RADIX_LIMIT", 1)
    again = Attributes(nlp).apply([d.copy() for d in docs])
    assert _values(again) == _values(by_ruler)
