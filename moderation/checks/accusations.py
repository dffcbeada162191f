"""Whether a charge of political or criminal conduct is said of a public figure, not of someone in the thread.

"Putin is a war criminal", "Erdoğan is a dictator" and "Öcalan is a terrorist" are political opinions a
newsroom that covers wars publishes every day, whichever side a reader takes; the learned scorer read them
as personal attacks (0.6-0.8) because its training texts call people criminals as insults. The policy
rejects attacks on people in the conversation and abuse of anyone; it does not forbid judging the powerful.
So a charge of conduct (not an insult: "Putin is an idiot" stays an attack) said of a named person or of a
head of government or a regime, and nothing else pushing the score, is lowered under review. Said of "you",
the author, the reporter or another reader, it stays an attack.
"""

from __future__ import annotations

import re

from moderation.checks import Evidence
from moderation.checks.identity import CODE_OF_WORD

SAID_OF_A_PUBLIC_FIGURE = ":public-figure"  # added to the evidence's rule
PUBLIC_FIGURE_SCORE = 0.3  # shown to a moderator who asks for every score; never holds a comment alone

# Charges of conduct, as political commentary makes them. Insults ("idiot", "pig") are not among them, nor
# "liar" and "thief", which the attack rules hold for whoever they are said of.
CHARGES = (r"(?:war\s+|mass\s+)?criminals?|dictators?|tyrants?|despots?|autocrats?|(?:mass\s+)?murderers?"
           r"|killers?|butchers?|terrorists?|fascists?|war\s*mongers?|war\s*lords?|oppressors?|occupiers?")
# Who may be charged: heads of state and government, their regimes, armies and parties.
_OFFICES = (r"president|prime\s+minister|minister|regime|government|junta|general|commander|leader|sultan"
            r"|ayatollah|supreme\s+leader|king|emir|crown\s+prince|dictator|party|army|state|mullahs|militia")
# Capitalised words that are not names: pronouns and determiners at a sentence's start.
_NOT_NAMES = frozenset({"you", "he", "she", "they", "we", "i", "it", "this", "that", "these", "those", "the",
                        "a", "an", "my", "your", "his", "her", "our", "their", "everyone", "anyone", "someone",
                        "who", "what", "where", "which", "why", "how", "when", "there", "here", "u", "ur",
                        "author", "writer", "reporter", "journalist", "editor"})
_NAME = r"(?:(?:al|el|bin|ibn|abu|de|van|von|der)[-\s])?[A-ZÇĞİÖŞÜÂÊÎÛ][\w'’.-]*"  # "Bashar al-Assad"
# A name is capitalised as written; the rest is matched in any case.
_SUBJECT = rf"(?P<name>{_NAME}(?:\s+{_NAME}){{0,2}})|(?i:(?:the|this|his|her|their|its)\s+(?:\w+\s+)?(?:{_OFFICES}))"
_ADJECTIVES = r"(?:\w+,?\s+){0,2}"  # "a convicted war criminal", "a brutal, cruel dictator"
CHARGE_SAID_OF = re.compile(
    rf"(?<![\w'’@#])(?:{_SUBJECT})(?i:'s|’s|\s+(?:is|was|are|were|remains|has\s+been|will\s+always\s+be"
    rf"|is\s+nothing\s+but|is\s+just|is\s+simply))\s+(?i:(?:(?:a|an|the|one)\s+)?{_ADJECTIVES}"
    rf"(?P<charge>{CHARGES}))\b")
_WORD = re.compile(r"[^\W_]+")


def charged_spans(text: str) -> list[tuple[int, int]]:
    """Spans of "<public figure> is a <charge>" in the text."""
    spans = []
    for match in CHARGE_SAID_OF.finditer(text):
        name = match.group("name")
        if name is not None and any(word.casefold() in _NOT_NAMES for word in name.split()):
            continue  # "You are a murderer", "the author is a fascist": someone in the thread
        if name is not None and any(word.casefold() in CODE_OF_WORD for word in _WORD.findall(name)):
            continue  # "Kurds are terrorists": a people, for the group-abuse checks, not a public figure
        spans.append(match.span())
    return spans


def all_said_of_public_figures(text: str, evidence: tuple[Evidence, ...]) -> bool:
    """True when every evidence word lies inside a charge said of a public figure, and one is the charge."""
    spans = charged_spans(text)
    if not spans or not evidence:
        return False
    return all(any(start <= e.start and e.end <= end for start, end in spans) for e in evidence)
