"""The dictionary matchers' shortcuts (first-word tests, the head's window, one-word runs,
plain loops) give what trying every run the plain way gives, on hand-made token runs."""

from __future__ import annotations

from itertools import combinations

import pytest

from kipu.actors import load_dictionaries
from kipu.actors._dictionaries import ActorDictionaries, key
from kipu.actors._match import (
    _agent_in,
    _agent_spellings,
    _country_in,
    _glued,
    _of_complement,
    _org_in,
    _phrase,
    _pick_country,
    _spellings,
)
from kipu.actors._people import with_age
from kipu.records import Token

# (text, lemma, pos, dep, head, ent, written against the next token)
Row = tuple[str, str, str, str, int, str, bool]

SENTENCES: dict[str, list[Row]] = {
    "ministry": [
        ("The", "the", "DET", "det", 4, "", False),
        ("Kenyan", "kenyan", "ADJ", "amod", 4, "NORP", False),
        ("Vice", "vice", "PROPN", "compound", 3, "", True),
        ("-", "-", "PUNCT", "punct", 3, "", True),
        ("President", "president", "PROPN", "compound", 4, "", False),
        ("Ministry", "ministry", "PROPN", "nsubj", 5, "ORG", False),
        ("said", "say", "VERB", "ROOT", 5, "", False),
    ],
    "militia": [
        ("pro", "pro", "ADJ", "amod", 3, "", True),
        ("-", "-", "PUNCT", "punct", 3, "", True),
        ("Russian", "russian", "ADJ", "amod", 4, "NORP", False),
        ("riot", "riot", "NOUN", "compound", 4, "", False),
        ("police", "police", "NOUN", "nsubj", 7, "", False),
        ("and", "and", "CCONJ", "cc", 4, "", False),
        ("militiamen", "militiamen", "NOUN", "conj", 4, "", False),
        ("fled", "flee", "VERB", "ROOT", 7, "", False),
    ],
    "qaeda": [
        ("the", "the", "DET", "det", 3, "", False),
        ("al", "al", "PROPN", "compound", 3, "ORG", True),
        ("-", "-", "PUNCT", "punct", 3, "ORG", True),
        ("Qaeda", "qaeda", "PROPN", "nsubj", 4, "ORG", False),
        ("and", "and", "CCONJ", "cc", 3, "", False),
        ("who", "who", "PRON", "nsubj", 6, "", False),
        ("Nato", "nato", "PROPN", "conj", 3, "ORG", False),
        ("WHO", "who", "PROPN", "conj", 3, "ORG", False),
        ("state", "state", "NOUN", "compound", 9, "", True),
        ("-run", "-run", "VERB", "amod", 10, "", False),
        ("radio", "radio", "NOUN", "pobj", 3, "", False),
    ],
    "places": [
        ("Georgian", "georgian", "ADJ", "amod", 3, "NORP", False),
        ("and", "and", "CCONJ", "cc", 0, "", False),
        ("Bosnia", "bosnia", "PROPN", "compound", 3, "GPE", True),
        ("-", "-", "PUNCT", "punct", 3, "GPE", True),
        ("Herzegovina", "herzegovina", "PROPN", "compound", 6, "GPE", False),
        ("U.S.", "u.s.", "PROPN", "compound", 6, "GPE", False),
        ("Syrian", "syrian", "ADJ", "amod", 9, "NORP", True),
        ("-", "-", "PUNCT", "punct", 6, "", True),
        ("backed", "back", "VERB", "amod", 9, "", False),
        ("forces", "force", "NOUN", "ROOT", 9, "", False),
        ("Georgia", "georgia", "PROPN", "pobj", 9, "", False),
    ],
}


def tokens_of(rows: list[Row]) -> tuple[Token, ...]:
    out: list[Token] = []
    at = 0
    for i, (text, lemma, pos, dep, head, ent, glued) in enumerate(rows):
        out.append(
            Token(
                i=i,
                text=text,
                lemma=lemma,
                pos=pos,
                tag="NN",
                dep=dep,
                head=head,
                ent=ent,
                ent_iob="B" if ent else "",
                start=at,
                end=at + len(text),
            )
        )
        at += len(text) + (0 if glued else 1)
    return tuple(out)


def runs(n: int, longest: int = 5) -> list[list[int]]:
    """Every ordered run of up to ``longest`` distinct token indices, gaps and all."""
    return [list(c) for size in range(1, longest + 1) for c in combinations(range(n), size)]


def plain_glued(idx: list[int], tokens: tuple[Token, ...]) -> list[bool]:
    return [
        n > 0 and idx[n - 1] == i - 1 and tokens[i].start == tokens[i - 1].end
        for n, i in enumerate(idx)
    ]


