"""Normalisation before matching, with a map back to the original text.

Evasions are undone here so that every matcher sees one spelling: Unicode compatibility forms (fullwidth,
mathematical letters), letters drawn in boxes, circles and brackets or as regional indicators that NFKC leaves
alone ("🅵🆄🅲🅺", "⒡⒰⒞⒦"), case, look-alike Cyrillic and Greek letters, zero-width and bidi controls, stacked
combining marks, Arabic-script letter variants and diacritics, signs used as letters ("₩HORE") or as masks
("f#ck"), and letters spaced out ("f u c k", "s|h|i|t").
Spellings that split a word unevenly ("fu c k", "b i t ches", "sh_it", "what a d i c k") have no one reading
right for every text, so they are not joined in `text`: `rejoined` holds short readings of those places for
the word lists to try, which report a word only when a whole one comes out. Two more kinds of reading
are made where a text has their signs: text turned upside down ("ʞɔnɟ", "ɥɔʇᴉq ɐ ǝɹɐ noʎ"), read the right way
up, and English words typed with a dotless ı ("bıtch"), read with an i for the English word lists only.
Leet digits and repeated letters are left to the matcher's character classes, so numbers stay numbers.
Each normalised character remembers the span of the original it came from, so evidence points at the
words as the author wrote them.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

# Letters that look Latin but are not; mapped after case folding.
CONFUSABLES = {
    # apostrophes as phones and word processors type them: "I’ll kill you" is "I'll kill you"
    "\u2019": "'", "\u2018": "'", "\u02bc": "'",
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
    "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "ԁ": "d", "ӏ": "l", "ԛ": "q",
    "ԝ": "w", "ь": "b", "ɡ": "g", "һ": "h", "ү": "y", "ц": "u", "п": "n", "г": "r", "л": "n", "д": "d",
    # Greek
    "α": "a", "β": "b", "γ": "y", "δ": "d", "ε": "e", "ζ": "z", "η": "n", "ι": "i", "κ": "k", "ν": "v",
    "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w", "μ": "u", "ς": "c", "σ": "o", "λ": "l",
    # Latin look-alikes outside the basic letters
    "ſ": "s", "ɑ": "a", "ɩ": "i", "ɪ": "i", "ʀ": "r", "ᴄ": "c", "ᴏ": "o", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w",
    "ᴢ": "z", "ⅰ": "i", "ℓ": "l",
    # Cherokee capitals shaped like Latin ones (casefolding keeps Cherokee in capitals)
    "Ꭰ": "d", "Ꭱ": "r", "Ꭲ": "t", "Ꭵ": "i", "Ꭹ": "y", "Ꭺ": "a", "Ꭻ": "j", "Ꭼ": "e", "Ꮃ": "w", "Ꮇ": "m", "Ꮋ": "h",
    "Ꮍ": "y", "Ꮐ": "g", "Ꮒ": "h", "Ꮓ": "z", "Ꮟ": "b", "Ꮢ": "r", "Ꮥ": "s", "Ꮩ": "v", "Ꮪ": "s", "Ꮮ": "l", "Ꮯ": "c",
    "Ꮲ": "p", "Ꮶ": "k", "Ꮷ": "d", "Ᏼ": "b",
    # blanks that are not spaces to Unicode: the Braille blank is one to a reader, the Hangul fillers nothing
    "\u2800": " ", "\u115f": "", "\u1160": "",
}

# Letters in boxes, circles and brackets, which NFKC leaves as symbols ("🅵🆄🅲🅺", "🅕🅤🅒🅚") or folds with their
# brackets ("⒡" to "(f)"), and Latin letters with a stroke or hook that have no decomposition ("ƒuck", "ʙɪᴛᴄʜ"):
# read as the letter, by their Unicode names. Letters that decompose (ş, ü, ê) are Turkish and Kurdish letters
# and stay; so does the dotless ı.
_ENCLOSED_LETTER = re.compile(
    r"(?:NEGATIVE CIRCLED|NEGATIVE SQUARED|PARENTHESIZED|TORTOISE SHELL BRACKETED|CIRCLED|SQUARED)"
    r" LATIN (?:CAPITAL|SMALL) LETTER ([A-Z])")
_MODIFIED_LETTER = re.compile(
    r"LATIN (?:(?:CAPITAL|SMALL) LETTER|LETTER SMALL CAPITAL|SMALL CAPITAL LETTER) ([A-Z])(?: WITH [A-Z -]+| BAR)?")

# Regional indicators make flags in pairs ("🇫🇷" is France, never "fr"); one that a renderer cannot pair into a
# flag shows as its letter, and that is how a word written in them is read ("🇫 🇺 🇨 🇰").
REGIONAL_INDICATORS = re.compile("[\U0001F1E6-\U0001F1FF]+")
FLAGS = frozenset("""
    ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bl bm bn bo bq br bs bt bv bw by
    bz ca cc cd cf cg ch ci ck cl cm cn co cp cr cu cv cw cx cy cz de dg dj dk dm do dz ea ec ee eg eh er es et eu
    fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu ic id ie il im in
    io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mf mg
    mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl
    pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sj sk sl sm sn so sr ss st sv sx sy sz ta tc td
    tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug um un us uy uz va vc ve vg vi vn vu wf ws xk ye yt za zm zw
