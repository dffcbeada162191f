"""The service layer: what each use case does, in plain functions the HTTP and Celery adapters call."""

from __future__ import annotations

import base64
import binascii
import functools
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import String, bindparam, case, delete, distinct, exists, func, insert, literal, or_, update
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlmodel import Session, col, select

from moderation import audit
from moderation.audit import content_digest
from moderation.checks import CheckContext, Finding, Pipeline, unavailable
from moderation.checks.pipeline import Verdict, name_findings, verdicts
from moderation.checks.promotion import contact_fingerprints
from moderation.db import SessionFactory
from moderation.errors import (
    ArticleClosed,
    ArticleNotFound,
    CommentNotFound,
    Conflict,
    IdempotencyKeyReused,
    InvalidCursor,
    InvalidParent,
)
from moderation.guidelines import NO_RISK, SEVERITY
from moderation.hashing import canonical_digest, client_fingerprint, email_hash, new_receipt, receipt_matches
from moderation.models import (
    MAX_ID,
    Article,
    AuditReceipt,
    CheckResult,
    Comment,
    CommentStatus,
    ContactSighting,
    IdempotencyRecord,
    utcnow,
)
from moderation.policy import Policy

log = logging.getLogger(__name__)

# --- submission -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewComment:
    article_key: str
    author_name: str
    author_email: str
    body: str
    parent_id: int | None = None
    client_address: str | None = None
    idempotency_key: str | None = None

    def digest(self) -> str:
        return canonical_digest({
            "article": self.article_key, "name": self.author_name, "email": self.author_email,
            "body": self.body, "parent": self.parent_id,
        })


@dataclass(frozen=True)
class Accepted:
    id: int
    status: str
    receipt: str
    replayed: bool = False

    def document(self) -> dict[str, Any]:
        return {"id": self.id, "status": self.status, "receipt": self.receipt}


def submit_comment(
    sessions: SessionFactory, new: NewComment, *, auto_create_articles: bool, secret: str
) -> Accepted:
    """Stores the comment as `pending`; it is committed before this returns, so nothing accepted is lost.

    The usual case is one INSERT that also checks the article is open, the parent is on it and the text is
    not a resend, plus the receipt the audit chain picks up (the request never waits for the chain's lock);
    on PostgreSQL both, and the idempotency key, are one statement that commits on its own. Only when that
    INSERT adds nothing does the slow path, in a transaction, find out why (or create the article)."""
    request_hash = new.digest()
    receipt, receipt_digest = new_receipt()
    now = utcnow()
    values = {
        "parent_id": new.parent_id, "author_name": new.author_name, "author_email": new.author_email,
        "author_email_hash": email_hash(new.author_email), "body": new.body,
        "client_fingerprint": client_fingerprint(secret, new.client_address), "receipt_hash": receipt_digest,
        "submitted_at": now, "status": CommentStatus.pending.value, "status_changed_at": now,
        "risk_key": NO_RISK_KEY, "awaiting_confirmation": False,
    }
    if new.idempotency_key:
        with sessions.reading() as session:
            earlier = _replay(session, new.idempotency_key, request_hash)
        if earlier:
            return earlier
    accepted = functools.partial(Accepted, status=CommentStatus.pending.value, receipt=receipt)
    guarded, params = _insert_when_allowed(new, values)
    try:
        comment_id = None
        if sessions.writes_in_one_statement:  # the usual case in production: one round trip, nothing else
            params["received_at"] = now
            if new.idempotency_key:
                params.update(key=new.idempotency_key, request_hash=request_hash,
                              response=accepted(0).document())
            with sessions.one_statement() as connection:
                comment_id = connection.execute(_one_statement(new.parent_id is not None, bool(new.idempotency_key)),
                                                params).scalar()
            if comment_id is not None:
                return accepted(comment_id)
        with sessions() as session:
            connection = session.connection()
            if not sessions.writes_in_one_statement:  # on PostgreSQL the guarded INSERT has just added nothing
                comment_id = connection.execute(guarded, params).scalar()
            if comment_id is None:
                comment_id = _insert_after_explaining(session, new, values, auto_create_articles)
            connection.execute(RECEIPT_INSERT, {"comment_id": comment_id, "article_key": new.article_key,
                                                "received_at": now})
            if new.idempotency_key:
                connection.execute(insert(IdempotencyRecord.__table__), {
                    "key": new.idempotency_key, "request_hash": request_hash, "comment_id": comment_id,
                    "response": accepted(comment_id).document(), "created_at": now,
                })
            session.commit()
        return accepted(comment_id)
    except (IntegrityError, RepeatedComment):
        # With a key, a concurrent retry of this very request may have won (its key row, or its comment as
        # a "resend"): answer as it was answered. Without one, the error stands.
        if new.idempotency_key:
            with sessions.reading() as session:
                earlier = _replay(session, new.idempotency_key, request_hash)
            if earlier:
                return earlier
        raise


