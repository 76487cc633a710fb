"""Code events from the dependency parse: Resolved → list[Event].

For every verb (and every noun that names an event) the coder finds the source, the target and the
words around it, looks the trigger up in the pattern dictionary, and emits an event only when an
entry matches and a source actor is resolved. Negation, intent and hypotheticals come from the
verb chain. There is no fallback code: a clause no entry licenses gives no event.

This module runs the steps, article by article and sentence by sentence; the steps are modules
of their own: the entry a trigger matches (``_match.py``), the act a match codes (``_act.py``:
mood, code, sense), who did it (``_source_side.py``) and to whom (``_sides.py``; both read the
parse with ``_roles.py`` and ``_mentions.py``), the events of the pairs of actors
(``_emit.py``), and statements coded by what is said (``_statements.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kipu.actors import international_country
from kipu.events._act import _check_reported, _clause_mood, _coded_act, _sense
from kipu.events._act_target import act_doer_targets, owner_as_doer
from kipu.events._citizenship import citizens
from kipu.events._discards import load_discards
from kipu.events._emit import _emit
from kipu.events._imported import verb_entries
from kipu.events._match import CCOMP_WORD as CCOMP_WORD
from kipu.events._match import XCOMP_WORD as XCOMP_WORD
from kipu.events._match import (
    _joined_lemma,
    _Match,
    _match_verb,
    _NotCoded,
    _with_asked_acts,
    may_match,
    sentence_words,
)
from kipu.events._match_nouns import _match_noun
from kipu.events._mentions import _actor_at, _mention
from kipu.events._mood import mood_of
from kipu.events._nominal import implied_mentions
from kipu.events._one_sided import article_courts, article_place
from kipu.events._patterns import PatternIndex, load_patterns
from kipu.events._roles import FORCE_NOUNS, SUBJECT_DEPS, _first_conjunct
from kipu.events._roles import SPEECH_VERBS as SPEECH_VERBS
from kipu.events._sense import ORDERING_VERBS
from kipu.events._shared import shares_object
from kipu.events._sides import (
    _check_quote_introducer,
    _check_someone_known,
    _mutual,
    _one_per_country,
    _pairs,
    _required_targets,
    _targets,
)
from kipu.events._source_side import _one_sided_doer, _sources
from kipu.events._speech import Quoted, Said, find_speech, quote_speakers
from kipu.events._statements import _obligations, _quote_speakers, _speech_events
from kipu.events._timescope import in_scope, time_scope
from kipu.events._told import (
    Named,
    Told,
    doer_again,
    is_told,
    name_acts,
    operation_doer,
    remember,
    told_key,
)
from kipu.events._tree import OBJECT_DEPS, Tree
from kipu.records import Event, Mention, Resolved, Sentence

# CCOMP_WORD, XCOMP_WORD and SPEECH_VERBS are imported for ``_vocabulary.py``, which reads them
# here.

# How many sentences back a judgement may refer to an act told ("“This is ridiculous,” ...").
RECENT = 2


@dataclass(frozen=True, slots=True, kw_only=True)
class EventOptions:
    """Options of the event stage."""

    dictionaries: tuple[str, ...] = ()  # extra pattern files (kipu's TSV format)
    bundled: bool = True  # False: code with the extra pattern files alone
    # Also code events the text dates well before the article and ongoing states, marked
    # ``historical`` (left out by default: they are not the article's events).
    historical: bool = False


def code_events(resolved: Resolved, options: EventOptions | None = None) -> list[Event]:
    """Every event the dictionary licenses in a resolved article, sentence by sentence."""
    index = load_patterns(options.dictionaries, options.bundled) if options else load_patterns(())
    article = resolved.parsed.article
    discards = load_discards(options.dictionaries if options else ())
    if discards.story_hit(article.text):
        return []  # a story a discard list rules out (sports, weather)
    events: list[Event] = []
    seen: set[str] = set()
    told: Told = set()  # acts the article has told already
    named = Named()  # the acts it named by a noun ("his decision to"), by the noun
    scope = time_scope(article)
    keep_history = options is not None and options.historical
    trees = [Tree(sentence) for sentence in resolved.parsed.sentences]  # one per sentence
    quoted = quote_speakers(resolved, _actor_at, trees)
    place = article_place(resolved, trees) or article_courts(resolved)
    placed: dict[str, str] = {}  # each organisation's country as the article placed it
    for sentence, mentions, carried, tree in zip(
        resolved.parsed.sentences, resolved.mentions, quoted, trees, strict=True
    ):
        placed.update(
            (m.actor.code, m.actor.country)
            for m in mentions
            if m.actor.code and m.actor.country and m.actor.rule.startswith("organisation:")
        )
        if sentence.text.rstrip().rstrip("\"'”’").endswith("?"):
            continue  # a question is not a report of an act
        if discards.sentence_hit(sentence.text):
            continue  # a sentence a discard list rules out
        coded = _code_sentence(
            sentence,
            mentions,
            index,
            article.doc_id,
            article.input_id,
            article.published,
            told=told,
            quoted=carried,
            speech=options.bundled if options else True,
            recent=[e for e in events if e.sentence_index >= sentence.index - RECENT],
            place=place,
            named=named,
            tree=tree,
            placed=placed,
        )
        # The article's background ("in 2003", "has long backed") only when asked for.
        news, _ = in_scope(scope, sentence, coded, keep_history, tree)
        remember(told, [e for e in news if not e.historical])  # the article's news only
        name_acts(named, tree, sentence, [e for e in news if not e.historical], mentions)
        for event in news:
            if event.event_id not in seen:
                seen.add(event.event_id)
                events.append(_international(event))
    return events


def _international(event: Event) -> Event:
    """The event with the pseudo-country of an international organisation on either side
    (``kipu.actors.international_country``)."""
    source, target = international_country(event.source), international_country(event.target)
    if source is event.source and target is event.target:
        return event
    return replace(event, source=source, target=target)


def _code_sentence(
    sentence: Sentence,
    mentions: tuple[Mention, ...],
    index: PatternIndex,
    doc_id: str,
    input_id: str,
    date: str | None,
    notes: list[str] | None = None,
    told: Told | None = None,
    quoted: Quoted | None = None,
    speech: bool = True,
    recent: list[Event] | None = None,
    place: tuple[str, str] | None = None,
    named: Named | None = None,
    tree: Tree | None = None,
    placed: dict[str, str] | None = None,
) -> list[Event]:
    """The events of one sentence; ``told`` holds the acts earlier sentences coded (an event
    noun that names one of them again, "the attack", is not a new act; see ``remember``), and
    ``placed`` the country the article gave each organisation it named."""
    tree = tree or Tree(sentence)
    by_head = {m.head: m for m in mentions}
    implied = implied_mentions(tree, index, by_head)  # "Turkish offensive", "US strikes"
    by_head.update(_placed_as_before(implied, placed or {}))
    # kipu's speech dictionary is bundled data: not read when coding with a user's files alone.
    said = find_speech(tree, _actor_at(tree, by_head)) if speech else []
    if quoted is not None and quoted.carried:
        said.append(Said(quoted.carried, tuple(range(len(tree.tokens))), None, "quote carried on"))
    by_head = _quote_speakers(tree, sentence, by_head, said, quoted)
    matches, verbs_with_events = _trigger_matches(sentence, tree, index, by_head, notes)
    # "threatened to move troops": the threat is coded from the complement; the governing verb's
    # own entry adds nothing unless it has a target of its own.
    # A complement that is itself not coded ("declined to comment", "refused to resign") leaves
    # the event to its governor's own entry.
    carried = {
        tree.tokens[m.clause].head
        for m in matches
        if tree.tokens[m.clause].dep == "xcomp"
        and not mood_of(tree, m.clause, m.pattern.code[:2]).skip
    }
    matches += _obligations(matches, tree, verbs_with_events, by_head)
    matches = _with_asked_acts(matches, tree)
    events: list[Event] = []
    told = told if told is not None else set()
    coded: set[int] = set()
    acts: set[tuple[int, str, str | None, str | None]] = set()  # conjoined verbs' acts
    waiting = [
        m
        for m in matches
        if m.trigger in carried and (m.target is None or _mention(tree, m.target, by_head) is None)
    ]
    # Complements first: a governor waits for them and codes its own entry only when they
    # coded nothing ("threatened to boycott the talks": CAMEO has no threat of a boycott of
    # talks, so the entry 'threaten + boycott' codes it).
    spoken: set[int] = set()
    keys_by_verb: dict[int, set[tuple[str, str | None, str | None]]] = {}
    for m in [m for m in matches if m not in waiting] + waiting:
        if m in waiting and m.trigger in spoken:
            if notes is not None:
                notes.append(f"{_label(tree, m)}: its complement carries the event")
            continue
        why: list[str] = []
        found = _events_for(m, sentence, tree, by_head, doc_id, input_id, date, why, place, named)
        if found and tree.tokens[m.clause].dep == "xcomp":
            spoken.add(tree.tokens[m.clause].head)
        if m.passing and _means(tree, m.trigger) and m.clause in coded:
            # "US airstrikes killed ten", "were killed in a US drone strike": the verb's event,
            # with the noun's doer, is the act; the noun adds only a target the verb has not
            # ("Russia's attack on Ukraine").
            found = [
                e for e in found if e.target is not None and not e.target.rule.startswith("place:")
            ]
            if not found:
                why.append("the verb it is the subject of is coded")
        if m.passing:
            again = [e for e in found if is_told(e, told)]
            found = [e for e in found if not is_told(e, told)]
            if again and not found:
                why.append("the article has told this act already")
        if not m.pattern.nominal and (
            not tree.children(m.trigger, "nsubjpass", *OBJECT_DEPS)
            or shares_object(tree, m.trigger)
        ):
            # "were killed or wounded": a verb sharing the victims of the one it is conjoined
            # with, of the same root and sides, is one act with it ("sent columns and deployed
            # tanks", each with its object, are two).
            group = _first_conjunct(tree, m.trigger)
            fresh = [e for e in found if (group, *told_key(e)) not in acts]
            if len(fresh) < len(found) and not fresh:
                why.append("a verb conjoined with one coded already for the same sides")
            found = fresh
            acts.update((group, *told_key(e)) for e in found)
        purpose_of = _purpose_of(tree, m.trigger)
        if purpose_of in keys_by_verb and found:
            # "staged a demonstration to protest the decision": an act whose purpose is the
            # same act with the same sides is one act
            fresh = [e for e in found if told_key(e) not in keys_by_verb[purpose_of]]
            if not fresh:
                why.append("the purpose of a verb coded already with the same act and sides")
            found = fresh
        if found:
            coded.add(m.trigger)
            keys_by_verb.setdefault(m.clause, set()).update(told_key(e) for e in found)
        if notes is not None:
            if found:
                notes.append(f"{_label(tree, m)}: coded {len(found)} event(s)")
            else:
                notes.append(f"{_label(tree, m)}: not coded: {'; '.join(why)}")
        events.extend(found)
    matched: dict[int, set[str]] = {}
    for m in matches:
        matched.setdefault(m.trigger, set()).add(m.pattern.code[:2])
        matched.setdefault(m.clause, set()).add(m.pattern.code[:2])
    events += _speech_events(
        said, tree, sentence, by_head, events, matched, doc_id, input_id, date, notes, recent, named
    )
    return events


# Roots of acts done in a military operation: captures and arrests (17), force (18-20).
OPERATION_ROOTS = frozenset({"17", "18", "19", "20"})


def _placed_as_before(implied: dict[int, Mention], placed: dict[str, str]) -> dict[int, Mention]:
    """An organisation named on an event noun ("an Isis ambush") takes the country the article
    placed it in where it named it as an actor ("Isis" in Raqqa: SYR)."""
    out = dict(implied)
    for i, m in implied.items():
        a = m.actor
        country = placed.get(a.code or "")
        if a.country is None and country is not None:
            rule = f"{a.rule}; placed in {country} where the article named it"
            out[i] = replace(m, actor=replace(a, country=country, rule=rule))
    return out


def _means(tree: Tree, noun: int) -> bool:
    """The noun is what its clause's verb was done by: its subject ("US airstrikes killed
    ten"), or an attack in its "by"/"in"/"during" phrase ("were killed in a drone strike")."""
    tok = tree.tokens[noun]
    if tok.dep in SUBJECT_DEPS:
        return True
    if tok.dep != "pobj" or tok.lemma not in FORCE_NOUNS or tok.head == noun:
        return False
    prep = tree.tokens[tok.head]
    return prep.dep == "agent" or (prep.dep == "prep" and prep.lemma in ("in", "during"))


