"""A process that codes keeps what it loaded out of the garbage collector's way.

The spaCy pipeline, the actor and event dictionaries, the patterns and the gazetteer are loaded
once per process and kept to its end: about 230,000 objects that Python's cyclic garbage
collector walks again at each full collection, which the records of every batch set off. On
the Guardian sample (249 articles, in one process) the collector took 0.90 s of CPU, 0.75 s of
it in 7 full collections; with the loaded objects frozen (``gc.freeze``), 0.22 s.

Then the young generation is collected after :data:`YOUNG` new containers instead of Python's
700: the records a batch makes are freed by their reference counts when it is done, and each
young collection walked those still alive (about 1,100 collections over the sample, against
about 30). The pipeline after extraction took 16.5 to 17.3 s of CPU against 17.3 to 17.8 s
(docs/BENCHMARKS.md). Garbage in a cycle waits a little longer for the collector; nothing else
changes.
"""

from __future__ import annotations

import gc

_settled = False
# New containers that set off a collection of the young generation once the process has settled.
YOUNG = 50_000


def settle() -> bool:
    """Move every object alive now into the collector's permanent generation, once per
    process (True the time it does). Frozen objects are still freed when nothing refers to
    them; only a cycle among them would stay. Called by the coding path once its first
    article is coded, when every table it reads has been loaded. The young generation's
    threshold is raised to :data:`YOUNG` (never lowered)."""
    global _settled
    if _settled:
        return False
    _settled = True
    gc.collect()
    gc.freeze()
    young, *older = gc.get_threshold()
    gc.set_threshold(max(young, YOUNG), *older)
    return True
