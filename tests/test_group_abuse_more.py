"""Group abuse said without a slur: a people, a faith, a sex or a sexuality called vermin, a disease, beasts or
filth as a bare predicate, in every language the newsroom publishes in; Persian sexism; the Egyptian and Persian
slurs for gay men in the contexts that make them the slur.

Found: what the word lists and the group rules find (the learned scorer is left out, so each case tests the rules).
Clean: news reporting, rebuttals, literal talk about animals and illness, and the group words alone must give no
rule evidence at all.
"""

from __future__ import annotations

import pytest

from moderation.checks import CheckContext
from moderation.checks.pipeline import build_pipeline, violations
from moderation.policy import DEFAULT_POLICY

RULE_PREFIXES = ("abuse.patterns:", "lexicon:")


@pytest.fixture(scope="module")
def pipeline():
    return build_pipeline(DEFAULT_POLICY)


def rule_codes(pipeline, text: str, prefixes: tuple[str, ...] = RULE_PREFIXES) -> set[str]:
    """Review-reaching codes that a word list or a group rule (or the checkers named by `prefixes`) gave evidence
    for."""
    findings = pipeline.run(CheckContext(text=text))
    kept = {f.code for f in findings if any(e.rule.startswith(prefixes) for e in f.evidence)}
    return {code.value for code in violations([f for f in findings if f.code in kept], DEFAULT_POLICY)}


def abuse_rules(pipeline, text: str) -> list[str]:
    """The abuse evidence of the word lists and group rules."""
    return [e.rule for f in pipeline.run(CheckContext(text=text)) if f.code.value.startswith("abuse")
            for e in f.evidence if e.rule.startswith(RULE_PREFIXES)]


ENGLISH_FOUND = [
    ("Kurds are just mountain goats", "abuse.racism"),
    ("Kurds are nothing but mountain goats.", "abuse.racism"),
    ("Syrians are germs", "abuse.xenophobia"),
    ("Refugees are like a plague of locusts", "abuse.xenophobia"),
    ("Immigrants are lice, every one of them", "abuse.xenophobia"),
    ("Roma are just rodents", "abuse.racism"),
    ("Afghans are pests", "abuse.xenophobia"),
    ("Turks are donkeys, all of them", "abuse.racism"),
    ("Arabs are basically a disease", "abuse.racism"),
    ("Jews are a tumour on the world", "abuse.religion"),
    ("Muslims are an infestation", "abuse.religion"),
    ("Women are cattle", "abuse.sexism"),
    ("Gays are diseased", "abuse.homophobia"),
    ("Trans people are a contagion", "abuse.homophobia"),
    ("These migrants are filthy maggots", "abuse.xenophobia"),
    ("Somalis are human garbage", "abuse.xenophobia"),
]

ENGLISH_CLEAN = [
    "The minister called Kurds 'mountain goats', sparking outrage.",
    "Calling Syrians germs is racist.",
    "There are goats in the Kurdish mountains.",
    "Kurds are raising goats in the mountains.",
    "Kurds are cattle herders and farmers.",
    "Syrians are cancer patients too, the charity said.",
    "Refugees are disease-free after screening.",
    "Kurds are goats?",
    "Many Syrians are living with lice in the camps.",
    "Refugees are cancer survivors.",
    "Kurds are not goats.",
    "Kurds are not animals.",
    "Muslims are not terrorists",
    "Immigrants are never the problem",
    "Syrians are germ-free after the vaccination drive.",
    "Kurds, Arabs and Turks live side by side in Kirkuk.",
    "Women are breeding goats to earn a living.",
]


