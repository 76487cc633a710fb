"""Statements coded by what is said: criticism, accusation, praise, outlook, threats, appeals.

CAMEO codes a statement by its content, and real news reports most political acts as speech:
"“It is unacceptable,” the minister said" is criticism (111), "the spokesman said the strikes
were a war crime" an accusation (112), "she said she was confident the talks would succeed"
optimism (013). Attribution alone ("officials said the convoy arrived") is no event: the act
reported is coded by the coder with its own actors, and the speaker only vouches for it.

This module finds who speaks and which words are theirs in a sentence (:func:`find_speech`): a
verb of saying and its subject ("X said that ...", "“...,” X said", "X described the move as
..."), "according to X", an attitude its subject holds ("X is unhappy that ..."), an attitude
noun with its holder ("a rebuke by X", "anger from X", "X's objections to"), and a quotation
carried on from an earlier sentence (:func:`carry_quotes`). It then reads the words said against
``data/speech.tsv`` (:func:`classify`): the kind of speech act and the word that shows it, and
the actor it is about.

Written by hand: no library codes political speech acts, and the lexicon is kipu's data.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from kipu.events._mood import CONDITIONAL_MARKS, NEGATIONS, POSSIBLE_AUX, in_question, mood_of
from kipu.events._tree import OBJECT_DEPS, Tree
from kipu.events._unresolved import country_of_place, nationality_mention
from kipu.records import Actor, Mention, Resolved, Sentence

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
# Heads whose "as"/"to" object is a predicate: "described it as a sham", "amounts to a crime".
PREDICATING_HEADS = frozenset(
    "describe call brand label regard see view treat denounce dismiss amount tantamount "
    "equivalent akin tantamount characterise characterize consider liken compare".split()
)
# Nouns of something asked or offered: judged badly, they are rejected ("demands for the
# militias to leave are unrealistic" is CAMEO's rejection, 12, not criticism).
PROPOSAL_NOUNS = frozenset(
    "demand proposal offer request call ultimatum condition precondition suggestion".split()
)
# Verbs of judgement the speakers make in saying them ("we condemn", "I deplore").
SPEAKERS_OWN_JUDGEMENTS = frozenset(
    "condemn denounce criticise criticize deplore reject blame accuse".split()
)
# Charges that name whom they charge: the subject must be an actor.
CHARGES_ON_ACTORS = frozenset({("responsible", "for"), ("responsibility", "for")})
# Kinds that are the speakers' own act announced.
OWN_ACTS = frozenset({"intent", "refusal", "threat", "yield"})
# Nouns of acts a judgement may refer back to ("the decision", "this move").
ACT_NOUNS = frozenset(
    "decision move plan policy step action act announcement strike strikes attack operation "
    "offensive withdrawal deal agreement law ban measure order proposal choice approach "
    "intervention invasion campaign sanction sanctions response conduct behaviour behavior "
    "remark remarks comment comments statement claim claims rhetoric".split()
)
# Kinds that judge something: the thing judged must be an act, an actor or what was said.
JUDGEMENTS = frozenset({"criticism", "accusation", "praise", "appeal", "defence"})
# Nouns that are described rather than judged: "a dangerous situation", "a complex problem".
NOT_JUDGED = frozenset(
    "situation problem issue condition conditions time times place area region road journey "
    "life world weather period moment environment circumstance task job challenge".split()
)
# What someone said of someone: judged false, it is denied ("Moscow's accusation is ludicrous"
# is a denial, 016).
CLAIMS = frozenset("accusation allegation claim charge suggestion assertion".split())
# Words that stand for an unnamed thing: "what is necessary".
WH_WORDS = frozenset({"what", "whatever", "which", "who"})
# Verbs of saying that charge someone: "alleged that the court had been bribed".
ALLEGING_VERBS = frozenset({"allege"})
# Nouns of an armed operation: announced as going on or to come by a state, a threat of force.
OPERATION_NOUNS = frozenset(
    "operation offensive attack assault strike airstrike incursion campaign bombardment "
    "invasion".split()
)
# Verbs by which an operation starts or goes on ("the operation would continue").
OPERATION_VERBS = frozenset("start begin continue resume launch expand extend proceed".split())
# Modal words of an act to come or that may come.
COMING = frozenset({"will", "would", "shall", "'ll", "wo", "could", "may", "might", "can"})
# Verbs that name no act of the speakers' own when they say they will do them: states, thoughts,
# happenings ("it would be difficult", "it would take time", "we will see").
NOT_ACTS = frozenset(
    "be have seem become look feel think know believe expect hope want need see hear "
    "mean happen occur take make cost last depend matter tend appear sound wait try "
    "continue come go get like love say tell add do run report review study consider "
    "announce publish brief decide".split()
)
# Verbs of comment: saying one will not is declining to comment (011).
COMMENT_VERBS = frozenset("speculate comment elaborate confirm discuss disclose reveal".split())
# Verbs of saying: what they report is the speakers' own plan when its subject is the speakers.
PLANNING_VERBS = frozenset({"plan", "intend", "aim", "prepare", "decide", "resolve"})
# Roots of acts whose announcement is a threat (force, coercion, sanctions, protest) or an
# intent to cooperate.
FORCE_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})
COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
# Kinds that "according to X" can make: a judgement; attribution of facts is no statement.
ACCORDING_KINDS = frozenset({"criticism", "accusation", "praise", "rejection", "denial"})
# Verbs of warning: with no other word to code, a warning that names another actor is CAMEO's
# 130; one that names none ("warned of the risk of famine") is pessimism (012).
WARNING_VERBS = frozenset({"warn", "caution"})
# Prepositions whose object holds the attitude of an attitude noun ("anger from the regime").
HOLDER_PREPS = frozenset({"by", "from", "of"})
# Nouns whose "from"/"of" object is what they come from, not who voices them ("a threat from
# terrorist groups", "the promise of Isis"): their holder is a possessor, a nationality or "by".
OWNED_ONLY = frozenset({"threat", "warning", "pledge", "promise", "assurance"})


def _holder_preps(noun: str) -> frozenset[str]:
    return frozenset({"by"}) if noun in OWNED_ONLY else HOLDER_PREPS


# Prepositions whose object an attitude is about ("concern over", "angry at", "objections to").
ABOUT_PREPS = frozenset({"about", "over", "at", "with", "against", "to", "of", "on", "for", "by"})
# Pronouns that in reported speech stand for the speaker ("said he was worried").
SPEAKER_PRONOUNS = frozenset({"he", "she", "it", "they"})
# First-person pronouns inside a quotation: the speaker.
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
# Quotation marks that open, close, or do either.
OPENING = "“‘"
CLOSING = "”’"
EITHER = '"'

KIND_CODES = {
    "criticism": "111",
    "accusation": "112",
    "denial": "016",
    "praise": "051",
    "optimism": "013",
    "pessimism": "012",
    "threat": "138",
    "appeal": "020",
    "disapproval": "110",
    "warning": "130",
    "rejection": "120",
    "intent": "030",
    "refusal": "120",
    "no comment": "011",
    "demand": "100",
    "meeting": "036",
    "yield": "035",
    "defence": "052",
}
PRECEDENCE = (
    "threat",
    "rejection",
    "accusation",
    "criticism",
    "appeal",
    "disapproval",
    "pessimism",
    "praise",
    "optimism",
    "warning",
    "denial",
    "intent",
    "refusal",
    "no comment",
    "demand",
    "meeting",
    "yield",
    "defence",
)
# Kinds that are an attitude someone holds: coded only when the speakers hold it.
ATTITUDES = frozenset({"pessimism", "optimism", "disapproval"})
# Kinds that, negated, turn into criticism ("not credible", "not a very smart idea").
POSITIVE = frozenset({"praise", "optimism"})


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
class Verdict:
    """What a statement is: its kind and code, the word that shows it, and whom it is about."""

    kind: str
    code: str
    word: int  # token index of the word (first word of a phrase)
    phrase: str
    targets: tuple[Mention, ...]  # the actors it is about (may be empty)
    # With no target named: the token of an act the words refer back to ("this decision", "it
    # is unacceptable"), whose doer the coder may find in the sentences before; else None.
    refers_back: int | None = None


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The speech dictionary: phrases (tuples of lemmas) by kind."""

    by_first: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # first word → (phrase, kind)


