"""Convert a PETRARCH verb dictionary (``CAMEO.2.0.txt`` format) into kipu's patterns TSV.

PETRARCH blocks are ``--- VERB [code] ---`` with synonym verbs on the following lines, then
pattern lines ``- words * words [code] # comment``: ``*`` is the verb, ``+`` the target, ``$`` the
source, ``(PREP words)`` a prepositional phrase, ``{words}`` a noun phrase and ``&NAME`` a synonym
set defined by ``&NAME`` followed by ``+WORD`` lines. kipu's patterns are read on the dependency
parse, so each PETRARCH pattern becomes: trigger lemma, object words, ``PREP word`` and ``PREP +``
items; a pattern that marks no target gets ``any +`` (the target is found in the verb phrase, as
PETRARCH finds it). Words before the verb ("FAILED_TO_*", "&NEGATVAUXVRB *") become ``<word`` items,
in order. The file declares ``# codes: as written``: its entries are read as PETRARCH reads them
(codes kept, even the WEIS and test codes of PETRARCH's validation dictionaries; see
``kipu.events._patterns``). Patterns that name the target
before the verb or the source after it, and null codes (``[---]``), are skipped and counted.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from kipu.errors import DictionaryError
from kipu.events._patterns import ANY_CODES, ANY_SLOT, PREPOSITIONS
from kipu.events.codebook import load_codebook

# Words that never matter on a dependency parse (determiners, auxiliaries, conjunctions).
STOP_WORDS = frozenset("the a an and or of 's its their his her this that these those".split())
# A synonym set expands into at most this many patterns per line (a few sets hold hundreds of
# words; the product of two such sets would flood the dictionary).
MAX_EXPANSION = 60
_HEADER = re.compile(r"^---\s+(?P<verb>[^\[]+?)\s*\[(?P<code>[^\]]*)\]")
_PATTERN = re.compile(r"^-?\s*(?P<body>.*?)\s*\[(?P<code>[^\]]*)\]")
_SYNSET = re.compile(r"^&(?P<name>[A-Z0-9_]+)")


def import_verbs(path: str) -> str:
    """A PETRARCH verb dictionary as kipu's patterns TSV text (starts with ``# kipu: patterns``)."""
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as e:
        raise DictionaryError(f"{path}: cannot read PETRARCH verb dictionary: {e.strerror}") from e
    book = load_codebook()
    synsets = _synsets(text)
    rows: dict[str, str] = {}
    # A verb's own code applies only when none of its patterns matches (PETRARCH's default):
    # written after its block's patterns, so an entry that names its slot wins a tie with it.
    defaults: dict[str, str] = {}
    skipped = {"before_verb": 0, "no_code": 0, "empty": 0, "roles": 0}
    foreign = 0  # patterns whose codes are not CAMEO codes (kept as written)
    verbs: list[str] = []
    default: str | None = None
    name = Path(path).name
    in_block = False
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith("<!--"):
            continue
        header = _HEADER.match(line)
        if header:
            _flush(defaults, rows)
            verbs, in_block = [], True
            default = _code(header.group("code"))
            verb = _verb(header.group("verb"))
            if verb:
                verbs.append(verb)
                if default is not None:
                    foreign += any(c not in book for c in default.split(":"))
                    defaults.setdefault(f"{default}\t{verb} {ANY_SLOT} +", f"{name}:{lineno}")
            continue
        if not in_block:
            continue
        if line.startswith("&"):
            in_block = False  # a synonym set between blocks
            continue
        m = _PATTERN.match(line)
        if m is None or not line.startswith("-"):
            if line.startswith("-"):
                continue
            # A synonym verb of the block: "BREAK {BROKE BROKEN}", "+BREAK_DOWN {...}" (a
            # phrasal verb), "DOWNPLAY [014]" (with a default code of its own).
            form = line.split("{")[0].split("[")[0].strip().lstrip("+")
            pre, _, rest = form.rpartition("+")
            verb = _verb(rest)
            if pre.strip("_"):
                # "WIRE_+TAP": words glued before the verb ("wire tapped"), kept after "|".
                verb += f"|<{'_'.join(pre.lower().strip('_').split('_'))}_"
            if not rest.strip() or verb in verbs:
                continue
            verbs.append(verb)
            own = _code(m.group("code")) if m is not None else None
            code = own if own is not None else default
            if code is not None:
                foreign += any(c not in book for c in code.split(":"))
                defaults.setdefault(f"{code}\t{_trigger(verb)} {ANY_SLOT} +", f"{name}:{lineno}")
            continue
        code = _code(m.group("code"))
        if code is None:
            skipped["no_code"] += 1
            continue
        foreign += any(c not in book for c in code.split(":"))
        body = m.group("body")
        if "*" not in body:
            skipped["empty"] += 1
            continue
        before, after = body.split("*", 1)
        if "+" in before.replace("_", " ").split() or "$" in after.replace("_", " ").split():
            # The target before the verb or the source after it ("+ * FROM $"): roles kipu's
            # patterns cannot swap.
            skipped["roles"] += 1
            continue
        mutual = "%" in before.replace("_", " ").split()
        expansions = _items(after, synsets)
        if expansions == [[f"{ANY_SLOT} +"]] and re.search(r"[A-Za-z0-9]", after):
            # Every word after the verb was lost ("GO-AHEAD", a phrase with two targets): the
            # entry would code the bare verb with the pattern's code.
            skipped["empty"] += 1
            continue
        for ahead in _before(before, synsets):
            for items in expansions:
                if mutual:
                    # "% *": the conjoined subjects act on one another; no other target.
                    if any(i.endswith("+") and i != f"{ANY_SLOT} +" for i in items):
                        continue
                    items = [i for i in items if i != f"{ANY_SLOT} +"] + ["%"]
                for v in verbs:
                    trigger, _, glued = v.partition("|")
                    pattern = " ".join([trigger, *ahead, *glued.split(), *items])
                    rows.setdefault(f"{code}\t{pattern}", f"{name}:{lineno}")
    _flush(defaults, rows)
    out = [
        "# kipu: patterns",
        ANY_CODES,
        f"# imported from PETRARCH verb dictionary {Path(path).name} by kipu.events.import_verbs",
        f"# skipped: {skipped['before_verb']} verbs with words before them, "
        f"{skipped['roles']} patterns with the target before the verb or the source after it, "
        f"{skipped['no_code']} with a null code ([---]) or no event code, "
        f"{skipped['empty']} with no verb or no words left to match; "
        f"{foreign} entries keep codes that are not CAMEO codes",
        "code\tpattern\tnote",
    ]
    out.extend(f"{key}\t{where}" for key, where in rows.items())
    return "\n".join(out) + "\n"


