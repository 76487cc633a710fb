"""Statements and demands coded from what is said: first-person pronouns inside a quotation
stand for its speaker (``_quote_speakers``), "X said that Y must act" is X's demand on Y
(``_obligations``), and each statement the speech rules read (``_speech.py``) is an event
unless the acts coded already tell it (``_speech_events``)."""

from __future__ import annotations

from dataclasses import replace

from kipu.events._match import _Match
from kipu.events._mentions import _actor_at, _mention, _same
from kipu.events._patterns import Pattern
from kipu.events._roles import SPEECH_VERBS
from kipu.events._said import RECEIVING_VERBS
from kipu.events._speech import JUDGEMENTS, Quoted, Said, classify, first_person
from kipu.events._told import Named, doer_of, plain_act_noun, subject_before
from kipu.events._tree import Tree
from kipu.events._unresolved import unknown_pronoun
from kipu.events.codebook import code_info
from kipu.ids import make_id
from kipu.records import Actor, Event, Mention, Plover, Sentence


def _quote_speakers(
    tree: Tree,
    sentence: Sentence,
    by_head: dict[int, Mention],
    said: list[Said],
    quoted: Quoted | None,
) -> dict[int, Mention]:
    """First-person pronouns inside a quotation stand for its one speaker: "“We are ready to
    talk,” the minister said" (we = the minister)."""
    spans = quoted.spans if quoted is not None else ()
    out = dict(by_head)
    for s in said:
        if len(s.speakers) != 1:
            continue
        speaker = s.speakers[0]
        for i in s.content:
            tok = tree.tokens[i]
            if i in out or not first_person(tree, i):
                continue
            offset = tok.start - sentence.start
            if s.trigger is not None and not any(a <= offset < b for a, b in spans):
                continue  # "he said we would": not a quotation
            out[i] = Mention(
                head=i,
                start=i,
                end=i + 1,
                actor=replace(
                    speaker.actor,
                    text=tok.text,
                    rule=f"quote: {tok.text!r} is its speaker {speaker.actor.text!r}; "
                    + speaker.actor.rule,
                ),
            )
    return out


def _obligations(
    matches: list[_Match], tree: Tree, coded_verbs: set[int], by_head: dict[int, Mention]
) -> list[_Match]:
    """ "X said that Y must return the helicopter": CAMEO codes X's demand on Y (10x; an appeal,
    02x, for "should"), specific to the act when the complement verb has an entry of its own.
    An epistemic "must have" ("must have been planned") is no demand."""
    acts = {m.clause: m.pattern for m in matches if not m.pattern.nominal}
    out: list[_Match] = []
    for tok in tree.tokens:
        head = tok.head
        if tok.dep != "ccomp" or head == tok.i or head in coded_verbs:
            continue
        if tree.tokens[head].lemma not in SPEECH_VERBS or tok.pos not in ("VERB", "AUX"):
            continue
        modal = {tree.tokens[c].lemma for c in tree.children(tok.i, "aux")}
        if "have" in modal:
            continue
        code = "100" if "must" in modal else "020" if "should" in modal else None
        subjects = tree.children(tok.i, "nsubj")
        if code is None or not subjects or _mention(tree, subjects[0], by_head) is None:
            continue  # a demand is made on someone ("intervention must take place" is not)
        if _own_forces(tree, head, subjects[0], by_head):
            continue  # "the president says our troops must leave": his plan, not a demand
        verb = tree.tokens[head].lemma
        entry = Pattern(
            code=code,
            trigger=verb,
            nominal=False,
            target_prep=None,
            has_target=True,
            words=(),
            prep_words=(),
            text=f"{verb} that + {'must' if code == '100' else 'should'} act",
            where="coder",
        )
        out.append(
            _Match(
                pattern=entry, trigger=head, clause=head, target=subjects[0], asked=acts.get(tok.i)
            )
        )
        coded_verbs.add(head)
    return out


# Sectors of a state's own organs: what its leader says they must do is the state's plan.
OWN_ORGANS = frozenset({"GOV", "MIL", "COP", "SPY"})


def _own_forces(tree: Tree, verb: int, subject: int, by_head: dict[int, Mention]) -> bool:
    """True when the one who must act is an organ of the speaker's own state ("the Kenyan
    president says Kenyan troops must leave Somalia"): a leader's plan for their own forces is
    an intention, which the speech rules code, not a demand on someone else."""
    made = _mention(tree, subject, by_head)
    speakers = [
        found
        for s in tree.children(verb, "nsubj")
        if (found := _mention(tree, s, by_head)) is not None
    ]
    if made is None or len(speakers) != 1 or speakers[0].actor.sector != "GOV":
        return False
    country = speakers[0].actor.country
    return country is not None and made.actor.country == country and made.actor.sector in OWN_ORGANS


