"""The moderators' web page (server-rendered, keyboard-first) and the site's comment widget with its demo.

Pages log in with the users of `moderation users add --password-stdin`; the page's own requests to the
JSON API carry the session and a CSRF token. Every piece of user text is escaped by Jinja, shown with
`dir="auto"`, and no page runs a script that is not a file served from here (a strict CSP).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from datetime import timedelta
from typing import Any

from flask import Blueprint, Response, abort, current_app, redirect, render_template, request, session, url_for
from flask_wtf.csrf import generate_csrf, validate_csrf
from itsdangerous import BadSignature, URLSafeTimedSerializer
from werkzeug.exceptions import BadRequest
from wtforms.validators import ValidationError

from api.auth import session_principal, start_session
from api.runtime import runtime
from moderation import accounts, audit, review, stats
from moderation.checks.pipeline import NAME_PREFIX
from moderation.guidelines import GUIDELINES, NOTE_CODES, SEVERITY, Code
from moderation.models import Role

log = logging.getLogger(__name__)

web = Blueprint("web", __name__, template_folder="templates", static_folder="static", static_url_path="/static")

MODERATOR_ROLES = (Role.moderator, Role.admin)
REASON_CODES = sorted((c for c in Code if c not in NOTE_CODES), key=lambda c: (SEVERITY[c], c.value))
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)


@web.after_request
def _strict_policy(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    return response


def _principal() -> accounts.Principal | None:
    principal = session_principal()
    if principal is None and session.get("principal"):
        session.clear()  # the session ended (logout, new password, lifetime, user disabled): the browser's copy too
    return principal


def _require(*roles: Role) -> accounts.Principal:
    principal = _principal()
    if principal is None:
        abort(redirect(url_for("web.login", next=request.full_path)))
    if principal.role not in roles:
        abort(403, description=f"the {principal.role.value} role may not open this page")
    return principal


def _check_form_token() -> None:
    try:
        validate_csrf(request.form.get("csrf_token"))
    except ValidationError:
        raise BadRequest("the form expired; reload the page and try again") from None


@web.get("/moderate/login")
def login() -> str:
    return render_template("login.html", error=None, next=request.args.get("next", ""))


# A browser that logged in as a user carries this signed cookie: its failed logins as that user are counted apart
# from everyone else's (api/limits.py, LoginThrottle), so strangers guessing a name cannot lock its owner out.
DEVICE_COOKIE = "moderation_device"
DEVICE_LIFETIME = timedelta(days=180)


def _device_signer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt="moderation-login-device")


def _password_mark(name: str) -> str | None:
    """A keyed digest of the user's password hash: a device is bound to the password it logged in with, so a new
    password (say, after a leak) ends every device's own count. None for no such active user."""
    stored = accounts.password_hash_of(runtime().sessions, name)
    if not stored:
        return None
    return hmac.new(current_app.secret_key.encode(), stored.encode(), hashlib.sha256).hexdigest()[:32]


def _known_device(name: str, mark: str | None) -> str | None:
    """This browser's device id when its cookie was issued at a login as `name` with the user's current password:
    only then do its failures count apart from the name's. Unsigned, expired, another name's or from before a new
    password, it is a stranger's browser (None)."""
    token = request.cookies.get(DEVICE_COOKIE)
    if not token:
        return None
    try:
        issued = _device_signer().loads(token, max_age=DEVICE_LIFETIME.total_seconds())
    except BadSignature:
        return None
    if not isinstance(issued, dict) or issued.get("name") != name.casefold()[:64]:
        return None
    device = issued.get("device")
    if not isinstance(device, str) or not device or mark is None:
        return None
    return device if hmac.compare_digest(str(issued.get("mark")), mark) else None


@web.post("/moderate/login")
def login_submit() -> Any:
    _check_form_token()
    rt = runtime()
    name, address = request.form.get("name", "").strip(), request.remote_addr or "-"
    mark = _password_mark(name)  # read once: it both admits a device and is written into the next one
    device = _known_device(name, mark)
    target = request.form.get("next", "")
    wait = rt.login_throttle.attempt(name, address, device)
    if wait is not None:  # the password is not even checked: guessing gets no answer until the window ends
        log.warning("web login as %r from %s refused: too many failed logins (%d s to wait)", name[:64], address, wait)
        page = render_template("login.html", error=f"Too many failed logins: try again in {wait} seconds.", next=target)
        return page, 429, {"Retry-After": str(wait)}
    login = accounts.authenticate_password(rt.sessions, name, request.form.get("password", ""))
    if login is None:
        log.warning("failed web login as %r from %s", name[:64], address)
        return render_template("login.html", error="Wrong name or password.", next=target), 401
    rt.login_throttle.succeeded(name, address, device)
    start_session(login)
    principal = login.principal
    home = "web.audit_page" if principal.role is Role.auditor else "web.queue_page"
    response = redirect(target if target.startswith("/moderate") else url_for(home))
    issued = _device_signer().dumps({"name": name.casefold()[:64], "device": device or secrets.token_urlsafe(16),
                                     "mark": mark})
    response.set_cookie(DEVICE_COOKIE, issued, max_age=int(DEVICE_LIFETIME.total_seconds()), path="/moderate/login",
                        secure=current_app.config["SESSION_COOKIE_SECURE"], httponly=True, samesite="Strict")
    return response


