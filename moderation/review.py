"""The moderators' side: the review queue, claims, decisions and their reversal.

Moderators decide; they never edit. Exactly one decision wins when two arrive at once: the state change is
one conditional UPDATE, and the loser is told the comment was already decided.
"""

from __future__ import annotations

import base64
import binascii
import json
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum
from typing import Any

from sqlalchemy import and_, exists, func, or_, tuple_, update
from sqlmodel import Session, col, select

from moderation import audit
from moderation.accounts import Principal
from moderation.db import SessionFactory
from moderation.errors import CommentNotFound, Conflict, InvalidCursor, Unprocessable
from moderation.guidelines import NOTE_CODES, Code
from moderation.models import MAX_ID, Article, AuditEvent, CheckResult, Comment, CommentStatus, Role, User, utcnow
from moderation.audit import content_digest

CLAIM_MINUTES = 5
MAX_BULK = 200
COUNTS_TTL_SECONDS = 5.0


class AlreadyDecided(Conflict):
    title = "Already decided"


class ReasonRequired(Unprocessable):
    title = "A rejection needs a reason"


class ClaimedByOther(Conflict):
    title = "Claimed by someone else"


class NotReversible(Conflict):
    title = "Nothing to reverse"


class StillChecking(Conflict):
    title = "Still being checked"


class AppealWaiting(Conflict):
    title = "An appeal is waiting"


class Decision(str, Enum):
    approve = "approve"
    reject = "reject"


class QueueSort(str, Enum):
    risk = "risk"
    oldest = "oldest"


class QueueStatus(str, Enum):
    needs_review = "needs_review"
    pending = "pending"  # only those older than the sweep age: something is stuck
    auto_rejected = "auto_rejected"  # rejected by a policy rule, waiting for a person to confirm or reverse
    appealed = "appealed"  # the author asked for a second look


# --- the queue --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QueueFilter:
    status: QueueStatus = QueueStatus.needs_review
    category: str | None = None  # a code, or a family: "abuse", "promotion"
    article: str | None = None
    sort: QueueSort = QueueSort.risk
    include_claimed: bool = False


@dataclass(frozen=True)
class QueueItem:
    id: int
    article_key: str
    article_title: str
    author_name: str
    body: str
    status: str
    submitted_at: datetime
    flags: list[dict[str, Any]]
    claimed_by: str | None
    claimed_until: datetime | None
    awaiting_confirmation: bool
    stale: bool


@dataclass(frozen=True)
class QueuePage:
    items: list[QueueItem]
    next_cursor: str | None
    counts: dict[str, int]


def _encode(values: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(values, separators=(",", ":")).encode()).decode().rstrip("=")


def _decode(cursor: str, size: int) -> list[Any]:
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(values, list) or len(values) != size:
            raise ValueError(cursor)
        return values
    except (ValueError, binascii.Error, UnicodeDecodeError) as error:
        raise InvalidCursor("the cursor is not one this queue issued; start again without it") from error


def _cursor_values(cursor: str, sort: QueueSort) -> list[Any]:
    """The keys a cursor holds, each of the type its column needs: a tampered one is a 400, never a 500."""
    values = _decode(cursor, 3 if sort is QueueSort.risk else 2)
    numbers = values[:1] + values[-1:] if sort is QueueSort.risk else values[-1:]
    when = 1 if sort is QueueSort.risk else 0
    try:
        if not all(type(n) is int and 0 <= n <= MAX_ID for n in numbers):
            raise ValueError(values)
        values[when] = datetime.fromisoformat(values[when])
        if values[when].tzinfo is None:
            raise ValueError(values)
    except (TypeError, ValueError) as error:
        raise InvalidCursor("the cursor is not one this queue issued; start again without it") from error
    return values


def _category_condition(category: str) -> Any:
    code = col(CheckResult.code)
    matches = code.like(f"{category}.%") if category in ("abuse", "promotion") else code == category
    return exists().where(col(CheckResult.comment_id) == col(Comment.id), matches, col(CheckResult.flagged))


