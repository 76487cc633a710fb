"""Who speaks in a sentence, and which words are theirs.

A statement is coded by what its speakers say (``_speech.py``); this module finds them. In one
sentence (:func:`find_speech`): a verb of saying and its subject ("X said that ...", "“...,” X
said", "X described the move as ..."), "according to X", an attitude its subject holds ("X is
unhappy that ...", "agencies fear that ..."), and an attitude noun with its holder ("a rebuke by
X", "anger from X", "X's objections to"). Over an article (:func:`quote_speakers`): the speakers
of a quotation that runs on over sentences that do not name them.

A speech act that did not happen or is hypothetical ("did not say", "if they say") is none.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from kipu.events._mood import CONDITIONAL_MARKS, POSSIBLE_AUX, in_question, mood_of
from kipu.events._tree import OBJECT_DEPS, Tree
from kipu.events._unresolved import nationality_mention
from kipu.records import Mention, Resolved, Sentence

# Verbs of saying whose words are what a statement says.
SAYING_VERBS = frozenset(
    "say tell add state declare announce note stress emphasise emphasize insist argue claim "
    "allege write tweet post explain reply respond answer comment remark observe suggest "
    "contend maintain assert reiterate repeat acknowledge admit concede conclude predict "
    "complain describe call brand label dub term characterise characterize liken warn caution "
    "hint signal indicate proclaim lament protest".split()
)
# Verbs whose object and its "as" phrase or predicate are what is said: "described the move as
# provocative", "called the plan a sham", "branded them terrorists".
NAMING_VERBS = frozenset(
    "describe call brand label dub term characterise characterize liken denounce".split()
)
# Adjectives by which their subject states an attitude without a verb of saying: "Paris is
# unhappy that ...", "the government has been appalled at ...".
ATTITUDE_ADJECTIVES = frozenset(
    "unhappy displeased dismayed disappointed troubled frustrated angry furious upset appalled "
    "outraged concerned worried alarmed confident optimistic hopeful pessimistic sceptical "
    "skeptical grateful".split()
)
# Verbs of a feeling their subject voices about a clause ("agencies fear that ...").
FEELING_VERBS = frozenset({"fear", "worry", "hope", "regret", "doubt"})
# The parts of speech of the words that may voice something, but for "according (to)".
SPEECH_POS = frozenset({"VERB", "ADJ", "NOUN"})
# Nouns of an attitude voiced by their holder ("a rebuke by Turkey's president", "anger from the
# regime", "Turkish objections to", "their angry protestations").
ATTITUDE_NOUNS = {
    "rebuke": "criticism",
    "criticism": "criticism",
    "condemnation": "criticism",
    "denunciation": "criticism",
    "censure": "criticism",
    "outrage": "criticism",
    "anger": "criticism",
    "fury": "criticism",
    "objection": "criticism",
    "protestation": "criticism",
    "complaint": "criticism",
    "accusation": "accusation",
    "allegation": "accusation",
    "praise": "praise",
    "tribute": "praise",
    "gratitude": "praise",
    "warning": "warning",
    "threat": "warning",
    "ultimatum": "demand",
    "demand": "demand",
    "proposal": "appeal",
    "appeal": "appeal",
    "plea": "appeal",
    "pledge": "intent",
    "promise": "intent",
    "assurance": "intent",
    "invitation": "meeting",
}
# Verbs whose object is an attitude someone drew from its holder: "drew a rebuke from".
DRAWING_VERBS = frozenset("draw prompt spark trigger provoke earn receive attract".split())
# Verbs by which their subject voices an attitude noun: "gave assurances", "issued a warning".
GIVING_VERBS = frozenset(
    "issue make give offer extend send deliver renew repeat reiterate lodge file".split()
)
# Verbs by which their subject gets what an attitude noun offers: "received an invitation".
RECEIVING_VERBS = frozenset({"receive", "accept", "get"})
# Verbs whose object is an attitude voiced: "expressed concern", "voiced their anger".
VOICING_VERBS = frozenset("express voice raise relay share convey air register".split())
# Verbs of warning: with no other word to code, a warning that names another actor is CAMEO's
# 130; one that names none ("warned of the risk of famine") is pessimism (012).
WARNING_VERBS = frozenset({"warn", "caution"})
# Prepositions whose object holds the attitude of an attitude noun ("anger from the regime").
HOLDER_PREPS = frozenset({"by", "from", "of"})
# Nouns whose "from"/"of" object is what they come from, not who voices them ("a threat from
# terrorist groups", "the promise of Isis"): their holder is a possessor, a nationality or "by".
OWNED_ONLY = frozenset({"threat", "warning", "pledge", "promise", "assurance"})
# Nouns of acts done to someone whose "of" object is the one they are about, not who voices
# them ("criticism of the Trump administration", "condemnation of the strikes").
OF_IS_TARGET = frozenset(
    {"criticism", "condemnation", "denunciation", "praise", "rejection", "rebuke", "censure"}
)
# Quotation marks that open, close, or do either.
OPENING = "“‘"
CLOSING = "”’"
EITHER = '"'
QUOTE_MARKS = re.compile(f"[{re.escape(OPENING + CLOSING + EITHER)}]")
# How many sentences a quotation may run before or after the one that names its speaker.
QUOTE_REACH = 4
# Share of a sentence's characters inside quotation marks for it to be all quotation.
QUOTED_SHARE = 0.8
# The actor a sentence has at a token (its mention there), or None.
MentionAt = Callable[[int], Mention | None]


@dataclass(frozen=True, slots=True)
class Said:
    """One act of speech in a sentence: who spoke, and which tokens are what they said."""

    speakers: tuple[Mention, ...]
    content: tuple[int, ...]  # token indices of the words said
    trigger: int | None  # the verb, adjective or noun of the speech act (None: a carried quote)
    via: str  # how it was found: "said", "according to", "quote carried on", "unhappy" ...

    @property
    def local(self) -> bool:
        """The speakers are mentions of this sentence (not carried from another one)."""
        return self.trigger is not None

    def is_speaker_head(self, i: int) -> bool:
        """Token ``i`` of this sentence is one of the speakers' heads."""
        return self.local and any(m.head == i for m in self.speakers)