TURKISH_FOUND = [
    ("Kürtler dağ keçisi", "abuse.racism"),
    ("Kürtler zaten dağ keçisi!", "abuse.racism"),
    ("Kürtler dağ keçisidir", "abuse.racism"),
    ("Suriyeliler hamamböceği", "abuse.xenophobia"),
    ("Suriyelilerin hepsi sıçan.", "abuse.xenophobia"),
    ("Mülteciler birer sülük.", "abuse.xenophobia"),
    ("Göçmenler veba!", "abuse.xenophobia"),
    ("Afganlar pire.", "abuse.xenophobia"),
    ("Yahudiler maymun ve domuz.", "abuse.religion"),
    ("Aleviler domuz", "abuse.religion"),
    ("Ermeniler yılandır", "abuse.racism"),
    ("Araplar bildiğin çakal", "abuse.racism"),
    ("Eşcinseller hastalıktır, tedavi edilmeli", "abuse.homophobia"),
    ("İbneler mikrop.", "abuse.homophobia"),
    ("Kürt dediğin dağ keçisidir", "abuse.racism"),
    ("Suriyeli dediğin mikrop.", "abuse.xenophobia"),
    ("Kadınlar hayvan.", "abuse.sexism"),
    ("Kadınlar eşektir", "abuse.sexism"),
]

TURKISH_CLEAN = [
    "Kürtler dağ keçisi yetiştiriyor.",
    "Kürtler dağ keçisi gibi tırmanıyor.",
    "Kürtler keçi değil, insandır.",
    "Bakan Kürtlere \"dağ keçisi\" dedi, tepki yağdı.",
    "Vekil \"Kürtler dağ keçisi\" dedi, tepki yağdı.",
    "Kürtlere dağ keçisi demek ırkçılıktır.",
    "Kürtler keçidir diyen vekil özür diledi.",
    "Eşcinseller hastalıktır diyen vekil istifa etti.",
    "Dağlarda keçiler otluyor, Kürt köylüler sürüyü güdüyor.",
    "Kürtler hayvan besliyor.",
    "Kurt dediğin yırtıcı hayvandır",
    "Suriyeliler kanser tedavisi için Türkiye'ye geliyor.",
    "Kadınlar kanser taramasına davet edildi.",
    "Mülteciler salgın nedeniyle kamplarda kaldı.",
    "Suriyeliler hastalık, açlık ve soğukla boğuşuyor.",
    "Göçmenler fare ve böceklerle dolu kamplarda yaşıyor.",
    "Kadınlar hastalık izni aldı.",
    "Kürtler, Araplar ve Türkler bir arada yaşıyor.",
]

ARABIC_FOUND = [
    ("اليهود قردة وخنازير", "abuse.religion"),
    ("اليهود قردة", "abuse.religion"),
    ("يهود قردة وخنازير", "abuse.religion"),
    ("العرب هم القردة والخنازير", "abuse.racism"),
    ("السوريون جراثيم", "abuse.xenophobia"),
    ("الأكراد ماعز الجبال", "abuse.racism"),
    ("الأكراد مجرد ماعز جبلية.", "abuse.racism"),
    ("الشيعة كلهم جرذان وصراصير", "abuse.religion"),
    ("النازحين قمل.", "abuse.xenophobia"),
    ("اللاجئين جراد!", "abuse.xenophobia"),
    ("الأفغان طاعون", "abuse.xenophobia"),
    ("النسوان بهائم", "abuse.sexism"),
    ("الحريم كلهن حمير.", "abuse.sexism"),
    ("المثليين وباء", "abuse.homophobia"),
    ("اللاجئين مثل الجراد", "abuse.xenophobia"),
    ("السوريين زي الجراثيم انتشروا في كل مكان", "abuse.xenophobia"),
    # the Egyptian slur where it names someone
    ("انت خول", "abuse.homophobia"),
    ("ده خول ابن خول", "abuse.homophobia"),
    ("الممثل ده خول.", "abuse.homophobia"),
    ("الواد الخول ده مش راجل", "abuse.homophobia"),
    ("انتو خولات", "abuse.homophobia"),
    ("وانت خول زي ابوك", "abuse.homophobia"),
]