def queue(
    sessions: SessionFactory, principal: Principal, wanted: QueueFilter, limit: int, cursor: str | None,
    stale_after: timedelta,
) -> QueuePage:
    now = utcnow()
    query = select(Comment, Article.key, Article.title).join(Article, col(Comment.article_id) == col(Article.id))
    if wanted.status is QueueStatus.auto_rejected:
        query = query.where(Comment.status == CommentStatus.rejected, col(Comment.awaiting_confirmation))
    elif wanted.status is QueueStatus.appealed:
        query = query.where(col(Comment.appealed_at).is_not(None))
    elif wanted.status is QueueStatus.pending:
        query = query.where(Comment.status == CommentStatus.pending, col(Comment.submitted_at) < now - stale_after)
    else:
        query = query.where(Comment.status == CommentStatus.needs_review)
    if wanted.category:
        query = query.where(_category_condition(wanted.category))
    if wanted.article:
        query = query.where(Article.key == wanted.article)
    if not wanted.include_claimed:
        query = query.where(or_(col(Comment.claimed_until).is_(None), col(Comment.claimed_until) < now,
                                col(Comment.claimed_by) == principal.user_id))
    if wanted.sort is QueueSort.risk:
        keys = (col(Comment.risk_key), col(Comment.submitted_at), col(Comment.id))
    else:
        keys = (col(Comment.submitted_at), col(Comment.id))
    if cursor:
        query = query.where(tuple_(*keys) > tuple_(*_cursor_values(cursor, wanted.sort)))
    query = query.order_by(*keys).limit(limit + 1)
    with sessions.reading() as session:
        rows = session.exec(query).all()
        page = rows[:limit]
        flags = _flags(session, [c.id for c, _, _ in page])
        claimers = _names(session, {c.claimed_by for c, _, _ in page if c.claimed_by})
        counts = queue_counts(session)
    items = [
        QueueItem(
            id=c.id, article_key=key, article_title=title, author_name=c.author_name, body=c.body,
            status=c.status, submitted_at=c.submitted_at, flags=flags.get(c.id, []),
            claimed_by=claimers.get(c.claimed_by) if c.claimed_until and c.claimed_until > now else None,
            claimed_until=c.claimed_until if c.claimed_until and c.claimed_until > now else None,
            awaiting_confirmation=c.awaiting_confirmation,
            stale=c.status == CommentStatus.pending,
        )
        for c, key, title in page
    ]
    next_cursor = None
    if len(rows) > limit:
        last = page[-1][0]
        values = [last.risk_key, last.submitted_at.isoformat(), last.id] if wanted.sort is QueueSort.risk \
            else [last.submitted_at.isoformat(), last.id]
        next_cursor = _encode(values)
    return QueuePage(items, next_cursor, counts)