@dataclass(frozen=True, slots=True)
class Quoted:
    """A sentence's quotations: the spans inside quotation marks (sentence-relative character
    offsets) and, for a sentence that is all quotation with no speaker of its own, the speakers
    of the quotation it carries on ("“…,” she said. “…”")."""

    spans: tuple[tuple[int, int], ...]
    carried: tuple[Mention, ...]


def find_speech(tree: Tree, mention_at: MentionAt) -> list[Said]:
    """Every act of speech in the sentence whose speaker is an actor (resolved or not)."""
    out: list[Said] = []
    for tok in tree.tokens:
        if tok.pos not in SPEECH_POS and tok.lemma != "accord":
            continue  # (most words: none of the tests below can hold)
        if tok.pos == "VERB" and tok.lemma in SAYING_VERBS:
            said = _saying(tree, tok.i, mention_at)
        elif tok.lemma == "accord" and tok.text.lower() == "according":
            said = _according_to(tree, tok.i, mention_at)
        elif tok.pos == "ADJ" and tok.lemma in ATTITUDE_ADJECTIVES and tok.dep == "acomp":
            said = _attitude(tree, tok.i, mention_at)
        elif (
            tok.pos == "VERB"
            and tok.text.lower() in ATTITUDE_ADJECTIVES
            and tree.children(tok.i, "nsubjpass")
        ):
            said = _attitude(tree, tok.i, mention_at)  # "has been appalled at", a passive
        elif tok.pos == "VERB" and tok.lemma in FEELING_VERBS and tree.children(tok.i, "nsubj"):
            said = _feeling(tree, tok.i, mention_at)
        elif tok.pos == "NOUN" and tok.lemma in ATTITUDE_NOUNS:
            said = _attitude_noun(tree, tok.i, mention_at)
        else:
            continue
        if said is not None:
            out.append(said)
    # "The minister said farmers were worried": the farmers' worry is what the minister said,
    # not a statement of theirs.
    reported = {i for s in out if s.via in SAYING_VERBS for i in s.content}
    return [s for s in out if s.via in SAYING_VERBS or s.trigger not in reported]


