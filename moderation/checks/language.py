"""The comment's language: a language no check covers is a note for the moderator, never a silent pass.

Scripts decide most cases cheaply (Arabic script: Arabic, Persian or Sorani by their own letters);
lingua decides among Latin-script languages only when the text does not read as plain English.
"""

from __future__ import annotations

import re
from functools import lru_cache

from moderation.checks import CheckContext, Evidence, Finding
from moderation.guidelines import Code
from moderation.policy import LANGUAGES

SORANI_LETTERS = frozenset("ێۆڕڵەڤ")
PERSIAN_LETTERS = frozenset("پچژگی")
# Dotless ı and ğ are written only in Turkish and Azerbaijani (which has ə as well): on a short comment lingua
# can read "Araplar zaten hain değil" as Swedish, a language of no check, and send it to a person for nothing.
TURKISH_LETTERS = frozenset("ıİğĞ")
AZERBAIJANI_LETTERS = frozenset("əƏ")
TURKISH_SCRIPT_LANGUAGES = frozenset({"en", "tr", "az"})  # English: Turkish names in English news talk
TURKISH_RUNNER_UP = 0.1
KURMANJI_WORDS = frozenset("ez tu ew em hûn ji bi di ku jî nîne heye dike kir wî wê min te vê wan çi çima kurd "
                           "kurdistan û ne gelek baş zimanê kurdî ev evê ewê hene bû bûn dibe dikin dê were "
                           "welat gel gelê şer êrîş mirov jin zarok hikûmet partî pêşmerge serok rojava bakur "
                           "başûr hat hatin kuştin dixwazin dixwaze nû mezin piçûk li lê tê tên da de xwe xwedê "
                           "bila hemû vî vê çawa çêtir divê dîsa niha ye yê yên yekî jê pê "
                           "heta yan ko ango nûçe nûçeya rast bike kerem dengê gund gundî gundiyan neda nake "
                           "nabe nîn kî kengî wekî weke piştî berî hîn êdî tenê gelo erê belê spas silav roj "
                           "sal bajar kerkûkê hewlêr hewlêrê amed mala malê dewlet dewletê leşker tirk ereb "
                           "heval hevalno birano xwişk bira rojnamevan nivîskar".split())
# Names and words English comments take from Kurmanji ("Rojava", "Hewlêr", "Jin, jiyan, azadî"): they make no
# comment Kurmanji against its English words.
KURMANJI_NAMES = frozenset("kurd kurdistan kurdî pêşmerge serok partî rojava bakur başûr jin gel gelê heval hevalno "
                           "hewlêr hewlêrê amed kerkûkê tirk ereb silav spas newroz".split())
# Kurmanji shares "de", "da", "di", "li", "ne", "tu" with French, Spanish, Italian or Portuguese: a comment
# made mostly of such words needs a letter of Kurmanji's own too ("O presidente da república falou de novo").
KURMANJI_LETTERS = frozenset("êîûşÊÎÛŞ")
ENGLISH_WORDS = frozenset("the and is are was were to of in on for that this with you it not be have has they "
                          "he she we i what but all his her their there an by at from or as so if no do "
                          # Left out: words of the other languages read here ("can" and "got" are Turkish and
                          # Kurmanji, "me" Spanish, "my" Polish).
                          "would should could about which your our them been because people why how when "
                          "than then someone anyone only also very into does don't doesn't isn't".split())
# Kurmanji writes ê, î and û in most sentences (French and Portuguese in few of their words): a comment where
# they mark a quarter of the words and a Kurmanji word stands among them is Kurmanji ("Kerê gundê me li ser
# mayînê teqiya", which lingua, knowing no Kurdish, reads as French).
KURMANJI_MARKED = frozenset("êîûÊÎÛ")
KURMANJI_MARKED_SHARE = 0.25
KURMANJI_WORDS_BESIDE_MARKS = 0.1
# Frequent Turkish words no other language here shares, for comments too short or too plain for lingua ("amk bu
# ne biçim haber" it reads as Polish); Azerbaijani shares many and is told by its ə.
TURKISH_WORDS = frozenset("bu ve bir için çok ne ile gibi daha ama var yok değil haber mı mi mu mü diye olarak "
                          "olan kadar sonra şimdi neden nasıl şey hiç hep herkes biz siz onlar ben sen bunu şu "
                          "yine artık bile lütfen teşekkürler böyle öyle burada orada değildir olsun oldu".split())
