"""Who did the act, for one match: its sources (``_sources``: the subject's actors, or the
doer the clause names elsewhere) and a doer the clause leaves out (``_one_sided_doer``: a null
source, or the state a place or a named court implies). A step that finds no event raises
``_NotCoded`` with the reason."""

from __future__ import annotations

from dataclasses import replace

from kipu.events._imported import distribute, inner_mention
from kipu.events._match import _Match, _NotCoded, _preps
from kipu.events._match_nouns import LIGHT_VERBS, _mutual_between
from kipu.events._mentions import _mention, _physical
from kipu.events._nominal import WEAPONS
from kipu.events._one_sided import (
    OneSided,
    implied_state,
    one_sided_code,
    state_in_sentence,
    state_of_place,
    unnamed_doer,
)
from kipu.events._roles import (
    FORCE_NOUNS,
    SUBJECT_DEPS,
    _noun_sources,
    _participle_agent,
    _passive_between,
    _reported_speaker,
    _subjects,
)
from kipu.events._roots import (
    COERCION_ROOTS,
    FORCE_ROOTS,
    MUTUAL_NOUN_ROOTS,
)
from kipu.events._several import beside
from kipu.events._tree import OBJECT_DEPS, Tree
from kipu.events._unresolved import unresolved_mention
from kipu.records import Mention


def _sources(
    tree: Tree, m: _Match, code: str, governor: int | None, by_head: dict[int, Mention]
) -> tuple[list[int], list[Mention], bool]:
    """Decides who did the act: the heads of its source phrases, their actors, and whether they
    are the sides of a passive "between" who did it to each other ("an agreement was signed
    between Kenya and Uganda"). The subject or the noun's own doer first (``_source_heads``);
    when it names no actor, the doer the clause names elsewhere (``_doer_elsewhere``); imported
    entries read the sources as PETRARCH does (``_petrarch_sources``), kipu's take someone the
    dictionaries do not place."""
    source_heads = _source_heads(tree, m, governor, by_head)
    source_heads, sources = _doer_elsewhere(tree, m, code, source_heads, by_head)
    between_sides = False
    if not sources and not m.pattern.as_written and code[:2] in MUTUAL_NOUN_ROOTS:
        # "an agreement was signed between Kenya and Uganda": both sides did it, to each other.
        sides = _passive_between(tree, m.trigger, by_head)
        if len(sides) > 1:
            sources, between_sides = sides, True
    if m.pattern.as_written:
        source_heads, sources = _petrarch_sources(tree, m, source_heads, sources, by_head)
    elif not sources:
        # "Brandon Lewis defended the decision": someone the dictionaries do not place.
        sources = [s for i in source_heads if (s := unresolved_mention(tree, i)) is not None]
    return source_heads, sources, between_sides


def _source_heads(
    tree: Tree, m: _Match, governor: int | None, by_head: dict[int, Mention]
) -> list[int]:
    """The heads of the phrases that name who did the act: the noun's own doer
    (``_noun_sources``) or the verb's subject (``_subjects``); for a force posture, who is
    poised; with the actors named beside them (``beside``)."""
    if m.pattern.nominal:
        clause = m.trigger if m.passing else m.clause  # a passing noun's source is its own
        source_heads = _noun_sources(tree, m.trigger, clause, by_head)
    else:
        source_heads = _subjects(tree, m.clause, by_head)
    if governor is not None:
        # "forces are poised to storm": who is poised, prepares or makes plans.
        poised = tree.children(governor, "nsubjpass")
        source_heads = tree.conjuncts(poised[0]) if poised else _subjects(tree, governor, by_head)
    if not m.pattern.as_written:
        source_heads = beside(tree, source_heads)  # "Russia, along with Iran, sent troops"
    return source_heads


