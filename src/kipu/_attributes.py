"""spaCy's attribute ruler, remembered: the same attributes set without its matcher on each word.

The English pipeline's ``attribute_ruler`` maps each word's tag (and, for some words, its
lower-case form and dependency label) to its part of speech, morphology and a few lemmas, with
spaCy's Matcher: every one of its 179 rules tried at every word, about a sixth of the
pipeline's time on kept sentences. What a rule does to a word depends only on what its patterns
read: the word's own lower-case form, tag, dependency label and whether it is a space, and, for
the few two-word rules ("let 's", "there is"), the same of the word beside it. :class:`Attributes`
reads those (reduced to the values the rules name: every word no rule names is one "other"
word), and when it has seen the same before, sets the attributes the ruler set then; otherwise
it runs the ruler on that word and the words beside it (a Doc of their own, with their tags and
labels) and remembers what it did. A batch of documents is read at once, with numpy: each value
reduced to its form once, each word's forms made one number, and each distinct number looked
up once (a Python loop over every word took three times as long). The result is the ruler's,
word for word
(``tests/unit/nlp/test_attributes.py`` compares them). What is remembered is bounded (``LIMIT``),
so a long run's memory stays flat.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from kipu._distinct import distinct_rows

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# What the rules may read (spaCy's names); a ruler reading anything else is run as it is.
READ = ("LOWER", "TAG", "DEP", "IS_SPACE")
# What a rule may set, in the order they are read back and written.
SET = ("POS", "MORPH", "LEMMA", "TAG", "DEP")
OTHER = -1  # a value no rule names
ABSENT = -2  # no word there (the document's start or end)
# Remembered words and forms at most (a long run meets new names without end); then forgotten.
LIMIT = 200_000


class Attributes:
    """The ruler's attributes for each word of a parsed Doc (see the module's docstring)."""

    def __init__(self, nlp: Language) -> None:
        from spacy import attrs

        self.ruler = nlp.get_pipe("attribute_ruler")
        self.strings = nlp.vocab.strings
        self.read_ids = [attrs.IDS[a] for a in READ]
        self.set_ids = [attrs.IDS[a] for a in SET]
        self.memory: dict[tuple[int, ...], tuple[int | None, ...]] = {}
        self.forms: dict[tuple[int, int, int], int] = {}  # (offset, attribute, value) → form
        self.usable = self._read_rules(getattr(self.ruler, "patterns", []))

    def _read_rules(self, rules: list[dict[str, Any]]) -> bool:
        """Which attributes, of which word around the one a rule sets, the rules read, and the
        values they name; False when a rule reads something else (or in another way)."""
        named: dict[tuple[int, str], set[str]] = {}
        patterns: dict[tuple[int, str], list[re.Pattern[str]]] = {}
        for rule in rules:
            index = rule.get("index", 0)
            for pattern in rule["patterns"]:
                if not isinstance(pattern, list):
                    return False
                index_ = index if index >= 0 else len(pattern) + index
                for k, token in enumerate(pattern):
                    for attr, value in token.items():
                        if attr not in READ:
                            return False  # "OP", "ORTH", "_": run the ruler as it is
                        at = (k - index_, attr)
                        named.setdefault(at, set())
                        patterns.setdefault(at, [])
                        if isinstance(value, dict):
                            for op, arg in value.items():
                                if op in ("IN", "NOT_IN"):
                                    named[at].update(str(v) for v in arg)
                                elif op == "REGEX":
                                    patterns[at].append(re.compile(arg))
                                else:
                                    return False
                        else:
                            named[at].add(str(value))
        self.where = sorted(named)
        self.hashes = {at: {self._hash(at[1], v) for v in named[at]} for at in named}
        self.patterns = patterns
        return True

    def _hash(self, attr: str, value: str) -> int:
        if attr == "IS_SPACE":
            return int(value in ("True", "1", "true"))
        return int(self.strings.add(value)) if value else 0

    def __call__(self, doc: Doc) -> Doc:
        return self.apply([doc])[0]

    def apply(self, docs: list[Doc]) -> list[Doc]:
        """Set the ruler's attributes on every word of the docs, read in one pass over all of
        their words: each value the rules read reduced to its form once per batch, each
        combination of forms looked up once (numpy, not a Python loop over the words)."""
        if not self.usable:
            return [self.ruler(doc) for doc in docs]
        import numpy

        full = [doc for doc in docs if len(doc)]
        if not full:
            return docs
        lengths = numpy.array([len(doc) for doc in full])
        ends = numpy.cumsum(lengths)
        starts = ends - lengths
        values = numpy.concatenate([doc.to_array(self.read_ids) for doc in full])
        n = len(values)
        doc_of = numpy.repeat(numpy.arange(len(full)), lengths)
        columns, tables = [], []
        distinct = {  # each attribute's values, and each word's among them
            attr: numpy.unique(values[:, READ.index(attr)], return_inverse=True)
            for attr in {attr for _, attr in self.where}
        }
        for shift, attr in self.where:
            numbered: dict[int, int] = {}  # form → its number in this batch
            number = [
                numbered.setdefault(self._form((shift, attr), v), len(numbered))
                for v in distinct[attr][0].tolist()
            ]
            absent = numbered.setdefault(ABSENT, len(numbered))
            codes = numpy.array(number)[distinct[attr][1].reshape(-1)]  # each word's form
            if shift:  # word i reads word i + shift, if it is in the same document
                source = numpy.arange(n) + shift
                inside = (source >= 0) & (source < n)
                inside[inside] = doc_of[source[inside]] == doc_of[inside]
                shifted = numpy.full(n, absent)
                shifted[inside] = codes[source[inside]]
                codes = shifted
            columns.append(codes)
            tables.append(list(numbered))
        first, which = distinct_rows(
            [(codes, len(table)) for codes, table in zip(columns, tables, strict=True)]
        )
        rows = numpy.stack(columns, axis=1)[first]
        found: list[tuple[int | None, ...]] = []
        for row, i in zip(rows.tolist(), first.tolist(), strict=True):
            key = tuple(table[code] for table, code in zip(tables, row, strict=True))
            change = self.memory.get(key)
            if change is None:
                if len(self.memory) > LIMIT:
                    self.memory.clear()
                d = int(doc_of[i])
                own = values[starts[d] : ends[d]].tolist()
                change = self.memory[key] = self._learn(full[d], own, i - int(starts[d]))
            found.append(change)
        changed = numpy.array([[0 if v is None else v for v in f] for f in found], "uint64")
        unchanged = numpy.array([[v is None for v in f] for f in found], bool)
        current = numpy.concatenate([doc.to_array(self.set_ids) for doc in full])
        out = numpy.where(unchanged[which], current, changed[which]).astype("uint64")
        for doc, a, b in zip(full, starts.tolist(), ends.tolist(), strict=True):
            doc.from_array(self.set_ids, out[a:b])
        return docs

    def _learn(self, doc: Doc, values: list[list[int]], i: int) -> tuple[int | None, ...]:
        """What the ruler sets on word i, run on the words around it that its rules read (a
        Doc of their own, with their tags and labels): each attribute, or None if unchanged."""
        from spacy.tokens import Doc

        first = max(0, i + min(at[0] for at in self.where))
        last = min(len(doc), i + max(at[0] for at in self.where) + 1)
        words = doc[first:last]
        window = Doc(
            doc.vocab,
            words=[t.text for t in words],
            spaces=[bool(t.whitespace_) for t in words][:-1] + [False],
        )
        tag, dep = READ.index("TAG"), READ.index("DEP")
        labels = [[values[j][tag], values[j][dep]] for j in range(first, last)]
        from spacy import attrs

        window.from_array([attrs.TAG, attrs.DEP], _array(labels))
        before = window.to_array(self.set_ids).tolist()[i - first]
        self.ruler(window)
        after = window.to_array(self.set_ids).tolist()[i - first]
        return tuple(b if b != a else None for a, b in zip(before, after, strict=True))

    def _form(self, at: tuple[int, str], value: int) -> int:
        """The value of an attribute of the word at an offset as the rules that read it there
        see it: itself if one of them names it, else OTHER."""
        if at[1] == "IS_SPACE" or value in self.hashes[at]:
            return value
        if not self.patterns[at]:
            return OTHER
        key = (at[0], READ.index(at[1]), value)
        form = self.forms.get(key)
        if form is None:
            text = self.strings[value] if value in self.strings else ""
            form = value if any(p.search(text) for p in self.patterns[at]) else OTHER
            if len(self.forms) > LIMIT:
                self.forms.clear()
            self.forms[key] = form
        return form


def _array(rows: list[list[int]]) -> Any:
    import numpy

    return numpy.array(rows, dtype="uint64")
