"""Matching a noun phrase against the actor dictionaries: phrases, countries, agents, names.

Pure lookups over a sentence's tokens; the resolver (``_resolver.py``) decides what they mean.
"""

from __future__ import annotations

import re

from kipu.actors._dictionaries import ActorDictionaries, CountryEntry, OfficeTerm, key
from kipu.records import Token

# Dependency labels of the modifiers that belong to a noun phrase (spaCy's English labels).
NP_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss", "det", "case", "nummod", "flat"})


# Entity labels that a dictionary entry flagged as ambiguous must carry to count.
PLACE_LABELS = frozenset({"GPE", "NORP", "LOC", "FAC", "ORG"})


# Prefixes that turn a nationality into a stance ("pro-Russian", "anti-government").
STANCE_PREFIXES = frozenset({"pro", "anti"})


# Participles after a hyphen that make a country word someone else's part in the group
# ("Syrian-backed militia", "Soviet-trained forces", "Damascus-based group"): not its nationality.
FOREIGN_HAND = frozenset(
    {
        "backed",
        "trained",
        "made",
        "based",
        "sponsored",
        "funded",
        "supported",
        "armed",
        "allied",
        "built",
        "supplied",
        "brokered",
        "educated",
        "born",
        "installed",
        "imposed",
        "inspired",
        "linked",
        "aligned",
        "equipped",
        "financed",
        "mediated",
    }
)


def _phrase(h: int, tokens: tuple[Token, ...], kids: list[list[int]]) -> list[int]:
    """The head and its noun-phrase modifiers on the left (possessives with their own modifiers)."""
    if not kids[h]:
        return [h]  # (a bare noun or name: nothing to walk)
    out = [h]  # (a few words: a list is quicker to search than a set is to build)
    stack = [h]
    while stack:
        for c in kids[stack.pop()]:
            if c < h and tokens[c].dep in NP_MODIFIERS and c not in out:
                out.append(c)
                stack.append(c)
    out.sort()
    return out


def _of_complement(h: int, tokens: tuple[Token, ...], kids: list[list[int]]) -> list[int]:
    """The tokens of an "of" phrase right after the head ("of Foreign Affairs"), or []."""
    c = h + 1  # (the one place the "of" may stand: no need to read the head's other words)
    if c not in kids[h] or tokens[c].dep != "prep" or tokens[c].lemma != "of":
        return []
    objects = [o for o in kids[c] if tokens[o].dep == "pobj"]
    return [c, *_phrase(objects[0], tokens, kids)] if objects else []


def _glued(idx: list[int], tokens: tuple[Token, ...]) -> list[bool]:
    """For each token, whether it was written against the one before ("Workers’", "al-Qaeda")."""
    out = [False] * len(idx)
    for n in range(1, len(idx)):  # (a plain loop: most runs are a word or two)
        i = idx[n]
        out[n] = idx[n - 1] == i - 1 and tokens[i].start == tokens[i - 1].end
    return out


def _spellings(words: list[str], glued: list[bool], i: int, n: int) -> tuple[str, ...]:
    """The words i..i+n joined by spaces, and as written when some were written together."""
    if n == 1:
        return (words[i],)  # (most runs tried: one word, written one way)
    spaced = " ".join(words[i : i + n])
    if not any(glued[i + 1 : i + n]):
        return (spaced,)
    written = words[i] + "".join(("" if glued[j] else " ") + words[j] for j in range(i + 1, i + n))
    return (spaced, written)


# The words a table's keys can start with, per table (tables live as long as the process).
_FIRST_WORDS: dict[int, tuple[dict, dict[str, int]]] = {}
# The pieces a key can be split into by a tokenizer at most (words and punctuation marks).
_PIECE = re.compile(r"\w+|[^\w\s]")


def _first_words(table: dict[str, list]) -> dict[str, int]:
    """The first tokens of a table's keys ("bosnia" for "bosnia-herzegovina" too), each with
    the most tokens a key starting with it can span (so a match tries no longer runs)."""
    cached = _FIRST_WORDS.get(id(table))
    if cached is None or cached[0] is not table:
        firsts: dict[str, int] = {}
        for k in table:
            first = k.split(" ", 1)[0]
            span = len(_PIECE.findall(k))
            for w in (first, re.split(r"[^\w]", first, maxsplit=1)[0] or first):
                firsts[w] = max(firsts.get(w, 0), span)
        cached = (table, firsts)
        _FIRST_WORDS[id(table)] = cached
    return cached[1]


