"""The HTTP API's request and response bodies; the OpenAPI document is generated from them."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from typing import Literal

from pydantic import AnyHttpUrl, BaseModel, ConfigDict, EmailStr, Field, field_validator

from moderation.models import CommentStatus

MAX_ID = 2**63 - 1
ARTICLE_KEY = r"^[A-Za-z0-9][A-Za-z0-9._:~\-]{0,199}$"
_FORBIDDEN_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _printable(value: str, *, multiline: bool) -> str:
    """Refuses NUL and other control characters, and lone surrogates that no database can store."""
    if _FORBIDDEN_CONTROLS.search(value) or (not multiline and ("\n" in value or "\r" in value)):
        raise ValueError("must not contain control characters")
    if any(unicodedata.category(ch) == "Cs" for ch in value):
        raise ValueError("must be valid Unicode text (no unpaired surrogates)")
    return value


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
    parent_id: int | None = Field(None, ge=1, le=MAX_ID, description="The comment this one replies to.")

    @field_validator("author_name")
    @classmethod
    def _name_is_text(cls, value: str) -> str:
        return _printable(value, multiline=False)

    @field_validator("body")
    @classmethod
    def _body_is_text(cls, value: str) -> str:
        return _printable(value, multiline=True)


class SubmissionHeaders(BaseModel):
    idempotency_key: str | None = Field(
        None, alias="Idempotency-Key", min_length=1, max_length=255, pattern=r"^[\x21-\x7e]+$",
        description="A retried submission with the same key returns the first response and stores nothing new.",
    )


class SubmissionAccepted(BaseModel):
    id: int
    status: CommentStatus
    receipt: str = Field(description="Shown to the author once: it lets them follow their comment.")


class PageQuery(BaseModel):
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


class ReceiptQuery(BaseModel):
    receipt: str = Field(min_length=1, max_length=100, description="The receipt returned on submission.")


class AuthorCommentOut(BaseModel):
    id: int
    article_key: str
    status: CommentStatus
    body: str
    submitted_at: datetime
    status_changed_at: datetime


class ArticleIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: str = Field(min_length=1, max_length=500)
    url: AnyHttpUrl | None = Field(None, max_length=2000)
    text: str = Field("", max_length=200_000, description="Used to judge whether comments are on topic.")
    comments_open: bool = True

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
