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
"""

from __future__ import annotations

from typing import Any

from thinc.api import NumpyOps


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
