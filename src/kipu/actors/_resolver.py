"""Resolve noun phrases to CAMEO actors: Parsed → Resolved.

The evidence is always in the text: a country word (name, abbreviation, adjective, possessive), an
agent noun or title from the dictionary, a named organisation, or a named person found in the
office-holder dictionary for the article's date. A phrase with none of these stays unresolved:
kipu never guesses a country from a name alone.

This module is the sentence loop: for each noun-phrase head it asks `_phrase.py` for the actor
the phrase names (`_people.py` for people), then completes it from the sentence and the
article so far — an appositive, a possessive owner ("his office", "its forces"), a bare title
or pronoun through the alias resolver, "it" for a body whose words it reports — and last
applies the one-country rule (`_one_country.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kipu.actors._alias import AliasResolver, Antecedent, RuleAliasResolver
from kipu.actors._context import _role_is_place
from kipu.actors._dictionaries import ActorDictionaries, key, load_dictionaries
from kipu.actors._era import article_era
from kipu.actors._fighting import fighting_for
from kipu.actors._match import _country_in, _join, _name_span, _phrase

# (`_is_open_group` and `_qualified` are re-exported: `_evidence.py` asks them from here.)
from kipu.actors._one_country import _is_open_group as _is_open_group
from kipu.actors._one_country import _qualified as _qualified
from kipu.actors._one_country import _sole_country
from kipu.actors._people import _make, _Memory, _remember_surname, is_title, with_age
from kipu.actors._phrase import (
    GROUP_MEMBERS,
    NOT_OWNED,
    OWNER_PRONOUNS,
    _agent_of,
    _resolve_phrase,
)
from kipu.records import Actor, Mention, Parsed, Resolved, Sentence, Token

# A body's own people when it owns them ("its members", "its fighters"); not observers,
# inspectors or envoys, who are as often another body's ("evacuate its observers").
OWN_MEMBERS = frozenset({"member", "leader", "supporter", "fighter", "loyalist"})
# Nouns that speak for the person who owns them ("his office said").
SPEAKS_FOR_OWNER = frozenset({"office"})
# People who speak or act for the body their "for" / "at" / "of" phrase names ("a spokesman for
# the ministry", "an official at the army"): they are the body.
SPEAKERS_FOR = frozenset(
    {
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "representative",
        "official",
        "officer",
        "committee",
        "commission",
        "panel",
        "delegation",
    }
)
SPEAKS_FOR_PREPS = frozenset({"for", "of", "at", "from"})
# The people among them who, speaking for a state, speak for its government.
STATE_SPEAKERS = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "representative", "official", "officer"}
)
# Agent nouns that name a body, not a person: "it" may stand for them.
BODY_NOUNS = frozenset(
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
        "party",
        "group",
        "agency",
        "junta",
        "embassy",
        "company",
    }
)
# Heads that can name an actor by themselves.
NOUN_POS = frozenset({"NOUN", "PROPN"})
# Pronouns handed to the alias resolver ("her" only when it is not a possessive determiner).
ALIAS_PRONOUNS = frozenset({"he", "she", "him", "her", "they", "them"})
# Determiners that make a bare title noun point back ("the minister", "the ministry").
ANAPHORIC_DETS = frozenset({"the", "this", "that", "these", "those"})


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorOptions:
    """Options of the actor stage."""

    # User dictionary files (`--dictionary`), read after the bundled ones; files whose first
    # line declares another kind than countries/agents/organisations/officeholders are skipped.
    dictionaries: tuple[str, ...] = ()
    # Finds what "he" or "the minister" refers to; None means the rule-based default.
    alias_resolver: AliasResolver | None = None
    # False: the user's dictionaries alone, without kipu's bundled ones.
    bundled: bool = True


def resolve_actors(parsed: Parsed, options: ActorOptions | None = None) -> Resolved:
    """Find the actor mentions of every sentence of a parsed article."""
    options = options or ActorOptions()
    d = load_dictionaries(tuple(options.dictionaries), options.bundled)
    alias = options.alias_resolver or RuleAliasResolver()
    memory = _Memory(era=article_era(parsed.sentences, d, parsed.article.published))
    date = parsed.article.published
    per_sentence = tuple(
        tuple(_resolve_sentence(sentence, d, memory, date, alias)) for sentence in parsed.sentences
    )
    return Resolved(parsed=parsed, mentions=per_sentence)


def _children(sentence: Sentence) -> list[list[int]]:
    kids: list[list[int]] = [[] for _ in sentence.tokens]
    for t in sentence.tokens:
        if t.head != t.i:
            kids[t.head].append(t.i)
    return kids


def _resolve_sentence(
    sentence: Sentence,
    d: ActorDictionaries,
    memory: _Memory,
    date: str | None,
    alias: AliasResolver,
) -> list[Mention]:
    tokens = sentence.tokens
    kids = _children(sentence)
    mentions: list[Mention] = []
    for h in tokens:
        if h.pos == "PRON" and h.text.lower() == "it":
            continue  # after the sentence's groups are placed (`_reported_its`)
        if h.pos == "PRON" and h.lemma in ALIAS_PRONOUNS and h.dep != "poss":
            found = alias.antecedent(sentence, h, None, memory.earlier)
            if found is not None:
                actor = _alias_actor(h.text, found.actor, "pronoun")
                mentions.append(Mention(head=h.i, start=h.i, end=h.i + 1, actor=actor))
                _remember(memory, sentence, h, actor, found.is_person, found.titles)
            continue
        if h.pos not in NOUN_POS or h.dep in ("compound", "flat"):
            continue
        phrase = _phrase(h.i, tokens, kids)
        actor = _resolve_phrase(h, phrase, tokens, kids, d, memory, date, sentence)
        if actor is None and h.dep == "appos":  # (only a name in apposition holds an office)
            actor = _named_holder(h, phrase, tokens, mentions, memory)
        if actor is None and (h.lemma in SPEAKS_FOR_OWNER or h.lemma in OWN_MEMBERS):
            actor = _owners_office(h, tokens, kids, sentence, memory, alias)
        title = None if actor is None else _bare_title(h, phrase, tokens, actor)
        if title is not None:
            found = alias.antecedent(sentence, h, title, memory.earlier)
            if found is not None:
                actor = _alias_actor(
                    sentence.text[
                        tokens[phrase[0]].start - sentence.start : h.end - sentence.start
                    ],
                    found.actor,
                    f"title noun {title!r}",
                )
        if actor is None or actor.country is None:
            # "his counterpart, Pedro Cateriano": the noun takes its appositive's actor.
            # "Kofi Annan, UN secretary-general": a name takes the organisation of its office.
            for c in kids[h.i]:
                office_of = h.pos == "PROPN" and tokens[c].pos == "NOUN"
                if tokens[c].dep == "appos" and (tokens[c].pos == "PROPN" or office_of):
                    appos_phrase = _phrase(c, tokens, kids)
                    named = _resolve_phrase(
                        tokens[c], appos_phrase, tokens, kids, d, memory, date, sentence
                    )
                    if named is not None and office_of and not _is_org_office(named, c, tokens):
                        continue
                    if named is not None:
                        actor, phrase = named, sorted({*phrase, *appos_phrase})
                        break
        if actor is None and (h.ent == "PERSON" or with_age(h, tokens)):
            actor = _member_of(h, phrase, tokens, kids, d, memory, date, sentence)
        if actor is not None and actor.country is None and _agent_of(actor):
            actor = _owned(h, actor, tokens, kids, sentence, memory, alias)
            actor = _conjunct_owner(h, actor, tokens, kids, d)
        person = h.ent == "PERSON" or (h.pos == "PROPN" and with_age(h, tokens))
        if actor is None and (person or h.tag == "NNS"):
            # Not an actor, but a pronoun may mean it: it blocks older antecedents.
            unknown = Actor(text=h.text, name=None, code=None, country=None, sector=None)
            _remember(memory, sentence, h, unknown, person, frozenset())
        if actor is not None:
            mentions.append(Mention(head=h.i, start=phrase[0], end=phrase[-1] + 1, actor=actor))
            is_person = actor.name is not None and key(actor.name) in memory.people
            if is_person:
                titles = memory.titles.get(key(actor.name or ""), frozenset())
            else:
                agent = _agent_of(actor)
                titles = frozenset({agent}) if agent else frozenset()
                # "the defence secretary ... he": one holder of a title is a person
                is_person = h.tag == "NN" and agent is not None and is_title(agent, d)
            _remember(memory, sentence, h, actor, is_person, titles)
    mentions = _speakers_for(tokens, kids, mentions, sentence, memory)
    mentions = fighting_for(tokens, kids, mentions)  # "British nationals fighting with Isis"
    return _reported_its(tokens, _sole_country(mentions, sentence, d, memory))


def _speakers_for(
    tokens: tuple[Token, ...],
    kids: list[list[int]],
    mentions: list[Mention],
    sentence: Sentence,
    memory: _Memory,
) -> list[Mention]:
    """ "A spokesman for the foreign ministry", "a spokeswoman for Amnesty International", "an
    official at the army", "parliament's joint committee", "a spokesman for President Ruto":
    one who speaks or acts for a body or a leader is coded as them (as event data codes them),
    when they are an actor and the speaker's own words name no one else."""
    by_head = {m.head: m for m in mentions}
    out = list(mentions)
    for h in tokens:
        if h.pos not in NOUN_POS or h.lemma.lower() not in SPEAKERS_FOR:
            continue
        own = by_head.get(h.i)
        if own is not None and (own.actor.country or own.actor.code != own.actor.sector):
            continue  # "a Kenyan official at the embassy": the speaker's own words say
        body = next(
            (
                by_head[o]
                for c in kids[h.i]
                if tokens[c].dep == "prep" and tokens[c].lemma in SPEAKS_FOR_PREPS
                for o in kids[c]
                if tokens[o].dep == "pobj" and o in by_head
            ),
            None,
        ) or next(
            # "parliament's joint committee", "the army's spokesman": the owner's
            (by_head[c] for c in kids[h.i] if tokens[c].dep == "poss" and c in by_head),
            None,
        )
        if body is None or body.actor.code is None:
            continue  # (a spokesman for a person speaks for the person's office: the same code)
        start = min([h.i, *(c for c in kids[h.i] if c < h.i and tokens[c].dep != "punct")])
        text = sentence.text[tokens[start].start - sentence.start : h.end - sentence.start]
        actor = _alias_actor(text, body.actor, f"{h.lemma} for")
        if (
            actor.sector is None
            and actor.code is not None
            and actor.code == actor.country
            and h.lemma.lower() in STATE_SPEAKERS
        ):
            # one who speaks for a state speaks for its government ("Russia's permanent
            # representative", "a spokesman for Turkey"), as event data codes its officials
            actor = replace(actor, code=actor.code + "GOV", sector="GOV")
        if own is not None:
            out.remove(own)  # a bare "official" (GOV) is the body's
        out.append(Mention(head=h.i, start=start, end=h.i + 1, actor=actor))
        _remember(memory, sentence, h, actor, True, frozenset({h.lemma}))
    return sorted(out, key=lambda m: m.start)


