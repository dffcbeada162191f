"""Threats: intent or wishes of harm aimed at people.

Reporting violence is not a threat. The rules need someone who intends or wishes the harm ("I will",
"someone should", "I hope") and someone it is aimed at ("you", "him", a group), so "ISIS killed four
Peshmerga" and "the army will attack the city" stay clean.
"""

from __future__ import annotations

import re
from dataclasses import replace

from moderation.checks import CheckContext, Finding
from moderation.checks.patterns import PatternChecker, alternatives, rule
from moderation.checks.regex_trie import union
from moderation.checks.reported import REPORTED, REPORTED_SCORE, SPEECH_CUE, reported_by_another
from moderation.guidelines import Code

HARM = alternatives(
    "kill|murder|shoot|stab|hang|lynch|behead|decapitate|strangle|choke|slaughter|butcher|execute|gut|"
    "skin alive|burn|torch|bomb|blow up|rape|beat|beat up|bash|batter|punch|smash|hurt|harm|maim|"
    "slit the throat of|bury|destroy|eliminate|exterminate|gas|hunt down|track down|"
    "shut up permanently|kick the shit out of|beat the shit out of|beat the crap out of|"
    "run over|drown|poison|torture|kidnap|stomp|curb stomp|knock out|break the legs of|break the neck of"
)
HARM_PAST = alternatives(
    "shot|hanged|hung|lynched|killed|murdered|executed|beheaded|stabbed|burned|burnt|gassed|raped|beaten|"
    "tortured|exterminated|eliminated|strung up|put down|wiped out|run over|bombed|nuked|drowned|poisoned|"
    "dead|dragged out|taken out|"
    # done to a body only: "these people should be set on fire", "thrown off roofs"
    "set on fire|set alight|set ablaze|burned alive|burnt alive|burned to death|burnt to death|stoned to death|"
    "skinned alive|thrown off roofs|thrown off a roof|thrown off the roof|thrown off buildings|thrown off a building|"
    "thrown from roofs|thrown off bridges|thrown off a bridge|put against a wall|put up against a wall|"
    "lined up and shot|lined up against a wall"
)
VICTIM = alternatives(
    "you|u|ya|yah|your family|your kids|your children|your wife|your mother|your mom|him|her|them|thee|"
    "this guy|that guy|this man|that man|this woman|that woman|this idiot|that idiot|this bitch|that bitch|"
    "this bastard|that bastard|this journalist|that journalist|the journalist|the author|the writer|"
    "the reporter|this reporter|the editor|the mayor|the president|the minister|all of you|each of you|"
    "this author|that author|this writer|that writer|this editor|that reporter|this clown|that clown|"
    "every one of you|everyone of you|all of them|every last one of them|every one of them|"
    "your house|your home|your office|your offices|your car|your shop|your family|your children|"
    "their house|their houses|their homes|their offices|their office|their families|their children|"
    "his house|his family|his office|her house|her family|her office|"
    # red team 6: the next one to speak, whoever does ("I'll stab the next guy who defends this regime")
    "the next guy|the next man|the next person|the next one|anyone who|anybody who|whoever"
)
INTENT = alternatives(
    "i will|i'll|ill|i shall|i am going to|i'm going to|im going to|i'm gonna|im gonna|i am gonna|i gonna|"
    "i want to|i wanna|i would love to|i'd love to|i'd like to|i will personally|i'll personally|we will|"
    "we'll|we are going to|we're going to|we're gonna|we are gonna|we shall|gonna|imma|ima|i'ma|i'm about to|"
    "i am about to|i'm coming to|i am coming to|i'm going to come|let's|lets"
)
WISH = alternatives(
    "i hope|hope|i wish|wish|i pray|pray|i want|may|i can't wait for|cant wait for|can't wait till|i'd love to see|"
    "i would love to see|i'd like to see|i would like to see|someone should|somebody should|someone needs to|"
    "somebody needs to|someone ought to|somebody ought to|someone has to|someone must|they should|they need to|"
    "we should|we need to|we must|people should|you should all"
)
DEATH = alternatives(
    "die|dies|died|get killed|gets killed|get shot|gets shot|get raped|gets raped|get cancer|gets cancer|"
    "burn in hell|rot in hell|rot|burn|suffer|drown|choke|get hit by a bus|get run over|get murdered|"
    "gets murdered|get what you deserve|get what they deserve|never wake up|bleed out|bleed|perish"
)
GROUP = alternatives(
    "jews|muslims|christians|arabs|kurds|turks|armenians|persians|iranians|immigrants|migrants|refugees|"
    "gays|homosexuals|lesbians|blacks|whites|women|feminists|liberals|conservatives|leftists|rightists|"
    "foreigners|syrians|afghans|americans|israelis|palestinians|alevis|yazidis|christians|infidels|kafirs|"
    "journalists|reporters|these people|those people|them all|all of them|every one of them"
)
# A word for a people or a movement's followers by its ending ("Norwegians", "Chinese", "Iraqis", "Zionists"):
# "death to" them is aimed at people, "death to spam" is not.
PEOPLE_WORD = (r"(?:[^\W\d_]{3,}(?:ans|ese|ites|ists)|iraqis|pakistanis|israelis|saudis|somalis|yemenis|kuwaitis"
               r"|omanis|qataris|emiratis|bahrainis|bengalis|punjabis|nepalis|azeris|kurdis)")
TARGET = alternatives(
    "america|americans|israel|the west|the us|the usa|britain|england|france|iran|turkey|russia|the kurds|"
    "kurdistan|the arabs|traitors|the traitors|the infidels|the regime|the government|the police|the jews|"
    "the muslims|the christians|the gays|the immigrants|the refugees"
)
# A person named by office ("the SDF commander", "that judge"): "somebody needs to kill the commander" is
# aimed at a person as much as "kill him" is.
OFFICE = (r"(?:the|this|that|their|our|your)\s+(?:[\w-]+\s+){0,2}?(?:commander|general|leader|governor|judge"
          r"|officer|imam|priest|mullah|cleric|politician|mp|senator|candidate|spokesman|spokeswoman|activist"
          r"|prime\s+minister|president|minister|mayor|journalist|reporter|editor|author|writer)s?")
NOT_POSSESSIVE = r"(?!['’](?:s\b|\s+\w))"  # "the Iranians' programme", "the minister’s plan" name things, not people
NOT_VIOLENCE = r"""(?!\s+(?:in|at|on)\s+(?:the\s+|a\s+|an\s+|this\s+|that\s+|next\s+)?(?:election|elections|game|match|
    race|debate|polls?|vote|argument|chess|court|primary|primaries|final|finals|league|cup|ballot|ballot\s+box|contest))
    (?!\s+(?:economically|financially|politically|electorally|with\s+sanctions|at\s+(?:cricket|football|chess|the\s+box)
    |in\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)))"""
# Verbs that can only mean harm to a body: "beat", "destroy", "eliminate" are also said of teams, parties and
# candidates ("we must beat the Germans", "destroy the opposition leader in the debate").
KILL = alternatives(
    "kill|murder|shoot|stab|hang|lynch|behead|decapitate|strangle|slaughter|butcher|execute|gas|exterminate|"
    "massacre|rape|torture|slit the throat of|skin alive|hunt down and kill"
)
# Words that may follow a people named as a noun; any other word makes it an adjective ("the Chinese economy").
FOLLOWS_A_NOUN = alternatives(
    "and|or|who|that|which|now|too|first|if|before|when|in|at|on|of|with|from|like|there|here|everywhere|today|"
    "tonight|already|all|for|once|by|one by one|wherever|whenever"
)
# A pistol, a knife, a dagger, a bomb, a coffin, an axe (a skull is laughter: "I'm dead 💀💀").
WEAPONS = r"[\U0001F52B\U0001F52A\U0001F5E1\U0001F4A3\u26B0\U0001FA93]"
COMMIT_SUICIDE = r"(?:go\s+)?(?:and\s+)?commit\s+su[ei]?c+ide\b"
# Those who killed in numbers, and the places their killing is remembered by: "do to him what the drones did to
# Sinjar", "finish the job Saddam started", "got what they deserved in Halabja". Battles (Mosul, Raqqa) are not
# here: "the fighters got what they deserved in Mosul" is said of the fighters.
PERPETRATOR = alternatives(
    "isis|isil|daesh|saddam|hitler|the nazis|nazis|assad|pol pot|the khmer rouge|the ottomans|ottomans|stalin|"
    "mladic|the drones|drones|the drone|the bombs|the gas|the baath|the baathists|talaat pasha"
)
MASSACRE = alternatives(
    "sinjar|shingal|shengal|şengal|halabja|helebce|anfal|the anfal|srebrenica|dersim|roboski|uludere|auschwitz|"
    "camp speicher|babi yar|zilan|sivas|the yazidis|the ezidis|the armenians"
)
# Fighters named as such: calls to kill them are views on a war, as the newsroom's readers hold them.
COMBATANTS = r"(?:terrorists|jihadists|extremists|islamists|insurgents|militants|rebels|fighters|occupiers|invaders)"

