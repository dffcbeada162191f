"""The Arabic, Persian, Turkish, Sorani and Kurmanji lexicons: the inflections and constructions readers use, and
the ordinary sentences, news talk about violence above all, that share words with them.

Every lexicon runs on every comment, so the clean sentences are checked against all of them, not only their own.
"""

from __future__ import annotations

import pytest

from moderation.checks import CheckContext
from moderation.checks.pipeline import build_pipeline, violations
from moderation.policy import DEFAULT_POLICY

LANGUAGES = ("ar", "fa", "tr", "ckb", "kmr")


@pytest.fixture(scope="module")
def pipeline():
    return build_pipeline(DEFAULT_POLICY)


def lexicon_codes(pipeline, text: str) -> set[str]:
    """Violation codes that a lexicon of one of these languages gave evidence for."""
    findings = pipeline.run(CheckContext(text=text))
    kept = {f.code for f in findings
            if any(e.rule.startswith(tuple(f"lexicon:{lang}:" for lang in LANGUAGES)) for e in f.evidence)}
    return {code.value for code in violations([f for f in findings if f.code in kept], DEFAULT_POLICY)}


def lexicon_rules(pipeline, text: str) -> list[str]:
    return [e.rule for f in pipeline.run(CheckContext(text=text)) for e in f.evidence
            if e.rule.startswith(tuple(f"lexicon:{lang}:" for lang in LANGUAGES))]


FOUND = [
    # Turkish: inflected swearing, insults, threats, calls to send refugees back, homophobia, sexism
    ("Ananı sikeyim senin, yazı mı bu", "profanity"),
    ("Bu ne boktan bir yönetim", "vulgarity"),
    ("Seni aşağılık herif, utanmıyor musun", "personal_attack"),
    ("Yandaş kalemşörler yine iş başında", "personal_attack"),
    ("Gırtlağını keseceğim, bekle sen", "threat"),
    ("Seni yaşatmayacağım, bunu bil", "threat"),
    ("Hepsi gebersin bunların", "threat"),
    ("Suriyeliler artık ülkelerine dönsün", "abuse.xenophobia"),
    ("Afganlar geri gönderilsin, yeter", "abuse.xenophobia"),
    ("Eşcinseller hastadır, tedavi edilmeli", "abuse.homophobia"),
    ("Eşcinsellik bir hastalıktır", "abuse.homophobia"),
    ("Kadınlar araba kullanamaz zaten", "abuse.sexism"),
    ("Mutfağa dön, siyaset senin işin değil", "abuse.sexism"),
    ("Yahudi köpekleri yine sahnede", "abuse.religion"),
    ("Suriyeliler mikroptur", "abuse.xenophobia"),
    ("Suriyelilerin hepsi tecavüzcü", "abuse.xenophobia"),
    ("Saray yalakası seni", "personal_attack"),
    ("Bu soytarı yine konuşmuş", "personal_attack"),
    # Arabic
    ("يا ابن الشرموطة اسكت", "profanity"),
    ("الله يلعنك ويلعن افكارك", "profanity"),
    ("يا متخلف اقرا الخبر", "personal_attack"),
    ("كلهم ذيول ايران", "personal_attack"),
    ("ايها الكاتب المأجور", "personal_attack"),
    ("والله راح اذبحك اذا شفتك", "threat"),
    ("دمه مهدور هذا الخاين", "threat"),
    ("هذولا الخونة لازم يتحرقون", "threat"),
    ("الأكراد قرود", "abuse.racism"),
    ("السوريين خربوا البلد", "abuse.xenophobia"),
    ("اللاجئين لازم يترحلون", "abuse.xenophobia"),
    ("المثليين مرضى نفسيين", "abuse.homophobia"),
    ("الشذوذ الجنسي مرض", "abuse.homophobia"),
    ("روحي للمطبخ احسن لك", "abuse.sexism"),
    ("وصلت للمنصب عن طريق السرير", "abuse.sexism"),
    ("يا رافضي يا نجس", "abuse.religion"),
    ("اسكت يا زمال", "personal_attack"),
    ("inta 7mar w ma tefham", "personal_attack"),
    ("اليهود يحكمون العالم", "abuse.religion"),
    # Persian and Finglish
    ("کصشر نگو دیگه", "profanity"),
    ("مملکت به گا رفت با این دولت", "profanity"),
    ("تو یه احمق به تمام معنایی", "personal_attack"),
    ("خاک تو سرت با این تحلیل", "personal_attack"),
    ("لهت میکنم اگه ببینمت", "threat"),
    ("این قاضی رو باید اعدامش کرد", "threat"),
    ("افغانی‌ها همه دزدن", "abuse.xenophobia"),
    ("افغانی‌ها کارمونو گرفتن", "abuse.xenophobia"),
    ("کردها وحشیند", "abuse.racism"),
    ("همجنس‌گراها بیمارند", "abuse.homophobia"),
    ("زن‌ها عقلشون نمیرسه", "abuse.sexism"),
    ("zanha ro bayad too khoone nega dasht", "abuse.sexism"),
    ("bahaiye najes", "abuse.religion"),
    ("mikoshamet age bebinamet", "threat"),
    ("دستم بهت برسه حسابی ادبت میکنم", "threat"),
    ("خبرنگار مزدور رژیم", "personal_attack"),
    ("عرب‌ها سوسمارخورن", "abuse.racism"),
    # Sorani
    ("دایکتان دەگێم", "profanity"),
    ("تۆ نۆکەری ئێرانی", "personal_attack"),
    ("ئەو وەزیرە نۆکەری تورکە", "personal_attack"),
    ("ئەی جاش بێدەنگ بە", "personal_attack"),
    ("لەناوت دەبەم", "threat"),
    ("ماڵەکەت دەسووتێنم", "threat"),
    ("پەنابەرە سوورییانە بگەڕێنەوە وڵاتی خۆیان", "abuse.xenophobia"),
    ("جولەکەکان دەستیان لە هەموو کارەساتێکدا هەیە", "abuse.religion"),
    ("تورکەکان هەموویان دزن", "abuse.racism"),
    ("هاوڕەگەزبازی نەخۆشییە", "abuse.homophobia"),
    ("ژن بۆ ماڵەوەیە نەک سیاسەت", "abuse.sexism"),
    # Kurmanji
    ("Dayika te bigim", "profanity"),
    ("Nivîskar xulamê AKPê ye", "personal_attack"),
    ("Kero, tu tiştekî nizanî", "personal_attack"),
    ("Ez ê qirika te jê bikim", "threat"),
    ("Ev hakem divê were darvekirin", "threat"),
    ("Penaberên Sûrî bila herin welatê xwe", "abuse.xenophobia"),
    ("Hevzayend nexweş in", "abuse.homophobia"),
    ("Aqilê jinê kêm e", "abuse.sexism"),
    ("Ereb hemû bêbext in", "abuse.racism"),
]


