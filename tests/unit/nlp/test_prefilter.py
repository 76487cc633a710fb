"""The sentence filter before the parse: which sentences it keeps, and that it follows the
dictionaries it is built from."""

from __future__ import annotations

from pathlib import Path

import pytest

from kipu import nlp
from kipu.prefilter import SentenceFilter, Sketch, quotation, select
from kipu.run._prefilter import sentence_filter
from tests.helpers import article

# A filter of invented words: "zorble" codes with no other word, "impose" needs "sanction".
FILTER = SentenceFilter(
    entries={"zorble": ((),), "impose": (("sanction",),)},
    saying=frozenset({"say"}),
    said={"outrageous": ((),), "out": (("of", "the", "question"),)},
    actor_words=frozenset({"police"}),
    lead=1,
)


def sketch(*words: str, names: tuple[str, ...] = (), quoted: bool = False) -> Sketch:
    return Sketch(start=0, end=1, lemmas=frozenset(words), names=frozenset(names), quoted=quoted)


def test_a_trigger_needs_the_words_of_one_of_its_entries_and_an_actor() -> None:
    sketches = [
        sketch("the", "lead"),
        sketch("zorble", names=("ruritania",)),  # trigger and a name
        sketch("impose", "tax", names=("ruritania",)),  # "impose" without "sanction"
        sketch("impose", "sanction", "police"),  # an agent noun is an actor
        sketch("zorble", "quietly"),  # no one to do it
        sketch("weather", "fine"),
    ]
    chosen = select(sketches, FILTER)
    assert chosen.codable == [False, True, False, True, False, False]
    assert chosen.keep == [True, True, False, True, False, False]


def test_speech_needs_a_word_of_saying_and_a_whole_phrase_of_what_is_said() -> None:
    sketches = [
        sketch("intro"),
        sketch("say", "outrageous", names=("peru",)),
        sketch("say", "out", "of", "question", names=("peru",)),  # "the" is missing
        sketch("say", "out", "of", "the", "question", names=("peru",)),
        sketch("outrageous", names=("peru",)),  # no one says it
    ]
    assert select(sketches, FILTER).codable == [False, True, False, True, False]


def test_a_pronoun_keeps_the_sentence_before() -> None:
    sketches = [
        sketch("intro"),
        sketch("minister", names=("ruritania",)),
        sketch("they", "zorble"),
        sketch("nothing"),
        sketch("zorble", names=("freedonia",)),
    ]
    assert select(sketches, FILTER).keep == [True, True, True, False, True]


def test_a_quotation_without_its_speaker_keeps_the_sentences_that_name_one() -> None:
    sketches = [
        sketch("intro"),
        sketch("nothing"),
        sketch("say", names=("ruritania",), quoted=True),  # “We are ready,” the minister said.
        sketch("more", quoted=True),  # “We waited long.”
        sketch("outrageous", quoted=True),  # “It is outrageous.”: codable, speaker carried
        sketch("after"),
    ]
    chosen = select(sketches, FILTER)
    assert chosen.codable == [False, False, False, False, True, False]
    assert chosen.keep == [True, False, True, True, True, False]


def test_spans_join_runs_of_kept_sentences() -> None:
    sketches = [Sketch(start=a, end=b, lemmas=frozenset()) for a, b in ((0, 5), (6, 9), (10, 14))]
    chosen = select(sketches, FILTER)
    chosen.keep = [True, True, False]
    assert chosen.spans(sketches) == [(0, 9)]
    chosen.keep = [True, False, True]
    assert chosen.spans(sketches) == [(0, 5), (10, 14)]


@pytest.mark.parametrize(
    ("text", "inside", "expected"),
    [
        ("He said no.", False, (False, False)),
        ("“We are ready,” she said.", False, (True, False)),
        ("“We are ready.", False, (True, True)),
        ("It is late,” she said.", True, (True, False)),
        ("Turkey’s army moved.", False, (False, False)),
        ('"Enough," he said.', False, (True, False)),
    ],
)
def test_quotation_marks_and_apostrophes(
    text: str, inside: bool, expected: tuple[bool, bool]
) -> None:
    assert quotation(text, inside) == expected


def test_the_vocabulary_is_the_dictionaries(tmp_path: Path) -> None:
    from kipu.events import load_patterns

    f = sentence_filter()
    index = load_patterns(())
    assert set(index.verbs) | set(index.nouns) == set(f.entries)
    assert ("sanction",) in f.entries["impose"]  # "impose sanction"
    assert "say" in f.saying and "according" in f.saying
    assert ("of", "the", "question") in f.said["out"]  # speech.tsv: "out of the question"
    assert {"police", "minister"} <= f.actor_words
    own = tmp_path / "mine.tsv"
    own.write_text("# kipu: patterns\n042\tzorble +\tinvented\n", encoding="utf-8")
    assert "zorble" not in f.entries
    assert sentence_filter((str(own),)).entries["zorble"] == ((),)


@pytest.mark.model
def test_kept_sentences_keep_the_offsets_of_the_whole_article(nlp_model: object) -> None:
    text = (
        "Ruritania and Freedonia share a long border. Both grow wheat.\n\n"
        "The weather was mild all week and the harvest looked good.\n\n"
        "On Monday, Ruritanian troops attacked a Freedonian border post, officials said. "
        "Markets were quiet. Prices of bread did not move."
    )
    [full] = nlp.parse([article(text)])
    [kept] = nlp.parse([article(text)], keep=sentence_filter())
    assert [s.index for s in kept.sentences] == list(range(len(kept.sentences)))
    assert 0 < len(kept.sentences) < len(full.sentences)
    assert any("attacked" in s.text for s in kept.sentences)
    assert not any("harvest" in s.text for s in kept.sentences)
    for s in kept.sentences:
        assert text[s.start : s.end] == s.text
        for t in s.tokens:
            assert text[t.start : t.end] == t.text


@pytest.fixture(scope="module")
def nlp_model() -> object:
    return nlp.load_model()