RULES = [
    rule("intent-to-harm", Code.threat, 0.92, rf"""
        \b{INTENT}\s+(?:\w+\s+){{0,3}}?{HARM}\s+(?:\w+\s+){{0,1}}?{VICTIM}\b{NOT_VIOLENCE}"""),
    rule("wish-of-death", Code.threat, 0.88, rf"""
        \b{WISH}\s+(?:that\s+)?(?:you|u|he|she|they|him|her|them|your\s+\w+|this\s+\w+|that\s+\w+|{GROUP})
        \s+(?:all\s+)?(?:would\s+|will\s+|just\s+|soon\s+|slowly\s+|painfully\s+)?{DEATH}\b"""),
    rule("wish-of-death-described", Code.threat, 0.85, rf"""
        \b(?:i\s+)?(?:hope|wish|pray)\s+(?:that\s+)?(?:the|those|these|this|that|your|all|every)\s+\w+
        (?:\s+[\w']+){{0,6}}?\s+(?:all\s+)?{DEATH}\b"""),
    rule("call-to-harm", Code.threat, 0.9, rf"""
        \b{WISH}\s+(?:just\s+|finally\s+)?(?:
            {HARM}\s+(?:\w+\s+){{0,1}}?(?:{VICTIM}|{GROUP})\b{NOT_POSSESSIVE}{NOT_VIOLENCE}
            # an office or a people by name, with a verb of killing: "kill the SDF commander", "kill all the
            # Kurds", "shoot those traitors"; neither "the Russians' supply lines" nor "the Iranians' nuclear
            # programme" is a person, nor "the Chinese economy"
            |{KILL}\s+(?:
                {OFFICE}
                |(?:(?:all|every)\s+(?:of\s+)?)?(?:(?:the|those|these)\s+)?
                (?!{COMBATANTS})(?:{GROUP}|{PEOPLE_WORD}|traitors)
                (?!\s+(?!{FOLLOWS_A_NOUN}\b)[^\W\d_]+)
            )\b{NOT_POSSESSIVE}{NOT_VIOLENCE}
        )"""),
    rule("should-be-harmed", Code.threat, 0.88, rf"""
        \b(?:you|u|he|she|they|him|her|them|{GROUP}|(?:this|that|the)\s+\w+
        # "these f@gs and their parade"
        |(?:these|those)\s+[^\s,.!?;:]+(?:\s+and\s+their\s+\w+)?)\s+(?:all\s+)?
        (?:should|must|need\s+to|needs\s+to|ought\s+to|deserve\s+to|deserves\s+to)\s+(?:all\s+)?
        (?:be\s+|get\s+)?{HARM_PAST}\b"""),
    rule("you-are-dead", Code.threat, 0.9, r"""
        \b(?:you(?:'re|\s+are|r)?|ur|you\s+will\s+be|you'll\s+be)\s+(?:so\s+|fucking\s+|already\s+)?
        (?:dead|a\s+dead\s+man|a\s+dead\s+woman|dead\s+meat|next(?=\s*(?:[.!?,]|$)))\b(?!\s+(?:wrong|right|on|serious))
        # "you're finished" is said of politicians at every election"""),
    rule("i-know-where", Code.threat, 0.85, rf"""
        \b(?:i|we)\s+(?:already\s+|all\s+)?know\s+(?:where|which\s+school|what\s+school|what\s+car)\s+
        (?:you|u|he|she|they|your\s+\w+|(?:the|this|that)\s+(?:journalist|reporter|author|writer|editor|columnist)s?|{OFFICE})
        \s+(?:live|lives|work|works|sleep|sleeps|are|go|goes|drive|drives|park|parks)\b
        (?!\s+(?:coming\s+from|going\s+with|getting\s+at))  # "I know where you are coming from" agrees
        (?!\s*[:,—–-]?\s*(?:in|on)\s+(?:a|an)\s)  # "I know where the minister lives: in a palace we paid for"
        |\b(?:i|we)\s+(?:already\s+|all\s+)?(?:know|have)\s+(?:your|ur)\s+(?:home\s+)?address\b"""),
    # Harm wished on someone by a third hand: "I hope someone kills him", "I hope a truck runs him over"
    rule("wish-of-harm-by-another", Code.threat, 0.88, rf"""
        \b(?:hope|wish|pray)\s+(?:that\s+)?(?:someone|somebody|some\s+\w+|a\s+\w+)\s+(?:will\s+|would\s+|finally\s+)?
        (?:{KILL}(?:s|es)?\s+(?:\w+\s+)?{VICTIM}\b{NOT_VIOLENCE}  # not "beats him": elections and matches
          # "hope someone chokes him": choking, drowning, poisoning have no sense but a body's here
          |(?:choke|strangle|drown|poison|torch)(?:s|es)?\s+(?:you|u|him|her|them|this\s+\w+|that\s+\w+)\b
          |(?:runs?|puts?)\s+(?:you|him|her|them|this\s+\w+|that\s+\w+)\s+(?:over|in\s+the\s+ground|down)\b
          |puts?\s+a\s+(?:bullet|knife|blade)\s+(?:in|into|through)\s+(?:you|him|her|them)\b)"""),
    rule("call-to-run-over-or-bury", Code.threat, 0.88, rf"""
        \b(?:{WISH}|{INTENT})\s+(?:just\s+|finally\s+)?(?:run|put)\s+(?:you|him|her|them|this\s+\w+|that\s+\w+)\s+
        (?:over\b|(?:in|into|under)\s+the\s+ground|six\s+feet\s+under|in\s+(?:a|the)\s+(?:grave|coffin|body\s+bag))"""),
    rule("deserves-the-noose", Code.threat, 0.85, r"""
        \bdeserves?\s+(?:a|the)\s+(?:rope|noose|bullet|bullets|firing\s+squad|gallows)\b"""),
    rule("last-days", Code.threat, 0.8, r"""
        \benjoy\s+(?:your|ur)\s+last\s+(?:days|hours|moments|breaths?|week|weeks|night|nights)\b
        (?!\s+(?:of|in|at|as|before|on|with|here|there|off))  # "enjoy your last days in office" is politics"""),
    rule("shame-if-something-happened", Code.threat, 0.85, r"""
        \b(?:shame|pity)\s+if\s+(?:something|anything)\s+(?:bad\s+)?(?:happened|were\s+to\s+happen|happens)\s+to\s+
        (?:you|u|him|her|them|your|ur|his|their)\b"""),
    rule("waiting-outside", Code.threat, 0.75, r"""
        \b(?:i'll|i\s+will|we'll|we\s+will|i'm|i\s+am|we're|we\s+are)\s+(?:be\s+)?waiting\s+(?:for\s+you\s+)?
        # outside: "waiting at your office" is a meeting
        outside\s+(?:your|ur)\s+(?:office|house|home|door|school|work|car|flat|apartment)\b"""),
    rule("never-meet", Code.threat, 0.75, r"""
        \b(?:better|best)\s+(?:hope|pray)\s+(?:that\s+)?(?:we|i)\s+never\s+meet\b"""),
    rule("accidents-happen", Code.threat, 0.8, r"""
        \b(?:people|journalists|reporters|writers|editors|those|anyone|whoever)\s+(?:like\s+(?:you|u|him|her|the\s+author|this\s+\w+)
        |who\s+(?:write|writes|wrote|talk|talks|publish|publishes|speak|speaks)\s+(?:like\s+(?:this|that)|such\s+\w+|this\s+\w+))\s+
        (?:tend\s+to\s+|often\s+|sometimes\s+|usually\s+|always\s+|can\s+|may\s+|might\s+|will\s+)?
        (?:have|has|get|meet\s+with)\s+(?:an?\s+)?(?:unfortunate\s+|nasty\s+|terrible\s+)?accidents?\b
        |\baccidents?\s+(?:can\s+|do\s+|often\s+|tend\s+to\s+)?happen\s+to\s+(?:journalists|reporters|writers|people)
        \s+(?:like\s+(?:you|u|him|her)|who\s+\w+)"""),
    rule("before-someone-gets-you", Code.threat, 0.75, r"""
        \b(?:matter\s+of\s+time|only\s+time)\s+before\s+(?:someone|somebody)\s+(?:
            (?:kills|shoots|stabs)\s+(?:you|u|him|her)\b
            |gets\s+(?:you|u|him|her)\s*(?:[.!?]|$))  # not "finds him out" nor "gets him to resign"
        """),
    rule("self-harm-incitement", Code.threat, 0.9, rf"""
        \b(?:go\s+)?(?:kill|hang|shoot|off)\s+(?:yo)?urself\b|\bkys\b|\bdrink\s+bleach\b|\bneck\s+yourself\b
        # told to, not told of: "veterans who commit suicide", "farmers often go and commit suicide" are news
        |(?:^|[.!?;:,]\s*|\n\s*)(?:just\s+|please\s+|so\s+)?{COMMIT_SUICIDE}
        |\b(?:you|u)\s+(?:should|ought\s+to|need\s+to|must|better)\s+(?:just\s+|all\s+)?{COMMIT_SUICIDE}
        |\bwhy\s+don't\s+(?:you|u)\s+(?:just\s+)?{COMMIT_SUICIDE}"""),
    rule("death-to", Code.threat, 0.85, rf"""
        \bdeath\s+to\s+(?:all\s+)?(?:the\s+)?(?:{GROUP}|{TARGET}|{PEOPLE_WORD}|you|him|her|them)\b"""),
    rule("deserves-harm", Code.threat, 0.8, rf"""
        \b(?:deserves?|deserved|ought|needs?)\s+to\s+(?:be\s+|get\s+)?{HARM_PAST}\b"""),
    rule("you-wont-live", Code.threat, 0.88, r"""
        \b(?:you|u|he|she|they)\s+(?:won't|will\s+not|wont|are\s+not\s+going\s+to|aren't\s+going\s+to)\s+
        (?:live|survive|make\s+it)\s+(?:to\s+see|through|past|long|another|until|till)\b"""),
    rule("break-bones", Code.threat, 0.88, rf"""
        \b{INTENT}\s+(?:\w+\s+){{0,2}}?(?:break|snap|smash|crush)\s+(?:both\s+|all\s+)?(?:your|his|her|their|ur)\s+
        (?:legs?|neck|arms?|face|bones|jaw|skull|head|teeth|fingers|knees?)\b
        |\b{INTENT}\s+(?:\w+\s+){{0,2}}?(?:break|snap|smash|crush)\s+(?:every|each|all\s+the)\s+bones?\s+in\s+
        (?:your|his|her|their|ur)\s+(?:body|bodies|face|hands?)\b"""),
    rule("imperative-harm", Code.threat, 0.85, r"""
        (?:^|[.!?;:]\s*|\n\s*)(?:just\s+|so\s+)?(?:k[i1!|]ll|shoot|hang|behead|burn|bomb|gas|exterminate|slaughter|
        execute|lynch|massacre)\s+(?:them|him|her|every|all|those|these|each|the\s+\w+\s+(?:families|children)
        |the\s+(?:editor|author|journalist|reporter|writer|columnist)s?)\b"""),
    # "Round them up and shoot every one": an order, at the start of a sentence ("Militias round them up and
    # execute them" reports what others do)
    rule("round-up-and-harm", Code.threat, 0.88, rf"""
        (?:^|[.!?;:]\s*|\n\s*)(?:just\s+|so\s+|now\s+)?(?:round|line)\s+(?:them|em|'em|these\s+\w+|those\s+\w+)
        \s+(?:all\s+)?up\s+(?:and\s+{HARM}\b|against\s+(?:a|the)\s+wall\b)"""),
    # "... should have their families gassed": harm wished on a person's family or home, by a clause whose
    # subject is someone ("No child should have their home bombed" condemns it)
    rule("harm-to-kin", Code.threat, 0.85, rf"""
        (?:^|(?<=[.!?;:\n]))(?:(?!\b(?:no|nobody|none|noone|never|not)\b)[^.!?;:\n]){{0,120}}?
        \b(?:should|must|ought\s+to|deserve\s+to|deserves\s+to)\s+(?:all\s+)?have\s+(?:their|his|her|your|ur)\s+
        (?:own\s+)?(?:families|family|children|kids|wives|wife|mothers|mother|homes|home|houses|house|heads|head)\s+
        {HARM_PAST}\b"""),
    # "We will find you": a promise to seek the reader out, the sentence ending there or going on to the harm;
    # "we'll find you a seat" and "I'll find you the link" are help.
    rule("will-find-you", Code.threat, 0.85, r"""
        \b(?:i|we)(?:\s+will|'ll|\s+shall|\s+am\s+going\s+to|'m\s+going\s+to|\s+are\s+going\s+to|'re\s+going\s+to|
        'm\s+gonna|'re\s+gonna|\s+gonna)\s+(?:definitely\s+|eventually\s+|soon\s+|personally\s+)?find\s+(?:you|u|ya)\b
        (?=\s*(?:[.!?,;:'"’”)]|$|and\s+(?:kill|hurt|make|end|deal|get|finish|teach|destroy|break)\b|wherever\b|
        no\s+matter\b|soon\b|eventually\b|one\s+day\b|sooner\b
        # called by a name of abuse, "I will find you ya khayen," (a seat is found for no one called that)
        |(?:ya|yaa|ey)\s+[^\W\d_]+\s*(?:[.!?,;]|$)))"""),
    # "... your kids won't make it home from school." said to the reader, the sentence ending there (a warning
    # about the snow goes on: "won't make it home in this snow").
    rule("kin-wont-come-home", Code.threat, 0.85, r"""
        \b(?:your|ur)\s+(?:kids|children|son|sons|daughter|daughters|wife|husband|family|mother|mom|mum|father|dad|
        parents|little\s+ones)\s+(?:won't|wont|will\s+not|may\s+not|might\s+not|aren't\s+going\s+to|are\s+not\s+going\s+to)
        \s+(?:make\s+it|come|get|be\s+coming)\s+(?:back\s+)?home(?:\s+(?:from\s+school|tonight|alive|again))?\s*(?:[.!?]|$)"""),
    # "Hope a drone finds your house next": a strike wished on the reader or someone named by a pronoun.
    rule("strike-wished", Code.threat, 0.88, r"""
        \b(?:hope|wish|pray|may)\s+(?:that\s+)?(?:a|the|one|some|another|the\s+next)\s+(?:drone|bomb|missile|rocket|
        bullet|shell|sniper|grenade|airstrike|air\s+strike)\s+(?:finds|hits|lands\s+on|gets|takes\s+out|visits)\s+
        (?:you|u|ya|your|ur|him|her|them|his|their)\b"""),
    # "Publish one more article like this and your office will burn": harm to the reader's place or kin as the
    # price of what they write or say ("clear the brush or your house will burn" is a fire warning).
    rule("or-else-harm", Code.threat, 0.85, r"""
        \b(?:publish|publishes|write|writes|post|posts|print|prints|say|says|keep|try|dare|continue|report|insult|
        mock|lie|lies)\b[^.!?\n]{0,80}?\b(?:and|or|or\s+else)\s+(?:your|ur)\s+(?:office|offices|house|home|family|kids|children|car|newspaper|paper|
        shop|newsroom|building|channel)\s+(?:will|'ll|is\s+going\s+to|are\s+going\s+to|gonna)\s+(?:burn|be\s+(?:burned|burnt|
        torched|bombed|blown\s+up|next)|go\s+up\s+in\s+flames|blow\s+up)\b"""),
    # Death promised to whoever speaks, writes or draws against something: "whoever insults the Prophet will be
    # hunted down". Not "whoever did this will be hunted down", which is what police say of a crime.
    rule("speakers-will-be-harmed", Code.threat, 0.88, r"""
        \b(?:whoever|anyone\s+who|anybody\s+who|those\s+who|all\s+who|everyone\s+who|people\s+who)\s+(?:dares?\s+(?:to\s+)?)?
        (?:insults?|mocks?|disrespects?|offends?|critici[sz]es?|writes?|draws?|publish(?:es)?|says?|speaks?|comments?|
        insulted|mocked|wrote|drew|published|said)\b[^.!?\n]{0,80}?\b(?:will|shall|'ll|is\s+going\s+to|are\s+going\s+to)\s+
        (?:be\s+)?(?:hunted(?:\s+down)?|killed|beheaded|executed|slaughtered|shot|hanged|butchered|buried|silenced\s+forever
        |pay\s+with\s+(?:their|his|her)\s+(?:life|lives|blood|head|heads))\b
        |\b(?:we|i)\s+have\s+(?:our\s+|my\s+)?ways\s+of\s+(?:finding|reaching|getting\s+to|dealing\s+with)\s+
        (?:you|u|people\s+like\s+you|him|her|them)\b"""),
    # "Keep writing and you'll end up like the last journalist who crossed us."
    rule("end-up-like", Code.threat, 0.8, r"""
        \b(?:you|u|he|she|they)(?:'ll|\s+will|\s+are\s+going\s+to|'re\s+going\s+to|\s+gonna)\s+end\s+up\s+like\s+
        (?:the\s+last|that|those|the\s+other|all\s+the\s+other)\s+(?:\w+\s+)?\w+\s+(?:who|that)\s+(?:crossed|messed\s+with|
        betrayed|snitched|talked|spoke|opened\s+(?:his|her|their)\s+mouths?|insulted|wrote\s+about\s+us|crossed\s+us)\b"""),
    # Weapons and a coffin sent to someone: "@editor 🔫💣⚰️ soon" (a skull is laughter: "I'm dead 💀💀").
    rule("weapons-sent", Code.threat, 0.8, rf"""
        (?:@\w+|\b(?:you|u|ya)\b)[^\n]{{0,20}}?(?:{WEAPONS}
        \ufe0f?\s*){{2,}}"""),
    # "Someone should set him on fire", "I'll set your house alight"
    rule("set-on-fire", Code.threat, 0.88, rf"""
        \b(?:{WISH}|{INTENT})\s+(?:just\s+|finally\s+)?set\s+(?:{VICTIM}|{GROUP})\s+(?:on\s+fire|alight|ablaze)\b"""),
    # Knives sent with "soon" or to someone called out: "🔪🔪🔪 soon Mr Journalist", "🔪🔪 قريبا يا كافر".
    rule("weapons-soon", Code.threat, 0.8, rf"""
        (?:{WEAPONS}\ufe0f?\s*){{2,}}[^\n]{{0,20}}?(?:\b(?:soon|yakında|yakinda)\b|@\w
        |(?<!\w)(?:يا|قريبا|بزودي|به\s+زودي|بەم\s+زووانە|zû\s+zû|nêzîk)(?!\w))"""),
    # A reader's daily round named: "I know which café you sit in every morning" (not "which café you mean").
    rule("i-know-your-round", Code.threat, 0.85, rf"""
        \b(?:i|we)\s+(?:already\s+|all\s+)?know\s+(?:which|what|the)\s+(?:café|cafe|coffee\s+shop|restaurant|bar|gym|
        mosque|church|school|street|road|route|building|floor|flat|apartment|house|door|park|hotel|corner|table)\s+
        (?:you|u|he|she|your\s+\w+|his\s+\w+|her\s+\w+)\s+(?:sit|sits|go|goes|eat|eats|drink|drinks|pray|prays|
        take|takes|park|parks|walk|walks|use|uses|visit|visits|leave|leaves|sleep|sleeps|stay|stays|hide|hides)\b
        # the hour of the round named, or the sentence ending there ("which gym you go to, can you recommend it?")
        (?:(?:\s+(?:in|at|to|on|with|from))?(?:\s+[\w']+){{0,3}}?\s+(?:every|each|on\s+\w+days|at\s+\d|in\s+the\s+
        (?:morning|evening|afternoon)s?|at\s+night|after\s+(?:work|school)|before\s+(?:work|school)|daily)\b
        |(?:\s+(?:in|at|to|on|with|from))?\s*(?:[.!]|$))
        # "we know your office in Hewlêr": the place named, and the sentence ends
        |\b(?:i|we)\s+(?:already\s+|all\s+)?know\s+(?:your|ur)\s+(?:office|house|home|flat|apartment|school|street)
        \s+(?:in|on|at|near)\s+[^\W\d_]+\s*(?:[.!?,]|$)"""),
    # "You'll pay with blood": the price named is the reader's body.
    rule("pay-with-blood", Code.threat, 0.88, r"""
        \b(?:you|u|ya|y'all|you\s+all)(?:'ll|\s+will|\s+shall|\s+are\s+going\s+to|'re\s+going\s+to|\s+gonna)\s+
        pay\s+(?:for\s+(?:this|that|it)\s+)?with\s+(?:your\s+|ur\s+)?(?:own\s+)?(?:blood|life|lives|head|heads|neck)\b"""),
    # A massacre wished on someone again: "someone should do to his house what the drones did to Sinjar", "time to
    # finish the job Saddam started". "We should do to the deficit what Germany did" names neither.
    rule("massacre-again", Code.threat, 0.85, rf"""
        \b(?:{WISH}|{INTENT})\s+(?:just\s+|finally\s+)?do\s+to\s+(?:{VICTIM}|{GROUP})\s+what\s+
        (?:{PERPETRATOR}\s+(?:did|do|does|done)\b|(?:[\w']+\s+){{1,4}}?(?:did|done)\s+to\s+{MASSACRE}\b)
        |(?:\btime\s+to|\b{WISH}|\b{INTENT}|^|[.!?;:]|\n)\s*(?:just\s+)?finish\s+(?:the\s+job|what)\s+(?:that\s+)?
        (?:{PERPETRATOR})\s+(?:started|began)\b"""),
    # A massacre approved of: "got what they deserved in Sinjar", "ISIS did well to kill them". The perpetrators
    # getting what they deserved is said of a trial or a war ("ISIS fighters got what they deserved in Sinjar").
    rule("massacre-approved", Code.threat, 0.8, rf"""
        (?:^|(?<=[.!?;:\n]))(?:(?!\b(?:isis|isil|daesh|militants?|terrorists?|jihadists?|perpetrators?|killers?|fighters?|
        murderers?|butchers?|commanders?|leaders?|soldiers?|officers?|guards?|accused|defendants?|convicted)\b)[^.!?;:\n]){{0,80}}?
        (?:\b(?:got|get|gets|received)\s+what\s+(?:they|he|she)\s+deserved?\s+(?:in|at)\s+{MASSACRE}\b
        # "the Kurds of Halabja got what they deserved", the sentence ending there ("the survivors of Sinjar got
        # what they deserved at last: recognition" is said of justice)
        |(?<!survivors\s)(?<!families\s)\b(?:of|in|at|from)\s+{MASSACRE}\s+(?:got|get)\s+what\s+(?:they|he|she)\s+
        deserved?\s*(?:[.!#]|$))
        |\b{PERPETRATOR}\s+(?:did\s+(?:well|right|a\s+good\s+job|the\s+right\s+thing)|was\s+right|were\s+right)\s+
        (?:to\s+|in\s+)?(?:kill|killing|murder|murdering|gas|gassing|slaughter|slaughtering|behead|beheading|massacre|
        massacring|exterminate|exterminating|burn|burning)\b"""),
    # "Sink the boats before they land": an order against the people in them (not the smugglers' boats, nor a
    # question: "Sink the boats? That is a crime").
    rule("sink-the-boats", Code.threat, 0.85, rf"""
        (?:^|[.!?;:]\s*|\n\s*|\b{WISH}\s+|\b{INTENT}\s+)(?:just\s+)?(?:sink|torpedo|shoot\s+at|fire\s+on|ram)\s+
        (?:the|their|those|these|every|all\s+the|all)\s+(?:migrant\s+|refugee\s+|small\s+)?(?:boats?|dinghies|dinghy|rafts?)
        \b(?!\s*\?)"""),
    rule("weapon-to-victim", Code.threat, 0.9, r"""
        \b(?:bullet|knife|blade|bomb|rope|noose)\s+(?:in|into|through|around|for)\s+(?:your|ur|his|her|their)\b
        |\b(?:put|puts|putting)\s+a\s+(?:bullet|knife|blade)\s+(?:in|into|through)\s+(?:you|u|him|her|them)\b"""),
]


