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
