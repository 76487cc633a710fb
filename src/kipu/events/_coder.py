"""Code events from the dependency parse: Resolved → list[Event].

For every verb (and every noun that names an event) the coder finds the source, the target and the
words around it, looks the trigger up in the pattern dictionary, and emits an event only when an
entry matches and a source actor is resolved. Negation, intent and hypotheticals come from the
verb chain. There is no fallback code: a clause no entry licenses gives no event.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kipu.events._amounts import count_in_clause, money_in_clause
from kipu.events._asked import asked_code
from kipu.events._discards import load_discards
from kipu.events._imported import (
    adjacent,
    any_target,
    distribute,
    forms,
    in_order,
    inner_mention,
    phrase_actor,
    reversed_event,
    verb_entries,
    verb_phrase,
    words_before,
)
from kipu.events._mood import (
    ALLEGING,
    BLOCKING_GOVERNORS,
    DEMAND_GOVERNORS,
    FUTURE_AUX,
    INTENT_GOVERNORS,
    THREAT_GOVERNORS,
    Mood,
    begun_process,
    in_question,
    mood_of,
    shift,
)
from kipu.events._nominal import (
    WEAPONS,
    implied_mentions,
    modifier_sources,
    names_an_act,
    one_sided_noun,
    patient_possessor,
    source_only,
)
from kipu.events._one_sided import (
    NOT_ONE_SIDED_VERBS,
    OneSided,
    article_place,
    implied_state,
    one_sided_code,
    state_of_place,
    unnamed_doer,
    victim,
)
from kipu.events._patterns import ANY_OBJECT, ANY_SLOT, Pattern, PatternIndex, load_patterns
from kipu.events._place_target import place_target
from kipu.events._refine import refine
from kipu.events._sense import (
    ORDERING_VERBS,
    POSTURE_CODE,
    SENSES,
    captured,
    deployment,
    expelled,
    figurative_fight,
    figurative_object,
    posture,
    prepares_force,
    purpose_targets,
    released,
)
from kipu.events._several import beside, several
from kipu.events._speech import (
    MentionAt,
    Quoted,
    Said,
    classify,
    find_speech,
    first_person,
    quote_speakers,
)
from kipu.events._timescope import in_scope, time_scope
from kipu.events._told import Told, is_told, remember, told_key
from kipu.events._tree import OBJECT_DEPS, Tree
from kipu.events._unresolved import unresolved_mention, unresolved_target
from kipu.events.codebook import code_info, foreign_code_info, load_codebook
from kipu.ids import make_id
from kipu.records import Actor, Event, Mention, Plover, Resolved, Sentence, Token

# Roots whose act is reciprocal when conjoined subjects have no target ("X and Y signed a deal").
RECIPROCAL_ROOTS = frozenset({"03", "04", "05", "06"})
# Verbs of mutual fighting: conjoined subjects with no object fight each other ("Indian and
# Chinese troops clashed"); one subject alone names no opponent and is not coded.
RECIPROCAL_VERBS = frozenset({"clash", "skirmish", "battle", "fight"})
# Roots whose events need a resolved target (CAMEO 01-13: statements, appeals, cooperation,
# aid, concessions, demands, disapproval, rejection, threats). Protest, force posture and
# material conflict (14-20) are coded without one ("protesters marched", "shelled a village"),
# and so are evaluations of an act rather than an actor ("condemned the strikes", 051, 052,
# 09-13) when the sentence names what was evaluated.
TARGETED_ROOTS = frozenset(f"{r:02d}" for r in range(1, 14))
# Reducing relations (16) is done to someone too when the entry has a target slot: "suspended
# operations" (hospitals) reduces no relation; "suspended aid" (an entry naming the act) does.
# Prepositions that name the author of a speech act a verb answers: "charges by", "demands from".
AUTHOR_PREPS = frozenset({"by", "from"})
# Nouns whose complement is the act asked for: "demands to release prisoners", "calls to quit".
ASKING_NOUNS = frozenset("demand call request appeal plea offer proposal ultimatum".split())
# Roots whose clausal complement names who is asked: "demanded that the US cancel" (02, 10).
ASKING_ROOTS = frozenset({"02", "10"})
# Roots of violence (assault, fight, mass violence): without an actor target, the object must be
# a physical target, a place entity or one of these nouns (lemmas).
FORCE_ROOTS = frozenset({"18", "19", "20"})
# Roots of acts done to someone against their will: coercion (17) and force.
COERCION_ROOTS = FORCE_ROOTS | {"17"}
PHYSICAL_TARGETS = frozenset(
    "village town city area district neighbourhood neighborhood region province border post "
    "checkpoint position base camp convoy vehicle truck car bus ship vessel boat plane aircraft "
    "helicopter drone market hospital clinic school university mosque church temple building "
    "house home residence compound office headquarters embassy consulate station airport port "
    "harbour harbor bridge road highway railway dam plant facility site infrastructure depot "
    "warehouse field farm target stronghold hideout outpost barracks garrison trench line front "
    "frontline territory island coast enclave settlement street square prison jail refinery "
    "pipeline tank arsenal launcher battery hill hillside mountain valley forest stadium palace "
    "museum hotel mall restaurant cafe".split()
)
# Verbs that report speech: "said that Iran must release the sailors" is a demand on Iran.
SPEECH_VERBS = frozenset(
    "say tell state declare reiterate insist stress argue add announce conclude write repeat "
    "emphasise emphasize maintain assert warn".split()
)
# Modifiers that make a noun of force figurative: "cold war", "trade war", "price war".
FIGURATIVE = frozenset(
    "cold trade price tariff currency culture propaganda information media legal verbal "
    "rhetorical diplomatic tax turf bidding word".split()
)
# Nouns of force whose possessor or "by" phrase is the one who used it, as the subject of a
# verb of harm: "Russia's shelling killed ten civilians".
FORCE_NOUNS = frozenset(
    "attack strike airstrike shelling bombing raid offensive assault bombardment invasion "
    "operation ambush barrage".split()
)
# Pronouns that, as the subject of reported speech, usually stand for the speaker.
SPEAKER_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})
# Verbs of force whose object can only be people: their victims need not be resolved actors.
HARMING_VERBS = frozenset(
    "kill wound injure murder assassinate execute behead lynch massacre slaughter torture "
    "abduct kidnap rape maim stab gun".split()
)
# Verbs that report an act named by their object noun, and pass it their subject: "launched an
# attack", "held talks", "devoting $84 million of aid". Other verbs do not ("suffered attacks").
LIGHT_VERBS = frozenset(
    "launch carry conduct stage hold mount make give provide offer announce sign begin resume "
    "start continue intensify escalate devote allocate deliver send pledge promise grant "
    "approve impose "
    "extend issue lodge file express practise practice commit perpetrate wage unleash order "
    "authorize authorise lead host open seal strike reach conclude agree accept propose "
    "step renew expand increase double boost initiate undertake organise organize call "
    "declare complete pay engage stag".split()  # "stag": spaCy's lemma of "staged"
)
# Verbs whose "in" phrase names the act and whose subject, passive or not, does it: "Serbian
# forces were engaged in ethnic cleansing", "have engaged in talks with".
ENGAGING_VERBS = frozenset({"engage"})
# Roots whose acts are coded without a target when the entry names the act itself, not just
# a verb: "lifted the curfew", "granted asylum", "called for a ceasefire", "threatened to impose
# martial law", "declared a ceasefire", "declined to comment", "established diplomatic ties".
# A bare "released it", "signed it" or "agreed to act" still needs a target actor.
NAMED_ACT_ROOTS = TARGETED_ROOTS | {"16"}
# Roots whose target slot always holds someone: the one appealed to or asked (02, 10), so any
# noun phrase there is an actor the dictionaries may not place ("urged the international
# community to act").
ADDRESSED_ROOTS = frozenset({"02", "10"})
# Roots of acts done for people, who count as their target named or not ("rescued 5,000
# people", "released two hostages").
HELPED_ROOTS = frozenset({"07", "08"})
# How many sentences back a judgement may refer to an act told ("“This is ridiculous,” ...").
RECENT = 2
# Verbs that make the cooperative act a noun names an act to come: "announced a troop
# withdrawal" is CAMEO's intent to withdraw (0356), not the withdrawal.
ANNOUNCING_VERBS = frozenset({"announce", "unveil"})
ANNOUNCED_ROOTS = frozenset({"04", "05", "06", "08"})
# Particles of phrasal verbs: they complete a verb ("hand over"), they name no act.
PARTICLES = frozenset("up down off out over in back away on forward through along about".split())
# Roots of acts that two sides named by "between" do to each other ("talks between", "clashes
# between"), as nouns no verb reports.
MUTUAL_NOUN_ROOTS = frozenset({"03", "04", "05", "06", "19"})
# Words on the way up from a passing event noun that make its act asked for, planned, feared,
# alleged, prevented or discussed rather than reported: "called for talks with", "the threat of
# an attack on", "plans for a visit to", "denied an attack on".
NON_FACTUAL_WORDS = (
    DEMAND_GOVERNORS
    | BLOCKING_GOVERNORS
    | INTENT_GOVERNORS
    | THREAT_GOVERNORS
    | ALLEGING
    | frozenset(
        "threat possibility plan call demand proposal offer hope need request appeal chance danger "
        "prospect risk fear idea option bid plea pressure condition precondition prevent avoid "
        "discuss consider oppose debate vote deny rule risk allegation claim report rumour rumor "
        "speculation suspicion accusation charge prepare expectation preparation push effort "
        "attempt opportunity permission readiness willingness "
        # what guards against an act names no act that happened: "measures against car bombs"
        "precaution protection safeguard measure defence defense brace talk "
        # a noun that says what something is: "condemned the attack as a strike on civilians"
        "as "
        # an act one was spared or a stance on acts: "was spared an assault", "stance on strikes"
        "spare spar stance policy".split()  # spaCy reads "spared" as "spar"
    )
)
# Prepositions after "VERB OBJECT" whose gerund is the object's act, not the subject's:
# "accused China of violating", "blamed Kyiv for shelling", "praised Peru for hosting".
ACCUSED_PREPS = frozenset({"of", "for"})
# Sectors of armed actors: when both sides of a "meeting" are armed, it is an encounter in the
# field, not a consultation (read from Guardian output: "SDF troops met Syrian government forces").
ARMED = frozenset({"MIL", "REB", "INS", "UAF"})
# The pattern word for "an open complement verb is present" ("agree xcomp": agreed to do
# something); the complement's own entry, when it has one, codes the event instead.
XCOMP_WORD = "xcomp"
# The pattern word for "a clausal complement is present" ("deny that": denied that ...).
CCOMP_WORD = "that"
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# Verbs whose participle after a noun says who holds it ("territory occupied by Isis", "areas
# controlled by the rebels"): a state of affairs, not an act.
HOLDING_VERBS = frozenset({"occupy", "hold", "control", "besiege", "surround"})
# Nouns a relative clause with no pronoun modifies without being its object: "the way Russia
# fought", "the day Turkey attacked".
RELATIVE_NOT_OBJECTS = frozenset("way reason time day moment year week month night".split())
# Prepositions whose object describes what a direct object is made of ("$5m of/in aid",
# "planes with food").
OBJECT_COMPLEMENT_PREPS = frozenset({"of", "in", "with"})
# Object heads whose "of" phrase is what the object consists of ("$84 million of aid", "a
# shipment of arms", "a package of sanctions"), unlike "the presence of forces", which is a
# thing about them and names no act of force.
MEASURE_HEADS = frozenset(
    "million billion thousand hundred dozen ton tonne package shipment consignment batch load "
    "cargo convoy supply amount quantity number lot part round wave series set raft string "
    "tranche delivery sum worth much most half some all swathe swath portion share bulk rest "
    "remainder majority "
    # units of time, weight, volume and carriage: "10 days of war games", "700 kg of medicine"
    "hour day week month year kg kilogram gram pound ounce litre liter gallon barrel crate case "
    "container bag box sack pallet truck truckload lorry plane planeload ship shipload".split()
)
# Heads that count or group the actual actor: "thousands of protesters", "members of the army".
GROUP_HEADS = frozenset(
    "thousand hundred ten dozen million score group number crowd member some many most all several "
    "few couple handful band unit contingent scores tens hundreds thousands dozens leader "
    "leadership "
    # parts and bodies sent: "one third of the guerrillas", "the first deployment of NATO
    # troops", "a delegation of Chinese officials", "a team of UN inspectors"
    "third half quarter majority minority rest remainder bulk portion fraction part section "
    "deployment batch wave detachment delegation team squad".split()
)


# Common nouns naming a body whose own name modifies them ("the Hizbollah group").
NAMED_BODY_HEADS = frozenset(
    "group movement organization organisation faction militia coalition alliance party front "
    "union network wing army force forces agency forum council committee".split()
)


@dataclass(frozen=True, slots=True, kw_only=True)
class EventOptions:
    """Options of the event stage."""

    dictionaries: tuple[str, ...] = ()  # extra pattern files (kipu's TSV format)
    bundled: bool = True  # False: code with the extra pattern files alone
    # Also code events the text dates well before the article and ongoing states, marked
    # ``historical`` (left out by default: they are not the article's events).
    historical: bool = False


@dataclass(frozen=True, slots=True)
class _Match:
    pattern: Pattern
    trigger: int  # token index of the trigger
    clause: int  # the verb whose subject, modality and negation apply
    target: int | None  # token index of the target phrase head
    passing: bool = False  # a noun no light verb reports: sources only from the noun phrase
    asked: Pattern | None = None  # the entry of the act a generic appeal/demand/refusal is about


def code_events(resolved: Resolved, options: EventOptions | None = None) -> list[Event]:
    """Every event the dictionary licenses in a resolved article, sentence by sentence."""
    index = load_patterns(options.dictionaries, options.bundled) if options else load_patterns(())
    article = resolved.parsed.article
    discards = load_discards(options.dictionaries if options else ())
    if discards.story_hit(article.text):
        return []  # a story a discard list rules out (sports, weather)
    events: list[Event] = []
    seen: set[str] = set()
    told: Told = set()  # acts the article has told already
    scope = time_scope(article)
    keep_history = options is not None and options.historical
    quoted = quote_speakers(resolved, _actor_at)
    place = article_place(resolved)
    for sentence, mentions, carried in zip(
        resolved.parsed.sentences, resolved.mentions, quoted, strict=True
    ):
        if sentence.text.rstrip().rstrip("\"'”’").endswith("?"):
            continue  # a question is not a report of an act
        if discards.sentence_hit(sentence.text):
            continue  # a sentence a discard list rules out
        coded = _code_sentence(
            sentence,
            mentions,
            index,
            article.doc_id,
            article.input_id,
            article.published,
            told=told,
            quoted=carried,
            speech=options.bundled if options else True,
            recent=[e for e in events if e.sentence_index >= sentence.index - RECENT],
            place=place,
        )
        # The article's background ("in 2003", "has long backed") only when asked for.
        news, _ = in_scope(scope, sentence, coded, keep_history)
        remember(told, [e for e in news if not e.historical])  # the article's news only
        for event in news:
            if event.event_id not in seen:
                seen.add(event.event_id)
                events.append(event)
    return events


def _code_sentence(
    sentence: Sentence,
    mentions: tuple[Mention, ...],
    index: PatternIndex,
    doc_id: str,
    input_id: str,
    date: str | None,
    notes: list[str] | None = None,
    told: Told | None = None,
    quoted: Quoted | None = None,
    speech: bool = True,
    recent: list[Event] | None = None,
    place: tuple[str, str] | None = None,
) -> list[Event]:
    """The events of one sentence; ``told`` holds the acts earlier sentences coded (an event
    noun that names one of them again, "the attack", is not a new act; see ``remember``)."""
    tree = Tree(sentence)
    by_head = {m.head: m for m in mentions}
    by_head.update(implied_mentions(tree, index, by_head))  # "Turkish offensive", "US strikes"
    # kipu's speech dictionary is bundled data: not read when coding with a user's files alone.
    said = find_speech(tree, _actor_at(tree, by_head)) if speech else []
    if quoted is not None and quoted.carried:
        said.append(Said(quoted.carried, tuple(range(len(tree.tokens))), None, "quote carried on"))
    by_head = _quote_speakers(tree, sentence, by_head, said, quoted)
    matches: list[_Match] = []
    verbs_with_events: set[int] = set()
    for t in sentence.tokens:
        if _in_hyphenated_word(tree, t.i):
            # "one-sided" is not the verb "side"; "re-open" is the verb "reopen".
            lemma = _joined_lemma(tree, t.i) or ""
            candidates = index.verbs.get(lemma, []) if lemma else []
        else:
            candidates = verb_entries(t, index)
        if t.pos == "VERB" and candidates:
            m = _match_verb(t, tree, candidates, by_head)
            if m is not None:
                matches.append(m)
                verbs_with_events.add(t.i)
            elif notes is not None:
                notes.append(f"{t.text!r} (verb {t.lemma}): no entry's required words are present")
    for t in sentence.tokens:
        lemma = t.lemma
        if _in_hyphenated_word(tree, t.i):
            lemma = _joined_lemma(tree, t.i) or ""  # "a cease-fire" is the noun "ceasefire"
        if t.pos == "NOUN" and lemma in index.nouns:
            m = _match_noun(t, tree, index.nouns[lemma], by_head)
            ordered = m is not None and _ordered(tree, m)
            if m is not None and (m.passing or m.clause not in verbs_with_events or ordered):
                matches.append(m)
            elif notes is not None:
                why = (
                    "no verb that reports it (noun in passing) or no entry matches"
                    if m is None
                    else "its verb is coded already"
                )
                notes.append(f"{t.text!r} (noun {t.lemma}): {why}")
    # "ordered the release of 200 prisoners": the release, by the one who ordered it.
    orders = {m.clause for m in matches if _ordered(tree, m)}
    matches = [m for m in matches if m.trigger not in orders]
    # "threatened to move troops": the threat is coded from the complement; the governing verb's
    # own entry adds nothing unless it has a target of its own.
    # A complement that is itself not coded ("declined to comment", "refused to resign") leaves
    # the event to its governor's own entry.
    carried = {
        tree.tokens[m.clause].head
        for m in matches
        if tree.tokens[m.clause].dep == "xcomp"
        and not mood_of(tree, m.clause, m.pattern.code[:2]).skip
    }
    matches += _obligations(matches, tree, verbs_with_events, by_head)
    matches = _with_asked_acts(matches, tree)
    events: list[Event] = []
    told = told if told is not None else set()
    coded: set[int] = set()
    acts: set[tuple[int, str, str | None, str | None]] = set()  # conjoined verbs' acts
    waiting = [
        m
        for m in matches
        if m.trigger in carried and (m.target is None or _mention(tree, m.target, by_head) is None)
    ]
    # Complements first: a governor waits for them and codes its own entry only when they
    # coded nothing ("threatened to boycott the talks": CAMEO has no threat of a boycott of
    # talks, so the entry 'threaten + boycott' codes it).
    spoken: set[int] = set()
    for m in [m for m in matches if m not in waiting] + waiting:
        if m in waiting and m.trigger in spoken:
            if notes is not None:
                notes.append(f"{_label(tree, m)}: its complement carries the event")
            continue
        why: list[str] = []
        found = _events_for(m, sentence, tree, by_head, doc_id, input_id, date, why, place)
        if found and tree.tokens[m.clause].dep == "xcomp":
            spoken.add(tree.tokens[m.clause].head)
        if m.passing and tree.tokens[m.trigger].dep in SUBJECT_DEPS and m.clause in coded:
            # "US airstrikes killed ten": the verb's event, with the noun's doer, is the act;
            # the noun adds only a target the verb has not ("Russia's attack on Ukraine").
            found = [e for e in found if e.target is not None]
            if not found:
                why.append("the verb it is the subject of is coded")
        if m.passing:
            again = [e for e in found if is_told(e, told)]
            found = [e for e in found if not is_told(e, told)]
            if again and not found:
                why.append("the article has told this act already")
        if not m.pattern.nominal and not tree.children(m.trigger, "nsubjpass", *OBJECT_DEPS):
            # "were killed or wounded": a verb sharing the victims of the one it is conjoined
            # with, of the same root and sides, is one act with it ("sent columns and deployed
            # tanks", each with its object, are two).
            group = _first_conjunct(tree, m.trigger)
            fresh = [e for e in found if (group, *told_key(e)) not in acts]
            if len(fresh) < len(found) and not fresh:
                why.append("a verb conjoined with one coded already for the same sides")
            found = fresh
            acts.update((group, *told_key(e)) for e in found)
        if found:
            coded.add(m.trigger)
        if notes is not None:
            if found:
                notes.append(f"{_label(tree, m)}: coded {len(found)} event(s)")
            else:
                notes.append(f"{_label(tree, m)}: not coded: {'; '.join(why)}")
        events.extend(found)
    matched: dict[int, set[str]] = {}
    for m in matches:
        matched.setdefault(m.trigger, set()).add(m.pattern.code[:2])
        matched.setdefault(m.clause, set()).add(m.pattern.code[:2])
    events += _speech_events(
        said, tree, sentence, by_head, events, matched, doc_id, input_id, date, notes, recent
    )
    return events


def _actor_at(tree: Tree, by_head: dict[int, Mention]) -> MentionAt:
    """The actor of a phrase head: a resolved one, or a named someone the dictionaries do not
    place (for speakers)."""

    def at(i: int) -> Mention | None:
        return _mention(tree, i, by_head, possessor=True) or unresolved_mention(tree, i)

    return at


def _ordered(tree: Tree, m: _Match) -> bool:
    """True for an act named by the object of a verb of ordering ("ordered the release of
    prisoners", "authorised airstrikes on the town"): the act itself, by the one ordering."""
    return (
        m.pattern.nominal
        and not m.passing
        and m.clause != m.trigger
        and tree.tokens[m.clause].lemma in ORDERING_VERBS
        and m.pattern.code[:2] not in ("01", "02", "10")
    )


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
                e.source.code == sp.actor.code and e.source.text == sp.actor.text
                for sp in s.speakers
            )
        ]
        if own and verdict.kind not in ("criticism", "accusation", "praise"):
            if notes is not None:
                notes.append(f"{label}: statement not coded: the speakers' own act is coded")
            continue
        targets = list(verdict.targets)
        if not targets and verdict.refers_back is not None:
            doer = _doer_referred_to(verdict.refers_back, tree, s, events, recent or [])
            targets = [doer] if doer is not None else []
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
        for speaker in s.speakers:
            for target in targets or [None]:
                if target is not None and _same(speaker.actor, target.actor):
                    continue
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
        tok = tree.tokens[word]
        actor = replace(
            e.source,
            text=tok.text,
            rule=f"discourse:act-referred-to:{tok.text!r}<-sentence {e.sentence_index} "
            f"{e.cameo} by {e.source.text!r}",
        )
        return Mention(head=word, start=word, end=word + 1, actor=actor)
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


