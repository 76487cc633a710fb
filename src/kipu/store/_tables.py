"""The store's own tables beside documents and events: duplicates, signatures, rejected."""

from __future__ import annotations

import pyarrow as pa

_STR = pa.string()

# One row per near-duplicate document: the stored original it copies (events count as mentions).
DUPLICATE_SCHEMA = pa.schema(
    [
        pa.field("doc_id", _STR, nullable=False),
        pa.field("dup_of", _STR, nullable=False),
        pa.field("threshold", pa.float64(), nullable=False),  # the Jaccard threshold it passed
        pa.field("input_id", _STR, nullable=False),
        pa.field("run_id", _STR, nullable=False),
    ]
)

# One row per original document: its MinHash signature, so a rerun rebuilds the LSH index.
SIGNATURE_SCHEMA = pa.schema(
    [
        pa.field("doc_id", _STR, nullable=False),
        pa.field("minhash", pa.binary(), nullable=False),  # uint64 hash values, little-endian
        pa.field("run_id", _STR, nullable=False),
    ]
)

# One row per document a run rejected, with the stage and the stable reason code.
REJECTED_SCHEMA = pa.schema(
    [
        pa.field("item_id", _STR, nullable=False),
        pa.field("input_id", _STR, nullable=False),
        pa.field("stage", _STR, nullable=False),
        pa.field("reason", _STR, nullable=False),
        pa.field("detail", _STR, nullable=False),
        pa.field("run_id", _STR, nullable=False),
    ]
)

TABLE_SCHEMAS: dict[str, pa.Schema] = {
    "duplicates": DUPLICATE_SCHEMA,
    "signatures": SIGNATURE_SCHEMA,
    "rejected": REJECTED_SCHEMA,
}