def _saying(tree: Tree, v: int, mention_at: MentionAt) -> Said | None:
    """ "X said (that) ...", "“...,” X said", "X described the move as provocative", "was
    described as alarming by X", "X warned of famine": the subject (or the "by" agent) of a verb
    of saying, and its reported clause, the clause it interrupts or what it names."""
    tok = tree.tokens[v]
    agents = [o for a in tree.children(v, "agent") for o in tree.children(a, "pobj")]
    passive = tree.children(v, "nsubjpass")
    if passive and not agents and tok.lemma in NAMING_VERBS:
        # "was described as “very alarming” by Peru's envoy": the parse may hang the "by" on
        # the words of the description
        agents = [
            o
            for a in tree.subtree(v, stop=frozenset({"ccomp", "relcl", "acl", "advcl"}))
            if tree.tokens[a].lemma == "by" and tree.tokens[a].dep in ("prep", "agent")
            for o in tree.children(a, "pobj")
        ]
    if passive and not agents:
        return None  # "it was said that": no one speaks
    heads = agents or _subject_heads(tree, v)
    speakers = _actors(tree, heads, mention_at)
    if not speakers:
        return None
    if _not_said(tree, v):
        return None
    content: set[int] = set()
    for c in tree.children(v, "ccomp", "parataxis", "xcomp", "oprd"):
        content.update(tree.subtree(c))
    if tok.lemma in WARNING_VERBS:
        # "warned of the risk of famine", "cautioned against an assault"
        for p in tree.children(v, "prep"):
            if tree.tokens[p].lemma in ("of", "about", "against"):
                content.update(tree.subtree(p))
    if tok.lemma in NAMING_VERBS or passive:
        # "described the move as provocative", "was described as alarming by X".
        for c in tree.children(v, *OBJECT_DEPS, "nsubjpass", "prep", "acomp", "attr"):
            if tree.tokens[c].dep != "prep" or tree.tokens[c].lemma in ("as", "of"):
                content.update(tree.subtree(c))
    if tok.dep in ("parataxis", "ccomp") and tok.head != v:
        # "“It is a sham,” the minister said": the quote is the clause the verb interrupts.
        mine = set(tree.subtree(v))
        content.update(i for i in tree.subtree(tok.head) if i not in mine)
    if not content:
        return None
    return Said(tuple(speakers), tuple(sorted(content)), v, tok.lemma)


def _according_to(tree: Tree, i: int, mention_at: MentionAt) -> Said | None:
    """ "according to X, ...": X, and the rest of the sentence."""
    objects = [o for p in tree.children(i, "prep") for o in tree.children(p, "pobj")]
    speakers = _actors(tree, objects, mention_at)
    if not speakers:
        return None
    mine = set(tree.subtree(i))
    content = tuple(t.i for t in tree.tokens if t.i not in mine)
    return Said(tuple(speakers), content, i, "according to")


def _attitude(tree: Tree, adj: int, mention_at: MentionAt) -> Said | None:
    """ "Paris is unhappy that ...", "the government has been appalled at ..."."""
    verb = adj if tree.tokens[adj].pos == "VERB" else tree.tokens[adj].head
    speakers = _actors(tree, tree.children(verb, "nsubj", "nsubjpass"), mention_at)
    if not speakers or _not_said(tree, verb):
        return None
    return Said(tuple(speakers), tuple(tree.subtree(adj)), adj, tree.tokens[adj].lemma)


def _feeling(tree: Tree, v: int, mention_at: MentionAt) -> Said | None:
    """ "Aid agencies fear that 700,000 people could be displaced", "Paris hopes the talks
    resume": a feeling its subject voices about what the clause says."""
    speakers = _actors(tree, tree.children(v, "nsubj"), mention_at)
    # a named holder: "diplomats hope" is the reporter's hedge as often as anyone's feeling
    speakers = [
        s for s in speakers if s.actor.country is not None or s.actor.code != s.actor.sector
    ]
    if not speakers or _not_said(tree, v):
        return None
    content = tuple(i for i in tree.subtree(v) if not any(s.head == i for s in speakers))
    return Said(tuple(speakers), content, v, tree.tokens[v].lemma)


