"""Whether an act is the article's news or its background: acts the text dates well before the
article ("in 2003", "decades ago", "during the Iran-Iraq war", "first captured Raqqa in early
2014" in a 2017 article) and habitual or ongoing states ("has long backed", "has been a backer
since 2011", "has fought a decades-long insurgency") are history, not events of the article.

Event data codes the acts of about the year before an article and the acts it announces; its
background is left out unless a user asks for it (``EventOptions(historical=True)``), when such
events are kept with ``historical=True`` and the rule saying why. Dates are read with the date
stage's reader (``kipu.enrich.dates``: one reader of temporal expressions for the whole
pipeline); which date belongs to which act is decided here, on the parse: a date on the act's
own clause, or on a clause that governs it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from kipu.actors import PAST_STATES
from kipu.enrich.dates import find_dates, parse_temporal
from kipu.events._nominal import FORCE_NOUNS
from kipu.events._tree import Tree
from kipu.records import Article, Event, Sentence

# The recent past an article reports: acts of about the year before its date are its news
# (the event-data convention; a dated act whose whole period ends before this is history).
RECENT_DAYS = 366
# Temporal words the date reader leaves vague that always point to the past beyond a year:
# "decades ago", "years ago", "in the 1990s".
ERA = re.compile(
    r"\b(?:(?:decades|centuries|generations|years)\s+ago|(?:19|20)\d0s|last\s+(?:decade|century))"
    r"\b",
    re.IGNORECASE,
)
# Durations a hyphen joins to a noun, naming a long state: "a decades-long insurgency", "a
# years-old conflict".
LONG_STATE = re.compile(r"^(?:decades?|years?|centur(?:y|ies)|generations?)$", re.IGNORECASE)
# Adverbs of a habit that is no act of a day: "women were always shot". ("Routinely beat up
# detainees" reports acts, as CAMEO's own examples code them.)
HABITUAL = frozenset({"always", "habitually", "often", "usually"})
# Numbers written out before "-year" ("six-year conflict").
NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty".split()
)
# Units of "for years", "for decades": an ongoing state, not an act of the day.
LONG_UNITS = frozenset({"year", "decade", "century", "generation"})
# Wars of the past named by their sides or their kind: "the Iran-Iraq war", "the cold war",
# "the second world war".
PAST_WAR_WORDS = frozenset({"cold", "world"})
# Roots of acts done to people whose simple-present passive tells a rule, not news.
HARM_ROOTS = frozenset({"17", "18", "19", "20"})
# Relations by which a clause shares the time of the clause it depends on ("captured the city,
# killing dozens"; "has been a backer since 2011, arming rebel groups").
SHARED_TIME_DEPS = frozenset({"xcomp", "advcl", "acl", "pcomp", "prep", "pobj", "dobj"})


@dataclass(frozen=True, slots=True)
class TimeScope:
    """The article's date and text, against which acts are placed."""

    published: date | None
    text: str

    def history(self, sentence: Sentence, event: Event, tree: Tree | None = None) -> str | None:
        """Why an event is history rather than news (None when it is news): the words that date
        it well before the article, or that make it a habitual or ongoing state. Announced and
        intended acts are news."""
        if event.modality != "actual":
            return None
        past = self._past_state(event)
        if past is not None:
            return past
        tree = tree or Tree(sentence)
        trigger = _trigger(sentence, event)
        path = _path(tree, trigger)
        state = _ongoing(tree, path, self.published)
        if state is not None:
            return state
        if event.root in HARM_ROOTS and _habitual_passive(tree, trigger):
            return "a habitual present ('journalists are killed for ...')"
        return self._dated(sentence, tree, trigger, path)

    def _past_state(self, event: Event) -> str | None:
        """An act of or on a state that had ended more than a year before the article ("The
        Soviet Union was accused of using chemical weapons in Afghanistan", in a 2018 text)."""
        if self.published is None:
            return None
        for side in (event.source, event.target):
            code = side.country if side is not None else None
            ended = PAST_STATES.get(code or "")
            if ended is not None and _long_before(ended, "day", self.published):
                return f"an actor of a state that ended on {ended} ({code})"
        return None

    def _dated(self, sentence: Sentence, tree: Tree, trigger: int, path: list[int]) -> str | None:
        """The date or era that places the act more than a year before the article."""
        on_path = set(path) | _own(tree, trigger) | _when(tree, trigger)
        for mention in find_dates(sentence, self.text):
            if mention.attach not in on_path:
                continue
            if ERA.search(mention.text):
                return f"dated {mention.text!r}"
            if self.published is None:
                continue
            when = parse_temporal(mention.text, self.published, forward=False)
            if when is not None and _long_before(when.date, when.precision, self.published):
                return f"dated {mention.text!r}"
        for node in path:
            tok = tree.tokens[node]
            if tok.dep == "relcl" and tree.tokens[tok.head].ent == "DATE" and self.published:
                # "the nadir of 2016, when Turkey shot down a Russian jet"
                words = tree.tokens[tok.head].text
                when = parse_temporal(words, self.published, forward=False)
                if when is not None and _long_before(when.date, when.precision, self.published):
                    return f"dated {words!r}"
        dated = _dated_attack(tree, trigger)
        if dated is not None and self.published is not None:
            when = parse_temporal(dated, self.published, forward=False)
            if when is not None and _long_before(when.date, when.precision, self.published):
                return f"dated {dated!r} (the attack it was done in)"
        war = _past_war(tree, path)
        if war:
            return f"during {war!r}"
        return self._dated_before(sentence, tree, path)

    def _dated_before(self, sentence: Sentence, tree: Tree, path: list[int]) -> str | None:
        """The old date of the clause an "and" clause continues ("He returned to the UK in
        November 2015 and police arrested him"): the second act follows the first."""
        top = tree.tokens[path[-1]]
        if top.head == top.i or self.published is None:
            return None
        marks = {tree.tokens[c].lemma for c in tree.children(top.i, "mark", "advmod")}
        timed = top.dep == "advcl" and marks & {"after", "before", "when", "as", "while"}
        if top.dep != "conj" and not timed:
            return None  # "left Syria in 2008 after friends were arrested": the same time
        if any(tree.tokens[c].lemma in ("but", "yet") for c in tree.kids[top.head]):
            return None
        if any(m.attach in _own(tree, top.i) for m in find_dates(sentence, self.text)):
            return None  # the "and" clause has a date of its own
        first = _own(tree, top.head)
        for mention in find_dates(sentence, self.text):
            if mention.attach not in first:
                continue
            when = parse_temporal(mention.text, self.published, forward=False)
            if when is not None and _long_before(when.date, when.precision, self.published):
                return f"dated {mention.text!r} (the clause it follows)"
        return None


