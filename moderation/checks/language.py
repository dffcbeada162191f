"""The comment's language: a language no check covers is a note for the moderator, never a silent pass.

Scripts decide most cases cheaply (Arabic script: Arabic, Persian or Sorani by their own letters);
lingua decides among Latin-script languages only when the text does not read as plain English.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from moderation.checks import CheckContext, Evidence, Finding
from moderation.guidelines import Code

SORANI_LETTERS = frozenset("ێۆڕڵەڤ")
PERSIAN_LETTERS = frozenset("پچژگی")
KURMANJI_WORDS = frozenset("ez tu ew em hûn ji bi di ku jî nîne heye dike kir wî wê min te vê wan çi çima kurd "
                           "kurdistan û ne gelek baş zimanê".split())
ENGLISH_WORDS = frozenset("the and is are was were to of in on for that this with you it not be have has they "
                          "he she we i what but all his her their there an by at from or as so if no do".split())
WORD = re.compile(r"[^\W\d_]+")
NOT_LANGUAGE = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+|[@#]\w+|\b\w+\.(?:com|org|net)\b\S*")
MIN_WORDS = 4


@lru_cache(maxsize=1)
def _detector():  # type: ignore[no-untyped-def]
    from lingua import Language, LanguageDetectorBuilder

    languages = [Language.ENGLISH, Language.TURKISH, Language.GERMAN, Language.FRENCH, Language.SPANISH,
                 Language.ITALIAN, Language.PORTUGUESE, Language.DUTCH, Language.SWEDISH, Language.POLISH,
                 Language.INDONESIAN, Language.AZERBAIJANI, Language.ROMANIAN, Language.TAGALOG, Language.SOMALI]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def _script(char: str) -> str:
    if char.isascii():
        return "latin"
    name = unicodedata.name(char, "")
    for script in ("LATIN", "ARABIC", "CYRILLIC", "GREEK", "HEBREW", "CJK", "HIRAGANA", "KATAKANA", "HANGUL",
                   "DEVANAGARI", "ARMENIAN", "GEORGIAN", "THAI", "BENGALI", "TAMIL", "ETHIOPIC"):
        if name.startswith(script):
            return script.lower()
    return "other"


def detect(text: str) -> tuple[str | None, float]:
    """An ISO code (or a script name for scripts with no language checks) and a confidence in 0..1."""
    text = NOT_LANGUAGE.sub(" ", text)
    words = WORD.findall(text)
    if len(words) < MIN_WORDS:
        return None, 0.0
    if text.isascii():
        script, share = "latin", 1.0
    else:
        counts: dict[str, int] = {}
        for char in text:
            if char.isalpha():
                script = _script(char)
                counts[script] = counts.get(script, 0) + 1
        script, share = max(counts.items(), key=lambda item: item[1])
        share /= sum(counts.values())
    if script == "arabic":
        letters = set(text)
        if letters & SORANI_LETTERS:
            return "ckb", share
        return ("fa", share) if letters & PERSIAN_LETTERS else ("ar", share)
    if script != "latin":
        return script, share
    lowered = [w.casefold() for w in words]
    if sum(w in ENGLISH_WORDS for w in lowered) / len(lowered) >= 0.15:
        return "en", share
    if sum(w in KURMANJI_WORDS for w in lowered) / len(lowered) >= 0.2:
        return "kmr", share
    confidences = _detector().compute_language_confidence_values(text)
    best = confidences[0]
    return best.language.iso_code_639_1.name.lower(), best.value * share


class LanguageChecker:
    name = "language"
    version = "1"

    def __init__(self, covered: tuple[str, ...] = ("en", "tr", "ar", "fa", "ckb", "kmr"), min_confidence: float = 0.6):
        self.covered = frozenset(covered)
        self.min_confidence = min_confidence

    def check(self, context: CheckContext) -> list[Finding]:
        language, confidence = detect(context.text)
        if language is None or language in self.covered or confidence < self.min_confidence:
            return []
        evidence = (Evidence(0, len(context.text), context.text, f"{self.name}:{language}"),)
        return [Finding(Code.unsupported_language, round(confidence, 3), evidence, self.name, self.version)]
