"""Numbers for the people who run moderation: queue depth, time to decision, who decided, and how often
people overrode each automated ground (the live precision of each check)."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import timedelta
from typing import Any

from sqlmodel import col, select

from moderation.db import SessionFactory
from moderation.models import AuditEvent, Comment, utcnow
from moderation.review import queue_counts

WINDOW = timedelta(days=30)
SAMPLE = 50_000
PERSON_DECISIONS = ("approved", "rejected", "confirmed", "reversed", "upheld")


def _percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))], 3)


def moderation_stats(sessions: SessionFactory) -> dict[str, Any]:
    since = utcnow() - WINDOW
    with sessions.reading() as session:
        counts = queue_counts(session)
        decided = session.exec(
            # a person's decisions only: a policy rule's rejection, instant, would make people look fast
            select(Comment.submitted_at, Comment.decided_at)
            .where(col(Comment.decided_at) >= since, col(Comment.decided_by).is_not(None))
            .order_by(col(Comment.decided_at).desc()).limit(SAMPLE)
        ).all()
        events = session.exec(
            select(AuditEvent.actor, AuditEvent.action, AuditEvent.details)
            .where(col(AuditEvent.occurred_at) >= since, col(AuditEvent.action).in_(PERSON_DECISIONS))
            .order_by(col(AuditEvent.id).desc()).limit(SAMPLE)
        ).all()
    waits = [(d - s).total_seconds() for s, d in decided if d and s]
    per_moderator: dict[str, Counter[str]] = defaultdict(Counter)
    flagged_total: Counter[str] = Counter()
    overridden: Counter[str] = Counter()
    for actor, action, details in events:
        per_moderator[actor][action] += 1
        for code in details.get("findings", {}):
            flagged_total[code] += 1
        for code in details.get("overridden", []):
            overridden[code] += 1
    return {
        "window_days": WINDOW.days,
        "queue": counts,
        "time_to_decision_seconds": {"p50": _percentile(waits, 0.5), "p95": _percentile(waits, 0.95),
                                     "decided": len(waits)},
        "decisions_per_moderator": {actor: dict(actions) for actor, actions in per_moderator.items()},
        "overrides": {
            code: {"decisions": total, "overridden": overridden[code],
                   "override_rate": round(overridden[code] / total, 4), "precision": round(1 - overridden[code] / total, 4)}
            for code, total in sorted(flagged_total.items())
        },
    }
