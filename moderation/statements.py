"""The statement of reasons an author reads for a rejected comment (EU Digital Services Act, Article 17).

It says what was restricted, the facts (which words, which findings), whether automated means detected it
and whether a person or a rule decided, the guideline it breaks in the newsroom's published wording, and
how to ask for a second look.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import col, select

from moderation import audit
from moderation.db import SessionFactory
from moderation.guidelines import GUIDELINES, NOTE_CODES, Code
from moderation.models import AuditEvent, CheckResult, Comment, CommentStatus

DECISION_ACTIONS = ("approved", "rejected", "reversed", "confirmed", "auto_rejected", "upheld")
APPEAL_TEXT = ("If you think this decision is wrong, ask for a second look within six months: send "
               "POST /v1/comments/{id}/appeal?receipt=<your receipt> with a short explanation. A senior "
               "moderator who did not take the first decision will review it, and the outcome is recorded. "
               "You may also use any out-of-court dispute settlement body or judicial remedy available to you.")
APPEAL_WAITING_TEXT = ("Your appeal is waiting for a senior moderator who did not take the first decision; the "
                       "outcome will be recorded and shown here. You may also use any out-of-court dispute settlement "
                       "body or judicial remedy available to you.")
APPEAL_DECIDED_TEXT = ("Your appeal was reviewed by a senior moderator who did not take the first decision, and the "
                       "comment stays rejected; this ends the review here. You may still use any out-of-court dispute "
                       "settlement body or judicial remedy available to you.")


@dataclass(frozen=True)
class StatementOfReasons:
    decision: str
    restriction: str
    grounds: list[dict[str, str]]
    facts: list[dict[str, Any]]
    automated_detection: bool
    automated_decision: bool
    decided_at: str
    redress: str


def statement_for(sessions: SessionFactory, comment: Comment) -> StatementOfReasons | None:
    """None unless the comment's current state is a rejection."""
    if comment.status != CommentStatus.rejected:
        return None
    with sessions.reading() as session:
        decision = session.exec(
            select(AuditEvent).where(AuditEvent.comment_id == comment.id,
                                     col(AuditEvent.action).in_(DECISION_ACTIONS))
            .order_by(col(AuditEvent.id).desc()).limit(1)
        ).first()
        findings = session.exec(
            select(CheckResult).where(CheckResult.comment_id == comment.id, col(CheckResult.flagged))
        ).all()
        appealed = audit.recorded(session, comment.id, "appeal_requested")
    if decision is None:
        return None
    reasons = [Code(r) for r in decision.details.get("reasons", []) if r in Code._value2member_map_]
    grounds = [{"code": r.value, "title": GUIDELINES[r].title, "wording": GUIDELINES[r].wording} for r in reasons]
    automated = [f for f in findings if f.code in {r.value for r in reasons}]
    facts = [
        {"ground": f.code, "passage": e.get("text", ""), "start": e.get("start"), "end": e.get("end")}
        for f in automated for e in f.evidence[:3] if e.get("text")
    ]
    by_system = decision.actor_role == "system"  # the role: only the service writes it
    return StatementOfReasons(
        decision="rejected",
        restriction="The comment is not published; it was not changed, and it remains stored with this decision.",
        grounds=grounds,
        facts=_distinct(facts),
        automated_detection=bool(automated) or any(Code(f.code) not in NOTE_CODES for f in findings),
        automated_decision=by_system,
        decided_at=decision.occurred_at.isoformat(),
        redress=_redress(comment, appealed),
    )


def _redress(comment: Comment, appealed: bool) -> str:
    """One appeal per comment (services.request_appeal): the text follows whether it was asked for and settled."""
    if not appealed:
        return APPEAL_TEXT.format(id=comment.id)
    return APPEAL_WAITING_TEXT if comment.appealed_at is not None else APPEAL_DECIDED_TEXT


def _distinct(facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen = set()
    kept = []
    for fact in facts:
        key = (fact["ground"], fact["start"], fact["end"])
        if key not in seen:
            seen.add(key)
            kept.append(fact)
    return kept