TURKISH_WORD_SHARE = 0.35
# Fewer of them do beside a dotless ı or a ğ ("Araplar pis ve hain bir ırktır", which lingua reads as Swedish); a
# Turkish name in a German sentence ("Erdoğan ist ...") brings none.
TURKISH_WORDS_BESIDE_LETTERS = 0.15
# A name with a Turkish case ending after an apostrophe ("Amasya'da", "Erdoğan'ın") is how Turkish writes them.
TURKISH_CASE_ENDING = re.compile(
    r"\b[A-ZÇĞİÖŞÜ][a-zçğıöşü]+['’](?:da|de|ta|te|dan|den|tan|ten|nın|nin|nun|nün|ın|in|un|ün|ya|ye|yı|yi|yu|yü"
    r"|la|le|a|e|ı|i|u|ü)\b")
# Turkish's present tense ("gidiyor", "anlamıyorsun", "biliyoruz"), which no other language here ends a word with,
# typed with or without Turkish letters.
TURKISH_PRESENT = re.compile(r"\b\w{2,}(?:iyor|ıyor|uyor|üyor)(?:um|sun|uz|sunuz|lar|du|dum|muş|mus)?\b",
                             re.IGNORECASE)
WORD = re.compile(r"[^\W\d_]+")
NOT_LANGUAGE = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+|[@#]\w+|\b\w+\.(?:com|org|net)\b\S*")
MIN_WORDS = 4
MIN_SCRIPT_LETTERS = 10
LINGUA_SAMPLE_CHARS = 400


@lru_cache(maxsize=1)
def _detector():  # type: ignore[no-untyped-def]
    from lingua import Language, LanguageDetectorBuilder

    languages = [Language.ENGLISH, Language.TURKISH, Language.GERMAN, Language.FRENCH, Language.SPANISH,
                 Language.ITALIAN, Language.PORTUGUESE, Language.DUTCH, Language.SWEDISH, Language.POLISH,
                 Language.INDONESIAN, Language.AZERBAIJANI, Language.ROMANIAN]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


SCRIPTS = {
    "latin": re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]"),
    "arabic": re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]"),
    "cyrillic": re.compile(r"[\u0400-\u04FF]"),
    "greek": re.compile(r"[\u0370-\u03FF]"),
    "hebrew": re.compile(r"[\u0590-\u05FF]"),
    "cjk": re.compile(r"[\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF]"),
    "devanagari": re.compile(r"[\u0900-\u097F]"),
    "armenian": re.compile(r"[\u0530-\u058F]"),
    "georgian": re.compile(r"[\u10A0-\u10FF]"),
    "thai": re.compile(r"[\u0E00-\u0E7F]"),
}


def _main_script(text: str) -> tuple[str, float]:
    """The script most letters are written in, and their share of the letters counted."""
    counts = {name: len(pattern.findall(text)) for name, pattern in SCRIPTS.items()}
    total = sum(counts.values())
    if not total:
        return "other", 0.0
    script = max(counts, key=counts.__getitem__)
    return script, counts[script] / total


