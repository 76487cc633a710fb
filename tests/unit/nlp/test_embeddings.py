from __future__ import annotations

from typing import Any

import pytest

from kipu import _embeddings, nlp

TEXTS = [
    "Ruritania's army shelled the border town of Osterby on Monday, officials said.",
    "The foreign minister, Ada Quimby, flew to Lisbon for talks.",
    "Rebels in the north released 12 hostages after a ceasefire was agreed.",
]
# Mostly words seen above, and a few new ones.
AGAIN = ["The army said the rebels released hostages in Lisbon on Monday, officials said."]
AGAIN_NEW = ["The army shelled Zebulon on Monday."]


def remembered_nodes(model: Any) -> list[Any]:
    return [node for node in model.walk() if node.name == "remembered-embed"]


def fresh(node: Any) -> tuple[Any, _embeddings.Remembered]:
    """A new remembered embedding (nothing seen yet) over the same layers as ``node``'s."""
    from thinc.api import Model

    remembered = _embeddings.Remembered(node._func.embed)
    return Model("remembered-embed", remembered, dims={"nO": node.get_dim("nO")}), remembered


def assert_same_vectors(ours: list[Any], theirs: list[Any]) -> None:
    assert len(ours) == len(theirs)
    for mine, shipped in zip(ours, theirs, strict=True):
        assert mine.shape == shipped.shape
        assert (mine == shipped).all()  # number for number, not merely close


@pytest.fixture(scope="module")
def nlp_model() -> Any:
    return nlp.load_model()


@pytest.mark.model
@pytest.mark.issue(15)
def test_the_shared_and_the_entity_recognisers_embeddings_are_remembered(nlp_model: Any) -> None:
    assert len(remembered_nodes(nlp_model.get_pipe("tok2vec").model)) == 1
    assert len(remembered_nodes(nlp_model.get_pipe("ner").model)) == 1
    # spaCy's pipeline as shipped (kipu bench's parse alone) keeps its own.
    assert not remembered_nodes(nlp.load_spacy().get_pipe("tok2vec").model)


@pytest.mark.model
@pytest.mark.issue(15)
@pytest.mark.parametrize("component", ["tok2vec", "ner"])
def test_remembered_vectors_are_the_embeddings_own_batch_after_batch(
    nlp_model: Any, component: str
) -> None:
    [node] = remembered_nodes(nlp_model.get_pipe(component).model)
    model, remembered = fresh(node)
    embed = remembered.embed
    # All new; then a few new words among known ones (fewer than a product's fewest rows).
    for texts in (TEXTS, TEXTS[:1] + AGAIN, TEXTS[1:2] + AGAIN_NEW):
        docs = [nlp_model.make_doc(t) for t in texts]
        assert_same_vectors(model.predict(docs), embed.predict(docs))
    # Only the distinct words were computed: a batch seen before adds nothing.
    seen = len(remembered.rows)
    docs = [nlp_model.make_doc(t) for t in TEXTS + AGAIN + AGAIN_NEW]
    assert_same_vectors(model.predict(docs), embed.predict(docs))
    assert len(remembered.rows) == seen
    distinct = {tuple(row) for t in TEXTS + AGAIN + AGAIN_NEW
                for row in embed.layers[0].predict([nlp_model.make_doc(t)])[0].tolist()}  # fmt: skip
    assert seen == len(distinct)


@pytest.mark.model
@pytest.mark.issue(15)
def test_what_is_remembered_is_bounded_and_stays_right(
    nlp_model: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_embeddings, "LIMIT", 30)
    [node] = remembered_nodes(nlp_model.get_pipe("tok2vec").model)
    model, remembered = fresh(node)
    for text in TEXTS + AGAIN + AGAIN_NEW + TEXTS:
        docs = [nlp_model.make_doc(text)]
        assert_same_vectors(model.predict(docs), remembered.embed.predict(docs))
        assert len(remembered.rows) <= 30


@pytest.mark.model
@pytest.mark.issue(15)
def test_empty_documents_and_a_batch_of_few_words_embed_as_before(nlp_model: Any) -> None:
    [node] = remembered_nodes(nlp_model.get_pipe("tok2vec").model)
    model, remembered = fresh(node)
    empty = nlp_model.make_doc("")
    for texts in (["", TEXTS[0], "", TEXTS[1]], ["", "Lisbon said no.", ""], [""]):
        docs = [nlp_model.make_doc(t) for t in texts]
        assert_same_vectors(model.predict(docs), remembered.embed.predict(docs))
    assert len(model.predict([empty])) == 1


def test_only_embeddings_that_read_nothing_but_their_attributes_are_remembered() -> None:
    from spacy.ml.models.tok2vec import MultiHashEmbed

    attrs = ["NORM", "PREFIX", "SUFFIX", "SHAPE"]
    plain = MultiHashEmbed(width=8, attrs=attrs, rows=[50] * 4, include_static_vectors=False)
    static = MultiHashEmbed(width=8, attrs=attrs, rows=[50] * 4, include_static_vectors=True)
    assert _embeddings.is_plain_embedding(plain)
    assert not _embeddings.is_plain_embedding(static)  # its rows depend on the word itself
