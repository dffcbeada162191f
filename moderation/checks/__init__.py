"""The guideline checks: each checker reads a comment and returns findings that point at the words.

Shaped like Coral Talk's pipeline phases: small checkers run in order by a pipeline that never fails open.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol, Sequence

from moderation.checks.mentions import mentioned_spans
from moderation.checks.names import name_spans
from moderation.checks.normalize import NormalizedText, normalize
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
            # written out: dataclasses.asdict copies recursively, a few per cent of `moderation check -`
            "evidence": [{"start": e.start, "end": e.end, "text": e.text, "rule": e.rule} for e in self.evidence],
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
    # How many other articles or authors posted each contact (link, e-mail, phone) lately.
    contacts_seen_elsewhere: dict[str, int] = field(default_factory=dict)
    # What one phase worked out and a later one reuses (the lexicon's scan), keyed by the phase.
    memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def normalized(self) -> NormalizedText:
        """Computed once and shared by every checker."""
        return normalize(self.text)

    @cached_property
    def name_spans(self) -> list[tuple[int, int]]:
        """People's first names that are also swear words ("Dick Advocaat"), found once for every checker."""
        return name_spans(self.text)

    def inside_a_name(self, start: int, end: int) -> bool:
        """Whether an original span lies within a name: a word inside "Dick's Sporting Goods" is the name's."""
        return any(s <= start and end <= e for s, e in self.name_spans)

    @cached_property
    def mentioned_spans(self) -> list[tuple[int, int]]:
        """Quoted words the writer rejects ("stop calling refugees 'invaders'"), found once for every checker."""
        return mentioned_spans(self.text)

    def inside_a_mention(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.mentioned_spans)

    @cached_property
    def detected_language(self) -> tuple[str | None, float]:
        """The language and the detector's confidence, computed once for the checkers that need it."""
        from moderation.checks.language import detect

        return detect(self.text)


class Checker(Protocol):
    name: str
    version: str

    def check(self, context: CheckContext) -> list[Finding]: ...


class CheckTimeout(Exception):
    """A checker ran past its time budget."""


@contextmanager
def time_limits(seconds: float) -> Iterator[Callable[[float | None], None]]:
    """Interrupts a runaway checker (a pathological regex, say) where signals allow: the main thread.

    The handler is installed and the alarm armed once for a whole run; each checker only says when it started
    (and `None` when it is done). When the alarm rings, the checker running then is stopped if it has had its
    whole budget, else the alarm is set again for what it has left: arming and disarming the timer around
    every checker was two system calls each, a few per cent of the pipeline. Yields `started(t)`."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield lambda started: None
        return
    running: list[float | None] = [None]

    def _rang(_signum: int, _frame: Any) -> None:
        started, now = running[0], time.perf_counter()
        if started is not None and now - started >= seconds:
            signal.setitimer(signal.ITIMER_REAL, seconds)  # the next checker's budget (it re-arms if it must)
            raise CheckTimeout(f"over {seconds}s")
        left = seconds if started is None else seconds - (now - started)
        signal.setitimer(signal.ITIMER_REAL, max(left, 0.001))

    def started(at: float | None) -> None:
        running[0] = at

    previous = signal.signal(signal.SIGALRM, _rang)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield started
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def unavailable(checker: str, version: str) -> Finding:
    """What a check that failed or ran too long yields: never a pass, the comment waits for a person."""
    return Finding(Code.check_unavailable, 1.0, (Evidence(0, 0, "", f"{checker}:unavailable"),), checker, version)


class Pipeline:
    """Runs every checker in order; one that fails or times out becomes `check_unavailable`, never a pass."""

    def __init__(self, checkers: Sequence[Checker], timeout_seconds: float = 0.0,
                 observe: Callable[[str, float], None] | None = None):
        self.checkers = tuple(checkers)
        self.timeout_seconds = timeout_seconds
        self.observe = observe  # told each checker's duration (the workers feed a metric with it)

    @property
    def versions(self) -> dict[str, str]:
        return {checker.name: checker.version for checker in self.checkers}

    def run(self, context: CheckContext) -> list[Finding]:
        findings: list[Finding] = []
        with time_limits(self.timeout_seconds) as running_since:
            for checker in self.checkers:
                started = time.perf_counter()
                try:
                    running_since(started)
                    try:
                        found = checker.check(context)
                    finally:
                        running_since(None)
                    findings.extend(found)
                except Exception:  # a broken checker must send the comment to a person, not let it through
                    log.exception("checker %s failed", checker.name)
                    findings.append(unavailable(checker.name, checker.version))
                if self.observe is not None:
                    self.observe(checker.name, time.perf_counter() - started)
        return findings


def default_pipeline() -> Pipeline:
    from moderation.checks.pipeline import build_pipeline
    from moderation.policy import DEFAULT_POLICY

    return build_pipeline(DEFAULT_POLICY)
