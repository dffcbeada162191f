"""Red-team round 5, abuse and word lists: the forms readers use that the rules missed, in every language the
newsroom publishes in, and the near-misses that must stay clean (news reporting, rebuttals, group words alone).

Found: what the word lists and the pattern rules find (the learned scorer is left out, so each case tests the
rules). Clean: no review-reaching code from any rule.
"""

from __future__ import annotations

import pytest

from tests.test_group_abuse_more import pipeline  # noqa: F401  (the fixture)
from tests.test_group_abuse_more import rule_codes as group_rule_codes

RULE_PREFIXES = ("abuse.patterns:", "attack.patterns:", "lexicon:")


def rule_codes(pipeline, text: str) -> set[str]:
    """Review-reaching codes that a word list or a pattern rule gave evidence for."""
    return group_rule_codes(pipeline, text, RULE_PREFIXES)


FOUND = [
    # English: faiths called infidels or heretics
    ("Alevis are infidels, every last one of them.", "abuse.religion"),
    ("Yazidis are heretics and always will be", "abuse.religion"),
    ("the shia are majoos anyway", "abuse.religion"),
    ("Christians are kafirs", "abuse.religion"),
    # crime and disease said of a people, where the clause ends or before a call to throw them out
    ("Bangladeshis bring disease.", "abuse.xenophobia"),
    ("Afghanis bring crime and drugs, deport them.", "abuse.xenophobia"),
    ("Syrians in the camps near Duhok spread disease, kick them all out", "abuse.xenophobia"),
    ("Afghanis are thieves, throw them out", "abuse.xenophobia"),
    ("Pakistanis steal our jobs; kick them out", "abuse.xenophobia"),
    # the cabal trope with "like they ..."
    ("Jews run the media like they run everything", "abuse.religion"),
    ("Zionists control the news like they control the banks", "abuse.religion"),
    # go back to the desert / caves, said as an order
    ("Arabs out of Kirkuk, go back to the desert", "abuse.xenophobia"),
    ("Nobody wants you here. Go back to the caves!", "abuse.xenophobia"),
    # a woman's post said to come from bed
    ("The new presenter got the job because she slept with the producer", "abuse.sexism"),
    ("She landed that column by sleeping with the owner.", "abuse.sexism"),
    ("women shouldn't comment on politics", "abuse.sexism"),
    ("Women cannot sit in parliament, end of story", "abuse.sexism"),
    ("abeed like him should not be officers", "abuse.racism"),
    # a group, a person given as its example, and "what's wrong with ..."
    ("Feminists like that presenter are what's wrong with the news", "abuse.sexism"),
    ("Immigrants are exactly what is wrong with this city", "abuse.xenophobia"),
    ("your mom was easier than the entrance exam", "personal_attack"),
    # Kurmanji: the origin adjectives, barbarians and infidels, women kept home, "qûnde"
    ("Pakistanî diz in, hemû", "abuse.xenophobia"),
    ("Sûriyeyî qirêj in", "abuse.xenophobia"),
    ("Ereb hemû barbar in", "abuse.racism"),
    ("Faris wehşî ne", "abuse.racism"),
    ("Elewî kafir in", "abuse.religion"),
    ("Xiristiyanên kafir ji vir biçin", "abuse.religion"),
    ("Ev nivîskar qûnde ye", "abuse.homophobia"),
    ("Jin divê li malê rûnin", "abuse.sexism"),
    ("Ey kerê bêmêjî, tu çi dizanî", "personal_attack"),
    # Turkish: a filthy race, expelled from these lands, the cabal, women kept home, "top"
    ("Ermeniler aşağılık bir ırktır", "abuse.racism"),
    ("Çingeneler pis ve hain bir ırktır", "abuse.racism"),
    ("Suriyeliler bu topraklardan kovulsun", "abuse.xenophobia"),
    ("Aleviler bu ülkeden defolsun", "abuse.religion"),
    ("gavur Rumlar yine iş başında", "abuse.religion"),
    ("Yahudiler dünyayı yönetiyor, haberler de onlardan", "abuse.religion"),
    ("Siyonist medya her şeyi kontrol ediyor", "abuse.religion"),
    ("Lazlar değil ama Kürtler dağdan inmiş ayılardır", "abuse.racism"),
    ("Kadından başkan mı olur?", "abuse.sexism"),
    ("Bu sunucu resmen top.", "abuse.homophobia"),
    # Sorani: a savage race, Iran's hirelings, "قوونی", women at home, the masked curse, Latin "to kari"
    ("عەرەبەکان نەژادێکی پیسن", "abuse.racism"),
    ("سوننەکان هەموویان بەکرێگیراوی ئێرانن", "abuse.religion"),
    ("نووسەرەکە قوونییە", "abuse.homophobia"),
    ("ئافرەت شوێنی ماڵە", "abuse.sexism"),
    ("کێر بە ئەو هەواڵە", "vulgarity"),
    ("to kari, kar", "personal_attack"),
    # Persian: Wahhabis and Sunnis called terrorists, a people called savages, "کونیه", slept with her boss
    ("وهابی‌ها همه تروریستن", "abuse.religion"),
    ("ترک‌ها وحشی‌ان", "abuse.racism"),
    ("این یارو کونیه", "abuse.homophobia"),
    ("معلومه با مدیرش خوابیده", "abuse.sexism"),
    # Arabic: the look as the proof, their religion cursed
    ("المذيع شكله خول", "abuse.homophobia"),
    ("يلعن دينكم على هالتغطية", "profanity"),
]

