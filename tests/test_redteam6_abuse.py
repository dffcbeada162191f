"""Red-team round 6, abuse, insults and promotion: a blind red team's misses in every language the newsroom publishes
in (a race of thieves, genetically backward, good only for cooking; predicates joined by "and"; refugees told to
leave; the Yazidis slandered; insults and slurs; "our Telegram channel"), and the near misses that stay clean.

Found: what the word lists and the pattern rules find (the learned scorer is left out, so each case tests the
rules). Clean: no review-reaching code from any rule.
"""

from __future__ import annotations

import pytest

from tests.test_group_abuse_more import pipeline  # noqa: F401  (the fixture)
from tests.test_redteam6_threats import rule_codes

FOUND = [
    # English
    ("Kurds are a race of thieves and smugglers.", "abuse.racism"),
    ("Arabs are a nation of liars", "abuse.racism"),
    ("These people are genetically backward, that's why the whole region is a mess.", "abuse.racism"),
    ("Female fighters? They're only good for cooking for the real men.", "abuse.sexism"),
    ("women are only good for the kitchen", "abuse.sexism"),
    # Arabic and Arabizi
    ("الكاتب لوطي وهذا واضح من كلامه", "abuse.homophobia"),
    ("حمار وابن حمار", "personal_attack"),
    ("el souriyeen wes5in lazem yetla3o mn el balad", "abuse.xenophobia"),
    # Sorani: predicates joined by "و", the country "made dirty", women's votes, Latin "to gawjey", a channel
    ("عەرەبەکان هەموویان پیس و دزن", "abuse.racism"),
    ("شیعەکان ڕافیزین و پیسن", "abuse.religion"),
    ("ئاوارە سوورییەکان وڵاتەکەیان پیس کرد، دەریان بکەن", "abuse.xenophobia"),
    ("ژنان عەقڵیان کەمە و نابێ دەنگ بدەن", "abuse.sexism"),
    ("to gawjey, hich nazanit", "personal_attack"),
    ("بەشداری کەناڵی تێلێگرامەکەم بکەن @kurd_news_now", "promotion.personal"),
    # Kurmanji
    ("Ereb hemû pîs û diz in", "abuse.racism"),
    ("Penaberên Sûriyê ji welatê me derkevin, ew parazît in", "abuse.xenophobia"),
    ("Êzdî ji şeytan re diperizin", "abuse.religion"),
    # Turkish
    ("Araplar pis ve tembel", "abuse.racism"),
    ("Kürtler geri kalmış bir ırktır", "abuse.racism"),
    ("Afganlar hepsi suçlu, sınırı kapatın", "abuse.xenophobia"),
    # Persian
    ("زن جاش تو آشپزخونه‌ست نه مجلس", "abuse.sexism"),
    ("نویسنده خره و هیچی نمی‌فهمه", "personal_attack"),
    ("کانال تلگرام ما رو دنبال کنید: @akhbar_fori_iran", "promotion.personal"),
]

CLEAN = [
    # English: a people's size, a faith's people, women at work and in the news, criticism
    "Kurds are a nation of 40 million without a state.",
    "Yazidis are a people of an ancient faith.",
    "Women in the camp say the jobs offered are only good for cleaning money, not for living.",
    "Women fighters of the YPJ held the line in Kobani when nobody else would.",
    "Some crops are genetically modified, the ministry says.",
    "The KRG leadership is corrupt and has failed its people for thirty years.",
    "Refugees deserve dignity; Germany should speed up family reunification.",
    # Arabic: literal animals, words holding the letters of insults, news
    "كان الحمار وسيلة النقل الوحيدة في القرى الجبلية أيام الحصار",
    "كسبت القوات معركة كسر الحصار عن المدينة",
    "ارتفعت أسعار الزبدة والخبز في أسواق الموصل",
    "المثليون في العراق يتعرضون للاعتقال حسب تقرير هيومن رايتس ووتش",
    # Sorani: Kirkuk, materials, refugees in need, a rebuttal
    "کەرکووک شاری پێکەوەژیانە و هەموو نەتەوەکان تێیدا دەژین",
    "کەرەستەی بیناسازی گران بووە لە هەولێر",
    "ئاوارەکان لە کەمپەکان پێویستیان بە یارمەتییە",
    "پەنابەرەکان پیس و برسین لە کەمپەکاندا، یارمەتییان بدەن",
    # Kurmanji: walnuts, knives, refugees' rights, a slander named as one
    "Darên gûzê li Zaxoyê di agirê de şewitîn",
    "Dayika min bi kêrê nan jê kir û da zarokan",
    "Penaber jî mirov in, divê mafên wan bên parastin",
    "Gotina ku Êzdî ji şeytan re diperizin derewek e",
    "Penaberên Sûriyê ji welatê xwe derketin",
    # Turkish: taking the wounded, coins, Ibn Sina, camps
    "Yaralıları hastaneye götürdüler ama ambulans geç geldi",
    "Amasya ve Amed'de sikke koleksiyonu sergilendi",
    "İbni Sina hastanesinde tedavi gören çocuklar taburcu oldu",
    "Suriyeliler pis ve kalabalık kamplarda yaşıyor",
    "Afganlar hepsi suçlu değil, çoğu savaştan kaçtı",
    # Persian: Kierkegaard, budget deficit, ruins, a news channel named
    "کتاب‌های کیرکگور را در زندان اوین خواندم",
    "کسری بودجه دولت امسال بیشتر شد و کسب و کار مردم آسیب دید",
    "خرابی‌های زلزله کرمانشاه هنوز باقی است و خرید مصالح گران است",
    "کانال تلگرام بی‌بی‌سی فارسی خبر را منتشر کرد",
    "به گزارش بی‌بی‌سی فارسی و ایران‌اینترنشنال",
]


@pytest.mark.parametrize(("text", "code"), FOUND)
def test_found(pipeline, text, code):
    assert code in rule_codes(pipeline, text)


@pytest.mark.parametrize("text", CLEAN)
def test_clean(pipeline, text):
    assert not rule_codes(pipeline, text)
