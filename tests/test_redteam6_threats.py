"""Red-team round 6, threats: what a blind red team wrote under war and refugee news that the rules missed, in
English, Arabic, Sorani, Kurmanji, Turkish, Persian and Arabizi, and the near misses that stay clean (casualty
reports, a politician's threat quoted to condemn it, a sheep slaughtered for Eid, fields to cultivate, questions).

Found: what the pattern rules and word lists find (the learned scorer is left out, so each case tests the rules).
Clean: no review-reaching code from any rule.
"""

from __future__ import annotations

import pytest

from tests.test_group_abuse_more import pipeline  # noqa: F401  (the fixture)
from tests.test_group_abuse_more import rule_codes as group_rule_codes

RULE_PREFIXES = ("threat.patterns:", "abuse.patterns:", "attack.patterns:", "promotion.patterns:", "lexicon:")


def rule_codes(pipeline, text: str) -> set[str]:
    """Review-reaching codes that a word list or a pattern rule gave evidence for."""
    return group_rule_codes(pipeline, text, RULE_PREFIXES)


FOUND = [
    # English: both legs, a death wished as an end, villages burned to the ground, days counted, a lesson not
    # survived, lined up against a wall, the next one to speak
    "If I ever meet the clown who wrote this I will break both his legs.",
    "Hope your whole family ends up under the rubble like the people you keep defending.",
    "I hope they all end up in body bags",
    "Burn their villages to the ground and let them see how it feels.",
    "We will find the journalist who wrote this. Count your days.",
    "Somebody needs to teach this reporter a lesson he won't walk away from.",
    "Line them all up against a wall, every refugee who came in after 2015.",
    "i swear to god ill stab the next guy who defends this regime",
    # Arabic: "must slaughter them", "God willing a car bomb goes off among you", curses and veiled threats
    "لازم يذبحوهم واحد واحد، ما يستاهلوا يعيشوا",
    "لازم نقتلهم قبل ما يوصلون",
    "إن شاء الله تنفجر فيكم سيارة مفخخة يا خونة",
    "يا رب يموتون كلهم",
    "الله ياخذكم كلكم ويحرق بيوتكم فوق روسكم",
    "راح نخلي أمك تبكي عليك قريبا",
    "الموت لكل من يدافع عن هذا الكاتب",
    # Arabizi
    "wallah la2e2tlak iza shoftak",
    "inshallah yemoto kellon, el kurd el khawane",
    # Sorani: the head named first, "they must all be killed"
    "سەری ئەم نووسەرە دەبێ ببڕدرێت",
    "دەبێ هەموویان بکوژرێن، یەک یەک",
    # Kurmanji: "all Turks must be killed", "the writer's head must be cut off", "may you all die"
    "Divê hemû Tirk werin kuştin, yek bi yek",
    "Serê nivîskarê vê nûçeyê divê bê jêkirin",
    "Xwedê mala we xera bike, hûn hemû bimirin",
    # Turkish: "we know your address, be careful", "his head must be cut", "the traitors must be killed"
    "Adresini biliyoruz, dikkatli ol gazeteci",
    "Bu yazarın kafasını kesmek lazım",
    "Hainleri öldürmek lazım, hepsini",
    # Persian and Finglish: "all of them must be executed", "we have your address", "if I see you I'll kill you"
    "باید همه‌شون رو اعدام کرد، یکی یکی",
    "آدرست رو داریم، منتظر باش",
    "age bebinamet mikosham",
]

CLEAN = [
    # war reporting, casualties, weapons
    "The drone strike near Qandil killed six fighters and wounded two shepherds, according to local officials.",
    "Artillery shelled the outskirts of Afrin for three days; 43 civilians were killed and hundreds fled.",
    "The tribunal heard how they lined them up against a wall and shot them.",
    "Saddam's army burned their villages to the ground during the Anfal.",
    "Burn their villages to the ground? That is what Saddam did.",
    "Hope the refugees end up in a safe country this winter.",
    "I hope you end up dead wrong on this, honestly.",
    "Count your days off carefully before the strike.",
    "Teach him a lesson he won't forget: vote them out.",
    "I will vote for anyone who fixes the power cuts.",
    "This policy will kill the local economy, mark my words.",
    # quoting a threat to condemn it
    "Erdogan said he will 'crush the heads' of the YPG. That kind of rhetoric only leads to more dead civilians.",
    "قال القائد إنه سيسحق الأعداء ويذبحهم، وهذا كلام خطير يجب إدانته",
    "Erdogan got 'em ê wan perçiqînin', ev gotin divê were şermezarkirin",
    "Cumhurbaşkanı 'hepsini ezeceğiz' dedi; bu dil barışa zarar veriyor",
    # Arabic: a sheep for Eid, hopes that no one dies, news of death
    "لازم نذبحه قبل العيد",
    "ان شاء الله ما يموتون، الجرحى في المستشفى",
    "الموت لا يفرق بين كردي وعربي، كلنا ضحايا هذه الحرب",
    "قُتل ١٢ مدنياً في قصف تركي على قرية قرب دهوك يوم ١٥/٠٦/٢٠٢٣",
    # Sorani and Kurmanji news, questions and negations
    "تۆپبارانی تورکیا لە دەوروبەری زاخۆ سێ هاووڵاتی کوشت",
    "Ma divê zarok werin kuştin?",
    "Divê sivîl neyên kuştin",
    "Divê kujer werin darizandin",
    "Bombebarana Tirkiyê li Qamişlo 7 sivîl kuştin",
    # Turkish: viruses killed, a courier who knows the address, news
    "Virüsleri öldürmek lazım, ellerinizi yıkayın",
    "Adresini biliyoruz, kargonu bekle",
    "Türk ordusunun hava saldırısında 5 militan öldürüldü, 2 sivil yaralandı",
    # Persian: fields to cultivate, news of executions
    "باید همه زمین‌ها را کشت کرد",
    "اعدام‌ها در سال ۱۴۰۱ به ۵۸۲ نفر رسید، طبق گزارش عفو بین‌الملل",
    "در حمله پهپادی به اربیل ۳ نفر کشته شدند",
]


@pytest.mark.parametrize("text", FOUND)
def test_found(pipeline, text):
    assert "threat" in rule_codes(pipeline, text)


@pytest.mark.parametrize("text", CLEAN)
def test_clean(pipeline, text):
    assert not rule_codes(pipeline, text)