# Beheading promised and accidents foretold, in the newsroom's other languages, as the normaliser writes them
# (Arabic-script letters folded: ی -> ي, ک -> ك, أ -> ا; Kurmanji and Turkish keep their letters). Reports of
# what others did are in the past tense and stay clean ("داعش سەری ... بڕی", "kafasını kestiler").
MULTILINGUAL_RULES = [
    rule("behead-promised", Code.threat, 0.88, r"""
        # Arabic: "we/I will cut off the head(s) of ..."
        (?:\bسن?قطع|\bساقطع|\bسوف\s+(?:نقطع|اقطع))\s+(?:راس|رووس|رقبه|رقاب)
        # Sorani: "we cut off (your) head": present tense, first person
        |\bسەر(?:ي|ت|تان)\s+(?:\S+\s+){0,4}?دەبڕ(?:ين|م)\b
        # Kurmanji: "em ê / ez ê ... serê ... jê bikin/bikim", or run together: "em ê serê te jêkin"
        |\b(?:em\s*ê|em\s+e|ez\s*ê|ez\s+e)\s+(?:\S+\s+){0,1}?ser[eê]\s+(?:\S+\s+){0,4}?j[eê]\s*(?:bi)?k(?:in|im)\b
        # Turkish: "we/I will cut off (his/your) head"
        |\b(?:kafa|baş)(?:sını|nı|larını|nızı|ını)\s+(?:keseceğiz|keseceğim|kesicez|kesecez|kesicem|kesecem|keseriz|keserim)\b
        # Persian: "we/I cut off the head of the writer / your head" ("سر کار میبرم", "I take to work", is not)
        |\bسر(?:ت|ش|تون|شون)\s+(?:را|رو)\s+(?:مي)?بر(?:يم|م)\b
        |\bسر\s+(?:اين\s+)?(?:نويسنده|خبرنگار|روزنامهنگار|سردبير)(?:\s+\S+){0,3}?\s+(?:را|رو)\s+(?:مي)?بر(?:يم|م)\b"""),
    rule("accidents-foretold", Code.threat, 0.8, r"""
        # "those who write like this have accidents": Arabic, Turkish, Persian, Sorani
        يكتب\S*\s+(?:\S+\s+){0,2}?(?:تحدث|تقع)\s+(?:لهم|له|لك|لكم)\s+(?:\S+\s+)?حوادث
        |\b(?:böyle|bu\s+şekilde|bunları)\s+yaz\S*\s+(?:\S+\s+){0,2}?başına\s+(?:\S+\s+)?(?:kaza|bir\s+şey)\S*\s+gel
        |مينويس\S*\s+(?:\S+\s+){0,2}?(?:براشون|برايشان|برات|برايت)\s+(?:\S+\s+)?(?:اتفاق|حادثه)\S*\s+(?:مي)?افت
        |دەنووس\S*\s+(?:\S+\s+){0,2}?ڕووداو\S*\s+(?:\S+\s+)?(?:بەسەردا\s+)?دێت"""),
]
# Calls that someone be hanged, executed or killed, wishes of death, a massacre approved of. The words are the
# writer's call (a necessitative or a wish: "asılmalı", "باید ... آویزان کرد", "دەبێت سەری ببڕن", "امیدوارم
# بمیری"); reports of executions are in the past ("idam edildi", "اعدام شد") and stay clean, and so do questions
# ("idam edilmeli mi?") and calls reported with Turkish "diye" ("idam edilsin diye imza topladılar").
# Turkish people named as the ones to hang or burn: "asılmalı" is also said of flags and posters.
_TR_PEOPLE = r"""(?:hain|hainler|haini|hainleri|teröristler|teroristler|kafirler|gavurlar|şerefsizler|serefsizler|alçaklar|
    alcaklar|katiller|gazeteciler|hepsi|hepsini|hepsi\s+de|bunların\s+hepsi|bunlarin\s+hepsi
    |kürtler|kurtler|türkler|turkler|araplar|ermeniler|suriyeliler|afganlar|aleviler|yahudiler|rumlar|çingeneler|
    cingeneler|göçmenler|gocmenler|mülteciler|multeciler|eşcinseller|escinseller|ibneler
    |(?:bu|şu|su)\s+(?:herif|adam|kadın|kadin|bakan|vekil|gazeteci|yazar|başkan|baskan|hakim|hâkim|imam|papaz|şerefsiz|
    serefsiz|alçak|alcak|hain|kafir|gavur|it|köpek|kopek|piç|pic)(?:ler|lar)?)"""
