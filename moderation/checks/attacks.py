"""Personal attacks: insults aimed at a person ("you idiot", "the author is a moron").

Criticism of an argument is welcome, so adjectives count only when they are aimed at someone; the
lexicon phase scores insult nouns on their own, more weakly.
"""

from __future__ import annotations

import re

from moderation.checks.patterns import PatternChecker, alternatives, rule
from moderation.guidelines import Code

NOUN = alternatives(
    "idiot|moron|imbecile|cretin|fool|dimwit|halfwit|nitwit|dumbass|dumb ass|jackass|ass|asshole|arsehole|"
    "dickhead|dick|douche|douchebag|scumbag|scum|loser|clown|buffoon|troll|liar|hypocrite|coward|retard|"
    "twat|prick|bastard|bitch|cunt|pig|rat|snake|worm|parasite|maggot|lowlife|degenerate|psycho|lunatic|"
    "nutjob|nutcase|freak|creep|pervert|pedo|paedo|pedophile|shill|sucker|wanker|tosser|muppet|numpty|"
    "plonker|knobhead|bellend|git|twit|joke|disgrace|embarrassment|waste of space|waste of oxygen|"
    "piece of shit|piece of garbage|piece of trash|piece of crap|sack of shit|excuse for a human|"
    "animal|savage|subhuman|vermin|trash|garbage|filth|bigot|racist|fascist|nazi|traitor|whore|slut|"
    "skank|hoe|sheep|simpleton|dunce|ignoramus|donkey|baboon|monkey|ape|dog|jerk"
)
# Not bare "lying": "she is lying about the budget" charges a lie, which is criticism; "you lying bastard" is
# still an insult (the intensifiers and ADDRESS_ADJECTIVE).
ADJECTIVE = alternatives(
    "stupid|dumb|ignorant|pathetic|brainless|clueless|worthless|useless|disgusting|retarded|braindead|"
    "brain dead|moronic|idiotic|ugly|fat|dense|thick|demented|deranged|mentally ill|sick in the head|"
    "insane|delusional|incompetent|spineless|gutless|vile|repulsive|despicable|miserable|deplorable|"
    "a waste|an embarrassment|a disgrace|a joke|full of shit|full of crap|out of your mind|off your meds|"
    "too stupid|so stupid|so dumb|a fucking idiot|immature|childish"
)
ADDRESS_ADJECTIVE = alternatives(
    "mindless|spineless|brainless|gutless|worthless|pathetic|lying|ignorant|stupid|dumb|idiotic|moronic|"
    "retarded|disgusting|useless|clueless|arrogant|smug|twisted|delusional|deluded|insufferable|obnoxious|"
    "despicable|vile|cowardly|hateful|senile|demented|sad little|pathetic little"
)
NOT_A_NOUN = alternatives(
    "again|today|tonight|now|then|before|lately|yet|still|too|enough|there|here|down|up|around|about|away|"
    "anymore|sometimes|though|rich|indeed|really"
)
# "are you ...", "did you ...", "I saw you ...": a question or what someone saw, not an address.
NOT_ASKED_OR_SEEN = "".join(rf"(?<!\b{word}\s)" for word in (
    "are", "were", "was", "did", "do", "does", "see", "saw", "seen", "caught", "catch", "heard", "hear", "found",
    "find", "watch", "watched", "let", "made", "make", "keep", "kept", "leave", "left"))
INTENSIFIER = r"(?:(?:such|so|just|really|truly|a|an|the|one|fucking|fking|effing|damn|bloody|total|complete|absolute|utter|big|little|stupid|dumb|pathetic|ignorant|lying|sad|old|ugly|fat|sorry|typical|brainless|clueless|worthless|useless|disgusting|miserable|dirty|filthy|lazy|arrogant|self\s*righteous|smug|ridiculous|mindless|biggest|worst)\s+){0,4}"
PERSON = alternatives(
    "the author|this author|the writer|this writer|the journalist|this journalist|the reporter|this reporter|"
    "the editor|this editor|the columnist|this columnist|whoever wrote this|the person who wrote this|"
    "this guy|that guy|this man|that man|this woman|that woman|this clown|he|she|they|op|the commenter|"
    "the poster|your mother|your mom|your mum|your father|your dad|your wife|your husband|your family"
)

