"""Profanity from better-profanity's word list, matched as whole words with their positions."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from moderation.checks import CheckContext, Evidence, Finding
from moderation.guidelines import Code

_WORD = re.compile(r"\w+(?:['’]\w+)*")


@lru_cache(maxsize=1)
def _wordlist() -> tuple[frozenset[str], int]:
    """The list's entries, lower-cased, and the longest entry in words (some entries are phrases)."""
    raw = resources.files("better_profanity").joinpath("profanity_wordlist.txt").read_text("utf-8")
    entries = frozenset(" ".join(line.split()).casefold() for line in raw.splitlines() if line.strip())
    return entries, max(len(entry.split()) for entry in entries)


class WordlistProfanityChecker:
    name = "profanity.wordlist"
    version = "1"

    def __init__(self) -> None:
        self.entries, self.longest = _wordlist()

    def check(self, context: CheckContext) -> list[Finding]:
        words = list(_WORD.finditer(context.text))
        evidence: list[Evidence] = []
        i = 0
        while i < len(words):
            for size in range(min(self.longest, len(words) - i), 0, -1):
                phrase = " ".join(w.group().casefold() for w in words[i:i + size])
                if phrase in self.entries:
                    start, end = words[i].start(), words[i + size - 1].end()
                    evidence.append(Evidence(start, end, context.text[start:end], "wordlist"))
                    i += size
                    break
            else:
                i += 1
        if not evidence:
            return []
        return [Finding(Code.profanity, 1.0, tuple(evidence), self.name, self.version)]
