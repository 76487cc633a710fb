"""The document context stage: Resolved → Resolved, mentions completed from the whole article.

The actor stage reads one sentence at a time (with a short memory for pronouns); this stage
reads the article in order, with an article memory (``_memory.py``), and completes what a
sentence alone cannot say:

1. names used again: a surname, an acronym, a name described beside it, a person the lead
   describes and the next sentences name with their age (``_names.py``);
2. definite references: "the group", "the militants", "the bloc" (``_references.py``), and
   plural ones to two actors named together: "the two sides", "both countries" (``_pairs.py``;
   the mention's ``also`` holds the second actor);
3. pronouns the actor stage left open, asked again of its alias resolver with the completed
   antecedents (``_pronouns.py``), and "it" as the subject of an act continuing the state or
   body the sentence before was about (``_it.py``);
4. the country of domestic actors with none in their own words, when the article makes it
   clear (``_countries.py``);
5. aliases the actor stage resolved ("he", "the minister") follow their antecedent's
   completion.

Every completion names its rule and the mention it came from in ``Actor.rule`` (prefix
``discourse:``), so ``kipu explain`` shows why. Nothing here is learnt from data: the rules are
hand-written because no coreference model runs offline on kipu's spaCy pipeline; each rule
abstains when the text is not clear.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from kipu.actors import (
    ActorDictionaries,
    AliasResolver,
    RuleAliasResolver,
    countries_in_line,
    load_dictionaries,
)
from kipu.discourse._counterpart import resolve_counterparts
from kipu.discourse._countries import complete_countries, sentence_countries, towns_of
from kipu.discourse._it import resolve_it
from kipu.discourse._lists import resolve_lists
from kipu.discourse._memory import HEADLINE_WEIGHT, LEAD_SENTENCES, ArticleMemory
from kipu.discourse._names import described, introduced, named_before, remember_names
from kipu.discourse._pairs import resolve_pairs
from kipu.discourse._pronouns import resolve_pronouns
from kipu.discourse._references import resolve_references
from kipu.records import Actor, Article, Mention, Resolved, Sentence

# The antecedent an alias of the actor stage cites ("pronoun → Diane Abbott").
_SAME_PERSON = re.compile(r"^same person as '(.+)' earlier$")


@dataclass(frozen=True, slots=True, kw_only=True)
class DiscourseOptions:
    """Options of the document context stage (each family of rules can be turned off)."""

    # User dictionary files (`--dictionary`): their countries are read as the actor stage
    # reads them (files of other kinds are skipped).
    dictionaries: tuple[str, ...] = ()
    bundled: bool = True
    names: bool = True  # surnames, acronyms and described names used again
    references: bool = True  # "the group", "the militants", "the bloc", "the two sides"
    countries: bool = True  # domestic actors take the article's country when it is clear
    pronouns: bool = True  # pronouns the actor stage left open, asked again
    # Finds what "he" or "they" refers to (the actor stage's resolver; None: the rule-based one).
    alias_resolver: AliasResolver | None = None


def resolve_discourse(resolved: Resolved, options: DiscourseOptions | None = None) -> Resolved:
    """Complete an article's actor mentions with what the article said before them."""
    options = options or DiscourseOptions()
    d = load_dictionaries(tuple(options.dictionaries), options.bundled)
    sentences = resolved.parsed.sentences
    resolver = options.alias_resolver or RuleAliasResolver()
    memory = ArticleMemory()
    _read_headline(resolved.parsed.article, memory, d)
    lead: list[tuple[Counter[str], Counter[str]]] = []
    for sentence, mentions in zip(
        sentences[:LEAD_SENTENCES], resolved.mentions[:LEAD_SENTENCES], strict=True
    ):
        named, places = sentence_countries(sentence, mentions, d)
        memory.countries.update(named)
        memory.places.update(places)
        memory.towns.update(code for code, _ in towns_of(sentence, mentions))
        lead.append((named, places))
    out: list[tuple[Mention, ...]] = []
    for sentence, given in zip(sentences, resolved.mentions, strict=True):
        mentions = list(given)
        if options.names:
            mentions = described(sentence, mentions)
            mentions = introduced(sentence, mentions, memory)
            mentions = named_before(sentence, mentions, memory)
        if options.references:
            mentions = resolve_references(sentence, mentions, memory)
            mentions = resolve_pairs(sentence, mentions, memory)
            mentions = resolve_lists(sentence, mentions, memory)
            mentions = resolve_counterparts(sentence, mentions, memory)
        if options.pronouns:
            mentions = resolve_pronouns(sentence, mentions, memory, resolver)
            mentions = resolve_it(sentence, mentions, memory)
        if sentence.index < len(lead) and len(mentions) == len(given):
            named, places = lead[sentence.index]  # (read with the lead, nothing added since)
        else:
            named, places = sentence_countries(sentence, mentions, d)
        if sentence.index >= LEAD_SENTENCES:
            memory.countries.update(named)
            memory.places.update(places)
        if sentence.index >= LEAD_SENTENCES:
            memory.towns.update(code for code, _ in towns_of(sentence, mentions))
        memory.by_sentence[sentence.index] = named + places
        memory.named_by_sentence[sentence.index] = named
        memory.places_by_sentence[sentence.index] = places
        if options.countries:
            mentions = complete_countries(sentence, mentions, memory, d)
        _note_completions(given, mentions, memory)
        mentions = _follow(mentions, memory)
        _remember(sentence, mentions, memory)
        out.append(tuple(mentions))
    return Resolved(parsed=resolved.parsed, mentions=tuple(out))