@functools.cache
def _one_statement(with_parent: bool, with_key: bool) -> Any:
    """The guarded INSERT with the receipt (and the idempotency key) in one statement, for PostgreSQL."""
    stored = _guarded_insert(with_parent).cte("stored")
    receipts = AuditReceipt.__table__
    statement = select(stored.c.id).add_cte(insert(receipts).from_select(
        ["comment_id", "article_key", "received_at"],
        select(stored.c.id, bindparam("article_key", type_=receipts.c.article_key.type),
               bindparam("received_at", type_=receipts.c.received_at.type)),
    ).cte("receipt"))
    if with_key:
        keys = IdempotencyRecord.__table__
        # The answer as `Accepted.document()` writes it, with the id the INSERT has just given.
        response = func.jsonb_set(bindparam("response", type_=JSONB), literal(["id"], ARRAY(String)),
                                  func.to_jsonb(stored.c.id))
        statement = statement.add_cte(insert(keys).from_select(
            ["key", "request_hash", "comment_id", "response", "created_at"],
            select(bindparam("key", type_=keys.c.key.type), bindparam("request_hash", type_=keys.c.request_hash.type),
                   stored.c.id, response,
                   bindparam("received_at", type_=keys.c.created_at.type)),
        ).cte("key"))
    return statement


NO_RISK_KEY = Comment.model_fields["risk_key"].default
RECEIPT_INSERT = insert(AuditReceipt.__table__)
REPEAT_WINDOW = timedelta(minutes=10)


class RepeatedComment(Conflict):
    title = "Comment already sent"