def _flush(defaults: dict[str, str], rows: dict[str, str]) -> None:
    """Write a block's verb codes after its patterns, and start the next block's."""
    for key, where in defaults.items():
        rows.setdefault(key, where)
    defaults.clear()


def _trigger(verb: str) -> str:
    """A block verb as the start of a kipu pattern: "tap|<wire_" → "tap <wire_"."""
    return verb.replace("|", " ")


def _code(text: str) -> str | None:
    """The event code of ``[042]`` or ``[174K]``, ``032:033`` for ``[032:033]`` (the source's
    act, then the target's act back); None for the null and discard codes (``[---]``,
    ``[+++]``, ``[###]``) and for words."""
    codes = [c.strip() for c in text.strip().split(":")]
    if not all(c[:1].isdigit() and c.isalnum() for c in codes[:2]):
        return None
    return ":".join(codes[:2])


def _verb(text: str) -> str:
    """A PETRARCH verb (``SET_UP``) as a kipu trigger with its particle (``set up``)."""
    words = [w for w in text.lower().replace("_", " ").split() if w]
    return " ".join(words)


def _synsets(text: str) -> dict[str, list[str]]:
    """``&NAME`` → its member phrases (``+WORD`` lines). PETRARCH adds the regular plural of
    each phrase, except for a phrase or a label that ends with ``_`` (the ``_`` is dropped:
    ``&PREPOSIT1_`` is used as ``&PREPOSIT1``)."""
    sets: dict[str, list[str]] = {}
    current: str | None = None
    plurals = False
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        m = _SYNSET.match(line)
        if m and line == f"&{m.group('name')}":
            current = m.group("name").rstrip("_")
            plurals = not m.group("name").endswith("_")
            sets[current] = []
        elif current and line.startswith("+"):
            phrase = line[1:].strip()
            sets[current].append(phrase.rstrip("_") if not phrase.startswith("&") else phrase)
            if plurals and not phrase.endswith("_") and not phrase.startswith("&"):
                sets[current].append(_plural(phrase))
        elif not line:
            continue
        else:
            current = None
    return sets