ARABIC_CLEAN = [
    "اليهود ليسوا قردة",
    "القول بأن اليهود قردة عنصرية",
    "وصف السوريين بالجراثيم عنصرية",
    "وصف الوزير الأكراد بأنهم ماعز الجبال فأثار غضبا",
    "يربي الأكراد ماعز وأغنام في الجبال",
    "يربي الأكراد الماعز في الجبال.",
    "انتشر بين اللاجئين وباء الكوليرا في المخيمات",
    "ينتشر بين المثليين مرض جدري القردة",
    "يعاني النازحون من القمل والجرب في المخيمات",
    "النساء مريضات السرطان يحتجن الدعم",
    "اشترى العرب خرفان العيد",
    "السوريون والعراقيون والأكراد يعيشون معا",
    "يعاملون السوريين مثل الكلاب",
    "يعيش اللاجئون مثل الحيوانات في المخيمات",
    "انتشر المرض بين اللاجئين مثل النار",
    # "خول" that is no slur: the verb "authorised", names, words that hold its letters
    "خول البرلمان الحكومة صلاحيات جديدة",
    "هو خول الوزير بالتوقيع على الاتفاقية",
    "الذي خول الرئيس إعلان الطوارئ",
    "خولة بنت الأزور بطلة تاريخية",
    "مدخول العائلة ضعيف",
    "الدخول مجاني للنساء",
    "الخولي لاعب مصري",
    "ده خولة بنت جيراننا",
]

PERSIAN_FOUND = [
    ("افغانی‌ها موشند", "abuse.xenophobia"),
    ("افغانی‌ها مثل شپشن", "abuse.xenophobia"),
    ("کردها بز کوهی‌اند", "abuse.racism"),
    ("کردها همه بز کوهی هستند", "abuse.racism"),
    ("عرب‌ها ملخن", "abuse.racism"),
    ("یهودیا میمون هستن", "abuse.religion"),
    ("بهایی‌ها ویروسند", "abuse.religion"),
    ("همجنس‌گراها بیماری‌اند", "abuse.homophobia"),
    ("زن‌ها جانورند", "abuse.sexism"),
    ("افغانی موشه", "abuse.xenophobia"),
    ("هر افغانی یه انگله", "abuse.xenophobia"),
    ("عرب میمونه", "abuse.racism"),
    ("یهودی سرطانه", "abuse.religion"),
    # sexism: the kitchen and the bed, sense, beating, property
    ("زن‌ها فقط به درد آشپزخونه می‌خورن", "abuse.sexism"),
    ("زن فقط به درد رختخواب می‌خوره", "abuse.sexism"),
    ("زن جماعت عقلش کمه", "abuse.sexism"),
    ("زنها کم‌عقلند", "abuse.sexism"),
    ("زنا عقلشون قد مرغه", "abuse.sexism"),
    ("زن رو باید زد", "abuse.sexism"),
    ("زن کتک می‌خواد", "abuse.sexism"),
    ("زنها باید کتک بخورن تا آدم بشن", "abuse.sexism"),
    ("زن با کتک آدم میشه", "abuse.sexism"),
    ("زن مال شوهرشه", "abuse.sexism"),
    ("زن‌ها جنس دومه", "abuse.sexism"),
    ("زن و اژدها هر دو در خاک به", "abuse.sexism"),
    # the slur where it names someone
    ("یارو کونیه", "abuse.homophobia"),
    ("این کونی رو ببین", "abuse.homophobia"),
    ("تو کونی‌ای", "abuse.homophobia"),
    ("اون کونی عوضی", "abuse.homophobia"),
    ("همشون کونین", "abuse.homophobia"),
]

