"""Publication dates as inputs write them → ISO ``YYYY-MM-DD``, or None (never a guess)."""

from __future__ import annotations

import math
import re
from datetime import UTC, date, datetime

# English month names and their usual abbreviations ("Sept" is common in US newspapers).
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
# Epoch values above this are milliseconds, not seconds (1e11 s is the year 5138).
EPOCH_MS_ABOVE = 100_000_000_000

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# "2012-10-07", "2012-10-07T13:46:00Z", "2012/10/07", "2012.10.07", "2012-10-07 13:46"
_YMD = re.compile(r"(?P<year>\d{4})([-/.])(?P<month>\d{1,2})\2(?P<day>\d{1,2})(?:$|[T\s])")
# "20121007"
_YMD_BASIC = re.compile(r"(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})")
# "Oct 7, 2012", "October 7th 2012", "Sunday, October 7, 2012"
_MDY = re.compile(
    rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.IGNORECASE
)
# "7 October 2012", "Sun, 07 Oct 2012 13:46:00 GMT", "07-Oct-2012", "7th of October, 2012"
_DMY = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?[\s-]+{_MONTH}[\s,-]+(?P<year>\d{{4}})\b",
    re.IGNORECASE,
)
_EPOCH = re.compile(r"-?\d{9,13}")


def normalise_date(value: object) -> str | None:
    """``value`` (str, or epoch seconds as int/float) as an ISO date, or None if it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_epoch(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if _EPOCH.fullmatch(text):
        return _from_epoch(int(text))
    for pattern in (_YMD, _MDY, _DMY):
        found = pattern.match(text) if pattern is _YMD else pattern.search(text)
        if found:
            return _iso(found["year"], found["month"], found["day"])
    found = _YMD_BASIC.fullmatch(text)
    if found:
        return _iso(found["year"], found["month"], found["day"])
    return None


def _iso(year: str, month: str, day: str) -> str | None:
    number = MONTHS.get(month.lower()) if not month.isdigit() else int(month)
    if number is None:
        return None
    try:
        return date(int(year), number, int(day)).isoformat()
    except ValueError:  # 2012-02-30, month 13 ...
        return None


def _from_epoch(seconds: float) -> str | None:
    if not math.isfinite(seconds):
        return None
    if abs(seconds) > EPOCH_MS_ABOVE:
        seconds = seconds / 1000
    try:
        return datetime.fromtimestamp(seconds, tz=UTC).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None
