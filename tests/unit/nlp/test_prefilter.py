"""The sentence filter before the parse: which sentences it keeps, and that it follows the
dictionaries it is built from."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kipu import nlp
from kipu.prefilter import DEFINITE, SentenceFilter, Sketch, quotation, select
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


def sketch(
    *words: str,
    names: tuple[str, ...] = (),
    quoted: bool = False,
    definite: tuple[str, ...] = (),
    full_names: tuple[str, ...] = (),
) -> Sketch:
    return Sketch(
        start=0,
        end=1,
        lemmas=frozenset(words) | frozenset(definite),
        names=frozenset(names) | frozenset(full_names),
        quoted=quoted,
        definite=frozenset(definite),
        full_names=frozenset(full_names),
    )


# The same filter with definite references: "outfit" stands for a named body of its kind,
# "junta" and "official" for the last mention with the same noun (all three actor words).
REFERENCES = replace(
    FILTER,
    actor_words=frozenset({"police", "outfit", "junta", "official"}),
    references=frozenset({"outfit"}),
    repeated=frozenset({"junta", "official"}),
    reference_reach=2,
    repeat_reach=4,
)


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


def test_a_definite_reference_keeps_the_nearest_sentence_that_can_name_its_antecedent() -> None:
    sketches = [
        sketch("intro"),
        sketch("junta", "seize", names=("ruritanian",)),  # The Ruritanian junta seized the port.
        sketch("junta", "rule", names=("ruritanian",)),  # The Ruritanian junta ruled for years.
        sketch("weather", "mild"),
        sketch("junta", "harvest", definite=("junta",)),  # The junta praised the harvest.
        sketch("nothing"),
        sketch("zorble", definite=("junta",)),  # The junta zorbled.
    ]
    chosen = select(sketches, REFERENCES)
    assert chosen.codable == [False, False, False, False, False, False, True]
    # the nearest with the noun and a name, not the one holding the noun alone nor the older one
    assert chosen.keep == [True, False, True, False, False, False, True]


def test_a_reference_to_a_body_keeps_the_nearest_sentence_with_a_name() -> None:
    sketches = [
        sketch("intro"),
        sketch("founded", names=("velvet", "hand")),  # The Velvet Hand was founded in 1990.
        sketch("march", names=("tuesday",)),  # On Tuesday, crowds marched.
        sketch("quiet"),  # The streets were quiet.
        sketch("zorble", definite=("outfit",)),  # The outfit zorbled.
    ]
    assert select(sketches, REFERENCES).keep == [True, False, True, False, True]


def test_a_definite_reference_looks_no_further_than_the_discourse_stage() -> None:
    def article(gap: int, reference: str) -> list[Sketch]:
        return [
            sketch("intro"),
            sketch("official", "outfit", names=("freedonian",)),  # a Freedonian official
            *[sketch("nothing")] * gap,
            sketch("zorble", definite=(reference,)),  # The officials zorbled.
        ]

    # "the officials" repeats "official" four sentences back at most, "the outfit" two
    assert select(article(3, "official"), REFERENCES).keep[1]
    assert not select(article(4, "official"), REFERENCES).keep[1]
    assert select(article(1, "outfit"), REFERENCES).keep[1]
    assert not select(article(2, "outfit"), REFERENCES).keep[1]


def test_a_name_used_alone_keeps_the_sentence_that_introduced_it() -> None:
    sketches = [
        sketch("intro"),
        sketch("doctor", full_names=("quimby",)),  # Dr Ada Quimby, a chest doctor, ...
        sketch("nothing"),
        sketch("zorble", names=("quimby",)),  # Quimby zorbled.
        sketch("zorble", names=("police",)),  # Police zorbled: a dictionary's word
        sketch("zorble", names=("pardo",), full_names=("pardo",)),  # Lev Pardo zorbled.
    ]
    chosen = select(sketches, REFERENCES)
    assert chosen.keep == [True, True, False, True, True, True]


def test_a_name_introduced_in_a_kept_sentence_keeps_nothing_more() -> None:
    sketches = [
        sketch("intro"),
        sketch("doctor", full_names=("quimby",)),  # Dr Ada Quimby, a chest doctor, ...
        sketch("zorble", full_names=("quimby",)),  # Ada Quimby zorbled.
        sketch("nothing", full_names=("pardo",)),  # Lev Pardo, her colleague, ...
        sketch("zorble", names=("quimby", "pardo")),  # Quimby and Pardo zorbled again.
    ]
    assert select(sketches, REFERENCES).keep == [True, False, True, True, True]


def test_the_references_are_the_discourse_stages() -> None:
    from kipu.actors._resolver import ANAPHORIC_DETS
    from kipu.discourse import _references

    f = sentence_filter()
    assert _references.BODY_NOUNS | _references.ARMED_NOUNS <= f.references
    assert _references.SAME_BODIES <= f.repeated
    assert {"official", "minister"} <= f.repeated  # agent nouns and titles repeat theirs
    assert (f.reference_reach, f.repeat_reach) == (_references.WINDOW, _references.SAME_WINDOW)
    assert DEFINITE <= _references.DEFINITE and DEFINITE <= ANAPHORIC_DETS
    assert {"regime", "militant"} <= f.vocabulary()


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


def _quotation_char_by_char(text: str, inside: bool) -> tuple[bool, bool]:
    """The quotation rule read at every character (what :func:`quotation` must agree with)."""
    open_ = seen = inside
    for i, ch in enumerate(text):
        if ch == "’" and i + 1 < len(text) and text[i + 1].isalpha():
            continue
        if ch in "“‘" or (ch == '"' and not open_):
            open_, seen = True, True
        elif ch in '”’"':
            open_, seen = False, True
    return seen, open_


@given(st.text(alphabet='ab ’‘“”".,', max_size=40), st.booleans())
@settings(max_examples=300, deadline=None)
def test_quotation_reads_every_mark(text: str, inside: bool) -> None:
    assert quotation(text, inside) == _quotation_char_by_char(text, inside)


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


@pytest.mark.model
@pytest.mark.issue(15)
def test_kept_sentences_are_parsed_from_the_cheap_passs_tokens(
    nlp_model: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (
        "Ruritania and Freedonia share a long border. Both grow wheat.\n\n"
        "The weather was mild all week.\n\n"
        "On Monday, Ruritanian troops didn't stop at the border and attacked a post."
    )
    from spacy.language import Language

    calls: list[str] = []
    make_doc = Language.make_doc

    def counted(self: Language, t: str) -> object:
        calls.append(t)
        return make_doc(self, t)

    monkeypatch.setattr(Language, "make_doc", counted)
    [kept] = nlp.parse([article(text)], keep=sentence_filter())
    assert calls == [text]  # the article is tokenized once
    assert any("attacked" in s.text for s in kept.sentences)
    assert not any("weather" in s.text for s in kept.sentences)
    [full] = nlp.parse([article(text)])
    attacked = [s for s in full.sentences if "attacked" in s.text]
    assert [s.tokens for s in kept.sentences if "attacked" in s.text] == [attacked[0].tokens]


@pytest.mark.model
@pytest.mark.issue(15)
def test_a_run_of_tokens_keeps_the_tokenizers_norms_and_no_sentence_bounds(
    nlp_model: object,
) -> None:
    text = "Officials won't comment. The rebels didn't stop."
    doc = nlp._sketch_doc(nlp_model.make_doc(text))  # type: ignore[attr-defined]
    start = text.index("Officials")
    from spacy.attrs import NORM

    norms = doc.to_array([NORM])
    run = nlp._tokens_of(nlp_model, doc, norms, start, len(text))  # type: ignore[arg-type]
    assert run.text == text[start:]
    assert [t.norm_ for t in run] == [t.norm_ for t in doc]
    assert "not" in [t.norm_ for t in run]  # "n't", as the tokenizer's exceptions say
    assert all(t.is_sent_start is None for t in run[1:])


@pytest.mark.model
def test_the_sketch_reads_definite_references_and_full_names(nlp_model: object) -> None:
    from kipu.run._prefilter import sentence_filter as built

    forms = nlp._forms(nlp_model, built())  # type: ignore[arg-type]
    text = (
        "Dr Ada Quimby-Lenz, a Ruritanian doctor, met the local officials. "
        "Quimby-Lenz said the Kurdish group and this new outfit had left."
    )
    first, second = nlp.sketch(nlp_model, text, forms)  # type: ignore[arg-type]
    assert {"local", "officials", "official"} <= first.definite
    assert {"quimby", "lenz"} <= first.full_names and "ada" in first.full_names
    assert "ruritanian" not in first.full_names  # after a comma: a name of its own
    assert "group" not in second.definite  # "the Kurdish group" names its own actor
    assert {"new", "outfit"} <= second.definite
    assert "lenz" in second.full_names and "quimby" not in second.full_names


@pytest.fixture(scope="module")
def nlp_model() -> object:
    return nlp.load_model()


# Pieces of news text around sentence ends: marks the sentencizer reads, quotes and brackets
# after them, abbreviations, line breaks and other spaces.
PIECES = ["The", "minister", "said", "talks", "Peru", "U.S.", "Mr.", "3.5", "-", "(", ")"]
PIECES += [".", "!", "?", "...", "…", "?!", "“", "”", '"', "’", "।", "\n", "\n\n", "  ", "\t"]


@pytest.mark.model
@pytest.mark.issue(15)
@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(["", " ", "\n"])), max_size=25))
def test_the_cheap_pass_ends_sentences_where_spacys_sentencizer_and_line_breaks_do(
    nlp_model: object, pieces: list[tuple[str, str]]
) -> None:
    from spacy.pipeline import Sentencizer

    text = "".join(word + space for word, space in pieces)
    doc = Sentencizer()(nlp_model.make_doc(text))  # type: ignore[attr-defined]
    for t in doc[:-1]:
        if t.is_space and "\n" in t.text:
            doc[t.i + 1].is_sent_start = True
    expected = []
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        if words:
            expected.append((words[0].idx, words[-1].idx + len(words[-1].text), len(words)))
    sketches = nlp.sketch(nlp_model, text, {})  # type: ignore[arg-type]
    assert [(s.start, s.end, s.n_words) for s in sketches] == expected
