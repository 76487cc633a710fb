"""The act a match codes: the mood of its clause (``_clause_mood``), whether it reports an act
that happened (``_check_reported``), its code (``_coded_act``: the act asked for, the child its
words name, a refusal, the intent or threat shift, a force posture) and the sense its clause
gives a verb (``_sense``). A step that finds no act raises ``_NotCoded`` with the reason."""

from __future__ import annotations

from dataclasses import dataclass, replace

from kipu.events._asked import asked_code
from kipu.events._match import ASKING_NOUNS, _Match, _NotCoded
from kipu.events._mentions import _mention
from kipu.events._mood import FUTURE_AUX, Mood, in_question, mood_of, scheduled_subject, shift
from kipu.events._one_sided import victim
from kipu.events._refine import refine
from kipu.events._roles import SPEAKER_PRONOUNS, SPEECH_VERBS
from kipu.events._roots import ANNOUNCED_ROOTS, FORCE_ROOTS
from kipu.events._sense import (
    POSTURE_CODE,
    SENSES,
    bomb_attack,
    captured,
    deployment,
    expelled,
    figurative_fight,
    figurative_object,
    military_bombing,
    named_as,
    plea,
    posture,
    purpose_targets,
    released,
    shown,
)
from kipu.events._tree import OBJECT_DEPS, Tree
from kipu.records import Mention

# Verbs that make the cooperative act a noun names an act to come: "announced a troop
# withdrawal" is CAMEO's intent to withdraw (0356), not the withdrawal (for ANNOUNCED_ROOTS).
ANNOUNCING_VERBS = frozenset({"announce", "unveil"})


@dataclass(frozen=True, slots=True)
class _Act:
    """What a match codes, as the steps decide it."""

    mood: Mood  # the clause's mood; for a refusal, the refusal's (an act that happened)
    governor: int | None  # the verb of a force posture ("are poised to storm"), if any
    base: str  # the entry's code, taken by the act asked for and named by the clause's words
    refusal: str | None  # the refusal code of a cooperative act said not to be done
    code: str  # the event's code
    sensed: str | None  # what gave the code its sense (a posture, the clause), for the rule


def _clause_mood(tree: Tree, m: _Match) -> tuple[Mood, int | None]:
    """Decides the mood of the match's act (``mood_of``: intent, threat, negation, what is not
    an act), as the entry's own words before the verb, an announcement ("announced a troop
    withdrawal": an act to come) or a force posture ("are poised to storm": force shown, not
    used) change it; with the verb of posture, when there is one."""
    mood = mood_of(tree, m.clause, m.pattern.code[:2])
    if m.pattern.before:
        # The entry's own words before the verb ("did not", "should have") are its mood: the
        # event is coded as the entry says, neither negated nor left out as hypothetical.
        mood = Mood("actual", False, False, "the entry's words before the verb")
    elif (
        m.pattern.nominal
        and not m.passing
        and m.clause != m.trigger
        and tree.tokens[m.clause].lemma in ANNOUNCING_VERBS
        and m.pattern.code[:2] in ANNOUNCED_ROOTS
        and mood.modality == "actual"
        and not mood.skip
    ):
        # "announced a troop withdrawal", "unveiled plans for talks": an act to come (03x).
        mood = Mood("intent", mood.negated, False, tree.tokens[m.clause].text)
    governor = None if m.pattern.as_written else posture(tree, m.clause, m.pattern.code, m.trigger)
    if governor is not None:
        # "are poised to storm", "preparing to attack": force shown, not (yet) used.
        mood = Mood("actual", mood.negated, False, f"posture: {tree.tokens[governor].text}")
    return mood, governor