def _with_asked_acts(matches: list[_Match], tree: Tree) -> list[_Match]:
    """Each generic appeal, demand or refusal with the entry of the act it asks for or refuses:
    the match of its complement verb ("urged Iran to release", "demanded that Iraq withdraw",
    "refused to lift")."""
    by_head: dict[int, Pattern] = {}
    for m in matches:
        tok = tree.tokens[m.clause]
        # A purpose clause ("marched to demand reforms") is what a protest is about.
        deps = (
            ("xcomp", "ccomp", "advcl")
            if m.pattern.code[:2] in ("02", "10")
            else ("xcomp", "ccomp")
        )
        if not m.pattern.nominal and tok.dep in deps and tok.head != m.clause:
            by_head.setdefault(tok.head, m.pattern)
        head = tree.tokens[tok.head]
        if tok.dep == "acl" and head.dep in OBJECT_DEPS:
            # "staged demonstrations to demand reform", "rejected an offer to host a summit"
            by_head.setdefault(head.head, m.pattern)
    for m in matches:
        # The parse may take the object noun for a verb with its own complement: "meet
        # hostage-takers demands | to release prisoners" (demands/dobj, release/xcomp).
        objects = [o for o in tree.children(m.trigger, *OBJECT_DEPS) if o in by_head]
        if m.trigger not in by_head and objects and tree.tokens[objects[0]].lemma in ASKING_NOUNS:
            by_head[m.trigger] = by_head[objects[0]]
    # Every match learns its asked act: a generic entry is refined by it, and a refusal of a
    # specific one is a refusal of that act ("would not meet demands to release prisoners").
    return [
        replace(m, asked=by_head[m.trigger]) if m.asked is None and m.trigger in by_head else m
        for m in matches
    ]