@cache
def load_speech() -> Lexicon:
    """The bundled speech dictionary (``data/speech.tsv``)."""
    text = resources.files("kipu.events.data").joinpath("speech.tsv").read_text(encoding="utf-8")
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, phrase, *_ = line.split("\t")
        if kind not in KIND_CODES:
            raise ValueError(f"speech.tsv: unknown kind {kind!r}")
        words = tuple(phrase.lower().split())
        by_first.setdefault(words[0], []).append((words, kind))
    return Lexicon(by_first={k: tuple(v) for k, v in by_first.items()})


MentionAt = Callable[[int], Mention | None]
# The CAMEO roots the pattern dictionary gives a verb and the act nouns of its phrase.
ActRoots = Callable[[int], frozenset[str]]


def find_speech(tree: Tree, mention_at: MentionAt) -> list[Said]:
    """Every act of speech in the sentence whose speaker is an actor (resolved or not)."""
    out: list[Said] = []
    for tok in tree.tokens:
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
    content = tuple(i for i in tree.subtree(n) if i not in speaker_heads)
    return Said(tuple(speakers), content, n, tree.tokens[n].lemma)


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
        if ct.dep == "neg" or (ct.dep == "aux" and ct.lemma in POSSIBLE_AUX | {"will", "shall"}):
            return True
        if ct.dep == "mark" and ct.lemma in CONDITIONAL_MARKS:
            return True
    return in_question(tree, v)


def quote_spans(sentence: Sentence, inside: bool) -> tuple[list[tuple[int, int]], bool]:
    """Character spans (sentence-relative) inside quotation marks, and whether the quotation is
    still open at the sentence's end. ``inside``: the sentence starts within a quotation."""
    spans: list[tuple[int, int]] = []
    start = 0 if inside else None
    for i, ch in enumerate(sentence.text):
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


