"""One compiled regular expression for thousands of terms, matched on normalised text.

Terms are merged into a trie so the expression fails fast at each position; every letter becomes a class
of its leet spellings and, past the first, a masking star ("di*k"), and a run of n equal letters matches n or
more ("fuuuck"). Accented letters are folded to plain ones in the text ("fück" is read "fuck"), except those
some term spells out ("göt" is not "got"). Allowed phrases match only as written. Each term
ends in an empty capturing group that names the tables it belongs to, so one scan finds every table.
Only a letter itself may repeat beyond the term's spelling, which keeps backtracking linear.
"""

from __future__ import annotations

import bisect
import heapq
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from moderation.checks.normalize import DOTLESS, UNMASKED, NormalizedText, normalize
from moderation.checks.regex_trie import union

# better-profanity's substitutions, plus a few more that readers use.
LEET = {
    "a": "@4*", "b": "8", "c": "(", "e": "3*", "g": "9", "i": "1!|*¡", "l": "1|", "o": "0*@", "s": "$5",
    "t": "7+", "u": "*v", "v": "*u", "z": "2",
}
# A letter masked out inside a word ("a**hole", "di*k", "motherf**king"). Never the first letter nor the last
# (a trailing star is a footnote or emphasis), and a match needs two letters written and no more masks than
# letters: "f***" or "a*" could be any of several words.
MASK = "*"
# Stars read as stars, not letters: trailing ones ("shit*" is never "shitt"), and runs no term is long enough
# to have as masked letters ("no more masks than letters"; "f" + 2,000 stars + "k" took 30 s to scan).
STARS = re.compile(r"\*{8,}|\*+(?![^\W_]|\*)")
WORD_END = r"(?![^\W_]|\*+[^\W_])"  # a mask before a letter continues the word ("a**hole")
# What may come right before a word: anything but a letter or a digit. A regex that starts with a class is searched
# by the engine's own loop over the text, which passes by every letter without trying the expression; one that
# starts with a look-behind is tried at every position (three quarters of the lexicon's time went there).
BEFORE_A_WORD = r"[\W_]"
ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")  # after normalisation, the Arabic, Persian and Kurdish letters
ARABIC_PREFIXES = r"(?:وال|بال|فال|كال|لل|ال|و|ف|ب|ل|ك)?"
JOINER = r"[\W_]{0,3}"
SEPARATOR = r"[\W_]{1,3}"  # beside a short word of a table whose spaces must be written (`lexicon.Table.spaced`)
SHORT_WORD = 2  # letters


@lru_cache(maxsize=None)
def _accented(letter: str) -> str:
    """Every Latin letter whose decomposition starts with `letter` (ü, ú, û... for u)."""
    found = []
    for code in range(0x00C0, 0x0250):
        char = chr(code)
        if char != letter and unicodedata.normalize("NFD", char)[0] == letter and char == char.casefold():
            found.append(char)
    return "".join(found)  # Turkish ı is a letter of its own ("sıktır" is not "siktir"), never an i


@lru_cache(maxsize=None)
def accent_folds() -> dict[str, str]:
    """Each accented Latin letter and the letter it decomposes to (é -> e)."""
    return {accented: letter for letter in "abcdefghijklmnopqrstuvwxyz" for accented in _accented(letter)}


@lru_cache(maxsize=None)
def letter_class(char: str, maskable: bool = False, accents: frozenset[str] = frozenset()) -> str:
    """The characters that may stand for `char` in a term (a masking star too, where the letter may be masked).

    Of a letter's accented spellings, only those in `accents` are in the class: the matcher folds every other
    one to its plain letter in the text before scanning (`TermMatcher`), which matches the same words."""
    if "a" <= char <= "z":
        spellings = char + LEET.get(char, "") + "".join(a for a in _accented(char) if a in accents)
        if maskable and MASK not in spellings:
            spellings += MASK
        return _one_of(spellings)
    if maskable and ARABIC_SCRIPT.match(char) and char.isalpha():  # Arabic script too ("ك*س امك", Sorani ە)
        return _one_of(char + MASK)
    return re.escape(char)


def _one_of(chars: str) -> str:
    """A class of the characters up to U+00FF, with any others as alternatives beside it.

    Python compiles a class holding a character past U+00FF through a table of all 65,536, about ten times
    the time of a small class: with one per letter of every term, that was most of the pipeline's start-up."""
    low = "".join(c for c in chars if ord(c) < 0x100)
    high = [re.escape(c) for c in chars if ord(c) >= 0x100]
    low_class = re.escape(low) if len(low) == 1 else "[" + re.escape(low) + "]" if low else ""
    if not high:
        return low_class
    return "(?:" + "|".join(high + ([low_class] if low_class else [])) + ")"


