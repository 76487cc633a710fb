"""The records that flow between kipu's stages: the only shared types.

Data flows one way::

    sources ─Document─▶ extract ─Article─▶ nlp ─Parsed─▶ actors ─Resolved─▶ events ─Event─▶ store

Every record is a frozen, slotted dataclass of plain data (str, int, float, bool, None, tuples and
other records), so ``dataclasses.asdict`` gives JSON-ready dicts and records pickle cleanly for
worker processes. A document that a stage rightly drops is a :class:`Rejected`, never ``None``.
Field names follow the JSON contracts in ``docs/ARCHITECTURE.md``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

# Bump when a record's fields change on purpose (and say so in CHANGELOG.md).
SCHEMA_VERSION = 2

DocumentKind = Literal["html", "text"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """One raw input document, as read by a source: HTML or scraped plain text."""

    input_id: str  # what the input calls it: JSONL id, file path, WARC record id
    kind: DocumentKind
    content: str  # decoded text of the page or scraped text
    url: str | None = None
    published: str | None = None  # ISO date the input supplied (JSONL `date`, --date)
    title: str | None = None  # title the input supplied, if any
    origin: str | None = None  # the file (or "-") the document came from
    warnings: tuple[
        str, ...
    ] = ()  # reason codes for problems that did not stop it (e.g. "decoded_cp1252")
    crawled: str | None = None  # ISO date the page was fetched (WARC-Date); no date found after it
    # Lines (lower-cased, spaces collapsed) that the site repeats on other documents read with
    # this one: its furniture (filled by kipu.extract.shared_lines for scraped text).
    site_lines: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Rejected:
    """An item a stage could not or should not process, with a stable reason code."""

    item_id: str  # input_id (or file path) of what was rejected
    stage: str  # "sources", "extract", "nlp", ...
    reason: str  # stable code: "empty", "binary", "truncated_gzip", "bad_json", "no_text" ...
    detail: str = ""  # one human line: what was wrong and where

    def message(self) -> str:
        """The one-line message shown on stderr."""
        tail = f": {self.detail}" if self.detail else ""
        return f"{self.item_id}: {self.reason}{tail}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """The article found in a document: body text and metadata."""

    doc_id: str  # hash of the normalised body text: same text, same id
    input_id: str
    url: str | None
    title: str | None
    published: str | None  # ISO date "2012-10-07"; None when unknown, never a guess
    dateline: str | None  # "LIMA"
    byline: str | None
    language: str | None
    text: str  # body only; paragraphs separated by a blank line
    section: str | None = None  # the site's section ("World", "Business"), from the page's markup
    modified: str | None = None  # ISO date of the last update the page's markup gives
    # Photo captions found in and around the body, kept apart from `text` (never coded).
    captions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Token:
    """One token of a parsed sentence (plain data; spaCy objects never leave nlp.py)."""

    i: int  # index within the sentence
    text: str
    lemma: str  # lower-cased lemma
    pos: str  # universal POS
    tag: str  # fine-grained tag
    dep: str  # dependency label
    head: int  # index (within the sentence) of the syntactic head; the root points to itself
    ent: str  # entity label ("GPE", "PERSON", ...) or ""
    ent_iob: str  # "B", "I" or "" (outside)
    start: int  # character offset in the article text
    end: int  # half-open end offset


# Token's slots, in the order of its fields, set directly by new_token (a field added to Token
# and not here fails this unpacking at import).
(_I, _TEXT, _LEMMA, _POS, _TAG, _DEP, _HEAD, _ENT, _ENT_IOB, _START, _END) = (
    Token.__dict__[f.name].__set__ for f in fields(Token)
)


def new_token(
    i: int,
    text: str,
    lemma: str,
    pos: str,
    tag: str,
    dep: str,
    head: int,
    ent: str,
    ent_iob: str,
    start: int,
    end: int,
    /,
) -> Token:
    """A Token from its fields' values in order, equal to ``Token(i=i, text=text, ...)``.

    The parser makes a Token for every word (a quarter of a million for 250 news articles): a
    frozen dataclass's ``__init__`` sets each field through ``object.__setattr__`` by name, and
    took 2.5 times as long as setting its slots directly."""
    token = object.__new__(Token)
    _I(token, i)
    _TEXT(token, text)
    _LEMMA(token, lemma)
    _POS(token, pos)
    _TAG(token, tag)
    _DEP(token, dep)
    _HEAD(token, head)
    _ENT(token, ent)
    _ENT_IOB(token, ent_iob)
    _START(token, start)
    _END(token, end)
    return token


@dataclass(frozen=True, slots=True, kw_only=True)
class Sentence:
    """One parsed sentence: its tokens with their dependency parse."""

    index: int  # sentence number within the article
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Parsed:
    """An article and its parsed sentences."""

    article: Article
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    """A political actor: CAMEO code, country and sector, with the words that decided it."""

    text: str  # the mention as written ("U.S. Defense Secretary Leon Panetta")
    name: str | None  # the named entity, when there is one ("Leon Panetta")
    code: str | None  # CAMEO actor code: country + sector ("USAGOV") or an organisation code
    # ISO 3166-1 alpha-3 (CAMEO's codes where they differ), or None; on an event, the
    # pseudo-country IGO or NGO for an international organisation (see INTERNATIONAL)
    country: str | None
    sector: str | None  # CAMEO role code: GOV, MIL, COP, REB, CVL ... or None
    rule: str = (
        ""  # which dictionary entries or rules decided it ("title:defense secretary; country:U.S.")
    )


# Pseudo-countries of international organisations on events, in CAMEO's country position
# ("IGOUNO", "NGOHRIAMN"): kipu.actors.international_country.
INTERNATIONAL = frozenset({"IGO", "NGO"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """A span of a sentence resolved to an actor (token indices are within the sentence)."""

    head: int  # index of the head token
    start: int  # first token index of the mention
    end: int  # one past the last token index
    actor: Actor
    # The other actors a plural reference stands for ("the two sides": ``actor`` is the side
    # named first, ``also`` the other); empty for a mention of one actor.
    also: tuple[Actor, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Resolved:
    """A parsed article with its actor mentions, sentence by sentence."""

    parsed: Parsed
    mentions: tuple[tuple[Mention, ...], ...]  # one tuple per sentence, aligned with sentences


@dataclass(frozen=True, slots=True, kw_only=True)
class Quantity:
    """An amount the event is about: money, casualties, troops, arrests."""

    amount: float
    currency: str | None  # ISO 4217 for money ("USD"), else None
    unit: str | None  # "killed", "wounded", "troops", "arrested", "people" ... or None for money
    text: str  # as written ("$84 million")


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """Where an event happened."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    admin1: str | None = None  # first-level region (state, province) name or code
    feature: str | None = None  # gazetteer feature type: "city", "region", "country" ...
    precision: str | None = None  # "city", "region" or "country": how exact lat/lon are


