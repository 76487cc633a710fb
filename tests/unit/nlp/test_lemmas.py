"""spaCy's lemmatizer over a Doc's arrays (kipu._lemmas): the same lemmas, each form once."""

from __future__ import annotations

from typing import Any

import pytest

from kipu import _lemmas
from kipu._lemmas import lemmatize, lemmatize_all

# Our own sentences: inflected and base forms, proper nouns, a possessive, capitals, numbers,
# a line break, and words tagged two ways ("talks", "meeting").
TEXTS = [
    "The ministers met in Lisbon; the talks were postponed and the rebels' leaders left.",
    "Ruritania's envoy talks to reporters after meeting the Freedonian delegation.\n\n"
    "A meeting is planned, he said, while 3,000 troops were withdrawn from the border.",
    "NATO officials say Ruritanian forces have been shelling the villages since Tuesday.",
]


def _tagged(nlp: Any) -> list[Any]:
    return list(nlp.pipe(TEXTS, disable=["lemmatizer"]))


def _read(docs: list[Any]) -> list[list[str]]:
    return [[t.lemma_ for t in doc] for doc in docs]


@pytest.fixture
def lemmatizer(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The pipeline's lemmatizer with an empty cache of its own for the test."""
    component = nlp.get_pipe("lemmatizer")
    monkeypatch.setattr(component, "cache", {})
    return component


def _spacys_then_counted(
    nlp: Any, lemmatizer: Any, monkeypatch: pytest.MonkeyPatch
) -> tuple[list[Any], list[str]]:
    """spaCy's own lemmas of the texts; then the lemmatizer with its cache emptied again and
    each word it is asked to lemmatize recorded (the list returned)."""
    by_spacy = [lemmatizer(d.copy()) for d in _tagged(nlp)]
    monkeypatch.setattr(lemmatizer, "cache", {})
    calls: list[str] = []
    own = lemmatizer.lemmatize
    monkeypatch.setattr(lemmatizer, "lemmatize", lambda t: calls.append(t.text) or own(t))
    return by_spacy, calls


@pytest.mark.model
@pytest.mark.issue(15)
def test_lemmas_are_the_lemmatizers_word_for_word_and_each_form_is_worked_out_once(
    nlp: Any, lemmatizer: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    by_spacy, calls = _spacys_then_counted(nlp, lemmatizer, monkeypatch)
    first = [lemmatize(lemmatizer, d.copy()) for d in _tagged(nlp)]
    assert _read(first) == _read(by_spacy)
    assert {"minister", "postpone", "rebel", "be", "shell"} <= {t.lemma_ for d in first for t in d}
    assert calls.count("Ruritania") == 1 and calls.count("the") == 1  # once, not at each reading
    calls.clear()
    again = [lemmatize(lemmatizer, d.copy()) for d in _tagged(nlp)]
    assert calls == []  # every word from the cache: names and base forms too
    assert _read(again) == _read(by_spacy)


@pytest.mark.model
@pytest.mark.issue(15)
def test_a_batch_of_documents_is_lemmatized_at_once_each_form_worked_out_once(
    nlp: Any, lemmatizer: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    by_spacy, calls = _spacys_then_counted(nlp, lemmatizer, monkeypatch)
    docs = [d.copy() for d in _tagged(nlp)]
    asked = {(t.orth, t.pos, t.morph.key) for d in docs for t in d if not t.lemma}
    batch = lemmatize_all(lemmatizer, [docs[0], nlp.make_doc(""), *docs[1:]])
    assert _read([d for d in batch if len(d)]) == _read(by_spacy)
    # Each (word, part of speech, morphology) asked for once in the whole batch: "the" of
    # every text once; "meeting" as a verb and as a noun, once each.
    assert calls.count("the") == 1 and calls.count("meeting") == 2
    assert len(calls) == len(asked)  # (a word the ruler gave a lemma is not asked)


@pytest.mark.model
@pytest.mark.issue(15)
def test_the_lemmatizers_cache_is_emptied_when_it_holds_its_limit(
    nlp: Any, lemmatizer: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_lemmas, "LIMIT", 10)
    docs = _tagged(nlp)
    sizes = []
    for doc in docs:
        lemmatize(lemmatizer, doc)
        sizes.append(len(lemmatizer.cache))
    assert max(sizes) <= 10 + max(len(d) for d in docs)
    assert sizes[1] < sizes[0] + len(docs[1])  # emptied before the second text


@pytest.mark.model
def test_a_lemmatizer_other_than_spacys_rule_lemmatizer_runs_as_it_is(nlp: Any) -> None:
    [doc] = list(nlp.pipe(TEXTS[:1], disable=["lemmatizer"]))
    seen: list[Any] = []

    def other(d: Any) -> Any:  # a pipeline's own lemmatizer, of another kind
        seen.append(d)
        return d

    assert lemmatize(other, doc) is doc
    assert seen == [doc]