@web.post("/moderate/logout")
def logout() -> Any:
    _check_form_token()
    principal = session_principal()
    if principal is not None:  # an ended session has nothing to end, and must not end the user's newer ones
        accounts.end_sessions(runtime().sessions, principal.user_id)
    session.clear()
    return redirect(url_for("web.login"))


def highlight(body: str, findings: list[Any]) -> list[tuple[str, str | None, str | None]]:
    """The body cut into (text, code, rule) pieces: evidence spans carry their code, the rest None."""
    marks: dict[int, tuple[int, str, str]] = {}
    for finding in findings:
        if not finding.flagged or finding.checker.startswith(NAME_PREFIX + "."):  # spans of the name, not the body
            continue
        if Code(finding.code) in NOTE_CODES:  # a note spans the whole text: it would hide the words that matter
            continue
        for evidence in finding.evidence:
            start, end = int(evidence.get("start", 0)), int(evidence.get("end", 0))
            if 0 <= start < end <= len(body) and (start not in marks or marks[start][0] < end):
                marks[start] = (end, finding.code, evidence.get("rule", ""))
    pieces: list[tuple[str, str | None, str | None]] = []
    position = 0
    for start in sorted(marks):
        end, code, rule = marks[start]
        if start < position:
            continue  # overlaps a span already marked
        if start > position:
            pieces.append((body[position:start], None, None))
        pieces.append((body[start:end], code, rule))
        position = end
    if position < len(body):
        pieces.append((body[position:], None, None))
    return pieces


@web.get("/moderate")
def queue_page() -> str:
    principal = _require(*MODERATOR_ROLES)
    rt = runtime()
    status = request.args.get("status", review.QueueStatus.needs_review.value)
    category = request.args.get("category") or None
    try:
        wanted = review.QueueFilter(review.QueueStatus(status), category, request.args.get("article") or None,
                                    review.QueueSort(request.args.get("sort", "risk")))
    except ValueError:
        abort(400, description="unknown status or sort")
    page = review.queue(rt.sessions, principal, wanted, 100, request.args.get("cursor") or None,
                        timedelta(seconds=rt.settings.pending_max_age))
    details = review.contexts(rt.sessions, [item.id for item in page.items])
    return render_template(
        "queue.html", principal=principal, page=page, details=details, wanted=wanted, highlight=highlight,
        reasons=REASON_CODES, guidelines=GUIDELINES, statuses=list(review.QueueStatus),
    )


@web.get("/moderate/comments/<int:comment_id>")
def comment_page(comment_id: int) -> str:
    principal = _require(Role.moderator, Role.admin, Role.auditor)
    found = review.detail(runtime().sessions, comment_id)
    return render_template("comment.html", principal=principal, found=found, highlight=highlight,
                           guidelines=GUIDELINES, reasons=REASON_CODES)


@web.get("/moderate/audit")
def audit_page() -> str:
    principal = _require(Role.auditor, Role.admin)
    from api.audit_routes import _filtered
    from api.schemas import AuditQuery

    try:
        query = AuditQuery.model_validate({k: v for k, v in request.args.items() if v and k != "verify"})
    except ValueError:
        abort(400, description="a filter is not valid")
    with runtime().sessions.reading() as db:
        events = db.exec(_filtered(query).limit(query.limit)).all()
    verification = audit.verify_record(runtime().sessions) if request.args.get("verify") else None
    return render_template("audit.html", principal=principal, events=events, query=query, verification=verification)


@web.get("/moderate/stats")
def stats_page() -> str:
    principal = _require(Role.moderator, Role.admin, Role.auditor)
    numbers = stats.moderation_stats(runtime().sessions)
    return render_template(
        "stats.html", principal=principal, stats=numbers,
        waiting=sorted((code, n) for code, n in numbers["queue"].items() if code != "total"),
        per_moderator=sorted((who, sum(actions.values())) for who, actions in numbers["decisions_per_moderator"].items()),
        override_rates=sorted((code, round(o["override_rate"] * 100, 1)) for code, o in numbers["overrides"].items()),
    )


@web.get("/demo")
def demo() -> str:
    """An article page as a newsroom's site would have it, with the widget embedded."""
    return render_template("demo.html", article_key=request.args.get("article", "demo-article"))


@web.app_context_processor
def _csrf_token() -> dict[str, Any]:
    return {"csrf_token": generate_csrf}