def _purpose_of(tree: Tree, v: int) -> int | None:
    """The verb a "to" clause of purpose belongs to ("staged a protest to denounce ..."), or
    None."""
    tok = tree.tokens[v]
    if tok.dep != "advcl" or tok.head == v:
        return None
    if not any(tree.tokens[c].lemma == "to" for c in tree.children(v, "aux")):
        return None
    return tok.head


def _verb_read_as_noun(tree: Tree, i: int) -> bool:
    """A verb the tagger took for a noun after "to" with an object of its own ("is set to
    host talks": host/NOUN, xcomp, talks/dobj)."""
    tok = tree.tokens[i]
    return (
        tok.pos == "NOUN"
        and tok.dep == "xcomp"
        and any(tree.tokens[c].lemma == "to" for c in tree.children(i, "aux"))
        and bool(tree.children(i, "dobj"))
    )


def _trigger_matches(
    sentence: Sentence,
    tree: Tree,
    index: PatternIndex,
    by_head: dict[int, Mention],
    notes: list[str] | None,
) -> tuple[list[_Match], set[int]]:
    """The entry each verb, then each event noun, of the sentence matches (a noun under a verb
    only when that verb has no match of its own or orders the act), with the verbs matched; an
    act ordered replaces the match of the verb that orders it."""
    matches: list[_Match] = []
    verbs_with_events: set[int] = set()
    glued = tree.glued()  # tokens of hyphenated words ("one-sided", "cease-fire")
    words: frozenset[str] | None = None  # the sentence's words, for the first verb with entries
    for t in sentence.tokens:
        if not (t.pos == "VERB" or (t.pos == "NOUN" and _verb_read_as_noun(tree, t.i))):
            continue  # (a noun may be a verb the tagger misread: `_verb_read_as_noun`)
        if t.i in glued:
            # "one-sided" is not the verb "side"; "re-open" is the verb "reopen".
            lemma = _joined_lemma(tree, t.i) or ""
            candidates = index.verbs.get(lemma, []) if lemma else []
        else:
            candidates = verb_entries(t, index)
        if candidates:
            words = sentence_words(tree) if words is None else words
            m = _match_verb(t, tree, candidates, by_head) if may_match(candidates, words) else None
            if m is not None:
                matches.append(m)
                verbs_with_events.add(t.i)
            elif notes is not None:
                notes.append(f"{t.text!r} (verb {t.lemma}): no entry's required words are present")
    for t in sentence.tokens:
        if t.pos != "NOUN":
            continue
        lemma = t.lemma
        if t.i in glued:
            lemma = _joined_lemma(tree, t.i) or ""  # "a cease-fire" is the noun "ceasefire"
        if lemma in index.nouns:
            m = _match_noun(t, tree, index.nouns[lemma], by_head)
            ordered = m is not None and _ordered(tree, m)
            if m is not None and (m.passing or m.clause not in verbs_with_events or ordered):
                matches.append(m)
            elif notes is not None:
                why = (
                    "no verb that reports it (noun in passing) or no entry matches"
                    if m is None
                    else "its verb is coded already"
                )
                notes.append(f"{t.text!r} (noun {t.lemma}): {why}")
    # "ordered the release of 200 prisoners": the release, by the one who ordered it.
    orders = {m.clause for m in matches if _ordered(tree, m)}
    matches = [m for m in matches if m.trigger not in orders]
    return matches, verbs_with_events


