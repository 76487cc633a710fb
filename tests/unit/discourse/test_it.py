"""'It' as the subject of an act continues the state or body the sentence before was about."""

from __future__ import annotations

import pytest

from kipu.records import Actor
from tests.helpers import code, resolve

pytestmark = pytest.mark.model


def _its(text: str) -> list[Actor]:
    resolved = resolve(text)
    return [
        m.actor
        for sentence, mentions in zip(resolved.parsed.sentences, resolved.mentions, strict=True)
        for m in mentions
        if sentence.tokens[m.head].text.lower() == "it"
    ]


def test_it_continues_the_state_the_sentence_before_was_about() -> None:
    text = (
        "Kenya sent more troops to the Somali border on Monday. "
        "It has established control of a swath of southern Somalia."
    )
    (it,) = _its(text)
    assert it.country == "KEN"
    assert it.rule == "discourse:pronoun:It<-sentence 0 'Kenya'"
    assert any(e.source and e.source.country == "KEN" and e.root == "19" for e in code(text))


def test_it_continues_a_body_and_its_act_is_coded() -> None:
    text = "Kenya's foreign ministry summoned the envoy. It accused Kampala of arming the rebels."
    got = [(e.source.code if e.source else None, e.cameo) for e in code(text)]
    assert ("KENGOV", "112") in got


def test_it_after_a_thing_is_left_open() -> None:
    assert not _its("The Kenyan plan was shelved in March. It would have cost Uganda billions.")


def test_an_empty_it_is_no_actor() -> None:
    assert not _its("Kenya massed troops on the border. It is clear that Uganda attacked first.")


def test_it_after_a_plural_or_a_person_is_left_open() -> None:
    assert not _its("Kenyan rebels crossed the border. It has shelled the town.")
    assert not _its("President Ruto visited Kampala. It has shelled the town.")


def test_it_as_the_object_of_an_act_on_someone_is_the_one_body_named_before() -> None:
    text = "Peru's president stepped up his attacks on Chile, accusing it of hiding the truth."
    (it,) = _its(text)
    assert it.code == "CHL"
    assert it.rule.startswith("discourse:pronoun:it<-this sentence")
    # with no "to" clause or "of"/"against" phrase after it, "it" is as often a thing
    assert not _its("Peru signed a deal with Chile and ratified it on Monday.")
    # the subject of its own clause is not what it stands for
    assert not _its("Chile accused it of lying.")
