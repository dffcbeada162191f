"""The fifth red team's threats and promotion: a massacre's fate wished on someone, strikes cheered, journalists
promised the rope, offices burned with people inside, found-and-regret promises and houses burned over heads in the
other languages; candidates asking for votes for themselves, betting and visa ads, live streams and channels to
follow. Each with near misses that stay clean: news of threats, history, elections, a reader's own vote."""

from __future__ import annotations

import pytest

from moderation.guidelines import Code
from tests.test_guideline_checks import found

THREATS = [
    # a massacre's fate wished on the reader or someone
    "I hope your entire family gets what the Armenians got.",
    "Pray that you all suffer the fate of the Yazidis",
    "I wish his whole clan gets what the people of Halabja got in 1988",
    "May you meet the same fate as the Ezidis of Sinjar.",
    # a strike promised and cheered
    "One day the missiles will land on your house and I will be celebrating.",
    "The jets will flatten your town soon, and we'll be dancing in the streets.",
    # every one of them promised death
    "When we win we will execute every reporter who lied about us.",
    "I'm going to kill every last one of you traitors.",
    "We shall hang all the journalists of this rag.",
    # burned inside
    "Torch their newsroom, they deserve nothing else.",
    "Set fire to his house. Let them all burn alive.",
    "Let those liars roast inside their studio.",
    # found and regret, in the other languages
    "Em ê te bibînin, tu yê poşman bibî",
    "Seni bulacağım ve çok pişman olacaksın",
    "سأجدك وستندم على كل كلمة",
    "پیدات می‌کنم و پشیمون میشی",
    "دەتدۆزمەوە و پەشیمان دەبیتەوە",
    "I will find you and you will regret this.",
    # houses burned over heads
    "Evinizi başınıza yıkacağız",
    "Ofisini başına yakarız, adresini biliyoruz",
    "Adresini biliyoruz, yakında geleceğiz",
    # thrown from buildings
    "هؤلاء لازم يترمون من فوق العمارات",
    "يجب رميهم من اعلى البنايات",
    "Bunlar binalardan atılmalı",
    "باید همه‌شان را از بالای ساختمان پرت کرد",
]

CLEAN = [
    # history and news of massacres, threats reported
    "The Yazidis got no compensation after what ISIS did in 2014.",
    "I hope the Yazidis get the justice they were promised.",
    "What the Armenians suffered in 1915 must be recognised.",
    "I hope your family gets the aid the Yazidis never got.",
    "The militia told villagers it would burn their homes; the UN must investigate.",
    "Drones hit a village near Zakho yesterday, killing two shepherds.",
    "Turkish drones will hit your village too if the PKK stays, the mukhtar warned, and nobody is cheering.",
    "If the drones hit your village, call the civil defence.",
    "We will execute every plan on time.",
    "We will hang every painting from this collection in the new gallery.",
    "I'm going to kill every last one of these weeds in my garden.",
    "The mob burned down their offices in 2019, and the journalists fled.",
    "Burn down their offices? That would only make them martyrs.",
    "Let them rot in prison for what they did.",
    "Let the food cook inside the oven for an hour.",
    # finding and seeing, regretting, addresses
    "Ez ê te sibê li civînê bibînim.",
    "Restoranın adresini biliyorum, yarın gideriz.",
    "Evini başına yıktılar diye haber yapıldı: deprem mağdurları yardım bekliyor.",
    "سأجدك في المقهى غدا",
    "I will find you a seat, and you won't regret coming.",
    # thrown from buildings, reported
    "داعش كان يرمي الناس من فوق البنايات في الموصل",
    "IŞİD eşcinselleri binalardan attı, bu bir savaş suçudur",
]


@pytest.mark.parametrize("text", THREATS)
def test_threats_found(text: str):
    assert Code.threat in found(text)


@pytest.mark.parametrize("text", CLEAN)
def test_near_misses_are_no_threats(text: str):
    assert Code.threat not in found(text)