def _label(tree: Tree, m: _Match) -> str:
    """The trigger and the entry it matched, for explanations."""
    return (
        f"{tree.tokens[m.trigger].text!r} ({m.pattern.where} {m.pattern.code} '{m.pattern.text}')"
    )


def _in_hyphenated_word(tree: Tree, i: int) -> bool:
    """True for a token glued by a hyphen to the one before or after it ("one-sided")."""
    tokens = tree.tokens
    before = i >= 2 and tokens[i - 1].text == "-" and tokens[i - 1].start == tokens[i - 2].end
    before = before and tokens[i].start == tokens[i - 1].end
    after = (
        i + 2 < len(tokens) and tokens[i + 1].text == "-" and tokens[i + 1].start == tokens[i].end
    )
    after = after and tokens[i + 2].start == tokens[i + 1].end
    return before or after


def _joined_lemma(tree: Tree, i: int) -> str | None:
    """The lemma of a hyphenated word read as one word, at its last part: "cease-fire" →
    "ceasefire", "re-opened" → "reopen"; None when the token does not end such a word."""
    tokens = tree.tokens
    if i + 2 < len(tokens) and tokens[i + 1].text == "-" and tokens[i + 1].start == tokens[i].end:
        return None  # not the last part
    parts = [tokens[i].lemma]
    j = i
    while j >= 2 and tokens[j - 1].text == "-" and tokens[j - 1].start == tokens[j - 2].end:
        if tokens[j].start != tokens[j - 1].end:
            break
        parts.append(tokens[j - 2].text.lower())
        j -= 2
    return "".join(reversed(parts)) if len(parts) > 1 else None


def _is_amount(tree: Tree, i: int) -> bool:
    """True for an amount: "$84 million", "€12m", "two planes" is not (a number of things)."""
    tok = tree.tokens[i]
    if tok.ent == "MONEY" or tok.pos == "NUM":
        return True
    return any(
        tree.tokens[c].ent == "MONEY" or tree.tokens[c].tag == "$"
        for c in tree.children(i, "compound", "nummod", "quantmod", "nmod")
    )


def _is_money(tree: Tree, i: int) -> bool:
    """True for an amount of money ("$84 million", "€12m")."""
    return tree.tokens[i].ent == "MONEY" or any(
        tree.tokens[c].ent == "MONEY" or tree.tokens[c].tag == "$" for c in tree.kids[i]
    )


def _object_words(tree: Tree, obj: int) -> set[str]:
    """Lemmas of a direct object phrase and of its complements: "$84 million of aid",
    "$45 million in aid", "planes with food and medicine". An amount of money also counts as
    the word "money", so "grant money to +" covers "granted €45m to Peru"."""
    words = {tree.tokens[obj].lemma}
    joined = _joined_lemma(tree, obj)
    if joined:
        words.add(joined)  # "declared a cease-fire" → `declare ceasefire`
    if _is_money(tree, obj):
        words.add("money")
    for c in tree.children(obj):
        tok = tree.tokens[c]
        if tok.dep in ("compound", "amod", "nmod", "nummod"):
            words.add(tok.lemma)
        elif tok.dep == "prep" and tok.lemma in OBJECT_COMPLEMENT_PREPS:
            if tok.lemma == "of" and not _measures(tree, obj):
                continue
            for p in tree.children(c, "pobj"):
                for q in tree.conjuncts(p):
                    words.add(tree.tokens[q].lemma)
                    words.update(tree.tokens[g].lemma for g in tree.children(q, "compound", "amod"))
    return words


def _measures(tree: Tree, obj: int) -> bool:
    """True when an object counts or holds what its "of" phrase names (see MEASURE_HEADS)."""
    t = tree.tokens[obj]
    return t.lemma in MEASURE_HEADS or t.pos == "NUM" or _is_money(tree, obj)


def _preps(tree: Tree, heads: list[int]) -> list[tuple[str, int]]:
    """(preposition lemma, object index) for prepositional phrases attached to the heads."""
    out: list[tuple[str, int]] = []
    for h in heads:
        for p in tree.children(h, "prep", "agent", "dative"):
            tok = tree.tokens[p]
            if tok.pos in ("ADP", "SCONJ"):  # "agreed upon a pact": "upon" is tagged SCONJ
                for o in tree.children(p, "pobj"):
                    out.append((tok.lemma, o))
                # A gerund names the act: "accused Peru of violating" → `accuse + of violate`.
                for o in tree.children(p, "pcomp"):
                    if tree.tokens[o].pos == "VERB":
                        out.append((tok.lemma, o))
        # "called for the closure to be abandoned": the parse marks a "for ... to" clause with
        # "for"; its verb is the object of the "for".
        for c in tree.children(h, "advcl", "ccomp"):
            if any(tree.tokens[m].text.lower() == "for" for m in tree.children(c, "mark")):
                out.append(("for", c))
    return out