def plain_agent_in(
    idx: list[int], tokens: tuple[Token, ...], d: ActorDictionaries, kind: str, head: int | None
) -> tuple[str, str, list[int]] | None:
    """Every run tried, longest first per start, the first longest kept."""
    lemmas = [key(tokens[i].lemma) for i in idx]
    texts = [key(tokens[i].text) for i in idx]
    glued = plain_glued(idx, tokens)
    best: tuple[str, str, list[int]] | None = None
    for start in range(len(idx)):
        for end in range(len(idx), start, -1):
            if end - start > d.max_agent_words or (head is not None and head not in idx[start:end]):
                continue
            for phrase in _agent_spellings(lemmas, texts, glued, start, end):
                entries = [e for e in d.agents.get(phrase, []) if e.kind == kind]
                if entries and (best is None or end - start > len(best[2])):
                    best = (entries[0].sector, phrase, idx[start:end])
    return best


def plain_spellings(words: list[str], glued: list[bool], i: int, n: int) -> tuple[str, ...]:
    spaced = " ".join(words[i : i + n])
    if not any(glued[i + 1 : i + n]):
        return (spaced,)
    written = words[i] + "".join(("" if glued[j] else " ") + words[j] for j in range(i + 1, i + n))
    return (spaced, written)


def plain_org_in(
    idx: list[int], tokens: tuple[Token, ...], d: ActorDictionaries
) -> tuple[str, list[int]] | None:
    """Every start tried for every length, longest first."""
    words = [key(tokens[i].text) for i in idx]
    glued = plain_glued(idx, tokens)
    for n in range(min(d.max_org_words, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            k = next((w for w in plain_spellings(words, glued, i, n) if w in d.orgs), None)
            if k is None:
                continue
            entry = d.orgs[k]
            written = " ".join(tokens[j].text for j in idx[i : i + n])
            spellings = d.org_spellings.get(k) or {entry.text}
            if entry.text.isupper() and len(entry.text) <= 5 and written not in spellings:
                continue
            return k, idx[i : i + n]
    return None


def plain_country_spans(idx: list[int], tokens: tuple[Token, ...], d: ActorDictionaries) -> list:
    """Longest-first country runs from every word on, as `_country_in` reads them."""
    words = [key(tokens[i].text) for i in idx]
    glued = plain_glued(idx, tokens)
    found = []
    free = 0
    for i in range(len(words)):
        if i < free:
            continue
        for n in range(min(d.max_country_words, len(words) - i), 0, -1):
            spelled = [
                d.countries[w] for w in plain_spellings(words, glued, i, n) if d.countries.get(w)
            ]
            if spelled:
                found.append((idx[i : i + n], spelled[0]))
                free = i + n
                break
    return found


@pytest.fixture(scope="module")
def d() -> ActorDictionaries:
    return load_dictionaries()


@pytest.mark.parametrize("name", sorted(SENTENCES))
def test_glued_and_spellings_match_the_plain_way(name: str) -> None:
    tokens = tokens_of(SENTENCES[name])
    for idx in runs(len(tokens)):
        glued = _glued(idx, tokens)
        assert glued == plain_glued(idx, tokens), idx
        words = [key(tokens[i].text) for i in idx]
        for i in range(len(idx)):
            for n in range(1, len(idx) - i + 1):
                assert _spellings(words, glued, i, n) == plain_spellings(words, glued, i, n)
    assert _glued([], tokens) == []


@pytest.mark.parametrize("name", sorted(SENTENCES))
@pytest.mark.parametrize("kind", ["noun", "title", "national"])
def test_agent_in_finds_what_every_run_finds(name: str, kind: str, d: ActorDictionaries) -> None:
    tokens = tokens_of(SENTENCES[name])
    for idx in runs(len(tokens)):
        for head in [None, *idx, len(tokens)]:  # (a head outside the run: nothing)
            got = _agent_in(idx, tokens, d, kind, head=head)
            assert got == plain_agent_in(idx, tokens, d, kind, head), (idx, head)


def test_agent_in_reads_hyphens_and_plurals(d: ActorDictionaries) -> None:
    ministry = tokens_of(SENTENCES["ministry"])
    assert _agent_in([2, 3, 4], ministry, d, "title", head=4) == (
        "GOV",
        "vice president",
        [2, 3, 4],
    )
    assert _agent_in([0, 1, 5], ministry, d, "noun", head=5) == ("GOV", "ministry", [5])
    militia = tokens_of(SENTENCES["militia"])
    assert _agent_in([3, 4], militia, d, "noun", head=4) == ("COP", "riot police", [3, 4])
    assert _agent_in([3, 4], militia, d, "noun", head=3) == ("COP", "riot police", [3, 4])
    assert _agent_in([6], militia, d, "noun", head=6) == ("UAF", "militiaman", [6])
    assert _agent_in([3, 4], militia, d, "noun", head=6) is None


@pytest.mark.parametrize("name", sorted(SENTENCES))
def test_org_in_finds_what_every_start_finds(name: str, d: ActorDictionaries) -> None:
    tokens = tokens_of(SENTENCES[name])
    for idx in runs(len(tokens)):
        assert _org_in(idx, tokens, d) == plain_org_in(idx, tokens, d), idx


def test_org_in_reads_written_names_and_acronyms(d: ActorDictionaries) -> None:
    tokens = tokens_of(SENTENCES["qaeda"])
    assert _org_in([0, 1, 2, 3], tokens, d) == ("al-qaeda", [1, 2, 3])
    assert _org_in([5], tokens, d) is None  # "who" is no WHO
    assert _org_in([6], tokens, d) == ("nato", [6])
    assert _org_in([7], tokens, d) == ("who", [7])
    assert _org_in([0, 4, 5], tokens, d) is None


@pytest.mark.parametrize("name", sorted(SENTENCES))
def test_country_in_finds_what_every_start_finds(name: str, d: ActorDictionaries) -> None:
    tokens = tokens_of(SENTENCES[name])
    for idx in runs(len(tokens)):
        got = _country_in(idx, tokens, d)
        spans = plain_country_spans(idx, tokens, d)
        if not spans:
            assert got is None, idx
        if got is not None:
            # the first run the stance, hand and pick tests keep
            span, entries = next((s, e) for s, e in spans if s == got[1])
            assert _pick_country(entries, [tokens[i] for i in span]) == got[0]


def test_country_in_reads_names_stances_and_hands(d: ActorDictionaries) -> None:
    places = tokens_of(SENTENCES["places"])
    found = _country_in([2, 3, 4], places, d)
    assert found is not None and (found[0].code, found[1]) == ("BIH", [2, 3, 4])
    found = _country_in([5, 9], places, d)
    assert found is not None and (found[0].code, found[1]) == ("USA", [5])
    assert _country_in([6, 7, 8, 9], places, d) is None  # "Syrian-backed forces"
    assert _country_in([10], places, d) is None  # an ambiguous name untagged
    found = _country_in([0, 9], places, d)
    assert found is not None and found[0].code == "GEO"  # the adjective as a modifier
    assert _country_in([1], places, d) is None
    militia = tokens_of(SENTENCES["militia"])
    assert _country_in([0, 1, 2, 3, 4], militia, d) is None  # "pro-Russian"


@pytest.mark.parametrize("name", sorted(SENTENCES))
def test_phrase_walks_left_modifiers(name: str) -> None:
    tokens = tokens_of(SENTENCES[name])
    kids: list[list[int]] = [[] for _ in tokens]
    for t in tokens:
        if t.head != t.i:
            kids[t.head].append(t.i)
    for h in range(len(tokens)):
        expected = {h}
        frontier = [h]
        while frontier:
            i = frontier.pop()
            for c in kids[i]:
                if c < h and tokens[c].dep in {
                    "compound",
                    "amod",
                    "nmod",
                    "poss",
                    "det",
                    "case",
                    "nummod",
                    "flat",
                }:
                    expected.add(c)
                    frontier.append(c)
        assert _phrase(h, tokens, kids) == sorted(expected)


def test_with_age() -> None:
    rows: list[Row] = [
        ("Joe", "joe", "PROPN", "compound", 1, "PERSON", False),
        ("Robinson", "robinson", "PROPN", "nsubj", 5, "PERSON", True),
        (",", ",", "PUNCT", "punct", 1, "", False),
        ("25", "25", "NUM", "appos", 1, "", True),
        (",", ",", "PUNCT", "punct", 1, "", False),
        ("left", "leave", "VERB", "ROOT", 5, "", False),
        ("in", "in", "ADP", "prep", 5, "", False),
        ("2019", "2019", "NUM", "pobj", 6, "DATE", False),
    ]
    tokens = tokens_of(rows)
    assert [with_age(t, tokens) for t in tokens] == [False, True, *[False] * 6]


def test_of_complement_is_the_of_phrase_right_after_the_head() -> None:
    rows: list[Row] = [
        ("the", "the", "DET", "det", 1, "", False),
        ("Ministry", "ministry", "PROPN", "nsubj", 6, "ORG", False),
        ("of", "of", "ADP", "prep", 1, "ORG", False),
        ("Foreign", "foreign", "PROPN", "compound", 4, "ORG", False),
        ("Affairs", "affairs", "PROPN", "pobj", 2, "ORG", False),
        ("of", "of", "ADP", "prep", 1, "", False),
        ("said", "say", "VERB", "ROOT", 6, "", False),
    ]
    tokens = tokens_of(rows)
    kids: list[list[int]] = [[] for _ in tokens]
    for t in tokens:
        if t.head != t.i:
            kids[t.head].append(t.i)
    assert _of_complement(1, tokens, kids) == [2, 3, 4]
    assert _of_complement(4, tokens, kids) == []  # "Affairs of" is no "of" of its own
    assert _of_complement(3, tokens, kids) == []
    kids[2] = []  # an "of" with no object
    assert _of_complement(1, tokens, kids) == []