def _doer_elsewhere(
    tree: Tree, m: _Match, code: str, source_heads: list[int], by_head: dict[int, Mention]
) -> tuple[list[int], list[Mention]]:
    """The actors of the source phrases, or when they name none, the doer the clause names
    elsewhere: the protesters whose protest a demand is the purpose of, the attacker of a force
    noun that is the subject, the agent of a participle after its victims, the doer named on
    the noun a participle reports, the attacker of the attack an act happened in, the speaker a
    pronoun of reported speech stands for, both sides of "talks between"."""
    sources = [s for i in source_heads if (s := _mention(tree, i, by_head)) is not None]
    clause_tok = tree.tokens[m.clause]
    if not source_heads and code[:2] in ("10", "14") and clause_tok.dep == "acl":
        # "students staged demonstrations to demand reforms": the protesters demand.
        noun = tree.tokens[clause_tok.head]
        if noun.dep in OBJECT_DEPS and noun.head != clause_tok.head:
            source_heads = _subjects(tree, noun.head, by_head)
            sources = [s for i in source_heads if (s := _mention(tree, i, by_head)) is not None]
    if not sources and code[:2] in FORCE_ROOTS and len(source_heads) == 1:
        # "Russia's shelling killed ten", "an attack by Hamas wounded two", "was killed by a
        # US drone strike": the attacker.
        noun = tree.tokens[source_heads[0]]
        agent = noun.dep == "pobj" and tree.tokens[noun.head].dep == "agent"
        if (noun.lemma in FORCE_NOUNS or noun.lemma in WEAPONS) and (
            noun.dep in SUBJECT_DEPS or agent
        ):
            own = _noun_sources(tree, noun.i, noun.i, by_head)
            sources = [s for i in own if (s := _mention(tree, i, by_head)) is not None]
    judged = tree.tokens[m.trigger].lemma in JUDGING_VERBS
    if not sources and (code[:2] in COERCION_ROOTS or judged) and not source_heads:
        # "civilians killed by government forces", "two men detained by the police", "a
        # decision hailed by the foreign ministry": the agent of a participle after what it
        # acts on (not of a description: "rebels backed by Ankara").
        source_heads = _participle_agent(tree, m.trigger)
        sources = [s for i in source_heads if (s := _mention(tree, i, by_head)) is not None]
    trigger_tok = tree.tokens[m.trigger]
    if not sources and not source_heads and trigger_tok.dep == "acl" and trigger_tok.tag == "VBN":
        if trigger_tok.lemma in LIGHT_VERBS and trigger_tok.head != m.trigger:
            # "US sanctions imposed on Russia": the act's doer named on the noun it reports.
            source_heads = _noun_sources(tree, trigger_tok.head, trigger_tok.head, by_head)
            sources = [s for i in source_heads if (s := _mention(tree, i, by_head)) is not None]
    if not sources and code[:2] in FORCE_ROOTS and not source_heads:
        # "a policeman was killed in an attack by rebels": the attack's own attacker.
        for prep, o in _preps(tree, [m.trigger]):
            if prep in ("in", "during") and tree.tokens[o].lemma in FORCE_NOUNS:
                own = _noun_sources(tree, o, o, by_head)
                sources = [s for i in own if (s := _mention(tree, i, by_head)) is not None]
                if sources:
                    source_heads = own
                    break
    if not sources and len(source_heads) == 1:
        # "Uganda said it had paid compensation": the pronoun is the speaker.
        sources = _reported_speaker(tree, source_heads[0], by_head)
    if not sources and m.passing and m.target is not None and _mutual_between(m.pattern):
        # "talks between Peru and Chile": each side is the other's partner.
        source_heads = tree.conjuncts(m.target)
        sources = [s for i in source_heads if (s := _mention(tree, i, by_head)) is not None]
        if len(sources) < 2:
            sources = []
    return source_heads, sources