def _events_for(
    m: _Match,
    sentence: Sentence,
    tree: Tree,
    by_head: dict[int, Mention],
    doc_id: str,
    input_id: str,
    date: str | None,
    why: list[str] | None = None,
    place: tuple[str, str] | None = None,
    named: Named | None = None,
) -> list[Event]:
    """The events of one match: the act it codes (``_act.py``), who did it to whom
    (``_source_side.py``, ``_sides.py``), one event per pair of actors (``_emit.py``). A step
    that finds no event says why in ``why`` (for explanations)."""
    why = why if why is not None else []
    try:
        mood, governor = _clause_mood(tree, m)
        _check_reported(tree, m, mood)
        act = _coded_act(tree, m, mood, governor, by_head)
        source_heads, sources, between = _sources(tree, m, act.code, governor, by_head)
        if not sources and (again := doer_again(tree, m.clause, sentence.index, named)):
            source_heads, sources = [again.head], [again]  # "X was also arrested"
        if not sources and (owner := owner_as_doer(tree, m, act.code, by_head)):
            source_heads, sources = [owner.head], [owner]  # "US sanctions were lifted"
        one_sided = _one_sided_doer(tree, m, act.code, source_heads, sources, by_head, place)
        if one_sided is not None and one_sided.source is None and act.code[:2] in OPERATION_ROOTS:
            # "300 militants were killed in the Turkish offensive": the operation's doer
            doer = operation_doer(tree, m.clause, by_head, named)
            one_sided = replace(one_sided, source=doer) if doer is not None else one_sided
        targets = _targets(tree, m, act.code, act.mood, one_sided, by_head)
        if not targets and one_sided is None:
            targets = act_doer_targets(tree, m, act.code, sources, by_head, named, sentence.index)
        targets = citizens(tree, m, act.code, sources, targets)
        sources, targets = _one_per_country(tree, m, sources, targets)
        act, targets = _sense(tree, m, act, sources, targets, by_head)
        mutual = _mutual(tree, m, sources)
        _check_quote_introducer(tree, m)
        targets = _required_targets(
            tree, m, act.code, sources, targets, one_sided, mutual, between, by_head
        )
        _check_someone_known(sources, targets, one_sided)
        pairs = _pairs(
            tree, m, act.code, source_heads, sources, targets, one_sided, mutual, between, by_head
        )
    except _NotCoded as stop:
        why.append(str(stop))
        return []
    return _emit(
        m, act, pairs, targets, one_sided, source_heads, sentence, tree, doc_id, input_id, date, why
    )


def _ordered(tree: Tree, m: _Match) -> bool:
    """True for an act named by the object of a verb of ordering ("ordered the release of
    prisoners", "authorised airstrikes on the town"): the act itself, by the one ordering."""
    return (
        m.pattern.nominal
        and not m.passing
        and m.clause != m.trigger
        and tree.tokens[m.clause].lemma in ORDERING_VERBS
        and m.pattern.code[:2] not in ("01", "02", "10")
    )


def _label(tree: Tree, m: _Match) -> str:
    """The trigger and the entry it matched, for explanations."""
    return (
        f"{tree.tokens[m.trigger].text!r} ({m.pattern.where} {m.pattern.code} '{m.pattern.text}')"
    )
