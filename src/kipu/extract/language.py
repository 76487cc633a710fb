"""The language of an article body, with py3langid (its model ships in the package: no network)."""

from __future__ import annotations

from functools import cache

from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

# The opening of the body is enough to tell the language and keeps the cost flat on long pages.
SAMPLE_CHARS = 2000
# Below this normalised probability the answer is a guess and the language stays unknown; 0.9
# keeps short English bodies (0.99 on one sentence) and drops menus and codes (0.02 on "Home |
# World").
MIN_PROBABILITY = 0.9


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_DIR / MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language ("en"), or None when it is not clear."""
    sample = text[:SAMPLE_CHARS]
    if not sample.strip():
        return None
    code, probability = _identifier().classify(sample)
    return str(code) if probability >= MIN_PROBABILITY else None
