"""Who is calling: a bearer token (API) or a login session (the web page), and what their role allows.

Every moderation and audit route declares the roles it admits with `@allow(...)`; a blueprint's
before-request hook enforces it before the body is even read, so strangers learn nothing of the API.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from flask import g, request, session
from flask_wtf.csrf import validate_csrf
from wtforms.validators import ValidationError
from werkzeug.exceptions import Forbidden, Unauthorized

from api.runtime import runtime
from moderation import accounts
from moderation.models import Role

View = TypeVar("View", bound=Callable[..., Any])
BEARER = [{"bearer": []}]


def allow(*roles: Role) -> Callable[[View], View]:
    def mark(view: View) -> View:
        view.allowed_roles = frozenset(roles)  # type: ignore[attr-defined]
        return view

    return mark


def current_principal() -> accounts.Principal:
    return g.principal


def _from_request() -> accounts.Principal | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return accounts.authenticate_token(runtime().sessions, token.strip())
    user = session.get("principal")
    if not user:
        return None
    if request.method not in ("GET", "HEAD", "OPTIONS"):
        try:  # the web page's own requests: a logged-in session changes state only with its CSRF token
            validate_csrf(request.headers.get("X-CSRFToken"))
        except ValidationError:
            raise Forbidden("missing or stale CSRF token: reload the page") from None
    return accounts.session_principal(runtime().sessions, int(user["user_id"]))


def require_allowed_role() -> None:
    """The blueprint hook: 401 without valid credentials, 403 when the role is not admitted."""
    from flask import current_app

    view = current_app.view_functions.get(request.endpoint or "")
    allowed = getattr(view, "allowed_roles", None)
    if allowed is None:
        raise Forbidden("this route admits no role")  # fail closed when a route forgot to say
    principal = _from_request()
    if principal is None:
        raise Unauthorized("send Authorization: Bearer <token> (`moderation users add` prints one)")
    if principal.role not in allowed:
        names = ", ".join(sorted(role.value for role in allowed))
        raise Forbidden(f"the {principal.role.value} role may not do this (allowed: {names})")
    g.principal = principal