def _read_headline(article: Article, memory: ArticleMemory, d: ActorDictionaries) -> None:
    """The title and the dateline say what the article is about before its text does."""
    for line, places in ((article.title, False), (article.dateline, True)):
        for code in countries_in_line(line or "", d):
            memory.countries[code] += HEADLINE_WEIGHT
            if places:
                memory.places[code] += HEADLINE_WEIGHT


def _cited(actor: Actor) -> str | None:
    """The name or text of the antecedent an alias cites, or None for no alias."""
    first = actor.rule.split("; ", 1)[0]
    same = _SAME_PERSON.match(first)
    if same:
        return same.group(1)
    if " → " in actor.rule and not actor.rule.startswith("discourse:"):
        return actor.rule.split(" → ", 1)[1].split("; ", 1)[0]
    return None


def _follow(mentions: list[Mention], memory: ArticleMemory) -> list[Mention]:
    """Aliases of a completed actor ("she" after "Diane Abbott") take its completion."""
    out = list(mentions)
    for n, m in enumerate(mentions):
        a = m.actor
        who = _cited(a)
        done = memory.completed.get(who) if who is not None and a.country is None else None
        if done is None or done.country is None:
            continue
        code = a.code if a.code is not None and a.code != a.sector else None
        # An alias with no code of its own is its antecedent as completed ("they" after
        # "Kurdish officials" placed as a people's body: SYRREB).
        actor = Actor(
            text=a.text,
            name=a.name,
            code=code or done.code or done.country + (a.sector or ""),
            country=done.country,
            sector=a.sector if code else done.sector,
            rule=f"{a.rule}; discourse:follows:{who} ({done.country})",
        )
        out[n] = replace(m, actor=actor)
    return out


def _note_completions(
    given: tuple[Mention, ...], mentions: list[Mention], memory: ArticleMemory
) -> None:
    """Remember which actors of the actor stage got a country here, by the name or text their
    aliases cite."""
    before = {m.head: m.actor for m in given}
    for m in mentions:
        old = before.get(m.head)
        if old is not None and old != m.actor and m.actor.country is not None:
            memory.completed[old.name or old.text] = m.actor


def _remember(sentence: Sentence, mentions: list[Mention], memory: ArticleMemory) -> None:
    """Keep the sentence's completed mentions and names for what follows."""
    remember_names(sentence, mentions, memory)
    memory.read[sentence.index] = (sentence, mentions)
    heads = {m.head for m in mentions}
    tokens = sentence.tokens
    # Heads of actors coordinated with another actor ("Russia and Turkey").
    joined = {
        h
        for t in tokens
        if t.dep == "conj" and t.i in heads and t.head in heads
        for h in (t.i, t.head)
    }
    for m in mentions:
        memory.remember_mention(sentence, m, m.head in joined)
