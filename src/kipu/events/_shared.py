"""Two verbs side by side that share the object written after the second: "police arrested
and charged him" (the parse hangs "him" on "charged" only), "killing and wounding 40 soldiers"
(one act when both code the same)."""

from __future__ import annotations

from kipu.events._tree import OBJECT_DEPS, Tree

# What may stand between two verbs that share the object written after the second.
_BETWEEN_SHARED = frozenset({"cc", "punct", "advmod", "aux", "neg"})


def shared_object(tree: Tree, v: int) -> list[int]:
    """The object a verb with nothing after it shares with the verb conjoined right after it:
    "police arrested and charged him" (the parse hangs "him" on "charged" only). Only when the
    two verbs stand side by side ("V and V", "V, V") and the first has no object, complement
    or prepositional phrase of its own."""
    conj = [c for c in tree.children(v, "conj") if tree.tokens[c].pos == "VERB" and c > v]
    if not conj:
        return []
    c = conj[0]
    if any(k > v for k in tree.kids[v] if k != c and tree.tokens[k].dep not in _BETWEEN_SHARED):
        return []
    if any(tree.tokens[k].dep not in _BETWEEN_SHARED for k in range(v + 1, c)):
        return []  # something of its own stands between them
    return [o for o in tree.children(c, *OBJECT_DEPS) if o > c][:1]


def shares_object(tree: Tree, v: int) -> bool:
    """True for either of two verbs side by side that share the object written after the
    second ("killing and wounding 50 people"): one act when they code the same."""
    tok = tree.tokens[v]
    if shared_object(tree, v):
        return True
    return tok.dep == "conj" and tok.head != v and bool(shared_object(tree, tok.head))