def _match_spans(
    words: list[str], table: dict[str, list], max_words: int, glued: list[bool] | None = None
) -> list[tuple[int, int, list]]:
    """Longest-first matches of contiguous word sequences in a table: (start, end, entries)."""
    glued = glued or [False] * len(words)
    firsts = _first_words(table)
    found: list[tuple[int, int, list]] = []
    free = 0  # the first word not inside a match already found
    for i in [i for i, w in enumerate(words) if w in firsts]:
        if i < free:
            continue
        for n in range(min(max_words, firsts[words[i]], len(words) - i), 0, -1):
            entries = None
            for w in _spellings(words, glued, i, n):
                entries = table.get(w)
                if entries:
                    break
            if entries:
                found.append((i, i + n, entries))
                free = i + n
                break
    return found


def _country_in(
    idx: list[int], tokens: tuple[Token, ...], d: ActorDictionaries
) -> tuple[CountryEntry, list[int]] | None:
    """The first unambiguous country word (or a tagged ambiguous one) among the tokens."""
    words = [key(tokens[i].text) for i in idx]
    if _first_words(d.countries).keys().isdisjoint(words):
        return None  # (most phrases: no country word can start anywhere in them)
    glued = _glued(idx, tokens)
    for start, end, entries in _match_spans(words, d.countries, d.max_country_words, glued):
        span = idx[start:end]
        if _is_stance(span[0], tokens):
            continue  # "pro-Russian activists" are not Russian
        if _is_foreign_hand(span[-1], tokens):
            continue  # "Syrian-backed militia" is not Syrian
        if span[0] > 0 and tokens[span[0] - 1].text.lower() == "ethnic":
            continue  # "ethnic Albanians in Macedonia": an ethnicity, not a nationality
        entry = _pick_country(entries, [tokens[i] for i in span])
        if entry is not None:
            return entry, span
    return None


def _countries_named(tokens: tuple[Token, ...], d: ActorDictionaries) -> list[tuple[str, range]]:
    """Every country a sentence names (names, demonyms, capitals, regions), as nationality or
    place, with its tokens; not stances ("pro-Russian"), backers ("Syrian-backed") or
    ethnicities ("ethnic Albanians")."""
    idx = list(range(len(tokens)))
    words = [key(t.text) for t in tokens]
    out: list[tuple[str, range]] = []
    found = _match_spans(words, d.countries, d.max_country_words, _glued(idx, tokens))
    for start, end, entries in found:
        if _is_stance(start, tokens) or _is_foreign_hand(end - 1, tokens):
            continue
        if start > 0 and tokens[start - 1].text.lower() == "ethnic":
            continue
        entry = _pick_country(entries, list(tokens[start:end]))
        if entry is not None:
            out.append((entry.code, range(start, end)))
    return out


def _is_stance(i: int, tokens: tuple[Token, ...]) -> bool:
    """True for a country word written as a stance: "pro-Russian", "anti-American"."""
    return i >= 2 and tokens[i - 1].text == "-" and tokens[i - 2].text.lower() in STANCE_PREFIXES


