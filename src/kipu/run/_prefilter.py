"""The sentence filter of a run, built from the dictionaries the run codes with.

The filter (``kipu.prefilter``) sits before the parse, so it may not read the later stages
itself; the run layer, which calls every stage, hands it their words: the event coder's
(``kipu.events.trigger_vocabulary``: pattern triggers and the words their entries need, the
speech dictionary and rules) and the actor stage's (``kipu.actors.load_dictionaries``: agent
nouns, country names and demonyms, organisations, office holders' names).
"""

from __future__ import annotations

from functools import cache

from kipu.actors import load_dictionaries
from kipu.events import trigger_vocabulary
from kipu.prefilter import SentenceFilter

# What `--parse` accepts: parse only the sentences that may hold an event, or every sentence.
PARSE_MODES = ("events", "all")


@cache
def sentence_filter(dictionaries: tuple[str, ...] = (), bundled: bool = True) -> SentenceFilter:
    """The filter for a run with these dictionary files (and kipu's own, unless not bundled)."""
    coder = trigger_vocabulary(dictionaries, bundled)
    actors = load_dictionaries(dictionaries, bundled)
    words: set[str] = set()
    for table in (actors.countries, actors.agents, actors.orgs, actors.offices, actors.surnames):
        for phrase in table:
            # The head (last word) of a phrase finds the phrase: "minister" for "foreign
            # minister", "nations" for "united nations"; names are also capitalised words.
            last = phrase.split()[-1] if phrase.split() else ""
            if len(last) > 1 and last.isalpha():
                words.add(last)
    return SentenceFilter(
        entries=coder.entries,
        saying=coder.saying,
        said=coder.said,
        actor_words=frozenset(words),
        implied=coder.implied,
        quote_reach=coder.quote_reach,
    )
