"""Print the reliability tally after the run (and write it as JSON when asked)."""

from __future__ import annotations

import json
import os
from typing import Any

from tests.reliability.harness import TALLY, summary


def _write_report() -> None:
    path = os.environ.get("KIPU_RELIABILITY_REPORT")
    if path and TALLY:
        with open(path, "w", encoding="utf-8") as f:
            json.dump(summary(), f, indent=2)
            f.write("\n")


def pytest_runtest_logfinish() -> None:
    _write_report()  # after each test, so a long run cut short still leaves its counts


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not TALLY:
        return
    data = summary()
    write = terminalreporter.write_line
    write(
        f"reliability ({data['scale']}): {data['cases']} generated cases, {data['crashes']} crashes"
    )
    for name, target in data["targets"].items():  # type: ignore[union-attr]
        top = ", ".join(f"{k} {v}" for k, v in list(target["outcomes"].items())[:6])
        slowest = f", slowest {target['slowest_seconds']} s" if target["slowest_seconds"] else ""
        write(f"  {name}: {target['cases']} cases{slowest}; {top}")
    _write_report()