def masked_out(word: str) -> bool:
    """A masked word of which too little is written to tell which it is.

    A star may stand for a first vowel ("*ss", as better-profanity spells it) only when the rest is written:
    "****When" (a footnote's stars before a word) is not "ibne" masked and followed by "when"."""
    if MASK not in word:
        return False
    masks = word.count(MASK)
    letters = sum(ch.isalpha() for ch in word)
    return letters < 2 or masks > letters or (word.startswith(MASK) and masks > 1)


@dataclass(frozen=True)
class Term:
    """A lexicon entry: `words` to match whole; `prefix` also matches longer words that start with it."""

    words: tuple[str, ...]
    prefix: bool
    arabic: bool

    @classmethod
    def parse(cls, raw: str) -> Term:
        prefix = raw.endswith("*")
        text = normalize(raw.rstrip("*").strip()).text.strip(" .,-_")
        words = tuple(w for w in re.split(r"[\s\-]+", text) if w)
        if not words:
            raise ValueError(f"empty term {raw!r}")
        arabic = ARABIC_SCRIPT.search(text) is not None
        return cls(words, prefix, arabic)

    def units(self, evasions: bool = True, accents: frozenset[str] = frozenset(),
              spaced: bool = False) -> tuple[str, ...]:
        """The term as a sequence of regex pieces, one per run of equal letters or per joiner.

        Without `evasions` (allowed phrases) a term matches only as written, accents aside: "niger" must
        not take in "nigger" by its repeated letter, nor "n*gger" by a mask. `accents` as for `letter_class`.
        `spaced`: where a Latin-script term has a word of one or two letters, a particle or a pronoun, a separator
        must stand between it and the next word, never nothing: glued on, it makes words of other languages ("to
        khari", you are a donkey, is not "Tokhari"); longer words joined are still the term ("kosnanat")."""
        pieces: list[str] = []
        for index, word in enumerate(self.words):
            if index:
                short = min(len(word), len(self.words[index - 1])) <= SHORT_WORD
                pieces.append(SEPARATOR if spaced and short and not self.arabic else JOINER)
            for run in re.finditer(r"(.)\1*", word):
                char, count = run.group(1), len(run.group(0))
                if not evasions:
                    kept = "".join(a for a in _accented(char) if a in accents)
                    pieces.append((_one_of(char + kept) if kept else re.escape(char)) * count)
                    continue
                if index == 0 and run.start() == 0:  # the first letter is written, and may stand doubled
                    pieces.append(letter_class(char, False, accents)
                                  + letter_class(char, True, accents) * (count - 1)
                                  + (re.escape(char) + "*" if char.isalpha() else ""))
                    continue
                cls = letter_class(char, True, accents)
                # n spellings of the letter, then only the letter itself repeated: "fuuuck" matches, and
                # a run of "!!!!" (a leet i) cannot make the expression backtrack through every length.
                pieces.append(cls * count + (re.escape(char) + "*" if char.isalpha() else ""))
        return tuple(pieces)


@dataclass(frozen=True)
class Phrase:
    """A grammar of terms: one alternative from each slot in turn; an empty alternative makes a slot optional.

    The first slot's words enter the trie as terms do (the scan dispatches on their first letters as on any
    word's); the rest of the phrase is one expression of its own, its slots merged alternations, tried where a
    first word ends. Written out, a lexicon's groups x predicates took three times as long to compile; and with
    a copy of the rest after each first word, the multilingual group phrases took 8 s."""

    slots: tuple[tuple[str, ...], ...]
    prefix: bool = False  # the last slot's words may go on ("asalak*")

    @property
    def arabic(self) -> bool:
        return any(ARABIC_SCRIPT.search(alternative) for slot in self.slots for alternative in slot)

    def heads(self, evasions: bool = True, accents: frozenset[str] = frozenset()) -> list[tuple[str, ...]]:
        """The trie entries: each word of the first slot."""
        first = self.slots[0]
        if any(not a.strip() for a in first):
            raise ValueError(f"the first slot of a phrase must be written: {first!r}")
        return [Term.parse(a).units(evasions, accents) for a in dict.fromkeys(first)]

    def tail(self, evasions: bool = True, accents: frozenset[str] = frozenset(), spaced: bool = False) -> str:
        """The rest of the phrase, from the end of a first word: an expression that ends where the phrase may.
        `spaced`: its Latin-script words are joined by a separator, never by nothing (the first slot's words, in
        the trie, are not checked)."""
        tail = ""
        joiner = SEPARATOR if spaced and not self.arabic else JOINER
        for slot in self.slots[1:]:
            written = [Term.parse(a).units(evasions, accents, spaced) for a in slot if a.strip()]
            if not written:
                raise ValueError(f"a phrase slot with no words: {slot!r}")
            body = union(written)  # merged on common beginnings, as the trie is
            tail += f"(?:{joiner}{body})?" if any(not a.strip() for a in slot) else joiner + body
        return tail + ("" if self.prefix else WORD_END)