def _plural(phrase: str) -> str:
    """A phrase with its last word in the regular plural, as PETRARCH forms it: "-Y" → "-IES",
    "-SS" → "-SSES", else "-S"."""
    head, _, last = phrase.rpartition(" ")
    if last.upper().endswith("Y"):
        last = last[:-1] + "IES"
    elif last.upper().endswith("SS"):
        last += "ES"
    else:
        last += "S"
    return f"{head} {last}" if head else last


def _items(after: str, synsets: dict[str, list[str]]) -> list[list[str]]:
    """kipu pattern items for the words after the verb (one list per synonym-set expansion).

    ``_`` joins words PETRARCH wants adjacent: they become one ``word_word`` item (words next to
    each other). ``^`` stands for a noun phrase of any words (it fills an open preposition); a
    preposition left without an object names the target (``(TO)``, ``... FROM``)."""
    synsets = dict(synsets)
    tokens = [
        t for chunk in re.findall(r"\(|\)|\{|\}|[^\s(){}]+", after) for t in _group(chunk, synsets)
    ]
    for k, tok in enumerate(tokens):
        members = _members(tok[1:].rstrip("_"), synsets) if tok.startswith("&") else []
        if members and all(m.lower() in PREPOSITIONS for m in members):
            # A set of prepositions ("&PREPOSIT1": against, in, on ...): one pattern each.
            out = []
            for m in members:
                out += _items(" ".join([*tokens[:k], m, *tokens[k + 1 :]]), synsets)
            return out
    choices: list[list[list[str]]] = []  # per slot: alternatives, each a list of words
    prep: str | None = None
    phrase: list[str] | None = None  # words of a "{noun phrase}" being read
    filled = False  # the open prepositional phrase has an object

    def close() -> None:
        if prep is not None and not filled:
            choices.append([[f"{prep} +"]])

    for tok in tokens:
        if tok == "{":
            phrase = []
            continue
        if tok == "}":
            words = _words(" ".join(phrase or []), prep)
            if words:
                choices.append([words])
                filled = filled or prep is not None
            phrase = None
            continue
        if phrase is not None:
            phrase.append(tok)
            continue
        if tok == "(":
            continue
        if tok == ")":
            close()
            prep, filled = None, False
            continue
        if tok in ("$", "%"):
            continue
        if tok == "^":
            filled = filled or prep is not None  # any noun phrase
            continue
        if tok == "+":
            choices.append([[f"{prep} +" if prep else "+"]])
            filled = filled or prep is not None
            continue
        if tok.startswith("&"):
            members = _members(tok[1:].rstrip("_"), synsets)
            if prep is not None:
                # Under a preposition only the object's head is checked: a phrase of several
                # words ("TOTAL BOYCOTT") would match on its head alone, so it is left out.
                members = [m for m in members if len(_words(m, None)) == 1]
            alts = [a for a in (_words(m, prep) for m in members) if a]
            if alts:
                choices.append(alts)
                filled = filled or prep is not None
            continue
        low = tok.lower()
        if low in PREPOSITIONS:
            prep, filled = low, False  # a bare preposition before another is not kept
            continue
        words = _words(tok, prep)
        if words:
            choices.append([words])
            filled = filled or prep is not None
    close()
    out: list[list[str]] = []
    for combo in itertools.islice(itertools.product(*choices), MAX_EXPANSION):
        items: list[str] = []
        for part in combo:
            for item in part:
                if item not in items:
                    items.append(item)
        n_targets = sum(1 for i in items if i.endswith("+"))
        if n_targets == 0:
            items.append(f"{ANY_SLOT} +")  # PETRARCH finds the target in the verb phrase
        if n_targets <= 1:
            out.append(items)
    return out or [[f"{ANY_SLOT} +"]]