def _best(
    patterns: list[Pattern],
    particles: set[str],
    obj_words: set[str],
    preps: list[tuple[str, int]],
    direct_object: int | None,
    tree: Tree,
    by_head: dict[int, Mention],
    verb: int | None = None,
) -> tuple[Pattern, int | None] | None:
    """The most specific pattern whose required words are all present, with its target.

    Specificity is the number of items the sentence fills (an empty target slot does not count);
    ties go to the entry whose target is a resolved actor, then to the earlier entry.
    """
    best: tuple[Pattern, int | None] | None = None
    best_key: tuple[int, int] | None = None
    # The walks imported entries need, only when there are such entries.
    imported = verb is not None and any(p.as_written or p.before for p in patterns)
    ahead = words_before(tree, verb) if imported and verb is not None else []
    span = verb_phrase(tree, verb) if imported and verb is not None else set()
    phrase = {f for i in span for f in forms(tree, i)}
    for order, p in enumerate(patterns):
        if p.as_written and verb is not None:
            # An imported entry reads as its dictionary meant it: its words anywhere in the verb
            # phrase after the verb ("vowed to wage war" holds "war"; "acted on a resolution"),
            # words joined by "_" next to each other ("new_economic_relation").
            if any(
                not adjacent(w.split("_"), span, tree) if "_" in w else w not in phrase
                for w in p.words
            ) or any(prep not in phrase or word not in phrase for prep, word in p.prep_words):
                continue
        elif any(w not in particles and w not in obj_words for w in p.words):
            continue
        if p.before and (verb is None or not in_order(p.before, ahead, tree, verb)):
            continue
        if p.mutual and (verb is None or len(_subjects(tree, verb, by_head)) < 2):
            continue  # "%": only conjoined subjects act on one another
        if not (p.as_written and verb is not None) and any(
            not any(
                pl == prep
                and (
                    tree.tokens[o].lemma == word
                    or _joined_lemma(tree, o) == word
                    or (word == ANY_OBJECT and tree.tokens[o].ent not in ("DATE", "TIME"))
                )
                for pl, o in preps
            )
            # The parse may take the preposition for a particle and its object for the verb's
            # ("clashed over the efforts": over/prt, efforts/dobj).
            and not (prep in particles and word in obj_words)
            for prep, word in p.prep_words
        ):
            continue
        target: int | None = None
        if p.has_target:
            if p.target_prep is None:
                target = direct_object
            elif p.target_prep == ANY_SLOT:
                target = any_target(
                    verb,
                    direct_object,
                    preps,
                    tree,
                    by_head,
                    lambda i: _mention(tree, i, by_head, possessor=True),
                )
            else:
                found = [o for pl, o in preps if pl == p.target_prep]
                if p.as_written:
                    # PETRARCH's "(FROM +)" is read anywhere in the verb phrase: "assurances on
                    # cultural issues from Bree".
                    found += [
                        o
                        for i in sorted(span)
                        if tree.tokens[i].lemma == p.target_prep
                        for o in tree.children(i, "pobj")
                        if o not in found
                    ]
                target = _pick_target(found, tree, by_head)
                named = target is not None and _mention(tree, target, by_head, possessor=True)
                if p.as_written and target is not None and not named:
                    target = phrase_actor(tree, target, by_head)  # the actor named in the phrase
                if target is None and not p.nominal and not p.words and not p.prep_words:
                    continue  # "stand by +" without "by" is just "stand": no evidence of the act
        is_actor = target is not None and _mention(tree, target, by_head) is not None
        # A target slot counts only when an actor fills it ("on Tuesday" fills no slot).
        filled = p.n_items - (1 if p.has_target and not is_actor else 0)
        key = (filled, -order)
        if best_key is None or key > best_key:
            best, best_key = (p, target), key
    return best


def _pick_target(candidates: list[int], tree: Tree, by_head: dict[int, Mention]) -> int | None:
    """Of several objects of one preposition, an actor first, then anything but a time
    ("air strikes on militant positions ... on Tuesday")."""
    for o in candidates:
        if _mention(tree, o, by_head, possessor=True) is not None:
            return o
    for o in candidates:
        if tree.tokens[o].ent not in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
            return o
    return None


def _match_verb(
    v: Token, tree: Tree, patterns: list[Pattern], by_head: dict[int, Mention]
) -> _Match | None:
    if _engaged_in(tree, v.i) is not None:
        return None  # "were engaged in ethnic cleansing": the noun names the act
    passive = bool(tree.children(v.i, "nsubjpass"))
    # Particles: spaCy parses some ("stepped down", "pulled back") as adverbs, not `prt`.
    particles = {tree.tokens[c].lemma for c in tree.children(v.i, "prt")}
    particles |= {
        tree.tokens[c].lemma
        for c in tree.children(v.i, "advmod")
        if tree.tokens[c].pos in ("ADV", "ADP")
    }
    objects = tree.children(v.i, "nsubjpass") if passive else tree.children(v.i, *OBJECT_DEPS)
    if not objects and v.dep == "acl" and v.tag == "VBN" and v.head != v.i:
        objects = [v.head]  # "the regime, backed by Moscow": the regime is backed
    if not objects and not passive and _relative_object(tree, v.i, by_head):
        objects = [v.head]  # "the Kurdish militias Turkey is battling": the militias
    small_clauses = [
        c for c in tree.children(v.i, "ccomp") if tree.tokens[c].pos == "ADJ"
    ]  # "holding Russia responsible": the parse makes Russia the subject of "responsible"
    if not objects and not passive:
        objects = [s for c in small_clauses for s in tree.children(c, "nsubj")][:1]
    datives = tree.children(v.i, "dative", "iobj")
    direct_object = objects[0] if objects else None
    obj_words: set[str] = set()
    complements_of_verb: list[int] = []
    for o in objects:
        obj_words |= _object_words(tree, o)
    # An open complement's verb counts as a word too: "declined to comment" → `decline comment`.
    xcomps = tree.children(v.i, "xcomp")
    obj_words.update(tree.tokens[c].lemma for c in xcomps)
    # So does an object's predicate: "held Chile responsible" → `hold + responsible`.
    obj_words.update(tree.tokens[c].lemma for c in tree.children(v.i, "oprd"))
    obj_words.update(tree.tokens[c].lemma for c in small_clauses if tree.children(c, "nsubj"))
    if any(tree.tokens[c].pos == "VERB" for c in xcomps):
        obj_words.add(XCOMP_WORD)  # "agreed to undertake exercises" → `agree xcomp`
    # So does the verb of a "that" clause: "demanded that the US cancel" → `demand cancel`; the
    # word "that" stands for any such clause ("deny that": denied that its troops had entered).
    ccomps = [c for c in tree.children(v.i, "ccomp") if tree.tokens[c].pos in ("VERB", "AUX")]
    obj_words.update(tree.tokens[c].lemma for c in ccomps)
    if ccomps:
        obj_words.add(CCOMP_WORD)
    # What is sent "with" the verb belongs to the object: "sent planes with food to Manila"; so
    # does "in X" after an amount: "provided €12m in humanitarian aid to Ukraine".
    amount = any(_is_amount(tree, o) for o in objects)
    for w in tree.children(v.i, "prep"):
        if tree.tokens[w].lemma == "with" or (amount and tree.tokens[w].lemma == "in"):
            for p in tree.children(w, "pobj"):
                objects_of_prep = tree.conjuncts(p)
                obj_words.update(tree.tokens[q].lemma for q in objects_of_prep)
                for q in objects_of_prep:
                    obj_words.update(
                        tree.tokens[g].lemma for g in tree.children(q, "compound", "amod")
                    )
                if amount:
                    complements_of_verb.extend(objects_of_prep)
    if datives and (direct_object is None or direct_object not in by_head):
        direct_object = datives[0] if datives[0] in by_head else direct_object
    complements = [
        p
        for o in objects
        for c in tree.children(o, "prep")
        if tree.tokens[c].lemma in OBJECT_COMPLEMENT_PREPS
        for p in tree.children(c, "pobj")
    ]
    preps = [
        pp
        for pp in _preps(tree, [v.i, *objects, *complements, *complements_of_verb])
        if not (passive and pp[0] == "by")
    ]
    # A noun dative is the "to" of the act: "gave the Ivory Coast $5m of aid" = `give aid to +`.
    preps += [("to", d) for d in datives if tree.tokens[d].pos in ("NOUN", "PROPN", "PRON")]
    found = _best(patterns, particles, obj_words, preps, direct_object, tree, by_head, v.i)
    if found is None:
        return None
    return _Match(pattern=found[0], trigger=v.i, clause=v.i, target=found[1])


def _relative_object(tree: Tree, v: int, by_head: dict[int, Mention]) -> bool:
    """True for a relative clause with no pronoun whose verb has a subject of its own and no
    object: the noun it modifies is its object ("the militias Turkey is battling")."""
    tok = tree.tokens[v]
    if tok.dep != "relcl" or tok.head == v:
        return False
    subjects = tree.children(v, "nsubj")
    if not subjects or tree.tokens[subjects[0]].lemma in RELATIVE_PRONOUNS:
        return False
    if any(tree.tokens[c].lemma in ("where", "when", "why", "how") for c in tree.kids[v]):
        return False
    head = tree.tokens[tok.head]
    if head.ent in ("DATE", "TIME") or head.lemma in RELATIVE_NOT_OBJECTS:
        return False
    # an actor or a thing force is used on, not "something Assad would resist"
    return _mention(tree, head.i, by_head) is not None or _physical(tree, head.i)


def _engaged_in(tree: Tree, v: int) -> int | None:
    """The noun of "engaged in X" ("were engaged in ethnic cleansing") when the verb has no
    object of its own; None otherwise."""
    if tree.tokens[v].lemma not in ENGAGING_VERBS or tree.children(v, *OBJECT_DEPS):
        return None
    for p in tree.children(v, "prep"):
        if tree.tokens[p].lemma == "in":
            for o in tree.children(p, "pobj"):
                if tree.tokens[o].pos == "NOUN":
                    return o
    return None


def _governing_verb(tree: Tree, n: int) -> int | None:
    """The verb a nominal trigger is the object of ("held talks", "devoting $84 million of aid",
    "engaged in ethnic cleansing")."""
    node = n
    for _ in range(4):
        tok = tree.tokens[node]
        if tok.dep == "pobj" and tree.tokens[tok.head].lemma == "in":
            verb = tree.tokens[tok.head].head
            if _engaged_in(tree, verb) == node:
                return verb
        if tok.dep in ("dobj", "obj", "attr", "nsubjpass") and tree.tokens[tok.head].pos in (
            "VERB",
            "AUX",
        ):
            return tok.head
        if tok.dep == "pobj" and tree.tokens[tok.head].lemma == "of":
            node = tree.tokens[tok.head].head
            continue
        if tok.dep in ("compound", "conj") and tok.head != node:
            node = tok.head
            continue
        return None
    return None


def _match_noun(
    n: Token, tree: Tree, patterns: list[Pattern], by_head: dict[int, Mention]
) -> _Match | None:
    if any(tree.tokens[c].lemma in FIGURATIVE for c in tree.children(n.i, "amod", "compound")):
        return None  # "a cold war with Qatar", "a trade war", "a war of words"
    verb = _governing_verb(tree, n.i)
    prepared = verb is not None and prepares_force(tree, verb, patterns)  # "prepare an offensive"
    if verb is not None and tree.tokens[verb].lemma not in LIGHT_VERBS and not prepared:
        verb = None
    if verb is None:
        # A noun in passing counts only with its actors in its own phrase ("Russia's attack on
        # Ukraine", "talks between Peru and Chile"); "support for the war" is background.
        return _match_passing_noun(n, tree, patterns, by_head)
    heads = [n.i, verb]
    preps = _preps(tree, heads)
    words = {tree.tokens[c].lemma for c in tree.children(n.i, "compound", "amod")}
    found = _best(patterns, words, words, preps, None, tree, by_head)
    if found is None:
        return None
    return _Match(
        pattern=found[0], trigger=n.i, clause=verb if verb is not None else n.i, target=found[1]
    )