HUMAN = alternatives(
    "professor|minister|president|prime minister|mayor|governor|politician|journalist|reporter|author|writer|"
    "editor|columnist|leader|official|spokesman|spokeswoman|spokesperson|commenter|poster|cleric|imam|mullah|"
    "priest|judge|general|commander|mp|deputy|senator|candidate|guy|man|woman|expert|analyst|presenter|host"
)

# "It'll piss off a lot of readers" is the verb (to annoy), not the dismissal; "get a life sentence" a court's.
PISSED_OFF = (r"(?:a|an|the(?!\s+lot\b)|some|many|people|everyone|everybody|anyone|anybody|his|her|their|our|lots|"
              r"most|half|fans|voters|readers|editors|users)\b")
NOT_AFTER_A_PRONOUN = r"(?:lying|miserable|mentally\s+ill|thick|trash|garbage|an?\s+joke|joke)\b"
LIFE_TERM = r"(?:sentences?|terms?|bans?|punishments?|imprisonment|insurance|coach|of|in)\b"

RULES = [
    rule("human-is-insult", Code.personal_attack, 0.82, rf"""
        \b(?:the|this|that|your|our)\s+{HUMAN}(?:\s+[\w']+){{0,6}}?\s+(?:is|was|'s)\s+(?:a|an)\s+{INTENSIFIER}
        (?:[\w']+\s+){{0,2}}?(?:{NOUN})\b"""),
    rule("you-are-insult", Code.personal_attack, 0.9, rf"""
        \b(?:you(?:'re|\s+are|\s+r|re|\s+were|\s+must\s+be|\s+seem\s+to\s+be|\s+sound\s+like|\s+look\s+like|
        \s+act\s+like|\s+talk\s+like)|ur|u\s+r|your\s+an?|yer)\s+{INTENSIFIER}(?:{NOUN}s?|{ADJECTIVE})\b"""),
    rule("you-insult", Code.personal_attack, 0.88, rf"""
        \b(?:you|u|ya|ye)\s+{INTENSIFIER}{NOUN}s?\b(?!\s+(?:of\s+a\s+)?(?:argument|point|idea|policy|plan|law|bill))"""),
    # "you mindless robot.", "you spineless twirp,": an insulting adjective makes any noun an insult when the
    # phrase is the whole address (punctuation or the end follows) and not a question or a report about the
    # person ("are you ignorant today?", "I caught you lying again.", "you lying in bed" are not insults).
    rule("you-adjective-noun", Code.personal_attack, 0.85, rf"""(?m)
        \b(?=(?:you|u)\s){NOT_ASKED_OR_SEEN}(?:you|u)\s+(?:{ADDRESS_ADJECTIVE})\s+(?!(?:{NOT_A_NOUN})\b)[^\W\d_]{{2,20}}
        (?=[ \t]*(?:[,.!?;:=]|$))"""),
    rule("person-is-insult", Code.personal_attack, 0.85, rf"""
        \b{PERSON}\s+(?:is|was|are|were|'s|must\s+be|seems\s+to\s+be|sounds\s+like)\s+{INTENSIFIER}
        (?:{NOUN}s?|{ADJECTIVE})\b"""),
    # "he's an idiot", "they're morons": a pronoun's contraction is never a possessive ("the author's idiotic
    # argument" is). Not "she's lying in bed", "he's miserable", "she's mentally ill", "he's thick-skinned", nor
    # the verdicts on a player, a band or a team ("he's trash", "they're garbage", "he's a joke this season").
    rule("pronoun-is-insult", Code.personal_attack, 0.85, rf"""
        \b(?:(?:he|she)['’]s|they['’]re)\s+(?!{NOT_AFTER_A_PRONOUN}){INTENSIFIER}(?!{NOT_AFTER_A_PRONOUN})
        (?:{NOUN}s?|{ADJECTIVE})\b"""),
    rule("what-an-insult", Code.personal_attack, 0.72, rf"""
        \b(?:what|such)\s+(?:an?|a\s+bunch\s+of)\s+{INTENSIFIER}{NOUN}s?\b"""),
    rule("insulting-address", Code.personal_attack, 0.8, rf"""
        (?:^|[,.!?;:]\s*)(?:{INTENSIFIER}{NOUN})(?:s)?\s*[,.!?]|\b(?:listen|look|hey|shut\s+up|grow\s+up|
        wake\s+up),?\s+{INTENSIFIER}{NOUN}s?\b"""),
    rule("dismissal", Code.personal_attack, 0.75, rf"""
        \b(?:shut\s+(?:the\s+(?:fuck|hell|heck)\s+)?up|stfu|shut\s+your\s+(?:mouth|trap|face|pie\s*hole|cake\s*hole)|
        get\s+lost|go\s+to\s+hell|screw\s+you|fuck\s+(?:you|u|off|yourself)|piss\s+off(?!\s+{PISSED_OFF})|eat\s+shit|
        bite\s+me|kiss\s+my\s+ass|go\s+fuck\s+yourself|gfy|get\s+a\s+(?:brain|life(?!\s+{LIFE_TERM})|clue)|
        nobody\s+(?:cares|asked)\s+(?:about\s+)?(?:you|what\s+you\s+think)|
        you(?:\s+(?:people|guys|lot|all))?\s+(?:suck|stink|disgust\s+me|make\s+me\s+sick))\b"""),
    # "Dear author, your one brain cell must be very lonely"
    rule("brain-cell", Code.personal_attack, 0.8, r"""
        \b(?:your|ur|his|her|their|the\s+(?:author|writer|editor|reporter|journalist)'s)\s+(?:one|only|single|last|two|
        remaining|lonely)\s+brain\s*cells?\b"""),
    # Insults with no insulting word: "the IQ of a doorknob", "dropped on your head as a baby".
    rule("witless-comparison", Code.personal_attack, 0.78, r"""
        \b(?:iq|intelligence|brains?)\s+of\s+(?:a|an)\s+(?:\w+\s+)?(?:doorknob|door\s*knob|rock|potato|goldfish|brick|
        turnip|cabbage|toaster|houseplant|plant|banana|peanut|fence\s*post|squirrel|hamster|gnat|bag\s+of\s+rocks|
        box\s+of\s+rocks|sack\s+of\s+potatoes|lettuce|shoe|sponge|carrot|donkey|cow|sheep|chicken|ant|amoeba|walnut)s?\b
        |\b(?:dropped|drop)\s+(?:you|u|him|her|them|the\s+(?:author|writer|editor|reporter|journalist))\s+on\s+
        (?:your|ur|his|her|their)\s+heads?\b|\b(?:you|u|he|she|they)\s+(?:were|was|got)\s+dropped\s+on\s+(?:your|ur|his|her|their)
        \s+heads?\b"""),
    rule("your-mother", Code.personal_attack, 0.7, r"""
        \b(?:your|ur|yo)\s+(?:mother|mom|mum|mama|momma)\s+(?:is|was|'s)\s+(?:a|an|so|easier\s+than|easy(?!\s+(?:to|on|going)\b)|cheaper\s+than|
        looser\s+than)\b"""),
]


