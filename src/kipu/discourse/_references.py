"""Definite references: "the group", "the militants", "the bloc", "the ministry" are the actor
of that kind the article named last.

A bare noun with "the" (or "this", "these") and no name or country of its own points back: to
the last named body for "the group" or "the organisation", to the last armed group for "the
militants" or "the rebels", to the last alliance for "the bloc", and to the last mention with
the same head for "the ministry", "the bank" or "the regime". Only antecedents that have a
country or an organisation's code are taken, within a few sentences, and never an actor the
reference acts on in its own clause ("the SDF attacked the militants").

The actor stage already resolves a singular title noun ("the minister") to the last person
with that title (``actors/_alias.py``); the references here are the ones it leaves open.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kipu.discourse._lists import COUNT_WORDS
from kipu.discourse._memory import ArticleMemory, Earlier
from kipu.records import Actor, Mention, Sentence, Token

# Determiners that make a noun point back.
DEFINITE = frozenset({"the", "this", "these", "that", "those"})
# Nouns that stand for a named body: an organisation, party, movement or armed group.
BODY_NOUNS = frozenset(
    {
        "group",
        "organisation",
        "organization",
        "movement",
        "faction",
        "outfit",
        "network",
        "militia",
    }
)
# Nouns that stand for a party or the opposition named before.
PARTY_NOUNS = frozenset({"party", "opposition"})
# Nouns that stand for an armed group named before.
ARMED_NOUNS = frozenset(
    {
        "militant",
        "rebel",
        "jihadist",
        "jihadi",
        "fighter",
        "insurgent",
        "extremist",
        "guerrilla",
        "terrorist",
        "militiaman",
    }
)
# Bodies a definite noun may repeat ("the ministry" after "the Russian foreign ministry").
SAME_BODIES = frozenset(
    {
        "government",
        "administration",
        "regime",
        "ministry",
        "cabinet",
        "army",
        "military",
        "navy",
        "police",
        "parliament",
        "court",
        "council",
        "committee",
        "commission",
        "agency",
        "junta",
        "embassy",
        "bank",
        "company",
        "congress",
        "assembly",
        "opposition",
    }
)
# Nouns that stand for an alliance of states or an international organisation.
ALLIANCE_NOUNS = frozenset({"bloc", "alliance", "coalition", "union", "organisation"})
# Sectors of armed groups, and of bodies a "group" may be.
ARMED_SECTORS = frozenset({"REB", "INS", "UAF", "SEP", "IMG"})
BODY_SECTORS = ARMED_SECTORS | frozenset({"OPP", "PTY", "NGO", "IGO", "LAB", "REL", "BUS", "MED"})
# How many sentences back a definite reference looks; a noun that repeats the head of the
# earlier mention ("the regime", "the ministry") looks further.
WINDOW = 4
SAME_WINDOW = 10
# Sectors of a state's own bodies.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
# Dependency labels of a mention that only modifies another word ("the UN-led process").
MODIFIER_DEPS = frozenset({"compound", "amod", "npadvmod", "nmod"})
# Entity labels of modifiers that make a noun phrase name its own actor ("the Kurdish group").
OWN_NAME_LABELS = frozenset({"NORP", "GPE", "ORG", "PERSON", "LOC", "FAC"})


def resolve_references(
    sentence: Sentence, mentions: list[Mention], memory: ArticleMemory
) -> list[Mention]:
    """Mentions for the definite references of the sentence that point back to an actor."""
    tokens = sentence.tokens
    by_head = {m.head: m for m in mentions}
    out = list(mentions)
    for t in tokens:
        if t.pos != "NOUN" or t.dep == "compound":
            continue
        if t.i not in by_head and (counted := _counted(t, sentence, memory)) is not None:
            out.append(counted)  # "the two men" after "two British Isis militants"
            by_head[t.i] = counted
            continue
        kind = _kind(t)
        if kind is None:
            continue
        own = by_head.get(t.i)
        if own is not None and not _bare(own.actor):
            continue
        if kind == "same" and own is None:
            continue  # only an agent noun ("the ministry") points back to its own kind
        start = _definite_start(t, tokens, own is not None)
        if start is None:
            continue
        found = _antecedent(t, kind, sentence, memory, by_head)
        if found is None:
            continue
        text = sentence.text[tokens[start].start - sentence.start : t.end - sentence.start]
        a = found.mention.actor
        where = sentence.index - found.sentence
        origin = "this sentence" if where == 0 else f"sentence {found.sentence}"
        actor = Actor(
            text=text,
            name=a.name,
            code=a.code,
            country=a.country,
            sector=a.sector,
            rule=f"discourse:reference:{text!r}<-{origin} {a.text!r}",
        )
        mention = Mention(head=t.i, start=start, end=t.i + 1, actor=actor)
        if own is not None:
            out[out.index(own)] = mention
        else:
            out.append(mention)
        by_head[t.i] = mention
    return sorted(out, key=lambda m: m.start)


# People counted by a number: "the two men" are the two people told of before.
COUNTED_PEOPLE = frozenset({"man", "woman", "people", "brother", "sister", "boy", "girl"})


def _counted(t: Token, sentence: Sentence, memory: ArticleMemory) -> Mention | None:
    """ "The two men": the latest actor, within a few sentences, that was told as that many
    ("Two British Isis militants"); None when there is none or the phrase is not so."""
    tokens = sentence.tokens
    if t.lemma.lower() not in COUNTED_PEOPLE or t.tag != "NNS":
        return None
    kids = [c for c in tokens if c.head == t.i]
    dets = [c for c in kids if c.dep == "det" and c.lemma.lower() == "the"]
    numbers = [COUNT_WORDS.get(c.text.lower()) for c in kids if c.dep == "nummod"]
    if len(dets) != 1 or len(numbers) != 1 or numbers[0] is None:
        return None

    def counted(e: Earlier) -> bool:
        a = e.mention.actor
        words = [w.lower() for w in a.text.split()[:2]]
        return (
            a.code is not None
            and not _bare(a)
            and any(COUNT_WORDS.get(w) == numbers[0] for w in words)
        )

    earlier = list(reversed(memory.earlier))
    # the same people called so before ("The two men, X and Y, ... the two men"), else the
    # latest that many people of any name ("Two British militants ... The two men")
    found = next(
        (
            e
            for e in earlier
            if sentence.index - e.sentence <= SAME_WINDOW
            and e.lemma == t.lemma.lower()
            and counted(e)
        ),
        None,
    ) or next(
        (e for e in earlier if sentence.index - e.sentence <= WINDOW and counted(e)),
        None,
    )
    if found is None:
        return None
    a = found.mention.actor
    text = sentence.text[dets[0].start - sentence.start : t.end - sentence.start]
    rule = f"discourse:reference:{text!r}<-sentence {found.sentence} {a.text!r}"
    return Mention(head=t.i, start=dets[0].i, end=t.i + 1, actor=replace(a, text=text, rule=rule))


def _kind(t: Token) -> str | None:
    """What a reference noun may stand for: "armed", "body", "alliance" or "same" (a mention
    with the same head noun)."""
    lemma = t.lemma.lower()
    if lemma in ARMED_NOUNS:
        return "armed"
    if lemma in BODY_NOUNS and t.tag == "NN":
        return "body"
    if lemma in PARTY_NOUNS and t.tag == "NN":
        return "party"
    if lemma in ALLIANCE_NOUNS and t.tag == "NN":
        return "alliance"
    if lemma in SAME_BODIES or t.tag == "NNS":
        return "same"
    return None  # a person's title ("the minister") is the alias resolver's (actors/_alias.py)


def _specialised(a: Actor, sector: str) -> bool:
    """A named organisation whose code holds the sector an agent noun names (UNHCR's
    IGOUNOREFHCR holds REF; Amnesty's NGOHRIAMN holds HRI)."""
    return (
        a.rule.startswith("organisation:")
        and sector not in STATE_SECTORS
        and sector in (a.code or "")[3:]
    )


def _bare(actor: Actor) -> bool:
    """True for an actor with a sector and nothing else ("the militants" → UAF)."""
    return actor.country is None and (actor.code is None or actor.code == actor.sector)


def _definite_start(t: Token, tokens: Sequence[Token], agent: bool) -> int | None:
    """The first token of "the group" / "these militants" when the phrase has a definite
    determiner and no word that names an actor of its own; None otherwise. Nouns before the
    head are allowed only when they are part of an agent phrase (``agent``: "the terror
    group", not "the working group")."""
    kids = [c for c in tokens if c.head == t.i and c.i < t.i and c.i != t.i]
    dets = [c for c in kids if c.dep == "det"]
    if len(dets) != 1 or dets[0].lemma.lower() not in DEFINITE:
        return None
    if any(
        tokens[i].pos == "PROPN" or tokens[i].text[:1].isupper() for i in range(dets[0].i + 1, t.i)
    ):
        return None  # "the anti-Assad opposition", "the Kurdish group": a name of its own
    for c in kids:
        if c.dep in ("poss", "nummod") or c.pos == "PROPN" or c.ent in OWN_NAME_LABELS:
            return None  # "its fighters", "the two sides", "the Kurdish group"
        if c.dep == "compound" and not agent:
            return None  # "the working group": a name of its own
    if any(c.dep == "prep" and c.lemma == "of" for c in tokens if c.head == t.i):
        return None  # "the group of ministers": the "of" phrase says who
    return dets[0].i


def _antecedent(
    t: Token,
    kind: str,
    sentence: Sentence,
    memory: ArticleMemory,
    by_head: dict[int, Mention],
) -> Earlier | None:
    """The nearest earlier mention the reference may stand for."""
    lemma = t.lemma.lower()
    current = [
        Earlier(
            sentence=sentence.index,
            mention=m,
            lemma=sentence.tokens[h].lemma.lower(),
            dep=sentence.tokens[h].dep,
            pos=sentence.tokens[h].pos,
            plural=sentence.tokens[h].tag in ("NNS", "NNPS"),
            conjoined=False,
        )
        for h, m in sorted(by_head.items())
        if h < t.i and not _coargument(sentence.tokens[h], t)
    ]
    words = set(_agent_words(by_head[t.i].actor)) if t.i in by_head else {lemma}
    window = SAME_WINDOW if kind == "same" else WINDOW
    modifiers = {
        c.lemma.lower() for c in sentence.tokens if c.head == t.i and c.dep in ("amod", "compound")
    }
    called_terrorist = bool((words | modifiers) & TERROR_WORDS)
    # the sector an agent-noun reference names ("the refugee agency": REF)
    sector = by_head[t.i].actor.sector if t.i in by_head else None
    for e in reversed([*memory.earlier, *current]):
        if sentence.index - e.sentence > window:
            return None
        a = e.mention.actor
        if _bare(a) or a.code is None or e.dep in MODIFIER_DEPS:
            continue  # (a mention that only modifies a word: "the UN-led process")
        own = _agent_words(a)
        if called_terrorist and not _terrorist(a):
            continue  # "the terrorist group" is not the militia fighting it
        same = e.lemma == lemma or (bool(own) and own[-1] == lemma and words <= set(own))
        if kind != "same" and not same and not _group(e, t):
            continue  # a person, a pronoun, or one member of a body ("a spokesman")
        if kind == "same":
            # the words of the reference's own agent phrase all in the antecedent's ("the
            # ministry" for "the foreign ministry", not "the health ministry")
            if same and words <= set(own or [e.lemma]) and not _person(a):
                return e
            if sector and _specialised(a, sector):
                return e  # "the refugee agency" after "the UNHCR", "the rights group" Amnesty
        elif kind == "armed" and (same or _armed(a)):
            return e
        elif kind == "body" and (same or _body(a)):
            return e
        elif kind == "party" and (same or a.sector in ("PTY", "OPP")):
            return e
        elif kind == "alliance" and (same or (a.code or "").startswith("IGO")):
            return e
    return None


# Words by which a reference calls a group terrorist: only such a group may be meant.
TERROR_WORDS = frozenset({"terrorist", "terror", "jihadist", "jihadi", "extremist"})


def _terrorist(a: Actor) -> bool:
    """A group the dictionaries code as insurgent, terrorist or a transnational armed group
    (not a rebel militia, which news calls terrorist only when quoting its enemies)."""
    return a.sector in ("INS", "UAF") or (a.code or "")[:3] == "IMG"


def _group(e: Earlier, t: Token) -> bool:
    """True for an antecedent that is a group a reference noun may stand for: a name ("Hamas",
    "the SDF"), a group noun ("the Kurdish group"), or people in the plural for a plural
    reference ("Isis fighters" for "the militants")."""
    if e.pos == "PRON" or _person(e.mention.actor):
        return False
    if e.pos == "PROPN" or e.lemma in BODY_NOUNS | ALLIANCE_NOUNS | PARTY_NOUNS:
        return True
    return e.plural and t.tag == "NNS"


def _agent_words(actor: Actor) -> list[str]:
    """The words of the agent noun or title that resolved an actor ("foreign", "ministry")."""
    for part in actor.rule.split("; "):
        if part.startswith(("agent:", "title:")):
            return part.split(":", 1)[1].split()
    return []


def _person(a: Actor) -> bool:
    """A named person (the actor stage's aliases resolve people's titles)."""
    return a.name is not None and any(w in a.rule for w in ("office:", "title:", "holder:"))


def _armed(a: Actor) -> bool:
    return a.sector in ARMED_SECTORS or (a.code or "")[:3] == "IMG"


def _body(a: Actor) -> bool:
    """A named body or non-state group, not a state's own body, a person or a bare sector."""
    if a.sector in STATE_SECTORS and a.country is not None:
        return False  # "the State Department ... the group": not a state's office
    named = a.rule.startswith(("organisation:", "discourse:acronym", "discourse:name"))
    return named or "discourse:described-as" in a.rule or a.sector in BODY_SECTORS


def _coargument(h: Token, t: Token) -> bool:
    """True for a mention in the same clause as the reference ("the SDF fought the militants")."""
    return h.head == t.head
