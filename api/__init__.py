"""The HTTP API: `gunicorn "api:create_app()"` in production, `moderation serve` on the embedded default."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from flask import Flask, Response, render_template_string, request
from flask.json.provider import DefaultJSONProvider
from flask.sessions import SecureCookieSessionInterface
from flask_cors import CORS
from flask_openapi3 import Info, OpenAPI
from flask_wtf.csrf import CSRFProtect
from flask_openapi3_swagger.templates import swagger_html_string
from werkzeug.middleware.proxy_fix import ProxyFix

from api.limits import LoginThrottle, install_rate_limits, storage_url
from api.problems import Problem, install_error_handlers, validation_problem
from api.runtime import CheckQueue, Runtime
from moderation import __version__
from moderation.db import SessionFactory, make_engine
from moderation.observability import log_with_times
from moderation.settings import Environment, Settings, load_settings
from workers.celery_app import create_celery

log = logging.getLogger(__name__)


class BoundedJSONProvider(DefaultJSONProvider):
    """JSON nested too deep for the parser (thousands of brackets) is invalid JSON, a 400 like any other, not a
    RecursionError that answers 500 and writes a traceback to the log per request."""

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        try:
            return super().loads(s, **kwargs)
        except RecursionError:
            raise ValueError("JSON nested too deeply") from None


class CookieSessions(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, without building the signing serializer (an HMAC key derivation's
    objects, 40 µs) for a request that carries no session cookie, as no reader's submission does; the session
    it opens and what it writes back are Flask's own."""

    def open_session(self, app: Flask, request: Any) -> Any:
        if app.secret_key and not request.cookies.get(self.get_cookie_name(app)):
            return self.session_class()
        return super().open_session(app, request)

    def save_session(self, app: Flask, session: Any, response: Response) -> None:
        if not session and not session.modified:  # nothing to write or delete: Flask would only vary by Cookie
            if session.accessed:
                response.vary.add("Cookie")
            return
        super().save_session(app, session, response)


def create_app(settings: Settings | None = None) -> Flask:
    settings = settings or load_settings()
    log_with_times()
    app = OpenAPI(
        __name__,
        info=Info(
            title="Comment moderation",
            version=__version__,
            description="Readers' comments checked against the newsroom's guidelines and decided by people.",
        ),
        security_schemes={"bearer": {"type": "http", "scheme": "bearer"}},
        validation_error_status=422,
        validation_error_model=Problem,
        validation_error_callback=validation_problem,
        doc_prefix="",
        doc_url="/openapi.json",
    )
    app.config.update(
        SECRET_KEY=settings.secret_key.get_secret_value(),
        MAX_CONTENT_LENGTH=settings.max_request_bytes,
        JSON_SORT_KEYS=False,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.env is Environment.production,
        PERMANENT_SESSION_LIFETIME=timedelta(hours=12),  # from login, however often used (api.auth.session_principal)
        SESSION_REFRESH_EACH_REQUEST=False,  # the cookie's own expiry stays near login's, not pushed on by each use
        WTF_CSRF_CHECK_DEFAULT=False,  # checked where a session may change state: the login form, the API hook
        WTF_CSRF_TIME_LIMIT=None,  # valid for the session's life
    )
    app.session_interface = CookieSessions()
    CSRFProtect(app)
    app.json = BoundedJSONProvider(app)
    # "/v1//articles" and an encoded slash in a key ("budget%2F") would be answered with a redirect to another
    # path (an HTML body, a comment re-posted to a rewritten key); they are not routes: a 404 problem instead.
    app.url_map.merge_slashes = False
    if settings.trusted_proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=settings.trusted_proxies, x_proto=settings.trusted_proxies)

    app.extensions["moderation"] = Runtime(
        settings=settings,
        sessions=SessionFactory(make_engine(settings.sqlalchemy_url)),
        checks=CheckQueue(create_celery(settings), settings.check_batch_wait, settings.check_batch_size),
        login_throttle=LoginThrottle(storage_url(settings)),
    )
    _register_routes(app)
    install_rate_limits(app, settings)
    install_error_handlers(app)
    app.after_request(_security_headers(settings))
    _complete_spec(app)
    if settings.allowed_origins:
        CORS(
            app,
            resources={r"/v1/articles/[^/]+/comments": {}, r"/v1/comments/\d+": {}},
            origins=settings.allowed_origins,
            allow_headers=["Content-Type", "Idempotency-Key"],
            # A widget on the newsroom's pages must read when to try again (429, 503) and whether an answer
            # was a replay of an earlier submission.
            expose_headers=["Location", "Retry-After", "Idempotent-Replayed"],
            methods=["GET", "POST"],
            max_age=3600,
        )
        app.after_request(_vary_by_origin)
    return app