def _petrarch_sources(
    tree: Tree,
    m: _Match,
    source_heads: list[int],
    sources: list[Mention],
    by_head: dict[int, Mention],
) -> tuple[list[int], list[Mention]]:
    """The sources of an imported entry, read as PETRARCH reads them: any name in the subject
    phrase, the subject of the governing clause for an entry with words before the verb, each
    actor of a phrase (``distribute``)."""
    if not sources:
        # PETRARCH reads a noun phrase's actor off any name in it: "Ithilen's militia".
        sources = [s for i in source_heads if (s := inner_mention(tree, i, by_head)) is not None]
    if not sources and m.pattern.before:
        # An entry with words before the verb reads them in the governing clause, and its
        # actor with them: "Ethiopia indicated it would act" (it = Ethiopia).
        clause = tree.tokens[m.clause]
        pronouns = bool(source_heads) and all(tree.tokens[i].pos == "PRON" for i in source_heads)
        if clause.dep == "ccomp" and pronouns:
            source_heads = _subjects(tree, clause.head, by_head)
            sources = [s for i in source_heads if (s := _mention(tree, i, by_head)) is not None]
    if sources:
        sources = distribute(sources, tree, by_head)
    return source_heads, sources


def _one_sided_doer(
    tree: Tree,
    m: _Match,
    code: str,
    source_heads: list[int],
    sources: list[Mention],
    by_head: dict[int, Mention],
    place: tuple[str, str] | None,
) -> OneSided | None:
    """Decides whether an act with no source actor is one-sided, its doer left out by the clause
    ("two soldiers were killed", "the arrest of the opposition leader"; ``_one_sided.py``), with
    the state the article places its events in as the doer of arrests and convictions. An act
    with neither a source actor nor a doer left out is not coded."""
    one_sided = None
    if not sources and not m.pattern.as_written and not m.pattern.nominal:
        # "two soldiers were killed", "was jailed in Turkey": the text names no doer.
        def find(i: int) -> Mention | None:
            return _mention(tree, i, by_head, possessor=True)

        def physical(i: int) -> bool:
            return _physical(tree, i)

        one_sided = unnamed_doer(tree, m.trigger, code, source_heads, find, physical)
    if (
        not sources
        and m.passing
        and one_sided_code(code, tree.tokens[m.trigger].lemma)
        and m.target is not None
    ):
        # "the arrest of the opposition leader", "his arrest in July": a victim, no doer.
        one_sided = OneSided(
            source=implied_state(tree, m.trigger), victims=[], form="a noun naming no doer"
        )
    if one_sided is not None and one_sided.source is None:
        # "released after a Turkish court suspended his sentence": the court the sentence names
        state = state_in_sentence(tree, m.trigger, by_head, one_sided.victims)
        if state is not None:
            one_sided = replace(one_sided, source=state)
    if one_sided is not None and one_sided.source is None and place is not None:
        # "he was jailed for seven years", in an article about Turkey: the state the whole
        # article places its events in (see ``article_place``), or whose courts and police it
        # names (``article_courts``), arrested, jailed or convicted.
        state = state_of_place(tree, m.trigger, place)
        if state is not None and all(v.actor.code != state.actor.code for v in one_sided.victims):
            # (not the state's own police or courts as its victims: "two police officers
            # were arrested")
            one_sided = replace(one_sided, source=state)
    if not sources and one_sided is None:
        raise _NotCoded("no resolved source actor")  # no resolved source: abstain
    return one_sided


# Verbs of a judgement voiced at a moment (not a standing stance like "backed", "opposed"):
# their participle's "by" agent judges ("a move condemned by the UN").
JUDGING_VERBS = frozenset(
    "hail welcome praise applaud commend condemn criticise criticize denounce reject "
    "dismiss decry slam".split()
)


def _judges(code: str) -> bool:
    """Codes of a judgement of someone's act: praise and defence (051, 052), disapproval
    (11), rejection (12)."""
    return code[:3] in ("051", "052") or code[:2] in ("11", "12")
