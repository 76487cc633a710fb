"""Where an event happened: place mentions on the parse, resolved in the offline gazetteer.

A place is a GPE/LOC/FAC entity in a locative phrase ("in Lima", "near the Syrian border", "a
village outside Kandahar", "20 km north of Baghdad", "Kandahar province"). The event takes the
place attached to its predicate or its arguments, else one in its sentence, else one in its
paragraph, else the dateline. A name standing for a government outside a locative phrase
("Washington said") is an actor mention, never a place. Among entries of the same name the article's
countries win, then the larger population.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from kipu.enrich._gazetteer import Gazetteer, GazetteerEntry, fold, load_gazetteer
from kipu.records import Mention, Place, Resolved, Sentence, Token

# Entity labels that can name a place (spaCy's OntoNotes labels).
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Prepositions whose object is where something happens (written for kipu; "from" and "to" name
# origins and destinations, and "over" a topic as often as a place: left out on purpose).
LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "within"}
    | {"along", "off", "beyond", "nearby", "through", "above", "below", "beside"}
    | {"behind", "outside", "alongside", "throughout", "inside"}
)
# Prepositions that are locative only before a place noun ("on the outskirts of Kabul").
PLACE_NOUN_PREPS = frozenset({"on", "into", "onto"})
# Nouns through which "of" or a compound passes the place on ("outskirts of Kabul", "Kandahar
# province", "the Syrian border"): kipu's own list of common English place nouns.
PLACE_NOUNS = frozenset(
    {"outskirts", "outskirt", "city", "town", "village", "province", "region", "state", "district"}
    | {"coast", "border", "capital", "area", "suburb", "suburbs", "centre", "center", "county"}
    | {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
    | {
        "heart",
        "streets",
        "street",
        "port",
        "countryside",
        "frontier",
        "governorate",
        "neighbourhood",
    }
    | {"neighborhood", "part", "parts", "edge", "outpost", "camp", "base", "island", "islands"}
    | {"control"}  # "seized control of Goma"
)
# Words that end an entity but are not part of the place's name ("Kandahar province").
NAME_TAILS = ("province", "region", "state", "governorate", "district", "city", "county")
# Direction words that make "north of X" locative on their own.
DIRECTIONS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
)
# Nouns an adjective of nationality can make a place of ("the Syrian border", "Libyan coast").
ADJECTIVE_PLACE_NOUNS = frozenset({"border", "coast", "frontier", "territory", "capital", "soil"})
# Verbs whose direct object is where the event happens ("visited Kyiv", "captured Kabul").
PLACE_OBJECT_VERBS = frozenset(
    {"visit", "tour", "capture", "seize", "enter", "storm", "invade", "overrun", "besiege"}
    | {"raid", "bomb", "shell", "occupy", "recapture", "retake", "liberate", "reach"}
)
# Entity labels a proper noun in a locative phrase may wrongly carry and still be a place when
# the gazetteer knows it ("protested in Accra" tagged ORG by the small English model).
MISLABELS = frozenset({"", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "PERSON"})
# Actor rules (actors/_phrase.py) that mean the mention is a place name standing for a state.
PLACE_NAME_RULES = ("capital:", "country:")
# A country's capital (actors' countries.tsv) gets this much over other places of its name
# ("Islamabad" is Pakistan's, "Tripoli" Libya's unless the text is about Lebanon).
WEIGHT_CAPITAL = 1.0
# Score weights for disambiguation, in powers of ten of population (set by hand on the dev split
# of tests/eval/places.jsonl). Actors travel, places do not: a country named as a place in the
# text (or the country of an unambiguous place it names) weighs three times an actor's country.
WEIGHT_ACTOR_COUNTRY = 1.0  # times the country's share of the article's actor mentions
WEIGHT_NAMED_COUNTRY = 3.0
WEIGHT_DATELINE_COUNTRY = 1.0
WEIGHT_OWN_NAME = (
    1.0  # the name itself, not an alternate ("Islamabad" is also an old name of Chattogram)
)
# Sentences of the same paragraph, before the event's, whose place carries forward to it (the
# scene a story has set); later sentences and farther ones are not trusted.
PARAGRAPH_LOOKBACK = 2
# Paragraph break in Article.text (records.py: paragraphs separated by a blank line).
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# "LIMA", "KABUL, Afghanistan", "SPRINGFIELD, Ill. (AP)": the place is before the first comma.
DATELINE_TAIL = re.compile(r"\s*[(\u2014\u2013-].*$")


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in a sentence and the token its locative phrase hangs on."""

    sentence_index: int
    start: int  # token index of the first word
    end: int  # one past the last word
    attach: int  # token index the phrase modifies (a verb or a noun)
    text: str
    country_only: str | None = None  # "Syrian border": the country code, no name to look up


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """What disambiguation knows about an article: its countries and its dateline's country."""

    countries: frozenset[str]
    dateline_country: str | None
    dateline: Place | None
    named: frozenset[str] = frozenset()  # countries named as places (or an unambiguous place's)
    shares: dict[str, float] = field(default_factory=dict)  # country -> share of actor mentions