def _is_foreign_hand(i: int, tokens: tuple[Token, ...]) -> bool:
    """True for "Syrian-backed", "Damascus-based", "Soviet- and Cuban-trained", "Russian and
    Iran-backed"."""
    j = i + 1
    coordinated = j + 1 < len(tokens) and tokens[j + 1].text.lower() in ("and", "or")
    if coordinated and tokens[j].text == "-":
        # "Soviet- and Cuban-trained": the participle comes after the next country word.
        for k in range(j + 2, min(j + 6, len(tokens) - 1)):
            if tokens[k].text == "-":
                j = k
                break
    if j < len(tokens) and tokens[j].text.lower() in ("and", "or"):
        # "Russian and Iran-backed forces": the hand after the next country word is both's.
        for k in range(j + 2, min(j + 5, len(tokens) - 1)):
            if tokens[k].text == "-":
                names = tokens[j + 1 : k]
                return tokens[k + 1].text.lower() in FOREIGN_HAND and all(
                    t.text[:1].isupper() for t in names
                )
    return (
        j + 1 < len(tokens) and tokens[j].text == "-" and tokens[j + 1].text.lower() in FOREIGN_HAND
    )


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
    if head is not None and head not in idx:
        return None  # no run of the tokens contains the head
    # The runs that contain the head: those starting at or before its one place in the
    # (distinct) tokens and ending after it.
    at = idx.index(head) if head is not None else None
    glued = _glued(idx, tokens)
    firsts = _first_words(d.agents)
    starts = [
        start
        for start in range(len(idx) if at is None else at + 1)
        if _may_start(
            key(tokens[idx[start]].lemma),
            key(tokens[idx[start]].text),
            start + 1 < len(glued) and glued[start + 1],
            firsts,
        )
    ]
    if not starts:
        return None  # (most phrases: no agent can start anywhere in them)
    lemmas = [key(tokens[i].lemma) for i in idx]
    texts = [key(tokens[i].text) for i in idx]
    best: tuple[str, str, list[int]] | None = None
    for start in starts:
        last = min(len(idx), start + d.max_agent_words)  # (longer runs are listed nowhere)
        for end in range(last, start if at is None else at, -1):
            for phrase in _agent_spellings(lemmas, texts, glued, start, end):
                entries = [e for e in d.agents.get(phrase, []) if e.kind == kind]
                if entries and (best is None or end - start > len(best[2])):
                    best = (entries[0].sector, phrase, idx[start:end])
    return best


def _may_start(lemma: str, text: str, glued_on: bool, firsts: dict[str, int]) -> bool:
    """Whether an agent the table lists may start at a word (its lemma and text as keys): every
    spelling :func:`_agent_spellings` tries starts with the word's lemma or text as a whole
    word, with its "-men" as "-man", or (written together with the next word, ``glued_on``)
    with its lemma; a lemma with a hyphen or a space, or none, is tried whatever it is."""
    if glued_on or not lemma or "-" in lemma or " " in lemma or " " in text:
        return True
    return (
        lemma in firsts or text in firsts or (text.endswith("men") and text[:-3] + "man" in firsts)
    )


def _agent_spellings(
    lemmas: list[str], texts: list[str], glued: list[bool], start: int, end: int
) -> list[str]:
    """The ways a run of words may be listed: lemmas, words, a "-men" plural as "-man", and
    for hyphenated words ("Vice-President", "state-run radio") as written and with the
    hyphen as a space."""
    out = [" ".join(lemmas[start:end]), " ".join(texts[start:end])]
    if texts[end - 1].endswith("men") and len(texts[end - 1]) > 5:
        # "militiamen" tagged as a name keeps its plural as lemma: the "-man" entry.
        out.append(" ".join([*texts[start : end - 1], texts[end - 1][:-3] + "man"]))
    if "-" in texts[start:end]:
        for written in _spellings(lemmas, glued, start, end - start)[1:]:
            out += [written, " ".join(written.replace("-", " ").split())]
    return out


def _org_in(
    idx: list[int], tokens: tuple[Token, ...], d: ActorDictionaries
) -> tuple[str, list[int]] | None:
    """The longest named organisation among the tokens: (dictionary key, span)."""
    firsts = _first_words(d.orgs)
    starts = [n for n, i in enumerate(idx) if key(tokens[i].text) in firsts]
    if not starts:
        return None  # (most phrases: no name can start anywhere in them)
    words = [key(tokens[i].text) for i in idx]
    glued = _glued(idx, tokens)
    for n in range(min(d.max_org_words, len(words)), 0, -1):
        for i in starts:
            if i + n > len(words):
                continue
            k = next((w for w in _spellings(words, glued, i, n) if w in d.orgs), None)
            if k is None:
                continue
            entry = d.orgs[k]
            written = " ".join(tokens[j].text for j in idx[i : i + n])
            # Acronyms ("WHO", "AU", "IS") must be written as a dictionary row writes them
            # (capitals, or a house style the rows list: "Nato", "Isis"), or "who" would be
            # the WHO.
            spellings = d.org_spellings.get(k) or {entry.text}
            if entry.text.isupper() and len(entry.text) <= 5 and written not in spellings:
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
        # The tagger may take the possessive into the name ("Narendra Modi's").
        return [i for i in range(start, end) if tokens[i].pos != "PART" and tokens[i].dep != "case"]
    run = [h.i]
    for i in reversed([p for p in phrase if p < h.i]):
        if tokens[i].text == "-":
            break  # "Vice-President Moody Awori": a hyphen ends the name
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
