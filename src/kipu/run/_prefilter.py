"""The sentence filter of a run, built from the dictionaries the run codes with.

The filter (``kipu.prefilter``) sits before the parse, so it may not read the later stages
itself; the run layer, which calls every stage, hands it their words: the event coder's
(``kipu.events.trigger_vocabulary``: pattern triggers and the words their entries need, the
speech dictionary and rules), the actor stage's (``kipu.actors.load_dictionaries``: agent
nouns, country names and demonyms, organisations, office holders' names) and the discourse
stage's (``kipu.discourse._references``: the nouns of definite references and how far back they
look).
"""

from __future__ import annotations

from functools import cache

from kipu.actors import load_dictionaries
from kipu.discourse._references import (
    ALLIANCE_NOUNS,
    ARMED_NOUNS,
    BODY_NOUNS,
    PARTY_NOUNS,
    SAME_BODIES,
    SAME_WINDOW,
    WINDOW,
)
from kipu.events import trigger_vocabulary
from kipu.prefilter import SentenceFilter

# What `--parse` accepts: parse only the sentences that may hold an event, or every sentence.
PARSE_MODES = ("events", "all")
# The nouns the discourse stage reads as definite references to an actor of their kind named
# before ("the group" after "Hamas", "the militants", "the bloc", "the party"; its
# discourse/_references.py). Those that repeat the head of an earlier mention are its
# SAME_BODIES ("the regime" after "the Assad regime") and the agent nouns and titles ("the
# officials", "the minister").
KIND_REFERENCES = BODY_NOUNS | PARTY_NOUNS | ARMED_NOUNS | ALLIANCE_NOUNS


@cache
def sentence_filter(dictionaries: tuple[str, ...] = (), bundled: bool = True) -> SentenceFilter:
    """The filter for a run with these dictionary files (and kipu's own, unless not bundled)."""
    coder = trigger_vocabulary(dictionaries, bundled)
    actors = load_dictionaries(dictionaries, bundled)
    words: set[str] = set()
    agents: set[str] = set()
    for table in (actors.countries, actors.agents, actors.orgs, actors.offices, actors.surnames):
        for phrase in table:
            # The head (last word) of a phrase finds the phrase: "minister" for "foreign
            # minister", "nations" for "united nations"; names are also capitalised words.
            last = phrase.split()[-1] if phrase.split() else ""
            if len(last) > 1 and last.isalpha():
                words.add(last)
                if table is actors.agents:
                    agents.add(last)
    return SentenceFilter(
        entries=coder.entries,
        saying=coder.saying,
        said=coder.said,
        actor_words=frozenset(words),
        implied=coder.implied,
        quote_reach=coder.quote_reach,
        references=KIND_REFERENCES,
        repeated=SAME_BODIES | agents,
        reference_reach=WINDOW,
        repeat_reach=SAME_WINDOW,
    )