def classify(
    tree: Tree,
    said: Said,
    mention_at: MentionAt,
    act_roots: ActRoots | None = None,
    lexicon: Lexicon | None = None,
) -> Verdict | None:
    """The kind of speech act the words said make, or None when they make none."""
    lexicon = lexicon or load_speech()
    # Punctuation is skipped: "a “difficult conversation”" holds the phrase.
    content = tuple(i for i in said.content if tree.tokens[i].pos != "PUNCT")
    lemmas = [_word(tree, i) for i in content]
    found: dict[str, tuple[int, tuple[str, ...]]] = {}
    for n, lemma in enumerate(lemmas):
        for phrase, kind in lexicon.by_first.get(lemma, ()):
            if not _phrase_at(lemmas, n, phrase):
                continue
            i = content[n]
            if len(phrase) == 1 and not (_judging(tree, i) and _predicative(tree, i)):
                continue
            if len(phrase) == 1 and tree.tokens[i].pos == "VERB":
                if not _verb_judges(tree, i, kind, said, mention_at):
                    continue  # "a decision hailed by Moscow": Moscow's act, reported
            negated = _negated(tree, i) and "not" not in phrase
            if negated and kind in POSITIVE:
                kind = "criticism"
            elif negated and kind == "accusation" and _about_speaker(tree, i, said):
                kind = "denial"
            elif negated:
                continue
            if kind in ATTITUDES and not _held_by_speaker(tree, i, said, mention_at):
                continue  # "she said he was angered by ...": not the speaker's attitude
            if len(phrase) == 1 and kind in ATTITUDES and not _attitude_word(tree, i):
                continue  # "everyone concerned", "concerning the wives": no attitude voiced
            judged = _judged_noun(tree, i)
            if kind in JUDGEMENTS and judged is not None:
                if tree.tokens[judged].lemma in NOT_JUDGED:
                    continue  # "a dangerous situation", "a complex problem": described
                if _stands_for_speaker(tree, judged, said, mention_at):
                    continue  # "described herself as arrogant"
                if kind in ("criticism", "accusation") and tree.tokens[judged].lemma in CLAIMS:
                    kind = "denial"  # "Moscow's accusation is ludicrous": the charge denied
            if (
                kind == "rejection"
                and tree.tokens[i].pos == "VERB"
                and any(tree.tokens[o].lemma in CLAIMS for o in tree.children(i, *OBJECT_DEPS))
            ):
                kind = "denial"  # "rejecting an accusation by Russia"
            if phrase in CHARGES_ON_ACTORS and not _charged_actor(tree, i, said, mention_at):
                continue  # "the branch responsible for", "whoever is responsible"
            if kind == "appeal" and judged is not None and tree.tokens[judged].lemma in WH_WORDS:
                continue  # "will do what is necessary"
            if kind == "appeal" and len(phrase) == 1 and tree.children(i, "xcomp"):
                continue  # "it was essential to be clear-eyed": no one is asked
            if (
                kind == "appeal"
                and tree.tokens[i].pos == "ADJ"
                and any(tree.tokens[p].lemma in ("to", "for") for p in tree.children(i, "prep"))
            ):
                continue  # "troops vital to our interests", "crucial to its recovery"
            if kind == "optimism" and not _outlook_ahead(tree, i):
                continue  # "confident that he has spent time there": sure of a fact
            if kind == "threat" and tree.tokens[i].pos == "VERB" and not _to_come(tree, i):
                continue  # "the group was trying to wipe out its critics": no threat made
            if kind == "denial" and len(phrase) > 1 and not _about_speaker(tree, i, said):
                continue  # "they had nothing to do with it", of others
            if kind not in ("threat", "appeal") and _conditional(tree, i, said):
                continue  # "if the rebels govern the city, there are concerns"
            found.setdefault(kind, (i, phrase))
    if said.trigger is not None and (
        tree.tokens[said.trigger].pos in ("ADJ", "NOUN")
        or tree.tokens[said.trigger].text.lower() in ATTITUDE_ADJECTIVES
        or said.via in FEELING_VERBS
    ):
        # The attitude word itself ("unhappy", "a rebuke by", "Trump's warning"): its own kind.
        own = _own_kind(tree, said.trigger, lexicon)
        if own is not None:
            found[own] = (said.trigger, (tree.tokens[said.trigger].lemma,))
    if "criticism" in found:
        i, phrase = found["criticism"]
        judged = _judged_noun(tree, i)
        if judged is not None and tree.tokens[judged].lemma in PROPOSAL_NOUNS:
            # "demands for the militias to leave are unrealistic": the demand is rejected.
            del found["criticism"]
            found.setdefault("rejection", (i, phrase))
    force = _force_announced(tree, said, mention_at)
    if force is not None:
        found.setdefault("threat", force)
    if not found:
        own = _own_plan(tree, said, mention_at, act_roots or (lambda i: frozenset()))
        if own is not None:
            found[own[0]] = own[1]
    if not found and said.trigger is not None:
        lemma = tree.tokens[said.trigger].lemma
        if lemma in ALLEGING_VERBS and _names_other(tree, content, said, mention_at):
            found["accusation"] = (said.trigger, (lemma,))
        elif lemma in WARNING_VERBS:
            others = _names_other(tree, content, said, mention_at)
            found["warning" if others else "pessimism"] = (said.trigger, (lemma,))
    if said.via == "according to":
        found = {k: v for k, v in found.items() if k in ACCORDING_KINDS}
    if not found:
        return None
    order = {kind: n for n, kind in enumerate(PRECEDENCE)}
    roots = _roots(tree, said)
    # The word nearest the root of what is said decides ("is confident that X will be an
    # important contribution" is optimism); precedence breaks ties.
    kind = min(found, key=lambda k: (_depth(tree, found[k][0], roots), order[k]))
    i, phrase = found[kind]
    targets: list[Mention] = [] if kind == "denial" else _targets(tree, i, said, mention_at)
    if kind in OWN_ACTS:
        # the speakers' own plan: its target is another state, not their own forces ("its
        # troops will remain in Ecuador": Ecuador)
        countries = {sp.actor.country for sp in said.speakers if sp.actor.country}
        targets = [t for t in targets if t.actor.country not in countries]
        if not targets:
            targets = _place_targets(tree, i, countries)
    back = None if targets or kind not in JUDGEMENTS else _reference_to_act(tree, i, said)
    return Verdict(kind, KIND_CODES[kind], i, " ".join(phrase), tuple(targets), back)


