"""Checkers made of regular expressions over normalised text: each rule names its code, score and itself."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from moderation.checks import CheckContext, Evidence, Finding
from moderation.checks.regex_trie import union
from moderation.checks.required import PresentWords, required_words, words_search
from moderation.guidelines import Code


@dataclass(frozen=True)
class Rule:
    """`code`, or when it is None the code named by the pattern's last named group (see `code_group`)."""

    name: str
    code: Code | None
    score: float
    regex: re.Pattern[str]
    needs: re.Pattern[str] | None = None  # finds nothing in a text the rule cannot match (`required.py`)
    words: frozenset[str] = frozenset()  # what `needs` looks for (none: the rule runs on every text)


def rule(name: str, code: Code | None, score: float, pattern: str) -> Rule:
    regex = re.compile(pattern, re.VERBOSE)
    words = required_words(regex)
    return Rule(name, code, score, regex, words_search(words, regex.flags) if words else None, words or frozenset())


GROUP_NAMES: dict[str, Code] = {code.name: code for code in Code}


def code_group(code: Code, pattern: str) -> str:
    """A named group whose name tells a rule with `code=None` which code it found."""
    return f"(?P<{code.name}>{pattern})"


def alternatives(words: str) -> str:
    """`"a b|c"` word lists to one regex group, merged into a trie so it fails fast at each position.

    Spaces inside an entry match any run of whitespace; longer entries win over their prefixes.
    """
    entries = {w.strip() for w in words.split("|") if w.strip()}
    return union([r"\s+" if char == " " else re.escape(char) for char in entry] for entry in entries)


DISOWNING_REACH = 40  # characters before a match where a denial ("I never said") is looked for


class PatternChecker:
    """Runs its rules in order; a code's score is its strongest rule, its evidence every rule's span."""

    def __init__(self, name: str, version: str, rules: list[Rule], prefilter: re.Pattern[str] | None = None,
                 disowned: re.Pattern[str] | None = None):
        self.name = name
        self.version = version
        self.rules = rules
        self.prefilter = prefilter  # no rule can match a text this finds nothing in
        self.disowned = disowned  # found right before a match ("I never said ..."), the match is not the writer's
        # One search per rule for its required words was most of a comment's time here: they are all looked for in
        # one scan. A rule matching regardless of case keeps its own search; a rule needing none runs on every text.
        self._gates = [(item, item.words if item.needs is not None and item.words
                        and not item.regex.flags & re.IGNORECASE else None) for item in rules]
        self._present = PresentWords({word for _, words in self._gates if words for word in words})

    def check(self, context: CheckContext) -> list[Finding]:
        normalized = context.normalized
        if self.prefilter is not None and not self.prefilter.search(normalized.text):
            return []
        scores: dict[Code, float] = {}
        evidence: dict[Code, list[Evidence]] = defaultdict(list)
        present = self._present(normalized.text)
        for item, words in self._gates:
            if words is not None:
                if words.isdisjoint(present):
                    continue
            elif item.needs is not None and not item.needs.search(normalized.text):
                continue
            for match in item.regex.finditer(normalized.text):
                if match.end() == match.start():
                    continue
                if self.disowned is not None and self.disowned.search(
                        normalized.text, max(0, match.start() - DISOWNING_REACH), match.start()):
                    continue
                code = item.code or GROUP_NAMES[match.lastgroup or ""]
                start, end = normalized.original_span(match.start(), match.end())
                if context.inside_a_name(start, end):
                    continue  # "Ass. Prof. Miller": a name or a title, not the word
                evidence[code].append(Evidence(start, end, context.text[start:end], f"{self.name}:{item.name}"))
                scores[code] = max(scores.get(code, 0.0), item.score)
        return [Finding(code, score, tuple(_distinct(evidence[code])), self.name, self.version)
                for code, score in scores.items()]


def _distinct(items: list[Evidence]) -> list[Evidence]:
    seen: set[tuple[int, int]] = set()
    kept = []
    for item in sorted(items, key=lambda e: (e.start, -e.end)):
        if not any(s <= item.start and item.end <= e for s, e in seen):
            kept.append(item)
            seen.add((item.start, item.end))
    return kept
