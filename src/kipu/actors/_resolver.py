"""Resolve noun phrases to CAMEO actors: Parsed → Resolved.

The evidence is always in the text: a country word (name, abbreviation, adjective, possessive), an
agent noun or title from the dictionary, a named organisation, or a named person found in the
office-holder dictionary for the article's date. A phrase with none of these stays unresolved:
kipu never guesses a country from a name alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kipu.actors._dictionaries import (
    ActorDictionaries,
    CountryEntry,
    OfficeTerm,
    key,
    load_dictionaries,
)
from kipu.records import Actor, Mention, Parsed, Resolved, Sentence, Token

# Dependency labels of the modifiers that belong to a noun phrase (spaCy's English labels).
NP_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss", "det", "case", "nummod", "flat"})
# Prepositions whose object is a place, not an actor ("in Lima", "near the border").
LOCATIVE_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "around",
        "across",
        "throughout",
        "within",
        "from",
        "into",
        "through",
        "beyond",
        "along",
        "off",
        "over",
        "toward",
        "towards",
    }
)
# Grammatical roles in which a capital or country name can stand for a government.
ACTOR_ROLES = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "dobj",
        "obj",
        "poss",
        "pobj",
        "dative",
        "agent",
        "conj",
        "appos",
        "attr",
        "npadvmod",
    }
)
# Entity labels that a dictionary entry flagged as ambiguous must carry to count.
PLACE_LABELS = frozenset({"GPE", "NORP", "LOC", "FAC", "ORG"})
# Heads whose sector a modifier overrides ("opposition delegation" is OPP, not GOV) and the
# sectors such a modifier can give.
GENERIC_SECTORS = frozenset({"GOV"})
MARKED_SECTORS = frozenset({"OPP", "REB", "INS", "SEP", "CRM", "UAF", "PTY"})
# Pronoun-like heads that never resolve by themselves (a coreference step would handle them).
NOUN_POS = frozenset({"NOUN", "PROPN"})


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorOptions:
    """Options of the actor stage (none yet beyond the bundled dictionaries)."""

    dictionaries: tuple[str, ...] = ()


@dataclass(slots=True)
class _Memory:
    """People already resolved in this article, by full name and by surname."""

    people: dict[str, Actor] = field(default_factory=dict)


def resolve_actors(parsed: Parsed, options: ActorOptions | None = None) -> Resolved:
    """Find the actor mentions of every sentence of a parsed article."""
    d = load_dictionaries()
    memory = _Memory()
    date = parsed.article.published
    per_sentence = tuple(
        tuple(_resolve_sentence(sentence, d, memory, date)) for sentence in parsed.sentences
    )
    return Resolved(parsed=parsed, mentions=per_sentence)


def _children(sentence: Sentence) -> list[list[int]]:
    kids: list[list[int]] = [[] for _ in sentence.tokens]
    for t in sentence.tokens:
        if t.head != t.i:
            kids[t.head].append(t.i)
    return kids


def _resolve_sentence(
    sentence: Sentence, d: ActorDictionaries, memory: _Memory, date: str | None
) -> list[Mention]:
    tokens = sentence.tokens
    kids = _children(sentence)
    mentions: list[Mention] = []
    for h in tokens:
        if h.pos not in NOUN_POS or h.dep in ("compound", "flat"):
            continue
        phrase = _phrase(h.i, tokens, kids)
        actor = _resolve_phrase(h, phrase, tokens, kids, d, memory, date, sentence)
        if actor is None or actor.country is None:
            # "his counterpart, Pedro Cateriano": the noun takes its appositive's actor.
            for c in kids[h.i]:
                if tokens[c].dep == "appos" and tokens[c].pos == "PROPN":
                    appos_phrase = _phrase(c, tokens, kids)
                    named = _resolve_phrase(
                        tokens[c], appos_phrase, tokens, kids, d, memory, date, sentence
                    )
                    if named is not None:
                        actor, phrase = named, sorted({*phrase, *appos_phrase})
                        break
        if actor is not None:
            mentions.append(Mention(head=h.i, start=phrase[0], end=phrase[-1] + 1, actor=actor))
    return mentions


def _phrase(h: int, tokens: tuple[Token, ...], kids: list[list[int]]) -> list[int]:
    """The head and its noun-phrase modifiers on the left (possessives with their own modifiers)."""
    out = {h}
    stack = [h]
    while stack:
        i = stack.pop()
        for c in kids[i]:
            if c < h and tokens[c].dep in NP_MODIFIERS and c not in out:
                out.add(c)
                stack.append(c)
    return sorted(out)


def _of_complement(h: int, tokens: tuple[Token, ...], kids: list[list[int]]) -> list[int]:
    """The tokens of an "of" phrase right after the head ("of Foreign Affairs"), or []."""
    for c in kids[h]:
        if tokens[c].dep == "prep" and tokens[c].lemma == "of" and c == h + 1:
            objects = [o for o in kids[c] if tokens[o].dep == "pobj"]
            if objects:
                return [c, *_phrase(objects[0], tokens, kids)]
    return []


def _role_is_place(h: Token, tokens: tuple[Token, ...]) -> bool:
    """True when the phrase is the object of a locative preposition ("in Lima")."""
    node = h
    while node.dep == "conj" and node.head != node.i:
        node = tokens[node.head]
    if node.dep == "pobj":
        prep = tokens[node.head]
        return prep.lemma in LOCATIVE_PREPS
    return node.dep not in ACTOR_ROLES


def _match_spans(
    words: list[str], table: dict[str, list], max_words: int
) -> list[tuple[int, int, list]]:
    """Longest-first matches of contiguous word sequences in a table: (start, end, entries)."""
    found: list[tuple[int, int, list]] = []
    i = 0
    while i < len(words):
        for n in range(min(max_words, len(words) - i), 0, -1):
            entries = table.get(" ".join(words[i : i + n]))
            if entries:
                found.append((i, i + n, entries))
                i += n
                break
        else:
            i += 1
    return found


def _country_in(
    idx: list[int], tokens: tuple[Token, ...], d: ActorDictionaries
) -> tuple[CountryEntry, list[int]] | None:
    """The first unambiguous country word (or a tagged ambiguous one) among the tokens."""
    words = [key(tokens[i].text) for i in idx]
    for start, end, entries in _match_spans(words, d.countries, d.max_country_words):
        span = idx[start:end]
        entry = _pick_country(entries, [tokens[i] for i in span])
        if entry is not None:
            return entry, span
    return None


def _pick_country(entries: list[CountryEntry], span: list[Token]) -> CountryEntry | None:
    tagged = any(t.ent in PLACE_LABELS for t in span)
    # A capitalised adjective modifying a noun ("Georgian riot police") is the nationality even
    # when the word has other senses; a bare ambiguous name needs the parser's place tag.
    modifier = len(span) == 1 and span[0].text[:1].isupper() and span[0].dep in ("amod", "compound")
    usable = [
        e for e in entries if not e.ambiguous or tagged or (modifier and e.kind == "adjective")
    ]
    if not usable:
        return None
    codes = {e.code for e in usable}
    if len(codes) > 1:
        return None  # the same words name two countries: no evidence for either
    return usable[0]


def _agent_in(
    idx: list[int],
    tokens: tuple[Token, ...],
    d: ActorDictionaries,
    kind: str,
    head: int | None = None,
) -> tuple[str, str, list[int]] | None:
    """The longest agent noun or title in a run of the tokens (containing ``head`` when given)."""
    lemmas = [key(tokens[i].lemma) for i in idx]
    texts = [key(tokens[i].text) for i in idx]
    best: tuple[str, str, list[int]] | None = None
    for start in range(len(idx)):
        for end in range(len(idx), start, -1):
            if end - start > d.max_agent_words:
                continue
            if head is not None and head not in idx[start:end]:
                continue
            for words in (lemmas[start:end], texts[start:end]):
                phrase = " ".join(words)
                entries = [e for e in d.agents.get(phrase, []) if e.kind == kind]
                if entries and (best is None or end - start > len(best[2])):
                    best = (entries[0].sector, phrase, idx[start:end])
    return best


def _org_in(
    idx: list[int], tokens: tuple[Token, ...], d: ActorDictionaries
) -> tuple[str, list[int]] | None:
    """The longest named organisation among the tokens: (dictionary key, span)."""
    words = [key(tokens[i].text) for i in idx]
    for n in range(min(d.max_org_words, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            k = " ".join(words[i : i + n])
            entry = d.orgs.get(k)
            if entry is None:
                continue
            written = " ".join(tokens[j].text for j in idx[i : i + n])
            # Acronyms ("WHO", "AU", "IS") must be written in capitals, or "who" would be the WHO.
            if entry.text.isupper() and len(entry.text) <= 5 and written != entry.text:
                continue
            return k, idx[i : i + n]
    return None


def _name_span(h: Token, phrase: list[int], tokens: tuple[Token, ...]) -> list[int]:
    """The person's name: the PERSON entity around the head, else the run of proper nouns."""
    if h.ent == "PERSON":
        start = h.i
        while start > 0 and tokens[start].ent_iob == "I" and tokens[start - 1].ent == "PERSON":
            start -= 1
        end = h.i + 1
        while end < len(tokens) and tokens[end].ent_iob == "I" and tokens[end].ent == "PERSON":
            end += 1
        return list(range(start, end))
    run = [h.i]
    for i in reversed([p for p in phrase if p < h.i]):
        if tokens[i].pos == "PROPN" and i == run[-1] - 1 and tokens[i].dep in ("compound", "flat"):
            run.append(i)
        else:
            break
    return sorted(run)