def in_scope(
    scope: TimeScope,
    sentence: Sentence,
    events: list[Event],
    keep_history: bool,
    tree: Tree | None = None,
) -> tuple[list[Event], list[str]]:
    """The events of a sentence that are the article's news, and the history too (marked
    ``historical``, the rule saying why) when ``keep_history``; with a note for each history."""
    out: list[Event] = []
    notes: list[str] = []
    for event in events:
        history = scope.history(sentence, event, tree)
        if history is None:
            out.append(event)
            continue
        notes.append(f"{event.cameo} ({event.rule.split(' ', 1)[0]}): history, {history}")
        if keep_history:
            out.append(replace(event, historical=True, rule=f"{event.rule}; historical: {history}"))
    return out, notes


def time_scope(article: Article) -> TimeScope:
    """The time scope of an article: its publication date (None when it has no valid one)."""
    published = None
    if article.published:
        try:
            published = date.fromisoformat(article.published[:10])
        except ValueError:
            published = None
    return TimeScope(published, article.text)


def _trigger(sentence: Sentence, event: Event) -> int:
    """The token that licensed the event (the sentence's root when unknown)."""
    if event.trigger is not None:
        for tok in sentence.tokens:
            if tok.start <= event.trigger[0] < tok.end:
                return tok.i
    return next((t.i for t in sentence.tokens if t.head == t.i), 0)