def _check_reported(tree: Tree, m: _Match, mood: Mood) -> None:
    """Decides whether the match reports an act: not when its mood leaves it out (asked for,
    hypothetical, possible ...), in a question, or for a noun in passing under a future, modal
    or negated verb."""
    if mood.skip:
        raise _NotCoded(f"not an actual act ({mood.modality}: {mood.via})")
    if in_question(tree, m.trigger):
        raise _NotCoded("in a question")
    scheduled = mood.modality == "intent" and scheduled_subject(tree, m.trigger, m.clause)
    if m.passing and (mood.modality != "actual" or mood.negated) and not scheduled:
        # ("talks between A and B are scheduled for Friday": the act itself is set, 036)
        # "Russia's attack on Ukraine will be discussed": not an intended attack
        raise _NotCoded(f"a noun in passing under a {mood.modality} or negated verb ({mood.via})")


def _coded_act(
    tree: Tree, m: _Match, mood: Mood, governor: int | None, by_head: dict[int, Mention]
) -> _Act:
    """Decides the act's code: the entry's, taken by the act an appeal, demand or refusal is
    about (``asked_code``), refined to the child its clause's words name (``refine``), a refusal
    for a cooperative act said not to be done (``_refusal``), then shifted to CAMEO's intent or
    threat code by the mood (``shift``), or the posture code. Not coded when CAMEO has no code
    for the act in that mood."""
    base = m.pattern.code
    if m.asked is not None and not m.pattern.as_written:
        base = asked_code(base, m.asked.code) or base
    if not m.pattern.as_written:  # the kind, aim or force its words name (_refine)
        base = refine(base, tree, m.trigger, m.clause, m.target, by_head)
    refusal = None if m.pattern.as_written or m.passing else _refusal(tree, m, mood, base, by_head)
    if refusal is not None:
        # "Lebanon says it will not accept new refugees": a refusal that happened (12x).
        base, mood = refusal, Mood("actual", False, False, f"refusal: {mood.via}")
    # A dictionary that keeps its codes as written: CAMEO's intent and threat codes do not apply.
    code = base if m.pattern.as_written else shift(base, mood.modality)
    if governor is not None:
        code = POSTURE_CODE
    if code is None:
        raise _NotCoded(f"CAMEO has no {mood.modality} code for {m.pattern.code} ({mood.via})")
    sensed = f"posture: {tree.tokens[governor].text}" if governor is not None else None
    return _Act(mood=mood, governor=governor, base=base, refusal=refusal, code=code, sensed=sensed)


def _sense(
    tree: Tree,
    m: _Match,
    act: _Act,
    sources: list[Mention],
    targets: list[Mention],
    by_head: dict[int, Mention],
) -> tuple[_Act, list[Mention]]:
    """Decides the sense the clause gives a verb's act (``_sense_of``: deployed, released,
    expelled, captured, force with the target of its purpose) and whether force is only a
    figure of speech (a goal reached, a quarrel, fighting alongside): then there is no event.
    Imported entries keep their code as written."""
    if m.pattern.as_written:
        return act, targets
    code, targets = _sense_of(m, act.code, tree, by_head, sources, targets)
    sensed = SENSES.get(code, "its clause") if code != act.code else act.sensed
    if figurative_object(tree, m.trigger, code, m.target):
        raise _NotCoded("a goal reached or a figure of speech, no force")
    if named_as(tree, m.trigger, code):
        raise _NotCoded("'call' naming its object: a statement, no call")
    if shown(tree, m.trigger, code):
        raise _NotCoded("'demonstrate' with an object: something shown, no protest")
    if figurative_fight(tree, m.trigger, code, sources, targets):
        raise _NotCoded("a fight that is no force between its sides (a quarrel, or alongside)")
    return replace(act, code=code, sensed=sensed), targets


def _sense_of(
    m: _Match,
    code: str,
    tree: Tree,
    by_head: dict[int, Mention],
    sources: list[Mention],
    targets: list[Mention],
) -> tuple[str, list[Mention]]:
    """The code and targets the clause gives a verb's act (``_sense``): troops sent to a place
    are deployed, force takes the target of the purpose it serves."""

    def find(i: int) -> Mention | None:
        return _mention(tree, i, by_head, possessor=True)

    code, targets = deployment(code, m.pattern, tree, m.clause, sources, targets, find)
    code = released(code, tree, m.target, bool(targets))
    code = plea(code, tree, m.trigger)
    code = expelled(code, tree, m.target)
    captive = captured(code, tree, m.trigger, m.target, bool(targets))
    if captive != code and not targets and m.target is not None:
        # "the two men were captured": people taken, named or not
        targets = [v for i in tree.conjuncts(m.target) if (v := victim(tree, i)) is not None][:1]
    code = military_bombing(bomb_attack(captive, tree, m.trigger), sources)
    if not targets and code[:2] in FORCE_ROOTS:
        noun = m.trigger if m.pattern.nominal else None
        aims = purpose_targets(tree, m.clause, noun)
        targets = [t for i in aims if (t := find(i)) is not None]
    return code, targets