def _group(chunk: str, synsets: dict[str, list[str]], *, before: bool = False) -> list[str]:
    """Tokens for one written chunk: "NEW_&TIETYPES_RELATIONS" stays one adjacent group (its
    synonym sets expanded into a new set of groups); a chunk joining prepositions or markers
    ("MEMOS_ON_&TIETYPES", "IN_+") is split into words."""
    parts = [p for p in chunk.split("_") if p]
    if len(parts) < 2 or chunk in ("(", ")", "{", "}"):
        return parts or ([chunk] if chunk.strip("_") else [])
    if any(p in ("+", "^", "$", "%") for p in parts) or (
        not before and parts[0].lower() in PREPOSITIONS
    ):
        # Markers, or a chunk that opens a prepositional phrase ("IN_+", "FOR_ASYLUM"): words.
        return parts
    alternatives: list[list[str]] = []
    for p in parts:
        if p.startswith("&"):
            members = [m.replace(" ", "_") for m in _members(p[1:], synsets)]
            if not members or any("&" in m for m in members):
                return parts
            alternatives.append(members)
        else:
            alternatives.append([p])
    if all(len(a) == 1 for a in alternatives):
        return ["_".join(a[0] for a in alternatives)]
    name = f"_GROUP{len(synsets)}"
    synsets[name] = [
        "_".join(combo)
        for combo in itertools.islice(itertools.product(*alternatives), MAX_EXPANSION)
    ]
    return [f"&{name}"]


def _before(before: str, synsets: dict[str, list[str]]) -> list[list[str]]:
    """kipu ``<word`` items for the words before the verb, in order (one list per synonym-set
    expansion): "FAILED_TO_*" → ``<failed <to``, "&NEGATVAUXVRB *" → ``<did <n't`` ..."""
    choices: list[list[list[str]]] = []
    synsets = dict(synsets)
    chunks = before.split()
    for k, chunk in enumerate(chunks):
        # A chunk glued to the verb ("RECENTLY_*", "FAILED_TO_*") must stand right before it.
        glued = k == len(chunks) - 1 and chunk.endswith("_")
        group = _group(chunk, synsets, before=True)
        if len(group) == 1 and ("_" in group[0] or glued):
            tok = group[0]
            if tok.startswith("&"):
                alts = [[f"<{m.lower()}{'_' if glued else ''}"] for m in synsets[tok[1:]]]
            else:
                alts = [[f"<{tok.lower()}{'_' if glued else ''}"]]
            choices.append(alts)
            continue
        for tok in group:
            choices.extend(_before_word(tok, synsets))
    return [
        [w for part in combo for w in part]
        for combo in itertools.islice(itertools.product(*choices), MAX_EXPANSION)
    ] or [[]]


def _before_word(tok: str, synsets: dict[str, list[str]]) -> list[list[list[str]]]:
    """The alternatives of one word (or synonym set) before the verb."""
    if tok in ("$", "%", "^"):
        return []
    if tok.startswith("&"):
        alts = [_ahead(m) for m in _members(tok[1:].rstrip("_"), synsets)]
        alts = [a for a in alts if a]
        return [alts] if alts else []
    words = _ahead(tok)
    return [[words]] if words else []


def _ahead(phrase: str) -> list[str]:
    """``<word`` items of a phrase before the verb, as written (lower case, "N'T" kept)."""
    return [f"<{w.lower()}" for w in phrase.replace("_", " ").split() if w not in ("$", "%")]


def _members(name: str, synsets: dict[str, list[str]], depth: int = 0) -> list[str]:
    """The phrases of a synonym set, with the sets it names expanded (``+&TIETYPES``)."""
    out: list[str] = []
    for m in synsets.get(name, []):
        if m.startswith("&") and depth < 3:
            out += _members(m[1:].strip().rstrip("_"), synsets, depth + 1)
        else:
            out.append(m)
    return out


def _words(phrase: str, prep: str | None) -> list[str]:
    """Items for a dictionary phrase: its content words, under a preposition when there is one;
    words joined by ``_`` are one ``word_word`` item (next to each other). Words stay as written:
    PETRARCH matches the forms its patterns list ("EFFORT" is not "efforts")."""
    parts = [p for p in phrase.split("_") if p.strip()]
    if prep is None and len(parts) > 1 and " " not in phrase:
        words = [p.lower() for p in parts]
        if all(re.fullmatch(r"[a-z'.-]+", w) for w in words):
            return ["_".join(words)]
    words = [w.lower().strip("_") for w in phrase.replace("_", " ").split()]
    words = [w for w in words if w and w not in STOP_WORDS and w.isalpha()]
    if not words:
        return []
    head = words[-1]
    if prep is not None:
        return [f"{prep} {head}"]
    return words