def _match_passing_noun(
    n: Token, tree: Tree, patterns: list[Pattern], by_head: dict[int, Mention]
) -> _Match | None:
    """An event noun no light verb reports, coded only when its own phrase names the target
    actor ("an attack on Kenya", "talks between Peru and Chile") and its source (a possessor, a
    "by" phrase, or both sides of "between"), in a clause that reports it as having happened."""
    host = _factual_host(tree, n.i)
    if host is None or not names_an_act(tree, n.i, host):
        return None
    if any(tree.tokens[c].lemma in ("no", "any") for c in tree.children(n.i, "det")):
        return None  # "there was no attack on", "any talks with"
    preps = _preps(tree, [n.i])
    words = {tree.tokens[c].lemma for c in tree.children(n.i, "compound", "amod")}
    usable = [p for p in patterns if p.has_target and p.target_prep is not None]
    found = _best(usable, words, words, preps, None, tree, by_head)
    target = found[1] if found is not None else None
    named = target is not None and _mention(tree, target, by_head, possessor=True) is not None
    own_source = any(
        _mention(tree, i, by_head) or unresolved_mention(tree, i)
        for i in _noun_sources(tree, n.i, n.i, by_head)
    )
    if found is not None and named and (own_source or _mutual_between(found[0])):
        return _Match(pattern=found[0], trigger=n.i, clause=host, target=target, passing=True)
    instrument = _instrument_of(tree, n.i, meeting=found is not None and found[0].code[:2] == "04")
    if not own_source and instrument is not None and found is not None:
        # "responded with threats of military action", "retaliated with airstrikes on X": the
        # act is the verb's subject's, as if the verb reported it.
        return _Match(pattern=found[0], trigger=n.i, clause=instrument, target=found[1])
    if own_source:
        # "Turkey's offensive in Afrin", "a Turkish military campaign": force, protest and
        # mobilisation are coded with their doer alone.
        found = _best(patterns, words, words, preps, None, tree, by_head)
        if found is not None and found[0].has_target and found[1] is None:
            # "Turkey's offensive in Afrin": no one's "against" slot filled, the bare entry.
            bare = [p for p in patterns if not p.has_target]
            found = _best(bare, words, words, preps, None, tree, by_head) or found
        if found is not None and source_only(found[0]):
            return _Match(pattern=found[0], trigger=n.i, clause=host, target=found[1], passing=True)
        return None
    patient = patient_possessor(tree, n.i)
    if not one_sided_noun(tree, n.i):
        return None
    if patient is not None:
        # "his arrest in July": the possessor is the one arrested, by no one named.
        found = _best(patterns, words, words, preps, None, tree, by_head)
        if found is not None and one_sided_code(found[0].code, n.lemma):
            return _Match(pattern=found[0], trigger=n.i, clause=host, target=patient, passing=True)
        return None
    if found is not None and named and one_sided_code(found[0].code, n.lemma):
        # "the arrest of the opposition leader": the victim alone (a one-sided event).
        return _Match(pattern=found[0], trigger=n.i, clause=host, target=target, passing=True)
    return None


# Prepositions by which a verb's subject acts through the act a noun names: "responded with
# threats", "retaliated with airstrikes", "hit back through sanctions".
INSTRUMENT_PREPS = frozenset({"with", "through", "via"})
# Prepositions by which a meeting is the time of what the verb's subject did, so the subject
# took part in it: "during a meeting with", "at talks with", "after a call with".
MEETING_TIME_PREPS = frozenset({"during", "at", "after", "before", "following", "on", "in"})


def _instrument_of(tree: Tree, n: int, *, meeting: bool = False) -> int | None:
    """The verb whose subject acts through the noun's act ("responded with threats of military
    action": responded), or None; with ``meeting``, also the verb a meeting is the time of
    ("told reporters during a meeting with the emir": the speaker met the emir)."""
    tok = tree.tokens[n]
    if tok.dep != "pobj" or tok.head == n:
        return None
    prep = tree.tokens[tok.head]
    preps = INSTRUMENT_PREPS | MEETING_TIME_PREPS if meeting else INSTRUMENT_PREPS
    if prep.lemma not in preps or prep.head == prep.i:
        return None
    verb = tree.tokens[prep.head]
    if verb.pos != "VERB" or verb.lemma in LIGHT_VERBS or not tree.children(verb.i, "nsubj"):
        return None
    return verb.i


def _licensed_alone(pattern: Pattern, code: str) -> bool:
    """True when an entry codes its act without a target actor: an entry written with no target
    slot ("resign", "lift curfew", "call for ceasefire"; not the bare "agree xcomp"), or, for the
    roots of NAMED_ACT_ROOTS, an entry whose required words name the act ("grant asylum to +")."""
    if not pattern.has_target:
        # "agree xcomp" needs a partner; a threat to do something is a threat ("threatened to
        # secede").
        return (
            pattern.nominal
            or bool(pattern.prep_words)
            or pattern.words != (XCOMP_WORD,)
            or code[:2] == "13"
        )
    return code[:2] in NAMED_ACT_ROOTS and _names_the_act(pattern)


def _names_the_act(pattern: Pattern) -> bool:
    """True when an entry requires a word naming the act ("lift curfew", "grant asylum to +",
    "n:ceasefire"), not only a verb with a slot ("release +") or any complement ("agree xcomp")."""
    if pattern.nominal:
        return True
    named = [w for w in pattern.words if w != XCOMP_WORD and w not in PARTICLES]
    return bool(named) or bool(pattern.prep_words)


def _mutual_between(pattern: Pattern) -> bool:
    """ "talks/clashes between A and B": both sides act on each other (not a mediation)."""
    return (
        pattern.target_prep == "between"
        and pattern.code[:2] in MUTUAL_NOUN_ROOTS
        and not pattern.code.startswith("045")
    )


def _factual_host(tree: Tree, n: int) -> int | None:
    """The predicate a passing event noun hangs from (the noun itself in a fragment), or None
    when the way up names something asked for, planned, feared or alleged ("called for talks
    with", "the threat of an attack on", "accused of an attack on")."""
    node = n
    for _ in range(8):
        tok = tree.tokens[node]
        if node != n and tok.lemma in NON_FACTUAL_WORDS:
            return None
        if tok.pos in ("VERB", "AUX") and node != n:
            return node
        if tok.head == node:
            return node
        node = tok.head
    return None


def _subjects(tree: Tree, v: int, by_head: dict[int, Mention]) -> list[int]:
    """The logical subject(s) of a verb, inherited up the chain when the clause has none."""
    seen: set[int] = set()
    node = v
    step = ""  # the relation last climbed
    shared_passive = False  # climbed from a bare participle: "were captured and killed"
    while node not in seen:
        seen.add(node)
        tok = tree.tokens[node]
        agent = [o for a in tree.children(node, "agent") for o in tree.children(a, "pobj")]
        passive_subjects = tree.children(node, "nsubjpass")
        if passive_subjects and not agent:
            agent = _misattached_agent(tree, node, by_head)
        if passive_subjects and not agent and _engaged_in(tree, node) is not None:
            return tree.conjuncts(passive_subjects[0])  # "were engaged in": they did it
        if agent and not passive_subjects and tok.tag == "VBN" and tok.dep == "conj":
            return tree.conjuncts(agent[0])  # "was betrayed and arrested by soldiers"
        if not passive_subjects and tok.dep == "conj" and tree.children(node, "auxpass"):
            # "had surrendered or been killed": a passive whose patient is the subject before.
            return tree.conjuncts(agent[0]) if agent else []
        if passive_subjects and shared_passive:
            # "300 militants had been neutralized, killed or injured": passive too, by the agent.
            return tree.conjuncts(agent[0]) if agent else []
        if passive_subjects and step in ("conj", "xcomp"):
            # "X was indicted and will resign", "X was forced to resign": X resigns.
            return tree.conjuncts(passive_subjects[0])
        if passive_subjects:
            return tree.conjuncts(agent[0]) if agent else []
        subj = tree.children(node, *SUBJECT_DEPS)
        if subj and _reduced_passive(tree, node):
            return []  # "Kenyan protesters arrested in Nairobi": the protesters were arrested
        if subj:
            s = subj[0]
            if tree.tokens[s].lemma in RELATIVE_PRONOUNS and tok.dep == "relcl":
                return tree.conjuncts(tok.head)
            return tree.conjuncts(s)
        if tok.dep == "relcl":
            return tree.conjuncts(tok.head)
        if tok.dep == "acl" and (root := _misparsed_main_verb(tree, node)) is not None:
            return tree.conjuncts(root)
        if tok.dep == "xcomp" and (controller := _object_controller(tree, node, by_head)):
            return controller  # "persuaded Trump to launch strikes": Trump launched them
        if tok.dep in ("xcomp", "conj", "advcl", "acomp"):
            shared_passive = (
                tok.dep == "conj"
                and tok.tag == "VBN"
                and not tree.children(node, "aux", "auxpass", "nsubj", "nsubjpass")
                and not tree.children(node, *OBJECT_DEPS)
            )
            step = tok.dep
            node = tok.head
        elif tok.dep == "pcomp":
            prep = tree.tokens[tok.head]
            governor = prep.head
            objects = tree.children(governor, *OBJECT_DEPS)
            if prep.lemma in ACCUSED_PREPS and objects and prep.head != prep.i:
                # "accused China of violating", "blamed Kyiv for shelling": the object did it.
                return tree.conjuncts(objects[0])
            step = "pcomp"
            node = governor  # "after meeting with": the verb the phrase modifies
            if begun_process(tree, governor):
                node = tree.tokens[governor].head  # "began the process of returning": who began
        elif tree.tokens[node].pos == "ADJ" and tok.dep == "acomp":
            step = "acomp"
            node = tok.head
        else:
            return []
    return []


