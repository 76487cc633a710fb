"""spaCy's rule lemmatizer run over a Doc's arrays, each word form lemmatized once.

spaCy's ``Lemmatizer.__call__`` makes a ``Token`` object of every word and calls
``rule_lemmatize`` on it, which looks the word up in its cache by (word, part of speech,
morphology), but stores there only the words it lemmatized by its rules: a word already in its
base form (most nouns, verbs and adjectives of news text), a proper noun or a word whose part of
speech has no rules is worked out again at each reading. The English lemmatizer's answer depends
on nothing but those three values (``EnglishLemmatizer.is_base_form`` reads the part of speech and
the morphology), so :func:`lemmatize` reads them from the Doc's arrays, looks each in the same
cache, asks ``lemmatize`` only for a word it has not seen, and keeps every answer there. The lemmas
are spaCy's, word for word (``tests/unit/nlp/test_lemmas.py`` compares them). The cache is
emptied when it holds ``LIMIT`` words (a long run meets new names without end).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Words (word, part of speech, morphology) the lemmatizer's cache holds at most; then emptied
# (about 31 MB at the limit: 200,000 random keys with their lemmas took 62 MB).
LIMIT = 100_000


def lemmatize(lemmatizer: Any, doc: Doc) -> Doc:
    """Set each word's lemma as ``lemmatizer(doc)`` does; a lemmatizer other than spaCy's own
    rule lemmatizer (another mode, another class, tables not yet checked) is run as it is."""
    if not _readable(lemmatizer) or not len(doc):
        return lemmatizer(doc)  # type: ignore[no-any-return]
    import numpy
    from spacy.attrs import LEMMA, MORPH, ORTH, POS

    cache = lemmatizer.cache
    if len(cache) > LIMIT:
        cache.clear()
    add = doc.vocab.strings.add
    overwrite = lemmatizer.overwrite
    rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
    lemmas: list[int] = []
    for i, (orth, pos, morph, lemma) in enumerate(rows):
        if overwrite or not lemma:
            key = (orth, pos, morph)
            forms = cache.get(key)
            if forms is None:
                forms = lemmatizer.lemmatize(doc[i])
                if pos:  # a word without a part of speech warns each time, as spaCy's
                    cache[key] = forms
            lemma = add(forms[0])
        lemmas.append(lemma)
    doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64"))
    return doc


def _readable(lemmatizer: Any) -> bool:
    """Whether the lemmatizer is spaCy's rule lemmatizer (or the English one), its tables
    checked: one whose answer depends only on the word, its part of speech and morphology."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.pipeline import Lemmatizer

    return (
        type(lemmatizer) in (Lemmatizer, EnglishLemmatizer)
        and lemmatizer.mode == "rule"
        and getattr(lemmatizer, "_validated", False)
        and isinstance(getattr(lemmatizer, "cache", None), dict)
    )
