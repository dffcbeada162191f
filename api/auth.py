"""Who is calling: a bearer token (API) or a login session (the web page), and what their role allows.

Every moderation and audit route declares the roles it admits with `@allow(...)`; a blueprint's
before-request hook enforces it before the body is even read, so strangers learn nothing of the API.

The login session is a signed cookie, which the server cannot take back from whoever copied it: so every
request checks it against the server (`session_principal`), and the web pages and the JSON API alike refuse one
that ended.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

from flask import current_app, g, request, session
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
    if not session.get("principal"):
        return None
    if request.method not in ("GET", "HEAD", "OPTIONS"):
        try:  # the web page's own requests: a logged-in session changes state only with its CSRF token
            validate_csrf(request.headers.get("X-CSRFToken"))
        except ValidationError:
            raise Forbidden("missing or stale CSRF token: reload the page") from None
    return session_principal()


def start_session(login: accounts.Login) -> None:
    """A fresh session (nothing carried over from before the login), stamped with when it began and the user's
    session generation, the two things that can end it."""
    session.clear()
    session.permanent = True
    principal = login.principal
    session["principal"] = {"user_id": principal.user_id, "name": principal.name, "role": principal.role.value,
                            "generation": login.session_generation, "logged_in_at": int(time.time())}


def session_principal() -> accounts.Principal | None:
    """The user behind the login session, or None once it ended: logged out (on any device), password changed,
    user disabled, or begun longer than PERMANENT_SESSION_LIFETIME ago. The lifetime runs from the login, not
    from the cookie's signature, which is renewed whenever the session changes."""
    user = session.get("principal")
    if not user:
        return None
    logged_in_at, generation = user.get("logged_in_at"), user.get("generation")
    if not isinstance(logged_in_at, int) or not isinstance(generation, int):
        return None  # a cookie from before sessions could be ended: log in again
    if time.time() - logged_in_at >= current_app.permanent_session_lifetime.total_seconds():
        return None
    return accounts.session_principal(runtime().sessions, int(user["user_id"]), generation)


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