def _misattached_agent(tree: Tree, v: int, by_head: dict[int, Mention]) -> list[int]:
    """The agent of a passive verb that the parse hung on the object of the verb's own
    phrase ("are carried out with impunity by Syrian forces": "by" under "impunity"), when
    it names an actor."""
    return [
        o
        for p in tree.children(v, "prep")
        for n in tree.children(p, "pobj")
        for b in tree.children(n, "prep")
        if tree.tokens[b].lemma == "by"
        for o in tree.children(b, "pobj")
        if _mention(tree, o, by_head) is not None
    ][:1]


# Verbs whose object is not who does the act of their open complement ("promised Iran to
# withdraw": the one who promised withdraws).
SUBJECT_CONTROL_VERBS = frozenset({"promise", "pledge", "vow", "swear", "offer"})


def _object_controller(tree: Tree, xcomp: int, by_head: dict[int, Mention]) -> list[int]:
    """The actor object of the verb an open complement hangs on, which is who does the
    complement's act ("led Riyadh to renege", "forced the rebels to withdraw", "persuaded Trump
    to launch strikes"); nothing when that object is no actor or name ("took steps to end the
    war") or the verb's own subject does the act ("promised Iran to withdraw")."""
    governor = tree.tokens[xcomp].head
    if tree.tokens[governor].lemma in SUBJECT_CONTROL_VERBS:
        return []
    for o in tree.children(governor, "dobj"):
        if o < xcomp and (_mention(tree, o, by_head) is not None or tree.tokens[o].pos == "PROPN"):
            return tree.conjuncts(o)  # a name no dictionary knows is still who acts
    return []


def _passive_between(tree: Tree, v: int, by_head: dict[int, Mention]) -> list[Mention]:
    """The sides of a passive act with no agent named by "between" ("an agreement was signed
    between Kenya and Uganda", "talks were held between the two governments")."""
    if not tree.children(v, "nsubjpass") or tree.children(v, "agent"):
        return []
    return [
        found
        for p in tree.children(v, "prep")
        if tree.tokens[p].lemma == "between"
        for o in tree.children(p, "pobj")
        for i in tree.conjuncts(o)
        if (found := _mention(tree, i, by_head)) is not None
    ]


def _participle_agent(tree: Tree, v: int) -> list[int]:
    """The agent of a past participle modifying its patient ("civilians killed by government
    forces"), or nothing."""
    tok = tree.tokens[v]
    if tok.dep != "acl" or tok.tag != "VBN" or tok.head == v or tok.lemma in HOLDING_VERBS:
        return []  # "territory occupied by Islamic State": who holds it, a state of affairs
    agents = [o for a in tree.children(v, "agent") for o in tree.children(a, "pobj")]
    return tree.conjuncts(agents[0]) if agents else []


def _reduced_passive(tree: Tree, v: int) -> bool:
    """A past participle standing as the main verb with no auxiliary and no object, as headlines
    write a passive ("Kenyan protesters arrested in Nairobi", "Five journalists detained"):
    its subject is the one acted on, not the actor."""
    tok = tree.tokens[v]
    if tok.tag != "VBN" or tok.dep != "ROOT":
        return False
    return not tree.children(v, "aux", "auxpass", *OBJECT_DEPS)


def _misparsed_main_verb(tree: Tree, v: int) -> int | None:
    """The subject of a main verb the parse took for a participle of the sentence's root noun:
    "Doctors from two aid groups donated and delivered goods", "Palestinian youths resorted to
    throwing stones", "An Iranian newspaper called Thursday on Iraq to act" (None otherwise).
    Only with what a passive participle cannot have: an object (its own or a conjoined verb's),
    a "to" + gerund, or a day read as its name ("called Thursday"). "Ten soldiers killed in a
    blast" (a headline's passive) stays a modifier."""
    tok = tree.tokens[v]
    kids = [tree.tokens[c] for c in tree.kids[v]]
    if any(k.dep in ("nsubj", "nsubjpass", "agent", "auxpass") for k in kids) or any(
        k.lemma == "to" and k.dep == "aux" for k in kids
    ):
        return None
    node = tok.head
    for _ in range(4):  # up through "of/from" phrases to the root noun
        t = tree.tokens[node]
        if t.head == node or t.dep == "nsubj":
            break
        if t.dep not in ("pobj", "prep"):
            return None
        node = t.head
    root = tree.tokens[node]
    if root.pos not in ("NOUN", "PROPN"):
        return None
    # The root of the sentence, or one of two subjects of one verb ("youths resorted to
    # throwing stones ..., officials said": youths/nsubj and officials/nsubj of "said").
    if root.head != node and not (
        root.dep == "nsubj" and len(tree.children(root.head, "nsubj")) > 1
    ):
        return None
    verbs = [v, *(c for c in tree.children(v, "conj") if tree.tokens[c].pos == "VERB")]
    has_object = any(tree.children(w, *OBJECT_DEPS) for w in verbs)
    gerund = any(
        tree.tokens[p].lemma == "to" and tree.tokens[g].tag == "VBG"
        for p in tree.children(v, "prep")
        for g in tree.children(p, "pcomp")
    )
    day = any(k.dep == "oprd" and k.ent in ("DATE", "TIME") for k in kids)
    return node if has_object or gerund or day else None


def _noun_sources(tree: Tree, n: int, clause: int, by_head: dict[int, Mention]) -> list[int]:
    """The doer an event noun's own phrase names (its possessor, its "by" phrase, a name or
    nationality modifying it), else the subject of the verb reporting it."""
    poss = tree.children(n, "poss")
    if poss and patient_possessor(tree, n) is None:
        pronoun = tree.tokens[poss[0]].pos == "PRON" and _mention(tree, poss[0], by_head) is None
        if not (pronoun and clause != n):
            return tree.conjuncts(poss[0])
        # "The SDF began its assault on Raqqa": "its" is the subject of the verb reporting it.
    by = [
        o
        for p in tree.children(n, "prep")
        if tree.tokens[p].lemma == "by"
        for o in tree.children(p, "pobj")
    ]
    if not by and tree.tokens[n].lemma in FORCE_NOUNS:
        # "an attack on a police patrol by rebels": the parse hangs the attacker on the target.
        by = [
            o
            for p in tree.children(n, "prep")
            if tree.tokens[p].lemma in ("on", "against")
            for t in tree.children(p, "pobj")
            for b in tree.children(t, "prep")
            if tree.tokens[b].lemma == "by"
            for o in tree.children(b, "pobj")
        ]
    if by:
        return tree.conjuncts(by[0])
    subjects = _subjects(tree, clause, by_head) if clause != n else []
    if not any(_mention(tree, i, by_head) for i in subjects):
        # "US airstrikes killed ten", "Turkey's military campaign": no subject names the doer.
        return modifier_sources(tree, n, by_head) or subjects
    return subjects


def _physical(tree: Tree, i: int) -> bool:
    """A place or a physical thing that force can be used on, also counted or measured ("seven
    of the 13 drones", "large swaths of territory")."""
    tok = tree.tokens[i]
    if tok.ent in ("GPE", "LOC", "FAC") or tok.lemma in PHYSICAL_TARGETS:
        return True
    if tok.pos == "NUM" or tok.lemma in MEASURE_HEADS or tok.lemma in GROUP_HEADS:
        return any(
            _physical(tree, o)
            for p in tree.children(i, "prep")
            if tree.tokens[p].lemma == "of"
            for o in tree.children(p, "pobj")
        )
    return False


def _reported_speaker(tree: Tree, i: int, by_head: dict[int, Mention]) -> list[Mention]:
    """The speaker a pronoun subject of reported speech stands for: "Uganda said it had paid",
    "Kenya says they will withdraw" (the subject of the speech verb governing the clause, when
    the pronoun itself is not resolved)."""
    tok = tree.tokens[i]
    if tok.pos != "PRON" or tok.lemma.lower() not in SPEAKER_PRONOUNS or tok.dep != "nsubj":
        return []
    clause = tree.tokens[tok.head]
    if clause.dep != "ccomp" or clause.head == tok.head:
        return []
    speech = clause.head
    if tree.tokens[speech].lemma not in SPEECH_VERBS:
        return []
    personal = tok.lemma.lower() in ("he", "she")
    speakers = [
        s
        for h in tree.children(speech, "nsubj")
        for c in tree.conjuncts(h)
        if (s := _mention(tree, c, by_head)) is not None
    ]
    # "he"/"she" stand for a person, "it" for anything but one ("Uganda said it had paid").
    if tok.lemma.lower() in ("he", "she", "it") and any(
        (tree.tokens[s.head].ent == "PERSON") != personal for s in speakers
    ):
        return []
    return speakers


def _harmed_person(tree: Tree, trigger: int, target: int, pattern: Pattern) -> bool:
    """True for the object of a verb that only harms people ("killed 23 people", "beat up
    detainees", "assassinated the deputy chief"): force was used even when the victims are no
    resolved actor. Generic verbs ("fought elections", "struck a deal") stay uncoded."""
    tok = tree.tokens[target]
    harming = tree.tokens[trigger].lemma in HARMING_VERBS or (
        tree.tokens[trigger].lemma == "beat" and "up" in pattern.words  # not "beat Chelsea"
    )
    return (
        harming
        and tok.pos in ("NOUN", "PROPN", "NUM")
        and tok.ent not in ("DATE", "TIME", "MONEY", "PERCENT")
    )