@pytest.mark.parametrize("text, code", FOUND)
def test_the_lexicons_find_what_readers_write(pipeline, text, code):
    assert code in lexicon_codes(pipeline, text)


CLEAN = [
    "لكوني امرأة أقول: كوني قوية",  # Arabic "as I am", "be!": the Persian slur's letters once normalised
    # news about violence and executions
    "IŞİD dört peşmergeyi öldürdü.",
    "داعش چهار پیشمرگه را کشت.",
    "قتل تنظيم داعش أربعة من البيشمركة.",
    "داعش چوار پێشمەرگەی کوشت.",
    "DAIŞê çar pêşmerge kuştin.",
    "أعدموه أمام الناس في الساحة، قال شاهد عيان.",
    "قرار است اعدامش کنن، خانواده‌اش نگران هستند.",
    "Dixwazin hemûyan bikujin, got rêxistina mafên mirovan.",
    "دەیانەوێت بیکوژن، بەڵام پۆلیس ڕێگری کرد.",
    "بڕیار درا لەسێدارەی بدەن و دادگا حوکمی دا.",
    # Turkish words that share a start or a phrase with a term
    "Polis şüphelileri yakın takibe aldı, hepsini yakın zamanda yakalayacak.",
    "Terörün kökünü kazımak lazım, dedi bakan.",
    "Suriyeliler gitsin diyenler bu habere ne diyecek?",
    "Suriyeliler insan değil mi? Bu nefret söylemine son verin.",
    "Kadın lider olamaz diyenlere bu seçim iyi bir cevap oldu.",
    "Hamamın kadın kısmı yenilendi.",
    "Yasa dışı bahis sitesi çökertildi, WhatsApp ihbar hattı kuruldu.",
    "Mal varlığı açıklandı; tam bir mal kaçırma skandalı değil mi bu?",
    "Suriyeli itfaiyeciler yangına müdahale etti.",
    "Ev sahibi kiramı artırdı, bu ay kiram çok yüksek.",
    "Bu haber canimi sikiyor, cok sikildim; limonu sikip suyunu ekledim.",
    "Hamile kadın çalışmamalı mı? Doktorlar ağır işte çalışmamalı diyor.",
    # Arabic words that meet Persian or another reading
    "نحن فخرا بهذا الإنجاز.",
    "زار وزير الخارجية الأمريكي جون كيري بغداد.",
    "طبق القوزي العراقي مشهور في الأعراس.",
    "انتشر بين اللاجئين وباء الكوليرا في المخيمات.",
    "حقوق المرأة ناقصة في هذا القانون.",
    "يزيدني فخرا على فخر أن أكون عراقيا.",
    "انتشر بين اللاجئين جرب وأمراض جلدية في المخيم.",
    "ينتشر بين المثليين مرض جدري القردة حسب الصحة العالمية.",
    "اللاجئين السوريين يرجعون لبلدهم بعد انتهاء الحرب.",
    "انا اعرف اهلك من زمان، ناس طيبين.",
    "تجنب الأسعار المنافسة في السوق مسألة تخص التجار.",
    # Persian words that meet Arabic or another reading
    "واکسن آبله میمونی به ایران رسید.",
    "طلسم شکست و تیم ملی برد.",
    "کودکان بی‌پدر در این مؤسسه نگهداری می‌شوند.",
    "ببخشید، عوضی گرفتم؛ فکر کردم شما همکارم هستید.",
    "اسبی یا گاوی در مزرعه دیده نشد؛ حیوان یا حشره‌ای هم نبود.",
    "دولت اعلام کرد باید برگردند و مرزها باز است.",
    "طرح اخراج اتباع افغان در مجلس بررسی شد.",
    "برای تماس با شماره ۱۱۰ پلیس، نیازی به اینترنت نیست.",
    "درآمد روزانه کارگران کفاف زندگی را نمی‌دهد.",
    "تاریخ تخت جمشید را از راه تخت جمشید دیدیم.",
    "به هیچ کس نگو که کجا رفتیم.",
    "خط را بکشیدش تا انتها و همه رو بکشید روی کاغذ.",
    "منتظرم باش، فردا میام سراغت و با هم می‌ریم.",
    # Sorani
    "ئۆتۆمبێلی بەکرێگیراو لە بازاڕ گرانە.",
    "منداڵانی بێباب یارمەتییان پێویستە.",
    "داهاتی ڕۆژانەی نەوت زیادی کرد.",
    "ئەکاونتەکەم هاک کرا، ئاگادار بن.",
    "بۆ دەنگدان خۆت تۆمار بکە و دەنگ بدە.",
    # Kurmanji
    "Kirê min li ser vê xaniyê zêde bû.",
    "Dema ku dikuxî devê xwe bigire.",
    "Em ê sibê te bibînin, heval.",
    "Gav bi gav aştî tê.",
    "Êzidî ne misilman in, ew olek cuda ne.",
    "Penaberên Sûrî jî mirov in.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_ordinary_sentences_stay_clean(pipeline, text):
    assert lexicon_rules(pipeline, text) == []


# A third blind red team's misses, and the rebuttals of the same words.
@pytest.mark.parametrize(("text", "code"), [
    ("Ereb hemû pîs û paşverû ne, divê destûr neyê dayîn ku li vir bijîn.", "abuse.racism"),
    ("ژن جێگای لە ماڵە، نەک لە پەرلەمان.", "abuse.sexism"),
    ("جای زن توی آشپزخونه‌ست، نه مجلس.", "abuse.sexism"),
])
def test_group_abuse_written_the_way_readers_do(pipeline, text, code):
    assert code in lexicon_codes(pipeline, text)


@pytest.mark.parametrize("text", [
    "جای زن در آشپزخانه نیست", "جای زن توی آشپزخونه نیس، جاش تو مجلسه.", "Ereb ne paşverû ne.",
])
def test_a_rebuttal_of_the_same_words_stays_clean(pipeline, text):
    assert not {c for c in lexicon_codes(pipeline, text) if c.startswith("abuse")}
