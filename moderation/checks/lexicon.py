"""Lexicons: per-language TOML files of terms, each table naming the guideline its terms break.

A table is `[code]` or `["code:label"]` with a `score` and `terms`. Terms match whole words after
normalisation; `word*` also matches longer words; spaces match any separator. English starts from
better-profanity's word list, minus the news and identity words its `[wordlist]` table excludes.

A phrase table writes a grammar instead of every phrase: `groups` (a list, or lists by code), and optional
`before`, `between` and `after` lists; it matches every `before group between after` (an empty `before` or
`between` entry makes that word optional), plus `terms` as written. With groups by code, `after_for` and `terms_for`
add phrases for one code only, and each code's table is labelled `code:label` ("Kurds are traitors" is
racism, "Syrians are parasites" xenophobia). `also` lists bare predicates that may stand first, joined to the
`after` word by one of the `and` words ("Kurds are all separatists and traitors"). Any table may list
`unless_after`: words that undo a match when they come next ("Kürtlerin hepsi terörist değil": not all of them
are). The grammar is matched as such
(`matching.Phrase`), never written out: its expression is the size of its lists, not of their product.
Two more keys serve words that are something else in another sentence: `clause_end = true` counts a match only
where the clause ends right after it (Sorani "نووسەرەکە کەرە." is "the writer is a donkey", "نووسەرەکە کەرە دەخوات"
"the writer eats butter"), and `spaced = true` makes a table's spaces beside a word of one or two letters match a
real separator only, never none (Kurmanji "kerek e", "is a donkey", is not "kerekê", "a donkey" as an object; the
romanised words of the Arabic-script lexicons are all spaced: Finglish "to khari" is not "Tokhari").
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from moderation.checks.matching import Phrase
from moderation.checks.normalize import normalize
from moderation.guidelines import Code

WORDLIST_SCORE = 0.9
MILD_WORDLIST_SCORE = 0.45  # below the default review threshold: shown, not held for
RESERVED_KEYS = {"language", "name", "script", "wordlist", "examples"}


@dataclass(frozen=True)
class Table:
    language: str
    code: Code
    label: str
    score: float
    terms: tuple[str | Phrase, ...]
    unless_after: frozenset[str] = frozenset()  # the next word undoes the match (a negation)
    clause_end: bool = False  # a match counts only where its clause ends right after it
    spaced: bool = False  # a space beside a short word matches a separator, not nothing

    @property
    def rule(self) -> str:
        return f"lexicon:{self.language}:{self.label}"


@dataclass(frozen=True)
class Lexicon:
    language: str
    name: str
    tables: tuple[Table, ...]
    allowed: tuple[str, ...]
    examples: dict[str, Any]


def _tables(document: dict[str, Any], language: str, prefix: str = "") -> Iterable[Table]:
    for key, value in document.items():
        if not prefix and key in RESERVED_KEYS:
            continue
        if not isinstance(value, dict):
            raise ValueError(f"{language}: {prefix}{key} is not a table")
        name = f"{prefix}{key}"
        if "groups" in value:
            yield from _phrase_tables(value, language, name)
            continue
        if "terms" not in value:
            yield from _tables(value, language, name + ".")
            continue
        code_name, _, _ = name.partition(":")
        terms = tuple(dict.fromkeys(t.strip() for t in value["terms"] if t.strip()))
        yield Table(language, Code(code_name), name, float(value.get("score", WORDLIST_SCORE)), terms,
                    _unless_after(value), *_placement(value))


def _phrase_tables(value: dict[str, Any], language: str, name: str) -> Iterable[Table]:
    code_name, _, label = name.partition(":")
    groups = value["groups"]
    by_code = groups if isinstance(groups, dict) else {code_name: groups}
    if isinstance(groups, dict) and "terms" in value:
        raise ValueError(f"{language}: {name} has groups by code: give its terms as terms_for")
    score = float(value.get("score", WORDLIST_SCORE))
    before = tuple(b.strip() for b in value.get("before", []) if b.strip())
    before_optional = bool(before) and any(not b.strip() for b in value.get("before", []))
    between = tuple(value.get("between", []))
    between = between if any(b.strip() for b in between) else ()  # only "": no word between at all
    also = _coordinated(value, language, name)
    for code, names in by_code.items():
        names = tuple(n.strip() for n in names if n.strip())
        after = [a.strip() for a in [*value.get("after", []), *value.get("after_for", {}).get(code, [])] if a.strip()]
        if not names or not ((before and not before_optional) or after):
            # a group word alone would be a finding wherever a group is named
            raise ValueError(f"{language}: {name} ({code}) needs groups and words before or after them")
        literal = value.get("terms_for", {}).get(code, []) if isinstance(groups, dict) else value.get("terms", [])
        # the first slot enters the trie and must be written: an optional `before` makes a phrase without it
        leads = [tuple(slot for slot in (first, names, between, also) if slot)
                 for first in ((before, ()) if before_optional else (before,))]
        phrases = [Phrase(lead + ((tails,) if tails else ()), prefix)
                   for lead in leads
                   for prefix in (False, True)  # "asalak*" goes on, "hayvandır" ends there: two phrases
                   for tails in [tuple(a.rstrip("*") for a in after if a.endswith("*") == prefix)]
                   if tails or (not after and not prefix)]
        table_name = f"{code}:{label}" if isinstance(groups, dict) else name
        yield Table(language, Code(code), table_name, score,
                    tuple(phrases) + tuple(dict.fromkeys(t.strip() for t in literal if t.strip())),
                    _unless_after(value), *_placement(value))


def _coordinated(value: dict[str, Any], language: str, name: str) -> tuple[str, ...]:
    """The optional slot before `after`: each `also` predicate with each `and` word, or nothing."""
    also = [a.strip() for a in value.get("also", []) if a.strip()]
    conjunctions = [c.strip() for c in value.get("and", []) if c.strip()]
    if bool(also) != bool(conjunctions):
        raise ValueError(f"{language}: {name} needs both `also` and `and`, or neither")
    if also and not [a for a in value.get("after", []) if a.strip()] and not value.get("after_for"):
        raise ValueError(f"{language}: {name} has `also` with no `after` word to join")
    return ("", *(f"{a} {c}" for a in also for c in conjunctions)) if also else ()


def _unless_after(value: dict[str, Any]) -> frozenset[str]:
    """As the normaliser writes them, which is how the text after a match reads (Persian ی as ي)."""
    words = [w.strip() for w in value.get("unless_after", []) if w.strip()]
    return frozenset(w.casefold() for word in words for w in (word, normalize(word).text.strip()))


def _placement(value: dict[str, Any]) -> tuple[bool, bool]:
    return bool(value.get("clause_end", False)), bool(value.get("spaced", False))


def parse_lexicon(document: dict[str, Any]) -> Lexicon:
    language = document["language"]
    tables = list(_tables(document, language))
    if document.get("script") == "arabic":
        # Its Latin-script words are romanised (Finglish, Arabizi, Sorani in Latin letters): in the Latin languages'
        # texts, a particle glued to a word makes other words ("to khari", you are a donkey, is not "Tokhari").
        # Its Arabic-script words keep the joiner: the normaliser removes the zero-width non-joiner between them.
        tables = [dataclasses.replace(table, spaced=True) for table in tables]
    wordlist = document.get("wordlist")
    if wordlist is not None:
        tables.extend(_better_profanity_tables(language, wordlist))
    return Lexicon(
        language=language,
        name=document.get("name", language),
        tables=tuple(tables),
        allowed=tuple((wordlist or {}).get("allowed", ())),
        examples=document.get("examples", {}),
    )


def better_profanity_words() -> list[str]:
    raw = resources.files("better_profanity").joinpath("profanity_wordlist.txt").read_text("utf-8")
    return [line.strip() for line in raw.splitlines() if line.strip()]


def _better_profanity_tables(language: str, wordlist: dict[str, Any]) -> list[Table]:
    exclude = {w.casefold() for w in wordlist.get("exclude", ())}
    mild = {w.casefold() for w in wordlist.get("mild", ())}
    words = [w for w in better_profanity_words() if w.casefold() not in exclude]
    return [
        Table(language, Code.profanity, "profanity:wordlist", WORDLIST_SCORE,
              tuple(w for w in words if w.casefold() not in mild)),
        Table(language, Code.profanity, "profanity:wordlist-mild", MILD_WORDLIST_SCORE,
              tuple(w for w in words if w.casefold() in mild)),
    ]


@lru_cache(maxsize=1)
def builtin_lexicons() -> tuple[Lexicon, ...]:
    folder = resources.files("moderation.checks").joinpath("lexicons")
    lexicons = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            lexicons.append(parse_lexicon(tomllib.loads(entry.read_text("utf-8"))))
    return tuple(lexicons)