def _join(idx: list[int], tokens: tuple[Token, ...]) -> str:
    """The words of the tokens as written (no space where the text had none: "Ji-hoon")."""
    out = ""
    for n, i in enumerate(idx):
        if n and tokens[i].start != tokens[idx[n - 1]].end:
            out += " "
        out += tokens[i].text
    return out


def _office(name: str, d: ActorDictionaries, date: str | None) -> OfficeTerm | None:
    """The office the named person held on the date (None when unknown or ambiguous)."""
    terms = d.offices.get(key(name), [])
    if not terms and " " not in name.strip():
        # A surname alone ("Trump", "Panetta"): only when one office holder of that name
        # was in office on the article's date.
        terms = d.surnames.get(key(name), [])
        if not date:
            return None
    if date:
        terms = [t for t in terms if t.start <= date and (t.end is None or date <= t.end)]
    if (
        len({(t.name, t.country) for t in terms}) > 1
        or len({(t.country, t.sector) for t in terms}) > 1
    ):
        return None
    return terms[0] if terms else None


def _make(
    text: str,
    name: str | None,
    country: str | None,
    sector: str | None,
    rule: str,
    code: str | None = None,
) -> Actor:
    if code is None:
        code = (country or "") + (sector or "") or None
    return Actor(text=text, name=name, code=code, country=country, sector=sector, rule=rule)


