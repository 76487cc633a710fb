"""Past states: when a text speaks of the time before the Soviet Union or Yugoslavia ended.

"Moscow" is the Soviet government in 1985 and the Russian one in 2005. The article's date
decides; an undated text that names a state which no longer exists ("the Soviet Union", "East
Germany", "West Germany") speaks of its time, and the capitals of that time's states take the
old codes. A state named as past ("the former Soviet Union", "post-Soviet") says nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from kipu.actors._dictionaries import ActorDictionaries, key
from kipu.records import Sentence, Token

# The day after each past state ended (CAMEO codes; West Germany is listed under DEU, and
# "Yugoslavia" also named the federal republic of 1992-2003).
ENDED = {"SUN": "1991-12-26", "DDR": "1990-10-03", "CSK": "1993-01-01", "YUG": "2003-02-04"}
# Country words of states that ended which kipu codes as the successor: their era.
ERA_WORDS = dict.fromkeys(("west germany", "west german", "west germans"), "1990-10-03")
# The successor state whose capital stood for the past state.
PREDECESSOR = {"RUS": "SUN", "CZE": "CSK", "SRB": "YUG"}
# Words before a state's name that make it a past one ("former", "ex-", "post-Soviet").
PAST_MARKERS = frozenset({"former", "ex", "post", "erstwhile", "defunct"})


def article_era(
    sentences: Sequence[Sentence], d: ActorDictionaries, date: str | None
) -> str | None:
    """The day of which the article speaks: its date, else the day before the earliest end
    of a past state it names; None when nothing tells."""
    if date:
        return date
    words = dict(ERA_WORDS)
    for k, entries in d.countries.items():
        for e in entries:
            if e.code in ENDED and not e.place:
                words[k] = ENDED[e.code]
    ends: list[str] = []
    for sentence in sentences:
        tokens = sentence.tokens
        for i in range(len(tokens)):
            for n in (2, 1):
                k = key(" ".join(x.text for x in tokens[i : i + n]))
                if i + n <= len(tokens) and k in words:
                    if not _named_as_past(tokens, i, i + n):
                        ends.append(words[k])
                    break
    if not ends:
        return None
    return (dt.date.fromisoformat(min(ends)) - dt.timedelta(days=1)).isoformat()


def _named_as_past(tokens: Sequence[Token], start: int, end: int) -> bool:
    """True for "the former Soviet Union", "post-Soviet", "ex-Yugoslav" (not for "Former West
    Germany Chancellor", where "former" belongs to the chancellor)."""
    for x in tokens[max(0, start - 2) : start]:
        if x.text.lower() in PAST_MARKERS and start <= x.head < end:
            return True
        if x.text.lower() in PAST_MARKERS and x.i == start - 2 and tokens[start - 1].text == "-":
            return True  # "post-Soviet", "ex-Yugoslav"
    return False


def in_era(code: str, era: str | None) -> str:
    """The code a successor state's capital had in the era ("RUS" in 1985 is "SUN")."""
    past = PREDECESSOR.get(code)
    if past is None or era is None or era >= ENDED[past]:
        return code
    return past
