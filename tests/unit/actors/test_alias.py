"""Pronouns and bare title nouns resolved to the actor they stand for."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from kipu.actors import ActorOptions, Antecedent, resolve_actors
from kipu.nlp import parse
from kipu.records import Actor, Resolved, Sentence, Token
from tests.helpers import article, resolve

pytestmark = pytest.mark.model


def found(resolved: Resolved) -> list[tuple[int, str, Actor]]:
    out = []
    for sentence, mentions in zip(resolved.parsed.sentences, resolved.mentions, strict=True):
        for m in mentions:
            out.append((sentence.index, sentence.tokens[m.head].text, m.actor))
    return out


def test_pronoun_takes_the_last_person() -> None:
    mentions = found(resolve("Emmanuel Macron spoke in Paris. He said the deal was close."))
    he = [a for _, t, a in mentions if t == "He"]
    assert [a.code for a in he] == ["FRAGOV"]
    assert he[0].rule == "pronoun → Emmanuel Macron"


def test_pronoun_without_a_person_stays_unresolved() -> None:
    mentions = found(resolve("The storm hit the coast. She said nothing."))
    assert "She" not in {t for _, t, _ in mentions}


def test_pronoun_is_a_mention_at_its_own_token() -> None:
    resolved = resolve("Emmanuel Macron spoke in Paris. He said the deal was close.")
    (m,) = [m for m in resolved.mentions[1] if m.actor.rule.startswith("pronoun")]
    token = resolved.parsed.sentences[1].tokens[m.head]
    assert token.pos == "PRON" and (m.start, m.end) == (m.head, m.head + 1)


def test_the_minister_is_the_last_minister_named() -> None:
    text = (
        "Brazilian Foreign Minister Ana Souza met Chilean officials. "
        "The minister said trade would grow."
    )
    mentions = found(resolve(text))
    minister = [a for i, t, a in mentions if i == 1 and t == "minister"]
    assert [a.code for a in minister] == ["BRAGOV"]
    assert "title noun 'minister'" in minister[0].rule


def test_the_ministry_is_the_last_ministry_named() -> None:
    text = "The Chilean Interior Ministry announced new rules. The ministry gave no date."
    mentions = found(resolve(text))
    assert [a.code for i, t, a in mentions if i == 1 and t == "ministry"] == ["CHLGOV"]


def test_group_pronoun_takes_the_last_group() -> None:
    mentions = found(resolve("Kenyan police detained twelve students. They released them later."))
    assert [a.code for _, t, a in mentions if t == "They"] == ["KENCOP"]


class _Never:
    """An alias resolver that never finds an antecedent."""

    def antecedent(
        self,
        sentence: Sentence,
        alias: Token,
        title: str | None,
        earlier: Sequence[Antecedent],
    ) -> Antecedent | None:
        return None


def test_alias_resolver_can_be_replaced() -> None:
    parsed = next(parse([article("Emmanuel Macron spoke in Paris. He said the deal was close.")]))
    resolved = resolve_actors(parsed, ActorOptions(alias_resolver=_Never()))
    assert not resolved.mentions[1]


def test_the_minister_skips_a_person_with_another_title() -> None:
    text = (
        "U.S. Defense Secretary Leon Panetta met Peru's defense minister Pedro Cateriano. "
        "He praised the minister."
    )
    mentions = found(resolve(text, "2012-10-07"))
    second = {t: a for i, t, a in mentions if i == 1}
    assert second["He"].code == "USAGOV"
    assert second["minister"].code == "PERGOV"
    assert second["minister"].rule == "title noun 'minister' → Pedro Cateriano"


def test_she_said_after_a_quote_is_the_speaker_quoted() -> None:
    text = (
        "Peru's foreign minister, Carlos Mendoza, spoke to reporters in Lima on Monday. "
        "“We will not accept a deal that divides the region.” "
        "“The talks are over for now,” he said."
    )
    mentions = found(resolve(text, "2024-03-14"))
    assert [a.code for i, t, a in mentions if i == 2 and t == "he"] == ["PERGOV"]


def test_the_speaker_quoted_is_the_main_subject_when_two_people_were_named() -> None:
    text = (
        "Brazilian Foreign Minister Ana Souza said Chile's trade minister Pablo Rojas had "
        "misled her. “We were promised a fair deal.” “It never came,” she said."
    )
    mentions = found(resolve(text))
    assert [a.code for i, t, a in mentions if i == 2 and t == "she"] == ["BRAGOV"]


def test_a_speaker_further_back_than_the_quote_is_not_guessed() -> None:
    text = (
        "Brazilian Foreign Minister Ana Souza spoke on Monday. Trade fell in March. "
        "Exports dropped. Prices rose. “It is over,” she said."
    )
    mentions = found(resolve(text))
    assert "she" not in {t for i, t, _ in mentions if i == 4}


def test_a_person_called_he_is_not_a_later_her() -> None:
    mentions = found(
        resolve("Emmanuel Macron met union leaders on Monday. He said he would not meet her again.")
    )
    assert "her" not in {t for _, t, _ in mentions}