class _Node:
    __slots__ = ("children", "tables", "prefix_tables", "heads")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.tables: set[int] = set()
        self.prefix_tables: set[int] = set()
        self.heads: set[int] = set()  # phrases (by their index in the matcher) whose first word ends here


class _Trie:
    """Unit sequences by table, then one expression over them, Latin and Arabic-script roots apart."""

    def __init__(self) -> None:
        self.root, self.arabic_root = _Node(), _Node()

    def __bool__(self) -> bool:
        return bool(self.root.children or self.arabic_root.children)

    def add(self, units: tuple[str, ...], table: int, prefix: bool, arabic: bool, head: bool = False) -> None:
        """`head`: `table` is a phrase's index, and the units its first word."""
        node = self.arabic_root if arabic else self.root
        for unit in units:
            node = node.children.setdefault(unit, _Node())
        (node.heads if head else node.prefix_tables if prefix else node.tables).add(table)

    def compiled(self, needs: re.Pattern[str] | None, tails: list[PhraseTail] | None = None) -> _CompiledTrie:
        return _CompiledTrie(self.root, self.arabic_root, needs, tails or [])

    def compiled_anywhere(self, needs: re.Pattern[str], tails: list[PhraseTail]) -> _CompiledTrie:
        """Arabic-script phrases, tried at every letter: a first word may follow any of the attached prefixes, and
        a scan that tried them inside the expression would take the first that lets the word match (وال + عرب),
        never another (و + العرب) whose phrase the rest then completes."""
        return _CompiledTrie(_Node(), self.arabic_root, needs, tails, anywhere=True)


@dataclass(frozen=True)
class PhraseTail:
    """What follows a phrase's first word, and the table a whole phrase belongs to."""

    table: int
    regex: re.Pattern[str]
    prefix: bool


WORD, PREFIX, HEAD = range(3)  # what a marker group marks: a word's end, a prefix's end, a first word's end


class _CompiledTrie:
    def __init__(self, root: _Node, arabic_root: _Node, needs: re.Pattern[str] | None,
                 tails: list[PhraseTail], anywhere: bool = False) -> None:
        self.needs = needs  # a text this finds nothing in holds no term of the trie: not scanned
        self._tails = tails
        self._anywhere = anywhere
        self._markers: list[tuple[frozenset[int], int]] = [(frozenset(), WORD)]  # group 0: the match
        self._branch_starts: list[int] = []
        branches = []
        for prefix, node in (("", root), ("" if anywhere else ARABIC_PREFIXES, arabic_root)):
            script = []
            for unit, child in sorted(node.children.items(), key=_longest_first):
                self._branch_starts.append(len(self._markers))
                script.append(prefix + unit + self._render(child))
            if script and node is arabic_root and not anywhere:
                # one test of the script passes them all by at a Latin word: each starts with an optional
                # prefix, an alternation the engine cannot rule out by its first character
                script = [f"(?={ARABIC_SCRIPT.pattern})(?:" + "|".join(script) + ")"]
            branches += script
        body = "(?:" + "|".join(branches) + ")" if branches else r"(?!x)x"
        # A word starts after BEFORE_A_WORD (`find` puts one before the text); an `anywhere` trie at any letter.
        self.regex = re.compile(body if anywhere else BEFORE_A_WORD + body)
        self._branch_starts.append(len(self._markers))

    def _marker(self, tables: set[int], kind: int) -> str:
        self._markers.append((frozenset(tables), kind))
        return "(?:" + WORD_END + "())?" if kind == WORD else "()"

    def _render(self, node: _Node) -> str:
        markers = ""
        if node.tables:
            markers += self._marker(node.tables, WORD)
        if node.prefix_tables:
            markers += self._marker(node.prefix_tables, PREFIX)
        if node.heads:
            markers += self._marker(node.heads, HEAD)
        options = [unit + self._render(child) for unit, child in sorted(node.children.items(), key=_longest_first)]
        if node.prefix_tables:
            options.append(r"[^\W_]*" + WORD_END)
        elif node.tables:
            options.append(WORD_END)
        elif node.heads:
            options.append("")  # the phrase's rest is tried after the scan, where the first word ends
        return markers + (options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")")

    def find(self, text: str, masked: bool) -> Iterator[Match]:
        if self._anywhere:
            yield from self._find(text, masked)
            return
        for match in self._find(" " + text, masked):  # the space lets a word start at the text's first letter
            yield Match(match.table, match.start - 1, match.end - 1)

    def _find(self, text: str, masked: bool) -> Iterator[Match]:
        """Tried once at each possible start, so a term inside a longer match ("shit" in "piece of shit") is
        still found."""
        search = self.regex.search
        match = search(text)
        while match is not None:
            start = match.start() if self._anywhere else match.start() + 1  # after the character before the word
            last = match.lastindex
            next_match = search(text, start + 1 if self._anywhere else start)
            if last is None:
                match = next_match
                continue
            if self._anywhere:
                start = _word_start_before_prefix(text, start)
                if start is None:  # inside a word, after letters that are no prefix
                    match = next_match
                    continue
            branch = bisect.bisect_right(self._branch_starts, last) - 1
            for group in range(self._branch_starts[branch], self._branch_starts[branch + 1]):
                position = match.start(group)
                if position < 0:
                    continue
                tables, kind = self._markers[group]
                if kind == HEAD:
                    yield from self._phrases(text, masked, start, position, tables)
                    continue
                end = _WORD_REST.match(text, position).end() if kind == PREFIX else position
                if masked and masked_out(text[start:end]):
                    continue
                for table in tables:
                    yield Match(table, start, end)
            match = next_match

    def _phrases(self, text: str, masked: bool, start: int, head_end: int, phrases: frozenset[int]) -> Iterator[Match]:
        """The phrases whose first word ends at `head_end` and whose rest follows it."""
        for index in sorted(phrases):
            tail = self._tails[index]
            rest = tail.regex.match(text, head_end)
            if rest is None:
                continue
            end = _WORD_REST.match(text, rest.end()).end() if tail.prefix else rest.end()
            if not (masked and masked_out(text[start:end])):
                yield Match(tail.table, start, end)


