"""spaCy's word embeddings, remembered: each word's first vector computed once per process.

The English pipeline's token-to-vector layers (the shared ``tok2vec`` and the entity
recogniser's own) begin with an embedding (thinc's ``MultiHashEmbed``): a few attributes of each
word (its norm, prefix, suffix, shape and, for the shared one, whether a space follows it and
whether it is one) are hashed into tables, the rows are put side by side and mixed by a maxout
layer and a layer norm. What comes out for a word depends on those attributes alone, not on the
words around it (the convolutions after it read the context), and news repeats its words: over
the Guardian sample one word in thirteen had attributes not seen before in the run. The two
embeddings took about a sixth of spaCy's time on the kept sentences.

:func:`remember_embeddings` puts :class:`Remembered` in place of each such embedding: it reads
the same attributes, looks each word's up, computes the vectors of the words it has not seen
with the embedding's own layers and remembers them. The vectors are the embedding's, number for
number: each row of a matrix product is computed the same way whatever rows come with it, once
there are more than a few (numpy's BLAS multiplies a product of very few rows with other
kernels, whose last bits differ), so new words are computed at least :data:`FEWEST_ROWS` at a
time (a row repeated), and a batch of fewer words by the embedding itself. An embedding of
another shape (one with static word vectors, whose rows depend on the word itself) is left as
it is. What is remembered is bounded (:data:`LIMIT`), so a long run's memory stays flat. Like
the pipeline it belongs to, it serves one parse at a time (the API's writes take a lock).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from thinc.api import Model

# The layers of a MultiHashEmbed without static vectors, by name, in order.
EMBED_LAYERS = ("extract_features", "list2ragged", "with_array", "with_array", "ragged2list")
# Words remembered at most per embedding, then forgotten: at the bound, ~68 MB each (96 floats a
# word in an array that grows by doubling, ~50 MB; the keys and rows, ~18 MB; measured).
LIMIT = 100_000
# New words are computed in products of at least this many rows (a row repeated to fill them).
FEWEST_ROWS = 16
# The layers an embedding may mix its hashed rows with: each computes a word's row from that row.
ROW_BY_ROW = {"maxout", "layernorm", "dropout", "maxout>>layernorm"}


class Remembered:
    """The forward pass of a remembered embedding: the layers of ``embed`` (a MultiHashEmbed
    without static vectors), each word's vector computed once (see the module's docstring)."""

    def __init__(self, embed: Model[Any, Any]) -> None:
        extract, _, hashed, mixed, _ = embed.layers
        self.embed = embed
        self.extract = extract
        self.hashed = hashed.layers[0]  # the hash embeddings side by side, over an array
        self.mixed = mixed.layers[0]  # maxout, layer norm (and dropout, off when predicting)
        self.width = embed.get_dim("nO")
        self.rows: dict[bytes, int] = {}  # a word's attributes (as bytes) → its row in vectors
        self.vectors = self.embed.ops.alloc2f(1024, self.width)

    def __call__(self, model: Model[Any, Any], docs: Any, is_train: bool) -> tuple[Any, Any]:
        if is_train:  # training needs the layers' own backward pass
            return self.embed(docs, is_train)
        import numpy

        features = self.extract.predict(docs)  # per doc: (words, attributes) uint64
        lengths = [len(f) for f in features]
        if sum(lengths) < FEWEST_ROWS:  # computed as the embedding computes so few words
            return self.embed(docs, is_train)
        ids = numpy.ascontiguousarray(numpy.concatenate(features), dtype="uint64")
        keys = ids.view(numpy.dtype((numpy.void, 8 * ids.shape[1]))).ravel().tolist()
        if len(self.rows) + len(keys) > LIMIT:  # forgotten before any row of it is read
            self.rows.clear()
        get = self.rows.get
        at = numpy.array([get(key, -1) for key in keys], dtype="int64")
        unseen = numpy.flatnonzero(at < 0)
        if len(unseen):
            at[unseen] = self._learn(ids, keys, unseen.tolist())
        out = self.vectors[at]
        return numpy.split(out, numpy.cumsum(lengths)[:-1]), _no_backprop

    def _learn(self, ids: Any, keys: list[bytes], unseen: list[int]) -> list[int]:
        """Compute and remember the vectors of the words at ``unseen`` (positions in ``ids``
        and ``keys``); their rows, in that order."""
        import numpy

        new: dict[bytes, int] = {}
        first: list[int] = []
        base = len(self.rows)
        rows = []
        for position in unseen:
            key = keys[position]
            row = new.get(key)
            if row is None:
                row = new[key] = base + len(first)
                first.append(position)
            rows.append(row)
        wanted = ids[first]
        if len(first) < FEWEST_ROWS:
            wanted = numpy.concatenate([wanted, numpy.repeat(wanted[:1], FEWEST_ROWS, axis=0)])
        vectors = self.mixed.predict(self.hashed.predict(wanted))[: len(first)]
        end = base + len(first)
        if end > len(self.vectors):
            grown = self.embed.ops.alloc2f(max(end, 2 * len(self.vectors)), self.width)
            grown[:base] = self.vectors[:base]
            self.vectors = grown
        self.vectors[base:end] = vectors
        self.rows.update(new)
        return rows


def _no_backprop(d_output: Any) -> Any:
    raise NotImplementedError("a remembered embedding only predicts")


def is_plain_embedding(node: Model[Any, Any]) -> bool:
    """Whether ``node`` is a MultiHashEmbed whose vectors depend only on the attributes it
    extracts: its layers are :data:`EMBED_LAYERS`, and the hashed part only hash embeddings."""
    names = tuple(layer.name.split("(")[0] for layer in node.layers)
    if names != EMBED_LAYERS:
        return False
    hashed = node.layers[2].layers[0]
    parts = hashed.layers if hashed.name.count(">>hashembed") > 1 else [hashed]
    mixed = [layer.name for layer in node.layers[3].layers[0].walk()][1:]
    hashes = [[layer.name for layer in part.layers] for part in parts]
    return (
        bool(parts)
        and all(h == ["ints-getitem", "hashembed"] for h in hashes)
        and (set(mixed) <= ROW_BY_ROW)
    )


def remember_embeddings(nlp: Language) -> int:
    """Put a remembered embedding (:class:`Remembered`) in place of every plain MultiHashEmbed
    (:func:`is_plain_embedding`) of the pipeline's models; how many were replaced."""
    from thinc.api import Model

    from kipu._ops import models

    replaced = 0
    for model in models(nlp):
        for parent in list(model.walk()):
            for i, node in enumerate(parent.layers):
                if node.name.startswith("extract_features>>") and is_plain_embedding(node):
                    remembered = Model(
                        "remembered-embed",
                        Remembered(node),
                        dims={"nO": node.get_dim("nO")},
                        ops=node.ops,
                    )
                    parent.layers[i] = remembered
                    replaced += 1
    return replaced