def _events_for(
    m: _Match,
    sentence: Sentence,
    tree: Tree,
    by_head: dict[int, Mention],
    doc_id: str,
    input_id: str,
    date: str | None,
    why: list[str] | None = None,
    place: tuple[str, str] | None = None,
) -> list[Event]:
    why = why if why is not None else []
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
    if mood.skip:
        why.append(f"not an actual act ({mood.modality}: {mood.via})")
        return []
    if in_question(tree, m.trigger):
        why.append("in a question")
        return []
    if m.passing and (mood.modality != "actual" or mood.negated):
        why.append(f"a noun in passing under a {mood.modality} or negated verb ({mood.via})")
        return []  # "Russia's attack on Ukraine will be discussed": not an intended attack
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
        why.append(f"CAMEO has no {mood.modality} code for {m.pattern.code} ({mood.via})")
        return []
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
    sources = [s for i in source_heads if (s := _mention(tree, i, by_head)) is not None]
    clause_tok = tree.tokens[m.clause]
    if not source_heads and code[:2] in ("10", "14") and clause_tok.dep == "acl":
        # "students staged demonstrations to demand reforms": the protesters demand.
        noun = tree.tokens[clause_tok.head]
        if noun.dep in OBJECT_DEPS and noun.head != clause_tok.head:
            source_heads = _subjects(tree, noun.head, by_head)
            sources = [s for i in source_heads if (s := _mention(tree, i, by_head)) is not None]
    if not sources and code[:2] in FORCE_ROOTS and len(source_heads) == 1:
        # "Russia's shelling killed ten", "an attack by Hamas wounded two": the attacker.
        noun = tree.tokens[source_heads[0]]
        if (noun.lemma in FORCE_NOUNS or noun.lemma in WEAPONS) and noun.dep in SUBJECT_DEPS:
            own = _noun_sources(tree, noun.i, noun.i, by_head)
            sources = [s for i in own if (s := _mention(tree, i, by_head)) is not None]
    if not sources and code[:2] in COERCION_ROOTS and not source_heads:
        # "civilians killed by government forces", "two men detained by the police": the agent
        # of a participle after its victims (not of a description: "rebels backed by Ankara").
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
    between_sides = False
    if not sources and not m.pattern.as_written and code[:2] in MUTUAL_NOUN_ROOTS:
        # "an agreement was signed between Kenya and Uganda": both sides did it, to each other.
        sides = _passive_between(tree, m.trigger, by_head)
        if len(sides) > 1:
            sources, between_sides = sides, True
    if not sources and m.pattern.as_written:
        # PETRARCH reads a noun phrase's actor off any name in it: "Ithilen's militia".
        sources = [s for i in source_heads if (s := inner_mention(tree, i, by_head)) is not None]
    if not sources and m.pattern.as_written and m.pattern.before:
        # An entry with words before the verb reads them in the governing clause, and its
        # actor with them: "Ethiopia indicated it would act" (it = Ethiopia).
        clause = tree.tokens[m.clause]
        pronouns = bool(source_heads) and all(tree.tokens[i].pos == "PRON" for i in source_heads)
        if clause.dep == "ccomp" and pronouns:
            source_heads = _subjects(tree, clause.head, by_head)
            sources = [s for i in source_heads if (s := _mention(tree, i, by_head)) is not None]
    if sources and m.pattern.as_written:
        sources = distribute(sources, tree, by_head)
    if not sources and not m.pattern.as_written:
        # "Brandon Lewis defended the decision": someone the dictionaries do not place.
        sources = [s for i in source_heads if (s := unresolved_mention(tree, i)) is not None]
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
    if one_sided is not None and one_sided.source is None and place is not None:
        # "he was jailed for seven years", in an article about Turkey: the state the whole
        # article places its events in (see ``article_place``) arrested, jailed or convicted.
        state = state_of_place(tree, m.trigger, place)
        if state is not None:
            one_sided = replace(one_sided, source=state)
    if not sources and one_sided is None:
        why.append("no resolved source actor")
        return []  # no resolved source: abstain
    target_heads = tree.conjuncts(m.target) if m.target is not None else []
    if not m.pattern.as_written:
        target_heads = beside(tree, target_heads)  # "warned seven states, Britain, France ..."
    targets: list[Mention] = [
        t for i in target_heads if (t := _mention(tree, i, by_head, possessor=True)) is not None
    ]
    if not targets and not m.pattern.has_target and not m.pattern.nominal:
        # "refused to meet Morocco" (`refuse meet`): the complement's object is the target.
        target_heads = _complement_objects(tree, m)
        targets = [t for i in target_heads if (t := _mention(tree, i, by_head)) is not None]
    if (
        not targets
        and not m.pattern.has_target
        and not m.pattern.nominal
        and not m.pattern.as_written
        and code[:2] in ADDRESSED_ROOTS
    ):
        # "begged the British government for help" (`beg for *`): an appeal or a demand is
        # made to the verb's object when that is an actor.
        target_heads = [
            i for o in tree.children(m.trigger, "dobj") for i in tree.conjuncts(o)
        ]
        targets = [t for i in target_heads if (t := _mention(tree, i, by_head)) is not None]
    if not targets and code[:2] == "13" and not mood.negated:
        # "threatened to secede unless Moscow withdrew its soldiers": the one the condition
        # is laid on is the one threatened.
        target_heads = _condition_subjects(tree, m)
        targets = [t for i in target_heads if (t := _mention(tree, i, by_head)) is not None]
    if not targets and code[:2] in TARGETED_ROOTS:
        target_heads = _implied_targets(tree, m, code)
        targets = [t for i in target_heads if (t := _mention(tree, i, by_head)) is not None]
    if not targets and m.target is not None and not m.pattern.as_written:
        # "urged it to attend", "called on their western partners to act": someone the
        # dictionaries do not place is still the one asked (see _unresolved.py).
        addressed = m.pattern.code[:2] in ADDRESSED_ROOTS
        targets = [
            t
            for i in tree.conjuncts(m.target)
            if (t := unresolved_target(tree, i, addressee=addressed)) is not None
        ]
        if not targets and code[:2] in HELPED_ROOTS:
            # "rescued 5,000 people", "freed two hostages": people helped or released are
            # someone though no dictionary places them.
            targets = [t for i in tree.conjuncts(m.target) if (t := victim(tree, i)) is not None]
    if not targets and code[:3] == "174" and m.target is not None:
        # "sent refugees back": only people are deported ("sent the letter back" is not).
        targets = [t for i in tree.conjuncts(m.target) if (t := victim(tree, i)) is not None]
        if not targets:
            why.append("only people are deported or expelled")
            return []
    if one_sided is not None and not m.passing:
        targets = one_sided.victims  # who was hit, named or not (empty: a thing was hit)
    if one_sided is not None and m.passing:
        victims = [v for i in target_heads if (v := victim(tree, i)) is not None]
        targets = targets or victims[:1]  # "his arrest": the possessor, named or not
    if not m.pattern.as_written:
        # "British and French forces": one actor per country; one actor named twice is one.
        sources = several(tree, sources)
        targets = several(tree, targets)
    sensed = f"posture: {tree.tokens[governor].text}" if governor is not None else None
    if not m.pattern.as_written:
        before = code
        code, targets = _sense_of(m, code, tree, by_head, sources, targets)
        if code != before:
            sensed = SENSES.get(code, "its clause")
        if figurative_object(tree, m.trigger, code, m.target):
            why.append("a goal reached or a figure of speech, no force")
            return []
        if figurative_fight(tree, m.trigger, code, sources, targets):
            why.append("a fight that is no force between its sides (a quarrel, or alongside)")
            return []
    mutual = m.pattern.mutual or (
        not m.pattern.has_target
        and not m.pattern.nominal
        and tree.tokens[m.trigger].lemma in RECIPROCAL_VERBS
    )
    if mutual and len(sources) < 2:
        why.append("a mutual act needs two conjoined actors")
        return []
    if (
        m.target is None
        and m.pattern.has_target
        # A verb with its object is no quote's introducer: "offered concessions that Nitze
        # believed could lead to a deal" (a relative clause the parse hangs on the verb).
        and not tree.children(m.trigger, *OBJECT_DEPS)
        and any(
            tree.tokens[c].lemma not in m.pattern.words
            for c in tree.children(m.trigger, "ccomp", "parataxis")
        )
    ):
        why.append("a speech verb introducing a quote")
        return []  # a speech verb introducing a quote ("…?" asked X): not an act on anyone
    if code[:2] in FORCE_ROOTS and m.target is not None and targets:
        # "captured the hospital", "shelled the school": a building is a place, not its staff.
        targets = [t for t in targets if tree.tokens[t.head].lemma not in PHYSICAL_TARGETS]
    if not targets and code[:2] in FORCE_ROOTS and m.target is not None:
        # "shelled Afrin", "the attack on Idlib province": the place's country is hit.
        targets = [t for t in [place_target(tree, m.target)] if t is not None]
    if not targets and code[:2] in FORCE_ROOTS and m.target is not None and one_sided is None:
        # "the Kurds were attacked by the Turkish army": people no dictionary places are hit.
        hit = victim(tree, m.target) if trigger_tok.lemma not in NOT_ONE_SIDED_VERBS else None
        targets = [hit] if hit is not None and hit.actor.text.lower() not in ("it", "they") else []
    if not targets and code[:2] in FORCE_ROOTS and m.pattern.has_target and one_sided is None:
        # "fought an insurgency", "fought elections", "fought alongside the SDF": force is used
        # on someone or on something physical (a village, a convoy, positions), or it is not coded.
        if m.target is None or not (
            _physical(tree, m.target) or _harmed_person(tree, m.trigger, m.target, m.pattern)
        ):
            why.append("force needs an actor or a physical target")
            return []
    if (
        code[:3] in ("051", "052")
        and not targets
        and m.target is not None
        and _physical(tree, m.target)
    ):
        why.append("a physical thing defended is not a verbal act")
        return []  # "the hospital was defended by fighters": not a verbal defence
    evaluation = code[:3] in ("051", "052") or "09" <= code[:2] <= "13"
    if (
        not targets
        and (code[:2] in TARGETED_ROOTS or (code[:2] == "16" and m.pattern.has_target))
        and not (len(sources) > 1 and (code[:2] in RECIPROCAL_ROOTS or mutual) and m.target is None)
        and not between_sides
        and not (evaluation and m.target is not None)
        # An imported entry keeps the target rule its dictionary was validated with.
        and not (not m.pattern.as_written and _licensed_alone(m.pattern, code))
    ):
        # Verbal acts and cooperation are done to someone: without a resolved target the
        # sentence is too often about a thing ("released its budget", "signed it").
        why.append(f"root {code[:2]} needs a resolved target actor")
        return []
    pairs: list[tuple[Mention | None, Mention | None]] = []
    if targets and _respectively(tree, m):
        # "Putin and Erdogan, who backed the government and rebels respectively": pair in order.
        every = [
            _mention(tree, i, by_head)
            for i in tree.conjuncts(_first_conjunct(tree, source_heads[0]))
        ]
        paired = [s for s in every if s is not None]
        if len(paired) != len(every) or len(paired) != len(targets):
            why.append("'respectively' with lists of different lengths")
            return []
        pairs = list(zip(paired, targets, strict=True))
    elif one_sided is not None:
        pairs = [(one_sided.source, t) for t in targets] or [(one_sided.source, None)]
    elif targets:
        pairs = [(s, t) for s in sources for t in targets]
    elif between_sides or (
        len(sources) > 1 and (code[:2] in RECIPROCAL_ROOTS or mutual) and m.target is None
    ):
        # Only when no object names what was done: "supported the Kurds' fight" is not mutual.
        pairs = [(s, t) for s in sources for t in sources if s is not t]
    elif m.pattern.as_written:
        why.append("PETRARCH codes an event with a source and a target only")
        return []
    else:
        pairs = [(s, None) for s in sources]
    info = code_info(code) if code in load_codebook() else foreign_code_info(code)
    quantity = money_in_clause(tree, m.clause, m.trigger, info.root) or count_in_clause(
        tree, m.clause, m.trigger, info.root, source_heads
    )
    rule = f"{m.pattern.where} {m.pattern.code} '{m.pattern.text}'"
    if refusal is not None:
        about = f" of {m.asked.code} '{m.asked.text}'" if m.asked is not None else ""
        rule += f" → {code} ({mood.via}{about})"
    elif base != m.pattern.code and m.asked is not None:
        rule += f" → {base} (about {m.asked.code} '{m.asked.text}')"
    elif base != m.pattern.code:
        rule += f" → {base} (named by its words)"
    if sensed is not None:
        rule += f" → {code} ({sensed})"
    elif code != base:
        rule += f" → {code} ({mood.modality}: {mood.via})"
    if mood.negated:
        rule += f" negated ({mood.via})"
    if one_sided is not None:
        rule += f"; one-sided: {one_sided.form}"
    events: list[Event] = []
    refused: list[str] = []
    for source, target in pairs:
        s_actor = source.actor if source is not None else None
        t_actor = target.actor if target is not None else None
        reason = _pair_refused(code, m.pattern, s_actor, t_actor)
        if reason is not None:
            refused.append(reason)
            continue
        confidence = 0.5
        if t_actor is not None:
            confidence += 0.2
        if s_actor is not None and s_actor.country and (t_actor is None or t_actor.country):
            confidence += 0.1
        if m.pattern.n_items > 1:
            confidence += 0.1
        if m.pattern.nominal or mood.modality != "actual":
            confidence -= 0.1
        events.append(
            Event(
                event_id=make_id(
                    doc_id,
                    sentence.index,
                    m.trigger,
                    s_actor.code if s_actor is not None else None,
                    source.head if source is not None else None,
                    t_actor.code if t_actor else None,
                    target.head if target else None,
                    code,
                    mood.negated,
                ),
                doc_id=doc_id,
                input_id=input_id,
                date=date,
                source=s_actor,
                target=t_actor,
                cameo=code,
                root=info.root,
                quad_class=info.quad_class,
                goldstein=info.goldstein,
                plover=Plover(
                    type=info.plover_type, mode=info.plover_mode, context=info.plover_context
                ),
                negated=mood.negated,
                # A threat is itself an act that happened (CAMEO 13x); a future act is an intent.
                modality="intent" if mood.modality == "intent" else "actual",
                quantity=quantity,
                location=None,
                sentence=sentence.text,
                sentence_index=sentence.index,
                span=(sentence.start, sentence.end),
                rule=rule,
                confidence=round(min(confidence, 0.95), 2),
                trigger=(tree.tokens[m.trigger].start, tree.tokens[m.trigger].end),
                # The publication date until the date stage reads the sentence's own.
                date_precision="day" if date else None,
                one_sided=one_sided is not None,
            )
        )
    if not events:
        why.append("; ".join(dict.fromkeys(refused)) or "no pair of actors")
    if m.pattern.reverse is not None and targets:
        # (Conjoined subjects paired with one another have each direction already.)
        events += [reversed_event(e, m.pattern.reverse) for e in events if e.target is not None]
    return events


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
    code = expelled(code, tree, m.target)
    captive = captured(code, tree, m.trigger, m.target, bool(targets))
    if captive != code and not targets and m.target is not None:
        # "the two men were captured": people taken, named or not
        targets = [v for i in tree.conjuncts(m.target) if (v := victim(tree, i)) is not None][:1]
    code = captive
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