def entity_spans(sentence: Sentence, labels: frozenset[str]) -> list[tuple[int, int]]:
    """Token ranges of entities with these labels (one pass over the tokens)."""
    spans: list[tuple[int, int]] = []
    start = -1  # the open entity's first token, or -1
    label = ""
    for i, t in enumerate(sentence.tokens):
        if start >= 0 and (t.ent_iob != "I" or t.ent != label):
            spans.append((start, i))
            start = -1
        if start < 0 and t.ent_iob == "B" and t.ent in labels:
            start, label = i, t.ent
    if start >= 0:
        spans.append((start, len(sentence.tokens)))
    return spans


def _span_head(tokens: tuple[Token, ...], start: int, end: int) -> int:
    """The token of a span whose head lies outside it."""
    for i in range(start, end):
        if not start <= tokens[i].head < end or tokens[i].head == i:
            return i
    return end - 1


def _locative_attach(tokens: tuple[Token, ...], head: int) -> int | None:
    """The token a place phrase modifies, when the phrase is locative; else None."""
    i = head
    via_place_noun = False
    for _ in range(5):  # "the outskirts of the city of Homs": a few hops at most
        tok = tokens[i]
        if tok.dep in ("compound", "nmod", "amod") and tokens[tok.head].lemma in PLACE_NOUNS:
            i, via_place_noun = tok.head, True
            continue
        if tok.dep == "conj" and tok.head != i:
            i = tok.head
            continue
        if tok.dep == "dobj" and via_place_noun and tokens[tok.head].lemma in PLACE_OBJECT_VERBS:
            return tok.head  # "shelled the district of Homs"
        if tok.dep == "pobj" and tok.head != i:
            prep = tokens[tok.head]
            lemma = prep.lemma
            if lemma in LOCATIVE_PREPS or (via_place_noun and lemma in PLACE_NOUN_PREPS):
                return prep.head
            if lemma == "of" and prep.head != tok.head:
                noun = tokens[prep.head]
                if noun.lemma in DIRECTIONS and noun.dep in ("advmod", "npadvmod"):
                    return noun.head
                if noun.lemma in PLACE_NOUNS:
                    i, via_place_noun = prep.head, True
                    continue
            return None
        if tok.dep in ("advmod", "npadvmod") and tok.lemma in DIRECTIONS:
            return tok.head
        return None
    return None


def _is_place_slot(tokens: tuple[Token, ...], i: int) -> bool:
    """Whether a noun sits where a place goes: a locative phrase or the object of "visited"."""
    tok = tokens[i]
    if tok.dep == "dobj" and tokens[tok.head].lemma in PLACE_OBJECT_VERBS:
        return True
    return _locative_attach(tokens, i) is not None


def _known_place(gaz: Gazetteer, name: str) -> bool:
    """Whether the gazetteer knows a capitalised name (one letter or two is never enough)."""
    return len(name) > 2 and name[:1].isupper() and bool(gaz.lookup(name))