def _vary_by_origin(response: Response) -> Response:
    """Whether a response carries CORS headers depends on the request's Origin, even when one origin is allowed
    (flask-cors then says Vary only if several are): a cache in front must keep the variants apart."""
    if "Origin" not in response.vary:
        response.vary.add("Origin")
    return response


def _register_routes(app: OpenAPI) -> None:
    from api.articles import articles
    from api.audit_routes import records
    from api.moderation import moderation
    from api.ops import ops
    from api.public import public

    for blueprint in (public, articles, moderation, records, ops):
        app.register_api(blueprint)
    from api.web import web

    app.register_blueprint(web)
    app.components_schemas["Problem"] = Problem.model_json_schema(ref_template="#/components/schemas/{model}")

    @app.get("/docs", doc_ui=False)
    def docs() -> str:
        """Interactive API documentation, served from the package (no CDN)."""
        return render_template_string(swagger_html_string, doc_url="openapi.json", swagger_config=None,
                                      oauth_config=None)


API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"
PRIVATE_PREFIXES = ("/v1/moderation", "/v1/audit", "/v1/comments", "/moderate")


def _security_headers(settings: Settings):  # type: ignore[no-untyped-def]
    """Headers every response carries; pages set their own (stricter) script policy first."""
    everywhere = [("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"),
                  ("X-Frame-Options", "DENY"), ("Cross-Origin-Opener-Policy", "same-origin")]
    hsts = [("Strict-Transport-Security", "max-age=31536000; includeSubDomains")]
    api_page = everywhere + [("Content-Security-Policy", API_CONTENT_SECURITY_POLICY)]
    private_api_page = api_page + [("Cache-Control", "no-store")]
    private_page = everywhere + [("Cache-Control", "no-store")]
    if settings.env is Environment.production:
        everywhere, api_page, private_api_page, private_page = (
            wanted + hsts for wanted in (everywhere, api_page, private_api_page, private_page))

    def add(response: Response) -> Response:
        # As `headers.setdefault` for each, in this order, without a search of the list (and an exception raised
        # and caught inside werkzeug) per header that is not there yet.
        path = request.path
        api = path not in ("/docs", "/swagger") and not path.startswith(("/swagger/", "/static/"))
        if path.startswith(PRIVATE_PREFIXES):
            wanted = private_api_page if api else private_page
        else:
            wanted = api_page if api else everywhere
        headers = response.headers
        present = {name.lower() for name, _value in headers.items()}
        for name, value in wanted:
            if name.lower() not in present:
                headers.add(name, value)
        return response

    return add


def _complete_spec(app: OpenAPI) -> None:
    """Errors every operation of a kind can give, stated once here instead of on each route."""
    from api.problems import problem_responses

    spec = app.api_doc
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            extra = []
            if "{" in path:
                extra.append(404)  # a path that does not parse (an id that is not a number) has no route
            if "requestBody" in operation:
                extra += [400, 413, 415]
            if path.startswith("/v1/"):
                extra.append(503)
            if path == "/v1/articles/{article_key}/comments" and method == "post":
                extra.append(429)
            responses = operation.setdefault("responses", {})
            for status, response in problem_responses(*extra).items():
                responses.setdefault(str(status), response)
