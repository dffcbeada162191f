"""Request bodies: JSON or nothing, checked before validation so the errors say what is wrong."""

from __future__ import annotations

from flask import request
from werkzeug.exceptions import BadRequest, UnsupportedMediaType

JSON_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


def require_json_body() -> None:
    """415 for a body that is not JSON, 400 for JSON that does not parse; a route's own hooks (such as
    authentication) are registered before this one, so they answer first."""
    if request.method not in JSON_BODY_METHODS or request.url_rule is None:
        return
    # The environ's value is what `request.headers.get("Transfer-Encoding", "")` returns, read without the lookup.
    has_body = (request.content_length or 0) > 0 or "chunked" in request.environ.get("HTTP_TRANSFER_ENCODING", "")
    if not has_body and not request.mimetype:
        return  # no body at all: the route's validation says whether it needed one
    if not request.is_json:
        raise UnsupportedMediaType(f"send the body as application/json, not {request.mimetype or 'nothing'}")
    try:
        request.get_json()
    except BadRequest as error:
        raise BadRequest("the body is not valid JSON in UTF-8") from error