# "I never said you're a troll", "I am not calling you a liar": the words are denied, not aimed. The denial
# must end where the match begins (quotes and "that" allowed between).
DENIAL = re.compile(r"""
    (?:\bnot|\bnever|n't)\s+(?:(?:have|ever)\s+)?(?:said|say|saying|called|call|calling|claimed|claim|
    suggested|suggesting|implied|implying)(?:\s+(?:that|you're|you\s+are|you\s+were))??[\s"'“”‘’]*$""", re.VERBOSE)


# Every rule needs one of these words: an insult noun or adjective, a dismissal, a mother. Most comments have
# none, and one scan for them is cheaper than every rule's own (the rules cost a sixth of the pipeline).
PREFILTER = re.compile(r"\b(?:" + "|".join((NOUN, ADJECTIVE, ADDRESS_ADJECTIVE, alternatives(
    "shut|stfu|get lost|get a|go to|go fuck|screw|fuck|piss|eat shit|bite me|kiss my|gfy|nobody|suck|stink|disgust|"
    "make me sick|mother|mom|mum|mama|momma|brain cell|brain cells|braincell|braincells|iq|intelligence|brain|brains|"
    "dropped|drop"))) + ")")


class PersonalAttackChecker(PatternChecker):
    def __init__(self) -> None:
        # 7: "your mom was easier than ..." (the mother called easy)
        # 8: "jerk" an insult noun; "you people suck", "shut the heck up"; "piss off a lot of readers" (the verb)
        # and "get a life sentence" no dismissal; "he's an idiot", "they're morons" (pronoun-is-insult); "she is
        # lying" a charge, not an insult
        super().__init__("attack.patterns", "8", RULES, prefilter=PREFILTER, disowned=DENIAL)