@dataclass(frozen=True)
class Match:
    table: int
    start: int  # in the normalised text
    end: int


class TermMatcher:
    """Finds every whole-word occurrence of any term of any table.

    Every terminal of the trie leaves an empty capturing group (a marker) where the term ends, so a
    match of "fuck off" also reports the "fuck*" it passed through: one table's phrase never hides
    another table's word. A regular expression follows one path from a start, though, so phrase grammars
    (`Phrase`) get a trie and a scan of their own: a word list's "kurtler zaten" cannot hide "Kürtler
    zaten hain".
    """

    def __init__(self, tables: Iterable[Iterable[str | Phrase]], evasions: bool = True,
                 dotless_tables: Iterable[int] = (), spaced_tables: Iterable[int] = ()):
        """`dotless_tables`: the tables whose words a dotless ı may stand in (the text's `DOTLESS` reading): the
        English ones, which the caller knows (`terms.LexiconChecker`); Turkish has the letter as its own. They are
        also the tables read in the `UNMASKED` reading: the swear words it writes out ("f***") are English.
        `spaced_tables`: the tables whose Latin-script terms need a separator beside a short word (`Term.units`)."""
        tables = [list(terms) for terms in tables]
        self._dotless_tables = frozenset(dotless_tables)
        # Accented letters no term spells out are folded to their plain letter in the text, so the letters'
        # classes need not list them (see `letter_class`); those some term spells ("göt") stay as written.
        folds = accent_folds()
        accents = frozenset(char for terms in tables for raw in terms for text in _spellings(raw)
                            for char in normalize(text).text if char in folds)
        folded = {accented: letter for accented, letter in folds.items() if accented not in accents}
        self._foldable = re.compile("[" + re.escape("".join(folded)) + "]" if folded else r"(?!x)x")
        self._fold = lambda letter: folded[letter.group()]
        words, latin_phrases, arabic_phrases = _Trie(), _Trie(), _Trie()
        tails: list[PhraseTail] = []
        spaced_tables = frozenset(spaced_tables)
        for table, terms in enumerate(tables):
            spaced = table in spaced_tables
            for raw in terms:
                if isinstance(raw, Phrase):
                    tails.append(PhraseTail(table, re.compile(raw.tail(evasions, accents, spaced)), raw.prefix))
                    for units in raw.heads(evasions, accents):
                        (arabic_phrases if raw.arabic else latin_phrases).add(units, len(tails) - 1, raw.prefix,
                                                                              raw.arabic, head=True)
                else:
                    term = Term.parse(raw)
                    words.add(term.units(evasions, accents, spaced), table, term.prefix, term.arabic)
        # A spaced term's path (a separator beside its short words) lies beside the joiner's path of the same words,
        # tried first; the scan follows one path from a start, so another table's same words (unspaced) are put on
        # it too, or the spaced one would hide them wherever a separator is written.
        spaced_words = {Term.parse(raw).words for table in spaced_tables if table < len(tables)
                        for raw in tables[table] if not isinstance(raw, Phrase)}
        for table, terms in enumerate(tables):
            if table in spaced_tables or not spaced_words:
                continue
            for raw in terms:
                if not isinstance(raw, Phrase) and (term := Term.parse(raw)).words in spaced_words:
                    words.add(term.units(evasions, accents, spaced=True), table, term.prefix, term.arabic)
        self._tries = [trie.compiled(needs, tails) for trie, needs in ((words, None), (latin_phrases, None)) if trie]
        if arabic_phrases:
            self._tries.append(arabic_phrases.compiled_anywhere(ARABIC_SCRIPT, tails))
        if not self._tries:
            self._tries = [words.compiled(None)]

    def find(self, text: str) -> Iterator[Match]:
        """Overlapping matches too, by start: scanning resumes after a match's start, so "piece of shit" (an
        attack) still lets "shit" (profanity) be found inside it."""
        if not text.isascii():  # one letter for one letter: offsets hold
            text = self._foldable.sub(self._fold, text)
        masked = MASK in text
        if masked:  # same length, so offsets hold
            text = STARS.sub(lambda stars: " " * len(stars.group()), text)
        scans = [trie.find(text, masked) for trie in self._tries if trie.needs is None or trie.needs.search(text)]
        if len(scans) <= 1:
            return scans[0] if scans else iter(())
        return heapq.merge(*scans, key=lambda m: m.start)

    def find_in(self, normalized: NormalizedText) -> Iterator[tuple[Match, tuple[int, int]]]:
        """Matches with the span of the original text each one came from.

        A word split unevenly ("fu c k", "sh_it"), turned upside down or typed with a dotless ı is found in one of
        the text's readings; it counts only where the text itself has no match of that table over the same words
        (and, read with a dotless ı or with a masked swear word written out, only for an English word), and its
        position is given in the normalised text,
        as every match's is."""
        if not normalized.rejoined:
            for match in self.find(normalized.text):
                yield match, normalized.original_span(match.start, match.end)
            return
        covered: dict[int, set[int]] = {}  # by table, the original positions its matches so far cover
        for match in self.find(normalized.text):
            start, end = normalized.original_span(match.start, match.end)
            covered.setdefault(match.table, set()).update(range(start, end))
            yield match, (start, end)
        for reading in normalized.rejoined:
            only = self.dotless_tables() if reading.kind in (DOTLESS, UNMASKED) else None
            for match in self.find(reading.text):
                if only is not None and match.table not in only:
                    continue
                start, end = reading.original_span(match.start, match.end)
                if not covered.setdefault(match.table, set()).isdisjoint(range(start, end)):
                    continue
                covered[match.table].update(range(start, end))
                yield Match(match.table, *normalized.normalized_span(start, end)), (start, end)

    def dotless_tables(self) -> frozenset[int]:
        """The tables whose words a dotless ı may stand in: "sıktır" is not "siktir"."""
        return self._dotless_tables


