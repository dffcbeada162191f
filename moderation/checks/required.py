"""The words any match of a regular expression must contain, read off the expression itself.

A rule that needs "kendini" or "yourself" cannot match a comment holding neither. Tested first with one search
that the engine runs in its fast loop (an expression of plain words is scanned by its first letters), it lets
most rules skip most comments, and it is derived, never written beside the rule, so it cannot drift from it.
The analysis is RE2's prefilter in small: each piece of the expression has either the exact set of strings it can
match (while that set is small) or a set of strings one of which every match of it contains.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import product
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

from moderation.checks.regex_trie import union

MAX_EXACT = 64  # strings an exact set may hold before it is given up for a requirement
MAX_CLASS = 8  # letters a character class may stand for and still be spelled out
SHORTEST_USEFUL = 3  # a requirement with a shorter string than this is met by nearly every comment

_ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}


@dataclass(frozen=True)
class _Info:
    exact: frozenset[str] | None  # every string the piece can match, when known and few
    needs: frozenset[str] | None  # else: one of these is in every match (None: nothing is known)

    @property
    def requirement(self) -> frozenset[str] | None:
        found = self.exact if self.exact is not None else self.needs
        return None if found is None or "" in found else found


_ANYTHING = _Info(None, None)
_EMPTY = _Info(frozenset({""}), None)


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two requirements: longer shortest string first, then fewer strings."""
    if a is None or "" in a:
        return b
    if b is None or "" in b:
        return a
    return max(a, b, key=lambda s: (min(map(len, s)), -len(s)))


def _concatenation(items: list[_Info]) -> _Info:
    run: frozenset[str] | None = frozenset({""})  # the exact strings of the pieces since the last break
    best: frozenset[str] | None = None
    whole = True  # no break yet: the run is the whole concatenation's exact set
    for item in items:
        if run is not None and item.exact is not None and len(run) * len(item.exact) <= MAX_EXACT:
            run = frozenset(a + b for a, b in product(run, item.exact))
            continue
        whole = False
        best = _better(_better(best, run), item.requirement)  # the run so far is one requirement
        run = item.exact  # and this piece starts the next
    if whole:
        return _Info(run, None)
    return _Info(None, _better(best, run))


def _alternation(items: list[_Info]) -> _Info:
    if all(item.exact is not None for item in items):
        exact = frozenset().union(*(item.exact for item in items))  # type: ignore[misc]
        if len(exact) <= MAX_EXACT:
            return _Info(exact, None)
    needs: set[str] = set()
    for item in items:
        requirement = item.requirement
        if requirement is None:
            return _ANYTHING
        needs |= requirement
    return _Info(None, frozenset(needs))


def _characters(items: list[tuple[object, object]], casefold: bool) -> _Info:
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(chr(av))  # type: ignore[arg-type]
        elif op is sre.RANGE and av[1] - av[0] < MAX_CLASS:  # type: ignore[index]
            chars.update(chr(c) for c in range(av[0], av[1] + 1))  # type: ignore[index]
        else:
            return _ANYTHING  # negated, a category (\w, \s) or a wide range
    if casefold:
        chars = {c.lower() for c in chars}
    return _Info(frozenset(chars), None) if len(chars) <= MAX_CLASS else _ANYTHING


def _analyse(pattern: sre_parse.SubPattern | list, casefold: bool) -> _Info:
    items: list[_Info] = []
    for op, av in pattern:
        if op is sre.LITERAL:
            char = chr(av)
            items.append(_Info(frozenset({char.lower() if casefold else char}), None))
        elif op is sre.IN:
            items.append(_characters(av, casefold))
        elif op in _ZERO_WIDTH:
            items.append(_EMPTY)
        elif op is sre.SUBPATTERN:
            _group, add_flags, del_flags, body = av
            inner = (casefold or bool(add_flags & sre.SRE_FLAG_IGNORECASE)) and not del_flags & sre.SRE_FLAG_IGNORECASE
            items.append(_analyse(body, inner))
        elif op is sre.BRANCH:
            items.append(_alternation([_analyse(body, casefold) for body in av[1]]))
        elif op in _REPEATS:
            low, high, body = av
            inner = _analyse(body, casefold)
            if low == high == 1:
                items.append(inner)
            elif low == 0:
                optional = inner.exact | {""} if inner.exact is not None and high == 1 else None
                items.append(_Info(optional, None) if optional is not None else _EMPTY_OR_ANYTHING)
            else:
                items.append(_Info(None, inner.requirement))
        elif getattr(sre, "ATOMIC_GROUP", None) is op:
            items.append(_analyse(av, casefold))
        else:
            items.append(_ANYTHING)  # any character, a back-reference, a conditional
    return _concatenation(items)


# An optional piece that may also be long: it can always be left out, so it neither requires nor spells anything.
_EMPTY_OR_ANYTHING = _Info(None, frozenset({""}))


def required_words(regex: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which every match contains, or None when the expression holds no useful such set."""
    casefold = bool(regex.flags & re.IGNORECASE)
    found = _analyse(sre_parse.parse(regex.pattern, regex.flags), casefold).requirement
    if found is None or min(map(len, found)) < SHORTEST_USEFUL:
        return None
    return found


def required_search(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    """One expression of the required words (as a trie), or None when the regex requires none worth testing."""
    words = required_words(regex)
    return words_search(words, regex.flags) if words else None


def words_search(words: frozenset[str], flags: int) -> re.Pattern[str]:
    """The words as one trie, as case-sensitive as the expression (`flags`) they were read off."""
    return re.compile(union([re.escape(char) for char in word] for word in words), flags & re.IGNORECASE)


class PresentWords:
    """Which of many rules' required words a text holds, found in one scan instead of one search per rule.

    The words are one trie, which at each position matches the longest word starting there; the words that are
    its beginnings start there too, and the scan goes on from the next character, so words that overlap or
    hold one another are all found. Case-sensitive: for rules over case-folded text."""

    def __init__(self, words: set[str] | frozenset[str]):
        self._regex = re.compile(union([re.escape(char) for char in word] for word in words)) if words else None
        self._beginnings = {word: frozenset(w for w in words if word.startswith(w)) for word in words}

    def __call__(self, text: str) -> set[str]:
        found: set[str] = set()
        if self._regex is None:
            return found
        search, beginnings = self._regex.search, self._beginnings
        match = search(text)
        while match is not None:
            found |= beginnings[match.group()]
            match = search(text, match.start() + 1)
        return found