def _path(tree: Tree, trigger: int) -> list[int]:
    """The trigger and the words above it whose time it shares: up through objects, phrases and
    dependent clauses to the first finite clause that has its own subject."""
    out = [trigger]
    node = trigger
    for _ in range(8):
        tok = tree.tokens[node]
        if tok.head == node or tok.dep not in SHARED_TIME_DEPS and tok.pos in ("VERB", "AUX"):
            break
        if tok.pos in ("VERB", "AUX") and tree.children(node, "nsubj", "nsubjpass"):
            break  # a clause with its own subject keeps its own time
        node = tok.head
        out.append(node)
    return out


def _dated_attack(tree: Tree, trigger: int) -> str | None:
    """The year written on the attack an act was done in or by ("was killed in a 2015
    airstrike"): a date on a noun dates the noun, and the act is the attack's."""
    for i in _own(tree, trigger):
        tok = tree.tokens[i]
        if tok.ent != "DATE" or tok.dep not in ("compound", "nummod", "amod") or tok.head == i:
            continue
        if tree.tokens[tok.head].lemma in FORCE_NOUNS:
            return tok.text
    return None


def _own(tree: Tree, trigger: int) -> set[int]:
    """The trigger's own words below it (its phrases, not its dependent clauses): "the
    invasion of Afghanistan in 1979" dates the invasion."""
    stop = frozenset({"advcl", "ccomp", "relcl", "xcomp", "conj", "parataxis", "acl", "csubj"})
    return set(tree.subtree(trigger, stop=stop))


def _habitual_passive(tree: Tree, v: int) -> bool:
    """True for a passive in the simple present ("journalists are killed for recording", "men
    are routinely abused"): what happens as a rule, not an act of the news ("are being
    killed" is going on; "were killed" happened)."""
    aux = [tree.tokens[c] for c in tree.children(v, "auxpass", "aux")]
    if not any(a.dep == "auxpass" and a.tag in ("VBZ", "VBP") for a in aux):
        return False
    return not any(a.lemma == "be" and a.tag == "VBG" for a in aux)


def _when(tree: Tree, trigger: int) -> set[int]:
    """The words of a "when" clause that dates the act ("the territory occupied by Isis when it
    swept through Iraq in 2014")."""
    out: set[int] = set()
    for c in tree.children(trigger, "advcl"):
        if any(
            tree.tokens[k].lemma in ("when", "while") for k in tree.children(c, "advmod", "mark")
        ):
            out.update(tree.subtree(c))
    return out


def _ongoing(tree: Tree, path: list[int], published: date | None) -> str | None:
    """The words that make the act a habitual or ongoing state: "has long backed", "has been a
    backer since 2011" (since a date more than a year back: "have displaced 300,000 since
    December" is news), "for years", "a decades-long insurgency". The act named inside such a
    phrase ("held since his arrest last October") is not the state."""
    for node in path:
        kids = [tree.tokens[c] for c in tree.kids[node] if c not in path]
        perfect = any(k.dep == "aux" and k.lemma == "have" for k in kids)
        if perfect and any(k.dep == "advmod" and k.lemma == "long" for k in kids):
            return "a habitual state ('long')"
        habit = [k for k in kids if k.dep == "advmod" and k.lemma in HABITUAL]
        if habit:
            return f"a habit ({habit[0].text!r})"
        if any(k.dep == "advmod" and _once(tree, k.i) for k in kids):
            return "once, long ago"
        for k in kids:
            # "have been killed since the conflict began in March 2011": a toll, not an act
            marks = tree.children(k.i, "mark")
            since = any(tree.tokens[c].lemma == "since" for c in marks)
            if k.dep == "advcl" and since and perfect and published is not None:
                old = _phrase_date(tree, k.i, published)
                if old is not None:
                    return f"an ongoing state (since {old!r})"
        for k in kids:
            if k.dep != "prep":
                continue
            objects = tree.children(k.i, "pobj")
            if k.lemma == "since" and perfect and objects and published is not None:
                since = _phrase_date(tree, objects[0], published)
                if since is not None:
                    return f"an ongoing state (since {since!r})"
            if k.lemma == "for" and any(_long_span(tree, o, perfect) for o in objects):
                return "an ongoing state ('for years')"
        for o in tree.children(node, "dobj", "obj"):
            if _long_modifier(tree, o):
                return "an ongoing state (a long one by its own words)"
    return None