def _reference_to_act(tree: Tree, i: int, said: Said) -> int | None:
    """The word by which a judgement refers back to an act told before: "it"/"this"/"that" as
    its subject ("“This is plainly ridiculous”"), or an act noun with a pointing determiner
    ("the decision was driven by populism", "this move is unacceptable")."""
    judged = _judged_noun(tree, i)
    if judged is None:
        t = tree.tokens[i]
        if t.pos == "VERB":  # "criticised the decision"
            objects = tree.children(i, *OBJECT_DEPS)
            judged = objects[0] if objects else None
    if judged is None:
        return None
    tok = tree.tokens[judged]
    if tok.pos == "PRON" and tok.lemma.lower() in ("it", "this", "that"):
        return judged if tok.lemma.lower() != "it" or not _extraposed(tree, judged) else None
    if tok.pos == "NOUN" and tok.lemma in ACT_NOUNS:
        dets = {tree.tokens[c].lemma.lower() for c in tree.children(judged, "det", "poss")}
        if dets & {"the", "this", "that", "these", "those", "its", "their", "his", "her"}:
            return judged
    return None


def _extraposed(tree: Tree, it: int) -> bool:
    """ "it is against international law to make someone stateless": an "it" that stands for
    the clause after it, not for something told before."""
    head = tree.tokens[it].head
    return bool(tree.children(head, "xcomp", "ccomp", "csubj")) or any(
        tree.tokens[c].dep in ("xcomp", "ccomp") for a in tree.kids[head] for c in tree.kids[a]
    )


def _names_other(tree: Tree, content: Sequence[int], said: Said, mention_at: MentionAt) -> bool:
    """What is said names an actor other than the speakers and their own country."""
    countries = {sp.actor.country for sp in said.speakers if sp.actor.country}

    def other(m: Mention | None) -> bool:
        if m is None or m.actor.code is None or _speaker(m, said):
            return False
        if m.actor.country is None:  # an organisation, not a bare sector ("the government")
            return m.actor.code != m.actor.sector
        return m.actor.country not in countries

    def place(i: int) -> bool:  # "its troops will remain in Ecuador"
        country = country_of_place(tree, i)
        return country is not None and country not in countries

    return any(other(mention_at(i)) or place(i) for i in content)


def _judged_noun(tree: Tree, i: int) -> int | None:
    """The noun a predicate word judges: the subject of its clause ("the demands are
    unrealistic"), or the noun it modifies ("an unrealistic demand")."""
    t = tree.tokens[i]
    if t.dep in ("amod", "compound") and tree.tokens[t.head].pos == "NOUN":
        return t.head
    node = i
    for _ in range(3):
        subjects = tree.children(node, "nsubj", "nsubjpass")
        if subjects:
            return subjects[0] if tree.tokens[subjects[0]].pos in ("NOUN", "PRON") else None
        tok = tree.tokens[node]
        if tok.head == node:
            return None
        node = tok.head
    return None


def _stands_for_speaker(tree: Tree, s: int, said: Said, mention_at: MentionAt) -> bool:
    """A subject that is the speakers: a pronoun for them, themselves, or their own country's
    forces or government ("the French president said French forces will remain")."""
    t = tree.tokens[s]
    if t.pos == "PRON":
        if t.lemma.lower() in FIRST_PERSON:
            return True
        if t.lemma.lower() not in SPEAKER_PRONOUNS or len(said.speakers) != 1:
            return False
        if not _pronoun_agrees(tree, t.lemma.lower(), said.speakers[0], said):
            return False  # "it would send a terrible signal", Hunt said: not Hunt
        if (
            said.local
            and tree.tokens[t.head].dep == "ccomp"
            and tree.tokens[t.head].head == (said.trigger)
        ):
            return True  # "officials stressed they are not planning to": they, the officials
        other = mention_at(s)
        return other is None or other.actor.code is None or _speaker(other, said)
    m = mention_at(s)
    if m is None:
        return False
    if _speaker(m, said):
        return True
    countries = {sp.actor.country for sp in said.speakers if sp.actor.country}
    return (
        m.actor.country is not None
        and m.actor.country in countries
        and m.actor.sector in ("GOV", "MIL", None)
    )


