"""The fourth red team's threats: the calls, wishes and promises of harm it found missed, with near misses
that stay clean, and threats quoted as someone else's in the newsroom's other languages, which are reporting."""

from __future__ import annotations

import pytest

from moderation.checks import CheckContext
from moderation.checks.reported import reported_quotations
from moderation.checks.threats import ThreatChecker
from moderation.guidelines import Code
from tests.test_guideline_checks import found
from tests.test_reported_speech import REVIEW, THREATS, reported, threat_score


# --- quoted or reported as another's, in Arabic, Turkish, Kurmanji, Persian and Sorani ---------------------

REPORTED_ELSEWHERE = [
    # the red team's
    ("قالت الشرطة إن المهاجم صرخ 'سأقتلكم جميعاً' قبل أن يُعتقل", "سأقتلكم"),
    ("Polîs got êrîşkar qîriya 'ez ê we hemûyan bikujim'", "we hemûyan bikujim"),
    ("Sınırda 'hepinizi öldüreceğiz' diye bağıran militan yakalandı", "hepinizi öldüreceğiz"),
    # variants: the speaker after an Arabic verb, a colon, no quotation marks in a police report
    ("صرخ المسلح «سنذبحكم» ثم فر", "سنذبحكم"),
    ("صرخ المهاجم: سأقتلكم جميعا، قالت الشرطة", "سأقتلكم"),
    ("قال لها: سأذبحك", "سأذبحك"),
    ("Militan 'seni öldüreceğim' dedi ve kaçtı", "seni öldüreceğim"),
    ("Sınırda hepinizi öldüreceğiz diye bağıran militan yakalandı", "hepinizi öldüreceğiz"),
    ("'Hepinizi öldüreceğiz' diyen militan yakalandı", "Hepinizi öldüreceğiz"),
    ("Sanık mahkemede 'onu öldürürüm' diye tehdit ettiğini kabul etti", "onu öldürürüm"),
    ("Dadgehê bihîst ku êrîşkar qîriya: ez ê te bikujim", "te bikujim"),
    ("مهاجم فریاد زد «همه‌تان را می‌کشم» و پلیس او را بازداشت کرد", "همه‌تان را می‌کشم"),
    ("«می‌کشمت» را فریاد زد و رفت", "می‌کشمت"),
    ("پۆلیس ڕایگەیاند کە تۆمەتبار هاواری کرد 'دەتکوژم'", "دەتکوژم"),
]
# The writer's own, however a reporting verb or quote marks sit beside them.
OWNED_ELSEWHERE = [
    ("'hepinizi öldüreceğiz' diye bağırdım", "hepinizi öldüreceğiz"),  # I shouted
    ("Militan 'hepinizi öldüreceğiz' dedi, haklı", "hepinizi öldüreceğiz"),  # and he is right
    ("أنا قلت 'سأقتلكم جميعا'", "سأقتلكم"),
    ("min got 'ez ê te bikujim'", "te bikujim"),  # I said
    ("قال المهاجم 'سأقتلكم جميعا' وانا اقول نفس الشيء", "سأقتلكم"),
    ("Seni öldüreceğim diye söz veriyorum", "Seni öldüreceğim"),  # I promise, no quotation, no police
    ("صرخ سأقتلكم", "سأقتلكم"),  # a verb and words, no colon, no police or court named
    ("قلت: سأقتلكم", "سأقتلكم"),  # I said
    # a colon after an address opens the writer's own message
    ("To the journalist who wrote this: I will kill you", "I will kill you"),
    ("إلى الصحفي الذي كتب هذا: سنقتلك", "سنقتلك"),
    ("Bu yazıyı yazan gazeteciye: seni öldüreceğiz", "seni öldüreceğiz"),
    ("Bu yazıyı yazan gazeteciye sesleniyorum: 'seni öldüreceğiz'", "seni öldüreceğiz"),
]