def _in_mentions(start: int, end: int, mentions: tuple[Mention, ...]) -> bool:
    """Whether a token range overlaps an actor mention other than a country or capital name."""
    return any(
        m.start < end and start < m.end and not m.actor.rule.startswith(PLACE_NAME_RULES)
        for m in mentions
    )


def find_places(
    sentence: Sentence, mentions: tuple[Mention, ...], text: str, gaz: Gazetteer
) -> list[PlaceMention]:
    """The place mentions of a sentence, in text order."""
    tokens = sentence.tokens
    found: list[PlaceMention] = []
    for start, end in entity_spans(sentence, PLACE_LABELS):
        head = _span_head(tokens, start, end)
        attach = _locative_attach(tokens, head)
        if attach is None and _is_place_slot(tokens, head):
            attach = tokens[head].head
        if attach is None:
            continue  # "Washington said", "Peru's army": an actor or a modifier, not a place
        while start < end and tokens[start].lemma == "the":
            start += 1
        if start == end:
            continue
        name = text[tokens[start].start : tokens[end - 1].end]
        found.append(PlaceMention(sentence.index, start, end, attach, name))
    taken = {i for p in found for i in range(p.start, p.end)}
    for i, tok in enumerate(tokens):
        if i in taken or tok.ent not in MISLABELS | PLACE_LABELS:
            continue
        if tok.pos != "PROPN" and not (tok.pos == "NOUN" and i > 0 and tok.text[:1].isupper()):
            continue  # "Homs" is sometimes parsed as a plural common noun
        if tok.dep == "compound" or not _is_place_slot(tokens, i):
            continue
        start = i
        while (
            start > 0
            and start <= tokens[start - 1].head <= i
            and (tokens[start - 1].pos == "PROPN" or tokens[start - 1].text == "-")
        ):
            start -= 1
        if start in taken or _in_mentions(start, i + 1, mentions):
            continue
        name = text[tokens[start].start : tok.end]
        attach = _locative_attach(tokens, i)
        if attach is None:
            attach = tok.head  # the object of "visited", "captured"
        if tok.ent in PLACE_LABELS or _known_place(gaz, name):
            found.append(PlaceMention(sentence.index, start, i + 1, attach, name))
    for start, end in entity_spans(sentence, frozenset({"NORP"})):
        head = _span_head(tokens, start, end)
        tok = tokens[head]
        if (
            tok.dep not in ("amod", "compound")
            or tokens[tok.head].lemma not in ADJECTIVE_PLACE_NOUNS
        ):
            continue
        code = gaz.adjectives.get(fold(text[tokens[start].start : tokens[end - 1].end]))
        attach = _locative_attach(tokens, tok.head) if code else None
        if attach is None or code is None:
            continue
        name = text[tokens[start].start : tokens[end - 1].end]
        found.append(PlaceMention(sentence.index, start, end, attach, name, country_only=code))
    found.sort(key=lambda p: p.start)
    return found


def _score(entry: GazetteerEntry, key: str, context: ArticleContext, gaz: Gazetteer) -> float:
    """How likely this entry is the one meant."""
    score = math.log10(max(entry.population, 1000))
    if entry.country in context.named:
        score += WEIGHT_NAMED_COUNTRY
    else:
        score += WEIGHT_ACTOR_COUNTRY * context.shares.get(entry.country, 0.0)
    if entry.country == context.dateline_country:
        score += WEIGHT_DATELINE_COUNTRY
    if entry.key == key:
        score += WEIGHT_OWN_NAME
    if entry.feature == "city" and entry.country in gaz.capitals.get(key, ()):
        score += WEIGHT_CAPITAL
    return score + FEATURE_BONUS.get(entry.feature, 0.0)


# A country's own name is read as the country ("Mexico" is not Mexico City); a region (no
# population in the table, so scored as 1,000) counts as a city of a million.
FEATURE_BONUS = {"country": 10.0, "region": 3.0, "city": 0.0}