def _pronoun_agrees(tree: Tree, pronoun: str, speaker: Mention, said: Said) -> bool:
    """A third-person pronoun can stand for the speaker: "he"/"she" for a person, "it"/"they"
    for a body or a state; a speaker who is a pronoun only by that pronoun ("they told us he
    would ...": he is not they)."""
    text = speaker.actor.text.lower()
    if text in SPEAKER_PRONOUNS:
        return pronoun == text
    person = _is_person(tree, speaker, said)
    return pronoun in ("he", "she") if person else pronoun in ("it", "they")


def _is_person(tree: Tree, m: Mention, said: Said) -> bool:
    """A speaker that is one person (a name, a pronoun for one, a title)."""
    if not said.local:  # a speaker carried from another sentence: its own words only
        return m.actor.name is not None or m.actor.text.lower() in ("he", "she", "i")
    head = tree.tokens[m.head]
    return (
        m.actor.name is not None
        or head.ent == "PERSON"
        or head.lemma.lower() in ("he", "she", "i")
        or (head.pos == "NOUN" and head.tag == "NN" and m.actor.sector in ("GOV", "MIL", "LEG"))
    )


def _own_plan(
    tree: Tree, said: Said, mention_at: MentionAt, act_roots: ActRoots
) -> tuple[str, tuple[int, tuple[str, ...]]] | None:
    """ "Turkey said it would stall its offensive", "the groups said they will not attend":
    the speakers announce an act of their own (CAMEO 03x, intent; 12x, refusal, when they say
    they will not). Only for an act: not for states, thoughts or happenings ("it would be
    difficult"), and only when the speakers (or their own state's forces) are its subject."""
    content = set(said.content)
    for i in sorted(content):
        t = tree.tokens[i]
        if t.pos != "VERB" or t.lemma in NOT_ACTS or t.lemma in SAYING_VERBS:
            continue
        if t.dep not in ("ccomp", "conj", "xcomp") and t.head != i and t.head in content:
            continue  # only the clauses of what is said, not their modifiers
        marks = {tree.tokens[c].lemma for c in tree.kids[i] if tree.tokens[c].dep == "aux"}
        if "have" in marks:
            continue  # "would not have worn masks": what would have been, not a plan
        planned = t.dep == "xcomp" and tree.tokens[t.head].lemma in PLANNING_VERBS
        future = bool(marks & {"will", "would", "shall", "'ll", "wo"}) or planned
        if not future or marks & {"could", "may", "might", "can", "should", "must"}:
            continue
        node = tree.tokens[t.head].i if planned else i
        subjects = tree.children(node, "nsubj")  # a passive ("he won't be shot") is no plan
        if not subjects or not _stands_for_speaker(tree, subjects[0], said, mention_at):
            continue
        if _conditional(tree, i, said) or _under_negation(tree, node, said):
            continue  # "we have not said we will let them go"
        negated = any(tree.tokens[c].dep == "neg" for c in (*tree.kids[i], *tree.kids[node]))
        roots = act_roots(i)
        if negated and t.lemma in COMMENT_VERBS:
            return "no comment", (i, (t.lemma,))  # "would not speculate on"
        if negated:
            return "refusal", (i, (t.lemma,))
        if roots & FORCE_ROOTS:
            # "we will destroy all terror nests", "would retain a force in Syria to fight":
            # force announced is a threat (13x)
            return "threat", (i, (t.lemma,))
        cooperative = bool(roots & COOPERATIVE_ROOTS)
        if cooperative or _names_other(tree, tree.subtree(i), said, mention_at):
            return "intent", (i, (t.lemma,))
    return None


def _to_come(tree: Tree, v: int) -> bool:
    """A verb of an act to come: with a future or modal auxiliary, or under "vow", "threaten",
    "promise" ("vowed to crush")."""
    node = v
    for _ in range(3):
        if any(
            tree.tokens[c].dep == "aux" and tree.tokens[c].lemma in COMING for c in tree.kids[node]
        ):
            return True
        tok = tree.tokens[node]
        if tok.dep != "xcomp" or tok.head == node:
            return False
        if tree.tokens[tok.head].lemma in ("vow", "threaten", "promise", "pledge"):
            return True
        node = tok.head
    return False


def _under_negation(tree: Tree, i: int, said: Said) -> bool:
    """A verb governing ``i`` within what is said is negated ("have not said we will")."""
    content = set(said.content)
    node = tree.tokens[i].head
    for _ in range(6):
        if node not in content or tree.tokens[node].head == node and node == i:
            return False
        if any(tree.tokens[c].dep == "neg" for c in tree.kids[node]):
            return True
        if tree.tokens[node].head == node:
            return False
        node = tree.tokens[node].head
    return False