PERSIAN_CLEAN = [
    "کردها بز کوهی نیستند",
    "کردها در کوهستان بز کوهی پرورش می‌دهند",
    "گفتن اینکه افغانی‌ها موشند نژادپرستی است",
    "وزیر کردها را بز کوهی خواند و خشم به پا کرد",
    "افغانی‌ها بیماری‌اند دروغه",
    "بیماری در میان افغانی‌ها شایع است",
    "افغانی موشه دروغه",
    "گربه‌ام موشه را گرفت",
    "عرب‌ها در خوزستان زندگی می‌کنند",
    "زن‌ها فقط به درد آشپزخونه نمی‌خورن",
    "زنها کم‌عقلند دروغه",
    "زن‌ها عقل ندارن غلطه",
    "زن را نباید زد",
    "به زن نباید کتک زد",
    "زنان قربانی خشونت خانگی هستند و کتک می‌خورند",
    "حد زنا را باید زد",
    "زنا را باید تنبیه کرد",
    "وزن این بسته کمه",
    "زنها در خانه کار می‌کنند",
    # "کونی" that is no slur: Arabic "be!", "my being", "cosmic"; Sorani "its hole"
    "لكوني امرأة أقول: كوني قوية",
    "كوني قوية يا ابنتي",
    "الأزمة الكونية",
    "القوانين الكونية ثابتة",
    "ئەم کونە گەورەیە",
    "کونی لووتی",
]

SORANI_FOUND = [
    ("کوردەکان بزنی کێوین", "abuse.racism"),
    ("عەرەبەکان تەنها گوێدرێژن", "abuse.racism"),
    ("پەنابەرەکان ئەسپێن", "abuse.xenophobia"),
    ("سوورییەکان هەموویان سیسرکن", "abuse.xenophobia"),
    ("ئەفغانەکان کوللەن", "abuse.xenophobia"),
    ("جوولەکەکان شێرپەنجەن", "abuse.religion"),
    ("هاوڕەگەزبازەکان نەخۆشین", "abuse.homophobia"),
    ("ژنان ئاژەڵی پیسن", "abuse.sexism"),
]

SORANI_CLEAN = [
    "کوردەکان بزنی کێوی نین",
    "کوردەکان بزن بەخێو دەکەن",
    "وتنی ئەوەی کوردەکان بزنی کێوین ڕەگەزپەرستییە",
    "پەنابەرەکان لە کەمپەکان ئەسپێیان هەیە",
    "ئاوارەکان نەخۆشی شێرپەنجەیان هەیە",
    "کوردەکان و عەرەبەکان پێکەوە دەژین",
]

KURMANJI_FOUND = [
    ("Kurd bizinên çiyê ne", "abuse.racism"),
    ("Kurd bizinen ciya ne", "abuse.racism"),
    ("Ereb hemû mar in", "abuse.racism"),
    ("Tirk zibil in", "abuse.racism"),
    ("Penaber kêzik in", "abuse.xenophobia"),
    ("Sûriyên kurm in", "abuse.xenophobia"),
    ("Cihû penceşêr in", "abuse.religion"),
    ("Hevzayend vîrûs in", "abuse.homophobia"),
    ("Jin tenê dewar in", "abuse.sexism"),
]

KURMANJI_CLEAN = [
    "Kurd ne bizin in",
    "Kurd bizin xwedî dikin li çiyê",
    "Penaber ne kêzik in, mirov in",
    "Penaberên Sûrî jî mirov in",
    "Kurd bizin in nijadperestî ye",
    "Jin li gundê pez xwedî dikin",
    "The gay virus in the 1980s was called GRID",
]

FOUND = ENGLISH_FOUND + TURKISH_FOUND + ARABIC_FOUND + PERSIAN_FOUND + SORANI_FOUND + KURMANJI_FOUND
CLEAN = ENGLISH_CLEAN + TURKISH_CLEAN + ARABIC_CLEAN + PERSIAN_CLEAN + SORANI_CLEAN + KURMANJI_CLEAN


@pytest.mark.parametrize(("text", "code"), FOUND)
def test_dehumanising_predicates_are_found(pipeline, text, code):
    assert code in rule_codes(pipeline, text)


@pytest.mark.parametrize("text", CLEAN)
def test_near_misses_stay_clean(pipeline, text):
    assert abuse_rules(pipeline, text) == []