def _once(tree: Tree, i: int) -> bool:
    """True for "once" meaning at some time long past ("were once arrested"), not "once again"
    or "once" as a conjunction."""
    tok = tree.tokens[i]
    if tok.lemma != "once":
        return False
    after = tree.tokens[i + 1].lemma if i + 1 < len(tree.tokens) else ""
    return after not in ("again", "more") and not tree.children(i, "advmod")


def _phrase_date(tree: Tree, head: int, published: date) -> str | None:
    """The words of a date inside a phrase when it lies more than a year back ("late 2011",
    "the failed 2016 coup"), else None."""
    words = [tree.tokens[i] for i in tree.subtree(head) if tree.tokens[i].ent == "DATE"]
    text = " ".join(t.text for t in words)
    if not text:
        return None
    when = parse_temporal(text, published, forward=False)
    if when is None or not _long_before(when.date, when.precision, published):
        return None
    return text


def _long_span(tree: Tree, noun: int, perfect: bool) -> bool:
    """True for a bare "years", "decades" ("for years"), or any span of years after a perfect
    ("has occupied for a decade"); not a counted span of a past act ("jailed for more than seven
    years": the length of one act)."""
    tok = tree.tokens[noun]
    if tok.lemma not in LONG_UNITS:
        return False
    counted = tree.children(noun, "nummod", "quantmod", "det", "amod")
    return perfect or (tok.tag == "NNS" and not counted)


def _long_modifier(tree: Tree, noun: int) -> bool:
    """True for "a decades-long insurgency", "a years-old conflict"."""
    tokens = tree.tokens
    for i in range(max(0, noun - 4), noun):
        glued = (
            i + 2 < len(tokens)
            and tokens[i + 1].text == "-"
            and tokens[i + 1].start == tokens[i].end
            and tokens[i + 2].start == tokens[i + 1].end
        )
        if glued and LONG_STATE.match(tokens[i].text) and tokens[i + 2].lemma in ("long", "old"):
            return True
        # "a brutal six-year conflict", "its seven-year war": a state lasting years
        counted = tokens[i].pos == "NUM" or tokens[i].lemma in NUMBER_WORDS
        if glued and counted and tokens[i + 2].lemma in ("year", "decade"):
            return True
    return False


def _past_war(tree: Tree, path: list[int]) -> str | None:
    """A past war the act is placed in: "during the Iran-Iraq war", "in the cold war"."""
    for node in path:
        for p in tree.children(node, "prep"):
            if tree.tokens[p].lemma not in ("during", "in"):
                continue
            for o in tree.children(p, "pobj"):
                if tree.tokens[o].lemma != "war":
                    continue
                words = [tree.tokens[c] for c in tree.children(o, "compound", "amod", "nmod")]
                sides = [w for w in words if w.pos == "PROPN" or w.ent in ("GPE", "NORP")]
                named_pair = any(tree.tokens[c].text == "-" for c in range(o - 3, o) if c >= 0)
                if any(w.lemma in PAST_WAR_WORDS for w in words) or (sides and named_pair):
                    start = min([o, *(j for w in words for j in tree.subtree(w.i))])
                    return " ".join(t.text for t in tree.tokens[start : o + 1])
    return None


def _long_before(iso: str, precision: str, published: date) -> bool:
    """True when the whole period a date names (a year date: to its 31 December) ends more than
    RECENT_DAYS before the article."""
    d = date.fromisoformat(iso)
    if precision == "year":
        end = date(d.year, 12, 31)
    elif precision == "month":
        end = date(d.year + (d.month == 12), d.month % 12 + 1, 1) - timedelta(days=1)
    else:
        end = d
    return end < published - timedelta(days=RECENT_DAYS)
