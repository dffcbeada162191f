"""RFC 9457 problem details: every error the API gives is `application/problem+json` with a useful detail."""

from __future__ import annotations

import logging
import re
from http import HTTPStatus
from typing import Any

from flask import Flask, Response, current_app, json, request
from pydantic import BaseModel, Field, ValidationError
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException, MethodNotAllowed, RequestEntityTooLarge

from moderation import errors

log = logging.getLogger(__name__)

PROBLEM_MEDIA_TYPE = "application/problem+json"

DOMAIN_STATUS: dict[type[errors.ModerationError], int] = {
    errors.NotFound: 404,
    errors.Conflict: 409,
    errors.Unprocessable: 422,
    errors.ArticleClosed: 409,
    errors.ImmutableContentError: 409,
    errors.InvalidParent: 422,
    errors.IdempotencyKeyReused: 422,
    errors.InvalidCursor: 400,
}


class FieldError(BaseModel):
    field: str = Field(description="Where the bad value is, e.g. `body.author_email`.")
    message: str
    type: str


class Problem(BaseModel):
    """An error, as RFC 9457 describes it."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    code: str = Field(description=(
        "The kind of refusal as a stable name, for a page to branch on (`article_closed`, `repeated_comment`, "
        "`invalid_parent`, `idempotency_key_reused`, `invalid_request`, `rate_limited`, ...); title and detail "
        "are for people and may change."))
    instance: str | None = None
    errors: list[FieldError] | None = Field(None, description="Each invalid value, for 422.")
    checks: dict[str, str] | None = Field(None, description="Each dependency's state, for /readyz.")


def problem(status: int, detail: str, title: str | None = None, headers: dict[str, str] | None = None,
            code: str | None = None, **extensions: Any) -> Response:
    """`code` defaults to the status's name (`not_found`, `too_many_requests`)."""
    body = Problem(
        title=title or HTTPStatus(status).phrase, status=status, detail=detail, instance=request.path,
        code=code or _snake(HTTPStatus(status).phrase), **extensions
    ).model_dump(exclude_none=True)
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_MEDIA_TYPE)
    response.headers.update(headers or {})
    return response


def validation_problem(error: ValidationError) -> Response:
    """422 for values that parse but break a rule; the offending input is never echoed back."""
    details = [
        FieldError(field=".".join(str(p) for p in e["loc"]) or "body", message=e["msg"], type=e["type"])
        for e in error.errors(include_url=False, include_input=False, include_context=False)
    ]
    summary = "; ".join(f"{d.field}: {d.message}" for d in details[:5])
    return problem(422, f"the request is not valid: {summary}", "Invalid request", code="invalid_request",
                   errors=details)


def _snake(words: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", words.lower()).strip("_")


def domain_code(error: errors.ModerationError) -> str:
    """The error's class as a stable name: ArticleClosed -> article_closed."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", type(error).__name__).lower()


def _status_for(error: errors.ModerationError) -> int:
    for kind in type(error).__mro__:
        if kind in DOMAIN_STATUS:
            return DOMAIN_STATUS[kind]
    return 400


def install_error_handlers(app: Flask) -> None:
    @app.errorhandler(errors.ModerationError)
    def _domain(error: errors.ModerationError) -> Response:
        return problem(_status_for(error), error.detail, error.title, code=domain_code(error))

    @app.errorhandler(HTTPException)
    def _http(error: HTTPException) -> Response:
        if error.response is not None and error.response.mimetype == PROBLEM_MEDIA_TYPE:
            return error.response
        status = error.code or 500
        if isinstance(error, MethodNotAllowed):
            return _method_not_allowed(error)
        headers = {k: v for k, v in error.get_headers() if k.lower() in {"allow", "retry-after"}}
        if status == 401:
            headers["WWW-Authenticate"] = "Bearer"
        detail = error.description or HTTPStatus(status).phrase
        if isinstance(error, RequestEntityTooLarge):  # Werkzeug's text does not say what the limit is
            detail = (f"the request body is over this service's limit of {current_app.config['MAX_CONTENT_LENGTH']:,} "
                      "bytes (MODERATION_MAX_REQUEST_BYTES): shorten the comment")
        return problem(status, detail, error.name, headers)

    def _method_not_allowed(error: MethodNotAllowed) -> Response:
        allowed = ", ".join(error.valid_methods or [])
        detail = f"{request.method} is not allowed here (allowed: {allowed})"
        if request.path.startswith("/v1/comments/") and request.method in ("PUT", "PATCH", "DELETE"):
            detail += "; comments are never edited or deleted: a moderator approves or rejects them"
        return problem(405, detail, "Method not allowed", {"Allow": allowed})

    @app.errorhandler(OperationalError)
    def _database_down(error: OperationalError) -> Response:
        log.error("database unavailable: %s", error.orig)
        stored = "" if request.method in ("GET", "HEAD", "OPTIONS") else "; nothing was stored"
        return problem(503, f"the database is unavailable{stored}, please retry", headers={"Retry-After": "5"},
                       code="database_unavailable")

    @app.errorhandler(Exception)
    def _unexpected(error: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.path)
        return problem(500, "an unexpected error occurred; it has been logged")


def problem_responses(*statuses: int) -> dict[int, dict[str, Any]]:
    """OpenAPI response entries for the given error statuses, all of the Problem schema."""
    return {
        status: {
            "description": HTTPStatus(status).phrase,
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for status in statuses
    }
