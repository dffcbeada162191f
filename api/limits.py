"""Rate limits on submissions, per client address and per e-mail (flask-limiter).

Counters live in Redis when the broker is Redis, so every API replica shares them, and in memory on the
embedded default. If Redis is down the limiter steps aside: an accepted comment matters more than a limit.
"""

from __future__ import annotations

import time

from flask import Flask, Response, request
from flask_limiter import Limiter, RateLimitExceeded
from flask_limiter.util import get_remote_address

from api.problems import problem
from moderation.settings import Settings

SUBMIT_ENDPOINT = "public.submit_comment"


def _author_email() -> str:
    body = request.get_json(silent=True)
    email = body.get("author_email") if isinstance(body, dict) else None
    return f"email:{str(email).strip().casefold()}" if email else "email:-"


def install_rate_limits(app: Flask, settings: Settings) -> Limiter:
    storage = settings.broker_url if settings.broker_url.startswith(("redis://", "rediss://")) else "memory://"
    limiter = Limiter(
        # No X-RateLimit-* headers on every answer (each costs storage round trips); a 429 says Retry-After.
        key_func=get_remote_address, app=app, storage_uri=storage, headers_enabled=False, strategy="fixed-window",
        swallow_errors=True, in_memory_fallback_enabled=True, key_prefix="moderation",
    )
    view = app.view_functions[SUBMIT_ENDPOINT]
    limited = limiter.limit(settings.submit_rate_limit, key_func=get_remote_address, methods=["POST"],
                            error_message="too many comments from this address; wait and try again")(view)
    limited = limiter.limit(settings.submit_rate_limit, key_func=_author_email, methods=["POST"],
                            error_message="too many comments from this e-mail address; wait and try again")(limited)
    app.view_functions[SUBMIT_ENDPOINT] = limited

    @app.errorhandler(RateLimitExceeded)
    def _too_many(error: RateLimitExceeded) -> Response:
        current = limiter.current_limit
        wait = max(1, int(current.reset_at - time.time())) if current else 60
        return problem(429, error.description or "too many requests", "Too many requests",
                       headers={"Retry-After": str(wait)})

    return limiter