def _owners_office(
    h: Token,
    tokens: tuple[Token, ...],
    kids: list[list[int]],
    sentence: Sentence,
    memory: _Memory,
    alias: AliasResolver,
) -> Actor | None:
    """ "his office said", "Katsav's office": the office speaks for the actor who owns it (a
    pronoun's antecedent or a person the article has named); "its leader", "its members"
    after a named organisation are the organisation's. Unowned, it is no actor."""
    office = h.lemma in SPEAKS_FOR_OWNER
    if office and _role_is_place(h, tokens, institution=True):
        return None  # "returned to his office", "in his office": the room
    for c in kids[h.i]:
        t = tokens[c]
        if t.dep != "poss":
            continue
        owner: Actor | None = None
        if t.pos == "PRON" and t.text.lower() in OWNER_PRONOUNS:
            found = alias.antecedent(sentence, t, None, memory.earlier)
            if found is not None and found.is_person == office:
                owner = found.actor
        elif t.pos == "PROPN" and office:
            owner = memory.people.get(key(t.text))
        if owner is None or owner.code is None:
            return None
        if not office and not owner.rule.startswith("organisation:"):
            return None  # "its leader" after a state: which office is not said
        text = sentence.text[t.start - sentence.start : h.end - sentence.start]
        return _alias_actor(text, owner, f"{h.lemma} of {t.text}")
    return None


