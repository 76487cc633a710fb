"""The parse indexes a Tree builds once per sentence (children by label, the tokens of
hyphenated words) answer as a plain scan over the sentence's tokens does (hand-built parses, no
model)."""

from __future__ import annotations

from kipu.events._match import _joined_lemma
from kipu.events._tree import Tree
from kipu.records import Sentence, Token

# (text, lemma, pos, dep, head, glued to the word before it)
Word = tuple[str, str, str, str, int, bool]


def sentence(words: list[Word]) -> Sentence:
    tokens: list[Token] = []
    offset = 0
    for i, (text, lemma, pos, dep, head, glued) in enumerate(words):
        start = offset if glued or i == 0 else offset + 1
        tokens.append(
            Token(
                i=i,
                text=text,
                lemma=lemma,
                pos=pos,
                tag="",
                dep=dep,
                head=head,
                ent="",
                ent_iob="",
                start=start,
                end=start + len(text),
            )
        )
        offset = start + len(text)
    return Sentence(
        index=0,
        start=0,
        end=offset,
        text=" ".join(t.text for t in tokens),
        tokens=tuple(tokens),
    )


# "Peru and Chile signed a one-sided deal with Bolivia on Monday ."
SIGNED = sentence(
    [
        ("Peru", "peru", "PROPN", "nsubj", 3, False),
        ("and", "and", "CCONJ", "cc", 0, False),
        ("Chile", "chile", "PROPN", "conj", 0, False),
        ("signed", "sign", "VERB", "ROOT", 3, False),
        ("a", "a", "DET", "det", 8, False),
        ("one", "one", "NUM", "amod", 7, False),
        ("-", "-", "PUNCT", "punct", 7, True),
        ("sided", "side", "VERB", "amod", 8, True),
        ("deal", "deal", "NOUN", "dobj", 3, False),
        ("with", "with", "ADP", "prep", 3, False),
        ("Bolivia", "bolivia", "PROPN", "pobj", 9, False),
        ("on", "on", "ADP", "prep", 3, False),
        ("Monday", "monday", "PROPN", "pobj", 11, False),
        (".", ".", "PUNCT", "punct", 3, True),
    ]
)
# "Israel declared a cease-fire - and a re-opened border ." (the lone "-" is spaced: no word)
DECLARED = sentence(
    [
        ("Israel", "israel", "PROPN", "nsubj", 1, False),
        ("declared", "declare", "VERB", "ROOT", 1, False),
        ("a", "a", "DET", "det", 5, False),
        ("cease", "cease", "NOUN", "compound", 5, False),
        ("-", "-", "PUNCT", "punct", 5, True),
        ("fire", "fire", "NOUN", "dobj", 1, True),
        ("-", "-", "PUNCT", "punct", 1, False),
        ("and", "and", "CCONJ", "cc", 5, False),
        ("a", "a", "DET", "det", 12, False),
        ("re", "re", "VERB", "amod", 12, False),
        ("-", "-", "PUNCT", "punct", 11, True),
        ("opened", "open", "VERB", "amod", 12, True),
        ("border", "border", "NOUN", "conj", 5, False),
        ("-", "-", "PUNCT", "punct", 12, False),
    ]
)
LABELS = ("nsubj", "conj", "cc", "dobj", "prep", "pobj", "punct", "amod", "det", "missing")


def scanned_children(s: Sentence, i: int, *deps: str) -> list[int]:
    return [t.i for t in s.tokens if t.head == i and t.i != i and (not deps or t.dep in deps)]


def scanned_glued(s: Sentence, i: int) -> bool:
    """A token glued by a hyphen to the word before or after it, read off the tokens."""
    t = s.tokens
    before = i >= 2 and t[i - 1].text == "-" and t[i - 1].start == t[i - 2].end
    before = before and t[i].start == t[i - 1].end
    after = i + 2 < len(t) and t[i + 1].text == "-" and t[i + 1].start == t[i].end
    return before or (after and t[i + 2].start == t[i + 1].end)


def test_children_and_children_by_label_are_the_scanned_ones() -> None:
    for s in (SIGNED, DECLARED):
        tree = Tree(s)
        for i in range(len(s.tokens)):
            assert tree.children(i) == scanned_children(s, i)
            assert list(tree.kids[i]) == scanned_children(s, i)
            for label in LABELS:
                assert tree.children(i, label) == scanned_children(s, i, label)
                assert list(tree.labelled(i).get(label, ())) == scanned_children(s, i, label)
            assert tree.children(i, "prep", "punct") == scanned_children(s, i, "prep", "punct")
            assert tree.labelled(i) is tree.labelled(i)  # made once


def test_children_lists_are_the_callers_own() -> None:
    tree = Tree(SIGNED)
    tree.children(3).append(99)
    tree.children(3, "prep").clear()
    assert tree.children(3, "prep") == [9, 11]
    assert 99 not in tree.children(3)


def test_hyphen_glued_tokens_are_the_scanned_ones() -> None:
    assert Tree(SIGNED).glued() == {5, 7}
    assert Tree(DECLARED).glued() == {3, 5, 9, 11}
    for s in (SIGNED, DECLARED):
        tree = Tree(s)
        for i in range(len(s.tokens)):
            assert (i in tree.glued()) == scanned_glued(s, i)


def test_hyphenated_word_is_read_as_one_at_its_last_part() -> None:
    tree = Tree(DECLARED)
    assert _joined_lemma(tree, 5) == "ceasefire"
    assert _joined_lemma(tree, 11) == "reopen"
    assert _joined_lemma(tree, 3) is None  # not the last part
    assert _joined_lemma(tree, 7) is None  # after a spaced dash
    assert _joined_lemma(Tree(SIGNED), 7) == "oneside"
    assert all(_joined_lemma(Tree(SIGNED), i) is None for i in (0, 3, 8, 10))
