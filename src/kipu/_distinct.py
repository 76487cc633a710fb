"""The distinct rows of a few columns of small numbers, found with one sort (numpy).

The remembered attribute ruler and the lemmatizer look up what they set on a word by a few of
its attributes; over a batch of documents most words repeat a combination seen before, so each
distinct combination is looked up once and the answer spread back over the words. numpy has no
grouping of rows that is as quick: ``numpy.unique(..., axis=0)`` sorts the rows as raw bytes,
about three times slower here than one number per row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

# How large a row's number may grow (mixed radix) before the rows are numbered again by rank,
# which keeps it under 2**62 for any batch of fewer than 2**31 rows.
RADIX_LIMIT = 2**31


def numbered(column: Any) -> tuple[Any, int]:
    """Each value of a column as a number in ``range(size)`` (its rank among the distinct
    values), and ``size``."""
    import numpy

    values, ranks = numpy.unique(column, return_inverse=True)
    return ranks.reshape(-1), len(values)


def distinct_rows(columns: Sequence[tuple[Any, int]]) -> tuple[Any, Any]:
    """For columns of numbers (each in ``range(size)`` of its own, given as (numbers, size)):
    the index of the first row of each distinct combination, and, for each row, which of them
    it is (an index into the first)."""
    import numpy

    n = len(columns[0][0])
    combined = numpy.zeros(n, dtype="int64")
    size = 1
    for codes, width in columns:
        combined = combined * width + codes
        size *= width
        if size > RADIX_LIMIT:
            combined, size = numbered(combined)
    _, first, which = numpy.unique(combined, return_index=True, return_inverse=True)
    return first, which.reshape(-1)