@pytest.mark.parametrize("text, words", REPORTED_ELSEWHERE)
def test_a_threat_quoted_as_anothers_in_the_other_languages_is_reporting(text, words):
    assert reported(text, words)
    assert Code.threat not in found(text)


@pytest.mark.parametrize("text, words", OWNED_ELSEWHERE)
def test_the_writers_own_words_stay_theirs_in_the_other_languages(text, words):
    assert not reported(text, words)


def test_a_quotation_reported_in_turkish_is_one_a_whole_comment_scorer_blanks():
    text = "Sınırda 'hepinizi öldüreceğiz' diye bağıran militan yakalandı"
    assert [text[a:b] for a, b in reported_quotations(text)] == ["'hepinizi öldüreceğiz'"]


# --- calls, wishes and promises of harm ------------------------------------------------------------------

# (text, the rule that finds it): the red team's misses and variants of each.
MUST_FIND = [
    # a reader's daily round named, or their office and town
    ("I know which café you sit in every morning, Mr. Karim. See you soon.", "i-know-your-round"),
    ("We know what mosque your father prays at.", "i-know-your-round"),
    ("we know your office in Hewlêr", "i-know-your-round"),
    ("I know what gym you go to on Tuesdays", "i-know-your-round"),
    ("I know which café you sit in.", "i-know-your-round"),
    # an order to sink the boats people are in
    ("Refugees = rats. Sink the boats before they land #StopTheInvasion", "sink-the-boats"),
    ("We should just sink every migrant boat.", "sink-the-boats"),
    # harm only a body can be given, wished by "should"
    ("these f@gs and their parade should be set on fire", "should-be-harmed"),
    ("Gays should be thrown off roofs, ISIS got one thing right", "should-be-harmed"),
    ("those traitors must be burned alive", "should-be-harmed"),
    ("She deserves to be stoned to death.", "should-be-harmed"),
    ("Whoever wrote this deserves to be skinned alive", "deserves-harm"),
    # a massacre wished on someone again, or approved of
    ("Someone should do to his house what the drones did to Sinjar", "massacre-again"),
    ("We need to do to them what Saddam did in Halabja", "massacre-again"),
    ("time to finish the job Saddam started with these Kurdish traitors #Anfal", "massacre-again"),
    ("Let's finish what Hitler started.", "massacre-again"),
    ("devil worshippers got what they deserved in Sinjar #Ezidi #ISIS", "massacre-approved"),
    ("The Kurds of Halabja got what they deserved", "massacre-approved"),
    ("Saddam was right to gas them", "massacre-approved"),
    ("ISIS did well to kill them all", "massacre-approved"),
    # harm by a third hand, and the price named in blood
    ("p.i.g. of a president, hope someone chokes him", "wish-of-harm-by-another"),
    ("I hope somebody drowns that clown", "wish-of-harm-by-another"),
    ("I will find you ya khayen, wallahi you'll pay with blood", "pay-with-blood"),
    ("I will find you ya khayen, wallahi", "will-find-you"),
    ("You will pay for this with your life.", "pay-with-blood"),
    # knives sent with "soon" or to someone called out
    ("🔪🔪🔪 soon Mr Journalist, we know your office in Hewlêr", "weapons-soon"),
    ("🔪🔪 قريبا يا كافر", "weapons-soon"),
    ("🔪🗡️ يا خائن", "weapons-soon"),
    # Turkish: hanged, executed, killed, drop dead
    ("Bu hainler asılmalı, hepsi idam edilsin", "called-to-hang"),
    ("Vatan hainleri asılmalıdır", "called-to-hang"),
    ("Bu gazeteci öldürülmeli", "called-to-hang"),
    ("KAFALARI KESİLMELİ", "called-to-hang"),
    ("Geber inşallah", "death-wished"),
    ("Geber, şerefsiz", "death-wished"),
    # Persian: hanged from a crane, executed, wiped out, death wished
    ("این خبرنگار خائن را باید از جرثقیل آویزان کرد", "called-to-hang"),
    ("این آخوند را باید اعدام کرد", "called-to-hang"),
    ("این خائن باید اعدام شود", "called-to-hang"),
    ("سنی‌ها وهابی‌های کثیف‌اند، باید نابود شوند", "called-to-hang"),
    ("آخوند کثافت، امیدوارم سرطان بگیری و بمیری", "death-wished"),
    ("امیدوارم زودتر بمیری", "death-wished"),
    ("خدا مرگت بده", "death-wished"),
    # Sorani: his head must be cut off, kill them all, ISIS did well
    ("ئەم سیاسەتمەدارە دزە و دەبێت سەری ببڕن", "called-to-hang"),
    ("دەبێ سەریان ببڕن", "called-to-hang"),
    ("دەبێت سەری ئەم خائینە ببڕن", "called-to-hang"),
    ("Kürtler asılsın", "called-to-hang"),
    ("تورکەکان گورگن، هەموویان بکوژن", "called-to-hang"),
    ("داعش باشی کرد ئەوانەی کوشت، حەقیان بوو", "massacre-approved-elsewhere"),
    # Kurmanji: the beheading verb run together
    ("Bu herif asılmalı", "called-to-hang"),
    ("باید اعدامش کرد", "called-to-hang"),
    ("يجب إعدامه في ساحة عامة", "called-to-hang"),
    ("هذا الخاين يستاهل الاعدام", "called-to-hang"),
    ("someone should set him on fire", "set-on-fire"),
    ("I'll set your house alight", "set-on-fire"),
    # told to kill themselves
    ("Git kendini as", "self-harm-told"),
    ("kendini öldür artık", "self-harm-told"),
    ("git intihar et", "self-harm-told"),
    ("برو خودتو بکش", "self-harm-told"),
    ("برو بمیر", "self-harm-told"),
    ("خۆت بکوژە", "self-harm-told"),
    ("here xwe bikuje", "self-harm-told"),
    ("اقتل نفسك يا تافه", "self-harm-told"),
    ("روح انتحر", "self-harm-told"),
    ("Caşê dijmin, em ê serê te jêkin", "behead-promised"),
    ("Ez ê serê wî jêkim", "behead-promised"),
    # Arabic: deserves execution, convert or die
    ("هذا الصحفي يستحق الإعدام في ساحة عامة، ومن يعرف عنوانه فليرسله", "called-to-hang"),
    ("هؤلاء الخونة يستحقون الذبح", "called-to-hang"),
    ("الإيزيدية عبدة الشيطان، يا يسلموا يا يموتوا", "called-to-hang"),
]

