"""The guideline checks: each checker reads a comment and returns findings that point at the words.

Shaped like Coral Talk's pipeline phases: small checkers run in order by a pipeline that never fails open.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol, Sequence

from moderation.guidelines import Code

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Evidence:
    """A span of the comment as submitted: `text == comment[start:end]`."""

    start: int
    end: int
    text: str
    rule: str


@dataclass(frozen=True)
class Finding:
    code: Code
    score: float
    evidence: tuple[Evidence, ...]
    checker: str
    version: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code.value,
            "score": round(self.score, 4),
            "evidence": [asdict(e) for e in self.evidence],
            "checker": self.checker,
            "version": self.version,
        }


@dataclass(frozen=True)
class CheckContext:
    text: str
    article_title: str = ""
    article_text: str = ""
    language: str | None = None
    author_recent: tuple[str, ...] = field(default_factory=tuple)


class Checker(Protocol):
    name: str
    version: str

    def check(self, context: CheckContext) -> list[Finding]: ...


class Pipeline:
    """Runs every checker; a checker that raises becomes a `check_unavailable` note, never a pass."""

    def __init__(self, checkers: Sequence[Checker]):
        self.checkers = tuple(checkers)

    @property
    def versions(self) -> dict[str, str]:
        return {checker.name: checker.version for checker in self.checkers}

    def run(self, context: CheckContext) -> list[Finding]:
        findings: list[Finding] = []
        for checker in self.checkers:
            try:
                findings.extend(checker.check(context))
            except Exception:  # a broken checker must send the comment to a person, not let it through
                log.exception("checker %s failed", checker.name)
                findings.append(Finding(Code.check_unavailable, 1.0, (), checker.name, checker.version))
        return findings


def default_pipeline() -> Pipeline:
    from moderation.checks.profanity import WordlistProfanityChecker

    return Pipeline([WordlistProfanityChecker()])
