"""The reliability suite's scale, its hang watchdog and its tally of cases run.

``make test`` runs a bounded share of every fuzz target. ``KIPU_RELIABILITY=long`` runs the long
share (see docs/RELIABILITY.md); the tally is printed at the end of the pytest run and, with
``KIPU_RELIABILITY_REPORT=path``, written there as JSON.
"""

from __future__ import annotations

import faulthandler
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from hypothesis import HealthCheck, settings

LONG = os.environ.get("KIPU_RELIABILITY") == "long"
# Seconds one case may take before the run counts it as hung: the watchdog dumps every thread's
# stack and ends the process (a hang must fail loudly, not stall the suite). The stages' own
# budgets (ExtractOptions.time_budget, Budget.doc_seconds) are far below it.
HANG_SECONDS = 120.0


def fuzz_settings(ci: int, long: int) -> settings:
    """Hypothesis settings: ``ci`` examples in ``make test``, ``long`` in the long run."""
    return settings(
        max_examples=long if LONG else ci,
        deadline=None,
        database=None,  # the long run must not replay the bounded run's examples, nor leave files
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
            HealthCheck.function_scoped_fixture,
        ],
    )


def kills(ci: int, long: int) -> int:
    """How many kill -9 runs of a kind: ``ci`` in ``make test``, ``long`` in the long run."""
    return long if LONG else ci


@dataclass(slots=True)
class Target:
    """What one fuzz target saw: cases, outcomes by kind, the slowest case."""

    cases: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    slowest: float = 0.0


TALLY: dict[str, Target] = {}


@contextmanager
def case(target: str) -> Iterator[Counter[str]]:
    """One generated case of ``target``: watched for hangs, counted, timed.

    The caller adds its outcomes ("article", "rejected:extract:no_text" ...) to the counter it
    is handed. An exception escaping the case is a crash: pytest reports it (with the falsifying
    example hypothesis shrank) and the tally counts it.
    """
    tally = TALLY.setdefault(target, Target())
    outcomes: Counter[str] = Counter()
    faulthandler.dump_traceback_later(HANG_SECONDS, exit=True, file=sys.stderr)
    start = time.perf_counter()
    try:
        yield outcomes
    except BaseException:
        tally.outcomes["crash"] += 1
        raise
    finally:
        faulthandler.cancel_dump_traceback_later()
        tally.cases += 1
        tally.slowest = max(tally.slowest, time.perf_counter() - start)
        tally.outcomes.update(outcomes)


def summary() -> dict[str, object]:
    """The tally as plain data (for the terminal summary and the JSON report)."""
    return {
        "scale": "long" if LONG else "ci",
        "cases": sum(t.cases for t in TALLY.values()),
        "crashes": sum(t.outcomes["crash"] for t in TALLY.values()),
        "targets": {
            name: {
                "cases": t.cases,
                "slowest_seconds": round(t.slowest, 3),
                "outcomes": dict(t.outcomes.most_common()),
            }
            for name, t in sorted(TALLY.items())
        },
    }