def _resolve_phrase(
    h: Token,
    phrase: list[int],
    tokens: tuple[Token, ...],
    kids: list[list[int]],
    d: ActorDictionaries,
    memory: _Memory,
    date: str | None,
    sentence: Sentence,
) -> Actor | None:
    # The mention as written: the sentence's text from the phrase's first to last token.
    text = sentence.text[
        tokens[phrase[0]].start - sentence.start : tokens[phrase[-1]].end - sentence.start
    ]

    # 1. A named organisation or armed group ("Shining Path guerrillas", "NATO").
    org = _org_in(phrase, tokens, d)
    if org is not None:
        entry = d.orgs[org[0]]
        return _make(
            text, entry.text, entry.country, entry.sector, f"organisation:{entry.text}", entry.code
        )

    country = _country_in(phrase, tokens, d)
    head_is_country = country is not None and h.i in country[1]
    # 2. A named person: title, country words and the office-holder dictionary (unless the head
    # itself is a country or capital the tagger took for a name, as it does with "Bogotá").
    if not head_is_country and (
        h.ent == "PERSON"
        or (h.pos == "PROPN" and (key(h.text) in memory.people or key(h.text) in d.offices))
    ):
        actor = _resolve_person(h, phrase, tokens, kids, d, memory, date, text)
        if actor is not None:
            return actor
        if h.ent == "PERSON":
            return None

    # 3. A country or capital as the head: the state, or the government it stands for.
    if country is not None and head_is_country:
        entry, _ = country
        if _role_is_place(h, tokens) or entry.place:
            return None
        if entry.kind == "capital":
            sector = "MIL" if entry.military else "GOV"
            return _make(text, entry.text, entry.code, sector, f"capital:{entry.text}")
        return _make(text, None, entry.code, None, f"country:{entry.kind}:{entry.text}")

    # 4. An agent noun, with the country its modifiers give ("Peruvian Defense Ministry", "U.S.
    # advisers") or its "of" complement gives ("the Ministry of Foreign Affairs", "the army of
    # Mali").
    extended = phrase + _of_complement(h.i, tokens, kids)
    agent = _agent_in(extended, tokens, d, "noun", head=h.i)
    if country is None and len(extended) > len(phrase):
        country = _country_in(extended[len(phrase) :], tokens, d)
    if agent is not None:
        sector, agent_text, _ = agent
        if sector in GENERIC_SECTORS:
            # "opposition delegation", "rebel spokesman": the modifier says whose they are.
            for i in phrase:
                if i != h.i and tokens[i].dep in ("compound", "amod"):
                    for entry in d.agents.get(key(tokens[i].lemma), []):
                        if entry.kind == "noun" and entry.sector in MARKED_SECTORS:
                            sector, agent_text = entry.sector, f"{entry.text} {agent_text}"
        rule = f"agent:{agent_text}"
        code_country = None
        if country is not None:
            code_country = country[0].code
            rule += f"; country:{country[0].text}"
        return _make(text, None, code_country, sector, rule)
    return None