def to_place(entry: GazetteerEntry) -> Place:
    """A gazetteer entry as the event's Place."""
    return Place(
        name=entry.name,
        country=entry.country,
        lat=round(entry.lat, 4),
        lon=round(entry.lon, 4),
        admin1=entry.admin1,
        feature=entry.feature,
        precision=entry.feature,
    )


def unresolved(name: str) -> Place:
    """A place the text names but the gazetteer does not know (no country, no coordinates)."""
    return Place(name=name, country=None, lat=None, lon=None, feature=None, precision=None)


def resolve_place(name: str, context: ArticleContext, gaz: Gazetteer | None = None) -> Place | None:
    """The best gazetteer entry for a place name in this article, or None when unknown."""
    gaz = gaz or load_gazetteer()
    entries = gaz.lookup(name)
    words = name.split()
    if not entries and len(words) > 1 and words[-1].lower() in NAME_TAILS:
        name = " ".join(words[:-1])  # "Kandahar province": the province if known, else the city
        entries = gaz.lookup(name)
        if words[-1].lower() != "city":
            entries = [e for e in entries if e.feature == "region"] or entries
    if not entries:
        return None
    key = fold(name)
    best = max(entries, key=lambda e: _score(e, key, context, gaz))
    if best.feature == "region":  # "New York", "Granada": the city unless the text says state
        cities = [e for e in entries if e.feature == "city" and e.country == best.country]
        if cities:
            best = max(cities, key=lambda e: _score(e, key, context, gaz))
    return to_place(best)


def _place_of(mention: PlaceMention, context: ArticleContext, gaz: Gazetteer) -> Place:
    """A place mention resolved (or marked unresolved)."""
    if mention.country_only:
        entry = gaz.countries.get(mention.country_only)
        return to_place(entry) if entry else unresolved(mention.text)
    return resolve_place(mention.text, context, gaz) or unresolved(mention.text)


def article_context(
    resolved: Resolved,
    gaz: Gazetteer | None = None,
    places_by_sentence: tuple[tuple[PlaceMention, ...], ...] = (),
) -> ArticleContext:
    """The article's countries (actors and country names) and its dateline's place."""
    gaz = gaz or load_gazetteer()
    counts: Counter[str] = Counter()
    actors: Counter[str] = Counter()
    named: set[str] = set()
    text = resolved.parsed.article.text
    for k, sentence_mentions in enumerate(resolved.mentions):
        places = places_by_sentence[k] if places_by_sentence else ()
        for m in sentence_mentions:
            if m.actor.country and not any(p.start < m.end and m.start < p.end for p in places):
                actors[m.actor.country] += 1  # "gunmen in Tripoli" is a place, not evidence
    for sentence in resolved.parsed.sentences:
        for start, end in entity_spans(sentence, PLACE_LABELS):
            entries = gaz.lookup(text[sentence.tokens[start].start : sentence.tokens[end - 1].end])
            found = {e.country for e in entries if e.feature == "country"}
            if not found:
                found = {e.country for e in entries}
            if len(found) == 1:  # "Lebanon", "Alabama", "Managua": one country only
                counts.update(found)
                named.update(found)
    countries = frozenset(counts) | frozenset(actors)
    total = sum(actors.values())
    shares = {code: n / total for code, n in actors.items()} if total else {}
    dateline = resolved.parsed.article.dateline
    place = None
    if dateline:
        head, _, tail = DATELINE_TAIL.sub("", dateline).partition(",")
        hint = ArticleContext(countries, None, None, frozenset(named), shares)
        if tail.strip():  # "TRIPOLI, Lebanon": the tail names the country
            tail_place = resolve_place(tail.strip(), hint, gaz)
            if tail_place and tail_place.country:
                hint = ArticleContext(
                    countries | {tail_place.country},
                    None,
                    None,
                    frozenset(named | {tail_place.country}),
                    shares,
                )
        place = resolve_place(head.strip().title(), hint, gaz)
    return ArticleContext(
        countries, place.country if place else None, place, frozenset(named), shares
    )


