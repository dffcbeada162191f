"""Words a writer quotes in order to reject them: a mention, not a use.

"Stop calling refugees 'invaders'" argues against a word; a scorer that reads the whole comment (the learned
one) took the quoted word for the writer's own and called the rebuttal xenophobia (0.78). The quoted words are
blanked for it when the sentence rejects them as names for someone, and an insult of the word lists found there
("stop calling me an 'idiot'") is lowered under review; a slur stays a finding, as it would still be printed. A
quoted word the writer applies ("refugees are 'invaders'", "the word 'idiot' fits you") is not a rejected
mention and stays.

Arabic, Turkish and Persian put the rejection after the quoted words, as a name for what they are ("وصف
الإيزيديين بأنهم 'عبدة الشيطان' كذبة": calling the Yazidis 'devil worshippers' is a lie; "'işgalci' demek
ırkçılıktır"; "«اشغالگر» خواندن پناهجویان دروغ است") or as a plea not to say them ("Suriyelilere 'işgalci'
demeyin", "به مهاجران «اشغالگر» نگویید"); Arabic may plead before them too ("كفوا عن وصف اللاجئين بـ'الغزاة'").
A claim named a lie or racism (`rejected_as_untrue`) lowers more than an insult: the word lists' weaker group
words, those also quoted in reporting ("عبدة الشيطان"), are lowered there too. "Is no lie" ("ليست كذبة", "yalan
değil", "دروغ نیست") and "a lie?" ("yalan mı?", "كذبة؟") reject nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from moderation.checks.reported import _arabic_script

MENTIONED = ":mentioned"  # added to the evidence's rule of a word list's insult found inside such a quotation
MENTIONED_SCORE = 0.3  # shown to a moderator who asks for every score; never holds a comment alone

_QUOTED = r"""(?:'[^'\n]{1,40}'|"[^"\n]{1,40}"|‘[^’\n]{1,40}’|“[^”\n]{1,40}”|«[^»\n]{1,40}»)"""
# "stop calling them 'x'", "don't call refugees 'x'", "quit labelling us as 'x'", "never describe them as 'x'"
_REJECTED = (r"\b(?:stop|quit|don't|don’t|do\s+not|never|please\s+stop|enough\s+of)\s+(?:calling|call|labell?ing"
             r"|label|branding|brand|describing|describe|referring\s+to|saying|say)\b[^.!?\n]{0,40}?")
# Arabic: "stop describing / naming them ...", "don't describe / call them ...", the quoted words after
_REJECTED_ARABIC = _arabic_script(
    "كفوا عن|كفو عن|كفى|كفاكم|توقفوا عن|توقف عن|كف عن|بطلوا|بلاش|يكفي|لا تصفوا|لا تصف|لا تسموا|لا تسمي|لا تنعتوا"
    "|لا تنعت|لا تطلقوا|لا تقولوا عن|لا تقول عن")
MENTION = re.compile(rf"(?:{_REJECTED}|(?<!\w)(?:{_REJECTED_ARABIC})(?!\w)[^.!?؟\n]{{0,40}}?)(?P<quoted>{_QUOTED})",
                     re.IGNORECASE)

# After the quoted words: at most two words that name the saying ("وصف", "demek", "خواندن") or point back ("هذا",
# "bu"), then the claim named untrue or racist, or a plea not to say it.
_UNTRUE_ARABIC = _arabic_script(
    "كذبة|كذبه|كذب|افتراء|عنصرية|عنصري|خرافة|هراء|تحريض|بهتان|تضليل|باطل|اهانة|تشويه|غير صحيح|مغالطة|اساءة")
_UNTRUE_PERSIAN = _arabic_script(
    "دروغ است|دروغه|دروغی بیش نیست|دروغ محض|تهمت است|تهمته|نژادپرستی است|نژادپرستیه|نژادپرستانه است|نژادپرستانه"
    "|توهین است|توهینه|افترا است|افتراست|غلط است|غلطه|مزخرف است|مزخرفه|خرافه است|خرافه|نادرست است|بی اساس است")