def _named_holder(
    h: Token,
    phrase: list[int],
    tokens: tuple[Token, ...],
    mentions: list[Mention],
    memory: _Memory,
) -> Actor | None:
    """A person named in apposition to an office the sentence resolved ("Niger's ambassador
    Brah Mohamane", "the deputy governor of the region, Oleg Chemezov") holds it: the
    office's actor, under the person's name (remembered for the surname's later mentions)."""
    if h.dep != "appos" or h.ent != "PERSON":
        return None
    office = tokens[h.head]
    if office.tag != "NN" or office.pos != "NOUN":
        return None  # a plural group ("leaders, among them ...") is not one person
    for m in mentions:
        agent = _agent_of(m.actor)
        weak = "owner:" in m.actor.rule or "one country of the sentence" in m.actor.rule
        owned = m.actor.rule.startswith(f"{office.lemma} of ")  # "its leader Abdullah Ocalan"
        agent = agent or (office.lemma if owned else None)
        placed = m.actor.country is not None or owned
        if m.head == office.i and agent is not None and placed and not weak:
            # (an office whose country is only guessed is not pinned on a named person)
            name = _join(_name_span(h, phrase, tokens), tokens)
            text = _join(phrase, tokens)
            actor = replace(m.actor, text=text, name=name, rule=f"{m.actor.rule}; holder:{name}")
            memory.people.setdefault(key(name), actor)
            memory.titles.setdefault(key(name), frozenset({agent}))
            if key(h.text) != key(name):  # "Brah Mohamane", later "Mohamane"
                _remember_surname(memory, key(h.text), actor)
                memory.titles.setdefault(key(h.text), frozenset({agent}))
            return actor
    return None


