"""One sentence's dependency parse as children lists, with the walks the coder needs."""

from __future__ import annotations

from kipu.records import Sentence

# Clause-level dependents whose subtrees belong to another predicate.
CLAUSE_DEPS = frozenset(
    {"advcl", "ccomp", "relcl", "pcomp", "xcomp", "conj", "parataxis", "acl", "csubj"}
)
OBJECT_DEPS = frozenset({"dobj", "obj"})


class Tree:
    """Children lists and helpers over one sentence's parse."""

    def __init__(self, sentence: Sentence) -> None:
        self.tokens = tokens = sentence.tokens
        self.deps: list[str] = [t.dep for t in tokens]  # (read most often: kept apart)
        grouped: dict[int, list[int]] = {}
        for t in tokens:
            if t.head != t.i:
                grouped.setdefault(t.head, []).append(t.i)
        # Most tokens have no children: they share the empty tuple, and the fewer containers
        # made per sentence, the less often the garbage collector runs.
        self.kids: list[tuple[int, ...]] = [
            tuple(grouped[i]) if i in grouped else () for i in range(len(tokens))
        ]
        # Each token's children by label, made the first time a token is asked for them.
        self._labelled: dict[int, dict[str, tuple[int, ...]]] = {}
        self._glued: frozenset[int] | None = None

    def children(self, i: int, *deps: str) -> list[int]:
        kids = self.kids[i]
        if not deps or not kids:
            return list(kids)
        labels = self.deps
        return [c for c in kids if labels[c] in deps]

    def labelled(self, i: int) -> dict[str, tuple[int, ...]]:
        """The token's children by dependency label, each in sentence order: ``children(i, d)``
        is ``labelled(i).get(d, ())``, for a token whose children are asked for many times (the
        dict is shared: read it, never change it)."""
        found = self._labelled.get(i)
        if found is None:
            found = self._labelled[i] = {}
            labels = self.deps
            for c in self.kids[i]:
                found[labels[c]] = (*found.get(labels[c], ()), c)
        return found

    def glued(self) -> frozenset[int]:
        """The tokens glued by a hyphen to the word before or after them ("one" and "sided" in
        "one-sided"), found once per sentence from its hyphens."""
        if self._glued is None:
            tokens = self.tokens
            glued: set[int] = set()
            for j in range(1, len(tokens) - 1):
                t = tokens[j]
                if t.text == "-" and t.start == tokens[j - 1].end and tokens[j + 1].start == t.end:
                    glued.update((j - 1, j + 1))
            self._glued = frozenset(glued)
        return self._glued

    def conjuncts(self, i: int) -> list[int]:
        """The token and every token conjoined with it ("X and Y", "X, Y and Z")."""
        out = [i]
        stack = [i]
        while stack:
            for c in self.children(stack.pop(), "conj"):
                if c not in out and self.tokens[c].pos in ("NOUN", "PROPN"):
                    out.append(c)
                    stack.append(c)
        return out

    def subtree(self, i: int, *, stop: frozenset[str] = frozenset()) -> list[int]:
        out = [i]
        stack = [i]
        kids, labels = self.kids, self.deps
        while stack:
            for c in kids[stack.pop()]:
                if labels[c] not in stop:
                    out.append(c)
                    stack.append(c)
        return sorted(out)