def _force_announced(
    tree: Tree, said: Said, mention_at: MentionAt
) -> tuple[int, tuple[str, ...]] | None:
    """ "said the operation would continue", "added that an offensive could start any moment":
    a state announcing its armed operation goes on or is coming threatens force (138)."""
    if not any(
        sp.actor.sector in ("GOV", "MIL", None) and sp.actor.country for sp in said.speakers
    ):
        return None
    content = set(said.content)
    for i in sorted(content):
        t = tree.tokens[i]
        if t.pos != "VERB" or t.lemma not in OPERATION_VERBS:
            continue
        marks = {tree.tokens[c].lemma for c in tree.kids[i] if tree.tokens[c].dep == "aux"}
        if not marks & COMING or any(tree.tokens[c].dep == "neg" for c in tree.kids[i]):
            continue
        nouns = tree.children(i, "nsubj", "nsubjpass", *OBJECT_DEPS)
        if any(tree.tokens[n].lemma in OPERATION_NOUNS for n in nouns):
            return i, (t.lemma,)
    return None


def _outlook_ahead(tree: Tree, i: int) -> bool:
    """An outlook is about what is to come: "confident that the talks will succeed", "hopeful",
    "confident of victory" — not "confident that he has spent time there"."""
    clauses = tree.children(i, "ccomp")
    if not clauses:
        return True
    for c in clauses:
        marks = {tree.tokens[a].lemma for a in tree.kids[c] if tree.tokens[a].dep == "aux"}
        if marks & COMING or tree.tokens[c].tag == "VB":
            return True
    return False


def _charged_actor(tree: Tree, i: int, said: Said, mention_at: MentionAt) -> bool:
    """ "X is responsible for Y" charges X when X is an actor other than the speakers and the
    clause asserts it (not "need to be responsible", not "the branch responsible")."""
    t = tree.tokens[i]
    if t.dep not in ("acomp", "attr") and not (t.dep == "conj" and t.head != i):
        return False
    verb = t.head
    if {tree.tokens[c].lemma for c in tree.kids[verb]} & {"need", "should", "must", "to"}:
        return False
    if tree.tokens[verb].dep == "xcomp":
        return False
    subjects = tree.children(verb, "nsubj")
    if not subjects or _stands_for_speaker(tree, subjects[0], said, mention_at):
        return False
    # an actor, or someone named the dictionaries do not place ("Kotey was responsible for")
    return _actor_of_phrase(tree, subjects[0], mention_at) is not None or (
        mention_at(subjects[0]) is not None
    )


def _verb_judges(tree: Tree, v: int, kind: str, said: Said, mention_at: MentionAt) -> bool:
    """A single verb of the lexicon counts as the speakers' judgement: an attitude of their own
    ("we fear", "I worry"), or a charge laid on another actor's act ("said Moscow had
    betrayed", "said the rebels had violated") — not an act of others reported ("a decision
    hailed by Moscow"), nor one in a relative clause ("anyone who criticised them")."""
    t = tree.tokens[v]
    if t.dep == "relcl":
        return False
    subjects = tree.children(v, "nsubj")
    if kind == "defence":  # "the strikes were justified": the act defended is the subject
        return bool(tree.children(v, "nsubjpass"))
    if kind in ATTITUDES or kind in ("praise", "rejection", "denial"):
        return bool(subjects) and _stands_for_speaker(tree, subjects[0], said, mention_at)
    if kind in ("criticism", "accusation"):
        if not subjects:
            return not tree.children(v, "nsubjpass")
        s = subjects[0]
        if _stands_for_speaker(tree, s, said, mention_at):
            return t.lemma in SPEAKERS_OWN_JUDGEMENTS  # "we condemn", "I criticise"
        found = _actor_of_phrase(tree, s, mention_at)
        return found is not None and found.actor.code is not None
    return True


def _done_by_other(tree: Tree, v: int, said: Said, mention_at: MentionAt) -> bool:
    """A verb of the words said whose subject or agent is an actor other than the speakers: an
    act reported ("said Moscow had hailed the decision"), coded on its own if at all."""
    doers = tree.children(v, "nsubj")
    doers += [o for a in tree.children(v, "agent") for o in tree.children(a, "pobj")]
    for d in doers:
        if _stands_for_speaker(tree, d, said, mention_at):
            continue
        m = mention_at(d)
        if m is not None:
            return True
    return False


def _held_by_speaker(tree: Tree, i: int, said: Said, mention_at: MentionAt) -> bool:
    """An attitude word (worried, angry, hopeful) counts when the speakers hold it: it has no
    subject of its own ("concerns", "expressed concern"), or its subject is the speakers, a
    first-person pronoun, or the pronoun that stands for them."""
    node = i
    for _ in range(3):
        subjects = tree.children(node, "nsubj", "nsubjpass")
        if subjects:
            s = subjects[0]
            t = tree.tokens[s]
            if t.lemma.lower() in FIRST_PERSON or said.is_speaker_head(s):
                return True
            if t.pos == "PRON" and t.lemma.lower() in SPEAKER_PRONOUNS and len(said.speakers) == 1:
                # "the minister said he was skeptical": he is the minister, unless the text
                # has placed him as someone else
                other = mention_at(s)
                return other is None or other.actor.code is None or _speaker(other, said)
            return said.trigger is not None and tree.tokens[said.trigger].pos != "VERB"
        tok = tree.tokens[node]
        if tok.dep not in ("acomp", "xcomp", "amod", "dobj", "attr", "conj") or tok.head == node:
            return True
        node = tok.head
    return True


