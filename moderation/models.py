"""The stored records: articles, comments, check results, the audit trail and idempotency keys."""

from __future__ import annotations

from datetime import datetime, timezone
from enum import Enum
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    DateTime,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    event,
    text,
)
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

from moderation.errors import ImmutableContentError

ID = BigInteger().with_variant(Integer, "sqlite")
JSONDocument = JSON().with_variant(JSONB(), "postgresql")


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class UTCDateTime(TypeDecorator):
    """Timestamps are aware UTC in Python on every database (SQLite keeps no zone of its own)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are ambiguous; pass an aware UTC datetime")
        value = value.astimezone(timezone.utc)
        return value if dialect.name == "postgresql" else value.replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


MAX_ID = 2**63 - 1  # ids and keyset cursors are bigint


class CommentStatus(str, Enum):
    pending = "pending"
    needs_review = "needs_review"
    approved = "approved"
    rejected = "rejected"


class Article(SQLModel, table=True):
    __tablename__ = "articles"

    id: int | None = Field(default=None, primary_key=True, sa_type=ID)
    key: str = Field(max_length=200, unique=True)
    title: str = Field(default="", max_length=500)
    url: str | None = Field(default=None, max_length=2000)
    text: str = Field(default="", sa_type=Text)
    comments_open: bool = True
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Comment(SQLModel, table=True):
    __tablename__ = "comments"
    __table_args__ = (
        Index("ix_comments_article_status_id", "article_id", "status", "id"),
        # A submission's resend check (same author, article and text within minutes) is one probe here, however
        # many comments the article has; an author's history reads its leading column.
        Index("ix_comments_author_article_submitted", "author_email_hash", "article_id", "submitted_at"),
        # The review queue's two orders, each a keyset walk over one index.
        Index("ix_comments_queue_risk", "status", "risk_key", "submitted_at", "id"),
        Index("ix_comments_queue_oldest", "status", "submitted_at", "id"),
        # The two small queues: partial indexes hold only their few rows.
        Index("ix_comments_awaiting_confirmation", "id", postgresql_where=text("awaiting_confirmation"),
              sqlite_where=text("awaiting_confirmation")),
        Index("ix_comments_appealed", "id", postgresql_where=text("appealed_at IS NOT NULL"),
              sqlite_where=text("appealed_at IS NOT NULL")),
        CheckConstraint(
            "status IN ('pending', 'needs_review', 'approved', 'rejected')", name="ck_comments_status"
        ),
    )

    id: int | None = Field(default=None, primary_key=True, sa_type=ID)
    article_id: int = Field(foreign_key="articles.id", sa_type=ID)
    parent_id: int | None = Field(default=None, foreign_key="comments.id", sa_type=ID)
    author_name: str = Field(max_length=100)
    author_email: str = Field(max_length=254)
    author_email_hash: str = Field(max_length=64)
    body: str = Field(sa_type=Text)
    submitted_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    client_fingerprint: str | None = Field(default=None, max_length=64)
    receipt_hash: str = Field(max_length=64)
    status: CommentStatus = Field(default=CommentStatus.pending, sa_type=String(16))
    status_changed_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    checked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_enqueued_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # Set by the check: severity rank of the worst flagged guideline, then its score, folded into one
    # ascending key (lower is riskier) so sort=risk is a keyset walk over one index.
    risk_key: int = Field(default=999_999)
    claimed_by: int | None = Field(default=None, foreign_key="users.id", sa_type=ID)
    claimed_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    decided_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    decided_by: int | None = Field(default=None, foreign_key="users.id", sa_type=ID)
    # Rejected by a policy rule, not yet confirmed or reversed by a person.
    awaiting_confirmation: bool = Field(default=False)
    # The author asked for a second look at a rejection; cleared when an admin reverses or upholds it.
    appealed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


# What an author submitted is never changed afterwards, by anyone; database triggers enforce the same.
IMMUTABLE_COMMENT_COLUMNS = (
    "article_id", "parent_id", "author_name", "author_email", "author_email_hash", "body", "submitted_at",
)


def _refuse_change_after_insert(target: Comment, value: Any, oldvalue: Any, initiator: Any) -> Any:
    state = sa_inspect(target)
    if state.has_identity and value != oldvalue:
        raise ImmutableContentError(
            f"comment {target.id}: {initiator.key} cannot change after submission"
        )
    return value


for _column in IMMUTABLE_COMMENT_COLUMNS:
    event.listen(getattr(Comment, _column), "set", _refuse_change_after_insert, retval=True)


class CheckResult(SQLModel, table=True):
    """One guideline code a checker found in a comment, with the words that show it."""

    __tablename__ = "check_results"
    __table_args__ = (
        UniqueConstraint("comment_id", "code", "checker", name="uq_check_results_comment_code"),
        Index("ix_check_results_code_flagged", "code", "flagged", "comment_id"),
    )

    id: int | None = Field(default=None, primary_key=True, sa_type=ID)
    comment_id: int = Field(foreign_key="comments.id", index=True, sa_type=ID)
    code: str = Field(max_length=40)
    score: float
    evidence: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSONDocument)
    checker: str = Field(max_length=64)
    checker_version: str = Field(max_length=32)
    policy_version: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    flagged: bool = Field(default=False, description="The score reached the policy's review threshold.")


class AuditEvent(SQLModel, table=True):
    """The decision record: append-only (database triggers refuse UPDATE and DELETE), each entry chained
    to the one before it by SHA-256, so a changed or missing entry shows (`moderation audit verify`)."""

    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_actor_occurred_at", "actor", "occurred_at"),
        Index("ix_audit_events_occurred_at", "occurred_at"),
    )

    id: int | None = Field(default=None, primary_key=True, sa_type=ID)
    comment_id: int | None = Field(default=None, foreign_key="comments.id", index=True, sa_type=ID)
    action: str = Field(max_length=32)
    actor: str = Field(max_length=100)
    actor_role: str = Field(max_length=20)
    occurred_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    content_sha256: str | None = Field(default=None, max_length=64)
    details: dict[str, Any] = Field(default_factory=dict, sa_type=JSONDocument)
    prev_hash: str = Field(max_length=64)
    entry_hash: str = Field(max_length=64)


class AuditReceipt(SQLModel, table=True):
    """A submission not yet on the record: the request writes this row instead of taking the chain's lock,
    and the next append to the chain (the check, a decision, the sweep) records it first, in id order. An
    event about a comment therefore always follows that comment's `received` entry."""

    __tablename__ = "audit_receipts"

    comment_id: int = Field(primary_key=True, foreign_key="comments.id", sa_type=ID)
    article_key: str = Field(max_length=200)
    received_at: datetime = Field(sa_type=UTCDateTime)


