"""Words that name who people are. Naming a group is never a finding on its own.

Learned scorers see none of these words, so they judge what is said of a group rather than which group
is named ("Kurds, Arabs and Christians live here" must not score like abuse because abusive training
texts often name groups). Which group is named then decides which abuse code a finding gets.
"""

from __future__ import annotations

from moderation.guidelines import Code

PLACEHOLDER = "xgroupx"

GROUP_WORDS: dict[Code, frozenset[str]] = {
    Code.abuse_religion: frozenset("""
        muslim muslims moslem moslems islam islamic jew jews jewish judaism christian christians christianity
        catholic catholics protestant protestants orthodox evangelical evangelicals hindu hindus sikh sikhs
        buddhist buddhists atheist atheists alevi alevis yazidi yazidis yezidi yezidis shia shias shiite
        shiites sunni sunnis druze""".split()),
    Code.abuse_racism: frozenset("""
        arab arabs arabic kurd kurds kurdish turk turks turkish turkmen armenian armenians persian persians
        assyrian assyrians chaldean chaldeans syriac african africans asian asians black blacks white whites
        latino latinos latina latinas hispanic hispanics gypsy gypsies roma""".split()),
    Code.abuse_xenophobia: frozenset("""
        iranian iranians syrian syrians iraqi iraqis afghan afghans palestinian palestinians israeli israelis
        lebanese egyptian egyptians european europeans mexican mexicans immigrant immigrants migrant migrants
        refugee refugees foreigner foreigners asylum""".split()),
    Code.abuse_homophobia: frozenset("""
        gay gays lesbian lesbians bisexual bisexuals trans transgender transgenders queer homosexual
        homosexuals lgbt lgbtq""".split()),
    Code.abuse_sexism: frozenset("woman women girl girls female females feminist feminists".split()),
}
IDENTITY_WORDS = frozenset().union(*GROUP_WORDS.values())
CODE_OF_WORD = {word: code for code, words in GROUP_WORDS.items() for word in words}

# Words that name a group too, read only to say which abuse code a learned score is when none of the words above
# nor a slur is named (`learned.named_group`); not "American", which US readers mostly say of themselves. The
# model saw them in training, so unlike the words above they stay features: "Irish", "homosexuality", "Mormons". Without them, an abuse score for "stupid Irish cunt" or "homosexuality ...
# a disorder" went to the attack the learned phase gives abuse with no group named.
ATTRIBUTION_WORDS: dict[Code, frozenset[str]] = {
    Code.abuse_religion: frozenset("""
        mormon mormons mormonism hinduism sikhism buddhism catholicism protestantism atheism muhammad mohammed
        scientologist scientologists""".split()),
    Code.abuse_racism: frozenset("""
        negro negroes caucasian caucasians aboriginal aboriginals aborigine aborigines""".split()),
    Code.abuse_xenophobia: frozenset("""
        irish scottish welsh british brits french german germans italian italians polish poles russian russians
        chinese japanese korean koreans indian indians pakistani pakistanis bangladeshi bangladeshis canadian
        canadians australian australians greek greeks serb serbs serbian serbians croat croats
        croatian croatians albanian albanians ukrainian ukrainians romanian romanians bulgarian bulgarians
        macedonian macedonians dutch swedish swedes norwegian norwegians finnish danish portuguese spanish
        brazilian brazilians nigerian nigerians filipino filipinos vietnamese""".split()),
    Code.abuse_homophobia: frozenset("homosexuality lesbianism transsexual transsexuals".split()),
}
CODE_OF_ATTRIBUTION_WORD = {word: code for code, words in ATTRIBUTION_WORDS.items() for word in words}
