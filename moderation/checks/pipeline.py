"""The checks in the order they run, built once per process for a policy."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from moderation.checks import CheckContext, Checker, Finding, Pipeline
from moderation.guidelines import NOTE_CODES, Code
from moderation.policy import Policy

if TYPE_CHECKING:
    from moderation.checks.promotion import PromotionChecker
    from moderation.checks.terms import LexiconChecker

log = logging.getLogger(__name__)

_built: dict[str, Pipeline] = {}


def build_pipeline(policy: Policy) -> Pipeline:
    """Coral-style phases: language, word lists, threats, attacks, group abuse, promotion, topic, learned."""
    cached = _built.get(policy.version)
    if cached is not None:
        return cached
    from moderation.checks.abuse import GroupAbuseChecker
    from moderation.checks.attacks import PersonalAttackChecker
    from moderation.checks.language import LanguageChecker
    from moderation.checks.promotion import PromotionChecker
    from moderation.checks.terms import LexiconChecker
    from moderation.checks.threats import ThreatChecker
    from moderation.checks.topic import TopicChecker

    lexicon = LexiconChecker(policy)
    promotion = PromotionChecker(policy.allowed_domains)
    checkers: list[Checker] = [
        LanguageChecker(policy.covered_languages),
        lexicon,
        ThreatChecker(),
        PersonalAttackChecker(),
        GroupAbuseChecker(),
        promotion,
        TopicChecker(),
    ]
    learned = _learned_checker(lexicon, promotion)
    if learned is not None:
        checkers.append(learned)
    # Once with no time limit: what loads on first use (the model's weights, the language detector) must not
    # make the first real comment run out of time and wait for a person as `check_unavailable`.
    Pipeline(checkers).run(CheckContext(text=WARM_UP_TEXT))
    pipeline = Pipeline(checkers, timeout_seconds=policy.checker_timeout_seconds)
    _built[policy.version] = pipeline
    return pipeline


WARM_UP_TEXT = "A first comment on the budget, with a link to www.example.org, before any reader's."

# The author's name is published beside every approved comment, so spam and slurs put there ("Cheap pills at
# pills.example", a slur as a name) must reach the moderator too: the word lists and the promotion patterns
# read it. The other checks judge sentences, and a name is not one.
NAME_CHECKERS = ("lexicon", "promotion.patterns")
NAME_PREFIX = "author_name"


@lru_cache(maxsize=8)
def _name_pipeline(pipeline: Pipeline) -> Pipeline:
    """The comment pipeline's name checkers, picked once per pipeline, not per comment."""
    return Pipeline([c for c in pipeline.checkers if c.name in NAME_CHECKERS], pipeline.timeout_seconds)


def name_findings(pipeline: Pipeline, name: str) -> list[Finding]:
    """Findings in the author's name, told apart by checker (`author_name.lexicon`) and rule (`author_name:...`):
    their evidence offsets point into the name, not the comment."""
    found = _name_pipeline(pipeline).run(CheckContext(text=name)) if name.strip() else []
    return [replace(f, checker=f"{NAME_PREFIX}.{f.checker}",
                    evidence=tuple(replace(e, rule=f"{NAME_PREFIX}:{e.rule}") for e in f.evidence))
            for f in found]


def _learned_checker(lexicon: LexiconChecker, promotion: PromotionChecker) -> Checker | None:
    try:
        from moderation.checks.learned import LearnedChecker
    except ImportError:
        return None
    return LearnedChecker(lexicon=lexicon, citations=promotion.citations)


@dataclass(frozen=True)
class Verdict:
    """A code the policy sends to review, with the strongest score any checker gave it."""

    code: Code
    score: float


def verdicts(findings: list[Finding], policy: Policy) -> list[Verdict]:
    best: dict[Code, float] = {}
    for finding in findings:
        best[finding.code] = max(best.get(finding.code, 0.0), finding.score)
    found = [Verdict(code, score) for code, score in best.items() if policy.reaches_review(code, score)]
    return sorted(found, key=lambda v: -v.score)


def violations(findings: list[Finding], policy: Policy) -> set[Code]:
    """Codes that break a guideline (notes excluded) and reach the policy's review threshold."""
    return {v.code for v in verdicts(findings, policy) if v.code not in NOTE_CODES}