class Role(str, Enum):
    moderator = "moderator"
    admin = "admin"
    auditor = "auditor"


class User(SQLModel, table=True):
    __tablename__ = "users"

    id: int | None = Field(default=None, primary_key=True, sa_type=ID)
    name: str = Field(max_length=64, unique=True)
    role: Role = Field(sa_type=String(16))
    password_hash: str | None = Field(default=None, max_length=200)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    disabled_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # Login sessions carry the generation they were issued under; logout and a new password move it on.
    session_generation: int = Field(default=0)


class ApiToken(SQLModel, table=True):
    """Only a digest of each token is kept; the token itself is shown once, when it is made."""

    __tablename__ = "api_tokens"

    id: int | None = Field(default=None, primary_key=True, sa_type=ID)
    user_id: int = Field(foreign_key="users.id", index=True, sa_type=ID)
    token_hash: str = Field(max_length=64, unique=True)
    prefix: str = Field(max_length=12)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class IdempotencyRecord(SQLModel, table=True):
    """The first response to a submission, replayed when a client retries with the same key."""

    __tablename__ = "idempotency_keys"

    key: str = Field(primary_key=True, max_length=255)
    request_hash: str = Field(max_length=64)
    comment_id: int = Field(foreign_key="comments.id", sa_type=ID)
    response: dict[str, Any] = Field(sa_type=JSONDocument)
    created_at: datetime = Field(default_factory=utcnow, index=True, sa_type=UTCDateTime)


class ContactSighting(SQLModel, table=True):
    """A link, e-mail address or phone number seen in a comment: spam runs post the same one widely."""

    __tablename__ = "contact_sightings"
    __table_args__ = (Index("ix_contact_sightings_fingerprint_seen_at", "fingerprint", "seen_at"),)

    id: int | None = Field(default=None, primary_key=True, sa_type=ID)
    fingerprint: str = Field(max_length=200)
    comment_id: int = Field(foreign_key="comments.id", sa_type=ID)
    article_id: int = Field(foreign_key="articles.id", sa_type=ID)
    author_email_hash: str = Field(max_length=64)
    seen_at: datetime = Field(default_factory=utcnow, index=True, sa_type=UTCDateTime)