def _attitude_noun(tree: Tree, n: int, mention_at: MentionAt) -> Said | None:
    """ "a rebuke by Turkey's president", "anger from the regime", "Turkish objections to"."""
    holders = [*tree.children(n, "poss")]
    noun = tree.tokens[n]
    # "drew a rebuke from X", "prompted angry objections by X": the holder on the verb.
    owners = [n, noun.head] if noun.dep in OBJECT_DEPS and noun.head != n else [n]
    holders += [
        o
        for h in owners
        for p in tree.children(h, "prep")
        if tree.tokens[p].lemma in _holder_preps(noun.lemma)
        and (h == n or tree.tokens[p].lemma != "of")
        for o in tree.children(p, "pobj")
    ]
    governor = tree.tokens[noun.head].lemma
    if noun.dep in OBJECT_DEPS and governor in VOICING_VERBS | GIVING_VERBS:
        holders += tree.children(noun.head, "nsubj")  # "Ankara gave assurances", "voiced anger"
    if noun.lemma in OF_IS_TARGET and noun.dep == "pobj" and tree.tokens[noun.head].lemma == "in":
        # "went further in criticism of the Trump administration": the verb's subject voices it
        holders += tree.children(tree.tokens[noun.head].head, "nsubj")
    if noun.lemma == "invitation" and noun.dep in OBJECT_DEPS:
        verb = tree.tokens[noun.head]
        if verb.lemma in RECEIVING_VERBS:
            # "received an invitation to visit Ankara": a meeting to come for the invitee
            holders += tree.children(verb.i, "nsubj")
    speakers = _actors(tree, holders, mention_at)
    # "the Bolivian demand", "Turkish objections": the state behind a nationality word.
    for c in tree.children(n, "amod", "compound"):
        found = mention_at(c)
        if found is None or found.actor.code is None:
            found = nationality_mention(tree, c) or found
        if found is not None and found not in speakers:
            speakers.append(found)
    if not speakers:
        return None
    if any(tree.tokens[c].lemma in ("no", "any") for c in tree.children(n, "det")):
        return None  # "no objection", "any criticism"
    if noun.dep in OBJECT_DEPS and governor not in VOICING_VERBS | DRAWING_VERBS | GIVING_VERBS:
        return None  # "Ghana rejected Nigeria's proposal": the act is the rejection
    speaker_heads = {s.head for s in speakers}
    words = tree.subtree(n) + _described_with(tree, n)
    content = tuple(sorted(i for i in set(words) if i not in speaker_heads))
    return Said(tuple(speakers), content, n, tree.tokens[n].lemma)


# Heads that count or gather what their "of" phrase names: a clause on them describes it ("a
# set of proposals that would strengthen the prime minister").
GATHERING_HEADS = frozenset({"set", "series", "package", "raft", "list", "number", "batch"})


def _described_with(tree: Tree, n: int) -> list[int]:
    """The clause the parser hung on the head that gathers the noun ("a set of proposals
    [that would ...]"): it says what the noun says."""
    tok = tree.tokens[n]
    if tok.dep != "pobj" or tree.tokens[tok.head].lemma != "of":
        return []
    head = tree.tokens[tok.head].head
    if tree.tokens[head].lemma not in GATHERING_HEADS:
        return []
    return [i for c in tree.children(head, "relcl", "acl") for i in tree.subtree(c)]


def _holder_preps(noun: str) -> frozenset[str]:
    """The prepositions whose object holds the attitude of ``noun`` ("anger from", "a threat
    by")."""
    if noun in OWNED_ONLY:
        return frozenset({"by"})
    return HOLDER_PREPS - {"of"} if noun in OF_IS_TARGET else HOLDER_PREPS


def _subject_heads(tree: Tree, v: int) -> list[int]:
    """The subject of a verb of saying, up through "saying"/"adding" clauses and conjoined
    verbs ("X voted not to attend, saying it was a sham")."""
    node = v
    for _ in range(4):
        subjects = tree.children(node, "nsubj")
        if subjects:
            return tree.conjuncts(subjects[0])
        tok = tree.tokens[node]
        if tok.dep not in ("advcl", "conj", "xcomp") or tok.head == node:
            return []
        node = tok.head
    return []


def _actors(tree: Tree, heads: Sequence[int], mention_at: MentionAt) -> list[Mention]:
    """The actors of phrase heads and their conjuncts; "both sides" (``Mention.also``) are
    each of its actors."""
    out: list[Mention] = []
    for h in heads:
        for c in tree.conjuncts(h):
            m = mention_at(c)
            if m is None:
                continue
            for one in (m, *(replace(m, actor=a, also=()) for a in m.also)):
                if one not in out:
                    out.append(one)
    return out