# ... not asked ("idam edilmeli mi?") nor reported ("idam edilsin diye", "idam edilmeli diyenler")
_TR_NOT_ASKED = r"(?!\s*(?:m[iı]|mu|mü|diye\w*|dedi\w*|demiş\w*|denil\w*)\b)"
_TR_SHOULD = r"(?:mel[iı]|mel[iı]d[iı]r|mel[iı]ler|mal[iı]|mal[iı]d[iı]r|mal[iı]lar|s[iı]n|s[iı]nlar|sun|sunlar|sün|sünler)"
# Persian peoples and sects in the plural, to whom "باید نابود شوند" is aimed (weapons "must be destroyed" too).
_FA_PEOPLE = r"""(?:سنيها|شيعهها|شيعيان|كردها|عربها|تركها|تركا|افغانيها|افغانها|بهاييها|يهوديها|جهودها|وهابيها|
    مسيحيها|ارمنيها|بلوچها|لرها|همجنسگراها|اخوندها|اخوندا|اينها|انها|اينا|اونا)"""
MULTILINGUAL_RULES += [
    rule("called-to-hang", Code.threat, 0.85, rf"""
        # Turkish: "(they) should be executed / lynched / killed / strung up", "their heads should be cut off"
        \b(?:idam|lin[cç])\s+edil{_TR_SHOULD}\b{_TR_NOT_ASKED}
        |\b(?:öldürül|oldurul|gebertil|sallandır[iı]l|sallandir[iı]l|kurşunlan|kursunlan|boğazlan|bogazlan)
        {_TR_SHOULD}\b{_TR_NOT_ASKED}
        |\bkafa(?:s[iı]|lar[iı])\s+kes[iı]l{_TR_SHOULD}\b{_TR_NOT_ASKED}
        |\b{_TR_PEOPLE}\s+(?:de\s+|da\s+)?(?:as[iı]l|yak[iı]l){_TR_SHOULD}\b{_TR_NOT_ASKED}
        # Persian: "(him) must be hanged from a crane / executed / stoned / shot" ("clothes must be hung" is not)
        |بايد\s+(?:\S+\s+){{0,2}}?(?:از\s+جرثقيل|از\s+تير\s+چراغ\s+برق|از\s+تير\s+برق|به\s+دار)\s+(?:\S+\s+)?
        (?:اويزان|اويخت|اويختشان|زد|دار)
        |(?:را|رو)\s+(?:هم\s+)?بايد\s+(?:\S+\s+){{0,2}}?(?:اعدام|سنگسار|تيرباران|اعدامش|اعدامشان|سنگسارش|تيربارانش)\s+
        (?:كرد|كنند|كنيم|كرد[.!،,]?)(?!\S*\s*[؟?])
        |بايد\s+(?:همه(?:شان|شون)?\s+)?(?:اعدام|سنگسار|تيرباران)\s+(?:شود|شوند|بشه|بشن|بشوند|گردد|گردند)(?!\s*[؟?])
        |بايد\s+(?:اعدامش|اعدامشان|اعدامشون|سنگسارش|تيربارانش|دارش|دارشان)\s+(?:كرد|كنند|كنيم|زد|بزنند|بزنن)(?!\S*\s*[؟?])
        |{_FA_PEOPLE}[^.!?؟\n]{{0,60}}?بايد\s+(?:همه(?:شان|شون)?\s+)?(?:نابود|قتل\s+عام|كشته|اعدام)\s+
        (?:شوند|بشن|بشوند|گردند)(?!\s*[؟?])
        # Sorani: "his/their head must be cut off", "kill them all"
        |(?:دەبێت|دەبێ|پێويستە|پيويستە)\s+(?:\S+\s+){{0,3}}?سەر(?:ي|يان)\s+(?:\S+\s+){{0,3}}?(?:ببڕن|ببڕدرێت|ببڕدرێن|ببڕرێت|بپەڕێنن)(?!\w)
        |(?:^|[،,.!?؟:\n]\s*)هەموو(?:يان)?\s+(?:بكوژن|بسووتێنن|سەريان\s+ببڕن)(?!\w)
        # Arabic: "this journalist deserves execution"; "they convert or they die"
        |(?<!\w)(?:هذا|هذه|هذول|هذولا|هاد|هاي|هؤلاء|هولاء|انت|انتم|انتي)\s+(?:\S+\s+){{0,3}}?يستحق(?:ون|ان)?\s+
        (?:ال)?(?:اعدام|موت|قتل|ذبح|شنق|حرق|سحل|رجم)(?!\w)(?!\s+(?:من\s+)?(?:ال)?ضحك)  # not "dying of laughter"
        # "(he) must be executed", a pronoun on the noun making it a person: "يجب إعدامه", "لازم نشنقهم"
        |(?<!\w)(?:يجب|لازم|لابد\s+من|لا\s+بد\s+من)\s+(?:اعدام|قتل|ذبح|شنق|حرق|سحل|رجم)(?:ه|ها|هم|هما|هن)(?!\w)
        |(?<!\w)(?:هذا|هذه|هذول|هذولا|هاد|هاي|هؤلاء|هولاء)\s+(?:\S+\s+){{0,3}}?يستاهل(?:ون|وا)?\s+
        (?:ال)?(?:اعدام|موت|قتل|ذبح|شنق|حرق|سحل)(?!\w)
        |(?<!\w)يا\s+يسلم(?:وا|ون)?\s+(?:يا|او|والا)\s+(?:يموت|ينقتل|ينذبح|نقتل|نذبح)(?:وا|ون)?(?!\w)"""),
    rule("death-wished", Code.threat, 0.8, r"""
        # Turkish: "drop dead", "I hope you drop dead"
        \bgeber\b(?!['’])
        |\bgeber(?:meni|mesini|melerini|menizi)\s+(?:umuyorum|diliyorum|istiyorum|bekliyorum)\b
        # Persian: "I hope you (get cancer and) die", "may God give you death"
        |اميدوارم\s+(?:\S+\s+){0,5}?(?:بميري|بميرين|بميريد|بميره|بميرد|بميرند|بميرن)(?!\w)
        |خدا\s+مرگ(?:ت|تون|تان|ش|شون|شان)\s+(?:رو\s+|را\s+)?(?:بده|بدهد)(?!\w)"""),
    # Told to kill themselves, in the imperative ("kendini öldürdü", "خودکشی کرد" report a death; "kendini
    # öldürme", "لا تقتل نفسك" say don't; "خودتو بکش کنار" is "move aside").
    rule("self-harm-told", Code.threat, 0.85, r"""
        # Turkish: "(go) kill / hang / shoot yourself", "go commit suicide"
        \bkendini\s+(?:bir\s+\w+\s+)?(?:öldür|oldur|as|vur|yak)\b(?!['’])
        |\bgit\s+(?:de\s+)?intihar\s+et\b
        # Persian: "kill yourself", "go die", "commit suicide"
        |(?<!\w)(?<!نه\s)خود(?:ت|تو|تون|تان)\s+(?:را\s+|رو\s+)?بكش(?:ين|يد)?(?!\w)(?!\s+(?:كنار|بالا|عقب|بيرون|جلو))
        |(?<!\w)برو\s+(?:بمير|خودكشي\s+كن)(?!\w)
        # Sorani: "kill yourself", "go die"
        |(?<!\w)خۆت\s+بكوژە(?!\w)|(?<!\w)بڕۆ\s+بمرە(?!\w)
        # Kurmanji: "go kill yourself", "go die" ("dixwaze xwe bikuje", he wants to, is news)
        |\bhere\s+(?:xwe\s+bikuje|bimre)\b
        # Arabic: "kill yourself", "go commit suicide", "go die" (انتحر alone is also "he killed himself")
        |(?<!\w)(?<!لا\s)اقتل\s+نفسك(?!\w)
        |(?<!\w)(?:اذهب|روح|رح|روحي)\s+(?:و)?(?:انتحر|انتحري|موت|موتي)(?!\w)"""),
    rule("massacre-approved-elsewhere", Code.threat, 0.8, r"""
        # Sorani: "ISIS did well, those it killed" (ئەوانەی کوشت, حەقیان بوو)
        داعش\s+(?:زۆر\s+)?(?:باشي|چاكي)\s+كرد[^.!?؟\n]{0,40}?(?:كوشت|قڕكرد|سەربڕي)"""),
]
RULES += MULTILINGUAL_RULES