_UNTRUE_TURKISH = (r"yalan|yalandır|yalandir|yalanı|yalani|iftira|iftiradır|iftiradir|iftirası|iftirasi|ırkçılık"
                   r"|ırkçılıktır|irkcilik|irkciliktir|ırkçı|irkci|ırkçıca|irkcica|nefret\s+söylemi|nefret\s+soylemi"
                   r"|nefret\s+söylemidir|nefret\s+soylemidir|saçmalık|sacmalik|asılsız|asilsiz|asılsızdır|asilsizdir"
                   r"|yanlış|yanlis|yanlıştır|yanlistir|hakarettir")
# Kurmanji and Sorani: racism, a lie, slander, untrue, wrong, an insult ("'...' nijadperestî ye", "'...' درۆیە")
_UNTRUE_KURDISH = (r"nijadperestî|nijadperestiye|nijadperestî\s+ye|nijadperestiyê|nijadperesti|nîjadperestî|rasîzm"
                   r"|rasîzm\s+e|rasîst|derew|derew\s+e|derewe|derewek\s+e|bêbingeh|bêbingeh\s+e|buhtan|buhtan\s+e"
                   r"|şaş\s+e|şaşe|ne\s+rast\s+e|heqaret\s+e|heqaret|"
                   + _arabic_script("ڕەگەزپەرستییە|ڕەگەزپەرستیە|ڕەگەزپەرستی|ڕەگەزپەرستانەیە|رەگەزپەرستییە|رەگەزپەرستیە"
                                    "|رەگەزپەرستی|نەژادپەرستییە|نەژادپەرستیە|نەژادپەرستی|درۆیە|درۆ یە|درۆیەکە|درۆ"
                                    "|بوختانە|ناڕاستە|ناراستە|هەڵەیە|سووکایەتییە|سوکایەتیە"))
_PLEA = (r"nebêjin|nebejin|nebêje|nebeje|"
         + _arabic_script("مەڵێن|مەڵێ|مەڵین") + r"|demeyin|demeyiniz|demeyelim|demeyi\s+bırakın|demeyi\s+birakin|demekten\s+vazgeçin|demekten\s+vazgecin"
         r"|diye\s+anmayın|diye\s+anmayin|diye\s+bahsetmeyin|"
         + _arabic_script("نگویید|نگید|نگو|نخوانید|ننامید|صدا نزنید"))
_SAYING = _arabic_script(
    "وصف|وصفهم|تسمية|تسميتهم|نعت|نعتهم|اطلاق|هذا|هذه|هو|هي|ده|دي|مجرد|محض|وهذا|وهو|انه|انها|"
    "خواندن|نامیدن|گفتن|دانستن|توصیف|لقب|برچسب|اتهام|ادعای|ادعا|این|") + (
    r"demek|demeyi|demesi|denmesi|sözü|sozu|iddiası|iddiasi|yaftası|yaftasi|etiketi|söylemi|soylemi|ithamı|ithami"
    r"|nitelemesi|bu|tamamen|tam|bir|düpedüz|dupeduz|açık|acik|resmen"
    r"|gotin|gotina|ev|eve|tenê|bi\s+tenê|eşkere|" + _arabic_script("گوتن|وتن|ئەمە|ئەوە|تەنها|ڕاستەوخۆ"))
_NOT = _arabic_script("نیست|نیس|نییە|نیە") + r"|değil|degil|değildir|degildir|nîne|nine|nîn\s+e"
_WORD = r"[^\W\d_]+(?:\u200c[^\W\d_]+)*"
# "yalan söylemek" is to lie: "'...' demek için yalan söylemeye gerek yok" says the claim is true
UNTRUE_AFTER = re.compile(rf"""[\s,:،\-–—]*(?:(?:{_SAYING})(?!\w)[\s,\u200c]*(?:{_WORD}[\s,\u200c]+)?){{0,2}}?
    (?<!\bne\s)(?:(?P<untrue>{_UNTRUE_ARABIC}|{_UNTRUE_PERSIAN}|{_UNTRUE_TURKISH}|{_UNTRUE_KURDISH})|{_PLEA})(?!\w)
    (?![\s,]*(?:(?:{_NOT}|mi|mı|mu|mü)(?!\w)|söyle|soyle|[?؟]))""", re.IGNORECASE | re.VERBOSE)
