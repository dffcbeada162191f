"""Several sequences of regex pieces as one expression, merged on common beginnings like a trie.

A regular expression tries the options of an alternation one by one at each position; merged, it takes at most
one option per first piece, so a long word list fails fast where it does not match.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def union(sequences: Iterable[Sequence[str]]) -> str:
    """One expression matching any of the sequences; where one is a prefix of another, the longer is tried first."""
    trie: dict[str | None, dict] = {}
    for sequence in sequences:
        node = trie
        for piece in sequence:
            node = node.setdefault(piece, {})
        node[None] = {}
    return _render(trie)


def _render(node: dict[str | None, dict]) -> str:
    options = [piece + _render(child) for piece, child in sorted((k, v) for k, v in node.items() if k is not None)]
    if not options:
        return ""
    body = options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"
    return f"(?:{body})?" if None in node else body