# Near misses: reports of violence, things hung and burned, words that look like the rules'.
STAYS_CLEAN = [
    "I know which café you mean, the one by the bridge.",
    "We know your office in Erbil is closed on Fridays.",
    "I know what school you went to, we were in the same class.",
    "I know which gym you go to, can you recommend it?",
    "Historians debate whether Saddam was right to invade Kuwait",
    "He was thrown off a roof by ISIS in 2015",
    "Those who were stoned to death in 2009 must be remembered",
    "Hükümet, idam edilmeli diyenlere yanıt verdi",
    "The trial of the Halabja commanders: they got what they deserved",
    "🔪 soon",
    "Sink the boats? That would be a war crime.",
    "The navy was told to sink the smugglers' boats.",
    "The coastguard rescued the boats before they sank.",
    "Those old tyres should be recycled.",
    "We should do to the deficit what Germany did to theirs.",
    "The drones did to Sinjar what the world would not stop.",
    "The Allies stopped Hitler before he could finish what he started.",
    "ISIS fighters got what they deserved in Sinjar when the YPG arrived.",
    "The survivors of Sinjar got what they deserved at last: recognition of the genocide.",
    "I hope the team chokes in the final.",
    "We'll find you ya habibi a better seat next time",
    "You will pay with your card at the door.",
    "Soldiers paid with their lives for that order.",
    "🔪🔪 new knife set arriving in the shop next month",
    "I'm dead 💀💀 soon I'll stop laughing",
    # reports and discussion in the other languages
    "IŞİD üç askerin kafasını kesti",
    "1988'de idam edildi",
    "Katil idam edilmeli mi? Tartışma sürüyor",
    "İdam edilsin diye imza topladılar",
    "Bayraklar asılmalı, bayram geliyor",
    "Posterler duvara asılmalı",
    "Bu tablo asılmalı",
    "Kurtlar sofrasında gazeteciler asılmalı mı",
    "We should set the record straight",
    "I want to set you on the right path",
    "قالت المحكمة إنه يجب إعدامه",
    "Geberdi diye sevinenler var",
    "لباس‌ها را باید آویزان کرد",
    "سلاح‌های هسته‌ای باید نابود شوند",
    "امیدوارم نمیری، مواظب خودت باش",
    "اعدام در سال ۱۳۶۷ اجرا شد",
    "داعش بڕیاری دا هەموویان بکوژن",
    "داعش چوار پێشمەرگەی کوشت",
    "داعش دوو بارمتەی سەربڕی",
    "الفيلم يستحق المشاهدة",
    "هذا الفيلم يستحق الموت من الضحك",
    "قتل داعش أربعة من البيشمركة",
    "خيّرهم داعش بين الإسلام أو الموت",
    "Em ê serê salê bibînin",
    "Genç adam kendini öldürdü",
    "Lütfen kendini öldürme, yardım al",
    "Oyuncu intihar etti",
    "خودتو بکش کنار",
    "خودکشی کرد",
    "Ew dixwaze xwe bikuje, alîkarî lazim e",
    "لا تقتل نفسك",
    "انتحر الشاب بعد الحادث",
    # the project's own examples of reporting
    "ISIS killed four Peshmerga",
    "the court heard he said 'I will kill you'",
    "the execution was carried out in 1988",
    "the militants beheaded two hostages",
]