# Red team 5: a massacre's fate wished on the reader, a strike cheered, every journalist promised the rope, an office
# burned with its people inside; found-and-regret promises and houses burned over heads in the other languages.
# Those a massacre was done to, as the fate wished: "I hope your family gets what the Yazidis got".
MASSACRED = alternatives(
    "the yazidis|yazidis|the ezidis|ezidis|the armenians|armenians|the kurds of halabja|the people of halabja|"
    "halabja|sinjar|shingal|shengal|the jews|jews|the victims of halabja|the victims of sinjar|the anfal victims|"
    "the bosnians|bosnians|the tutsis|tutsis|the rohingya|rohingya"
)
RULES += [
    rule("fate-of-the-massacred-wished", Code.threat, 0.85, rf"""
        \b(?:hope|wish|pray|may)\s+(?:that\s+)?(?:you|u|ya|your\s+(?:whole\s+|entire\s+|own\s+)?\w+|you\s+all|y'all|
        you\s+people|all\s+of\s+you|him|her|them|his\s+(?:whole\s+)?\w+|their\s+(?:whole\s+)?\w+)\s+
        (?:all\s+)?(?:will\s+|would\s+)?(?:gets?|suffers?|meets?|shares?)\s+
        (?:what\s+{MASSACRED}\s+(?:got|suffered|went\s+through)
        |the\s+(?:same\s+)?fate\s+of\s+{MASSACRED}
        |the\s+same\s+(?:fate\s+)?as\s+{MASSACRED})\b"""),
    rule("strike-cheered", Code.threat, 0.85, r"""
        \b(?:drones?|bombs?|missiles?|rockets?|jets?|airstrikes?|air\s+strikes?|shells?)\s+(?:will|'ll|are\s+going\s+to|
        gonna|should)\s+(?:\w+\s+)?(?:hit|strike|flatten|level|wipe\s+out|find|land\s+on|rain\s+on|burn)\s+
        (?:your|ur)\s+(?:\w+\s+)?(?:village|town|city|house|home|family|kids|children|homes|villages|neighbourhood|
        neighborhood|street)\b[^.!?\n]{0,40}?\b(?:i|we)(?:'ll|\s+will|\s+shall|'m\s+going\s+to|\s+am\s+going\s+to|
        \s+will\s+be|'ll\s+be)\s+(?:be\s+)?(?:cheering|cheer|celebrating|celebrate|dancing|dance|laughing|laugh|
        clapping|clap|watching\s+and\s+laughing|happy|smiling)\b"""),
    rule("kill-every-one-promised", Code.threat, 0.88, rf"""
        \b{INTENT}\s+(?:\w+\s+){{0,2}}?{KILL}\s+(?:every|each|all|all\s+the|all\s+of\s+the|all\s+of\s+those|
        every\s+last|every\s+single)\s+(?:(?!{COMBATANTS})(?:{GROUP}|{PEOPLE_WORD})|journalist|reporter|editor|writer|
        author|columnist|one\s+of\s+(?:you|them))\b{NOT_POSSESSIVE}{NOT_VIOLENCE}"""),
    rule("burned-with-them-inside", Code.threat, 0.88, r"""
        # told to burn their office, or to let them roast in it: "Burn down their offices", "let them burn inside"
        (?:^|[.!?;:]\s*|\n\s*)(?:just\s+|so\s+|let's\s+|lets\s+|go\s+(?:and\s+)?)?(?:burn\s+down|torch|firebomb|
        set\s+fire\s+to)\s+(?:their|his|her|your|ur)\s+(?:offices?|newsroom|houses?|homes?|building|studios?|villages?|
        towns?|neighbou?rhoods?|camps?|tents?)\b(?!\s*\?)
        # "Burn their villages to the ground": an order, the sentence opening with it
        |(?:^|[.!?;:]\s*|\n\s*)(?:just\s+|so\s+|let's\s+|lets\s+|go\s+(?:and\s+)?)?burn\s+(?:their|his|her|your|ur)\s+
        (?:\w+\s+){0,1}?(?:offices?|houses?|homes?|villages?|towns?|neighbou?rhoods?|camps?|tents?)\s+to\s+the\s+ground\b(?!\s*\?)
        |\blet\s+(?:them|him|her|(?:every|each)\s+(?:last\s+)?one\s+of\s+(?:them|you|those\s+\w+|these\s+\w+)|
        (?:all\s+)?(?:those|these)\s+\w+|all\s+of\s+them)\s+(?:all\s+)?(?:roast|burn|fry|suffocate|choke)\s+
        (?:alive|inside|in\s+there|to\s+death|in\s+the\s+(?:fire|flames))\b"""),
]
MULTILINGUAL_RULES_RT5 = [
    rule("found-and-regret", Code.threat, 0.85, r"""
        # "I will find you and you will regret it": Kurmanji, Turkish, Arabic, Persian, Sorani, English
        \b(?:ez|em)\s*ê\s+(?:\S+\s+)?te\s+bib[iî]n(?:im|in)\b[^.!?\n]{0,40}?\b(?:po[sş]man|pişman|pisman)
        |\bseni\s+(?:mutlaka\s+|elbet\s+)?bul(?:aca[gğ][iı]m|aca[gğ][iı]z|ucam|ucaz|cam|caz)\b[^.!?\n]{0,40}?\bpi[sş]man
        |(?<!\w)(?:ساجدك|سنجدك|سالقاك|سنلقاك|راح\s+القاك|رح\s+القاك|راح\s+الاقيك|رح\s+لاقيك)(?!\w)[^.!?؟\n]{0,40}?
        (?:ستندم|راح\s+تندم|رح\s+تندم|بتندم|تندم)
        |(?<!\w)پيدا(?:ت|تون)\s+(?:مي)?كن(?:م|يم)(?!\w)[^.!?؟\n]{0,40}?پشيم
        |(?<!\w)دەتدۆز(?:مەوە|ينەوە)(?!\w)[^.!?؟\n]{0,40}?پەشيمان
        |\b(?:i|we)(?:'ll|\s+will|\s+shall)\s+find\s+(?:you|u|ya)\s+and\s+(?:you|u)(?:'ll|\s+will)\s+regret\b"""),
    rule("house-burned-over-head", Code.threat, 0.88, r"""
        # Turkish: "we will burn / bring down your house over your head" (a threat, never news: first person future)
        \b(?:evini|evinizi|evlerini|evlerinizi|ofisini|ofisinizi|bürosunu|büronuzu|yuvanızı|yuvanizi|yuvanı|yuvani)\s+
        (?:da\s+|de\s+)?(?:başına|basina|başınıza|basiniza|başlarına|baslarina)\s+
        (?:yakaca[gğ][iı]z|yakaca[gğ][iı]m|yakar[iı]z|yakar[iı]m|yakıcaz|yakicaz|yakıcam|yakicam|yıkaca[gğ][iı]z|
        yikaca[gğ][iı]z|yıkaca[gğ][iı]m|yikaca[gğ][iı]m|yıkar[iı]z|yikar[iı]z|yıkar[iı]m|yikar[iı]m|yıkıcaz|yikicaz)\b
        |\badresini(?:zi)?\s+(?:de\s+)?(?:biliyoruz|biliyorum|biliyoz|biliyom)\b(?=[^.!?\n]{0,60}?
        (?:yaka|yıka|yika|gel|bul|öldür|oldur|gebert|vur|kafa
        # red team 6: "we know your address, be careful, journalist" (a courier knows it too: no "bekle", wait)
        |dikkatli\s+ol|ayağını\s+denk|ayagini\s+denk|gününü\s+gör|gununu\s+gor))
        |\bev(?:ini|inizi)\s+(?:başına|basina|başınıza|basiniza)\s+[^.!?\n]{0,20}?adresini(?:zi)?\s+biliyor"""),
    rule("thrown-from-buildings", Code.threat, 0.85, r"""
        # Arabic: "(they) must be thrown from the tops of buildings"
        (?<!\w)(?:لازم|يجب|لابد|المفروض|يستاهلون|يستاهلوا|يستحقون)\s+(?:ان\s+)?(?:\S+\s+)?
        (?:ينرمون|ينرموا|ينرمي|يترمون|يترموا|يرمون|يرموا|نرميهم|يرميهم|ترميهم|يلقون|يلقوا|نلقيهم|يلق[ىي]|يرم[ىي]|يرموهم|
        رميهم|القاوهم|القاءهم|رمي)\s+(?:\S+\s+)?من\s+(?:فوق|اعل[ىي]|عل[ىي]|سطوح|اسطح|سطح)\s+(?:ال)?(?:بنايات|بنايه|عمارات|
        عماره|ابراج|برج|اسطح|سطوح|سطح|جسر|جسور|مباني|مبن[ىي])
        # Turkish: "(they) should be thrown off buildings / roofs / bridges"
        |\b(?:binalardan|binadan|çatılardan|catilardan|damlardan|köprüden|kopruden|köprülerden|koprulerden)\s+
        (?:aşağı\s+|asagi\s+)?at[iı]l(?:mal[iı]|mal[iı]d[iı]r|mal[iı]lar|s[iı]n|s[iı]nlar)\b(?!\s*(?:m[iı]|diye\w*)\b)
        # Persian: "(they) must be thrown off buildings / roofs"
        |بايد\s+(?:\S+\s+){0,3}?از\s+(?:بالاي\s+|روي\s+)?(?:ساختمان|ساختمانها|برج|برجها|پشت\s*بام|بام|پل)\s+
        (?:به\s+پايين\s+)?(?:پرت|انداخت|بيندازند|بندازن|بندازيم)"""),
]
RULES += MULTILINGUAL_RULES_RT5