def _insert_when_allowed(new: NewComment, values: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
    """INSERT ... SELECT: a row only if the article exists and is open, the parent is on it and no resend."""
    params = {f"v_{name}": value for name, value in values.items()}
    params.update(article_key=new.article_key, repeat_since=values["submitted_at"] - REPEAT_WINDOW)
    return _guarded_insert(with_parent=new.parent_id is not None), params


@functools.cache
def _guarded_insert(with_parent: bool) -> Any:
    """Built once (Core, bound parameters): building it per request cost more than running it."""
    comments, articles = Comment.__table__, Article.__table__
    earlier, parent = comments.alias("earlier"), comments.alias("parent")
    names = [*SUBMITTED_COLUMNS, "article_id"]
    conditions = [
        articles.c.key == bindparam("article_key"), articles.c.comments_open,
        ~exists().where(
            earlier.c.article_id == articles.c.id, earlier.c.author_email_hash == bindparam("v_author_email_hash"),
            earlier.c.submitted_at > bindparam("repeat_since", type_=comments.c.submitted_at.type),
            earlier.c.body == bindparam("v_body")),
    ]
    if with_parent:  # a reply answers a published comment on the same article (readers see no other)
        conditions.append(exists().where(parent.c.id == bindparam("v_parent_id"), parent.c.article_id == articles.c.id,
                                         parent.c.status == CommentStatus.approved.value))
    row = select(*[bindparam(f"v_{name}", type_=comments.c[name].type) for name in SUBMITTED_COLUMNS],
                 articles.c.id).where(*conditions)
    return insert(comments).from_select(names, row).returning(comments.c.id)


SUBMITTED_COLUMNS = (
    "parent_id", "author_name", "author_email", "author_email_hash", "body", "client_fingerprint", "receipt_hash",
    "submitted_at", "status", "status_changed_at", "risk_key", "awaiting_confirmation",
)


def _insert_after_explaining(session: Session, new: NewComment, values: dict[str, Any], auto_create: bool) -> int:
    """Raises why the comment cannot be taken; or, for an article created just now, stores it."""
    article = _article_for_submission(session, new.article_key, auto_create)
    if not article.comments_open:
        raise ArticleClosed(f"comments on article {new.article_key!r} are closed")
    if new.parent_id is not None:
        parent = session.get(Comment, new.parent_id)
        if parent is None or parent.article_id != article.id:
            raise InvalidParent(f"comment {new.parent_id} is not a comment on article {new.article_key!r}")
        if parent.status != CommentStatus.approved.value:
            # Readers see approved comments only, and an approved reply to a hidden one would be published
            # pointing at it.
            raise InvalidParent(f"comment {new.parent_id} is not published: only a published comment can be answered")
    _refuse_repeat(session, article, new, values["author_email_hash"])
    return session.execute(
        insert(Comment).values(article_id=article.id, **values).returning(col(Comment.id))).scalar_one()


def _refuse_repeat(session: Session, article: Article, new: NewComment, author: str) -> None:
    """The same text from the same address under the same article, again within minutes, is a resend."""
    if article.id is None:
        return
    earlier = session.exec(
        select(Comment.id, Comment.status).where(
            Comment.article_id == article.id, Comment.author_email_hash == author,
            col(Comment.submitted_at) > utcnow() - REPEAT_WINDOW, Comment.body == new.body,
        ).limit(1)
    ).first()
    if earlier is not None:
        comment_id, status = earlier
        where = RESENT_COMMENT_STATE.get(status, "it waits for moderation")
        raise RepeatedComment(f"this comment was already sent (comment {comment_id}); {where}")


RESENT_COMMENT_STATE = {
    CommentStatus.approved.value: "it is published",
    CommentStatus.rejected.value: "it was rejected: its statement of reasons is on its status page",
}


def _replay(session: Session, key: str, request_hash: str) -> Accepted | None:
    record = session.get(IdempotencyRecord, key)
    if record is None:
        return None
    if record.request_hash != request_hash:
        raise IdempotencyKeyReused("this Idempotency-Key was already used for a different submission")
    return Accepted(record.response["id"], record.response["status"], record.response["receipt"], replayed=True)


def _article_for_submission(session: Session, key: str, auto_create: bool) -> Article:
    article = session.exec(select(Article).where(Article.key == key)).first()
    if article is not None:
        return article
    if not auto_create:
        raise ArticleNotFound(f"no article with key {key!r}; the site must register it first")
    try:
        with session.begin_nested():
            article = Article(key=key)
            session.add(article)
    except IntegrityError:  # created by a concurrent submission
        article = session.exec(select(Article).where(Article.key == key)).one()
    return article


# --- checking ---------------------------------------------------------------------------------------------


SIGHTING_WINDOW = timedelta(days=7)
MIN_STORED_SCORE = 0.2


class SubmittedComment(Protocol):
    """What the sightings read of a comment: a Comment, or the check's row of it."""

    id: int
    article_id: int
    author_email_hash: str


class ContactSightings(Protocol):
    """Where recent links and contacts are remembered: the database, or Redis in production."""

    def seen_elsewhere(self, fingerprints: list[str], comment: SubmittedComment) -> dict[str, int]:
        """For each contact, how many other articles or other authors posted it within the window."""

    def record(self, fingerprints: list[str], comment: SubmittedComment) -> None: ...


class DatabaseSightings:
    def __init__(self, sessions: SessionFactory):
        self.sessions = sessions

    def seen_elsewhere(self, fingerprints: list[str], comment: SubmittedComment) -> dict[str, int]:
        if not fingerprints:
            return {}
        sighting = ContactSighting
        other_articles = func.count(distinct(case(
            (col(sighting.article_id) != comment.article_id, sighting.article_id))))
        other_authors = func.count(distinct(case(
            (col(sighting.author_email_hash) != comment.author_email_hash, sighting.author_email_hash))))
        with self.sessions() as session:
            rows = session.exec(
                select(sighting.fingerprint, other_articles, other_authors)
                .where(col(sighting.fingerprint).in_(fingerprints),
                       col(sighting.seen_at) >= utcnow() - SIGHTING_WINDOW, col(sighting.comment_id) != comment.id)
                .group_by(col(sighting.fingerprint))
            ).all()
        return {fp: max(articles, authors) for fp, articles, authors in rows if max(articles, authors)}

    def record(self, fingerprints: list[str], comment: SubmittedComment) -> None:
        if not fingerprints:
            return
        with self.sessions() as session:
            for fingerprint in fingerprints:
                session.add(ContactSighting(
                    fingerprint=fingerprint, comment_id=comment.id, article_id=comment.article_id,
                    author_email_hash=comment.author_email_hash,
                ))
            session.commit()


def _comments_to_check() -> Any:
    comments, articles = Comment.__table__, Article.__table__
    return (select(comments.c.id, comments.c.status, comments.c.body, comments.c.article_id, comments.c.author_name,
                   comments.c.author_email_hash, comments.c.parent_id,
                   articles.c.title.label("article_title"), articles.c.text.label("article_text"))
            .join(articles, comments.c.article_id == articles.c.id)
            .where(comments.c.id.in_(bindparam("comment_ids", expanding=True))))


COMMENTS_TO_CHECK = _comments_to_check()
# Row locks in id order (two overlapping batches cannot deadlock) that do not block the audit events'
# foreign keys (FOR KEY SHARE), so whoever holds the chain's lock never waits for them.
LOCK_PENDING = (select(Comment.__table__.c.id)
                .where(Comment.__table__.c.id.in_(bindparam("comment_ids", expanding=True)),
                       Comment.__table__.c.status == CommentStatus.pending.value)
                .order_by(Comment.__table__.c.id).with_for_update(key_share=True))
MARK_CHECKED = (update(Comment.__table__).where(Comment.__table__.c.id == bindparam("checked_id"))
                .values(status=bindparam("new_status"), status_changed_at=bindparam("now"),
                        checked_at=bindparam("now"), risk_key=bindparam("new_risk_key"),
                        awaiting_confirmation=bindparam("auto"), decided_at=bindparam("decided_at")))


@dataclass(frozen=True)
class _Outcome:
    """One comment's checks, worked out before any transaction opens."""

    comment: Any
    findings: list[Finding]
    flagged: list[Verdict]
    auto: list[Verdict]
    fingerprints: list[str]


def check_comment(
    sessions: SessionFactory, pipeline: Pipeline, policy: Policy, comment_id: int,
    sightings: ContactSightings | None = None,
) -> str:
    return check_comments(sessions, pipeline, policy, [comment_id], sightings)[comment_id]


def check_comments(
    sessions: SessionFactory, pipeline: Pipeline, policy: Policy, comment_ids: list[int],
    sightings: ContactSightings | None = None,
) -> dict[int, str]:
    """Runs the checks once in effect: a redelivered or duplicated task changes nothing.

    A batch shares one read and one transaction (one append to the audit chain): what a comment costs
    beyond its own checks is paid once for all of them."""
    sightings = sightings or DatabaseSightings(sessions)
    outcomes: dict[int, str] = {comment_id: "missing" for comment_id in comment_ids}
    with sessions.reading() as session:
        rows = session.connection().execute(COMMENTS_TO_CHECK, {"comment_ids": list(outcomes)}).all()
    checked: list[_Outcome] = []
    in_batch = _BatchSightings()
    for comment in sorted(rows, key=lambda row: row.id):
        if comment.status != CommentStatus.pending:
            outcomes[comment.id] = "already_checked"
            continue
        try:
            checked.append(_check_one(pipeline, policy, comment, sightings, in_batch))
        except SQLAlchemyError:
            raise  # the database: the whole batch is retried
        except Exception:  # never fail open, never stall: a person reads it, and its neighbours go on
            log.exception("checking comment %s failed; it goes to review as check_unavailable", comment.id)
            checked.append(_unavailable(policy, comment))
    if not checked:
        return outcomes

    with sessions() as session:
        connection = session.connection()
        still_pending = set(connection.execute(LOCK_PENDING, {"comment_ids": [o.comment.id for o in checked]})
                            .scalars())
        for outcome in checked:
            if outcome.comment.id not in still_pending:  # a duplicate delivery got there first
                outcomes[outcome.comment.id] = "already_checked"
        checked = [o for o in checked if o.comment.id in still_pending]
        if checked:
            _store_outcomes(session, pipeline, policy, checked)
        session.commit()
    for outcome in checked:
        sightings.record(outcome.fingerprints, outcome.comment)
        outcomes[outcome.comment.id] = "auto_rejected" if outcome.auto else "checked"
    return outcomes


def _check_one(pipeline: Pipeline, policy: Policy, comment: Any, sightings: ContactSightings,
               in_batch: _BatchSightings) -> _Outcome:
    fingerprints = contact_fingerprints(comment.body)
    seen = in_batch.add(fingerprints, comment, sightings.seen_elsewhere(fingerprints, comment))
    findings = pipeline.run(CheckContext(  # outside any transaction: checks may take a while
        text=comment.body, article_title=comment.article_title, article_text=comment.article_text,
        contacts_seen_elsewhere=seen,
    )) + name_findings(pipeline, comment.author_name)
    flagged = verdicts(findings, policy)
    auto = [v for v in flagged if (t := policy.auto_reject_threshold(v.code)) is not None and v.score >= t]
    return _Outcome(comment, findings, flagged, auto, fingerprints)


def _unavailable(policy: Policy, comment: Any) -> _Outcome:
    """What a failing checker yields inside the pipeline, for a failure around it (a retry would fail alike)."""
    findings = [unavailable("service", "1")]
    return _Outcome(comment, findings, verdicts(findings, policy), [], [])


class _BatchSightings:
    """Contacts posted by the comments checked earlier in the same batch: not recorded yet (that happens after
    the batch commits), but a spam run sent within one batch must count as one all the same."""

    def __init__(self) -> None:
        self._posted: dict[str, list[tuple[int, str]]] = {}

    def add(self, fingerprints: list[str], comment: SubmittedComment, recorded: dict[str, int]) -> dict[str, int]:
        seen = dict(recorded)
        for fingerprint in fingerprints:
            earlier = self._posted.setdefault(fingerprint, [])
            articles = {a for a, _ in earlier if a != comment.article_id}
            authors = {u for _, u in earlier if u != comment.author_email_hash}
            if articles or authors:
                seen[fingerprint] = seen.get(fingerprint, 0) + max(len(articles), len(authors))
            earlier.append((comment.article_id, comment.author_email_hash))
        return seen


def _store_outcomes(session: Session, pipeline: Pipeline, policy: Policy, checked: list[_Outcome]) -> None:
    """New statuses, findings and audit entries of a batch: a statement each, whatever its size."""
    now = utcnow()
    connection = session.connection()
    connection.execute(MARK_CHECKED, [
        {"checked_id": o.comment.id, "now": now, "new_risk_key": risk_key(o.flagged), "auto": bool(o.auto),
         "new_status": (CommentStatus.rejected if o.auto else CommentStatus.needs_review).value,
         "decided_at": now if o.auto else None}
        for o in checked])
    results = [  # `moderation check --all` shows fainter scores; the record keeps what matters
        {"comment_id": o.comment.id, "code": finding.code.value, "score": finding.score,
         "evidence": finding.to_dict()["evidence"], "checker": finding.checker,
         "checker_version": finding.version, "policy_version": policy.version, "created_at": now,
         "flagged": policy.reaches_review(finding.code, finding.score)}
        for o in checked for finding in o.findings if finding.score >= MIN_STORED_SCORE
    ]
    if results:
        connection.execute(insert(CheckResult.__table__), results)
    digests = {o.comment.id: content_digest(o.comment) for o in checked}
    versions = pipeline.versions
    events = []
    for o in checked:
        digest = digests[o.comment.id]
        summary = [{"code": v.code.value, "score": round(v.score, 4)} for v in o.flagged]
        events.append(audit.Entry(
            action="checked", actor="system", actor_role="system", comment_id=o.comment.id,
            content_sha256=digest, occurred_at=now,
            details={"checkers": versions, "policy_version": policy.version, "findings": summary}))
        if o.auto:
            events.append(audit.Entry(
                action="auto_rejected", actor="system", actor_role="system", comment_id=o.comment.id,
                content_sha256=digest, occurred_at=now,
                details={"reasons": [v.code.value for v in o.auto], "policy_version": policy.version,
                         "checkers": versions, "findings": summary}))
    audit.append_all(session, events, known_contents=digests)


def risk_key(flagged: list[Verdict]) -> int:
    """The queue's risk order as one ascending number: the most severe flagged guideline, then its score."""
    if not flagged:
        return NO_RISK * 10_000
    rank = min(SEVERITY[v.code] for v in flagged)
    score = max(v.score for v in flagged if SEVERITY[v.code] == rank)
    return rank * 10_000 + (9_999 - round(score * 9_999))


def forget_contact_sightings(sessions: SessionFactory, now: datetime | None = None) -> int:
    cutoff = (now or utcnow()) - SIGHTING_WINDOW
    with sessions() as session:
        removed = session.execute(delete(ContactSighting).where(col(ContactSighting.seen_at) < cutoff))
        session.commit()
    return removed.rowcount


def claim_stale_pending(
    sessions: SessionFactory, older_than: timedelta, limit: int = 1000, now: datetime | None = None
) -> list[int]:
    """Comments still `pending` after `older_than`, e.g. accepted while the broker was down.

    Each is claimed for another `older_than`, so a slow queue is not flooded with the same comment.
    """
    now = now or utcnow()
    cutoff = now - older_than
    with sessions() as session:
        ids = list(session.exec(
            select(Comment.id)
            .where(
                Comment.status == CommentStatus.pending,
                col(Comment.submitted_at) < cutoff,
                or_(col(Comment.last_enqueued_at).is_(None), col(Comment.last_enqueued_at) < cutoff),
            )
            .order_by(col(Comment.id))
            .limit(limit)
            .with_for_update(key_share=True, skip_locked=True)  # in id order, as checks lock; skip those in a check
        ).all())
        if ids:
            session.execute(update(Comment).where(col(Comment.id).in_(ids)).values(last_enqueued_at=now))
            session.commit()
    return [i for i in ids if i is not None]


def forget_idempotency_keys(sessions: SessionFactory, older_than: timedelta, now: datetime | None = None) -> int:
    """A client retries within minutes; a day-old key only takes space."""
    cutoff = (now or utcnow()) - older_than
    with sessions() as session:
        removed = session.execute(delete(IdempotencyRecord).where(col(IdempotencyRecord.created_at) < cutoff))
        session.commit()
    return removed.rowcount


# --- public reads -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PublicComment:
    """What anyone may see of an approved comment: never the e-mail address."""

    id: int
    author_name: str
    body: str
    parent_id: int | None
    submitted_at: datetime


@dataclass(frozen=True)
class Page:
    items: list[PublicComment]
    next_cursor: str | None


def encode_cursor(last_id: int) -> str:
    return base64.urlsafe_b64encode(f"c1:{last_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        version, _, value = raw.partition(":")
        if version != "c1" or not value.isdigit() or int(value) > MAX_ID:
            raise ValueError(cursor)
        return int(value)
    except (ValueError, binascii.Error, UnicodeDecodeError) as error:
        raise InvalidCursor("the cursor is not one this service issued; start again without it") from error


def approved_comments(sessions: SessionFactory, article_key: str, limit: int, cursor: str | None) -> Page:
    """Approved comments, newest first; an unknown article simply has none."""
    query = (
        select(Comment.id, Comment.author_name, Comment.body, Comment.parent_id, Comment.submitted_at)
        .join(Article, col(Comment.article_id) == col(Article.id))
        .where(Article.key == article_key, Comment.status == CommentStatus.approved)
        .order_by(col(Comment.id).desc())
        .limit(limit + 1)
    )
    if cursor:
        query = query.where(col(Comment.id) < decode_cursor(cursor))
    with sessions.reading() as session:
        rows = session.exec(query).all()
    items = [PublicComment(*row) for row in rows[:limit]]
    return Page(items, encode_cursor(items[-1].id) if len(rows) > limit else None)


@dataclass(frozen=True)
class AuthorView:
    id: int
    article_key: str
    status: CommentStatus
    body: str
    submitted_at: datetime
    status_changed_at: datetime
    comment: Comment


def comment_for_author(sessions: SessionFactory, comment_id: int, receipt: str) -> AuthorView:
    """The author's own view: found only with the receipt, so ids cannot be walked."""
    with sessions.reading() as session:
        row = session.exec(
            select(Comment, Article.key).join(Article, col(Comment.article_id) == col(Article.id))
            .where(Comment.id == comment_id)
        ).first()
    if row is None or not receipt_matches(receipt, row[0].receipt_hash):
        raise CommentNotFound(f"no comment {comment_id} with that receipt")
    comment, key = row
    return AuthorView(comment.id, key, comment.status, comment.body, comment.submitted_at, comment.status_changed_at,
                      comment)


class NotAppealable(Conflict):
    title = "Nothing to appeal"


def request_appeal(sessions: SessionFactory, comment_id: int, receipt: str, message: str) -> None:
    """The author asks for a second look at a rejection; it goes to the admins' appeal queue."""
    with sessions() as session:
        comment = session.get(Comment, comment_id)
        if comment is None or not receipt_matches(receipt, comment.receipt_hash):
            raise CommentNotFound(f"no comment {comment_id} with that receipt")
        if comment.status != CommentStatus.rejected:
            raise NotAppealable(f"comment {comment_id} is {comment.status.value}: only a rejection can be appealed"
                                if isinstance(comment.status, CommentStatus) else "only a rejection can be appealed")
        if comment.appealed_at is not None:
            raise NotAppealable(f"an appeal of comment {comment_id} is already waiting for review")
        if audit.recorded(session, comment_id, "appeal_requested"):
            raise NotAppealable(f"comment {comment_id} was appealed once and the appeal was decided: the "
                                "statement of reasons says where else to turn")
        changed = session.execute(
            update(Comment).where(col(Comment.id) == comment_id, col(Comment.appealed_at).is_(None),
                                  col(Comment.status) == CommentStatus.rejected)
            .values(appealed_at=utcnow())
        ).rowcount
        if not changed:
            raise NotAppealable(f"an appeal of comment {comment_id} is already waiting for review")
        audit.append(session, action="appeal_requested", actor="author", actor_role="author", comment_id=comment_id,
                     content_sha256=content_digest(comment), details={"message": message})
        session.commit()


# --- articles ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleFields:
    title: str
    url: str | None
    text: str
    comments_open: bool


def put_article(
    sessions: SessionFactory, key: str, fields: ArticleFields, actor: str, role: str = "site"
) -> tuple[Article, bool]:
    """Creates or replaces an article's details; returns it and whether it is new."""
    with sessions() as session:
        article = session.exec(select(Article).where(Article.key == key)).first()
        created = article is None
        if article is None:
            article = Article(key=key)
        article.title, article.url, article.text = fields.title, fields.url, fields.text
        article.comments_open = fields.comments_open
        article.updated_at = utcnow()
        session.add(article)
        session.flush()
        audit.append(
            session, action="article_created" if created else "article_updated", actor=actor, actor_role=role,
            details={"article": key, "comments_open": fields.comments_open},
        )
        session.commit()
        return article, created