def _not_said(tree: Tree, v: int) -> bool:
    """True when the speech act itself did not happen or is hypothetical: "did not say", "will
    say", "could say", "if they say", "will use the UN to claim"."""
    mood = mood_of(tree, v, "01")
    if mood.skip or mood.negated or mood.modality != "actual":
        return True
    for c in tree.kids[v]:
        ct = tree.tokens[c]
        if ct.dep == "neg" or (
            ct.dep == "aux" and (ct.lemma in POSSIBLE_AUX or ct.lemma in ("will", "shall"))
        ):
            return True
        if ct.dep == "mark" and ct.lemma in CONDITIONAL_MARKS:
            return True
    return in_question(tree, v)


def quote_spans(sentence: Sentence, inside: bool) -> tuple[list[tuple[int, int]], bool]:
    """Character spans (sentence-relative) inside quotation marks, and whether the quotation is
    still open at the sentence's end. ``inside``: the sentence starts within a quotation."""
    spans: list[tuple[int, int]] = []
    start = 0 if inside else None
    for found in QUOTE_MARKS.finditer(sentence.text):  # (only the marks change the state)
        i, ch = found.start(), found.group()
        opening = ch in OPENING or (ch in EITHER and start is None)
        closing = ch in CLOSING or (ch in EITHER and start is not None)
        if ch == "’" and 0 < i < len(sentence.text) - 1 and sentence.text[i + 1].isalpha():
            continue  # an apostrophe ("Turkey’s", "don’t"), not a closing mark
        if opening and start is None:
            start = i
        elif closing and start is not None:
            spans.append((start, i + 1))
            start = None
    if start is not None:
        spans.append((start, len(sentence.text)))
    return spans, start is not None


def quote_speakers(
    resolved: Resolved,
    actor_at: Callable[[Tree, dict[int, Mention]], MentionAt],
    trees: Sequence[Tree] | None = None,
) -> list[Quoted]:
    """For each sentence of an article, its quotations and the speakers of a quotation that
    runs over from (or on to) the sentence that names them: journalists attribute a quotation
    of several sentences once, in its first or last sentence."""
    rows: list[tuple[tuple[tuple[int, int], ...], bool, bool, tuple[Mention, ...]]] = []
    inside = False
    sentences = resolved.parsed.sentences
    for n, (sentence, mentions) in enumerate(zip(sentences, resolved.mentions, strict=True)):
        tree = trees[n] if trees is not None else Tree(sentence)
        spans, still_open = quote_spans(sentence, inside)
        # (who speaks matters only where something is quoted)
        said = find_speech(tree, actor_at(tree, {m.head: m for m in mentions})) if spans else []
        quoted_chars = sum(b - a for a, b in spans)
        text_chars = len(sentence.text.strip()) or 1
        all_quote = quoted_chars / text_chars >= QUOTED_SHARE
        speakers: tuple[Mention, ...] = ()
        for s in said:
            if s.trigger is None or tree.tokens[s.trigger].pos != "VERB":
                continue
            offsets = [tree.tokens[i].start - sentence.start for i in s.content]
            if any(a <= o < b for o in offsets for a, b in spans):
                speakers = s.speakers
                break
        rows.append((tuple(spans), all_quote and not said, still_open, speakers))
        inside = still_open
    out: list[Quoted] = []
    for n, (spans, quote_only, _, _) in enumerate(rows):
        carried: tuple[Mention, ...] = ()
        if quote_only:
            carried = _carried(rows, n)
        out.append(Quoted(spans, carried))
    return out


def _carried(
    rows: list[tuple[tuple[tuple[int, int], ...], bool, bool, tuple[Mention, ...]]], n: int
) -> tuple[Mention, ...]:
    """The speakers of the quotation sentence ``n`` belongs to: the nearest sentence before it
    (through quotation-only sentences) or after it (while the quotation stays open) that names
    them."""
    for k in range(n - 1, max(-1, n - 1 - QUOTE_REACH), -1):
        spans, quote_only, _, speakers = rows[k]
        if speakers:
            return speakers
        if not quote_only:
            break
    for k in range(n, min(len(rows) - 1, n + QUOTE_REACH)):
        _, _, still_open, _ = rows[k]
        nxt_spans, nxt_quote_only, _, nxt_speakers = rows[k + 1]
        if not still_open:
            break
        if nxt_speakers:
            return nxt_speakers
        if not nxt_quote_only:
            break
    return ()