def _refusal(
    tree: Tree, m: _Match, mood: Mood, base: str, by_head: dict[int, Mention]
) -> str | None:
    """CAMEO's refusal code for a cooperative act (roots 03-08) its actor says it will not do:
    "will not accept more refugees" (1223), "would not meet demands to release prisoners"
    (1243, the act demanded), "will not end the strike" (1242); the generic 120 for acts
    REFUSAL has no code for. Only for a negated future ("will not", "won't", "would never"):
    "did not accept" stays a negated act, "does not plan to" a negated intent. A condition
    ("unless their pay is raised", "if war starts") leaves it a refusal, as it leaves a threat
    a threat."""
    if not (mood.negated and mood.modality == "intent") or not "03" <= base[:2] <= "08":
        return None
    if not _negated_future(tree, m.clause) or _foretold(tree, m.clause, by_head):
        return None
    # "meet the demands to release prisoners" refuses the release; "will not allow candidates
    # to run" refuses the allowing, not the running.
    answers = any(
        tree.tokens[o].lemma in ASKING_NOUNS for o in tree.children(m.trigger, *OBJECT_DEPS)
    )
    act = m.asked.code if m.asked is not None and answers and base == m.pattern.code else base
    return asked_code("120", act) or asked_code("120", base) or "120"


def _foretold(tree: Tree, v: int, by_head: dict[int, Mention]) -> bool:
    """True when a speaker foretells what another side will not do: "we say the Americans will
    not protect you", "the Iraqi minister said the Americans will not ...". A side's own
    spokesman ("... will not end their strike, a Serbian union official announced") or an
    unnamed one ("a spokesman said") reports its refusal."""
    node = v
    for _ in range(5):
        tok = tree.tokens[node]
        if tok.dep != "xcomp" or tok.head == node:
            break
        node = tok.head
    tok = tree.tokens[node]
    if tok.dep != "ccomp" or tok.head == node or tree.tokens[tok.head].lemma not in SPEECH_VERBS:
        return False
    subjects = tree.children(node, "nsubj")
    if not subjects or tree.tokens[subjects[0]].lemma.lower() in SPEAKER_PRONOUNS:
        return False
    actor = _mention(tree, subjects[0], by_head)
    for s in tree.children(tok.head, "nsubj"):
        if tree.tokens[s].lemma.lower() in ("we", "i"):
            return True  # "we say the Americans will not": the speakers are not the actor
        speaker = _mention(tree, s, by_head)
        if speaker is not None and actor is not None:
            return speaker.actor.country != actor.actor.country
    return False


def _negated_future(tree: Tree, v: int) -> bool:
    """True when a verb of the chain from ``v`` up its open complements carries a future
    auxiliary followed by a negation ("will not accept", "would not agree to withdraw", "won't",
    "would never")."""
    node = v
    for _ in range(5):
        kids = [tree.tokens[c] for c in tree.kids[node]]
        negations = {
            k.i for k in kids if k.dep == "neg" or (k.dep == "advmod" and k.lemma == "never")
        }
        # The negation right after the auxiliary: "if they did not, the US would be forced to"
        # has a "not" the parse hangs on "forced" that belongs to "did".
        if any(k.dep == "aux" and k.lemma in FUTURE_AUX and k.i + 1 in negations for k in kids):
            return True
        tok = tree.tokens[node]
        if tok.dep != "xcomp" or tok.head == node:
            return False
        node = tok.head
    return False