def _condition_subjects(tree: Tree, m: _Match) -> list[int]:
    """The actors an "unless" or "if" condition of a threat is laid on: the subject of the
    condition ("unless Moscow withdrew"), or its agent when passive ("unless their demands
    are met by Belgrade"), on the threatening verb or the chain it governs."""
    nodes = [m.trigger, m.clause]
    node = m.clause
    for _ in range(3):  # up from "secede" to "threatened to secede"
        tok = tree.tokens[node]
        if tok.dep not in ("xcomp", "advcl", "ccomp") or tok.head == node:
            break
        node = tok.head
        nodes.append(node)
    for n in dict.fromkeys(nodes):
        for c in tree.children(n, "advcl"):
            if not any(tree.tokens[k].lemma in ("if", "unless") for k in tree.children(c, "mark")):
                continue
            subjects = tree.children(c, "nsubj")
            if subjects:
                return tree.conjuncts(subjects[0])
            agents = [o for a in tree.children(c, "agent") for o in tree.children(a, "pobj")]
            if agents:
                return tree.conjuncts(agents[0])
    return []


def _implied_targets(tree: Tree, m: _Match, code: str) -> list[int]:
    """Targets the parse implies when the pattern's slot names none: the author of what is
    answered ("denied charges by Ivory Coast", "accepted demands from the rebels") and the one
    asked in a demand ("demanded that the US cancel", "appealed that Iran release")."""
    objects = tree.children(m.trigger, *OBJECT_DEPS)
    noun = m.target if m.target is not None else (objects[0] if objects else None)
    if noun is not None and tree.tokens[noun].pos == "NOUN":
        # The parse often hangs "by Chile" on the verb: "denied charges | by Chile".
        active = not tree.children(m.trigger, "nsubjpass")
        heads = [noun, m.trigger] if active else [noun]
        for h in heads:
            for p in tree.children(h, "prep"):
                if tree.tokens[p].lemma in AUTHOR_PREPS and (
                    h == noun or tree.tokens[p].lemma == "by"
                ):
                    for o in tree.children(p, "pobj"):
                        return tree.conjuncts(o)
    if code[:2] in ASKING_ROOTS:
        for c in tree.children(m.trigger, "ccomp"):
            for subj in tree.children(c, "nsubj"):
                return tree.conjuncts(subj)
    return []


def _complement_objects(tree: Tree, m: _Match) -> list[int]:
    """The objects of the complement verb an entry names ("refused to meet Morocco" for
    `refuse meet`, "threatened to invade Georgia" for `threaten invade`)."""
    out: list[int] = []
    for c in tree.children(m.trigger, "xcomp"):
        if tree.tokens[c].lemma in m.pattern.words:
            for o in tree.children(c, *OBJECT_DEPS):
                out.extend(tree.conjuncts(o))
    return out


def _respectively(tree: Tree, m: _Match) -> bool:
    """True when "respectively" pairs the sources with the targets in order."""
    return any(
        tree.tokens[c].lemma == "respectively" for h in (m.trigger, m.clause) for c in tree.kids[h]
    )


def _first_conjunct(tree: Tree, i: int) -> int:
    """The first of a coordination ("Putin" of "Putin and Erdogan", from "Erdogan")."""
    while tree.tokens[i].dep == "conj" and tree.tokens[i].head != i:
        i = tree.tokens[i].head
    return i


def _mention(
    tree: Tree, i: int, by_head: dict[int, Mention], *, possessor: bool = False
) -> Mention | None:
    """The actor of a phrase head; through a counting head to its "of" object ("thousands of
    Kenyan protesters", "tens of thousands of Georgians"); with ``possessor``, a place or thing
    stands for its owner ("to Peru's northern coast" → Peru)."""
    if i in by_head:
        return by_head[i]
    tok = tree.tokens[i]
    if tok.pos == "PROPN" and i > 0 and tree.tokens[i - 1].text == "(":
        # "the European Union (EU)": the parse may head the name with its abbreviation.
        for c in tree.children(i, "nmod", "compound", "appos"):
            if c in by_head and by_head[c].end == i - 1:
                return by_head[c]
    if possessor and tok.pos == "NOUN":
        for p in tree.children(i, "poss"):
            if p in by_head:
                return by_head[p]
        if tok.lemma in PHYSICAL_TARGETS:
            # "an Afghan police convoy", "a Syrian army base": the force that owns the thing.
            for p in tree.children(i, "compound"):
                if p in by_head:
                    return by_head[p]
    if tok.lemma in NAMED_BODY_HEADS:
        # "the Hizbollah group", "the Amal militia", "the rebel group, Forces for Defence":
        # a common noun for a body whose name is a modifier or an apposition.
        for p in tree.children(i, "compound", "nmod", "appos"):
            if p in by_head:
                return by_head[p]
    if tok.lemma in GROUP_HEADS or tok.pos == "NUM":
        for p in tree.children(i, "prep"):
            if tree.tokens[p].lemma == "of":
                for o in tree.children(p, "pobj"):
                    found = _mention(tree, o, by_head)
                    if found is not None:
                        return found
    return None


def _pair_refused(code: str, pattern: Pattern, s: Actor | None, t: Actor | None) -> str | None:
    """Why a source-target pair gives no event (None when it gives one)."""
    if t is None or s is None:
        return None
    if _same(s, t):
        return "source and target are the same actor"
    if pattern.where == "coder" and t.sector is None and t.country == s.country:
        # "Germany must be able to ...", said the German minister: no demand
        return "a demand on the speaker's own country"
    if code[:2] == "04" and {s.sector, t.sector} <= ARMED:
        return "two armed sides meeting: an encounter, not a consultation"
    if code.startswith("087") and (t.code or "").startswith("IGO") and s.sector not in ARMED:
        return "leaving an organisation is no military retreat"  # "the UK withdrew from the EU"
    return None


def _same(a: Actor, b: Actor) -> bool:
    """Source and target are the same actor (a self-event is not an interaction). A community
    placed in a country ("Croatian extremists": HRV) is not that country's state ("Croatia")."""
    if _is_community(a) != _is_community(b):
        return False
    return a.code == b.code and (a.name == b.name or a.name is None or b.name is None)


def _is_community(a: Actor) -> bool:
    """An actor the actor stage read as a people, faith or other community of a country."""
    return a.rule.startswith("community:")