@pytest.mark.parametrize("text, rule_name", MUST_FIND)
def test_the_red_teams_threats_and_their_variants_are_found(text, rule_name):
    (finding,) = THREATS.check(CheckContext(text=text))
    assert finding.score >= REVIEW
    assert f"threat.patterns:{rule_name}" in {e.rule for e in finding.evidence}


@pytest.mark.parametrize("text", STAYS_CLEAN)
def test_reports_and_look_alikes_stay_clean(text):
    assert threat_score(text) < REVIEW


@pytest.mark.parametrize("text", [
    "I know which café you sit in every morning, Mr. Karim. See you soon.", "Geber inşallah",
    "Bu hainler asılmalı, hepsi idam edilsin", "این خبرنگار خائن را باید از جرثقیل آویزان کرد",
    "ئەم سیاسەتمەدارە دزە و دەبێت سەری ببڕن", "Caşê dijmin, em ê serê te jêkin", "🔪🔪 قريبا يا كافر",
    "Someone should do to his house what the drones did to Sinjar",
])
def test_the_whole_pipeline_holds_them_as_threats(text):
    assert Code.threat in found(text)


def test_a_call_quoted_as_anothers_is_lowered_in_the_new_rules_too():
    text = "Polis, 'bu hainler asılmalı' diye bağıran kişiyi gözaltına aldı"
    assert threat_score(text) < REVIEW
    assert threat_score("Bu hainler asılmalı") >= REVIEW


def test_the_threat_prefilter_lets_through_every_text_here_a_rule_finds():
    unfiltered = ThreatChecker()
    unfiltered.prefilter = None
    texts = [t for t, _ in MUST_FIND + REPORTED_ELSEWHERE + OWNED_ELSEWHERE] + STAYS_CLEAN
    for text in texts:
        assert THREATS.check(CheckContext(text=text)) == unfiltered.check(CheckContext(text=text)), text
