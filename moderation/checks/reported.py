"""Words the writer reports as someone else's: "he shouted 'I will kill you', the court heard".

The newsroom covers attacks and trials, and its readers quote what attackers said and what courts heard. A
threat quoted and attributed to a third party is reporting, not the writer's own threat. Attribution must be
plain: a reporting verb with a third party as its subject ("the gunman yelled", "messages saying", "'...', he
said") or a court or police frame ("the court heard", "prosecutors said", "was jailed for"), and nothing in the
sentence that makes the words the writer's ("I'll say it again", "from me", "my message"). When unsure the
words stay the writer's: a lowered score hides a threat from the review queue, a kept one costs a look.

Spans are in the text as written, so the pattern checkers (evidence) and the word lists (their matches) can
both ask.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

_FLAGS = re.IGNORECASE | re.VERBOSE
_LETTER = r"[^\W\d_]"


def _arabic_script(words: str) -> str:
    """A pattern of Arabic-script words that matches them however the writer's keyboard spells the letters:
    Persian or Arabic yeh and kaf, hamza on alef or not, a space or a zero-width non-joiner or nothing
    between the parts of a verb ("می‌گوید", "میگوید")."""
    classes = {"ی": "[یيى]", "ي": "[یيى]", "ک": "[کك]", "ك": "[کك]", "ا": "[اأإآ]", "أ": "[اأإآ]", "إ": "[اأإآ]",
               "ه": "[هة]", "ة": "[هة]", " ": "[\\s\u200c]*"}
    return "".join(classes.get(char, char) for char in words)


# Reporting verbs of the newsroom's other languages in their third-person forms: the person is in the verb
# (Arabic قال "he said", قلت "I said"; Turkish dedi, dedim; Sorani وتی, وتم; Persian گفت, گفتم), so a word for
# who spoke is not needed and Arabic may name the speaker after the verb. Forms that are also the first person
# when written without vowels (Arabic كتبت "I/she wrote") are left out: unsure, the words stay the writer's.
_OTHER_VERBS_ARABIC_SCRIPT = _arabic_script(
    # Arabic: said, shouted, cried out, chanted, wrote, threatened, vowed, added; "saying", "shouting", "threatening"
    "قال|قالت|قالوا|يقول|تقول|يقولون|صرخ|صرخوا|يصرخ|صاح|صاحوا|يصيح|هتف|هتفوا|يهتف|كتب|كتبوا|هدد|هددوا|يهدد|"
    "توعد|توعدوا|يتوعد|اضاف|اضافت|ردد|رددوا|يردد|قائلا|قائلاً|قائله|قائلين|مرددا|مردداً|مهددا|مهدداً|صارخا|صارخاً|"
    "هاتفا|هاتفاً|"
    # Sorani: he/they said, says, wrote, shouted, threatened, announced
    "وتی|گوتی|ووتی|وتیان|گوتیان|ووتیان|دەڵێت|دەڵێ|دەڵێن|نووسی|نووسیان|هاواری کرد|هاواریان کرد|هەڕەشەی کرد|"
    "هەڕەشەیان کرد|ڕایگەیاند|رایگەیاند|"
    # Persian: he/they said, says, wrote, shouted, threatened
    "گفت|گفتند|میگوید|میگویند|میگفت|نوشت|نوشتند|فریاد زد|فریاد زدند|فریاد میزد|تهدید کرد|تهدید کردند|"
    # an order given, and a name given to someone ("وصف المتهم '...'", "او را «...» نامید", "فەرمانی دا")
    "وصف|وصفوا|نعت|نعتوا|شتم|شتموا|دستور داد|دستور دادند|فرمان داد|فرمان دادند|نامید|نامیدند|خطاب کرد|"
    "خطاب کردند|گوت|پێی گوت|پێیان گوت|فەرمانی دا|فەرمانیان دا")
OTHER_REPORTING_VERB = rf"""(?:{_OTHER_VERBS_ARABIC_SCRIPT}
    # Turkish: said, saying, shouted, shouting, wrote, threatened (dedim, bağırdım are the writer's)
    |dedi|demiş|demis|dediler|demişler|diyerek|söyledi|söylemiş|bağırdı|bağırmış|bağırarak|
    haykırdı|haykırarak|yazdı|yazmış|yazarak|tehdit\s+etti|tehdit\s+ederek
    # Turkish: gave the order, ordered (emrettim, emri verdim are the writer's)
    |emri\s+verdi|emri\s+vermiş|emri\s+vermis|emrini\s+verdi|emrini\s+vermiş|talimatı\s+verdi|talimatını\s+verdi
    |emretti|emretmiş|emretmis
    # Kurmanji: shouted, was saying, says, wrote, threatened, ordered; "got" (said) only as "got ku", "got:" or
    # before a quotation mark ("got 'em ê...'"; English "got" is followed by words)
    |qîriya|qîrîya|qiriya|qêriya|qîriyan|qiriyan|qêriyan|digot|digotin|dibêje|dibêjin|gotibû|nivîsî|nivîsand|
    nivîsandibû|gef\s+xwar|gef\s+xwarin|ferman\s+da|ferman\s+dabû|emir\s+da|got(?=\s*(?:ku\b|kû\b|:|["“'‘«]|$))
)"""
# Turkish participles ("who shouted") name the speaker after the words ("'...' diyen militan"); before them they
# name whom the writer addresses ("bu yazıyı yazan gazeteciye: ...").
_TURKISH_PARTICIPLE = r"(?:diyen|söyleyen|bağıran|haykıran|yazan|tehdit\s+eden)"
# A clause that addresses someone: what follows its colon is the writer's message ("To the journalist who wrote
# this: ...", "إلى الصحفي الذي كتب هذا: ...").
ADDRESS = re.compile(r"""^[\s,;\-–—]*(?:@\w+\s*)*(?:to|dear|hey|oi|إلى|الى|بۆ|ji\s+bo|به|sayın|sevgili)(?!\w)""", _FLAGS)
# The writer or the reader as the one who spoke: "ben ... dedim" has its person in the verb, but "min got"
# (I said), "ez qîriyam" and "أنا قلت" say it in a word before.
_FIRST_OR_SECOND = frozenset("""i we you u ben biz sen siz ez em tu hûn hun min me te we أنا انا نحن إنت انت أنت انتم أنتم من
    ما تو شما ئێمە تۆ ئێوە""".split())

# Words a quotation opens with; the cheap test before any other work.
SPEECH_CUE = re.compile(rf"""["“”‘’'«»:]|\b(?:said|says|told|shouted|yelled|screamed|wrote|texted|messaged|
    emailed|tweeted|posted|warned|threatened|saying|telling|reading|heard)\b
    |(?<!\w)(?:{OTHER_REPORTING_VERB}|{_TURKISH_PARTICIPLE}|diye)(?!\w)""",
    _FLAGS)

# A threat quoted as a third party's ("the gunman yelled 'you will all die'") stays a finding the moderator
# sees, in the patterns and the word lists alike, scored below review and its evidence marked: the comment
# reports it.
REPORTED_SCORE = 0.3
REPORTED = ":reported"

QUOTE_LENGTH = 300
# A quotation on one line, at most QUOTE_LENGTH characters. An apostrophe inside a word ("I'm", "you’ll") does
# not end a single-quoted one; a quote mark glued to a letter on its outer side does not open or close one.
QUOTATION = re.compile(rf"""
    "[^"\n]{{1,{QUOTE_LENGTH}}}?"
  | “[^”"\n]{{1,{QUOTE_LENGTH}}}?[”"]
  | «[^»\n]{{1,{QUOTE_LENGTH}}}?»
  | (?<!{_LETTER})‘(?:[^’\n]|’(?={_LETTER})){{1,{QUOTE_LENGTH}}}?’(?!{_LETTER})
  | (?<![^\W_])'(?=[^\W_])(?:[^'\n]|'(?={_LETTER})){{1,{QUOTE_LENGTH}}}?'(?![^\W_])
""", _FLAGS)

# A quotation mark, not an apostrophe inside a word.
QUOTE_MARK = re.compile(r"""["“”«»‘]|(?<![^\W_])'|'(?![^\W_])|’(?![^\W_])""")

REPORTING_VERB = r"""(?:said|says|told|tells|shouted|shouts|yelled|yells|screamed|screams|wrote|writes|texted|
    messaged|emailed|e-mailed|tweeted|posted|warned|threatened|added|replied|chanted|whispered|muttered|stated|
    saying|telling|shouting|yelling|screaming|writing|reading|read|reads|stating|warning|threatening)"""
# Whom it was said to, between the verb and the words: "told her", "yelled at the officers", "texted his wife".
_HEARER = r"""(?:\s+(?:to\s+|at\s+)?(?:him|her|them|me|us|the\s+\w+|his\s+\w+|her\s+\w+|their\s+\w+|a\s+\w+|
    [^\W\d_]+(?=\s*(?:[,:"“‘'«]|$))))?"""  # a bare word right before the words or their punctuation
_THEN = r"(?:\s+(?:that|repeatedly|again|loudly|then|the\s+words|words\s+to\s+the\s+effect\s+of))?"

# A reporting verb right before a quotation: 'he told her "...', 'messages saying: "...'
FRAME_BEFORE_QUOTE = re.compile(rf"\b{REPORTING_VERB}{_HEARER}{_THEN}[\s,:\-–—]*$", _FLAGS)
# A reporting verb opening words without quotation marks, with a colon ("She texted him: ...") or none.
FRAME_BEFORE_COLON = re.compile(rf"\b{REPORTING_VERB}{_HEARER}{_THEN}\s*:", _FLAGS)
FRAME_BEFORE_BARE = re.compile(rf"\b{REPORTING_VERB}{_HEARER}{_THEN}\s*$", _FLAGS)
# Right after a quotation: '..., he said', '... ," said the man', '... is what she told him'.
FRAME_AFTER_QUOTE = re.compile(rf"""^[\s,;.!?\-–—]*(?:
    (?P<subject>(?:(?:the|a|an|his|her|their)\s+)?{_LETTER}+(?:\s+{_LETTER}+)?)\s+
        (?:allegedly\s+|reportedly\s+|later\s+|then\s+|had\s+|has\s+)?{REPORTING_VERB}\b
  | (?:said|shouted|yelled|wrote|added|screamed)\s+(?:the\s+)?{_LETTER}+
  | (?:is|was)\s+what\s+(?P<subject_after_what>{_LETTER}+(?:\s+{_LETTER}+)?)\s+{REPORTING_VERB}\b)""", _FLAGS)

# The other languages' verbs before the words, the speaker or the hearer between ("صرخ المهاجم '...'", "êrîşkar
# qîriya '...'"), with "that" (إن, ku, که, ki) or a colon; and after them, Turkish and Persian putting the verb
# last ("'...' diye bağıran militan", "'...' dedi", "«...» را فریاد زد").
_NOT_A_QUOTE = r"""[^\s"“”«»'‘’.!?]+"""
FRAME_BEFORE_OTHER = re.compile(rf"""(?<!\w){OTHER_REPORTING_VERB}(?P<between>(?:\s+{_NOT_A_QUOTE}){{0,3}}?)
    [\s,:،\-–—]*(?:(?<!\w)(?:ان|إن|أن|که|كه|کە|ku|kû|ki)\s*)?:?\s*$""", _FLAGS)
FRAME_COLON_OTHER = re.compile(rf"""(?<!\w){OTHER_REPORTING_VERB}(?:\s+{_NOT_A_QUOTE}){{0,3}}?\s*:""", _FLAGS)
# A Turkish verb in the third person after "diye" (saying): bağıran, bağırdı, yazmış, tehdit ederek; not
# bağırdım (I shouted) nor düşünüyorum (I think).
_TURKISH_THIRD_PERSON = r"""[^\W\d_]+(?:yor|yorlar|yordu|dı|di|du|dü|tı|ti|tu|tü|dılar|diler|dular|düler|tılar|tiler|
    mış|miş|muş|müş|an|en|arak|erek|ınca|ince|unca|ünce)(?!\w)"""
FRAME_AFTER_OTHER = re.compile(rf"""^[\s,;.!?،\-–—]*(?P<between>(?:{_NOT_A_QUOTE}\s+){{0,3}}?)
    (?:(?<!\w)(?:{OTHER_REPORTING_VERB}|{_TURKISH_PARTICIPLE})(?!\w)
    |diye\s+(?:{_NOT_A_QUOTE}\s+){{0,2}}?{_TURKISH_THIRD_PERSON})""", _FLAGS)

# A court, the police or a charge named in the sentence: the words are evidence in a case.
NEWS_FRAME = re.compile(rf"""
    \bthe\s+(?:court|jury|tribunal|inquest|hearing|trial)\s+(?:heard|was\s+told|were\s+told|was\s+shown)\b
  | \b(?:prosecutors?|police|officers|detectives|investigators|witnesses|officials|authorities|the\s+prosecution|
        the\s+indictment|the\s+complaint|court\s+(?:documents|papers|records|filings)|the\s+charge\s+sheet|
        the\s+judge|the\s+victims?|the\s+family)\s+(?:said|say|says|allege|alleged|alleges|stated|told|testified)\b
  | \baccording\s+to\s+(?!(?:me|us|my|our)\b)
  | \b(?:was|were|been|being|is|are)\s+(?:charged|jailed|convicted|sentenced|arrested|accused|indicted|fined|
        prosecuted|detained|cleared|acquitted|found\s+guilty|imprisoned)\s+(?:with|for|of|after|over)\b
  | \bpleaded\s+(?:guilty|not\s+guilty)\b
  # the police, a court, a prosecutor, an arrest or a charge in Arabic, Turkish, Kurmanji, Persian and Sorani
  | (?<!\w)(?:{_arabic_script(
        "الشرطه|شرطه|المحكمه|محكمه|النيابه|الادعاء|المدعي العام|اعتقل|اعتقلت|اعتقاله|يعتقل|اعتقال|القبض عليه|"
        "القي القبض|بتهمه|ادين|حكم عليه|"
        "پلیس|دادگاه|دادستان|بازداشت|دستگیر شد|دستگیر شدند|کیفرخواست|محکوم شد|"
        "پۆلیس|دادگا|دەستگیرکرا|دەستگیر کرا|دەستگیرکران|تۆمەتبار")})
  | (?<!\w)(?:polis|emniyet|mahkeme|savcı|savcılık|iddianame|yakalandı|yakalanan|gözaltına|tutuklandı|tutuklanan|
        hüküm\s+giydi|ceza\s+aldı|hapis\s+cezası|sanık
        |polîs|dadgeh|dozger|hat\s+girtin|hate\s+girtin|hatin\s+girtin|hatine\s+girtin|hat\s+desteserkirin)(?!\w)
""", _FLAGS)

# The writer owns the words: said by "I" or "we", sent "from me", "my message", agreed with ("and so do I").
OWNED = re.compile(rf"""
    \b(?:i|we)(?:['’](?:ll|d|ve|m))?\s+(?:(?:will|would|shall|must|just|have|had|do|did|really|also|again|now|
        always|hereby|can|could|want\s+to|wanna|gotta|am\s+going\s+to|going\s+to|gonna)\s+){{0,2}}
        (?:say|said|says|tell|told|repeat|mean|write|wrote|send|sent|promise|swear|warn|warned|agree|second)\b
  | \b(?:my|our)\s+(?:message|words|answer|reply|promise|warning|advice|response)\b
  | \bfrom\s+(?:me|us)\b | \bmark\s+my\s+words\b | \bso\s+(?:do|say)\s+(?:i|we)\b | \bsame\s+(?:here|goes)\b
  | \bwell\s+said\b | \bhear,?\s+hear\b | \bamen\b | \bagreed?\b | \bditto\b | \bme\s+too\b
  # "Exactly." or "exactly right" agrees; "that is exactly the kind of threat ..." judges what was said
  | \bexactly(?:\s+(?:right|this|that|so))?(?=\s*(?:[.!,;:)]|$))
  | \bthe\s+same\s+(?:to|for|goes)\b | \b(?:he|she|they|who)(?:['’](?:s|re)|\s+(?:is|are|was|were))\s+(?:so\s+)?right\b
  | \b(?:he|she|they)(?:['’](?:s|re)|\s+(?:is|are|was|were))\s+not\s+wrong\b | \b(?:and\s+|quite\s+)rightly\b
  | \brightly\s+so\b | \bdeservedly\b | \bfair\s+enough\b
  # a name another gave, taken up: "they call you 'idiot' for a reason", "... and you are", "it fits"
  | \b(?:for|with)\s+(?:a|good)\s+reason\b | \band\s+(?:you|he|she|they)\s+(?:are|is|was|were)(?=\s*(?:[.!,;]|$))
  | \b(?:it|that|the\s+(?:name|word|label))\s+(?:fits|suits)\b | \b(?:and\s+)?(?:it's|that's|it\s+is|that\s+is)\s+true\b
  | \b(?:as|like)\s+(?:\w+\s+){{0,2}}?(?:said|says|put\s+it)\b
  # "I say it too", "he is right", "well done", "amen" in the other languages
  | (?<!\w)(?:{_arabic_script(
        "وانا اقول|انا اقول|اقولها|اكررها|معه حق|معهم حق|صدق|احسنت|كلامه صحيح|امين|اللهم امين|"
        "منم میگم|من هم میگویم|منم میگویم|موافقم|راست میگه|درست میگه|آفرین|ایول|آمین|"
        "منیش دەڵێم|ئێمەش دەڵێین|ڕاستە|ڕاست دەکات|ئافەرین|بژی|ئامین")}
      |ben\s+de\s+(?:diyorum|derim|söylüyorum)|bence\s+de|katılıyorum|aynen|haklı|haklılar|haklıydı|doğru\s+söylüyor|
      doğru\s+demiş|helal\s+olsun|aferin|amin|âmin
      |ez\s+jî\s+dibêjim|em\s+jî\s+dibêjin|rast\s+e|rast\s+dibêje|rast\s+gotiye|bijî|amîn)(?!\w)""", _FLAGS)

# Words before a reporting verb that say it was not said by a third party: "I said", "someone should say".
NOT_A_THIRD_PARTY = frozenset("""i we you u ya yall y'all i'll i'd we'll we'd you'll you'd i've we've let's
    should must would could will shall can might may to please let lets""".split())
# Words passed over to reach the subject: "he had allegedly said", "the man then yelled".
AUXILIARY = frozenset("""allegedly reportedly repeatedly then later also once had has have previously
    apparently just clearly calmly again suddenly""".split())
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")
REACH = 160  # characters around the words where their frame is looked for


def reported_by_another(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` lies in speech the writer plainly reports as a third party's."""
    if not SPEECH_CUE.search(text, max(0, start - QUOTE_LENGTH - REACH), end + QUOTE_LENGTH + REACH):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    quotes = _quotations(text, line_start, line_end)
    around = bisect.bisect_left(quotes, (start, start)) - 1  # the last quotation opening before the words
    if around >= 0 and end <= quotes[around][1]:
        quote_start, quote_end = quotes[around]
        before = _clause_before(text, line_start, quote_start)
        after = _clause_after(text, quote_end, line_end)
        return _quote_attributed(before, after) and not _owned(text, line_start, quote_start, quote_end, line_end)
    # words without quotation marks, after "She texted him:" or, in a court report, right after the verb
    before = _clause_before(text, line_start, start)
    after = _clause_after(text, end, line_end)
    if _owned(text, line_start, start, end, line_end):
        return False
    colon = None
    for colon in FRAME_BEFORE_COLON.finditer(before):
        pass
    if (colon is not None and _third_party_said(before, colon.start()) and not ADDRESS.match(before)
            and not QUOTE_MARK.search(before, colon.end())):  # not 'He said: "you are wrong" and I will ...'
        return True
    bare = FRAME_BEFORE_BARE.search(before)
    if bare is not None and _third_party_said(before, bare.start()):
        return bool(NEWS_FRAME.search(before) or NEWS_FRAME.search(after))
    colon = None
    for colon in FRAME_COLON_OTHER.finditer(before):
        pass
    if (colon is not None and not QUOTE_MARK.search(before, colon.end()) and not ADDRESS.match(before)
            and _said_by_another_before(before[:colon.end() - 1])):  # "صرخ المهاجم: سأقتلكم", "qîriya: ez ê ..."
        return True
    # the other languages: the verb right before the words ("صرخ المهاجم: ..."), or Turkish "diye" after them,
    # in a report of the police or a court
    if _said_by_another_before(before) or _said_by_another_after(after):
        return bool(NEWS_FRAME.search(before) or NEWS_FRAME.search(after))
    return False


# An insult the writer reports in Turkish as what another said: "Şerefsiz dedi diye dava açıldı" (a case was opened
# because he said "dishonourable"), "'şerefsiz' demekten yargılandı" (tried for saying it), "şerefsiz hakaretinden
# ceza aldı". Right after the insult, a few words of it aside, comes a third-person "said" that gives a cause ("dedi
# diye", "dediği için", "demesi üzerine"; "dediği", "demesi" are his or hers, "dediğim" mine): reporting on its own.
# Or the insult is named as such ("diye", "demekten", "hakaretinden", "sözleri") or said in the third person ("dedi"),
# in a sentence of a case, a charge, the police or a penalty. The writer's own ("dedim", "diyorum") is no report.
_TR_SAID_BECAUSE = r"""(?:(?:dedi|demiş|demis|dediler|demişler|demisler|demişti|demisti)\s+diye
    |dediği|dedigi|dedikleri|dediğinden|dediginden|dediklerinden|dediği\s+için|dedigi\s+icin|demesi|demeleri
    |demesinden|demelerinden|demesiyle|demesi\s+üzerine|demesi\s+uzerine)"""
_TR_SAID_NAMED = r"""(?:diye|diyerek|demekten|demekle|demek\s+suçundan|demek\s+sucundan|dedi|demiş|demis|dediler
    |demişler|demisler|demişti|demisti)"""
# the insult named by a noun right after it ("şerefsiz hakaretinden", "'şerefsiz' sözü"), no word between
_TR_INSULT_NAMED = r"""(?:hakaret\w*|sözleri\w*|sozleri\w*|sözünden|sozunden|sözü|sozu|ifadesi\w*|lafı\w*|lafi\w*
    |küfr\w*|kufr\w*)"""
TR_INSULT_REPORTED = re.compile(rf"""[\s"'’”»,]*(?:(?P<noun>{_TR_INSULT_NAMED})
    |(?P<between>(?:[^\W\d_]+[\s"'’”»,]+){{0,3}}?)(?:(?P<because>{_TR_SAID_BECAUSE})|{_TR_SAID_NAMED}))(?!\w)""",
    _FLAGS)
# A case, a charge, a court, the police or a penalty, in Turkish.
TR_CASE = re.compile(r"""\b(?:dava|yargıla|yargila|ceza|hapis|hapse|tutukla|gözaltı|gozalti|soruştur|sorustur|şikayet
    |şikâyet|sikayet|kovuştur|kovustur|mahkeme|mahkûm|mahkum|savcı|savci|tazminat|suç\s+duyuru|suc\s+duyuru|ihraç
    |ihrac|kovuldu|kınandı|kinandi|disiplin|sanık|sanik|polis|emniyet|ifadeye|hakim(?!iyet)|hâkim|karakol|suçlan|suclan
    |ihbar)""", _FLAGS)


def insult_reported(text: str, start: int, end: int) -> bool:
    """Whether the insult at `text[start:end]` is one the writer reports in Turkish as another's words (see above)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    after = _clause_after(text, end, line_end)
    frame = TR_INSULT_REPORTED.match(after)
    if frame is None or any(word in _FIRST_OR_SECOND for word in _words(frame.group("between") or "")):
        return False
    if _owned(text, line_start, start, end, line_end):
        return False
    if frame.group("because"):
        return True
    return bool(TR_CASE.search(after, frame.end()) or TR_CASE.search(_clause_before(text, line_start, start)))


# A name another gave someone, in quotation marks: "the minister called the protesters 'bastards'", "branded him a
# 'traitor'", "'Bastards' is what the minister called them". Said of an insult only: "called for '...'" reports a
# call, not a name, and threats have their own frames above.
_NAMING_VERB = r"(?:called|calls|call|labell?ed|branded|dubbed|described|nicknamed|insulted|named)"
FRAME_NAMING_BEFORE = re.compile(rf"""\b{_NAMING_VERB}(?!\s+(?:for|on|off|out|up|back|in)\b)
    (?:\s+[^\W\d_]+){{0,4}}?(?:\s+as)?(?:\s+(?:an?|the))?[\s,:\-–—]*$""", _FLAGS)
FRAME_NAMING_AFTER = re.compile(rf"""^[\s,;\-–—]*(?:is|was|are|were|['’]s)\s+what\s+
    (?P<subject>(?:{_LETTER}+\s+){{0,2}}?{_LETTER}+)\s+(?:has\s+|had\s+|have\s+|allegedly\s+|reportedly\s+)?
    {_NAMING_VERB}\b""", _FLAGS)


def quoted_insult_reported(text: str, start: int, end: int) -> bool:
    """Whether the insult at `text[start:end]` lies in quotation marks the writer sets out as another's words:
    said, shouted or written by a third party ("'Şerefsiz' diye bağırdı", "گفت «...»"), or a name a third party
    gave someone ("the minister called the protesters 'bastards'"), and not taken up by the writer ("and he was
    right"). Unquoted, an insult stays the writer's (but see `insult_reported`)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    quotes = _quotations(text, line_start, line_end)
    around = bisect.bisect_left(quotes, (start, start)) - 1
    if around < 0 or end > quotes[around][1]:
        return False
    quote_start, quote_end = quotes[around]
    return _quote_said(text, quote_start, quote_end, line_start, line_end, naming=True)


def _quote_said(text: str, quote_start: int, quote_end: int, line_start: int, line_end: int, naming: bool) -> bool:
    before = _clause_before(text, line_start, quote_start)
    after = _clause_after(text, quote_end, line_end)
    if not (_quote_attributed(before, after) or (naming and _named_by_another(before, after))):
        return False
    return not _owned(text, line_start, quote_start, quote_end, line_end)


def _named_by_another(before: str, after: str) -> bool:
    frame = FRAME_NAMING_BEFORE.search(before)
    if frame is not None and _third_party_said(before, frame.start()):
        return True
    following = FRAME_NAMING_AFTER.match(after)
    return following is not None and _words(following.group("subject"))[-1] not in NOT_A_THIRD_PARTY


MAX_QUOTATIONS = 20  # asked about in one comment; a comment of more quotations is no court report


def reported_quotations(text: str) -> list[tuple[int, int]]:
    """The quotations, quote marks included, that the writer reports as a third party's: what a scorer that
    reads a whole comment (the learned one) can blank before judging whether the writer threatens."""
    return _said_quotations(text)[0]


def said_quotations(text: str) -> list[tuple[int, int]]:
    """The reported quotations and those a third party gave someone as a name ("called them 'bastards'"): what
    the learned scorer blanks before judging whether the writer insults."""
    return _said_quotations(text)[1]


@lru_cache(maxsize=16)
def _said_quotations(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    if not SPEECH_CUE.search(text):
        return [], []
    spans: list[tuple[int, int]] = []
    named: list[tuple[int, int]] = []
    line_start = 0
    asked = 0
    while line_start <= len(text) and asked < MAX_QUOTATIONS:
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        for start, end in _quotations(text, line_start, line_end)[:MAX_QUOTATIONS - asked]:
            asked += 1
            if reported_by_another(text, start + 1, end - 1):
                spans.append((start, end))
                named.append((start, end))
            elif _quote_said(text, start, end, line_start, line_end, naming=True):
                named.append((start, end))
        line_start = line_end + 1
    return spans, named


@lru_cache(maxsize=16)
def _quotations(text: str, line_start: int, line_end: int) -> list[tuple[int, int]]:
    """The quotations of a line, paired from its start, found once for all the words asked about in it."""
    return [quote.span() for quote in QUOTATION.finditer(text, line_start, line_end)]


def _clause_before(text: str, line_start: int, at: int) -> str:
    """The sentence before position `at`, back to its start (at most REACH characters)."""
    window_start = max(line_start, at - REACH)
    window = text[window_start:at]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    return window[ends[-1]:] if ends else window


def _clause_after(text: str, at: int, line_end: int) -> str:
    """The rest of the sentence after position `at` (at most REACH characters)."""
    window = text[at:min(line_end, at + REACH)]
    first_end = _SENTENCE_END.search(window)
    return window[:first_end.end()] if first_end else window


def _quote_attributed(before: str, after: str) -> bool:
    frame = FRAME_BEFORE_QUOTE.search(before)
    if frame is not None and _third_party_said(before, frame.start()):
        return True
    if _said_by_another_before(before) or _said_by_another_after(after):
        return True
    following = FRAME_AFTER_QUOTE.match(after)
    if following is not None:
        subject = following.group("subject") or following.group("subject_after_what")
        if subject is None or _words(subject)[-1] not in NOT_A_THIRD_PARTY:
            return True
    return bool(NEWS_FRAME.search(before) or NEWS_FRAME.search(after))


def _third_party_said(before: str, verb_start: int) -> bool:
    """Whether the reporting verb at `verb_start` has a third party as its subject: not "I", not "someone should"."""
    for word in reversed(_words(before[:verb_start])):
        if word in AUXILIARY:
            continue
        return word not in NOT_A_THIRD_PARTY
    return False  # no subject: an order ("Say to him ...") or a sentence that starts with the verb


def _said_by_another_before(before: str) -> bool:
    """Whether `before` ends with a third-person reporting verb of the other languages, no word of the writer's
    or the reader's ("ben", "min", "أنا") right before it or between it and the words."""
    frame = None
    for frame in FRAME_BEFORE_OTHER.finditer(before):
        pass
    if frame is None:
        return False
    previous = _words(before[:frame.start()])[-1:]
    return not any(word in _FIRST_OR_SECOND for word in previous + _words(frame.group("between")))


def _said_by_another_after(after: str) -> bool:
    """Whether `after` opens with such a verb (Turkish and Persian put it last), no word of the writer's first."""
    frame = FRAME_AFTER_OTHER.match(after)
    return frame is not None and not any(word in _FIRST_OR_SECOND for word in _words(frame.group("between")))


def _owned(text: str, line_start: int, start: int, end: int, line_end: int) -> bool:
    """Whether the writer takes the words as their own, in the sentence or the ones either side on the line."""
    return bool(OWNED.search(text, max(line_start, start - REACH), start)
                or OWNED.search(text, end, min(line_end, end + REACH)))


def _words(text: str) -> list[str]:
    return [w.casefold().replace("’", "'") for w in _WORD.findall(text)]