def _conditional(tree: Tree, i: int, said: Said) -> bool:
    """The word's clause, or a clause governing it within what is said, is conditional."""
    content = set(said.content)
    node = i
    for _ in range(8):
        for c in tree.kids[node]:
            if tree.tokens[c].dep == "advcl" and any(
                tree.tokens[m].lemma in CONDITIONAL_MARKS for m in tree.children(c, "mark")
            ):
                return True
            if tree.tokens[c].dep == "mark" and tree.tokens[c].lemma in CONDITIONAL_MARKS:
                return True
        head = tree.tokens[node].head
        if head == node or head not in content:
            return False
        node = head
    return False


def _place_targets(tree: Tree, i: int, countries: set[str]) -> list[Mention]:
    """Another country a plan names as its place ("remain in Ecuador")."""
    for j in tree.subtree(i):
        code = country_of_place(tree, j)
        if code is not None and code not in countries:
            actor = Actor(
                text=tree.tokens[j].text,
                name=None,
                code=code,
                country=code,
                sector=None,
                rule=f"the country a plan names as its place: {tree.tokens[j].text!r}",
            )
            return [Mention(head=j, start=j, end=j + 1, actor=actor)]
    return []


def _phrase_at(lemmas: list[str], n: int, phrase: tuple[str, ...]) -> bool:
    """The phrase's words at position ``n``; ``*`` stands for any one word ("stab * in the
    back": "stabbed us in the back")."""
    if n + len(phrase) > len(lemmas):
        return False
    return all(w == "*" or w == lemmas[n + k] for k, w in enumerate(phrase))


def _roots(tree: Tree, said: Said) -> set[int]:
    """The tokens of what is said whose head is outside it (the clause roots)."""
    content = set(said.content)
    return {i for i in content if tree.tokens[i].head not in content or tree.tokens[i].head == i}


def _depth(tree: Tree, i: int, roots: set[int]) -> int:
    depth = 0
    node = i
    while node not in roots and depth < 20:
        if tree.tokens[node].head == node:
            break
        node = tree.tokens[node].head
        depth += 1
    return depth


def _predicative(tree: Tree, i: int) -> bool:
    """A single adjective or noun judges where it is said of something: as a predicate ("is
    unacceptable", "was a sham", "found them inexcusable"), the object of a naming or amounting
    word ("described as provocative", "amounts to a war crime"), an attitude voiced ("expressed
    concern"), or a modifier of such a word ("a blatant attack", "a dangerous departure")."""
    t = tree.tokens[i]
    if t.pos == "VERB":
        return True
    for _ in range(3):
        if t.dep in ("attr", "acomp", "oprd", "appos", "xcomp", "ccomp") or t.head == t.i:
            return True
        if t.dep == "conj":  # "provocative and unilateral": as its first conjunct is
            t = tree.tokens[t.head]
            continue
        head = tree.tokens[t.head]
        if t.dep in ("dobj", "obj") and head.lemma in VOICING_VERBS:
            return True  # "expressed concern"
        if (
            t.dep in ("pobj", "amod", "acomp")
            and head.lemma in ("as", "to")
            and head.head != head.i
        ):
            if tree.tokens[head.head].lemma in PREDICATING_HEADS:
                return True
        if t.dep == "nsubj" and t.pos == "NOUN" and head.lemma in ("mark", "be"):
            return head.lemma == "mark"  # "the talks were marked by anger"
        if t.dep not in ("amod", "compound", "advmod"):
            return False
        t = head
    return False


def _attitude_word(tree: Tree, i: int) -> bool:
    """A word of attitude voiced as one: a verb ("we fear", "I worry"), a predicate adjective
    ("we are concerned"), a noun voiced ("expressed concern", "our fear", "concerns that") —
    not a participle of a noun ("everyone concerned") or a preposition ("concerning")."""
    t = tree.tokens[i]
    if t.text.lower().endswith("ing") and t.pos in ("VERB", "ADP") and t.dep == "prep":
        return False
    if t.pos == "VERB":
        return bool(tree.children(i, "nsubj"))
    if t.pos == "ADJ":
        return t.dep in ("acomp", "attr", "oprd", "xcomp", "ccomp", "conj", "ROOT") or t.head == i
    if t.pos == "NOUN":
        return True
    return t.pos == "ADV"


def _own_kind(tree: Tree, i: int, lexicon: Lexicon) -> str | None:
    lemma = tree.tokens[i].lemma.lower()
    if lemma in ATTITUDE_NOUNS:
        return ATTITUDE_NOUNS[lemma]
    for phrase, kind in lexicon.by_first.get(lemma, ()):
        if len(phrase) == 1:
            return kind
    return None


def _word(tree: Tree, i: int) -> str:
    t = tree.tokens[i]
    return t.lemma.lower() if t.pos not in ("PROPN",) else t.text.lower()


def _judging(tree: Tree, i: int) -> bool:
    """A single word judges only as a content word (not a name, not part of one)."""
    t = tree.tokens[i]
    return t.pos in ("ADJ", "NOUN", "VERB", "ADV") and not t.ent


