"""The moderation policy: which scores send a comment to review. Its version is kept with every result."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Policy:
    version: str = "builtin-1"
    review_threshold: float = 0.5


DEFAULT_POLICY = Policy()
