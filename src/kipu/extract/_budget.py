"""Per-document budgets: a size cap and a wall-clock limit, so no page can stall a run."""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

# Parts of a page that carry no article text; dropped before the size check, as some real pages
# are megabytes of inline scripts and SVG around a few kilobytes of story.
_INERT = re.compile(
    r"<(script|style|svg|noscript)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL
)


# After the budget runs out the alarm repeats at this interval until the block ends: Python
# ignores an exception raised inside a gc callback, a weakref finaliser or ``__del__``, so an
# alarm that lands there is lost, and a one-shot alarm would leave the document unbounded.
REPEAT_SECONDS = 0.05


class BudgetExceeded(BaseException):
    """A document took longer than its time budget.

    A BaseException, like KeyboardInterrupt, so that the parsers' own ``except Exception`` blocks
    do not swallow it.
    """


def strip_inert(html: str) -> str:
    """The page without scripts, styles, inline SVG and comments."""
    return _INERT.sub(" ", html)


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`BudgetExceeded` in the block after ``seconds`` of wall time.

    Uses SIGALRM, so it works in the main thread of a POSIX process (the CLI and each worker
    process); elsewhere it is a no-op and only the size cap guards the document.
    """
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise BudgetExceeded(f"took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