def _speech_events(
    said: list[Said],
    tree: Tree,
    sentence: Sentence,
    by_head: dict[int, Mention],
    events: list[Event],
    matched: dict[int, set[str]],
    doc_id: str,
    input_id: str,
    date: str | None,
    notes: list[str] | None,
    recent: list[Event] | None = None,
    named: Named | None = None,
) -> list[Event]:
    """Statements coded by what is said (``_speech.py``), unless the verb of saying is coded
    by an entry of its own ("accused", "warned Iran") or the speakers' own act in the words said
    is coded already ("said it would withdraw")."""
    at = _actor_at(tree, by_head)
    coded = {e.trigger for e in events}

    def act_roots(i: int) -> frozenset[str]:
        """The roots of the entries matched on the verb (or on the act noun it reports, "mount
        an assault") and on its purpose verbs ("retain a force to fight")."""
        words = [
            i,
            *(c for c in tree.children(i, "advcl", "xcomp") if tree.tokens[c].pos == "VERB"),
        ]
        return frozenset(r for w in words for r in matched.get(w, ()))

    out: list[Event] = []
    for s in said:
        label = f"{tree.tokens[s.trigger].text!r} ({s.via})" if s.trigger is not None else s.via
        if s.trigger is not None and _trigger_span(tree, s.trigger) in coded:
            if notes is not None:
                notes.append(f"{label}: statement not coded: the verb's own entry is coded")
            continue
        verdict = classify(tree, s, at, act_roots)
        if verdict is None:
            if notes is not None:
                notes.append(f"{label}: statement not coded: no word of what is said is codable")
            continue
        content = set(s.content)
        own = [
            e
            for e in events
            if e.trigger is not None
            and any(_trigger_span(tree, i) == e.trigger for i in content)
            and e.source is not None
            and any(
                e.source.code == sp.actor.code
                and (e.source.text == sp.actor.text or _stands_for(e.source, sp.actor))
                for sp in s.speakers
            )
        ]
        if own and verdict.kind not in ("criticism", "accusation", "praise"):
            if notes is not None:
                notes.append(f"{label}: statement not coded: the speakers' own act is coded")
            continue
        targets = list(verdict.targets)
        if not targets and verdict.refers_back is not None:
            doer = _act_named_before(verdict.refers_back, tree, s, named)
            doer = doer or _doer_referred_to(verdict.refers_back, tree, s, events, recent or [])
            doer = doer or _subject_before(verdict.refers_back, tree, s, sentence, named)
            targets = [doer] if doer is not None else []
        if not targets and verdict.kind in JUDGEMENTS:
            targets = _judged_before(s, sentence, recent or [])
        trigger = verdict.word
        if verdict.kind == "accusation" and s.via != "according to":
            # A charge is coded as the charge only: the acts it alleges ("said the police were
            # responsible for killing protesters") are not coded as acts.
            alleged = {_trigger_span(tree, i) for i in tree.subtree(verdict.word) if i in content}
            before = len(events)
            events[:] = [
                e
                for e in events
                if e.trigger not in alleged
                or (
                    e.source is not None
                    and any(e.source.code == sp.actor.code for sp in s.speakers)
                )
            ]
            if notes is not None and len(events) < before:
                notes.append(f"{label}: the acts it alleges are not coded as acts")
        rule = f"speech: {s.via} + {verdict.kind} {verdict.phrase!r} → {verdict.code}"
        made = 0
        pairs: set[tuple[str | None, str | None]] = set()
        speakers = list(verdict.doers or s.speakers)
        if targets and _invitation_received(tree, s):
            # "Trump has received an invitation to visit Turkey": the host invites the one who
            # received it (the intent to meet is the inviter's)
            speakers, targets = targets, speakers
            rule += " (the host invites)"
        for speaker in speakers:
            # what a speaker says of their own state is no act toward it
            toward = [t for t in targets if not _own_state(speaker.actor, t.actor)]
            for target in toward or [None]:
                if target is not None and _same(speaker.actor, target.actor):
                    continue
                pair = (speaker.actor.code, target.actor.code if target is not None else None)
                if pair[0] is not None and pair in pairs:
                    continue  # several speakers of one code voice one statement
                pairs.add(pair)
                if target is None and unknown_pronoun(speaker.actor):
                    continue  # no one known on either side ("he warned it could get worse")
                out.append(
                    _statement_event(
                        verdict.code,
                        speaker,
                        target,
                        trigger,
                        tree,
                        sentence,
                        doc_id,
                        input_id,
                        date,
                        rule,
                    )
                )
                made += 1
        if notes is not None:
            notes.append(f"{label}: {rule}: coded {made} event(s)")
    return out


def _invitation_received(tree: Tree, said: Said) -> bool:
    """An invitation its holder received, not sent ("received an invitation to visit")."""
    if said.trigger is None or tree.tokens[said.trigger].lemma != "invitation":
        return False
    noun = tree.tokens[said.trigger]
    return noun.head != noun.i and tree.tokens[noun.head].lemma in RECEIVING_VERBS


def _own_state(speaker: Actor, target: Actor) -> bool:
    """The speaker's own state named as a whole ("Trump's warning that the US would be very
    angry"): what a speaker says of their own country is no act toward it."""
    return (
        target.country is not None
        and target.code == target.country
        and speaker.country == target.country
        and target.rule.startswith(("country:name:", "country:short:"))
    )


