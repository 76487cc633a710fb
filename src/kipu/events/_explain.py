"""Why each event was or was not coded: the coder's decisions, sentence by sentence."""

from __future__ import annotations

from dataclasses import dataclass

from kipu.events._coder import RECENT, EventOptions, _actor_at, _code_sentence
from kipu.events._discards import load_discards
from kipu.events._one_sided import article_courts, article_place
from kipu.events._patterns import load_patterns
from kipu.events._speech import quote_speakers
from kipu.events._timescope import in_scope, time_scope
from kipu.events._told import Named, Told, name_acts, remember
from kipu.events._tree import Tree
from kipu.records import Event, Mention, Resolved, Sentence


@dataclass(frozen=True, slots=True, kw_only=True)
class SentenceExplanation:
    """One sentence with its parse, its actors, its events and the coder's notes."""

    sentence: Sentence
    mentions: tuple[Mention, ...]
    events: tuple[Event, ...]
    notes: tuple[str, ...]  # one line per trigger: the entry that fired, or why nothing was coded


def explain_events(
    resolved: Resolved, options: EventOptions | None = None
) -> list[SentenceExplanation]:
    """Code a resolved article, keeping for each sentence why each trigger did or did not fire."""
    index = load_patterns(options.dictionaries, options.bundled) if options else load_patterns(())
    article = resolved.parsed.article
    discards = load_discards(options.dictionaries if options else ())
    story = discards.story_hit(article.text)
    scope = time_scope(article)
    told: Told = set()
    named = Named()
    out: list[SentenceExplanation] = []
    quoted = quote_speakers(resolved, _actor_at)
    place = article_place(resolved) or article_courts(resolved)
    for sentence, mentions, carried in zip(
        resolved.parsed.sentences, resolved.mentions, quoted, strict=True
    ):
        notes: list[str] = []
        events: list[Event] = []
        phrase = story or discards.sentence_hit(sentence.text)
        if sentence.text.rstrip().rstrip("\"'”’").endswith("?"):
            notes.append("a question: not coded")
        elif phrase:
            what = "story" if story else "sentence"
            notes.append(f"the discard list rules out this {what} ({phrase!r}): not coded")
        else:
            tree = Tree(sentence)
            events = _code_sentence(
                sentence,
                mentions,
                index,
                article.doc_id,
                article.input_id,
                article.published,
                notes,
                told,
                quoted=carried,
                speech=options.bundled if options else True,
                recent=[e for x in out[-RECENT:] for e in x.events],
                place=place,
                named=named,
                tree=tree,
            )
            events, history = in_scope(
                scope, sentence, events, options is not None and options.historical
            )
            notes.extend(history)
            remember(told, [e for e in events if not e.historical])
            name_acts(named, tree, sentence, [e for e in events if not e.historical], mentions)
        if not notes:
            notes.append("no word of the sentence is a trigger in the dictionary")
        out.append(
            SentenceExplanation(
                sentence=sentence, mentions=mentions, events=tuple(events), notes=tuple(notes)
            )
        )
    return out