def _resolve_person(
    h: Token,
    phrase: list[int],
    tokens: tuple[Token, ...],
    kids: list[list[int]],
    d: ActorDictionaries,
    memory: _Memory,
    date: str | None,
    text: str,
) -> Actor | None:
    name_idx = _name_span(h, phrase, tokens)
    name = _join(name_idx, tokens)
    rest = [i for i in phrase if i not in name_idx]
    # Titles and country words may also sit in an appositive: "Cateriano, the defense minister".
    for c in kids[h.i]:
        if tokens[c].dep == "appos" and tokens[c].pos == "NOUN":
            rest += _phrase(c, tokens, kids)
    title = _agent_in(rest, tokens, d, "title") if rest else None
    country = _country_in(rest, tokens, d) if rest else None
    office = _office(name, d, date)
    remembered = memory.people.get(key(name))

    sector = title[0] if title else None
    country_code = country[0].code if country else None
    rules: list[str] = []
    if title:
        rules.append(f"title:{title[1]}")
    if country:
        rules.append(f"country:{country[0].text}")
    if office is not None and (country_code is None or country_code == office.country):
        country_code = country_code or office.country
        sector = sector or office.sector
        rules.append(f"office:{office.name} {office.role} {office.start}..{office.end or ''}")
    if sector is None and country_code is None and remembered is not None:
        return Actor(
            text=text,
            name=remembered.name,
            code=remembered.code,
            country=remembered.country,
            sector=remembered.sector,
            rule=f"same person as {remembered.name!r} earlier",
        )
    if sector is None and country_code is None:
        return None
    actor = _make(text, name, country_code, sector, "; ".join(rules))
    memory.people[key(name)] = actor
    if len(name_idx) > 1:
        memory.people.setdefault(key(tokens[name_idx[-1]].text), actor)
    return actor
