"""Abuse aimed at a group for who they are: a group named, and something demeaning said of all of it.

Naming a group is never a finding ("Muslim leaders welcomed it"): the rules need a slur, a
dehumanising predicate, a call to expel or harm, or contempt in front of the group's name.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from moderation.checks import CheckContext, Evidence, Finding
from moderation.checks.identity import CODE_OF_WORD
from moderation.checks.normalize import DOTLESS, TURNED, UNMASKED
from moderation.checks.patterns import PatternChecker, alternatives, code_group, rule
from moderation.checks.reported import reported_by_another
from moderation.guidelines import Code

GROUPS = {
    Code.abuse_sexism: "women|woman|females|girls|feminists|wives|ladies|broads|chicks|bitches|females|"
                       "men|males",
    Code.abuse_racism: "blacks|black people|black men|black women|whites|white people|asians|africans|arabs|"
                       "arab people|kurds|kurdish people|turks|turkish people|armenians|persians|latinos|"
                       "hispanics|gypsies|roma|jews as a race|indians|chinese people|chinese|negroes|natives|"
                       "aborigines|brown people|darkies|coloureds|coloreds",
    Code.abuse_homophobia: "gays|gay people|gay men|homosexuals|lesbians|queers|trans people|transgenders|"
                           "transgender people|trannies|bisexuals|lgbt people|lgbtq people|lgbt|lgbtq|the gays|"
                           "fags|faggots|dykes",
    Code.abuse_xenophobia: "immigrants|migrants|refugees|foreigners|illegals|asylum seekers|syrians|afghans|"
                           "pakistanis|albanians|romanians|poles|mexicans|somalis|nigerians|iraqis|iranians|afghanis|bangladeshis|"
                           "afghan refugees|syrian refugees|economic migrants|newcomers|idps|arab idps|"
                           "displaced people",
    Code.abuse_religion: "muslims|moslems|islam|islamists|jews|jewish people|christians|catholics|protestants|"
                         "hindus|sikhs|atheists|alevis|yazidis|yezidis|shias|shiites|sunnis|buddhists|mormons|"
                         "evangelicals|zionists|kafirs|infidels|shia|the shia|shia muslims|sunni muslims",
}
DEHUMANISING = alternatives(
    "animals|savages|vermin|parasites|cockroaches|rats|pigs|dogs|apes|monkeys|subhuman|sub human|"
    "subhumans|scum|trash|garbage|filth|filthy|dirty|disgusting|inferior|a disease|a cancer|a plague|"
    "a virus|evil|all evil|terrorists|all terrorists|rapists|all rapists|criminals|all criminals|thieves|"
    "invaders|breeding like rabbits|breeding like rats|not human|not people|less than human|mentally ill|"
    "sick|perverts|pedophiles|paedophiles|degenerates|an abomination|abominations|stupid|dumb|lazy|"
    "worthless|useless|a waste|the problem|the enemy|ruining this country|destroying this country|"
    "taking over|a threat|not welcome|not wanted|barbaric|barbarians|primitive|backward|uncivilised|uncivilized|"
    "good for nothing|only good for|property|objects|liars|greedy|money grabbing|bloodsuckers|snakes|"
    "cunning snakes|devils|devil worshippers|worms|leeches|vultures|hyenas|locusts|a barbaric race|"
    "an inferior race|a dirty race|a cursed race|mountain rats|desert rats|sand rats|goat herders|"
    "camel riders|inbred|traitors by nature|born traitors|born liars|born criminals|a fifth column|infidels|kafirs|"
    "heretics|apostates|majoos|majus|a savage race|savage|savages by nature|what's wrong with|what is wrong with"
)
VERMIN = alternatives(
    "germs|bacteria|microbes|lice|fleas|ticks|maggots|insects|bugs|pests|a pest|termites|roaches|cockroaches|"
    "rodents|rats|vermin|parasites|leeches|locusts|worms|swine|hogs|pigs|beasts|mongrels|jackals|hyenas|baboons|"
    "gorillas|chimps|chimpanzees|orangutans|apes|monkeys|goats|donkeys|cattle|livestock|animals|a pestilence|"
    "an infestation|a tumour|a tumor|a disease|diseased|disease ridden|disease-ridden|a contagion|a virus|a cancer|"
    "a plague|a parasite|an epidemic|filth|sewage|excrement|human garbage|human trash|human waste"
)
EXPULSION = alternatives(
    "be deported|be sent back|go back|be kicked out|be thrown out|get out|be banned|be removed|be expelled|"
    "be exterminated|be wiped out|be eradicated|be gassed|be killed|be shot|be hanged|be burned|die|"
    "not be allowed|have no rights|be locked up|be put in camps|be sterilised|be sterilized|not vote|"
    "stay in the kitchen|shut up|know their place|be thrown off roofs|be thrown off a roof|be thrown off buildings|"
    "be thrown from roofs|be stoned|be stoned to death|be beheaded|be lynched|be executed|be castrated"
)
CONTEMPT_WORDS = (
    "dirty|filthy|stinking|smelly|fucking|fking|bloody|stupid|dumb|ugly|lazy|greedy|disgusting|vile|"
    "damn|goddamn|sick|backward|savage|subhuman|inbred|hairy|thieving|scheming|treacherous|worthless"
)
CONTEMPT = alternatives(CONTEMPT_WORDS)


def any_group(codes: Iterable[Code]) -> str:
    """The groups of these codes, each in a named group that tells the rule which code it found."""
    return "(?:" + "|".join(code_group(code, alternatives(GROUPS[code])) for code in codes) + ")"


ANY_GROUP = any_group(GROUPS)
# Peoples and faiths, not the sexes: "Girls run the world!" is a song, "men control everything" a complaint.
PEOPLE_OR_FAITH = any_group(code for code in GROUPS if code is not Code.abuse_sexism)

# A call to expel, made to the reader (a modal, "let's", or the imperative opening a sentence): "throw out all
# the refugees", "we must kick the Afghans out"; "the army drove the Kurds out of Kirkuk in 2017" is history.
_CALL = r"""(?:\b(?:should|must|need\s+to|needs\s+to|ought\s+to|have\s+to|has\s+to|let's|lets|let\s+us|
    we\s+will|we'll|time\s+to)\s+|^\s*|[.!?;]\s+)(?:throw|kick|chase|drive|boot|force|run)\s+"""
_WHICH = r"(?:the\s+|these\s+|those\s+)?"
# The word before the predicate is an adjective ("dirty animals"), never the negation of a rebuttal ("Kurds are not
# animals", "refugees are never the problem").
_NOT_A_NEGATION = r"(?!(?:not|never|no|hardly|neither|nor)\s)"
GROUP_RULES = [
    # The second branch: vermin, disease and beasts ("Kurds are just mountain goats", "Syrians are germs", "refugees
    # are like a plague of locusts"), in the same rule so the text is searched for the groups once. Its adjective
    # before the noun is never a verb's -ing or -ed form ("Kurds are raising goats", "are trained donkeys"), and a
    # noun that goes on into a trade ("cattle herders"), a patient ("cancer patients") or a question stays clean.
    rule("dehumanising", None, 0.88, rf"""
        \b(?:(?:all|these|those|most|the|such|typical|bloody|fucking|you|every|many)\s+)?{ANY_GROUP}\s+
        (?:like\s+(?:this|that|the|her|him)\s+(?:reporter|journalist|writer|author|presenter|anchor|editor|one|guy|woman)\s+)?
        (?:are|r|is|were|being|=)\s+
        (?:(?:all\s+|just\s+|nothing\s+but\s+|basically\s+|simply\s+|literally\s+)?
            # "a race of thieves", "a nation of liars" (red team 6)
            (?:a\s+bunch\s+of\s+|an?\s+(?:race|nation|people|tribe|breed)\s+of\s+|such\s+|an?\s+|the\s+)?
            (?:{_NOT_A_NEGATION}\w+\s+)?{DEHUMANISING}\b(?!\s*\?)
        |(?:all\s+|just\s+|nothing\s+but\s+|basically\s+|simply\s+|literally\s+|like\s+|no\s+better\s+than\s+)?
            (?:a\s+bunch\s+of\s+|a\s+pack\s+of\s+|a\s+herd\s+of\s+|a\s+swarm\s+of\s+|a\s+plague\s+of\s+|an?\s+|the\s+)?
            (?:{_NOT_A_NEGATION}(?![\w']*(?:ing|ed)\s)[\w']+\s+)?{VERMIN}\b
            (?!\s*(?:\?|-|farmers?\b|herders?\b|breeders?\b|keepers?\b|owners?\b|traders?\b|thieves\b|rustlers?\b|
            ranchers?\b|farming\b|herding\b|breeding\b|research|researchers?\b|patients?\b|survivors?\b|
            victims?\b|sufferers?\b|screening\b|treatment\b|cases?\b|outbreaks?\b|vaccines?\b)))"""),
    rule("expulsion", None, 0.85, rf"""
        \b{ANY_GROUP}\s+(?:should|must|need\s+to|needs\s+to|ought\s+to|have\s+to|deserve\s+to|will)\s+
        (?:all\s+)?{EXPULSION}\b"""),
    # two rules, "out" before or after the group: a regex may name the group's codes only once
    rule("expulsion-call", None, 0.85, rf"""{_CALL}out\s+(?:all\s+(?:of\s+)?)?{_WHICH}{ANY_GROUP}\b(?!\s*['’])"""),
    rule("expulsion-call-after", None, 0.85, rf"""{_CALL}(?:all\s+)?{_WHICH}{ANY_GROUP}\s+(?:all\s+)?out\b"""),
    rule("contempt", None, 0.8, rf"""\b{CONTEMPT}\s+{ANY_GROUP}\b"""),
    rule("hatred", None, 0.85, rf"""
        \b(?:i|we)\s+(?:hate|despise|detest|loathe|can't\s+stand|cannot\s+stand)\s+(?:all\s+)?(?:the\s+)?{ANY_GROUP}\b"""),
    # The cabal trope ("Jews control the media"): a group said to secretly own what everyone depends on, the
    # clause ending there. Towns and oil fields are left out ("Kurds control Kirkuk's oil fields" is war
    # reporting), and "Kurds run the banks in Erbil" goes on to say where.
    rule("cabal", None, 0.8, rf"""
        \b{PEOPLE_OR_FAITH}\s+(?:secretly\s+|really\s+|still\s+|basically\s+)?(?:control|controls|run|runs|own|owns)\s+
        (?:all\s+(?:of\s+)?)?(?:the\s+)?(?:media|banks|banking|hollywood|world|whole\s+world|money|everything|
        financial\s+system|world's\s+money|global\s+finance|news|press|this\s+site|this\s+paper|this\s+newspaper|
        government|governments|politicians)(?=\s*(?:[,.!?;:]|$|and\b|too\b|now\b|lol\b|lmao\b|smh\b|like\s+they\b))"""),
    # The tropes that a people or a faith carries crime and disease wherever it goes ("they bring crime and
    # disease everywhere they go"), in the sentence that names them.
    rule("brings-crime-and-disease", None, 0.75, rf"""
        \b{PEOPLE_OR_FAITH}\b[^.!?\n]{{0,60}}?\b(?:they\s+)?(?:bring|brings|bringing|spread|spreads|spreading|carry|carries)\s+
        (?:nothing\s+but\s+|only\s+)?(?:crime|disease|diseases|drugs|terror|rape|violence)(?:\s+and\s+(?:crime|disease|diseases|
        drugs|terror|rape|violence))?(?:\s+(?:everywhere|wherever|with\s+them|into|to\s+(?:our|this|every))|
        \s*(?:[.!;]|$)|\s*,\s*(?:kick|throw|send|deport|chase|get\s+rid\s+of)\b)"""),
    # A people named, then the reader told to throw them out: "Afghans steal everything, kick them all out".
    rule("expel-them", None, 0.8, rf"""
        \b{PEOPLE_OR_FAITH}\b[^.!?\n]{{0,80}}?(?:[,;:]\s*|[.!?]\s+|\b(?:should|must|let's|lets|we\s+must|time\s+to)\s+)
        (?:kick|throw|chase|boot|deport|drive)\s+(?:them|'em|em)\s+(?:all\s+)?(?:out|away)?\b(?!\s+of\s+(?:the\s+)?(?:race|contest|competition|league|tournament|running))"""),
    rule("no-place", None, 0.8, rf"""
        \b(?:no|ban\s+all|deport\s+all|kick\s+out\s+all|get\s+rid\s+of\s+(?:all\s+)?(?:the\s+)?)\s*(?!shia\b){ANY_GROUP}\b
        (?!\s+(?:rights|votes?|voices?|say|representation|access))"""),
]
PREFILTER = re.compile(r"\b(?:" + "|".join(alternatives(w) for w in GROUPS.values()) + r"|she|go|get|send|fuck|typical|slept|sleeping|genetically)\b")

RULES = GROUP_RULES + [
    rule("sexism-place", Code.abuse_sexism, 0.85, r"""
        \b(?:women|woman|she|females|girls)\s+(?:belong|belongs|should\s+stay|should\s+be|needs?\s+to\s+be)\s+
        (?:in\s+the\s+kitchen|at\s+home|barefoot|pregnant|seen\s+and\s+not\s+heard|silent|quiet)\b"""),
    rule("sexism-kitchen", Code.abuse_sexism, 0.85, r"""
        \b(?:should|must|belongs?|needs?\s+to)\s+(?:be|stay|go\s+back|get\s+back)\s+(?:in|to|into)\s+the\s+kitchen\b
        |\ba\s+woman's\s+place\s+is\b"""),
    # "Typical female reporter", "typical woman driver": the sex given as the reason for what someone did.
    rule("sexism-typical", Code.abuse_sexism, 0.75, r"""
        (?<!\bthe\s)(?<!\ba\s)(?<!\bour\s)(?<!\bmost\s)\btypical\s+(?:female|woman|women|girl)\s+(?:reporter|reporters|journalist|journalists|writer|writers|author|driver|
        drivers|politician|politicians|minister|editor|logic|behaviou?r|thinking|nonsense|hysteria)\b"""),
    rule("religion-of", Code.abuse_religion, 0.85, r"""
        \b(?:islam|christianity|judaism|hinduism|their\s+religion|that\s+religion|this\s+religion)\s+is\s+
        (?:a|the)\s+(?:\w+\s+)?(?:religion|cult|ideology|faith)\s+of\s+(?:savages|hate|hatred|violence|terror|
        terrorists|death|barbarians|pedophiles|paedophiles|murderers|killers|rapists)\b"""),
    rule("sexism-competence", Code.abuse_sexism, 0.75, r"""
        \b(?:women|woman|females|girls)\s+(?:can't|cannot|can\s+not|shouldn't|should\s+not|are\s+too\s+\w+\s+to)\s+
        (?:drive|think|lead|vote|do\s+math|report|write|govern|rule|judge|decide|fight|serve|talk\s+about\s+(?:war|politics)|
        comment\s+on\s+(?:war|politics)|be\s+in\s+parliament|sit\s+in\s+parliament|
        be\s+(?:trusted|leaders|presidents|in\s+charge|journalists|reporters))\b"""),
    rule("sexism-nature", Code.abuse_sexism, 0.75, r"""
        \b(?:women|females|girls)\s+are\s+(?:all\s+|just\s+|naturally\s+|simply\s+|by\s+nature\s+)?(?:too|so|far\s+too)\s+
        (?:emotional|hysterical|irrational|weak|fragile)\b(?!\s*\?)"""),
    # "This is what happens when you let women write about war."
    rule("sexism-let-women", Code.abuse_sexism, 0.75, r"""
        \bthis\s+is\s+what\s+(?:happens|you\s+get)\s+when\s+(?:you\s+|they\s+|we\s+)?(?:let|allow|hire|put)\s+
        (?:a\s+)?(?:women|woman|girls?|females?)\b(?=(?:\s+[\w']+){0,5}\s*(?:[.!]|$))"""),  # a punchline: it ends there
    rule("xenophobia-go-back", Code.abuse_xenophobia, 0.85, r"""
        \b(?:go|get|send\s+(?:them|him|her|you)|fuck\s+off)\s+back\s+(?:to|home\s+to)\s+(?:your|their|his|her)\s+
        (?:own\s+)?(?:country|countries|desert|cave|caves|jungle|shithole|mud\s+hut|village|tent)\b
        |(?:^|[,.!?;:]\s*)go\s+back\s+to\s+the\s+(?:desert|deserts|caves?|jungle|mountains)\b(?!\s+(?:this|next|in|for|on|with|again)\b)"""),
    # Red team 6: a people called inferior by birth ("these people are genetically backward"), of any subject: the word
    # says it of blood; and women said to be good only for the kitchen or bed, in the sentence that names them or
    # the next ("Female fighters? They're only good for cooking").
    rule("racism-genetic", Code.abuse_racism, 0.8, r"""
        \b(?:are|is|were|being|r)\s+(?:all\s+|just\s+|simply\s+)?genetically\s+(?:inferior|backward|primitive|stupid|violent|
        criminal|lazy|dishonest|savage|defective|subhuman|inclined\s+to\s+(?:crime|violence|steal))\b(?!\s*\?)"""),
    rule("sexism-only-good-for", Code.abuse_sexism, 0.8, r"""
        (?:\b(?:women|woman|females?|girls|wives|ladies)\s+(?:are|is)
        |\b(?:women|woman|females?|girls|wives|ladies)\b[^\n]{0,60}?\b(?:they're|they\s+are|she's|she\s+is))\s+
        (?:only|just|good\s+only|fit\s+only)\s+(?:good\s+)?for\s+(?:cooking|cleaning|the\s+kitchen|making\s+babies|babies|sex|
        bed|the\s+bed|one\s+thing|housework|washing|dishes|looking\s+pretty|breeding)\b"""),
    # "She only got the job because she slept with the editor": the sex given as how a woman got her post.
    rule("sexism-slept-her-way", Code.abuse_sexism, 0.85, r"""
        \b(?:got|gets|get|landed|won|earned|keeps|kept)\s+(?:the|her|that|this)\s+(?:\w+\s+)?(?:job|post|position|role|seat|
        promotion|show|column|slot)\s+(?:because|by|after|since|cause|coz|cuz)\s+(?:she\s+)?(?:slept|sleeping|sleeps|sleep)\s+with\b
        |\b(?:she|her)\s+(?:only\s+)?(?:slept|sleeping)\s+with\s+(?:the|her|his|a)\s+(?:boss|editor|producer|director|
        manager|owner|minister|chief|publisher)\s+(?:to|for)\s+(?:get|got|land|keep)\b"""),
]


@dataclass(frozen=True)
class DogWhistle:
    """A sign that says "Jews" or "Black people" to those who know it and nothing to a word list.

    Found when every pattern of `needs` is in the sign's sentence too, and no word of `talk`: a sentence that
    names the sign or the theory behind it ("the triple parentheses used by neo-Nazis", "the 'great
    replacement' conspiracy theory, which the shooter cited") discusses it, as the news does."""

    name: str
    code: Code
    score: float
    sign: re.Pattern[str]
    talk: re.Pattern[str]
    needs: tuple[re.Pattern[str], ...] = ()


def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text, re.VERBOSE)


TALK_ABOUT_A_SIGN = _pattern(r"""parenthes[ie]s|brackets|\becho(?:es|ing)?\b|symbol|\bmemes?\b|dog[\s-]?whistle|
    \bmarker|\bhate\s+sign""")
TALK_ABOUT_A_CLAIM = _pattern(TALK_ABOUT_A_SIGN.pattern + r"""|conspiracy|theory|theories|theorists?|\bmyths?\b|
    debunk|trope|far[\s-]right|supremacis|white\s+nationalis|neo-?nazi|racis[tm]|bigot|extremis|manifesto|shooter|
    gunman|killer|propaganda|so-called|hoax|\bfalse|misleading|misuse|distort|\bclaims?\b|\bclaimed\b|\blie\b|
    narrative|rhetoric|ideology|talking\s+point""")
_BLACK_PEOPLE = _pattern(r"""\b(?:blacks|black\s+(?:people|men|americans|folks|males|community|population)|
    african[\s-]americans?|negro(?:e?s)?|niggers?|niggas?)\b""")
_HALF = _pattern(r"\b(?:50|52|fifty)\s*(?:%|percent|per\s+cent)|\bhalf\b")
_CRIME = _pattern(r"""\b(?:commit|commits|committed|crimes?|criminals?|murders?|homicides?|killings?|violence|
    arrests?)\b""")
_THIRTEEN_FIFTY = r"(?<![\d/.,:])13\s*%?\s*/\s*(?:50|52)\s*%?(?![\d/.,:%]{0,5}\d)"
DOG_WHISTLES = (
    # The triple-parentheses echo around a word or two: "(((journalists)))", "(((they)))". Not hugs, not sad
    # or happy faces ("so sad :(((", "thanks)))"), not code or sums (nothing but letters inside).
    DogWhistle("echo", Code.abuse_religion, 0.75, _pattern(r"""
        (?<![(:;=\w])\(\(\((?![^)]{0,40}\b(?:hugs?|hugz|hugging|cuddles?|love|kisses|sighs?|smiles?|waves?)\b)
        [^\W\d_][^\W\d_'’\ -]{0,30}[^\W\d_]\)\)\)(?!\))"""), TALK_ABOUT_A_SIGN),
    # "13/50": a share of the population against a share of the crime. A score or a fraction ("won 13/50",
    # "13/50 voted yes", "1/13/50") is neither: the group must be named in the sentence, or the slogan's words.
    DogWhistle("thirteen-fifty", Code.abuse_racism, 0.75, _pattern(_THIRTEEN_FIFTY), TALK_ABOUT_A_CLAIM,
               (_BLACK_PEOPLE,)),
    DogWhistle("thirteen-fifty-slogan", Code.abuse_racism, 0.75, _pattern(
        _THIRTEEN_FIFTY + r"\s+(?:strikes\s+again|never\s+fails|checks\s+out|in\s+action)\b"), TALK_ABOUT_A_CLAIM),
    # "Despite being 13%" as a punchline, the sentence ending there; "despite being 13% of the electorate, the
    # young..." is a figure.
    DogWhistle("despite-being-thirteen", Code.abuse_racism, 0.7, _pattern(r"""
        \bdespite\s+(?:only\s+|just\s+)?being\s+(?:only\s+|just\s+)?13\s*(?:%|percent|per\s+cent)
        (?=\s*(?:[.!?…)]|$|lol\b|lmao\b|smh\b))"""), TALK_ABOUT_A_CLAIM),
    # The statistic said of the group with the crime: "blacks are 13% but commit 50% of the murders". Said in
    # good faith too, so held for review at a lower score.
    DogWhistle("thirteen-percent-crime", Code.abuse_racism, 0.6, _pattern(
        r"(?<![\d.,])13\s*(?:%|percent|per\s+cent)"), TALK_ABOUT_A_CLAIM, (_BLACK_PEOPLE, _HALF, _CRIME)),
    # "The great replacement" said to be happening or called on to be stopped, and the chants.
    DogWhistle("great-replacement", Code.abuse_xenophobia, 0.7, _pattern(r"""
        \bgreat\s+replacement\s+(?:is|isn't|is\s+not)\s+(?:(?:already|really|just|clearly|now|definitely)\s+)?
            (?:real|happening|here|underway|under\s+way|a\s+fact|a\s+reality|accelerating|
            no\s+(?:longer\s+)?(?:theory|myth|conspiracy)|not\s+a\s+(?:theory|myth|conspiracy))\b
      | \b(?:stop|resist|fight|end|halt|reverse)\s+the\s+great\s+replacement\b
      | \byou\s+(?:will\s+not|won't|wont|shall\s+not)\s+replace\s+us\b
      | \b(?:whites|white\s+people|white\s+americans|white\s+europeans|europeans|the\s+white\s+race)\s+are\s+being\s+
            (?:deliberately\s+|systematically\s+|slowly\s+)?replaced\b(?!\s+by\s+(?:robots|machines|ai|automation))"""),
        TALK_ABOUT_A_CLAIM),
    DogWhistle("replace-us-chant", Code.abuse_religion, 0.8, _pattern(r"""
        \bjews\s+(?:will\s+not|won't|wont|shall\s+not)\s+replace\s+us\b"""), TALK_ABOUT_A_CLAIM),
)
DOG_WHISTLE_PREFILTER = re.compile(r"\(\(\(|\b13\b|replac")
_QUOTE_MARKS = frozenset("\"'“”‘’«»")
_SENTENCE_END = re.compile(r"[.!?\n](?=\s|$)")


MAX_SIGNS = 20  # of each dog whistle, read in a comment: evidence enough, and no work without end on a flood


def dog_whistles(context: CheckContext) -> list[Finding]:
    """Each sign found outside talk about it and outside quotation marks or words reported as another's."""
    text = context.normalized.text
    if not DOG_WHISTLE_PREFILTER.search(text):
        return []
    sentence_starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
    judged: dict[tuple[str, int], bool] = {}  # a whistle's sentence test, once per sentence
    scores: dict[Code, float] = {}
    evidence: dict[Code, list[Evidence]] = {}
    for whistle in DOG_WHISTLES:
        for match in itertools.islice(whistle.sign.finditer(text), MAX_SIGNS):
            first = bisect.bisect_right(sentence_starts, match.start()) - 1
            last = bisect.bisect_left(sentence_starts, match.end())
            key = (whistle.name, first)
            if key not in judged:
                sentence = text[sentence_starts[first]:sentence_starts[last] if last < len(sentence_starts) else None]
                judged[key] = not whistle.talk.search(sentence) and all(need.search(sentence) for need in whistle.needs)
            if not judged[key]:
                continue
            start, end = context.normalized.original_span(match.start(), match.end())
            if _quoted(context.text, start, end) or reported_by_another(context.text, start, end):
                continue  # named, not used: 'the "(((echo)))"', 'marchers chanted "you will not replace us"'
            evidence.setdefault(whistle.code, []).append(
                Evidence(start, end, context.text[start:end], f"abuse.patterns:{whistle.name}"))
            scores[whistle.code] = max(scores.get(whistle.code, 0.0), whistle.score)
    return [Finding(code, score, tuple(evidence[code]), "abuse.patterns", GroupAbuseChecker.version)
            for code, score in scores.items()]


def _quoted(text: str, start: int, end: int) -> bool:
    """A quotation mark right around the words: the sign is named, not used."""
    return (start > 0 and text[start - 1] in _QUOTE_MARKS) or (end < len(text) and text[end] in _QUOTE_MARKS)


# A group's name, or the swearing in front of it, written with letters masked ("K*rds are vermin", "J#ws control
# the banks", "f@gs", "f*cking M*slims"): read as the word of the rules' it can only be, before the rules run. The
# first and last letters are written and more letters than masks, so footnotes and emphasis ("K* values", "*note*",
# "Kurds*") and words too masked to tell ("j**s") stay as written; so does a mask that fits two words, unless both
# name one group ("m*sl*ms": muslims or moslems).
_MASKED_WORD = re.compile(r"(?<![\w*@])[a-z][a-z*@]*[*@][a-z*@]*[a-z](?![\w*@])")
_MASKS = frozenset("*@")
_GROUP_OF_NAME: dict[str, Code | None] = dict(CODE_OF_WORD)
for _code, _names in GROUPS.items():
    for _name in _names.split("|"):
        _GROUP_OF_NAME[_name] = _code if _GROUP_OF_NAME.get(_name, _code) is _code else None
_NAMED_WORDS = {word for entry in _GROUP_OF_NAME for word in entry.split()} | set(CONTEMPT_WORDS.split("|"))
_NAMED_BY_LENGTH: dict[int, tuple[str, ...]] = {}
for _word in sorted(_NAMED_WORDS):
    if len(_word) >= 3 and _word.isalpha():
        _NAMED_BY_LENGTH[len(_word)] = _NAMED_BY_LENGTH.get(len(_word), ()) + (_word,)


# Group names alone, by length: what a word masked past telling may be read as where the sentence says the rest
# (`unmasked_names(..., in_context=True)`).
_GROUP_NAMES_BY_LENGTH: dict[int, tuple[str, ...]] = {}
for _word in sorted(_GROUP_OF_NAME):
    if _GROUP_OF_NAME[_word] is not None and len(_word) >= 3 and _word.isalpha():
        _GROUP_NAMES_BY_LENGTH[len(_word)] = _GROUP_NAMES_BY_LENGTH.get(len(_word), ()) + (_word,)


def unmasked_names(text: str, in_context: bool = False) -> str:
    """`text` with each masked word that can be only one group name or word of contempt written out (as long).

    `in_context`: a word masked past telling ("j**s": jobs, jets, jews...) is written out too where it fits the
    names of one group only: a reading for the rules alone, whose group and predicate together then say which
    word was meant ("j**s control the banks" is the cabal trope; "j**s" alone stays unread)."""
    if "*" not in text and "@" not in text:
        return text
    return _MASKED_WORD.sub(lambda masked: _unmasked_word(masked.group(), in_context), text)


def _unmasked_word(word: str, in_context: bool = False) -> str:
    masks = sum(char in _MASKS for char in word)
    if 2 * masks >= len(word):
        if in_context:
            fits = _fitting(word, _GROUP_NAMES_BY_LENGTH)
            if fits and len({_GROUP_OF_NAME[name] for name in fits}) == 1:
                return fits[0]
        return word
    fits = _fitting(word, _NAMED_BY_LENGTH)
    if len(fits) == 1 or (fits and None is not _GROUP_OF_NAME.get(fits[0]) and all(
            _GROUP_OF_NAME.get(name) is _GROUP_OF_NAME[fits[0]] for name in fits)):
        return fits[0]
    return word


def _fitting(word: str, names: dict[int, tuple[str, ...]]) -> list[str]:
    return [name for name in names.get(len(word), ()) if all(a == b or a in _MASKS for a, b in zip(word, name))]


def masked_group_codes(word: str) -> set[Code]:
    """The groups whose names a masked word fits, however much of it is masked: "j**s" fits "jews"."""
    if not _MASKED_WORD.fullmatch(word):
        return set()
    return {code for name in _fitting(word, _GROUP_NAMES_BY_LENGTH) if (code := _GROUP_OF_NAME[name]) is not None}


def _readings(context: CheckContext) -> Iterator[CheckContext]:
    """The comment as the rules read it: its normalised text, and the readings of it turned the right way up or with
    an i for a dotless ı or with a masked swear word written out ("f*** off back to your country"; see `normalize`),
    each with masked names written out. Unmasking keeps the length and the
    map back to the original, so evidence still points at "K*rds" as written."""
    normalized = context.normalized
    for reading in (normalized, *(r for r in normalized.rejoined if r.kind in (TURNED, DOTLESS, UNMASKED))):
        text = unmasked_names(reading.text)
        texts = [text]
        if reading is normalized and ("*" in text or "@" in text) and _MASKED_WORD.search(text):
            # words masked past telling, read in context
            in_context = unmasked_names(text, in_context=True)
            texts += [in_context] if in_context != text else []
        for text in texts:
            if reading is normalized and text == reading.text:
                yield context
                continue
            copy = dataclasses.replace(context)
            copy.__dict__["normalized"] = dataclasses.replace(reading, text=text)  # a cached property, filled here
            copy.__dict__["name_spans"] = context.name_spans
            yield copy


class GroupAbuseChecker(PatternChecker):
    version = "14"  # 8: masked group names, text turned upside down and a dotless ı read; 9: "typical female
    # reporter", crime and disease said to come with a people; 10: masked swear words written out ("f*** off");
    # 11: a name masked past telling read as the one group it fits, for the rules ("j**s control the banks");
    # 12: vermin, disease and beasts said of a group ("Kurds are just mountain goats", "refugees are like locusts")
    # 13: faiths called infidels or heretics, crime and disease said of a people where the clause ends, "kick them
    # all out" after a people, "... like they control everything", "go back to the desert", "slept with the editor",
    # "feminists like this reporter are what's wrong with ..."
    # 14: red team 6's "a race of thieves", "genetically backward", "only good for cooking"

    def __init__(self) -> None:
        super().__init__("abuse.patterns", self.version, RULES, PREFILTER)

    def check(self, context: CheckContext) -> list[Finding]:
        found: dict[Code, Finding] = {}
        for reading in _readings(context):
            for finding in super().check(reading):
                found[finding.code] = _merged(found.get(finding.code), finding)
        for whistle in dog_whistles(context):
            found[whistle.code] = _merged(found.get(whistle.code), whistle)
        return list(found.values())


def _merged(same: Finding | None, other: Finding) -> Finding:
    """One finding of a code: the stronger score, the evidence of both (a span once)."""
    if same is None:
        return other
    spans = {(e.start, e.end) for e in same.evidence}
    evidence = same.evidence + tuple(e for e in other.evidence if (e.start, e.end) not in spans)
    return Finding(same.code, max(same.score, other.score), evidence, same.checker, same.version)
