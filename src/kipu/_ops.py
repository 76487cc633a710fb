"""The operations kipu's pipeline runs its models with: thinc's ``NumpyOps``, two of them faster.

- Matrix products go to numpy's BLAS instead of blis (``use_blis=False``; see
  :func:`kipu.nlp.multiply_with_numpy` for why).
- ``maxout`` (the largest of each unit's pieces, in every maxout layer: the token-to-vector
  convolutions, the embeddings' mixers) is computed with numpy, piece against piece over the
  whole array, instead of thinc's loop over every unit of every row: about eight times faster on
  the arrays the English pipeline makes, the same numbers. thinc's loop also finds which piece
  won (only training reads it); :class:`Pieces` keeps the array and finds them, with thinc's
  loop, only if a backward pass asks. An array holding NaN (a largest value thinc and numpy
  would choose differently) is handed to thinc's own loop.

And one layer is computed in fewer passes over its arrays when predicting: the layer norm
(:func:`layer_norm`, put in place by :func:`quicker_layers`), the same numbers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from thinc.api import NumpyOps

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.language import Language
    from thinc.api import Model


class Pieces:
    """The pieces a maxout was computed from, standing for which of them won (thinc's
    ``which``) until a backward pass needs it."""

    __slots__ = ("pieces",)

    def __init__(self, pieces: Any) -> None:
        self.pieces = pieces


class KipuOps(NumpyOps):  # type: ignore[misc]  # thinc's Cython class is untyped for mypy
    """NumpyOps on numpy's BLAS with a numpy maxout (see the module's docstring)."""

    def __init__(self) -> None:
        super().__init__(use_blis=False)

    def maxout(self, X: Any) -> tuple[Any, Any]:
        import numpy

        if getattr(X, "ndim", 0) != 3 or X.shape[2] < 2:
            return super().maxout(X)
        best = numpy.maximum(X[..., 0], X[..., 1])
        for piece in range(2, X.shape[2]):
            numpy.maximum(best, X[..., piece], out=best)
        if numpy.isnan(best).any():  # thinc keeps the first piece's NaN and skips later ones
            return super().maxout(X)
        return best, Pieces(X)

    def backprop_maxout(self, dY: Any, which: Any, P: int) -> Any:
        if isinstance(which, Pieces):
            which = super().maxout(which.pieces)[1]
        return super().backprop_maxout(dY, which, P)


def layer_norm(model: Any, X: Any, is_train: bool) -> tuple[Any, Any]:
    """thinc's layer norm (``thinc.layers.layernorm.forward``) when predicting: each row less
    its mean, over its standard deviation, scaled and shifted. thinc computes the row's mean
    twice (``X.mean`` and again inside ``X.var``) and subtracts it twice; this reuses both, with
    numpy's own operations in the same order (``X.var`` is the mean of the squared differences
    from ``X.mean``), so every number is the same."""
    if is_train:
        from thinc.layers.layernorm import forward

        return forward(model, X, is_train)
    differences = X - X.mean(axis=1, keepdims=True)
    var = (differences * differences).mean(axis=1, keepdims=True) + 1e-08
    Y = differences * var ** (-1.0 / 2.0)
    Y *= model.get_param("G")
    Y += model.get_param("b")
    return Y, _predicting_only


def _predicting_only(dY: Any) -> Any:
    raise NotImplementedError("a layer norm put in place by kipu only predicts")


def models(nlp: Language) -> Iterator[Model[Any, Any]]:
    """The thinc model of each of the pipeline's components that has one (the attribute ruler
    and the lemmatizer have none)."""
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            yield model


def quicker_layers(nlp: Language) -> int:
    """Put :func:`layer_norm` in place of thinc's forward pass in every layer norm of the
    pipeline's models; how many."""
    from thinc.layers.layernorm import forward

    changed = 0
    for model in models(nlp):
        for node in model.walk():
            if node._func is forward:
                node._func = layer_norm
                changed += 1
    return changed
