"""The HTTP API's request and response bodies; the OpenAPI document is generated from them."""

from __future__ import annotations

import functools
import pickle
import re
import unicodedata
from datetime import datetime, timezone
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AnyHttpUrl,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    EmailStr,
    Field,
    StrictBool,
    StrictInt,
    field_validator,
)

from moderation.guidelines import Code
from moderation.models import MAX_ID, CommentStatus
from moderation.review import Decision, QueueSort, QueueStatus

ARTICLE_KEY = r"^[A-Za-z0-9][A-Za-z0-9._:~\-]{0,199}$"
_FORBIDDEN_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Bidi embeddings, overrides and isolates: a name shown beside a comment needs none (Arabic and Persian names
# render by themselves), and "\u202egro.elpmaxe@nna" would display as an address the name checks never read.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _printable(value: str, *, multiline: bool) -> str:
    """Refuses NUL and other control characters, and lone surrogates that no database can store."""
    if _FORBIDDEN_CONTROLS.search(value) or (not multiline and ("\n" in value or "\r" in value)):
        raise ValueError("must not contain control characters")
    try:  # UTF-8 refuses exactly the surrogates (category Cs), in C instead of a Python loop per character
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("must be valid Unicode text (no unpaired surrogates)") from None
    # Only zero-width, bidi or other invisible characters would publish an empty-looking comment; stops at the
    # first visible character, so a normal text costs one or two look-ups.
    if not any(not unicodedata.category(char).startswith(("Z", "C")) for char in value):
        raise ValueError("must contain visible text, not only spaces or invisible characters")
    return value


def _not_a_number(value: object) -> object:
    """A time is an ISO 8601 string; a bare number would silently mean seconds since 1970."""
    if isinstance(value, (int, float)) or (isinstance(value, str) and re.fullmatch(r"[\d.+\-eE]+", value.strip())):
        raise ValueError("give a time as ISO 8601, e.g. 2026-11-01T00:00:00Z")
    return value


def _in_utc(value: datetime) -> datetime:
    """A time without an offset is UTC (the web page's date fields send none); one outside the calendar once
    moved to UTC ("9999-12-31T23:59:59-12:00") is refused, not a 500."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    try:
        return value.astimezone(timezone.utc)
    except OverflowError:
        raise ValueError("the time is out of range once converted to UTC") from None


Moment = Annotated[datetime, BeforeValidator(_not_a_number), AfterValidator(_in_utc)]


class RequestParts(BaseModel):
    """Query and header models: flask-openapi3 asks for their JSON schema on every request it validates,
    and pydantic builds it afresh each time (0.7 ms a request); a model's schema never changes, so keep it."""

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        # A copy of its own for each caller, who may edit it: unpickled, as a schema is plain JSON data (a fifth
        # of deepcopy's time, which was 45 µs of each validated request).
        return pickle.loads(_schema_of(cls, args, tuple(sorted(kwargs.items())) if kwargs else ()))


@functools.cache
def _schema_of(model: type[BaseModel], args: tuple[Any, ...], kwargs: tuple[tuple[str, Any], ...]) -> bytes:
    return pickle.dumps(BaseModel.model_json_schema.__func__(model, *args, **dict(kwargs)), pickle.HIGHEST_PROTOCOL)


class ArticlePath(BaseModel):
    article_key: str = Field(pattern=ARTICLE_KEY, description="The site's own key for the article.")


class CommentPath(BaseModel):
    comment_id: int = Field(ge=1, le=MAX_ID)


class CommentSubmission(BaseModel):
    """A reader's comment, as the site's comment form sends it."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    author_name: str = Field(min_length=1, max_length=100)
    author_email: EmailStr = Field(description="Never shown publicly.")
    body: str = Field(min_length=1, max_length=5000, description="1 to 5,000 characters after trimming.")
    parent_id: StrictInt | None = Field(None, ge=1, le=MAX_ID, description="The comment this one replies to.")

    @field_validator("author_name")
    @classmethod
    def _name_is_text(cls, value: str) -> str:
        if _BIDI_CONTROLS.search(value):
            raise ValueError("must not contain bidirectional control characters")
        return _printable(value, multiline=False)

    @field_validator("body")
    @classmethod
    def _body_is_text(cls, value: str) -> str:
        return _printable(value, multiline=True)


class SubmissionHeaders(RequestParts):
    idempotency_key: str | None = Field(
        None, alias="Idempotency-Key", min_length=1, max_length=255, pattern=r"^[\x21-\x7e]+$",
        description="A retried submission with the same key returns the first response and stores nothing new.",
    )


class SubmissionAccepted(BaseModel):
    id: int
    status: CommentStatus
    receipt: str = Field(description="Shown to the author once: it lets them follow their comment.")


# The public reads ignore query parameters they do not know: browsers' cache busters (jQuery's `_=`), analytics
# tags (`utm_source`) and CDNs add their own to a page's requests, and a comment list must still load.
PUBLIC_QUERY = ConfigDict(extra="ignore")


class PageQuery(RequestParts):
    model_config = PUBLIC_QUERY

    limit: int = Field(20, ge=1, le=100)
    cursor: str | None = Field(None, min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_\-]+$")


class PublicCommentOut(BaseModel):
    id: int
    author_name: str
    body: str
    parent_id: int | None
    submitted_at: datetime


class CommentPage(BaseModel):
    items: list[PublicCommentOut]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next (older) page; null at the end.")


class ReceiptQuery(RequestParts):
    model_config = PUBLIC_QUERY

    receipt: str = Field(min_length=1, max_length=100, description="The receipt returned on submission.")


class AuthorCommentOut(BaseModel):
    id: int
    article_key: str
    status: CommentStatus
    body: str
    submitted_at: datetime
    status_changed_at: datetime
    statement_of_reasons: StatementOut | None = Field(
        None, description="For a rejection: what, why, whether automated, how to appeal (EU DSA Art. 17).")


class ArticleIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: str = Field(min_length=1, max_length=500)
    url: AnyHttpUrl | None = Field(None, max_length=2000)
    text: str = Field("", max_length=50_000, description="Used to judge whether comments are on topic.")
    comments_open: StrictBool = True

    @field_validator("title", "text")
    @classmethod
    def _is_text(cls, value: str) -> str:
        return _printable(value, multiline=True)


class ArticleOut(BaseModel):
    key: str
    title: str
    url: str | None
    comments_open: bool
    created_at: datetime
    updated_at: datetime


class Health(BaseModel):
    status: Literal["ok"]


class Readiness(BaseModel):
    status: Literal["ready"]
    checks: dict[str, str]


# --- moderation ---------------------------------------------------------------------------------------------

CodeName = Literal[tuple(c.value for c in Code)]  # type: ignore[valid-type]
CategoryName = Literal[tuple([c.value for c in Code] + ["abuse", "promotion"])]  # type: ignore[valid-type]


class QueueQuery(RequestParts):
    model_config = ConfigDict(extra="forbid")

    status: QueueStatus = QueueStatus.needs_review
    category: CategoryName | None = Field(None, description="A guideline code, or `abuse` / `promotion`.")
    article: str | None = Field(None, pattern=ARTICLE_KEY)
    sort: QueueSort = QueueSort.risk
    include_claimed: bool = Field(False, description="Also show comments other moderators have claimed.")
    limit: int = Field(50, ge=1, le=200)
    cursor: str | None = Field(None, min_length=1, max_length=300, pattern=r"^[A-Za-z0-9_\-]+$")


class Flag(BaseModel):
    code: str
    score: float


class QueueItemOut(BaseModel):
    id: int
    article_key: str
    article_title: str
    author_name: str
    body: str
    status: str
    submitted_at: datetime
    flags: list[Flag]
    claimed_by: str | None
    claimed_until: datetime | None
    awaiting_confirmation: bool
    stale: bool = Field(description="Pending for longer than the sweep age: its check is overdue.")


class QueueOut(BaseModel):
    items: list[QueueItemOut]
    next_cursor: str | None
    counts: dict[str, int] = Field(description="Comments waiting per flagged code, and `total`.")


class EvidenceOut(BaseModel):
    start: int
    end: int
    text: str
    rule: str


class FindingOut(BaseModel):
    code: str
    score: float
    flagged: bool
    evidence: list[EvidenceOut]
    checker: str
    checker_version: str
    policy_version: str


class AuditEventOut(BaseModel):
    id: int
    comment_id: int | None
    action: str
    actor: str
    actor_role: str
    occurred_at: datetime
    content_sha256: str | None
    details: dict[str, Any]
    prev_hash: str
    entry_hash: str


class ArticleBrief(BaseModel):
    key: str
    title: str
    url: str | None


class ModerationCommentOut(BaseModel):
    id: int
    article: ArticleBrief
    parent_id: int | None
    author_name: str
    author_email: str = Field(description="For moderators only; never in a public response.")
    body: str
    status: str
    submitted_at: datetime
    decided_at: datetime | None
    awaiting_confirmation: bool
    appealed_at: datetime | None
    claimed_until: datetime | None
    findings: list[FindingOut]
    author_history: dict[str, int] = Field(description="The author's other comments by state (by e-mail hash).")
    audit_trail: list[AuditEventOut]


class DecisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    decision: Decision
    reasons: list[CodeName] = Field(default_factory=list, max_length=len(Code))
    note: str | None = Field(None, max_length=2000)

    @field_validator("note")
    @classmethod
    def _note_is_text(cls, value: str | None) -> str | None:
        return None if value is None else _printable(value, multiline=True)


class DecisionOut(BaseModel):
    comment_id: int
    status: str
    event_id: int
    overridden: list[str] = Field(description="Automated findings the moderator did not uphold.")


class BulkDecisionItem(DecisionIn):
    comment_id: int = Field(ge=1, le=MAX_ID)


class BulkDecisionsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    decisions: list[BulkDecisionItem] = Field(min_length=1, max_length=200)


class BulkResultOut(BaseModel):
    comment_id: int
    ok: bool
    status: int
    result: DecisionOut | None = None
    error: str | None = None


class BulkDecisionsOut(BaseModel):
    results: list[BulkResultOut]


class ClaimOut(BaseModel):
    comment_id: int
    claimed_until: datetime


class AppealIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    message: str = Field(min_length=1, max_length=2000)

    @field_validator("message")
    @classmethod
    def _message_is_text(cls, value: str) -> str:
        return _printable(value, multiline=True)


class StatementOut(BaseModel):
    decision: str
    restriction: str
    grounds: list[dict[str, str]]
    facts: list[dict[str, Any]]
    automated_detection: bool
    automated_decision: bool
    decided_at: datetime
    redress: str


class AuditQuery(RequestParts):
    model_config = ConfigDict(extra="forbid")

    comment_id: int | None = Field(None, ge=1, le=MAX_ID)
    actor: str | None = Field(None, max_length=100)
    action: str | None = Field(None, max_length=32)
    since: Moment | None = None
    until: Moment | None = None
    limit: int = Field(100, ge=1, le=1000)
    after_id: int | None = Field(None, ge=0, le=MAX_ID, description="Keyset: entries with a larger id.")


class AuditPage(BaseModel):
    items: list[AuditEventOut]
    next_after_id: int | None


class ExportQuery(RequestParts):
    model_config = ConfigDict(extra="forbid")

    format: Literal["jsonl"] = "jsonl"


class StatsOut(BaseModel):
    window_days: int
    queue: dict[str, int]
    time_to_decision_seconds: dict[str, float | int | None]
    decisions_per_moderator: dict[str, dict[str, int]]
    overrides: dict[str, dict[str, float | int]]

AuthorCommentOut.model_rebuild()