_WORD_REST = re.compile(r"[^\W_]*")
_ATTACHED = re.compile(ARABIC_PREFIXES + r"\Z")
_WORD_CHAR = re.compile(r"[^\W_@$*]")  # a letter or a digit: a word never starts after one (BEFORE_A_WORD)
_WORD_BEFORE = re.compile(r"[^\W_@$*]{1,3}\Z")


def _word_start_before_prefix(text: str, at: int) -> int | None:
    """Where the word that `at` lies in starts, if `at` is its start or only an attached prefix comes before."""
    before = _WORD_BEFORE.search(text, max(0, at - 4), at)
    if before is None:
        return at if at == 0 or not _WORD_CHAR.match(text, at - 1) else None
    if before.start() > 0 and _WORD_CHAR.match(text, before.start() - 1):
        return None  # more than three letters before: inside a word
    return before.start() if _ATTACHED.fullmatch(before.group()) and before.group() else None


def _spellings(raw: str | Phrase) -> Iterator[str]:
    if isinstance(raw, Phrase):
        yield from (alternative for slot in raw.slots for alternative in slot)
    else:
        yield raw


def _longest_first(item: tuple[str, _Node]) -> tuple[int, str]:
    unit, _ = item
    return (0 if unit == SEPARATOR else 1 if unit == JOINER else 2, unit)  # a separator's path first (see above)
