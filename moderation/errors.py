"""Domain errors: each names a rule of the service that a request broke."""

from __future__ import annotations


class ModerationError(Exception):
    """A request the domain refuses; the HTTP adapter maps each kind to a status code."""

    title = "Request refused"

    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail


class NotFound(ModerationError):
    title = "Not found"


class Conflict(ModerationError):
    """The request is well-formed but the resource's state forbids it now (HTTP 409)."""

    title = "Conflict"


class Unprocessable(ModerationError):
    """The request is well-formed but asks for something the rules do not allow (HTTP 422)."""

    title = "Request not allowed"


class ArticleNotFound(NotFound):
    title = "Unknown article"


class CommentNotFound(NotFound):
    title = "Unknown comment"


class ArticleClosed(ModerationError):
    title = "Comments are closed"


class InvalidParent(ModerationError):
    title = "Invalid parent comment"


class InvalidCursor(ModerationError):
    title = "Invalid cursor"


class IdempotencyKeyReused(ModerationError):
    title = "Idempotency-Key reused"


class ImmutableContentError(ModerationError):
    """A comment's text, author and article are fixed at submission: moderators decide, never edit."""

    title = "Comment content is immutable"
