from __future__ import annotations

import numpy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from thinc.api import Maxout, NumpyOps

from kipu._ops import KipuOps, Pieces

THINC = NumpyOps(use_blis=False)
OURS = KipuOps()

# Few distinct values, so that pieces often tie (thinc takes the first of equal pieces).
pieces = st.tuples(st.integers(1, 6), st.integers(1, 5), st.integers(2, 4)).flatmap(
    lambda shape: arrays("float32", shape, elements=st.sampled_from([-1.5, 0.0, 0.25, 2.0]))
)


@pytest.mark.issue(15)
@settings(max_examples=200, deadline=None)
@given(pieces)
def test_maxout_is_thincs_and_which_piece_won_is_found_when_asked(X: numpy.ndarray) -> None:
    best, which = THINC.maxout(X)
    ours, found = OURS.maxout(X)
    assert ours.dtype == best.dtype and ours.flags.c_contiguous
    assert numpy.array_equal(ours, best)
    assert isinstance(found, Pieces)  # nothing more computed until a backward pass asks
    dY = numpy.arange(best.size, dtype="float32").reshape(best.shape) + 1
    P = X.shape[2]
    assert numpy.array_equal(
        OURS.backprop_maxout(dY, found, P), THINC.backprop_maxout(dY, which, P)
    )


@pytest.mark.issue(15)
def test_maxout_of_real_sized_arrays_is_thincs() -> None:
    X = numpy.random.default_rng(7).standard_normal((1000, 96, 3)).astype("float32")
    assert numpy.array_equal(OURS.maxout(X)[0], THINC.maxout(X)[0])


@pytest.mark.issue(15)
def test_arrays_with_nan_and_single_pieces_are_thincs_own() -> None:
    X = numpy.ones((2, 2, 3), dtype="float32")
    X[0, 0, 0] = numpy.nan  # thinc keeps a first piece's NaN
    X[1, 1, 1] = numpy.nan  # and passes over a later one
    for array in (X, numpy.ones((3, 4, 1), dtype="float32")):
        best, which = THINC.maxout(array)
        ours, found = OURS.maxout(array)
        assert numpy.array_equal(ours, best, equal_nan=True)
        assert numpy.array_equal(found, which)


@pytest.mark.issue(15)
def test_a_maxout_layer_learns_the_same_with_either() -> None:
    rng = numpy.random.default_rng(3)
    X = rng.standard_normal((20, 6)).astype("float32")
    dY = rng.standard_normal((20, 4)).astype("float32")
    W = rng.standard_normal((4, 3, 6)).astype("float32")
    b = rng.standard_normal((4, 3)).astype("float32")
    results = []
    for ops in (THINC, OURS):
        layer = Maxout(nO=4, nI=6, nP=3)
        layer.initialize(X=X)
        layer.set_param("W", W.copy())
        layer.set_param("b", b.copy())
        layer.ops = ops
        Y, backprop = layer(X, is_train=True)
        results.append((Y, backprop(dY), layer.get_grad("W"), layer.get_grad("b")))
    for theirs, ours in zip(*results, strict=True):
        assert numpy.array_equal(theirs, ours)


@pytest.mark.issue(15)
@pytest.mark.parametrize("rows", [1, 3, 1000, 9000])
def test_the_layer_norm_predicts_thincs_numbers(rows: int) -> None:
    from thinc.api import LayerNorm

    from kipu._ops import layer_norm

    rng = numpy.random.default_rng(rows)
    X = (rng.standard_normal((rows, 96)) * 3 + 1).astype("float32")
    X[0, :] = 0.5  # a row with no spread
    layer = LayerNorm(nI=96)
    layer.initialize(X=X)
    layer.set_param("G", rng.standard_normal(96).astype("float32"))
    layer.set_param("b", rng.standard_normal(96).astype("float32"))
    theirs = layer.predict(X)
    ours, _ = layer_norm(layer, X, is_train=False)
    assert ours.dtype == theirs.dtype and (ours == theirs).all()
    trained, backprop = layer_norm(layer, X, is_train=True)  # training keeps thinc's own pass
    assert (trained == theirs).all() and backprop(numpy.ones_like(X)).shape == X.shape


@pytest.mark.model
@pytest.mark.issue(15)
def test_every_layer_norm_of_the_pipeline_is_the_quicker_one() -> None:
    from kipu import nlp
    from kipu._ops import layer_norm

    model = nlp.load_model()
    models = [c.model for _, c in model.pipeline if getattr(c, "model", None) is not None]
    norms = [node for m in models for node in m.walk() if node.name == "layernorm"]
    assert norms and all(n._func is layer_norm for n in norms)
