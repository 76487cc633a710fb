"""spaCy's rule lemmatizer run over a Doc's arrays, each word form lemmatized once.

spaCy's ``Lemmatizer.__call__`` makes a ``Token`` object of every word and calls
``rule_lemmatize`` on it, which looks the word up in its cache by (word, part of speech,
morphology), but stores there only the words it lemmatized by its rules: a word already in its
base form (most nouns, verbs and adjectives of news text), a proper noun or a word whose part of
speech has no rules is worked out again at each reading. The English lemmatizer's answer depends
on nothing but those three values (``EnglishLemmatizer.is_base_form`` reads the part of speech and
the morphology), so :func:`lemmatize_all` reads them from the arrays of a batch of Docs, looks
each distinct one up once in the same cache, asks ``lemmatize`` only for a word it has not seen,
and keeps every answer there. The lemmas are spaCy's, word for word
(``tests/unit/nlp/test_lemmas.py`` compares them). The cache is emptied when it holds ``LIMIT``
words (a long run meets new names without end).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Words (word, part of speech, morphology) the lemmatizer's cache holds at most; then emptied
# (about 31 MB at the limit: 200,000 random keys with their lemmas took 62 MB).
LIMIT = 100_000


def lemmatize(lemmatizer: Any, doc: Doc) -> Doc:
    """Set each word's lemma as ``lemmatizer(doc)`` does (:func:`lemmatize_all`)."""
    return lemmatize_all(lemmatizer, [doc])[0]


def lemmatize_all(lemmatizer: Any, docs: list[Doc]) -> list[Doc]:
    """Set each word's lemma in each doc as ``lemmatizer(doc)`` does, every word of the docs
    read at once: each distinct (word, part of speech, morphology) looked up once. A
    lemmatizer other than spaCy's own rule lemmatizer (another mode, another class, tables not
    yet checked) is run as it is."""
    if not _readable(lemmatizer):
        return [lemmatizer(doc) for doc in docs]
    full = [doc for doc in docs if len(doc)]
    if not full:
        return docs
    import numpy
    from spacy.attrs import LEMMA, MORPH, ORTH, POS

    from kipu._distinct import distinct_rows, numbered

    cache = lemmatizer.cache
    if len(cache) > LIMIT:
        cache.clear()
    lengths = [len(doc) for doc in full]
    ends = numpy.cumsum(lengths)
    starts = ends - lengths
    rows = numpy.concatenate([doc.to_array([ORTH, POS, MORPH, LEMMA]) for doc in full])
    todo = numpy.arange(len(rows)) if lemmatizer.overwrite else numpy.flatnonzero(rows[:, 3] == 0)
    if len(todo):
        asked = rows[todo]
        first, which = distinct_rows([numbered(asked[:, k]) for k in range(3)])
        doc_of = numpy.searchsorted(ends, todo[first], side="right").tolist()
        add = full[0].vocab.strings.add
        lemmas: list[int] = []
        for (orth, pos, morph), d, i in zip(
            asked[first, :3].tolist(), doc_of, todo[first].tolist(), strict=True
        ):
            key = (orth, pos, morph)
            forms = cache.get(key)
            if forms is None:
                forms = lemmatizer.lemmatize(full[d][i - int(starts[d])])
                if pos:  # a word without a part of speech is not kept, as in spaCy's cache
                    cache[key] = forms
            lemmas.append(add(forms[0]))
        rows[todo, 3] = numpy.array(lemmas, dtype="uint64")[which]
    for doc, a, b in zip(full, starts.tolist(), ends.tolist(), strict=True):
        doc.from_array([LEMMA], numpy.ascontiguousarray(rows[a:b, 3]))
    return docs


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