CLEAN = [
    # "Shiite" is no swear word, nor are the faith's names alone
    "Shiite militias and Sunni tribes signed the truce; the report names both.",
    "Shiites marched in Karbala for Arbaeen.",
    "No Shia party won a majority in the provincial council.",
    "The Shia of Basra voted in large numbers.",
    # reporting and rebuttals of the infidel slur
    "ISIS called the Alevis infidels and destroyed their cemevis.",
    "Alevis are not infidels, they are our neighbours.",
    # disease, return and expulsion in the news
    "Doctors fear the camps bring disease to the region.",
    "The minister said Syrians bring disease, a claim doctors rejected.",
    "The army drove them out of Kirkuk in 2017; the Kurds fled.",
    "The Yazidis were chased out of their villages by the militants.",
    "I want to go back to the desert next year for the stargazing.",
    "We had to go back to the mountains after the storm.",
    "The Jews of Erbil kept their synagogue until 1950.",
    "Jewish groups run the media literacy course in Erbil.",
    # women in work and parliament
    "Women in parliament passed the domestic violence bill.",
    "She got the job because she was the best candidate.",
    "The actress slept with the lights on during the shoot.",
    "Women shouldn't have to talk about war crimes against them twice.",
    "your mom was easy to talk to at the school meeting",
    "What's wrong with women in politics? Nothing at all.",
    "Politicians like him are what's wrong with Iraq.",
    # Kurmanji news and rebuttals
    "Afganî ne diz in, ew jî mirov in",
    "Penaberên Sûrî li Dihokê dijîn",
    "Tirk û Kurd li Stenbolê bi hev re dixebitin",
    "Jin li parlamentoyê dengê xwe dan",
    # Turkish news and rebuttals
    "Araplar bir ırktır demek yanlış, Arap bir dil ve kültür topluluğudur",
    "Ermeniler pis bir ırktır değil, bu söz ırkçılıktır",
    "Yahudi medyası kuruluşları Kudüs'te toplandı",
    "Kadından milletvekili sayısı bu dönem arttı",
    "Maç tam bir top festivaline döndü",
    "Top oynayan çocuklar parkta",
    # Sorani, Persian, Arabic news and the group names alone
    "تورکەکان و کوردەکان لە هەولێر بازرگانی دەکەن",
    "ژنان لە پەرلەمان یاسایەکیان پەسەند کرد",
    "سنی‌ها و شیعه‌ها در این شهر کنار هم زندگی می‌کنند",
    "عرب‌ها و کردها در مذاکرات شرکت کردند",
    "المذيع قرأ الخبر بصوت هادئ",
    "a.q olarak kısaltılan birimi hesaplayın",
    "A.Q. Khan network sold the designs, the report says.",
]


@pytest.mark.parametrize(("text", "code"), FOUND)
def test_found(pipeline, text, code):
    assert code in rule_codes(pipeline, text)


@pytest.mark.parametrize("text", CLEAN)
def test_clean(pipeline, text):
    assert not rule_codes(pipeline, text)