def _negated(tree: Tree, i: int) -> bool:
    """The word, or the clause it is the predicate of, is negated ("not credible", "is not a
    smart idea", "no crime", "did not violate")."""
    node = i
    for _ in range(3):
        for c in tree.kids[node]:
            ct = tree.tokens[c]
            if ct.dep == "neg" or (ct.dep == "det" and ct.lemma == "no"):
                return True
            if ct.lemma.lower() in NEGATIONS and ct.dep in ("advmod", "neg", "nummod", "det"):
                return True  # "not", "never", "no doubt" (the parse may take "no" as a number)
        tok = tree.tokens[node]
        if tok.dep not in ("acomp", "attr", "amod", "xcomp", "dobj", "pobj", "prep") or (
            tok.head == node
        ):
            return False
        node = tok.head
    return False


def _about_speaker(tree: Tree, i: int, said: Said) -> bool:
    """The clause of the word is about the speakers themselves ("we are not criminals", "he
    committed no crime")."""
    node = i
    for _ in range(4):
        for s in tree.children(node, "nsubj", "nsubjpass"):
            t = tree.tokens[s]
            if t.lemma.lower() in FIRST_PERSON or t.lemma.lower() in ("he", "she", "it", "they"):
                return True
            if said.is_speaker_head(s):
                return True
        tok = tree.tokens[node]
        if tok.head == node:
            break
        node = tok.head
    return False


def _speaker(m: Mention, said: Said) -> bool:
    return any(
        (said.local and m.head == s.head)
        or (m.actor.code is not None and m.actor.code == s.actor.code)
        for s in said.speakers
    )


def _targets(tree: Tree, i: int, said: Said, mention_at: MentionAt) -> list[Mention]:
    """The actors a statement is about: named in the judging word's own phrase, or the subject
    of its clause, or else the first actor of the words said — never the speaker, never an
    actor of unknown identity."""
    content = set(said.content)
    candidates: list[int] = []
    for p in tree.children(i, "prep"):
        if tree.tokens[p].lemma in ABOUT_PREPS:
            # the phrase's head first ("about Peru's new government": the government), then
            # the rest of the phrase
            heads = tree.children(p, "pobj")
            candidates += heads + [o for o in tree.subtree(p) if o not in heads]
    node = i
    for _ in range(3):
        candidates += tree.children(node, "nsubj", "nsubjpass", "poss")
        tok = tree.tokens[node]
        if tok.head == node:
            break
        node = tok.head
    candidates += sorted(content)
    for c in candidates:
        if c not in content and c not in tree.subtree(i):
            continue
        m = _actor_of_phrase(tree, c, mention_at)
        if m is None or _speaker(m, said) or m.actor.code is None:
            continue
        out = [m, *(replace(m, actor=a, also=()) for a in m.also)]  # "these countries"
        for h in tree.conjuncts(m.head)[1:]:
            other = mention_at(h)
            if other is not None and other.actor.code is not None and not _speaker(other, said):
                out.append(other)
        return out
    return []


def _actor_of_phrase(tree: Tree, i: int, mention_at: MentionAt) -> Mention | None:
    """The actor of a phrase: its head, or its possessor or name modifier ("the US plan",
    "Turkey's offensive")."""
    heads = [i]
    if tree.tokens[i].pos == "NOUN":
        heads += tree.children(i, "poss", "compound", "amod")
    for h in heads:
        m = mention_at(h)
        if m is not None and m.actor.code is not None:
            return m
        m = nationality_mention(tree, h)
        if m is not None:
            return m
    return None


def first_person(tree: Tree, i: int) -> bool:
    """A first-person pronoun ("I", "we", "us")."""
    t = tree.tokens[i]
    return t.pos == "PRON" and t.lemma.lower() in FIRST_PERSON


@dataclass(frozen=True, slots=True)
class Quoted:
    """A sentence's quotations: the spans inside quotation marks (sentence-relative character
    offsets) and, for a sentence that is all quotation with no speaker of its own, the speakers
    of the quotation it carries on ("“…,” she said. “…”")."""

    spans: tuple[tuple[int, int], ...]
    carried: tuple[Mention, ...]


# How many sentences a quotation may run before or after the one that names its speaker.
QUOTE_REACH = 4
# Share of a sentence's characters inside quotation marks for it to be all quotation.
QUOTED_SHARE = 0.8


def quote_speakers(
    resolved: Resolved, actor_at: Callable[[Tree, dict[int, Mention]], MentionAt]
) -> list[Quoted]:
    """For each sentence of an article, its quotations and the speakers of a quotation that
    runs over from (or on to) the sentence that names them: journalists attribute a quotation
    of several sentences once, in its first or last sentence."""
    rows: list[tuple[tuple[tuple[int, int], ...], bool, bool, tuple[Mention, ...]]] = []
    inside = False
    for sentence, mentions in zip(resolved.parsed.sentences, resolved.mentions, strict=True):
        tree = Tree(sentence)
        spans, still_open = quote_spans(sentence, inside)
        said = find_speech(tree, actor_at(tree, {m.head: m for m in mentions}))
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