""".split())


@lru_cache(maxsize=4096)
def _symbol_letter(char: str) -> str:
    enclosed = _ENCLOSED_LETTER.fullmatch(unicodedata.name(char, "")) if ord(char) > 0x2000 else None
    return enclosed.group(1) if enclosed else char


@lru_cache(maxsize=4096)
def _plain_latin_letter(char: str) -> str:
    if char.isascii() or unicodedata.normalize("NFD", char)[0].isascii():
        return char  # the matchers' letter classes take accented letters as their base letter
    modified = _MODIFIED_LETTER.fullmatch(unicodedata.name(char, ""))
    return modified.group(1).lower() if modified else char


def _regional_indicator_letters(original: str) -> dict[int, str]:
    """The positions of regional indicators that show as letters, not in a flag: a pair no flag has, or one alone."""
    letters = {}
    for run in REGIONAL_INDICATORS.finditer(original):
        start, end = run.span()
        for i in range(start, end, 2):
            pair = "".join(chr(ord(c) - 0x1F1E6 + ord("a")) for c in original[i:min(i + 2, end)])
            if pair not in FLAGS:
                letters.update((i + k, letter) for k, letter in enumerate(pair))
    return letters


# Signs shaped like letters, read as letters only beside one and never beside a digit: "FU₵KING", "₩HORE",
# "D€ATH" are words, "€500" and "© 2026" stay what they are.
SIGN_LETTERS = {"€": "e", "¢": "c", "₵": "c", "©": "c", "₩": "w", "¥": "y", "§": "s", "®": "r"}

# One spelling for letters that Arabic, Persian and Kurdish writers interchange.
ARABIC_LETTERS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ې": "ي", "ک": "ك", "ة": "ه", "ؤ": "و",
    "ئ": "ي", "ھ": "ه", "ۀ": "ه", "ہ": "ه", "ﻻ": "لا",
}
ARABIC_MARKS = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)] + ["\u0670", "\u0640"] + [chr(c) for c in range(0x06D6, 0x06EE)]
)

# Between letters spelled out one at a time: "f u c k", "f.u.c.k", "f-u-c-k", "f_u_c_k", "f|u|c|k", "f/u/c/k",
# "f+u+c+k", "f:u:c:k", one a line. Not commas ("1, 2, 3, 4" would make a number) nor apostrophes.
SPACED_SEPARATOR = r"[ \t\r\n.\-_~·•|/+:=^\\‧・。]"
SPACED_LETTERS = re.compile(rf"(?<![^\W_])(?:[^\W_]|[@$])(?:{SPACED_SEPARATOR}{{1,3}}(?:[^\W_]|[@$])(?![^\W_])){{2,}}")
SPACED_SEPARATORS = frozenset(" \t\r\n.-_~·•|/+:=^\\‧・。")
# A word split unevenly: single letters with a longer piece before or after ("fu c k", "f u ck", "b i t ches"), one
# letter that is no word by itself after a short piece ("fu c king"), or pieces joined inside a word by an underscore
# or the like ("sh_it", "bi.tch", "fu-ck"). Handles, addresses and links keep theirs: no `@#/:` next to the pieces.
_PIECE = r"(?:[^\W_]|[@$])"
_SEPARATOR = SPACED_SEPARATOR + "{1,3}"
_JOINER = r"[_\-.·~|]"
_LONE = "[b-hjkmo-qstvwxz]"  # a letter alone between two pieces, none that stands for a word ("poor n neva", "u r")
_SINGLES = rf"{_PIECE}(?![^\W_])(?:{_SEPARATOR}{_PIECE}(?![^\W_]))+"
SPLIT_WORD = re.compile(rf"(?<![^\W_])(?<![@#/:.\-_~|])(?:"
                        rf"(?:(?P<head>[^\W_]{{2,6}}){_SEPARATOR})?{_SINGLES}"
                        rf"(?:{_SEPARATOR}(?P<tail>[^\W_]{{2,6}})(?![^\W_]))?"
                        rf"|(?P<lone_head>[^\W_]{{2,3}}){_SEPARATOR}{_LONE}{_SEPARATOR}"
                        rf"(?P<lone_tail>[^\W_]{{2,6}})(?![^\W_]))")
JOINED_WORD = re.compile(rf"(?<![^\W_])(?<![@#/:.\-_~|])[^\W_]{{1,6}}(?:{_JOINER}[^\W_]{{1,6}}){{1,3}}"
                         rf"(?![^\W_]|[@/:]|{_JOINER}[^\W_])")
# Cheap tests first, each starting at a separator (a regex that starts with a letter is tried at every letter):
# two single letters in a row, or one that is no word; two pieces joined, one of them short.
_SINGLE_LETTERS = re.compile(rf"{SPACED_SEPARATOR}(?<=(?<![^\W_]){_PIECE}{SPACED_SEPARATOR}){SPACED_SEPARATOR}{{0,2}}"
                             rf"{_PIECE}(?![^\W_])")
_LONE_LETTER = re.compile(rf"{SPACED_SEPARATOR}(?<=[^\W_]{SPACED_SEPARATOR}{_LONE}{SPACED_SEPARATOR})(?=[^\W_])")
_PIECES_JOINED = re.compile(
    rf"{_JOINER}(?<=[^\W_]{_JOINER})(?=[^\W_])(?:(?<=(?<![^\W_])[^\W_]{_JOINER})|(?<=(?<![^\W_])[^\W_]{{2}}{_JOINER})"
    rf"|(?<=(?<![^\W_])[^\W_]{{3}}{_JOINER})|(?=[^\W_]{{1,3}}(?![^\W_])))")
_PIECES = re.compile(r"[^\W_]+|[@$]")
_SPACE = re.compile(r"\s")
_JOINERS = re.compile(_JOINER)
_JOINED_WORD_REACH = 27  # characters of JOINED_WORD before its first joiner, at most: 3 pieces and joiners
# Single letters that are words themselves: before a spelled-out word, they may stand apart ("what a d i c k",
# "u r a c u n t"); alone between two words, they are words ("is a man", "tell u what", see `SPLIT_WORD`).
_LETTER_WORDS = frozenset("aiur")
_MAX_LETTER_WORDS = 3
_LINK_STARTS = frozenset({"www", "http", "https"})
_MIN_READING = 3  # letters: fewer make no word worth reading into


# Signs that stand for masked letters inside a word ("f#ck", "sh%t", "f@#k"): read as the matcher's mask, the
# star. "@" alone is left to the leet classes (and to e-mail addresses), and "&" to names ("G&T", "K&S",
# "Idaho F&G" read as slurs once masked). Not in a link ("page#section"), nor where a hashtag glues two words
# ("bitch#Turnup"): a masked word is short.
# An emoji or two inside a word mask letters too ("f🤬cking", "sh💩t"): pictographs and dingbats, not flags.
_EMOJI = "\U0001F300-\U0001FAFF\u2600-\u27BF"
MASKING_SIGNS = re.compile(rf"(?<=[^\W\d_])(?:[#%@]{{0,4}}[#%][#%@]{{0,4}}|[{_EMOJI}]{{1,2}})(?=[^\W\d_])")  # bounded
_MAY_MASK = re.compile(rf"[#%{_EMOJI}]")
_CHUNK = re.compile(r"\S+")
_LETTERS = re.compile(r"[^\W\d_]*")
MASKED_WORD_LETTERS = 9


def _as_masks(text: str) -> str:
    if not _MAY_MASK.search(text):
        return text
    return _CHUNK.sub(lambda chunk: _mask_chunk(chunk.group()), text)  # one pass, whatever the input


def _mask_chunk(chunk: str) -> str:
    if not _MAY_MASK.search(chunk) or any(sign in chunk for sign in "/=?"):
        return chunk

    def masked(signs: re.Match[str]) -> str:
        start, end = signs.span()
        # letters right before, read backwards, as far as a masked word may reach
        before = len(_LETTERS.match(chunk[max(0, start - MASKED_WORD_LETTERS - 1):start][::-1]).group())
        after = len(_LETTERS.match(chunk, end).group())
        return "*" * (end - start) if before + after <= MASKED_WORD_LETTERS else signs.group()

    return MASKING_SIGNS.sub(masked, chunk)


# What a reading is (`NormalizedText.kind`) besides a word split unevenly: text turned upside down, a dotless ı as i,
# a swear word masked past the matcher's reading written out.
TURNED = "turned"
DOTLESS = "dotless"
UNMASKED = "unmasked"

# Whole words masked past the matcher's rule (no more masks than letters) that still fit one swear word only, as
# censored swearing is written: "f***" and "f###" (fuck), "fu**", "sh**" (shit), "b***h" (bitch). Read with the
# word written out, for the English word lists (see `matching.TermMatcher`), so "f*** you" is read as "fuck you".
# Masks that fit several ("s***", "c***", "d***") stay as written; so do a star or a sign after a letter or a digit
# ("5*** hotel", "C#", "F#", "Note*"), and the word named, not said ("the f*** word").
MASKED_SWEARS = ("fuck", "shit", "bitch")
_MASKED_SWEAR = re.compile(r"(?<![\w*#%@$])(?:f[*#]{3}|fu[*#]{2}|sh[*#]{2}|b[*#]{3}h)(?![\w*#%@$])"
                           r"(?![ \t-]*words?\b)")
_MAY_BE_MASKED_SWEAR = re.compile(r"[*#]{2}")


@dataclass(frozen=True)
class NormalizedText:
    """`text` is the normalised form; normalised character i came from `original[starts[i]:ends[i]]`.

    Plain ASCII text maps one to one, so it keeps no offset lists (`starts` and `ends` are None).
    `rejoined`: other readings of stretches of the original (see `_rejoined_readings`, `_turned_readings`,
    `_dotless_reading`), each with its own map. A reading's `kind` says what it is, for a matcher that takes some
    of them for some words only (`DOTLESS`); a reading of text turned upside down runs backwards through the
    original (`ordered` is False).
    """

    original: str
    text: str
    starts: tuple[int, ...] | None
    ends: tuple[int, ...] | None
    rejoined: tuple[NormalizedText, ...] = ()
    kind: str = ""
    ordered: bool = True

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that normalised `text[start:end]` (non-empty) came from."""
        if self.starts is None or self.ends is None:
            return start, end
        if not self.ordered:
            return min(self.starts[start:end]), max(self.ends[start:end])
        return self.starts[start], self.ends[end - 1]

    def normalized_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of `text` that came from the original `original[start:end]` (the inverse of `original_span`)."""
        if self.starts is None or self.ends is None:
            return start, end
        if not self.ordered:
            inside = [k for k, (a, b) in enumerate(zip(self.starts, self.ends)) if start <= a and b <= end]
            return (min(inside), max(inside) + 1) if inside else (0, 0)
        return bisect.bisect_right(self.ends, start), bisect.bisect_left(self.starts, end)


def _is_mark(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Me", "Mc")


@lru_cache(maxsize=65536)
def _fold_cluster(cluster: str) -> str:
    """A base character with its combining marks, in the one spelling matchers expect."""
    # the final sigma looks like a c, but casefolds to σ, which looks like an o
    composed = unicodedata.normalize("NFKC", _symbol_letter(cluster[0]) + cluster[1:]).replace("ς", "c").casefold()
    out = []
    for char in unicodedata.normalize("NFC", composed):
        if char in ARABIC_MARKS or unicodedata.category(char) == "Cf":
            continue
        if _is_mark(char):
            if out and "\u0600" <= out[-1] <= "\u06ff":
                out.append(char)  # a mark that Arabic-script text needs (rare outside diacritics)
            continue  # zalgo and stray marks on Latin letters
        char = CONFUSABLES[char] if char in CONFUSABLES else _plain_latin_letter(char)
        if not char:
            continue
        out.append(ARABIC_LETTERS.get(char, char))
    return "".join(out)


def normalize(original: str) -> NormalizedText:
    if original.isascii():
        text = _as_masks(original.lower())
        if not SPACED_LETTERS.search(text):  # one to one: no offset lists
            return NormalizedText(original, text, None, None, _rejoined_readings(original, text, None, None)
                                  + _unmasked_reading(original, text, None, None))
        starts, ends = list(range(len(text))), list(range(1, len(text) + 1))
    else:
        chars, starts, ends = _fold_unicode(original)
        _read_sign_letters(chars)
        text = _as_masks("".join(chars))
    rejoined = _rejoined_readings(original, text, starts, ends)
    if SPACED_LETTERS.search(text):
        text, starts, ends = _join_spaced_letters(text, starts, ends)
    mapped = tuple(starts), tuple(ends)
    if not original.isascii():
        rejoined += _turned_readings(original) + _dotless_reading(original, text, *mapped)
    rejoined += _unmasked_reading(original, text, *mapped)
    return NormalizedText(original, text, *mapped, rejoined)


_ASCII_RUN = re.compile(r"[\x00-\x7f]+")


def _fold_unicode(original: str) -> tuple[list[str], list[int], list[int]]:
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    indicator_letters = _regional_indicator_letters(original) if REGIONAL_INDICATORS.search(original) else {}
    i, n = 0, len(original)
    while i < n:
        if original[i] < "\x80":  # a run of ASCII folds as `lower` folds it, one letter for one
            j = _ASCII_RUN.match(original, i).end()  # type: ignore[union-attr]
            if j < n and _is_mark(original[j]):
                j -= 1  # the last letter takes the marks after it: a cluster
            if j > i:
                chars.extend(original[i:j].lower())
                starts.extend(range(i, j))
                ends.extend(range(i + 1, j + 1))
                i = j
                continue
        j = i + 1
        while j < n and _is_mark(original[j]):
            j += 1
        cluster = original[i:j]
        if i in indicator_letters:
            cluster = indicator_letters[i] + cluster[1:]
        for char in _fold_cluster(cluster):
            chars.append(char)
            starts.append(i)
            ends.append(j)
        i = j
    return chars, starts, ends


def _read_sign_letters(chars: list[str]) -> None:
    if SIGN_LETTERS.keys().isdisjoint(chars):  # nearly every text: one pass in C, not a loop over its letters
        return
    for i, char in enumerate(chars):
        if char not in SIGN_LETTERS:
            continue
        neighbours = [c for c in (chars[i - 1] if i else "", chars[i + 1] if i + 1 < len(chars) else "") if c]
        if any(c.isalpha() for c in neighbours) and not any(c.isdigit() for c in neighbours):
            chars[i] = SIGN_LETTERS[char]


def _join_spaced_letters(text: str, starts: list[int], ends: list[int]) -> tuple[str, list[int], list[int]]:
    keep = [True] * len(text)
    for match in SPACED_LETTERS.finditer(text):
        for k in range(match.start(), match.end()):
            if text[k] in SPACED_SEPARATORS:
                keep[k] = False
    kept = [k for k in range(len(text)) if keep[k]]
    return "".join(text[k] for k in kept), [starts[k] for k in kept], [ends[k] for k in kept]


def _rejoined_readings(original: str, text: str, starts: list[int] | None,
                       ends: list[int] | None) -> tuple[NormalizedText, ...]:
    """Readings of the stretches split unevenly, each stretch with its pieces joined in every way that may be meant:
    "what a d i c k" gives "whatadick", "adick" and "a dick"; "f u c king" gives "fucking" and "fuck".
    `starts` and `ends` map `text` to `original` (None: one to one)."""
    readings: dict[str, list[int]] = {}
    may_be_split = _SINGLE_LETTERS.search(text) or _LONE_LETTER.search(text)
    for match in SPLIT_WORD.finditer(text) if may_be_split else ():
        pieces = [p.span() for p in _PIECES.finditer(text, match.start(), match.end())]
        head = pieces[:1] if match.group("head") or match.group("lone_head") else []
        tail = pieces[-1:] if match.group("tail") or match.group("lone_tail") else []
        singles = pieces[len(head):len(pieces) - len(tail)]
        words = 0
        while words < min(_MAX_LETTER_WORDS, len(singles) - 1) and text[singles[words][0]] in _LETTER_WORDS:
            words += 1
        for with_head in {bool(head), False}:
            for with_tail in {bool(tail), False}:
                for split in range(words + 1) if not with_head else (0,):
                    joined = (head if with_head else []) + singles[split:] + (tail if with_tail else [])
                    indices = [k for a, b in joined for k in range(a, b)]
                    if len(indices) < _MIN_READING or len(joined) < 2:
                        continue  # too short for a word, or a piece the text has as it is
                    # the letter words stay apart, each followed by the separator written after it
                    apart = [k for a, _ in singles[:split] for k in (a, a + 1)]
                    readings["".join(text[k] for k in apart + indices)] = apart + indices
    for match in _joined_words(text):
        parts = _JOINERS.split(match.group())
        lengths = [len(part) for part in parts]
        if (min(lengths) > 3 or sum(lengths) < _MIN_READING or any(part.isdigit() for part in parts)
                or parts[0] in _LINK_STARTS):
            continue  # words of their own joined ("snake_case", "well-known"), numbers ("1.488"), or a link
        indices = [k for p in _PIECES.finditer(text, match.start(), match.end()) for k in range(*p.span())]
        readings["".join(parts)] = indices
    return tuple(NormalizedText(original, reading, tuple(starts[k] if starts else k for k in indices),
                                tuple(ends[k] if ends else k + 1 for k in indices))
                 for reading, indices in readings.items())


def _joined_words(text: str) -> Iterator[re.Match[str]]:
    """`JOINED_WORD` in the text, looked for only around the places that join two pieces, up to the next space."""
    scanned = 0
    for joiner in _PIECES_JOINED.finditer(text):
        if joiner.start() < scanned:
            continue
        space = _SPACE.search(text, joiner.end())
        scanned = space.start() if space else len(text)
        yield from JOINED_WORD.finditer(text, max(0, joiner.start() - _JOINED_WORD_REACH), scanned)


# Text turned upside down, as the "flip text" sites write it: each letter turned, the whole written backwards
# ("ʞɔnɟ" is "fuck", "¡noʎ ǝɹɐ ɐ ɥɔʇᴉq" is "bitch a are you!" read the right way up). A letter and what it is
# the right way up; the plain letters that stay letters when turned (u and n, d and p, b and q, o s x z l) read too.
TURNED_LETTERS = {
    "ɐ": "a", "ɔ": "c", "ǝ": "e", "ɟ": "f", "ƃ": "g", "ɥ": "h", "ᴉ": "i", "ı": "i", "ɾ": "j", "ʞ": "k", "ן": "l",
    "ɯ": "m", "ɹ": "r", "ʇ": "t", "ʌ": "v", "ʍ": "w", "ʎ": "y",
    "∀": "a", "Ɐ": "a", "Ɔ": "c", "ᗡ": "d", "Ǝ": "e", "Ⅎ": "f", "⅁": "g", "Ɥ": "h", "ſ": "j", "Ʞ": "k", "⅂": "l",
    "˥": "l", "Ɯ": "m", "Ԁ": "p", "ᴚ": "r", "⊥": "t", "Ʇ": "t", "∩": "u", "Λ": "v", "Ʌ": "v", "⅄": "y",
    "q": "b", "p": "d", "u": "n", "n": "u", "d": "p", "b": "q", "o": "o", "s": "s", "x": "x", "z": "z", "l": "l",
    "H": "h", "I": "i", "N": "n", "O": "o", "S": "s", "X": "x", "Z": "z", "W": "m", "M": "w",
}
TURNED_SIGNS = {
    "¡": "!", "¿": "?", "˙": ".", "'": ",", ",": "'", "„": '"', '"': '"', "‾": "_", "⅋": "&", "(": ")", ")": "(",
    "[": "]", "]": "[", "{": "}", "}": "{", "<": ">", ">": "<", ".": ".", "!": "!", "?": "?", "-": "-",
}
_TURNED = {**TURNED_SIGNS, **TURNED_LETTERS}
# The letters that say a word was turned: none a plain letter, nor the dotless ı (Turkish) or the long ſ (old
# print). Upside-down text has two at least; one alone is a phonetic sign ("the vowel ɐ") or a typo.
_TURNED_ONLY = frozenset(c for c in TURNED_LETTERS if not c.isascii() and c not in "ıſ")
_TURNED_SIGN = re.compile("[" + re.escape("".join(sorted(_TURNED_ONLY))) + "]")
_TURNED_REACH = 2  # turned letters a stretch needs
_WORDS = re.compile(r"\S+")


def _turned_readings(original: str) -> tuple[NormalizedText, ...]:
    """Each stretch of words written wholly in turned letters (and signs that turn), read the right way up: once
    backwards as a whole, as the flip sites write it, and once with each word backwards in its place.

    A stretch has two turned letters at least. Its words of plain letters that read as letters turned ("dn" is "up")
    are part of it; a word with a letter that does not ("this") ends it."""
    if not _TURNED_SIGN.search(original):
        return ()
    readings: list[NormalizedText] = []
    stretch: list[tuple[int, int]] = []
    for word in [*_WORDS.finditer(original), None]:
        if word is not None and all(char in _TURNED for char in word.group()) and any(
                char in TURNED_LETTERS for char in word.group()):
            stretch.append(word.span())
            continue
        readings += _turned_stretch(original, stretch)
        stretch = []
    return tuple(readings)


def _turned_stretch(original: str, words: list[tuple[int, int]]) -> list[NormalizedText]:
    signs = sum(char in _TURNED_ONLY for a, b in words for char in original[a:b])
    letters = sum(char in TURNED_LETTERS for a, b in words for char in original[a:b])
    if signs < _TURNED_REACH or letters < _MIN_READING:
        return []
    orders = [list(range(words[-1][1] - 1, words[0][0] - 1, -1))]  # the original's positions, read in this order
    if len(words) > 1:
        word_by_word: list[int] = []
        for a, b in words:
            word_by_word += [*range(b - 1, a - 1, -1), b]  # the word backwards, then the space after it
        orders.append(word_by_word[:-1])
    return [NormalizedText(original, "".join(_TURNED.get(original[k], " ") for k in order), tuple(order),
                           tuple(k + 1 for k in order), kind=TURNED, ordered=False) for order in orders]


# The dotless ı for an i in an English word ("bıtch", "fuckıng"), where the rest of the word is plain letters or
# signs: read with an i, for the English word lists only (see `matching.TermMatcher`). Turkish has the letter
# as its own ("sıktır" is not "siktir"), so the text keeps it, and so do words with other Turkish letters.
_DOTLESS_WORD = re.compile(r"(?=.*[a-z])[\x00-\x7fı]*")  # matched on a word: ASCII and ı, a letter among them


def _dotless_reading(original: str, text: str, starts: tuple[int, ...],
                     ends: tuple[int, ...]) -> tuple[NormalizedText, ...]:
    """The text with an i for the dotless ı of each word otherwise in ASCII: one letter for one, so the map holds."""
    if "ı" not in text:
        return ()
    read = _WORDS.sub(lambda word: word.group().replace("ı", "i") if _DOTLESS_WORD.fullmatch(word.group())
                      else word.group(), text)
    return (NormalizedText(original, read, starts, ends, kind=DOTLESS),) if read != text else ()


def _unmasked_reading(original: str, text: str, starts: tuple[int, ...] | None,
                      ends: tuple[int, ...] | None) -> tuple[NormalizedText, ...]:
    """The text with each masked swear word of `MASKED_SWEARS` written out: one letter for one, so the map holds."""
    if not _MAY_BE_MASKED_SWEAR.search(text):
        return ()
    read = _MASKED_SWEAR.sub(_unmasked_swear, text)
    return (NormalizedText(original, read, starts, ends, kind=UNMASKED),) if read != text else ()


def _unmasked_swear(masked: re.Match[str]) -> str:
    word = masked.group()
    return next(w for w in MASKED_SWEARS if len(w) == len(word) and all(a == b or a in "*#" for a, b in zip(word, w)))