def _flags(session: Session, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """Each comment's flagged codes with their strongest score, strongest first."""
    if not ids:
        return {}
    rows = session.exec(
        select(CheckResult.comment_id, CheckResult.code, func.max(CheckResult.score))
        .where(col(CheckResult.comment_id).in_(ids), col(CheckResult.flagged))
        .group_by(col(CheckResult.comment_id), col(CheckResult.code))
    ).all()
    flags: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for comment_id, code, score in rows:
        flags[comment_id].append({"code": code, "score": round(float(score), 4)})
    for items in flags.values():
        items.sort(key=lambda f: -f["score"])
    return flags


def _names(session: Session, user_ids: set[int]) -> dict[int, str]:
    if not user_ids:
        return {}
    return dict(session.exec(select(User.id, User.name).where(col(User.id).in_(user_ids))).all())


_counts_cache: dict[str, tuple[float, dict[str, int]]] = {}


def queue_counts(session: Session) -> dict[str, int]:
    """Comments waiting per flagged code; recounted at most every few seconds, however often pages load."""
    key = str(session.get_bind().url)
    cached = _counts_cache.get(key)
    if cached and time.monotonic() - cached[0] < COUNTS_TTL_SECONDS:
        return cached[1]
    rows = session.exec(
        select(CheckResult.code, func.count(func.distinct(CheckResult.comment_id)))
        .join(Comment, col(Comment.id) == col(CheckResult.comment_id))
        .where(Comment.status == CommentStatus.needs_review, col(CheckResult.flagged))
        .group_by(col(CheckResult.code))
    ).all()
    counts = {code: int(n) for code, n in rows}
    counts["total"] = int(session.exec(
        select(func.count()).select_from(Comment).where(Comment.status == CommentStatus.needs_review)).one())
    _counts_cache[key] = (time.monotonic(), counts)
    return counts


# --- claims -----------------------------------------------------------------------------------------------


def claim(sessions: SessionFactory, comment_id: int, principal: Principal,
          minutes: int = CLAIM_MINUTES) -> datetime:
    """Reserves a comment that awaits a decision for a few minutes; the claim lapses by itself."""
    now = utcnow()
    until = now + timedelta(minutes=minutes)
    with sessions() as session:
        claimed = session.execute(
            update(Comment)
            .where(col(Comment.id) == comment_id, _undecided(),
                   or_(col(Comment.claimed_until).is_(None), col(Comment.claimed_until) < now,
                       col(Comment.claimed_by) == principal.user_id))
            .values(claimed_by=principal.user_id, claimed_until=until)
        ).rowcount
        if not claimed:
            comment = session.get(Comment, comment_id)
            if comment is None:
                raise CommentNotFound(f"no comment {comment_id}")
            if comment.claimed_until is None or comment.claimed_until < now or comment.claimed_by == principal.user_id:
                raise AlreadyDecided(f"comment {comment_id} was already decided: there is nothing to claim")
            raise ClaimedByOther(f"comment {comment_id} is claimed by someone else until "
                                 f"{comment.claimed_until:%H:%M:%S} UTC")
        comment = session.get(Comment, comment_id)
        assert comment is not None
        audit.append(session, action="claimed", actor=principal.name, actor_role=principal.role.value,
                     comment_id=comment_id, content_sha256=content_digest(comment),
                     details={"until": until.isoformat()})
        session.commit()
    return until


def _undecided() -> Any:
    """Waiting for a person: checked or still pending, a policy rule's rejection to confirm, or an appeal."""
    return or_(col(Comment.status).in_([CommentStatus.pending, CommentStatus.needs_review]),
               col(Comment.awaiting_confirmation), col(Comment.appealed_at).is_not(None))


def release(sessions: SessionFactory, comment_id: int, principal: Principal) -> None:
    with sessions() as session:
        session.execute(update(Comment).where(col(Comment.id) == comment_id,
                                              col(Comment.claimed_by) == principal.user_id)
                        .values(claimed_by=None, claimed_until=None))
        session.commit()


# --- decisions --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DecisionRequest:
    decision: Decision
    reasons: tuple[Code, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class DecisionOutcome:
    comment_id: int
    status: str
    event_id: int
    overridden: list[str] = field(default_factory=list)


def _validate(request: DecisionRequest) -> None:
    if request.decision is Decision.reject and not request.reasons:
        raise ReasonRequired("a rejection names at least one guideline code in `reasons`")
    notes = [r.value for r in request.reasons if r in NOTE_CODES]
    if notes:
        raise ReasonRequired(f"{', '.join(notes)} is a note for moderators, never a reason to reject")


def _status(comment: Comment) -> str:
    return comment.status.value if isinstance(comment.status, Enum) else str(comment.status)


def _record_decision(
    sessions: SessionFactory, comment_id: int, principal: Principal, request: DecisionRequest,
    may_change: Any, action_for: Any, conflict: str, clear: dict[str, Any], refuse: Any = None,
) -> DecisionOutcome:
    """One conditional UPDATE (the race's single winner) and its entry on the record, in one transaction.

    `refuse(comment)` raises, before the UPDATE, the reason a decision is not allowed in the comment's state,
    so the loser learns why; `may_change` states the same in SQL, so a change in between cannot slip past."""
    now = utcnow()
    new_status = CommentStatus.approved if request.decision is Decision.approve else CommentStatus.rejected
    with sessions() as session:
        comment = session.get(Comment, comment_id)
        if comment is None:
            raise CommentNotFound(f"no comment {comment_id}")
        if refuse is not None:
            refuse(comment, now)
        previous = _status(comment)
        changed = session.execute(
            update(Comment).where(col(Comment.id) == comment_id, may_change(comment, now))
            .values(status=new_status, status_changed_at=now, decided_at=now, decided_by=principal.user_id,
                    awaiting_confirmation=False, **clear)
            .execution_options(synchronize_session=False)
        ).rowcount
        if changed != 1:
            session.rollback()
            raise AlreadyDecided(conflict.format(id=comment_id))
        flagged = _flagged_codes(session, comment_id)
        overridden = sorted(flagged) if request.decision is Decision.approve else \
            sorted(set(flagged) - {r.value for r in request.reasons})
        event = audit.append(
            session, action=action_for(comment, previous, new_status), actor=principal.name,
            actor_role=principal.role.value, comment_id=comment_id, content_sha256=content_digest(comment),
            occurred_at=now,
            details={"reasons": [r.value for r in request.reasons], "note": request.note, "findings": flagged,
                     "overridden": overridden, "previous_status": previous},
        )
        session.commit()
        assert event.id is not None
        return DecisionOutcome(comment_id, new_status.value, event.id, overridden)


def decide(sessions: SessionFactory, comment_id: int, principal: Principal, request: DecisionRequest,
           stale_after: timedelta = timedelta(seconds=30)) -> DecisionOutcome:
    """Approves or rejects a comment that awaits a decision; a second decision gets AlreadyDecided.

    A comment still pending is decided only once it is stale (its checks stuck for `stale_after`, the queue's
    `pending` view): before that its findings are on their way, and a moderator must not publish it unread by
    the checks. An appealed comment is settled by an admin's reversal, never here (see `reverse`). A comment
    someone else has claimed waits until they decide it or their claim lapses."""
    _validate(request)

    def awaiting(_comment: Comment, now: datetime) -> Any:
        return and_(
            col(Comment.appealed_at).is_(None),
            or_(col(Comment.claimed_by).is_(None), col(Comment.claimed_by) == principal.user_id,
                col(Comment.claimed_until) < now),
            or_(col(Comment.status) == CommentStatus.needs_review,
                and_(col(Comment.status) == CommentStatus.pending, col(Comment.submitted_at) < now - stale_after),
                and_(col(Comment.status) == CommentStatus.rejected, col(Comment.awaiting_confirmation))))

    def refuse(comment: Comment, now: datetime) -> None:
        if comment.appealed_at is not None:
            raise AppealWaiting(f"the author of comment {comment_id} appealed: an admin who did not take the "
                                "decision settles it with a reversal")
        if _status(comment) == CommentStatus.pending.value and comment.submitted_at >= now - stale_after:
            raise StillChecking(f"comment {comment_id} is still being checked; decide it once its findings are in")
        claimed_by_other = comment.claimed_by not in (None, principal.user_id)
        if claimed_by_other and comment.claimed_until and comment.claimed_until > now:
            raise ClaimedByOther(f"comment {comment_id} is claimed by someone else until "
                                 f"{comment.claimed_until:%H:%M:%S} UTC")

    def action(comment: Comment, _previous: str, new_status: CommentStatus) -> str:
        if comment.awaiting_confirmation:  # a person confirms or reverses a policy rule's rejection
            return "confirmed" if new_status is CommentStatus.rejected else "reversed"
        return "approved" if new_status is CommentStatus.approved else "rejected"

    return _record_decision(sessions, comment_id, principal, request, awaiting, action,
                            "comment {id} was already decided; an admin may reverse the decision",
                            {"claimed_by": None, "claimed_until": None}, refuse)


def reverse(sessions: SessionFactory, comment_id: int, principal: Principal, request: DecisionRequest) -> DecisionOutcome:
    """An admin's second look (an appeal): a new decision on the record; the first one stays."""
    if principal.role is not Role.admin:
        raise NotReversible("only an admin may reverse a decision")
    _validate(request)
    with sessions.reading() as session:
        comment = session.get(Comment, comment_id)
        if comment is None:
            raise CommentNotFound(f"no comment {comment_id}")
        if _status(comment) not in (CommentStatus.approved.value, CommentStatus.rejected.value):
            raise NotReversible(f"comment {comment_id} has no decision yet; decide it instead")
        if comment.appealed_at is not None and comment.decided_by == principal.user_id:
            # the statement of reasons promises the author a second pair of eyes
            raise NotReversible(f"comment {comment_id} was appealed against your own decision: another admin "
                                "reviews it")

    def decided_as_before(comment: Comment, _now: datetime) -> Any:
        # the self-review rule again in SQL: an appeal that arrives after the check above still binds
        return and_(col(Comment.status) == _status(comment),
                    or_(col(Comment.appealed_at).is_(None), col(Comment.decided_by).is_(None),
                        col(Comment.decided_by) != principal.user_id))

    def action(_comment: Comment, previous: str, new_status: CommentStatus) -> str:
        return "upheld" if new_status.value == previous else "reversed"

    return _record_decision(sessions, comment_id, principal, request, decided_as_before, action,
                            "comment {id} changed while you decided; reload it", {"appealed_at": None})


def _flagged_codes(session: Session, comment_id: int) -> dict[str, float]:
    rows = session.exec(
        select(CheckResult.code, func.max(CheckResult.score))
        .where(CheckResult.comment_id == comment_id, col(CheckResult.flagged))
        .group_by(col(CheckResult.code))
    ).all()
    return {code: round(float(score), 4) for code, score in rows if Code(code) not in NOTE_CODES}


@dataclass(frozen=True)
class BulkResult:
    comment_id: int
    ok: bool
    status: int  # the HTTP status the same single request would have had
    outcome: DecisionOutcome | None = None
    error: str | None = None


def decide_many(sessions: SessionFactory, principal: Principal, requests: list[tuple[int, DecisionRequest]],
                stale_after: timedelta = timedelta(seconds=30)) -> list[BulkResult]:
    """Each decision on its own, so one already-decided comment does not undo the others."""
    if len(requests) > MAX_BULK:
        raise Unprocessable(f"at most {MAX_BULK} decisions at once")
    results = []
    for comment_id, request in requests:
        try:
            results.append(BulkResult(comment_id, True, 200,
                                      decide(sessions, comment_id, principal, request, stale_after)))
        except CommentNotFound as error:
            results.append(BulkResult(comment_id, False, 404, error=error.detail))
        except (AlreadyDecided, StillChecking, AppealWaiting, ClaimedByOther) as error:
            results.append(BulkResult(comment_id, False, 409, error=error.detail))
        except ReasonRequired as error:
            results.append(BulkResult(comment_id, False, 422, error=error.detail))
    return results


# --- one comment in full ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CommentDetail:
    comment: Comment
    article: Article
    findings: list[CheckResult]
    history: dict[str, int]
    trail: list[AuditEvent]


def detail(sessions: SessionFactory, comment_id: int) -> CommentDetail:
    with sessions.reading() as session:
        row = session.exec(
            select(Comment, Article).join(Article, col(Comment.article_id) == col(Article.id))
            .where(Comment.id == comment_id)
        ).first()
        if row is None:
            raise CommentNotFound(f"no comment {comment_id}")
        comment, article = row
        findings = list(session.exec(
            select(CheckResult).where(CheckResult.comment_id == comment_id)
            .order_by(col(CheckResult.score).desc())).all())
        history_rows = session.exec(
            select(Comment.status, func.count()).where(Comment.author_email_hash == comment.author_email_hash,
                                                       Comment.id != comment_id)
            .group_by(col(Comment.status))).all()
        trail = list(session.exec(
            select(AuditEvent).where(AuditEvent.comment_id == comment_id).order_by(col(AuditEvent.id))).all())
    history = {status.value: 0 for status in CommentStatus}
    history.update({str(status): int(n) for status, n in history_rows})
    return CommentDetail(comment, article, findings, history, trail)


@dataclass(frozen=True)
class Context:
    """What a moderator needs beside a queue item: its findings and the author's history."""

    findings: list[CheckResult]
    history: dict[str, int]


def contexts(sessions: SessionFactory, comment_ids: list[int]) -> dict[int, Context]:
    """Findings and author histories for a page of comments, in three queries whatever the page size."""
    if not comment_ids:
        return {}
    with sessions.reading() as session:
        authors = dict(session.exec(
            select(Comment.id, Comment.author_email_hash).where(col(Comment.id).in_(comment_ids))).all())
        findings: dict[int, list[CheckResult]] = defaultdict(list)
        for result in session.exec(select(CheckResult).where(col(CheckResult.comment_id).in_(comment_ids))
                                   .order_by(col(CheckResult.score).desc())).all():
            findings[result.comment_id].append(result)
        counts: dict[str, dict[str, int]] = defaultdict(lambda: {s.value: 0 for s in CommentStatus})
        for author, status, n in session.exec(
            select(Comment.author_email_hash, Comment.status, func.count())
            .where(col(Comment.author_email_hash).in_(set(authors.values())))
            .group_by(col(Comment.author_email_hash), col(Comment.status))
        ).all():
            counts[author][str(status.value if isinstance(status, Enum) else status)] = int(n)
    return {cid: Context(findings.get(cid, []), dict(counts[authors[cid]])) for cid in comment_ids if cid in authors}