def _act_named_before(word: int, tree: Tree, said: Said, named: Named | None) -> Mention | None:
    """The doer of the act an act noun names again ("the decision was driven by populism"
    after "his decision to revoke her citizenship"): the source of the latest act the article
    named by the same noun, anywhere before, unless the speakers did it themselves (an act of
    another office of their own country is still another's: the opposition on the
    government's decision)."""
    tok = tree.tokens[word]
    e = named.get(tok.lemma) if tok.pos == "NOUN" and named else None
    if e is None or e.source is None or e.source.code is None:
        return None
    if any(sp.actor.code == e.source.code for sp in said.speakers):
        return None
    return doer_of(e, tree, word, "act-named-before")


def _judged_before(said: Said, sentence: Sentence, recent: list[Event]) -> list[Mention]:
    """Whom the speakers judged in the sentence just before, for a judgement of theirs that
    names no one ("… was a stain on this government,” she said. “It is against the law …”):
    a speaker who goes on is still speaking of the same actor."""
    speakers = {sp.actor.code for sp in said.speakers if sp.actor.code}
    for e in reversed(recent):
        if e.sentence_index != sentence.index - 1 or not e.rule.startswith("speech:"):
            continue
        if e.source is None or e.source.code not in speakers or e.target is None:
            continue
        if e.target.code is None:
            continue
        word = said.trigger if said.trigger is not None else min(said.content)
        actor = replace(
            e.target,
            rule=f"discourse:judged-before:<-sentence {e.sentence_index} {e.target.text!r}",
        )
        return [Mention(head=word, start=word, end=word + 1, actor=actor)]
    return []


def _subject_before(
    word: int, tree: Tree, said: Said, sentence: Sentence, named: Named | None
) -> Mention | None:
    """The actor the sentence just before was about, when a judgement refers back with "this",
    "it" or a plain act noun ("the move") and no act was coded there ("The US had vowed to
    disarm them. “This is ridiculous,” an official said"): not the speakers themselves or
    their country."""
    tok = tree.tokens[word]
    if tok.pos != "PRON" and not plain_act_noun(tree, word):
        return None
    m = subject_before(tree, word, sentence.index, named)
    if m is None:
        return None
    own = {c for sp in said.speakers for c in (sp.actor.code, sp.actor.country) if c}
    if m.actor.code in own or (m.actor.country and m.actor.country in own):
        return None
    return m


def _doer_referred_to(
    word: int, tree: Tree, said: Said, events: list[Event], recent: list[Event]
) -> Mention | None:
    """The doer of the act a judgement refers back to ("“This is ridiculous,” the minister
    said" after "Washington announced the withdrawal"): the source of the latest act coded
    before it, in this sentence or the two before, that is not the speakers' own (not a
    statement, not one-sided)."""
    before = [e for e in events if e.trigger is not None and e.trigger[0] < tree.tokens[word].start]
    speakers = {sp.actor.code for sp in said.speakers} | {
        sp.actor.country for sp in said.speakers if sp.actor.country
    }
    for e in reversed(recent + before):
        if e.source is None or e.one_sided or e.root in ("01",) or e.rule.startswith("speech:"):
            continue
        if e.source.code in speakers or (e.source.country and e.source.country in speakers):
            continue
        if e.source.code is None:
            continue
        return doer_of(e, tree, word, "act-referred-to")
    return None


def _trigger_span(tree: Tree, i: int) -> tuple[int, int]:
    return (tree.tokens[i].start, tree.tokens[i].end)


def _statement_event(
    code: str,
    source: Mention,
    target: Mention | None,
    trigger: int,
    tree: Tree,
    sentence: Sentence,
    doc_id: str,
    input_id: str,
    date: str | None,
    rule: str,
) -> Event:
    info = code_info(code)
    t_actor = target.actor if target is not None else None
    confidence = 0.5 + (0.1 if t_actor is not None else 0.0)
    confidence += 0.1 if source.actor.country else 0.0
    return Event(
        event_id=make_id(
            doc_id,
            sentence.index,
            trigger,
            source.actor.code,
            source.head,
            t_actor.code if t_actor else None,
            target.head if target else None,
            code,
            False,
        ),
        doc_id=doc_id,
        input_id=input_id,
        date=date,
        source=source.actor,
        target=t_actor,
        cameo=code,
        root=info.root,
        quad_class=info.quad_class,
        goldstein=info.goldstein,
        plover=Plover(type=info.plover_type, mode=info.plover_mode, context=info.plover_context),
        negated=False,
        modality="actual",
        quantity=None,
        location=None,
        sentence=sentence.text,
        sentence_index=sentence.index,
        span=(sentence.start, sentence.end),
        rule=rule,
        confidence=round(confidence, 2),
        trigger=_trigger_span(tree, trigger),
        date_precision="day" if date else None,
    )


def _stands_for(alias: Actor, speaker: Actor) -> bool:
    """True for a pronoun or title that stands for the speaker ("they" → "Authorities")."""
    return " → " in alias.rule and alias.rule.endswith(f" → {speaker.name or speaker.text}")