# Prepositions by which a person is named with the organisation they work for.
MEMBER_PREPS = frozenset({"of", "from"})


def _member_of(
    h: Token,
    phrase: list[int],
    tokens: tuple[Token, ...],
    kids: list[list[int]],
    d: ActorDictionaries,
    memory: _Memory,
    date: str | None,
    sentence: Sentence,
) -> Actor | None:
    """A person no dictionary places, named with the organisation they work for ("Karl Stein
    of Amnesty International", "Stein, of the charity Oxfam,", "Stein from Human Rights
    Watch"): the organisation's actor under the person's name (remembered for the surname).
    Only named organisations: "Stein of Kenya" says where, not whom for."""
    for c in kids[h.i]:
        if tokens[c].dep != "prep" or tokens[c].lemma not in MEMBER_PREPS or c < h.i:
            continue
        if any(tokens[k].pos != "PUNCT" for k in range(h.i + 1, c)):
            continue  # the phrase stands right after the name (a comma may come between)
        objects = [o for o in kids[c] if tokens[o].dep == "pobj"]
        # "of the charity Oxfam": the name in apposition to the noun
        objects += [a for o in objects for a in kids[o] if tokens[a].dep == "appos"]
        for o in objects:
            body = _resolve_phrase(
                tokens[o], _phrase(o, tokens, kids), tokens, kids, d, memory, date, sentence
            )
            if body is None or not body.rule.startswith("organisation:"):
                continue
            name = _join(_name_span(h, phrase, tokens), tokens)
            actor = replace(
                body, text=name, name=name, rule=f"{body.rule}; member:{name} of {body.text}"
            )
            memory.people.setdefault(key(name), actor)
            if key(h.text) != key(name):  # "Karl Stein", later "Stein"
                _remember_surname(memory, key(h.text), actor)
            return actor
    return None


def _reported_its(tokens: tuple[Token, ...], mentions: list[Mention]) -> list[Mention]:
    """Add the "it" that stands for the body or state whose words it reports."""
    out = list(mentions)
    for h in tokens:
        if h.pos == "PRON" and h.text.lower() == "it":
            said = _reported_it(h, tokens, mentions)
            if said is not None:
                actor = _alias_actor(h.text, said.actor, "pronoun")
                out.append(Mention(head=h.i, start=h.i, end=h.i + 1, actor=actor))
    return sorted(out, key=lambda m: m.start)


def _reported_it(h: Token, tokens: tuple[Token, ...], mentions: list[Mention]) -> Mention | None:
    """The state or body "it" stands for as the subject of what that state or body said,
    confirmed or announced right before ("NATO confirmed on Wednesday it would tighten the
    blockade", "Iran said it would retaliate"): the reporting verb's subject, when nothing but
    a date stands between the verb and the pronoun."""
    if h.dep not in ("nsubj", "nsubjpass") or tokens[h.head].dep != "ccomp":
        return None
    verb = tokens[h.head].head
    if verb > h.i:
        return None  # "It was a mistake, Iran said": "it" is what was said about
    between = tokens[verb + 1 : h.i]
    if any(t.pos in NOUN_POS and t.ent not in ("DATE", "TIME") for t in between):
        return None
    for m in mentions:
        t = tokens[m.head]
        if t.head == verb and t.dep == "nsubj" and t.tag in ("NN", "NNP") and m.actor.code:
            body = m.actor.rule.startswith(("organisation:", "capital:", "country:"))
            return m if body or t.lemma in BODY_NOUNS else None
    return None