# English names the saying first and judges it after the quoted words: "Calling refugees 'parasites' is racist",
# "The line 'Kurds are X' in the comments above is a lie", "Saying 'Arabs are Y' is plain bigotry". Nothing between
# the words and the judgement says "not" ("calling them 'x' is not racist"); a question rejects nothing.
_UNTRUE_ENGLISH = r"""(?:racist|racism|bigoted|bigotry|xenophobic|xenophobia|hateful|hate\s+speech|a\s+lie|lies|a\s+myth|
    false|untrue|slander|a\s+slur|an\s+insult|dehumani[sz]ing|islamophobic|islamophobia|antisemitic|antisemitism|
    sexist|homophobic|offensive|disgusting|shameful|unacceptable|wrong|nonsense|propaganda)"""
ENGLISH_REJECTED = re.compile(rf"""\b(?:calling|saying|to\s+call|to\s+say|describing|labell?ing|branding|
    the\s+(?:word|words|term|line|claim|phrase|label|comment|idea|slur|notion|remark|statement|chant|slogan|lie|myth))\b
    (?:[^.!?\n'"‘“«]|(?<=\w)['’](?=\w)){{0,60}}?(?P<quoted>{_QUOTED})
    (?:(?!\b(?:not|isn['’]t|aren['’]t|wasn['’]t|weren['’]t|no|never|hardly)\b)[^.!?\n]){{0,50}}?
    (?P<judged>\b(?:is|are|was|were|sounds|seems)\s+(?:just\s+|simply\s+|pure\s+|plain\s+|outright\s+|blatantly\s+|
    blatant\s+|clearly\s+|totally\s+|completely\s+|utterly\s+|so\s+|very\s+|deeply\s+|nothing\s+but\s+)?
    {_UNTRUE_ENGLISH})\b(?!\s*\?)""", re.IGNORECASE | re.VERBOSE)
QUOTED = re.compile(_QUOTED)
_CUE = re.compile(r"['\"‘“«]")


def mentioned_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the quoted words (quote marks included) that the text rejects as names for someone."""
    return [(start, end) for start, end, _ in _mentions(text)]


def rejecting_words(text: str) -> list[tuple[int, int]]:
    """Spans of the English words that judge a quoted claim ("is racist" in "calling them 'x' is racist"): a
    scorer that reads the whole comment learned "racist" from abuse, and blanks them with the quoted words."""
    return _rejections(text)


def rejected_as_untrue(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` lies inside quoted words the text names a lie or racism ("... 'x' كذبة")."""
    return any(s <= start and end <= e and untrue for s, e, untrue in _mentions(text))


@lru_cache(maxsize=16)
def _mentions(text: str) -> list[tuple[int, int, bool]]:
    if not _CUE.search(text):
        return []
    found = {match.span("quoted"): False for match in MENTION.finditer(text)}
    for match in _english_rejected(text):
        found[match.span("quoted")] = True
    for mark in _CUE.finditer(text):  # each mark may open one: "Suriyeliler'e 'işgalci'" pairs no apostrophe first
        quote = QUOTED.match(text, mark.start())
        if quote is None:
            continue
        after = UNTRUE_AFTER.match(text, quote.end())
        if after is not None:
            found[quote.span()] = found.get(quote.span(), False) or after.group("untrue") is not None
    return sorted((start, end, untrue) for (start, end), untrue in found.items())


@lru_cache(maxsize=16)
def _english_rejected(text: str) -> list[re.Match[str]]:
    return list(ENGLISH_REJECTED.finditer(text)) if _CUE.search(text) else []


def _rejections(text: str) -> list[tuple[int, int]]:
    return [match.span("judged") for match in _english_rejected(text)]
