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
        self.tokens = sentence.tokens
        self.kids: list[list[int]] = [[] for _ in self.tokens]
        self.deps: list[str] = [t.dep for t in self.tokens]  # (read most often: kept apart)
        for t in self.tokens:
            if t.head != t.i:
                self.kids[t.head].append(t.i)

    def children(self, i: int, *deps: str) -> list[int]:
        if not deps:
            return list(self.kids[i])
        labels = self.deps
        return [c for c in self.kids[i] if labels[c] in deps]

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
        while stack:
            for c in self.kids[stack.pop()]:
                if self.tokens[c].dep not in stop:
                    out.append(c)
                    stack.append(c)
        return sorted(out)
