"""The newsroom's guidelines: the only grounds a finding or a rejection may name.

The wording is what an author reads in a statement of reasons, so it is written for readers.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Code(str, Enum):
    profanity = "profanity"
    vulgarity = "vulgarity"
    threat = "threat"
    personal_attack = "personal_attack"
    abuse_sexism = "abuse.sexism"
    abuse_racism = "abuse.racism"
    abuse_homophobia = "abuse.homophobia"
    abuse_xenophobia = "abuse.xenophobia"
    abuse_religion = "abuse.religion"
    promotion_commercial = "promotion.commercial"
    promotion_personal = "promotion.personal"
    off_topic = "off_topic"
    # Notes for the moderator; never grounds for a rejection.
    unsupported_language = "unsupported_language"
    check_unavailable = "check_unavailable"


NOTE_CODES = frozenset({Code.unsupported_language, Code.check_unavailable})

# The review queue's risk order: lower is more severe. A comment whose checks failed is read before one
# that merely strays from the topic's vocabulary.
SEVERITY: dict[Code, int] = {
    Code.threat: 1,
    Code.abuse_sexism: 2, Code.abuse_racism: 2, Code.abuse_homophobia: 2, Code.abuse_xenophobia: 2,
    Code.abuse_religion: 2,
    Code.personal_attack: 3,
    Code.vulgarity: 4,
    Code.profanity: 5,
    Code.check_unavailable: 6,
    Code.promotion_commercial: 7, Code.promotion_personal: 7,
    Code.off_topic: 8,
    Code.unsupported_language: 9,
}
NO_RISK = 99


@dataclass(frozen=True)
class Guideline:
    code: Code
    title: str
    wording: str


GUIDELINES: dict[Code, Guideline] = {
    g.code: g
    for g in (
        Guideline(Code.profanity, "Profanity",
                  "Swearing and curse words are not published, however they are spelled."),
        Guideline(Code.vulgarity, "Vulgarity",
                  "Crude sexual or toilet language is not published."),
        Guideline(Code.threat, "Threats",
                  "Comments that threaten, or wish for, harm to a person or a group are not published."),
        Guideline(Code.personal_attack, "Personal attacks",
                  "Criticise arguments, not people: insults aimed at another reader, the writer or anyone "
                  "else are not published."),
        Guideline(Code.abuse_sexism, "Abuse: sexism",
                  "Comments that demean people for their sex or gender are not published."),
        Guideline(Code.abuse_racism, "Abuse: racism",
                  "Comments that demean people for their race, colour or ethnic origin are not published."),
        Guideline(Code.abuse_homophobia, "Abuse: homophobia",
                  "Comments that demean people for their sexual orientation or gender identity are not "
                  "published."),
        Guideline(Code.abuse_xenophobia, "Abuse: xenophobia",
                  "Comments that demean people for their nationality, or for being migrants or refugees, "
                  "are not published."),
        Guideline(Code.abuse_religion, "Abuse: religion",
                  "Comments that demean people for their faith or lack of one are not published."),
        Guideline(Code.promotion_commercial, "Commercial promotion",
                  "Comments are for discussion, not for advertising products, shops or services."),
        Guideline(Code.promotion_personal, "Personal promotion",
                  "Comments are not a place to promote your own channel, page or contact details."),
        Guideline(Code.off_topic, "Off topic",
                  "Comments should be about the article they are posted under."),
        Guideline(Code.unsupported_language, "Language not covered",
                  "No automated check covers this language; a person reads the comment."),
        Guideline(Code.check_unavailable, "Check unavailable",
                  "An automated check could not run; a person reads the comment."),
    )
}