# Red team 6: a death wished as an end ("hope your whole family ends up under the rubble"), days counted, a lesson
# no one walks away from; English.
RULES += [
    rule("wished-to-end-up-dead", Code.threat, 0.85, r"""
        \b(?:hope|wish|pray|may)\s+(?:that\s+)?(?:you|u|ya|you\s+all|your\s+(?:whole\s+|entire\s+|own\s+)?\w+|him|her|them|
        he|she|they|his\s+(?:whole\s+)?\w+|their\s+(?:whole\s+)?\w+)\s+(?:all\s+)?(?:will\s+|would\s+)?ends?\s+up\s+
        (?:dead(?!\s+(?:wrong|last|broke|serious|set|even|tired))|under\s+(?:the\s+)?rubble|in\s+(?:a|the)\s+(?:grave|coffin|body\s+bag|morgue|mass\s+grave)|in\s+body\s+bags|
        six\s+feet\s+under|buried\s+alive|in\s+pieces)\b"""),
    # "Count your days": said to the reader; "your days are numbered" is said of politicians at every election.
    rule("count-your-days", Code.threat, 0.8, r"""\bcount\s+(?:your|ur)\s+(?:days|hours)\b(?!\s+(?:off|of\s+leave|until|till|to))"""),
    rule("lesson-not-survived", Code.threat, 0.85, r"""
        \bteach\s+(?:\w+\s+){1,3}?a\s+lesson\s+(?:that\s+)?(?:he|she|they|you|u)\s+(?:won't|will\s+not|wont|will\s+never)\s+
        (?:walk\s+away\s+from|survive|recover\s+from|live\s+through|wake\s+up\s+from|walk\s+again)\b"""),
]