def detect(text: str) -> tuple[str | None, float]:
    """An ISO code (or a script name for scripts with no language checks) and a confidence in 0..1."""
    if any(mark in text for mark in ("://", "www", "@", "#", ".com", ".org", ".net")):
        text = NOT_LANGUAGE.sub(" ", text)
    words = WORD.findall(text)
    script, share = ("latin", 1.0) if text.isascii() else _main_script(text)
    if script not in ("latin", "arabic", "other") and len(SCRIPTS[script].findall(text)) >= MIN_SCRIPT_LETTERS:
        return script, share  # a script no check reads, whatever its word count (CJK has no spaces)
    if len(words) < MIN_WORDS:
        return None, 0.0
    if script == "arabic":
        letters = set(text)
        if letters & SORANI_LETTERS:
            return "ckb", share
        return ("fa", share) if letters & PERSIAN_LETTERS else ("ar", share)
    if script != "latin":
        return script, share
    lowered = [w.casefold() for w in words]
    english = sum(w in ENGLISH_WORDS for w in lowered) / len(lowered)
    kurmanji = sum(w in KURMANJI_WORDS for w in lowered) / len(lowered)
    letters = set(text)
    # "in" is Kurmanji's "are" too: as many Kurmanji words (names aside) as English ones, beside Kurmanji's letters,
    # is Kurmanji ("Elewî ne Misilman in, ew hemû bêdîn in", "Misilman hemû terorîst in").
    kurmanji_first = (not letters.isdisjoint(KURMANJI_LETTERS)
                      and 0 < sum(w in KURMANJI_WORDS and w not in KURMANJI_NAMES for w in lowered) / len(lowered)
                      >= english)
    if english < 0.15 and TURKISH_PRESENT.search(text):
        return "tr", share  # typed without Turkish letters: "Sikerim boyle ekonomiyi, maasin yarisi kiraya gidiyor"
    if (english >= 0.15 and not kurmanji_first) or (text.isascii() and (english >= 0.05 or len(words) < 8)):
        return "en", share  # plain ASCII that reads at all like English is treated as English
    if kurmanji >= 0.35 or (kurmanji >= 0.2 and not letters.isdisjoint(KURMANJI_LETTERS)):
        return "kmr", share
    if kurmanji >= KURMANJI_WORDS_BESIDE_MARKS and (
            sum(not KURMANJI_MARKED.isdisjoint(w) for w in words) / len(words) >= KURMANJI_MARKED_SHARE):
        return "kmr", share
    turkish_words = sum(w in TURKISH_WORDS for w in lowered) / len(lowered)
    if not letters & AZERBAIJANI_LETTERS and (turkish_words >= TURKISH_WORD_SHARE or (
            turkish_words >= TURKISH_WORDS_BESIDE_LETTERS and letters & TURKISH_LETTERS)):
        return "tr", share
    confidences = _detector().compute_language_confidence_values(text[:LINGUA_SAMPLE_CHARS])
    best = confidences[0]
    code = best.language.iso_code_639_1.name.lower()
    if code == "az" and not letters & AZERBAIJANI_LETTERS:
        return "tr", share  # Azerbaijani writes ə in nearly every sentence; lingua names it for short Turkish
    if code not in TURKISH_SCRIPT_LANGUAGES and not letters & AZERBAIJANI_LETTERS and (
            letters & TURKISH_LETTERS or TURKISH_CASE_ENDING.search(text)):
        turkish = next(c for c in confidences if c.language.iso_code_639_1.name == "TR")
        if turkish.value >= TURKISH_RUNNER_UP:
            return "tr", share  # "Erdoğan" in a German sentence leaves lingua's German sure: that stays German
    return code, best.value * share


class LanguageChecker:
    name = "language"
    version = "6"  # 2: dotless ı and ğ keep a short Turkish comment Turkish; 3: more Kurmanji words
    # 4: Kurmanji by its marked letters, Turkish by its frequent words and case endings, more English words
    # 5: Turkish by fewer frequent words beside ı or ğ, and what lingua calls Azerbaijani without an ə
    # 6: as many Kurmanji words as English ones, beside Kurmanji's letters, is not English ("... bêdîn in");
    # Turkish by its present tense, typed without Turkish letters too

    def __init__(self, covered: tuple[str, ...] = LANGUAGES, min_confidence: float = 0.6):
        self.covered = frozenset(covered)
        self.min_confidence = min_confidence
        _detector().compute_language_confidence_values("load every language model now, not on a comment")

    def check(self, context: CheckContext) -> list[Finding]:
        language, confidence = context.detected_language
        if language is None or language in self.covered or confidence < self.min_confidence:
            return []
        evidence = (Evidence(0, len(context.text), context.text, f"{self.name}:{language}"),)
        return [Finding(Code.unsupported_language, round(confidence, 3), evidence, self.name, self.version)]