PERSONAL = [
    # candidates asking for votes for themselves
    "Please vote for me on Sunday, list 9, number 4!",
    "Elect me and I will fix the roads of Duhok.",
    "Seçimde bana oy verin, liste 5 sıra 2",
    "Oyunuzu bana verin, Bağlar için çalışacağım",
    "Dengê xwe bidin min, lîsteya 4",
    "دەنگ بدەن بە من، لیستی ١٠ ژمارە ٢",
    "دەنگەکانتان بە من بدەن لە هەڵبژاردنی داهاتوو",
    "صوتوا لي في الانتخابات القادمة، قائمة ٩",
    "انتخبوني وسترون الفرق",
    "به من رأی بدهید، لیست ۳ شماره ۵",
    "I'm the independent candidate for Erbil, vote list 22 on Sunday",
    "Ana el murashah Sherko, support me and vote list 3",
    # live streams and channels
    "Going to discuss the budget tonight, come join me @budget.watch",
    "I will be live on TikTok at 8, don't miss it",
    "برای تحلیل روزانه کانالم رو دنبال کنید: @tahlil_roz",
    "Hesabımı takip edin, join me live tonight",
]
COMMERCIAL = [
    "%150 bonus, hemen üye olun: kazanbet99",
    "100% welcome bonus on your first deposit at spinwin88",
    "Fresh falafel in Ankawa, 15% off if you mention this comment at the counter",
    "Bu yorumu gösterene tatlı bedava, Kızılay'da Lezzet Döner",
    "Work visa for Germany, fast and guaranteed, call 0750 111 2233",
    "ویزای تضمینی کانادا، تماس: ۰۹۱۲۱۱۱۲۲۳۳",
]
NOT_PROMOTION = [
    # elections discussed, a reader's own vote, a call to vote at all, a candidate quoted
    "I will vote for list 7, they at least paved our street.",
    "Everyone should vote on Sunday, whoever you choose.",
    "List 7 announced its candidates for Sulaymaniyah yesterday.",
    "The candidate kept shouting 'vote for me' at the rally, which was embarrassing.",
    "Why would anyone vote for me? I'm just a teacher.",
    "Ben listede 7 numaralı adaya oy vereceğim.",
    "Aday 'bana oy verin' diye bağırdı ama kimse dinlemedi.",
    "Ez ê dengê xwe bidim lîsteya 12.",
    "قالوا انتخبوني ثم سرقوا كل شيء",
    "المرشح قال: صوتوا لي، ثم اختفى بعد الانتخابات",
    "من به لیست ۷ رأی میدهم",
    "دەنگم دا بە لیستی ٢٠٥",
    # restaurants, discounts and numbers that are no ad
    "We ate at a kebab restaurant on Salim Street after the protest; the owner was very kind.",
    "Oil prices are 20% off their peak, the report says.",
    "Visa applicants at the embassy should call the official hotline 115 for appointments.",
    "The minister was live on Rudaw last night and dodged every question.",
    "Betting sites are ruining young people, the article is right.",
    "The Telegram channel of the ministry posted the results first.",
]


@pytest.mark.parametrize("text", PERSONAL)
def test_personal_promotion_found(text: str):
    assert {Code.promotion_personal, Code.promotion_commercial} & found(text)


@pytest.mark.parametrize("text", COMMERCIAL)
def test_commercial_promotion_found(text: str):
    assert Code.promotion_commercial in found(text)


@pytest.mark.parametrize("text", NOT_PROMOTION)
def test_near_misses_are_no_promotion(text: str):
    assert not {Code.promotion_personal, Code.promotion_commercial} & found(text)


@pytest.mark.parametrize("text", [
    "Hey neighbours, join us @CityLibrary tomorrow for the reading.",
    "I hope you can join us @mayor_office at the memorial.",
])
def test_an_event_joined_is_no_account_promoted(text: str):
    assert not {Code.promotion_personal, Code.promotion_commercial} & found(text)
