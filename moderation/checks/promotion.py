"""Promotion: links, e-mail addresses, phone numbers, social handles, and the words of ads and self-promotion.

Links to news, government and reference sites are citations, not promotion. Contacts are commercial
when the comment sells something, personal otherwise. The same contact posted under other articles or by
other authors lately (counted by the service, passed in the context) is the mark of a spam run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from moderation.checks import CheckContext, Evidence, Finding
from moderation.checks.matching import TermMatcher
from moderation.checks.regex_trie import union
from moderation.checks.required import required_search, required_words
from moderation.guidelines import Code

ALLOWED_DOMAINS = frozenset("""
wikipedia.org wikimedia.org wiktionary.org wikidata.org archive.org doi.org arxiv.org pubmed.ncbi.nlm.nih.gov
nature.com science.org sciencedirect.com bbc.co.uk bbc.com reuters.com apnews.com ap.org afp.com aljazeera.com
aljazeera.net theguardian.com nytimes.com washingtonpost.com wsj.com economist.com ft.com bloomberg.com cnn.com
npr.org pbs.org dw.com france24.com euronews.com rferl.org voanews.com independent.co.uk telegraph.co.uk
politico.com politico.eu axios.com theatlantic.com newyorker.com time.com lemonde.fr spiegel.de rudaw.net
kurdistan24.net basnews.com bianet.org hurriyetdailynews.com hurriyet.com.tr aa.com.tr trtworld.com
dailysabah.com duvarenglish.com iranintl.com radiofarda.com bbc.com.tr alarabiya.net asharq.com
middleeasteye.net al-monitor.com un.org who.int unhcr.org unicef.org icrc.org amnesty.org hrw.org europa.eu
nato.int worldbank.org imf.org oecd.org factcheck.org snopes.com fullfact.org ourworldindata.org
""".split())
ALLOWED_SUFFIXES = (".gov", ".edu", ".int", ".mil", ".gov.uk", ".ac.uk", ".gov.tr", ".edu.tr", ".gov.krd",
                    ".gov.iq", ".gov.ir", ".ac.ir", ".europa.eu", ".gc.ca", ".gov.au", ".edu.au")
# Where a link leads to a person's own page or a collection box, not to a source: profiles, music pages,
# fundraisers, tip jars.
SELF_PROMOTION_HOSTS = frozenset("""
facebook.com fb.com twitter.com x.com instagram.com tiktok.com twitch.tv soundcloud.com reverbnation.com
bandcamp.com linktr.ee onlyfans.com patreon.com gofundme.com indiegogo.com kickstarter.com ko-fi.com
buymeacoffee.com paypal.me cash.app venmo.com vakinha.com.br tsu.co
""".split())
# t.co is not among them: Twitter wraps every link of a tweet in it, so it marks a pasted tweet, not a link
# someone chose to hide.
SHORTENERS = frozenset("bit.ly tinyurl.com goo.gl ow.ly is.gd buff.ly rebrand.ly cutt.ly shorturl.at "
                       "tiny.cc rb.gy s.id t.me wa.me linktr.ee".split())
TLDS = ("com|net|org|info|biz|io|co|me|tv|xyz|shop|store|online|site|ly|gl|to|app|dev|club|live|link|click|"
        "top|vip|ru|uk|de|tr|ir|iq|ae|sa|fr|in|us|ca|au|es|it|nl|pl|br|cn|jp|kr|eu|krd|be|ch|at|se|no|dk|fi|gg")

# Dots written so that no link is made, the way spam slips past link filters: "shop[.]com", "shop (dot) net",
# "shop . com", "hxxp://". Nobody disguises a source they cite, so a disguised link counts more than a plain one.
SPAM_TLDS = "com|net|org|info|biz|io|xyz|shop|store|online|site|ru|top|club|gg"
SPACED_TLDS = "com|ru|xyz|biz"  # after a spaced dot: "Net", "Top", "At" and "Me" start sentences
URL = re.compile(rf"""
    (?:https?://|h[tx]{{2}}ps?(?:://|\[:\]//)|www\.)[^\s<>"'()\[\]]*[^\s<>"'()\[\].,;:!?]  # not the sentence's comma
  | \b(?:[a-z0-9](?:[a-z0-9-]{{0,61}}[a-z0-9])?\.)+(?:{TLDS})\b(?:/[^\s<>"']*)?
  | \b[a-z0-9-]{{3,}}\s*(?:\(dot\)|\[dot\]|\{{dot\}}|\(\.\)|\[\.\]|\{{\.\}}|\sdot\s)\s*(?:{TLDS})\b
  | \b[a-z0-9-]{{3,}}(?:\s\.|\.\s)\s*(?:{SPACED_TLDS})\b
  | \bwww(?:\s*,\s*|\s+)[a-z0-9-]{{3,}}(?:\s*,\s*|\s+)(?:{SPAM_TLDS})\b
  | \bw\s?w\s?w\s*\.\s*[a-z0-9-]{{3,}}\s*\.\s*(?:{SPAM_TLDS})\b  # "w w w . cheapvisa . net"
""", re.VERBOSE)
# "shop dot com" is not among them: "the dot com bubble" and "the dot net framework" are said that way too.
DISGUISED = re.compile(r"\(dot\)|\[dot\]|\{dot\}|[\[({]\.[\])}]|\s\.|\.\s|^h(?:xx|xt|tx)p|\[:\]|^www\s*[,\s]")
# Mail providers, written without the ending: "reach me: john@gmail".
MAIL_PROVIDER = re.compile(r"(?<![a-z0-9._%+-])[a-z0-9._%+-]+@"
                           r"(?:gmail|googlemail|hotmail|yahoo|outlook|icloud|protonmail|proton|yandex|gmx|aol)\b(?!\.)")
# An address starts where its run of address characters starts, never inside it: tried from every dot of
# "ab.ab.ab..." a failing address took quadratic time (0.4 s on a 5,000-character comment, found by review).
EMAIL = re.compile(r"""
    (?<![a-z0-9._%+-])[a-z0-9._%+-]+\s*(?:@|\(at\)|\[at\]|\s+at\s+)\s*[a-z0-9-]+
    (?:\s*(?:\.|\(dot\)|\[dot\]|\s+dot\s+)\s*[a-z0-9-]+)*
    \s*(?:\.|\(dot\)|\[dot\]|\s+dot\s+)\s*(?:com|net|org|info|io|co|me|de|fr|tr|ir|uk|ru|edu|gov)\b""", re.VERBOSE)
IPV4 = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
DATE_LIKE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?:\s+\d{1,2}(?:[:.]\d{2})?)?")  # a time may follow
PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\d(?:[\s\-.()]{0,2}\d){8,13}(?!\w)")
# A number spelled out word by word, seven digits or more ("five five five one two three four"): no one counts
# aloud in a comment, but spam writes numbers so that filters miss them.
DIGIT_WORDS = {"zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
               "seven": "7", "eight": "8", "nine": "9"}
SPELLED_PHONE = re.compile(r"\b(?:(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|\d)\b[\s\-,.]{0,2}){7,15}")
# Eastern Arabic and Persian digits, read as the digits they are when judging a number's shape.
EASTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Written the way people write a number to be called: an international or trunk prefix, or groups of two or
# more digits. Revision ids, order numbers, IP fragments and model lists ("787-3 787-8") are digits too.
PHONE_SHAPED = re.compile(r"""
    (?:\+|00)\d.*
  | 0\d(?:[\s\-.()]{0,2}\d){8,10}
  | \(?\d{3}(?:\)\s?|[\s\-.])\d{3}[\s\-.]\d{4}
  | \d{2,5}(?:[\s\-]\d{2,5}){2,4}
""", re.VERBOSE)
PLATFORMS = (r"instagram|insta|ig|snapchat|snap|tiktok|telegram|whatsapp|whats\s*app|twitter|facebook|fb|youtube|yt|"
             r"twitch|onlyfans|discord|kik|wechat|skype|signal|viber")
# A handle is written after a colon, an equals sign or an @, or, after "is"/"at", looks like one (an @, or a
# letter first and a digit, an underscore or a dot inside): "YouTube is not a source", "Facebook is 20 years
# old" and "the signal is 5G" name no account. Bounded lengths keep the scan linear on hostile input.
HANDLE_LIKE = r"(?:@[\w.]{2,30}|[^\W\d_][\w]{0,30}[_\d.][\w.]{0,30}\w)"
HANDLE = re.compile(rf"""
    \b(?:{PLATFORMS})\s*(?:[:=]|-\s*@|@)\s*@?[\w.]{{3,}}
  | \b(?:{PLATFORMS})\s+(?:is|id|at)\s+{HANDLE_LIKE}
  | \b(?:follow|add|dm|message|contact|find|text|call|hit)\s+(?:me|us)\s+(?:up\s+)?(?:on|at|@)\s+
      (?:(?:{PLATFORMS})\b|{HANDLE_LIKE})
""", re.VERBOSE)
# The platforms in the other languages' words, or with "my", right before an @handle, and words of following
# before or after one: "Instagramê min @kurdboy", "Instagram'ım: @kurdboy", "اینستاگرام: @kurdboy",
# "ئینستاگرامەکەم @kurdboy", "takip edin @kurdboy", "@kurdboy follow bikin". Only with the @ ("follow the money"
# names no account), and not where the platform says where something was said: "Bakan Instagram'da @kurdboy
# hesabından yazdı" (the minister wrote on Instagram, from the account...), "@editor follow the evidence".
def _normalised(words: str) -> str:
    """Words as the normaliser writes them, for an expression: a space matches any, or none (as typed)."""
    from moderation.checks.normalize import normalize

    return "|".join(re.escape(normalize(word).text).replace("\\ ", r"\s*") for word in words.split("|"))


LOCAL_PLATFORMS = (r"(?:instagram|insta|tiktok)(?:ê\s+min|e\s+min|a\s+min|['’]?(?:ım|im|um|m))|"
                   r"(?:ال)?(?:" + _normalised("انستغرام|انستقرام|انستجرام|انستا|اینستاگرام|اینستا|ئینستاگرام|ئینستا|"
                                                "تیک تاک|تلگرام|تلغرام") + r")(?:" + _normalised("م|ەکەم|ی من|ي") + ")?")
FOLLOW_WORDS = (r"follow\s+(?:min|me)\s+bik(?:in|e)|(?:min\s+)?bi[sş]opîn(?:in|e)|(?:min\s+)?bisopin(?:in|e)|"
                r"follow\s+bik(?:in|e)|takip\s+edin|takibe\s+al[ıi]n|" + _normalised(
                    "تابعوني|تابعوا|تابعني|تابعونا|فالو کنید|فالوم کنید|فالو کنین|فۆڵۆم بکەن|فۆڵۆ بکەن|فۆلۆم بکەن|"
                    "دنبالم کنید|دنبالم کنین"))
# Found from each @handle (a scan that starts at "@" only): the words right before it, or right after it.
HANDLE_AT = re.compile(r"(?<![\w@.])@[^\W_][\w.]{2,29}(?![\w@])")
# English "follow" as a request only: opening a sentence, or after "please", "go", "and" ("Follow @x", "pls follow @x");
# "thanks for the follow @x" and "why I don't follow @x" say what someone did.
FOLLOW_REQUEST = r"(?:(?:^|(?<=[.!?\n:;]))\s*|(?<![\w'’])(?:please|pls|plz|go|and|also|just)\s+)follow"
# "come join @x", "join me at @x": a live stream or a channel the writer asks readers into
# ("join us @venue tomorrow", "hope you can join us @user" invite to an event or a talk, not to an account)
JOIN_REQUEST = r"(?<![\w'’])(?:come\s+(?:and\s+)?join(?:\s+me)?|join\s+me)(?:\s+(?:on|at|live\s+on|live\s+at))?"
_BEFORE_HANDLE = re.compile(
    rf"(?:{FOLLOW_REQUEST}|{JOIN_REQUEST}|(?<![\w@])(?:{LOCAL_PLATFORMS}|{FOLLOW_WORDS}))\s*[:=\-–]?\s*\Z")
_AFTER_HANDLE = re.compile(rf"\s*[:=\-–]?\s*(?:{FOLLOW_WORDS})(?!\w)")
_HANDLE_REACH = 40  # characters before a handle where its platform or a word of following is looked for


def local_handles(text: str) -> list[tuple[int, int]]:
    """Spans of the handles given after a platform's name in other languages or beside a word of following."""
    spans = []
    for handle in HANDLE_AT.finditer(text):
        before = _BEFORE_HANDLE.search(text, max(0, handle.start() - _HANDLE_REACH), handle.start())
        after = _AFTER_HANDLE.match(text, handle.end())
        if before or after:
            start = before.start() + len(before.group()) - len(before.group().lstrip()) if before else handle.start()
            spans.append((start, after.end() if after else handle.end()))
    return spans


def _terms(words: str) -> tuple[str, ...]:
    return tuple(w.strip() for w in words.split("|") if w.strip())


# Phrase and cue lists, matched in one scan by the same trie matcher as the lexicons.
PERSONAL_PHRASES = _terms(
    "check out my|checkout my|visit my|subscribe to my|sub to my|subscribe my|on my channel|my youtube channel|"
    "my channel|my new channel|my youtube|my blog|my website|my new video|my latest video|my new song|my mixtape|"
    "my podcast|my instagram|my insta|my tiktok|my twitch|my onlyfans|please subscribe|pls subscribe|plz subscribe|"
    "subscribe please|subscribe guys|like and subscribe|like comment and subscribe|sub 4 sub|sub4sub|"
    "subscribe back|follow back|follow for follow|f4f|free followers|free likes|free subscribers|"
    "get followers|gain followers|give my channel a|my first video|support my channel|check out this channel|"
    "check this channel|check out this video|check out this song|check out our|subscribe for more|"
    "subscribe if you|please check out my|pls check out|plz check out|link in my profile|link in profile|"
    "see my bio|check my bio|check my profile|visit my profile|see my profile|link on my profile|whats app me|"
    # Arabic, Persian, Sorani, Turkish: link in (my) bio, follow me, subscribe to my channel, my page
    "الرابط في البايو|الرابط بالبايو|اللينك في البايو|تابعوني|اشتركوا في قناتي|اشترك في قناتي|اشتركوا بقناتي|"
    "لینک در بیو|لینک تو بیو|لینک توی بیو|فالوم کنید|فالو کنید پیجمو|پیجمو فالو کنید|کانالمو|"
    "لینک لە بایۆ|فۆڵۆم بکەن|link bioda|linki bioda|profilimdeki link|beni takip edin|kanalıma abone olun|"
    "kanalima abone olun|abone olun|"
    # red team 5: a live stream to join, a Telegram channel to follow (English, Persian, Arabic, Turkish)
    "i'll be live on|i will be live on|ill be live on|we'll be live on|we will be live on|join my live|join me live|"
    "join my livestream|join my live stream|join my stream|catch me live|watch me live|come join me|"
    "کانال تلگرامم رو دنبال|کانال تلگرامم را دنبال|کانالم رو دنبال|کانالم را دنبال|کانال من رو دنبال|"
    "کانال من را دنبال|عضو کانالم شید|عضو کانالم بشید|عضو کانالم شوید|عضو کانال تلگرامم|پیجم رو دنبال|"
    "تابعوا قناتي|اشتركوا في قناتي على|telegram kanalımı takip|telegram kanalima katıl|telegram kanalıma katılın|"
    # red team 6: "our" channel or page to follow (Persian), "follow our Telegram channel" (Arabic)
    "کانال تلگرام ما|کانال ما رو دنبال|کانال ما را دنبال|عضو کانال ما|پیج ما رو دنبال|پیج ما را دنبال|"
    "تابعونا على قناة|تابعونا على قناتنا|تابعوا قناتنا"
)
COMMERCIAL_PHRASES = _terms(
    "buy now|order now|shop now|visit our|our shop|our store|our website|our products|our services|free shipping|"
    "discount code|promo code|coupon code|use code|use my code|limited offer|limited time offer|special offer|"
    "best price|best prices|lowest price|for sale|on sale now|make money|making money|earn money|earn extra|"
    "work from home|working from home and|passive income|investment opportunity|"
    "trading signals|bet now|payday loan|viagra|cialis|weight loss pills|lose weight fast|click here|"
    "click the link|link in bio|link in my bio|dm for|dm me for|call now|hire us|"
    "per day from home|a day from home|guaranteed income|double your money|sugar daddy|book now|book today|"
    "order today|cheap flights|cheap tickets|free trial|sign up now|join now and|limited stock|"
    "bitcoin doubling|crypto doubling|doubling service|double your bitcoin|double your crypto|"
    # betting sites, bought followers, loans: Arabic, Persian, Turkish, Kurmanji
    "موقع مراهنات|مواقع مراهنات|شراء متابعين|بيع متابعين|سایت شرط بندی|سایت شرط‌بندی|فروش فالوور|خرید فالوور|"
    "bahis sitesi|takipçi satın al|ucuz takipçi|krediya bilez|kredî bi faîza kêm|"
    # red team 5: sign up now, a discount for showing the comment, visas guaranteed (English, Turkish, Arabic,
    # Persian)
    "hemen üye ol|hemen üye olun|hemen kayıt ol|hemen kayit ol|welcome bonus|deposit bonus|sign up bonus|"
    "signup bonus|free spins|deneme bonusu|hoşgeldin bonusu|hoş geldin bonusu|yatırım bonusu|"
    "show this comment|mention this comment|show this post|mention this post|show this message|"
    "bu yorumu gösteren|bu yorumu gösterene|bu yorumu gösterin|"
    "fast and guaranteed|guaranteed visa|guaranteed visas|visa guaranteed|no embassy interview|"
    "without embassy interview|without an embassy interview|no interview needed|no interview required|"
    "فيزا مضمونة|تأشيرة مضمونة|فيزا مضمونه|ویزای تضمینی|ویزا تضمینی|garantili vize|vize garantili"
)
PHONE_CUES = _terms(
    "call|call me|whatsapp|whats app|wa|telegram|text|text me|sms|contact|reach me|dm|viber|phone|tel|mob|mobile|"
    # Arabic, Persian, Sorani, Turkish: WhatsApp, Telegram, call, contact, number, phone
    "واتساب|واتس اب|واتس|وتساب|تلغرام|تليجرام|تلگرام|اتصل|اتصلوا|للتواصل|تواصل|رقم|تماس|شماره|موبایل|"
    "پەیوەندی|ژمارە|arayın|ara beni|numara|numaram|telefon|iletişim"
)
COMMERCIAL_CUES = _terms(
    "buy|sell|selling|sale|shop|store|price|prices|discount|cheap|order|offer|deal|deals|money|earn|income|"
    "product|products|coupon|promo|casino|bet|betting|loan|loans|crypto|bitcoin|forex|invest|investment|"
    "business|hire|service|services|shipping|delivery|wholesale|pills|followers|likes|"
    # Arabic, Persian, Sorani, Turkish, Kurmanji: sell, buy, price, cheap, discount, loan, interest, betting
    "بيع|للبيع|شراء|سعر|أسعار|رخيص|خصم|قرض|قروض|مراهنات|متابعين|"
    "فروش|خرید|قیمت|ارزان|تخفیف|وام|شرط بندی|فالوور|"
    "فرۆشتن|کڕین|نرخ|هەرزان|قەرز|"
    "satılık|satış|fiyat|ucuz|indirim|kredi|bahis|takipçi|"
    "firotin|erzan|kredî|krediya|faîz"
)
HANDLE_CUES = _terms(
    "instagram|insta|ig|snapchat|snap|tiktok|telegram|whatsapp|whats app|twitter|facebook|fb|youtube|yt|twitch|"
    "onlyfans|discord|kik|wechat|skype|signal|viber|follow me|add me|dm me|message me|contact me|find me|text me|"
    "call me|hit me|follow us|add us|dm us|message us|contact us|find us|text us|call us|"
    # Arabic, Persian, Sorani, Turkish: ID, Instagram, Telegram, Snapchat, TikTok
    "آیدی|ایدی|انستغرام|انستا|سناب|تيك توك|اینستاگرام|اینستا|تلگرام|ئینستاگرام|تێلێگرام|hesabım"
)
# Services a reader points others to in a crisis: their numbers are help, not a contact to hold ("UNHCR helpline
# for displaced families: +964 ..."). English, Arabic, Persian, Sorani, Turkish, Kurmanji.
PUBLIC_SERVICE_CUES = _terms(
    "helpline|help line|hotline|emergency line|emergency number|emergency services|crisis line|call centre|"
    "call center|police|ambulance|fire brigade|civil defence|civil defense|red crescent|red cross|unhcr|unicef|"
    "iom|msf|ministry|embassy|consulate|hospital|municipality|governorate|"
    "خط المساعدة|الخط الساخن|الطوارئ|الشرطة|الإسعاف|الدفاع المدني|الهلال الأحمر|الصليب الأحمر|المفوضية|وزارة|"
    "السفارة|القنصلية|المستشفى|"
    "اورژانس|پلیس|آتش نشانی|هلال احمر|وزارت|سفارت|کنسولگری|بیمارستان|خط امداد|"
    "پۆلیس|فریاکەوتن|بەرگریی شارستانی|مانگی سوور|وەزارەت|نەخۆشخانە|هێڵی گەرم|"
    "yardım hattı|acil çağrı|polis|ambulans|itfaiye|afad|kızılay|bakanlığı|büyükelçiliği|konsolosluğu|hastane|"
    "hastanesi|polîs|wezaret|nexweşxane"
)
# The writer's own number, not a service's: "call me", "my number", "رقمي", "شماره من", "numaram".
OWN_NUMBER = re.compile(r"\b(?:call|text|whatsapp|whats\s?app|contact|reach|message|dm|add)\s+(?:me|us)\b"
                        r"|\bmy\s+(?:number|phone|whatsapp|telegram|mobile)\b|رقمي|شمارم|شماره من|numaram|beni ara")
PERSONAL, COMMERCIAL, PHONE_CUE, COMMERCIAL_CUE, HANDLE_CUE, PUBLIC_SERVICE = range(6)
# Earning a sum is a pitch; a sum a day alone is how news talks of wages and poverty ("living on $1 a day").
MONEY = re.compile(r"\b(?:earn|earning|make|making|made|get)\s+(?:up\s+to\s+)?[$€£]\s?\d[\d,.]*")
# A bonus in per cent is a betting site's or a casino's ("%200 bonus", "100% welcome bonus"); a percentage off
# with a condition is a shop's ("20% off if you show this", "15% off for readers"), not prices falling 20% off
# their peak.
PERCENT_PITCH = re.compile(r"""
    (?:%\s?\d{2,4}|\b\d{2,4}\s?%)\s+(?:welcome\s+|deposit\s+|first\s+deposit\s+|yatırım\s+|yatirim\s+|
    hoş\s?geldin\s+|hos\s?geldin\s+)?(?:bonus|bonusu|freebet|free\s+bet|cashback)\b
  | \b\d{1,2}\s?%\s+(?:off|discount)\s+(?:if\s+you|when\s+you|for\s+(?:all\s+)?(?:readers|our|new|every|anyone)|
    with\s+(?:this|the\s+code|code)|on\s+(?:all|every|your)|today|tonight|this\s+week)\b""", re.VERBOSE)
# A candidate asking for votes for themselves: "vote for me", "bana oy verin", "dengê xwe bidin min", "دەنگ بدەن بە
# من", "انتخبوني", "به من رأی بدهید"; or naming themselves the candidate beside a vote asked for ("ana el murashah
# ..., vote for list 7"). A reader's own vote ("I will vote for list 7"), a call to vote at all and news of what a
# candidate said are not (see `_own_vote_asked`).
VOTE_FOR_ME = re.compile(r"""
    \b(?:vote|votes|voting)\s+for\s+me\b|\belect\s+me\b|\bgive\s+(?:me\s+your\s+votes?|your\s+votes?\s+to\s+me)\b
  | \bbana\s+oy\s+ver(?:in|iniz|irseniz|menizi)?\b|\boy(?:unuzu|larınızı|larinizi)\s+bana\s+ver|\bbeni\s+se[çc]in\b
  | \bdeng(?:ê|e|ên|en)?\s+(?:xwe\s+)?bid(?:in|e)\s+min\b|\bmin\s+hilbij[êe]rin\b
  | دەنگ\s+(?:بدەن|بدە)\s+بە\s+من\b|دەنگ(?:ەكانتان|تان|ي\s+خۆتان)?\s+بە\s+من\s+بدەن\b|دەنگم\s+پێ\s*بدەن\b
  | \b(?:انتخبوني|انتخبني|صوتوا\s+لي|صوتولي|صوتو\s+لي|اعطوني\s+(?:اصواتكم|صوتكم)|امنحوني\s+(?:اصواتكم|صوتكم))\b
  | \bبه\s+من\s+ر[اأ][يى]\s+(?:بدهيد|بديد|بدين|بده)\b|\bر[اأ][يى]\s+(?:خود|تان|تون|خودتان|خودتون)\s+
    (?:را\s+|رو\s+)?به\s+من\b|\b(?:منو|مرا|من\s+را)\s+انتخاب\s+(?:كنيد|كنين)\b
""", re.VERBOSE)
SELF_CANDIDATE = re.compile(r"""
    \b(?:i\s+am|i'm|im)\s+(?:the\s+|a\s+|your\s+)?(?:[\w-]+\s+){0,2}?candidate\b
  | \bana\s+(?:el|al|il|l)[\s-]?mura?sh+a?h\b|\bانا\s+المرشح\b
  | \b(?:ben\s+)?(?:[\w-]+\s+)?aday[iı]y[iı]m\b|\bez\s+berendam\b|\bمن\s+(?:كانديدا|نامزد)(?:ي|\s+هستم)?\b
""", re.VERBOSE)
VOTE_ASKED = re.compile(r"\b(?:vote|votes|support\s+me|list\s+(?:no\.?\s*|number\s+|#\s*)?\d+)\b|\boy\b|\bdeng"
                        r"|\b(?:صوت|صوتوا|قايمه|قائمة)|\b(?:راي|رأى|ليست)\b")
# What makes "vote for me" another's words or no request: news of a candidate's slogan, a refusal, a question.
NOT_OWN_VOTE = re.compile(r"""(?:\b(?:don't|do\s+not|didn't|never|not|nobody|no\s+one|won't|wouldn't|why|would|asked|
    asking|asks|told|tells|telling|begging|begged|begs|said|says|saying|shouting|shouted|urged|urging|chanted|slogan|
    diyen|dedi|demiş|demis|قال|يقول|قالوا|يردد|گفت|ميگويد|got|dibêje|گوتی)\b[^.!?\n]{0,25}|["'“”«»‘’])\s*\Z""",
                          re.VERBOSE)
# The words either needs, read off the expressions (`required.py`): most comments hold none of them.
VOTE_FOR_ME_NEEDS = required_search(VOTE_FOR_ME)
SELF_CANDIDATE_NEEDS = required_search(SELF_CANDIDATE)
_VOTE_WORDS = (required_words(VOTE_FOR_ME) or frozenset()) | (required_words(SELF_CANDIDATE) or frozenset())
# one scan for the words of both: most comments hold none, and are done with there
VOTE_NEEDS = re.compile(union([re.escape(char) for char in word] for word in _VOTE_WORDS))
NOT_OWN_AFTER = re.compile(r"""\s*(?:[?؟'"”»’]|diye|dedi|demiş|demis)""")  # asked, quoted, reported
POINTERS = frozenset({"clickhere", "clickthelink"})  # phrases pointing at a link in the comment, letters only
MONEY_SIGNS = ("$", "€", "£")


@dataclass(frozen=True)
class Contact:
    kind: str
    fingerprint: str
    start: int  # in the normalised text
    end: int
    shaped: bool = True  # a phone number written to be dialled (see PHONE_SHAPED)
    disguised: bool = False  # a link written so as not to be one ("shop[.]com"), a number spelled out


def _domain(url: str) -> str:
    """The host a link leads to: "https://spam.shop#.bbc.co.uk" and "https://bbc.co.uk@spam.shop" are spam.shop."""
    authority = re.split(r"[/?#\\]", re.sub(r"^(?:h[tx]{2}ps?(?::|\[:\])//)?", "", url), maxsplit=1)[0]
    host = authority.rsplit("@", 1)[-1].split(":")[0]
    host = re.sub(r"^www(?:\.|\s*,\s*|\s+)", "", host)
    # a disguised dot is a dot: "gov[.]uk" is still an allowed site, "shop (dot) com" the same spam as "shop.com"
    return re.sub(r"\s*(?:\(dot\)|\[dot\]|\{dot\}|[\[({]\.[\])}]|\s\.\s?|\.\s|\sdot\s|\s*,\s*|\s+)\s*", ".",
                  host).strip(".")


def _email_domain(address: str) -> str:
    """The domain of an address however it was written ("desk (at) example (dot) org")."""
    address = re.sub(r"\s*(?:\(at\)|\[at\]|\bat\b)\s*", "@", address)
    return re.sub(r"\s*(?:\(dot\)|\[dot\]|\bdot\b)\s*", ".", address.rsplit("@", 1)[-1])


def _allowed(domain: str, extra: frozenset[str]) -> bool:
    allowed = ALLOWED_DOMAINS | extra
    # the suffixes name hosts below them and the registry's own site too: gov.uk as well as www.ons.gov.uk
    return any(domain == d or domain.endswith("." + d) for d in allowed) or f".{domain}".endswith(ALLOWED_SUFFIXES)


def find_contacts(text: str, allowed_domains: frozenset[str] = frozenset(),
                  citations: list[tuple[int, int]] | None = None) -> list[Contact]:
    """Links (not to allowed sites), e-mail addresses and phone numbers, in normalised text; the links to allowed
    sites go to `citations` when it is given (one scan serves the rules and the learned scorer)."""
    contacts: list[Contact] = []
    taken: list[tuple[int, int]] = []
    for kind, regex in (("email", EMAIL), ("mailbox", MAIL_PROVIDER), ("url", URL), ("phone", PHONE),
                        ("spelled", SPELLED_PHONE)):
        if not _may_hold(kind, text):
            continue
        for match in regex.finditer(text):
            value = match.group(0)
            domain = _domain(value) if kind == "url" else ""
            if kind == "url" and _allowed(domain, allowed_domains):
                if citations is not None:
                    citations.append((match.start(), match.end()))
                continue
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            disguised = False
            if kind == "url":
                fingerprint = f"url:{domain}"
                disguised = DISGUISED.search(value) is not None
            elif kind in ("email", "mailbox"):
                kind, fingerprint = "email", "email:" + re.sub(r"\s+|\(|\)|\[|\]", "", value)
                if _allowed(_email_domain(value), allowed_domains):
                    continue  # the newsroom's own letters desk, a ministry's press office
            else:
                if kind == "spelled":
                    if not re.search(r"[a-z]", value):
                        continue  # digits only: PHONE's to judge
                    digits = "".join(DIGIT_WORDS.get(w, w) for w in re.findall(r"[a-z]+|\d", value))
                    if digits in "0123456789" or digits in "9876543210":
                        continue  # counting
                    disguised = True
                else:
                    digits = re.sub(r"\D", "", value.translate(EASTERN_DIGITS))
                if (len(set(digits)) < 3 or IPV4.fullmatch(value.strip()) or DATE_LIKE.fullmatch(value.strip())
                        or _is_isbn(text, match.start(), digits)):
                    continue  # 000000000, IP addresses, dates and times, book numbers are not phone numbers
                kind, fingerprint = "phone", f"phone:{digits[-9:]}"
            taken.append((match.start(), match.end()))
            shaped = kind != "phone" or disguised or PHONE_SHAPED.fullmatch(
                value.strip().translate(EASTERN_DIGITS)) is not None
            contacts.append(Contact(kind, fingerprint, match.start(), match.end(), shaped, disguised))
    return contacts


def links(context: CheckContext, allowed_domains: frozenset[str] = frozenset()
          ) -> tuple[list[Contact], list[tuple[int, int]]]:
    """The comment's contacts (normalised spans) and its citations (original spans), found once per comment for the
    promotion phase and the learned one."""
    key = ("links", allowed_domains)
    found = context.memo.get(key)
    if found is None:
        normalized = context.normalized
        citations: list[tuple[int, int]] = []
        contacts = find_contacts(normalized.text, allowed_domains, citations)
        found = context.memo[key] = (contacts, [normalized.original_span(a, b) for a, b in citations])
    return found


def citation_spans(context: CheckContext, allowed_domains: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Original spans of the links to allowed sites (news, government, reference, the policy's own)."""
    return links(context, allowed_domains)[1]


def _is_isbn(text: str, start: int, digits: str) -> bool:
    return "isbn" in text[max(0, start - 12):start] or (len(digits) == 13 and digits.startswith(("978", "979")))


URL_HINT = re.compile(rf"\.\s?(?:{TLDS})\b|www|://|\bdot\b|[\[({{]\.[\])}}]|\[:\]")
EMAIL_HINT = re.compile(r"@|\(at\)|\[at\]|\sat\s.*\bdot\b")
PHONE_HINT = re.compile(r"\d[\s\-.()]{0,2}\d[\s\-.()]{0,2}\d[\s\-.()]{0,2}\d")
SPELLED_HINT = re.compile(r"\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b[\s\-,.]{0,2}"
                          r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|\d)\b")


def _may_hold(kind: str, text: str) -> bool:
    """A cheap test before the full expression: most comments hold no contact at all."""
    hint = {"url": URL_HINT, "email": EMAIL_HINT, "mailbox": EMAIL_HINT, "phone": PHONE_HINT,
            "spelled": SPELLED_HINT}[kind]
    return hint.search(text) is not None


def contact_fingerprints(text: str) -> list[str]:
    """What the service counts across articles and authors to spot a spam run."""
    from moderation.checks.normalize import normalize

    return sorted({c.fingerprint for c in find_contacts(normalize(text).text)})


class PromotionChecker:
    name = "promotion.patterns"
    version = "10"  # 9: red team 5's own votes asked, betting bonuses, discounts, visas, live streams, channels
    # 10: red team 6's "our channel" to follow (Persian, Arabic)

    def __init__(self, allowed_domains: Iterable[str] = ()):
        self.allowed_domains = frozenset(d.casefold().removeprefix("www.") for d in allowed_domains)
        self.words = TermMatcher([PERSONAL_PHRASES, COMMERCIAL_PHRASES, PHONE_CUES, COMMERCIAL_CUES, HANDLE_CUES,
                                  PUBLIC_SERVICE_CUES])

    def citations(self, context: CheckContext) -> list[tuple[int, int]]:
        """The links to this policy's allowed sites: the learned scorer reads the words around them."""
        return citation_spans(context, self.allowed_domains)

    def check(self, context: CheckContext) -> list[Finding]:
        normalized = context.normalized
        text = normalized.text
        cues: dict[int, list[tuple[int, int]]] = {table: [] for table in range(6)}
        for match in self.words.find(text):
            cues[match.table].append((match.start, match.end))
        hits: list[tuple[Code | None, float, int, int, str]] = []  # None: decided by the cues below
        contacts = links(context, self.allowed_domains)[0]
        public_service = any(c.kind == "phone" for c in contacts) and _a_public_service(text, cues)
        for contact in contacts:
            repeated = context.contacts_seen_elsewhere.get(contact.fingerprint, 0)
            # A bare link is usually a citation: it needs a second sign (a pitch, a shortener, a spam run).
            score = {"url": 0.45, "email": 0.8, "phone": 0.75}[contact.kind]
            domain = contact.fingerprint.removeprefix("url:") if contact.kind == "url" else ""  # found already
            if domain in SHORTENERS:
                score = 0.5  # hides where it leads; tweets carry them as a matter of course, though
            elif any(domain == host or domain.endswith("." + host) for host in SELF_PROMOTION_HOSTS):
                score = 0.6  # someone's own page or a collection box, not a source
            if contact.kind == "phone" and not contact.shaped:
                score = 0.4  # a long number, shown to the moderator; a pitch or a cue makes it a contact
            if contact.kind == "phone" and cues[PHONE_CUE]:
                score = 0.9
            if contact.kind == "phone" and public_service:
                score = min(score, LONE_PITCH_SCORE)  # shown to the moderator, not held
            if contact.disguised:
                score = max(score, DISGUISED_SCORE)  # written so that filters miss it: a citation never is
            elif contact.kind == "url" and _bare(text[contact.start:contact.end]) and _little_else(text, contacts):
                score = max(score, LINK_ALONE_SCORE)  # a link dropped with a word or two, the way spam is
            elif contact.kind == "url" and _bare(text[contact.start:contact.end]) and _selling_beside(
                    contact, cues[COMMERCIAL_CUE], text):
                score = max(score, LINK_SELLING_SCORE)  # "Great article! Cheap iPhones at phones-shop.com"
            if repeated:
                score = max(score, min(0.97, 0.85 + 0.04 * repeated))
            rule = contact.kind + (":repeated-elsewhere" if repeated else "")
            hits.append((None, score, contact.start, contact.end, rule))
        if cues[HANDLE_CUE]:
            for match in HANDLE.finditer(text):
                hits.append((Code.promotion_personal, 0.85, match.start(), match.end(), "social-handle"))
        if "@" in text:
            handles = [(a, b) for _, _, a, b, rule in hits if rule == "social-handle"]
            for start, end in local_handles(text):  # a contact like any: selling words make it commercial
                if not any(a < end and start < b for a, b in handles):
                    hits.append((None, 0.85, start, end, "social-handle"))
        hits += [(Code.promotion_personal, 0.88, a, b, "self-promotion") for a, b in cues[PERSONAL]]
        hits += [(Code.promotion_commercial, 0.9, a, b, "advertising") for a, b in cues[COMMERCIAL]]
        if any(sign in text for sign in MONEY_SIGNS):
            hits += [(Code.promotion_commercial, 0.9, m.start(), m.end(), "advertising") for m in MONEY.finditer(text)]
        if "%" in text:
            hits += [(Code.promotion_commercial, 0.9, m.start(), m.end(), "advertising")
                     for m in PERCENT_PITCH.finditer(text)]
        hits += [(Code.promotion_personal, 0.85, a, b, "own-vote-asked") for a, b in _own_vote_asked(text)]
        if not hits:
            return []
        if not any(code is None or rule == "social-handle" for code, _, _, _, rule in hits):
            # "Click here" with nothing to click: a wiki template, a quoted menu, not a pitch with a way in.
            hits = [(c, min(s, LONE_PITCH_SCORE), a, b, r) if re.sub(r"[\W_]+", "", text[a:b]) in POINTERS
                    else (c, s, a, b, r) for c, s, a, b, r in hits]
        if _one_pitch_in_a_discussion(hits, text, cues[COMMERCIAL_CUE]):
            hits = [(c, min(s, LONE_PITCH_SCORE), a, b, r) for c, s, a, b, r in hits]
        selling = any(code is Code.promotion_commercial for code, *_ in hits) or bool(cues[COMMERCIAL_CUE]) or any(
            sign in text for sign in MONEY_SIGNS)
        contact_code = Code.promotion_commercial if selling else Code.promotion_personal
        if any(code is None for code, *_ in hits) and any(code is not None for code, *_ in hits):
            hits = [(c, min(0.97, s + 0.08), a, b, r) if c is None else (c, s, a, b, r) for c, s, a, b, r in hits]
        findings: dict[Code, tuple[float, list[Evidence]]] = {}
        for code, score, start, end, rule in hits:
            code = code or contact_code
            o_start, o_end = normalized.original_span(start, end)
            best, evidence = findings.get(code, (0.0, []))
            evidence.append(Evidence(o_start, o_end, context.text[o_start:o_end], f"{self.name}:{rule}"))
            findings[code] = (max(best, score), evidence)
        return [Finding(code, score, tuple(sorted(ev, key=lambda e: e.start)), self.name, self.version)
                for code, (score, ev) in findings.items()]


LONE_PITCH_SCORE = 0.45
LINK_SELLING_SCORE = 0.7
SELLING_REACH = 60  # characters between a word of selling and the shop's address, in the same sentence
DISGUISED_SCORE = 0.75
LINK_ALONE_SCORE = 0.6
LINK_ALONE_WORDS = 3  # words beside the link at most: "cheapshop.net", "see cheap-pills.ru now"
_WORD = re.compile(r"[^\W_]+")


def _own_vote_asked(text: str) -> list[tuple[int, int]]:
    """Spans where the writer asks for votes for themselves, not quoting a candidate nor asking why anyone would."""
    spans: list[tuple[int, int]] = []
    if not VOTE_NEEDS.search(text):
        return spans
    if VOTE_FOR_ME_NEEDS is not None and not VOTE_FOR_ME_NEEDS.search(text):
        matches = []
    else:
        matches = list(VOTE_FOR_ME.finditer(text))
    for match in matches:
        before = text[max(0, match.start() - 40):match.start()]
        after = text[match.end():match.end() + 12]
        if NOT_OWN_VOTE.search(before) or NOT_OWN_AFTER.match(after):
            continue
        spans.append((match.start(), match.end()))
    if not spans and (SELF_CANDIDATE_NEEDS is None or SELF_CANDIDATE_NEEDS.search(text)):
        candidate = SELF_CANDIDATE.search(text)
        if candidate and VOTE_ASKED.search(text) and not NOT_OWN_VOTE.search(text[max(0, candidate.start() - 40):
                                                                                  candidate.start()]):
            spans.append((candidate.start(), candidate.end()))
    return spans


def _a_public_service(text: str, cues: dict[int, list[tuple[int, int]]]) -> bool:
    """A number given as a service's (a helpline, the police, a ministry), with nothing sold or pitched and not
    the writer's own."""
    return (bool(cues[PUBLIC_SERVICE]) and not (cues[COMMERCIAL] or cues[COMMERCIAL_CUE] or cues[PERSONAL])
            and OWN_NUMBER.search(text) is None and not any(sign in text for sign in MONEY_SIGNS))


def _selling_beside(contact: Contact, selling_words: list[tuple[int, int]], text: str) -> bool:
    """A site's own address (not an article's) with a word of selling in the same sentence: a shop, not a
    source ("prices rose, see www.statistics-office.example/cpi/2026/table-4" cites a page)."""
    if "." not in _host_and_path(text[contact.start:contact.end])[0]:
        return False  # "http://t…", a link cut short in a quoted tweet
    for start, end in selling_words:
        if text[start:end] in LOOSE_SELLING_WORDS:
            continue
        between = text[end:contact.start] if end <= contact.start else text[contact.end:start]
        if len(between) <= SELLING_REACH and not re.search(r"[.!?;]\s|\n", between):
            return True
    return False


# Words of selling that say as much of politics and talk pages: "new world order", "a business of war".
LOOSE_SELLING_WORDS = frozenset({"order", "offer", "deal", "deals", "money", "earn", "income", "business", "hire",
                                 "service", "services", "product", "products", "invest", "investment", "likes",
                                 "bet", "followers", "store"})


def _bare(link: str) -> bool:
    """A site or a page right below it ("cheapshop.net", "discord.gg/abc123"), not an article's address, nor a
    tweet's t.co wrapper."""
    host, path = _host_and_path(link)
    return host != "t.co" and path.strip("/").count("/") == 0 and len(path) <= 20


def _host_and_path(link: str) -> tuple[str, str]:
    host, _, path = re.sub(r"^[a-z]+://", "", link).partition("/")
    return host, path


def _little_else(text: str, contacts: list[Contact]) -> bool:
    """Whether the comment is its links and at most a few words: readers who cite a source say something."""
    rest, position = [], 0
    for contact in sorted(contacts, key=lambda c: c.start):
        rest.append(text[position:contact.start])
        position = max(position, contact.end)
    rest.append(text[position:])
    return len(_WORD.findall(" ".join(rest))) <= LINK_ALONE_WORDS
DISCUSSION_WORDS = 25


def _one_pitch_in_a_discussion(hits: list[tuple[Code | None, float, int, int, str]], text: str,
                               selling_words: list[tuple[int, int]]) -> bool:
    """One ad or self-promotion phrase inside a longer comment, with no link, address, number or handle and no
    other word of selling: "the manuscript was never for sale", "click here for the minutes". Shown to the
    moderator below the review threshold: spam carries a way to reach it, says its pitch twice, talks money
    ("work from home and earn thousands") or says little else."""
    if len(hits) != 1 or hits[0][4] not in ("self-promotion", "advertising") or len(text.split()) <= DISCUSSION_WORDS:
        return False
    _, _, start, end, _ = hits[0]
    return all(start <= a and b <= end for a, b in selling_words)
