"""A verb whose entries all need a word its sentence lacks is known to match none before its
phrase is read (``may_match``): the shortcut never drops a match the full reading finds."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kipu.events._coder import _trigger_matches
from kipu.events._imported import verb_entries
from kipu.events._match import _match_verb, may_match, sentence_words
from kipu.events._patterns import load_patterns, parse_pattern
from kipu.events._tree import Tree
from tests.helpers import resolve
from tests.unit.events.test_tree_index import DECLARED

SENTENCES = [
    "Norway granted €45 million to Peru on Monday.",  # `grant money to +`
    "Kenya told Uganda to withdraw its troops.",  # `tell + xcomp`
    "Turkey agreed to hold talks with Greece next week.",
    "Russia denied that its troops had entered Ukraine.",
    "Israel declared a unilateral cease-fire in Gaza and re-opened the crossing.",
    "The army stepped up its patrols and pulled back from the border.",
    "Peru sent planes with food and medicine to Chile.",
    "Kenya urged Uganda to extradite the suspect, and Uganda refused.",
    "Chile accused Peru of violating the treaty and called for talks.",
    "The rebels, backed by Iran, attacked the town and killed ten soldiers.",
    "The minister said Spain would impose sanctions on Morocco over the dispute.",
]


def test_sentence_words_hold_lemmas_hyphenated_words_and_stand_ins() -> None:
    words = sentence_words(Tree(DECLARED))
    assert {t.lemma for t in DECLARED.tokens} <= words
    assert {"ceasefire", "reopen", "money", "xcomp", "that"} <= words
    assert "sanction" not in words


def test_an_entry_needing_a_missing_word_cannot_match() -> None:
    words = frozenset({"impose", "on", "sanction", "for"})
    bare = parse_pattern("020", "impose", "t:1")
    sanction = parse_pattern("163", "impose sanction on +", "t:2")
    embargo = parse_pattern("1631", "impose embargo on +", "t:3")
    any_object = parse_pattern("020", "impose for *", "t:4")
    named_object = parse_pattern("020", "impose for peace", "t:5")
    assert may_match([sanction], words) and may_match([embargo, bare], words)
    assert may_match([any_object], words)
    assert not may_match([embargo], words) and not may_match([named_object], words)
    assert not may_match([], words)
    assert may_match([replace(embargo, as_written=True)], words)  # forms, not lemmas


@pytest.mark.model
def test_shortcut_drops_no_match_of_the_full_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    index = load_patterns(())
    shortcut = 0
    for text in SENTENCES:
        resolved = resolve(text)
        for sentence, mentions in zip(resolved.parsed.sentences, resolved.mentions, strict=True):
            tree = Tree(sentence)
            by_head = {m.head: m for m in mentions}
            words = sentence_words(tree)
            for t in sentence.tokens:
                entries = verb_entries(t, index) if t.pos == "VERB" else []
                if entries and not may_match(entries, words):
                    shortcut += 1
                    assert _match_verb(t, tree, entries, by_head) is None, (text, t.text)
            fast = _trigger_matches(sentence, Tree(sentence), index, by_head, None)
            with monkeypatch.context() as m:
                m.setattr("kipu.events._coder.may_match", lambda patterns, words: True)
                full = _trigger_matches(sentence, Tree(sentence), index, by_head, None)
            assert fast == full, text
    assert shortcut > 0  # the shortcut was taken
