"""Names used again: surnames, acronyms and short forms of actors the article named before.

"Brandon Lewis, the party chairman ... Lewis said", "the Syrian Negotiations Commission (SNC)
... the SNC said", "the Free Syrian Army ... the Army": a later mention by a part of the name
is the actor the full name was. The forms are learnt as the article is read: a person's
surname, an acronym written in parentheses after a name (or made of its initials), the last
word of an organisation's name. A form two different actors share is never used.
"""

from __future__ import annotations

from collections.abc import Sequence

from kipu.actors import STATE_SPEAKERS, countries_in_sentence, load_dictionaries, with_age
from kipu.discourse._memory import ArticleMemory, Named, name_key
from kipu.discourse._references import ALLIANCE_NOUNS, BODY_NOUNS, PARTY_NOUNS, SAME_BODIES
from kipu.records import Actor, Mention, Sentence, Token

# Titles written before a name ("Mr Javid", "Dr Ahmed"): not part of the name.
HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "mr.", "mrs.", "ms.", "dr."}
)
# Words left out of an organisation's initials ("Organisation for the Prohibition of ...").
MINOR_WORDS = frozenset({"of", "the", "for", "and", "in", "on", "to", "a", "an", "de", "al"})
# Entity labels of names that are no actor's name (places, dates, amounts).
NOT_NAMES = frozenset(
    {"GPE", "LOC", "FAC", "NORP", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL"}
)
# Rules of mentions whose names are not learnt: names used again, states and capitals (a
# country's name is a place where it is not an actor, as the actor stage decided).
NOT_LEARNT = ("discourse:", "country:", "capital:")
# Prepositions that make an organisation's name a place ("at the FCO", "in the Kremlin").
PLACE_PREPS = frozenset({"in", "at", "inside", "into", "outside"})
# Sectors of bodies, not of one person.
BODIES = frozenset({"OPP", "PTY", "REB", "INS", "UAF", "SEP", "NGO", "IGO", "BUS", "MED"})
# Rule words of the actor stage that say a mention is a person.
PERSON_RULES = (
    "office:",
    "title:",
    "holder:",
    "same person as",
    "discourse:surname:",
)


# Rule opening of a person who speaks for a body ("Russia's permanent representative, X").
SPOKEN_FOR = tuple(f"{w} for → " for w in sorted(STATE_SPEAKERS))


def is_acronym(text: str) -> bool:
    """True for "SNC", "YPG", "OPCW": two to six capitals (digits allowed after the first)."""
    return 2 <= len(text) <= 6 and text[0].isalpha() and text.isupper() and text.isalnum()


def is_person(m: Mention, sentence: Sentence) -> bool:
    """True for a mention of a named person."""
    return m.actor.name is not None and (
        sentence.tokens[m.head].ent == "PERSON" or any(w in m.actor.rule for w in PERSON_RULES)
    )


def name_run(t: Token, tokens: Sequence[Token]) -> list[int]:
    """The proper nouns that end in ``t`` ("Sajid Javid", "Syrian Negotiations Commission"),
    without honorifics in front ("Mr Robinson" → "Robinson")."""
    run = [t.i]
    i = t.i - 1
    while i >= 0 and tokens[i].pos == "PROPN" and tokens[i].dep in ("compound", "flat"):
        if tokens[i].head != t.i and tokens[i].head not in run:
            break
        run.insert(0, i)
        i -= 1
    while len(run) > 1 and name_key(tokens[run[0]].text) in HONORIFICS:
        run = run[1:]
    return run


def written(run: Sequence[int], tokens: Sequence[Token]) -> str:
    """The words of a run of tokens as written."""
    out = ""
    for n, i in enumerate(run):
        if n and tokens[i].start != tokens[run[n - 1]].end:
            out += " "
        out += tokens[i].text
    return out


def initials(name: str) -> str | None:
    """The acronym of a name of three or more words ("Syrian Democratic Forces" → "SDF")."""
    words = [w for w in name.replace("-", " ").split() if name_key(w) not in MINOR_WORDS]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    return "".join(w[0] for w in words)


def remember_names(sentence: Sentence, mentions: Sequence[Mention], memory: ArticleMemory) -> None:
    """Learn the forms by which the sentence's named actors may be mentioned again."""
    tokens = sentence.tokens
    for m in mentions:
        a = m.actor
        if a.code is None or " → " in a.rule or a.rule.startswith(NOT_LEARNT):
            continue  # aliases, names used again, and states (a place when not an actor)
        person = is_person(m, sentence)
        head = tokens[m.head]
        forms: list[str] = []
        run = name_run(head, tokens) if head.pos == "PROPN" else []
        full = a.name if person and a.name else written(run, tokens) if run else a.name
        if person and run and head.ent == "PERSON" and a.rule.startswith("organisation:"):
            # "Islamic State recruiter Neil Prakash": the person's name, not the body's
            full = written(run, tokens)
        if not full:
            continue
        if person or not a.rule.startswith("organisation:"):
            # (a name in the organisation dictionary is found there wherever it is an actor)
            forms.append(name_key(full))
        words = full.split()
        if person and len(words) > 1:
            forms.append(name_key(words[-1]))  # "Javid"
        named = Named(actor=a, sentence=sentence.index, written=full, person=person)
        for form in forms:
            memory.remember_name(form, named)
        if not person:
            short = initials(full)
            if short is not None and short not in memory.acronyms:
                memory.acronyms[short] = named
    _remember_appositions(sentence, mentions, memory)
    _remember_acronyms(sentence, mentions, memory)


def _remember_appositions(
    sentence: Sentence, mentions: Sequence[Mention], memory: ArticleMemory
) -> None:
    """A person named beside a title ("The home secretary, Sajid Javid", "Ben Keith, a
    barrister") is the title's actor: later "Javid" is the home secretary."""
    tokens = sentence.tokens
    by_head = {m.head: m for m in mentions}
    for t in tokens:
        if t.ent != "PERSON" or t.dep in ("compound", "flat") or t.i in by_head:
            continue
        office: Mention | None = None
        if t.dep == "conj" and tokens[t.head].dep == "appos" and tokens[t.head].ent == "PERSON":
            # "The two men, Alexanda Kotey and El Shafee Elsheikh": the second name too
            office = by_head.get(tokens[t.head].head)
            if office is not None and not _members(office.actor):
                office = None
        elif t.dep == "appos":
            # "The home secretary, Sajid Javid"; "the envoy to the UN, X"
            office = _titled(t.head, tokens, by_head) or by_head.get(t.head)
        else:
            office = next(
                (
                    by_head[c.i]
                    for c in tokens
                    if c.head == t.i and c.dep == "appos" and c.i in by_head
                ),
                None,
            )  # "Ben Keith, a barrister"
        if office is None or office.actor.sector is None:
            continue
        if " → " in office.actor.rule and not office.actor.rule.startswith(SPOKEN_FOR):
            continue  # an alias ("the delegation" → ...) is no one's title
        if tokens[office.head].tag not in ("NN", "NNP") and not _members(office.actor):
            continue  # "leaders, among them X": a plural group is not one person
        run = name_run(t, tokens)
        full = written(run, tokens)
        actor = Actor(
            text=full,
            name=full,
            code=office.actor.code,
            country=office.actor.country,
            sector=office.actor.sector,
            rule=office.actor.rule,
        )
        named = Named(actor=actor, sentence=sentence.index, written=full, person=True)
        memory.remember_name(name_key(full), named)
        if len(run) > 1:
            memory.remember_name(name_key(tokens[run[-1]].text), named)


def _members(actor: Actor) -> bool:
    """An armed group's people named as a plural ("the two men, X and Y" after "two Isis
    militants"): each person named beside them is the group's."""
    return (actor.code or "")[:3] == "IMG" or actor.sector in ("INS", "REB", "UAF")


def _titled(i: int, tokens: Sequence[Token], by_head: dict[int, Mention]) -> Mention | None:
    """The title whose own phrase ends in the body or place a person's name was hung on by the
    parser ("the permanent representative to the UN in Geneva, X"; "the envoy to Syria, X"):
    up through the phrase's prepositions, the first common noun that is a mention."""
    for _ in range(3):
        h = tokens[i]
        if h.pos != "PROPN" or h.dep != "pobj":
            return None
        i = tokens[h.head].head
        if tokens[i].pos == "NOUN":
            return by_head.get(i)
    return None


def _remember_acronyms(
    sentence: Sentence, mentions: Sequence[Mention], memory: ArticleMemory
) -> None:
    """ "the Syrian Negotiations Commission (SNC)": the acronym in parentheses names the actor
    of the name before it."""
    tokens = sentence.tokens
    for i in range(1, len(tokens) - 2):
        if tokens[i].text != "(" or tokens[i + 2].text != ")" or not is_acronym(tokens[i + 1].text):
            continue
        short = tokens[i + 1].text
        owner = next(
            (
                m
                for m in mentions
                if (m.end == i or m.head == tokens[i + 1].head) and " → " not in m.actor.rule
            ),
            None,
        )
        if owner is None or owner.actor.code is None:
            continue
        before = tokens[i - 1]
        full = written(name_run(before, tokens), tokens) if before.pos == "PROPN" else None
        full = full or owner.actor.name or owner.actor.text
        memory.acronyms[short] = Named(
            actor=owner.actor, sentence=sentence.index, written=full, person=False
        )


def named_before(
    sentence: Sentence, mentions: list[Mention], memory: ArticleMemory
) -> list[Mention]:
    """New mentions for names the actor stage left unresolved that the article named before."""
    tokens = sentence.tokens
    covered = {i for m in mentions for i in range(m.start, m.end)}
    out = list(mentions)
    for t in tokens:
        if t.i in covered or t.dep in ("compound", "flat") or t.pos != "PROPN":
            continue  # (acronyms are tagged as proper nouns too)
        found = _form(t, tokens, memory)
        if found is None:
            continue
        named, rule, run = found
        start = run[0]
        if start > 0 and tokens[start - 1].lemma == "the" and tokens[start - 1].head == t.i:
            start -= 1
        text = sentence.text[tokens[start].start - sentence.start : t.end - sentence.start]
        a = named.actor
        actor = Actor(
            text=text, name=a.name, code=a.code, country=a.country, sector=a.sector, rule=rule
        )
        out.append(Mention(head=t.i, start=start, end=t.i + 1, actor=actor))
        covered.update(range(start, t.i + 1))
    return sorted(out, key=lambda m: m.start)


def _form(
    t: Token, tokens: Sequence[Token], memory: ArticleMemory
) -> tuple[Named, str, list[int]] | None:
    """The actor a name or acronym stands for, the rule that says so, and its tokens."""
    if t.dep == "pobj" and tokens[t.head].lemma in PLACE_PREPS and t.ent != "PERSON":
        return None  # "at the FCO": the building
    if is_acronym(t.text) and t.text in memory.acronyms:
        named = memory.acronyms[t.text]
        return (
            named,
            f"discourse:acronym:{t.text}<-sentence {named.sentence} {named.written!r}",
            [t.i],
        )
    if t.pos != "PROPN" or t.ent in NOT_NAMES:
        return None
    run = name_run(t, tokens)
    form = name_key(written(run, tokens))
    named = memory.named(form)
    if named is None:
        return None
    what = "surname" if named.person and " " not in form else "name"
    rule = f"discourse:{what}:{written(run, tokens)}<-sentence {named.sentence} {named.written!r}"
    return named, rule, run


# Words that, after a nationality, say only whose citizen someone is ("a Bulgarian national").
NATIONAL_NOUNS = frozenset({"national", "citizen"})


def _national(c: Token, tokens: Sequence[Token]) -> Actor | None:
    """The civilian of a country an appositive "a Bulgarian national" describes, when the
    tagger left "national" an adjective the actor stage does not read; None otherwise."""
    if c.lemma.lower() not in NATIONAL_NOUNS:
        return None
    modifiers = {k.i for k in tokens if k.head == c.i and k.dep in ("amod", "compound")}
    for word in countries_in_sentence(tokens, load_dictionaries()):
        if not word.place and modifiers.intersection(word.span):
            adjective = " ".join(tokens[k].text for k in word.span)
            return Actor(
                text=f"a {adjective} {c.text}",
                name=None,
                code=f"{word.code}CVL",
                country=word.code,
                sector="CVL",
                rule=f"agent:{c.lemma.lower()}; country:{adjective}",
            )
    return None


def described(sentence: Sentence, mentions: list[Mention]) -> list[Mention]:
    """A name the dictionaries do not know, described beside it, is what the description
    says: "the Syrian Negotiations Commission, Syria's umbrella opposition group", "Mira
    Rojkan, a Bulgarian national". The name becomes a mention of the description's actor when
    the description has a country of its own (a title alone, "a barrister", says no country
    and is the actor stage's to read)."""
    tokens = sentence.tokens
    by_head = {m.head: m for m in mentions}
    covered = {i for m in mentions for i in range(m.start, m.end)}
    out = list(mentions)
    for t in tokens:
        if t.i in covered or t.pos != "PROPN" or t.dep in ("compound", "flat", "appos"):
            continue
        # A name written with an age ("Rojkan, 23,") is a person whatever label the
        # recogniser gave it (unfamiliar names come out as places or organisations).
        person = t.ent == "PERSON" or with_age(t, tokens)
        if not person and t.ent != "ORG":
            continue
        for c in tokens:
            if c.head == t.i and c.dep == "appos" and c.i not in by_head and person:
                a = _national(c, tokens)  # "Mira Rojkan, a Bulgarian national" (national: ADJ)
                if a is None:
                    continue
            elif c.head != t.i or c.dep != "appos" or c.i not in by_head or c.pos != "NOUN":
                continue
            else:
                a = by_head[c.i].actor
            if a.code is None or a.name is not None or " → " in a.rule or a.country is None:
                continue
            one = tokens[c.i].tag == "NN" or c.lemma.lower() in NATIONAL_NOUNS
            if person != (one and a.sector not in BODIES):
                continue  # a person is one person ("a national"), a body a body ("a group")
            run = name_run(t, tokens)
            start = run[0]
            if start > 0 and tokens[start - 1].lemma == "the" and tokens[start - 1].head == t.i:
                start -= 1
            text = sentence.text[tokens[start].start - sentence.start : t.end - sentence.start]
            actor = Actor(
                text=text,
                name=written(run, tokens),
                code=a.code,
                country=a.country,
                sector=a.sector,
                rule=f"{a.rule}; discourse:described-as {a.text!r}",
            )
            out.append(Mention(head=t.i, start=start, end=t.i + 1, actor=actor))
            break
    return sorted(out, key=lambda m: m.start)


# How many sentences after the lead the person it describes may first be named in.
LEAD_NAMING_REACH = 2
# Determiners of a description that names no one yet ("A former British soldier ...").
INDEFINITE = frozenset({"a", "an"})
# Nouns of bodies, not persons, a lead's subject may be ("A Kenyan court has freed ...").
BODY_HEADS = SAME_BODIES | BODY_NOUNS | ALLIANCE_NOUNS | PARTY_NOUNS


def introduced(sentence: Sentence, mentions: list[Mention], memory: ArticleMemory) -> list[Mention]:
    """The person a news lead describes without a name, named with their age just after it:
    "A former British soldier jailed in Turkey has fled the country. Joe Robinson, 25, was on
    bail ..." — the name becomes a mention of the description's actor (country and sector),
    and later "Robinson" follows it (``remember_names``). Only the first sentences after the
    lead, only a name written with an age ("Name, 25,"), the mark of a person introduced, and
    only when the lead's subject is one unnamed person with a country."""
    if not 1 <= sentence.index <= LEAD_NAMING_REACH or 0 not in memory.read:
        return mentions
    if any(n.sentence > 0 and n.person for ns in memory.names.values() for n in ns):
        return mentions  # someone was named since the lead: the description may be theirs
    described_person = _lead_person(*memory.read[0])
    if described_person is None:
        return mentions
    tokens = sentence.tokens
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for t in tokens:
        if t.ent != "PERSON" or t.pos != "PROPN" or t.dep in ("compound", "flat"):
            continue
        if t.i in covered or not with_age(t, tokens):
            continue
        run = name_run(t, tokens)
        full = written(run, tokens)
        a = described_person.actor
        actor = Actor(
            text=full,
            name=full,
            code=a.code,
            country=a.country,
            sector=a.sector,
            rule=f"{a.rule}; discourse:introduced-as {a.text!r} (sentence 0)",
        )
        return sorted(
            [*mentions, Mention(head=t.i, start=run[0], end=t.i + 1, actor=actor)],
            key=lambda m: m.start,
        )
    return mentions


def _lead_person(sentence: Sentence, mentions: Sequence[Mention]) -> Mention | None:
    """The lead's subject when it is one unnamed person with a country ("A former British
    soldier", "An Australian nurse")."""
    tokens = sentence.tokens
    for m in mentions:
        head = tokens[m.head]
        a = m.actor
        if head.dep not in ("nsubj", "nsubjpass") or tokens[head.head].dep != "ROOT":
            continue
        if head.tag != "NN" or a.name is not None or a.country is None or " → " in a.rule:
            return None
        if a.sector in BODIES or head.lemma.lower() in BODY_HEADS:
            return None  # a body is no one's name
        if a.rule.startswith(("country:", "capital:", "organisation:")):
            return None
        dets = [c for c in tokens if c.head == head.i and c.dep == "det"]
        if len(dets) != 1 or dets[0].lemma.lower() not in INDEFINITE:
            return None
        return m
    return None