@dataclass(frozen=True, slots=True, kw_only=True)
class Plover:
    """The PLOVER event type, mode and context mapped from the CAMEO code."""

    type: str | None
    mode: str | None
    context: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """One coded event: who did what to whom, when, where and how much, with its evidence."""

    event_id: str  # content hash: the same event from the same text is the same id
    doc_id: str
    input_id: str
    date: str | None  # ISO date of the event (publication date until the date stage refines it)
    source: Actor | None
    target: Actor | None
    cameo: str  # most specific CAMEO code the coder is sure of
    root: str  # its two-digit root
    quad_class: (
        int  # 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
    )
    goldstein: float
    plover: Plover
    negated: bool
    modality: str  # "actual", "intent", ...
    quantity: Quantity | None
    location: Place | None
    sentence: str
    sentence_index: int
    span: tuple[int, int]  # character offsets of the sentence in the article text
    rule: str  # the pattern entry or rule that produced the coding
    confidence: float
    trigger: tuple[int, int] | None = None  # character offsets of the word that licensed it
    date_precision: str | None = None  # "day", "month" or "year"; None when date is None
    # The text names only the side acted on ("was arrested", "two soldiers were killed"): the
    # source is null, or the state whose place the clause names ("jailed in Turkey").
    one_sided: bool = False
    # Dated well before the article ("in 2003", "during the Iran-Iraq war") or an ongoing state
    # ("has long backed"): coded only on request (``EventOptions(historical=True)``).
    historical: bool = False


@dataclass(slots=True, kw_only=True)
class RunReport:
    """What a run read, wrote and rejected, by stage and reason (the `runs/` report)."""

    run_id: str
    command: str
    kipu_version: str
    started: str
    finished: str | None = None
    inputs: list[str] = field(default_factory=list)
    n_inputs: int = 0
    n_inputs_skipped: int = 0  # already complete in the store's manifest
    n_documents: int = 0  # documents read
    n_articles: int = 0  # articles extracted
    n_new: int = 0  # documents stored for the first time
    n_duplicate: int = 0  # documents already stored (same doc_id)
    n_near_duplicate: int = 0  # documents close to one already stored (MinHash), kept with dup_of
    n_events: int = 0
    n_rejected: int = 0
    rejected: dict[str, int] = field(default_factory=dict)  # "stage:reason" -> count
    warnings: dict[str, int] = field(default_factory=dict)  # reason -> count
    events_by_root: dict[str, int] = field(default_factory=dict)
    dictionaries: list[str] = field(default_factory=list)

    def reject(self, rejected: Rejected) -> None:
        """Count one rejected item."""
        key = f"{rejected.stage}:{rejected.reason}"
        self.rejected[key] = self.rejected.get(key, 0) + 1
        self.n_rejected += 1

    def warn(self, reason: str) -> None:
        """Count one warning."""
        self.warnings[reason] = self.warnings.get(reason, 0) + 1


def to_dict(record: Any) -> dict[str, Any]:
    """A record as a JSON-ready dict (tuples become lists)."""
    return asdict(record)