def _paragraphs(text: str, sentences: tuple[Sentence, ...]) -> list[int]:
    """The paragraph number of each sentence."""
    breaks = [m.end() for m in PARAGRAPH_BREAK.finditer(text)]
    return [bisect.bisect_right(breaks, s.start) for s in sentences]


def _attached(mention: PlaceMention, sentence: Sentence, anchors: set[int]) -> bool:
    """Whether the phrase hangs on the predicate or an argument (directly or through nouns)."""
    tokens = sentence.tokens
    i = mention.attach
    for _ in range(6):
        if i in anchors:
            return True
        tok = tokens[i]
        if tok.pos in ("VERB", "AUX") or tok.head == i:
            return False
        i = tok.head
    return False


@dataclass(frozen=True, slots=True)
class PlaceIndex:
    """Every place mention of an article, by sentence, with the article's context."""

    by_sentence: tuple[tuple[PlaceMention, ...], ...]
    paragraph: tuple[int, ...]
    context: ArticleContext


def index_places(resolved: Resolved, gaz: Gazetteer | None = None) -> PlaceIndex:
    """Find the place mentions of every sentence once per article."""
    gaz = gaz or load_gazetteer()
    text = resolved.parsed.article.text
    sentences = resolved.parsed.sentences
    by_sentence = tuple(
        tuple(find_places(s, resolved.mentions[k] if k < len(resolved.mentions) else (), text, gaz))
        for k, s in enumerate(sentences)
    )
    context = article_context(resolved, gaz, by_sentence)
    return PlaceIndex(by_sentence, tuple(_paragraphs(text, sentences)), context)


def locate(
    index: PlaceIndex,
    sentence: Sentence,
    anchors: set[int],
    *,
    use_paragraph: bool = True,
    use_dateline: bool = True,
    gaz: Gazetteer | None = None,
) -> Place | None:
    """The place of an event whose predicate and arguments are the anchor tokens."""
    gaz = gaz or load_gazetteer()
    k = sentence.index
    own = index.by_sentence[k] if k < len(index.by_sentence) else ()
    attached = [m for m in own if _attached(m, sentence, anchors)]
    if attached:
        return _place_of(attached[0], index.context, gaz)
    if own:
        return _place_of(own[0], index.context, gaz)
    if use_paragraph and k < len(index.paragraph):
        para = index.paragraph[k]
        for j in range(k - 1, max(-1, k - 1 - PARAGRAPH_LOOKBACK), -1):
            if index.paragraph[j] != para:
                break
            if index.by_sentence[j]:
                return _place_of(index.by_sentence[j][0], index.context, gaz)
    if use_dateline:
        return index.context.dateline
    return None


# A name shared by places of other countries counts as one country's only when its most
# populous reading is this many times the next reading in another country ("Paris": France).
DOMINANT_POPULATION = 10
# Disambiguation with no article: population and the kind of place decide.
_NO_CONTEXT = ArticleContext(countries=frozenset(), dateline_country=None, dateline=None)


def country_of_place(
    name: str, gaz: Gazetteer | None = None, *, towns_only: bool = False
) -> str | None:
    """The country of a place name when the gazetteer's readings agree on it ("Afrin": SYR,
    "Paris": FRA); None for an unknown name or one read in several countries alike
    ("Springfield" of many states is USA; "Victoria" is no one's). With ``towns_only``, a
    country's own name gives None (it is a country word, not a place within one)."""
    gaz = gaz or load_gazetteer()
    if towns_only and (fold(name) in gaz.country_names or fold(name) in gaz.extra):
        return None
    entries = gaz.lookup(name)
    if entries:
        top = max(entries, key=lambda e: e.population)
        others = [e.population for e in entries if e.country != top.country]
        if others and top.population < DOMINANT_POPULATION * max(max(others), 1):
            return None
    place = resolve_place(name, _NO_CONTEXT, gaz)
    return place.country if place is not None else None