# Red team 6: calls to kill with the verb and its object ("لازم يذبحوهم", "hepsini öldürmek lazım", "divê hemû Tirk werin
# kuştin"), a head to be cut off with the head named first ("سەری ئەم نووسەرە دەبێ ببڕدرێت", "serê nivîskar divê bê
# jêkirin", "kafasını kesmek lazım"), all of them to be executed (Persian), and deaths wished with "God willing".
# Questions ("... werin kuştin?") and negations ("إن شاء الله ما يموتون") stay clean; reports are in the past tense.
MULTILINGUAL_RULES_RT6 = [
    rule("called-to-kill-by-verb", Code.threat, 0.85, r"""
        # Arabic: a verb with its object pronoun after "must"; burning only of people ("لازم يحرقوها" may be a flag)
        (?<!\w)(?:لازم|يجب|لابد|لا\s+بد)\s+(?:ان\s+|من\s+)?(?:ي|ن|ت)(?:قتل|شنق|سحل|كتل|عدم)(?:و|ون|وا)?
        (?:هم|ه|ها|كم|ك|هن)(?!\w)
        # slaughtering only of people in the plural or the reader ("لازم نذبحه قبل العيد" is the sheep)
        |(?<!\w)(?:لازم|يجب|لابد|لا\s+بد)\s+(?:ان\s+|من\s+)?(?:ي|ن|ت)(?:ذبح|دبح)(?:و|ون|وا)?(?:هم|كم|ك|هن)(?!\w)
        |(?<!\w)(?:لازم|يجب|لابد)\s+(?:ان\s+)?(?:ي|ن|ت)حرق(?:و|ون|وا)?(?:هم|كم)(?!\w)
        # Sorani: the head named, then "must be cut off"
        |سەري\s+(?:\S+\s+){0,4}?(?:دەبێت|دەبێ|پێويستە|پيويستە)\s+(?:ببڕدرێت|ببڕدرێن|ببڕرێت|ببڕن|بپەڕێنرێت)(?!\w)
        # Kurmanji: "(all of them) must be killed / burned / wiped out", "his head must be cut off"
        |\bdiv[eê]\s+(?:[^\s.!?]+\s+){0,3}?(?:werin|b[eê]n|b[eê]ne|were|b[eê])\s+(?:ku[sş]tin|qetil\s*kirin|serj[eê]\s*kirin|
        [sş]ewitandin|qir\s*kirin)\b(?![^.!?\n]{0,60}\?)
        |\bser[eê]\s+(?:[^\s.!?]+\s+){0,4}?div[eê]\s+(?:b[eê]|were|b[eê]n|werin)\s+(?:j[eê]\s*kirin|birin|birîn)\b
        # Persian: "all of them must be executed / killed"
        |بايد\s+(?:همه|هم|اينا|اونا)(?:شان|شون)?(?:\s*(?:را|رو|و))?\s+(?:(?:اعدام|سنگسار|تيرباران|قتل\s*عام)\s+
        (?:كرد|كنند|كنيم|كنن)|كشت(?!\w)(?!\s+(?:كرد|كنند|كنيم|كنن|شود|شد)))(?!\w)(?!\S*\s*[؟?])"""),
    rule("called-to-kill-tr", Code.threat, 0.85, rf"""
        # Turkish: "his head must be cut", "they must all be killed / shot"
        \bkafa(?:s[iı]n[iı]|lar[iı]n[iı])\s+kes(?:mek|mel[iı]y[iı]z|mel[iı])\s+(?:lazım|lazim|gerek|şart|sart)\b{_TR_NOT_ASKED}
        |\b(?:hepsini|onu|onları|onlari|bunları|bunlari|bunu|hainleri|kafirleri|gavurları|gavurlari|şerefsizleri|serefsizleri|
        alçakları|alcaklari|kürtleri|kurtleri|türkleri|turkleri|arapları|araplari|ermenileri|suriyelileri|afganları|afganlari|
        alevileri|yahudileri|göçmenleri|gocmenleri|mültecileri|multecileri|ibneleri|gazetecileri)\s+(?:öldürmek|oldurmek|gebertmek|
        kurşunlamak|kursunlamak|kurşuna\s+dizmek|kursuna\s+dizmek|boğazlamak|bogazlamak)\s+(?:lazım|lazim|gerek|şart|sart)\b
        {_TR_NOT_ASKED}"""),
    rule("death-wished-god-willing", Code.threat, 0.8, r"""
        # Arabic: "God willing you (all) die / a car bomb explodes among you"; "... ما يموتون" hopes the opposite
        (?<!\w)(?:ان\s*شاء\s*الله|انشالله|انشاءالله|ان\s*شالله|يا\s*رب|يارب|عسى)\s+(?:(?!(?:ما|لا|مو|مش|محد|ماحد|لن|ولا)\s)\S+\s+){0,2}?
        (?:تموتون|تموتوا|يموتون|يموتوا|تنفجر\s+فيك|تنفجر\s+فيكم|ينفجر\s+فيكم|ينفجر\s+فيك|تنحرقون|ينحرقون|تنقتلون|ينقتلون|
        تنذبحون|ينذبحون|تندفنون)(?!\w)"""),
]
RULES += MULTILINGUAL_RULES_RT6