def _is_org_office(actor: Actor, head: int, tokens: tuple[Token, ...]) -> bool:
    """True when an appositive names an office of an organisation ("UN secretary-general",
    "the United Nations Emergency Relief Coordinator"): the person is the organisation's."""
    return actor.rule.startswith("organisation:") and tokens[head].lemma in GROUP_MEMBERS


def _remember(
    memory: _Memory,
    sentence: Sentence,
    h: Token,
    actor: Actor,
    is_person: bool,
    titles: frozenset[str],
) -> None:
    main = h.dep in ("nsubj", "nsubjpass") and sentence.tokens[h.head].head == h.head
    memory.earlier.append(
        Antecedent(
            sentence=sentence.index,
            head=h,
            actor=actor,
            is_person=is_person,
            titles=titles,
            main=main,
        )
    )


def _owned(
    h: Token,
    actor: Actor,
    tokens: tuple[Token, ...],
    kids: list[list[int]],
    sentence: Sentence,
    memory: _Memory,
    alias: AliasResolver,
) -> Actor:
    """An unnamed group owned by a possessive pronoun takes its owner's country ("Israel has
    strengthened its forces", "President Oueddei ... his government"); an organisation's
    ("the UN ... its peacekeepers") gives its code."""
    if h.lemma in NOT_OWNED:
        return actor  # "his counterpart", "their enemies": someone else's
    for c in kids[h.i]:
        t = tokens[c]
        if t.dep == "poss" and t.pos == "PRON" and t.text.lower() in OWNER_PRONOUNS:
            found = alias.antecedent(sentence, t, None, memory.earlier)
            if found is None or found.actor.code is None:
                return actor
            owner = found.actor
            rule = f"{actor.rule}; owner:{t.text} → {owner.name or owner.text}"
            if owner.country is not None:
                return _make(actor.text, None, owner.country, actor.sector, rule)
            if owner.code[:3] in ("IGO", "NGO", "IMG"):
                return _make(actor.text, owner.name, None, owner.sector, rule, owner.code)
            return actor
    return actor


def _conjunct_owner(
    h: Token, actor: Actor, tokens: tuple[Token, ...], kids: list[list[int]], d: ActorDictionaries
) -> Actor:
    """A title conjoined to a country's ("Turkey's president and foreign minister") shares
    its owner when it has no determiner or owner of its own ("and a foreign minister", "and
    his foreign minister" are someone's else or nobody's in particular)."""
    if actor.country is not None or h.dep != "conj" or h.pos != "NOUN":
        return actor
    if any(tokens[c].dep in ("det", "poss") for c in kids[h.i]):
        return actor
    first = tokens[h.head]
    owners = [c for c in kids[first.i] if tokens[c].dep == "poss"]
    if first.pos != "NOUN" or len(owners) != 1:
        return actor
    found = _country_in(_phrase(owners[0], tokens, kids), tokens, d)
    if found is None:
        return actor
    entry, span = found
    rule = f"{actor.rule}; owner:{_join(span, tokens)} (shared with {first.text!r})"
    return _make(actor.text, None, entry.code, actor.sector, rule)


def _alias_actor(text: str, antecedent: Actor, how: str) -> Actor:
    """The antecedent's actor for an alias, saying which mention it stands for."""
    who = antecedent.name or antecedent.text
    return Actor(
        text=text,
        name=antecedent.name,
        code=antecedent.code,
        country=antecedent.country,
        sector=antecedent.sector,
        rule=f"{how} → {who}",
    )


def _bare_title(
    h: Token, phrase: list[int], tokens: tuple[Token, ...], actor: Actor | None
) -> str | None:
    """The title of "the minister" / "the defense ministry" when the phrase names no country."""
    if actor is None or actor.country is not None or h.pos != "NOUN":
        return None
    agent = _agent_of(actor)
    first = tokens[phrase[0]]
    if agent is None or first.dep != "det" or first.lemma not in ANAPHORIC_DETS:
        return None
    if h.tag != "NN" or any(tokens[i].pos == "PROPN" for i in phrase):
        return None  # plural groups ("the refugees") and named ones ("the Assad regime")
    if any(tokens[i].dep == "poss" for i in phrase):
        return None  # "his counterpart", "Peru's minister": not a bare title
    return agent