# Red team 5's words, beginnings of words all, in one trie tried at the start of a word only: a strike cheered, a
# massacre's fate wished, burned inside, found-and-regret, houses burned over heads, thrown from buildings.
RT5_WORDS = union([re.escape(c) for c in word] for word in """jet jets yazidi ezidi armenian halabja sinjar shingal
    shengal jews bosnian tutsi rohingya roast fry suffocat regret poşman posman pişman pisman adresini evini evinizi
    atılmal atilmal atıls atils binalar binadan damlardan çatılar catilar köprü kopru المفروض پشيم پەشيمان ستندم بتندم
    تندم ساجدك سنجدك سالقاك سنلقاك القاك الاقيك لاقيك""".split())
# Red team 6's words, at the start of a word: "must" (Turkish), "God willing" (Arabic).
RT6_WORDS = union([re.escape(c) for c in word] for word in "lazım lazim gerek şart انشالله انشاءالله شاء شالله يارب عسى".split())
PREFILTER = re.compile(rf"""\b(?:{HARM}|{HARM_PAST}|{DEATH}|dead|death|know\s+where|yourself|urself|kys|bleach|
    bullet|knife|blade|bomb|rope|noose|live|survive|break|snap|crush|massacre|commit|know\s+(?:where|which|what)|
    (?:run|runs|put|puts)\s+(?:you|him|her|them|this|that)\b|last\s+(?:days|hours|moments|breath|week|night)|
    (?:shame|pity)\s+if|waiting\s+(?:for\s+you\s+)?outside|never\s+meet|accident|time\s+before|gallows|
    firing\s+squad|find\s+(?:you|u|ya)|(?:make\s+it|come|get|be\s+coming)\s+(?:back\s+)?home|drone|missile|rocket|
    shell|sniper|grenade|air\s*strike|k[i1!|]ll|address|hunted|ways\s+of|bones?|flames|end\s+up\s+like|
    next\s*(?:[.!?,]|$)|know\s+(?:the|your|ur)|ends?\s+up|count\s+(?:your|ur)|lesson|against\s+(?:a|the)\s+wall|pay\s+(?:for\s+(?:this|that|it)\s+)?with|do\s+to|finish|deserved?|boats?|dinghy|dinghies|rafts?
    )|راس|رووس|رقب|سەر|ser[eê]|kafa|baş|سر|حوادث|kaza|bir\s+şey|ڕووداو|اتفاق|حادثه|{WEAPONS}
    |edil(?:mel|s)|öldürül|oldurul|gebertil|sallandır|sallandir|kurşunlan|kursunlan|boğazlan|bogazlan
    |as[iı]l(?:ma|s)|yak[iı]l(?:ma|s)|geber
    |بايد|اميدوارم|مرگ|بكوژن|بسووتێنن|يستحق|يستاهل|يسلم|داعش|يجب|لازم|لابد|لا\s+بد|on\s+fire|set\s+fire|alight|ablaze
    |kendini|intihar|بكش|بمير|خودكشي|بكوژە|بمرە|bikuje|bimre|نفسك|انتحر|موت
    |\b(?:{RT5_WORDS}|{RT6_WORDS})|\b(?:dive|divê|sart|رب)\b""", re.VERBOSE)


MAX_REPORTED = 8  # more threats than this in one comment is no court report, and each asks the text again


class ThreatChecker(PatternChecker):
    def __init__(self) -> None:
        super().__init__("threat.patterns", "8", RULES, PREFILTER)  # 7: red team 5's massacre fates, cheered strikes, found-and-regret
        # 8: red team 6's calls to kill by verb (Arabic, Sorani, Kurmanji, Turkish, Persian), deaths wished "God willing",
        # "count your days", wished to end up dead, a lesson not survived
        self.rule_scores = {f"{self.name}:{item.name}": item.score for item in RULES}

    def check(self, context: CheckContext) -> list[Finding]:
        findings = super().check(context)
        if not findings or not SPEECH_CUE.search(context.text):
            return findings
        return [self._reported_lowered(finding, context.text) for finding in findings]

    def _reported_lowered(self, finding: Finding, text: str) -> Finding:
        """The finding scored by the writer's own words only; words reported as another's marked and kept."""
        if len(finding.evidence) > MAX_REPORTED:
            return finding
        evidence = tuple(replace(e, rule=e.rule + REPORTED) if reported_by_another(text, e.start, e.end) else e
                         for e in finding.evidence)
        if evidence == finding.evidence:
            return finding
        own = [self.rule_scores[e.rule] for e in evidence if not e.rule.endswith(REPORTED)]
        return replace(finding, score=max(own, default=REPORTED_SCORE), evidence=evidence)
