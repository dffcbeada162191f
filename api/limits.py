"""Rate limits on submissions, per client address and per e-mail, and on failed web logins, per user name and per
client address (the `limits` package, fixed windows).

`MODERATION_SUBMIT_RATE_LIMIT` is parsed by `limits` (the notation flask-limiter uses, e.g. `30/minute;300/hour`),
and every limit applies to the client address and to the e-mail address. Counters live in Redis when the broker
is Redis, so every API replica shares them, and in memory on the embedded default. On Redis every counter of a
submission is counted in one round trip (one Lua script over all of them) instead of one per counter and key.

If Redis is down the limiter steps aside: an accepted comment matters more than a limit. The process then counts
in memory, as on the embedded default, and tries Redis again a little later. Failed logins are counted the same way.
"""

from __future__ import annotations

import logging
import math
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import Flask, Response, request
from limits import RateLimitItem, parse_many
from limits.storage import MemoryStorage, RedisStorage
from limits.strategies import FixedWindowRateLimiter
from pydantic.networks import validate_email

from api.problems import problem
from moderation.settings import Settings

log = logging.getLogger(__name__)

SUBMIT_ENDPOINT = "public.submit_comment"
KEY_PREFIX = "moderation"
REDIS_TIMEOUT = 1.0  # seconds; a limit check must never hold a submission for long
RETRY_REDIS_AFTER = 5.0  # seconds of in-memory counting after Redis failed, before it is tried again

# Counts one submission against each counter in order, as limits' fixed window does (a counter expires one
# window after its first hit). Stops at the first counter over its limit, like flask-limiter's first breach, so
# a submission refused for its address does not also use up the e-mail's allowance. Returns {0, 0} when none
# is over, else {the counter's position from 1, seconds until every full counter's window ends}: with
# "2/second;3/minute" spent, the second's counter breaks first, but only the minute's end lets a comment in.
# KEYS: the counters; ARGV: each counter's limit and window in seconds, in pairs.
HIT_IN_ORDER = """
local function seconds_left(key, window)
    local ttl = redis.call("TTL", key)
    if ttl < 0 then
        redis.call("EXPIRE", key, window)
        ttl = window
    end
    return ttl
end
for i, key in ipairs(KEYS) do
    local count = redis.call("INCR", key)
    local window = tonumber(ARGV[2 * i])
    if count == 1 then
        redis.call("EXPIRE", key, window)
    end
    if count > tonumber(ARGV[2 * i - 1]) then
        local wait = seconds_left(key, window)
        for j, other in ipairs(KEYS) do
            if j ~= i and tonumber(redis.call("GET", other) or "0") >= tonumber(ARGV[2 * j - 1]) then
                wait = math.max(wait, seconds_left(other, tonumber(ARGV[2 * j])))
            end
        end
        return {i, wait}
    end
end
return {0, 0}
"""


class FixedWindowsOnRedis(RedisStorage):
    """limits' Redis storage with one more operation: hit several fixed-window counters in one round trip."""

    def initialize_storage(self, uri: str) -> None:
        super().initialize_storage(uri)
        self.lua_hit_in_order = self.get_connection().register_script(HIT_IN_ORDER)

    def hit_in_order(self, counters: list[tuple[RateLimitItem, str]]) -> tuple[int, int]:
        """(position of the first counter over its limit from 1, or 0; seconds until its window ends)."""
        arguments: list[int] = []
        for item, _key in counters:
            arguments += [item.amount, item.get_expiry()]
        position, ttl = self.lua_hit_in_order([self.prefixed_key(key) for _item, key in counters], arguments)
        return int(position), int(ttl)


@dataclass(frozen=True)
class Refusal:
    kind: str  # "address" or "email"
    retry_after: int


class _RedisOrMemory:
    """Counters in Redis when the broker is Redis, so every replica shares them; in this process otherwise, and for
    a while after Redis failed."""

    def __init__(self, storage_url: str | None):
        self._memory = FixedWindowRateLimiter(MemoryStorage())
        self._redis = (FixedWindowsOnRedis(storage_url, key_prefix=KEY_PREFIX, socket_timeout=REDIS_TIMEOUT,
                                           socket_connect_timeout=REDIS_TIMEOUT) if storage_url else None)
        self._redis_retry_at = 0.0

    def _redis_usable(self) -> bool:
        return self._redis is not None and time.monotonic() >= self._redis_retry_at

    def _redis_failed(self, error: Exception) -> None:
        self._redis_retry_at = time.monotonic() + RETRY_REDIS_AFTER
        log.warning("rate-limit counters in Redis unavailable (%s); counting in this process for %.0f s",
                    error, RETRY_REDIS_AFTER)


class SubmissionLimits(_RedisOrMemory):
    """The limits of `setting` on a client address and on an e-mail address, hit together per submission."""

    def __init__(self, setting: str, storage_url: str | None = None):
        super().__init__(storage_url)
        self.items = parse_many(setting)

    def hit(self, address: str, email: str) -> Refusal | None:
        counters = [(item, item.key_for("submit", kind, value), kind)
                    for kind, value in (("address", address), ("email", email)) for item in self.items]
        if self._redis is not None and self._redis_usable():
            try:
                position, ttl = self._redis.hit_in_order([(item, key) for item, key, _kind in counters])
            except Exception as error:  # Redis down or slow: count in memory for a while
                self._redis_failed(error)
            else:
                return Refusal(counters[position - 1][2], max(1, ttl)) if position else None
        for item, key, kind in counters:
            if not self._memory.hit(item, key):
                full = [stats.reset_time for stats in (self._memory.get_window_stats(i, k) for i, k, _ in counters)
                        if stats.remaining == 0]
                return Refusal(kind, max(1, int(max(full) - time.time())))
        return None


# Failed web logins allowed per user name (password guessing against one account) and per client address
# (guessing across accounts); an address is looser, as a newsroom's moderators may share one. A browser the user
# has logged in from before (its device cookie, api/web.py) has a count of its own and skips both.
LOGIN_FAILURES = {"name": "5/minute;20/hour", "address": "20/minute;100/hour", "device": "5/minute;20/hour"}


class LoginThrottle(_RedisOrMemory):
    """Failed web logins per user name and per client address, or per known device. Only failures are counted
    (flask-limiter's `deduct_when`), so a moderator who types the password right is never held back by their
    own logins.

    Anyone can spend a name's failures, which would lock its moderator out (OWASP's device cookies): a browser
    that logged in as that name before presents its device and is counted on that device alone, so guessing
    from elsewhere locks out only the guessers."""

    def __init__(self, storage_url: str | None = None, failures: dict[str, str] | None = None):
        super().__init__(storage_url)
        self.items = {kind: parse_many(setting) for kind, setting in {**LOGIN_FAILURES, **(failures or {})}.items()}
        self._on_redis = FixedWindowRateLimiter(self._redis) if self._redis is not None else None

    def retry_after(self, name: str, address: str, device: str | None = None) -> int | None:
        """Seconds until a login as `name` from `address` (or `device`) may be tried, or None when it may be now."""

        def wait(limiter: FixedWindowRateLimiter) -> int | None:
            stats = [limiter.get_window_stats(item, *key) for item, key in self._counters(name, address, device)]
            ends = [s.reset_time for s in stats if s.remaining == 0]
            return max(1, math.ceil(max(ends) - time.time())) if ends else None

        return self._counting(wait)

    def attempt(self, name: str, address: str, device: str | None = None) -> int | None:
        """Counts a login before its password is checked, and says how long to wait when a limit is spent.

        Counted first: attempts sent together would all pass a check made before any of them was counted."""

        def hit(limiter: FixedWindowRateLimiter) -> bool:
            return not all([limiter.hit(item, *key) for item, key in self._counters(name, address, device)])

        return (self.retry_after(name, address, device) or 1) if self._counting(hit) else None

    def succeeded(self, name: str, address: str, device: str | None = None) -> None:
        """Gives the attempt back: only failures count, so a right password never holds its owner back."""
        counters = self._counters(name, address, device)
        self._counting(lambda limiter: [limiter.hit(item, *key, cost=-1) for item, key in counters])

    def failed(self, name: str, address: str, device: str | None = None) -> None:
        """A failure counted on its own (tests, and whatever checks a password outside the login form)."""
        counters = self._counters(name, address, device)
        self._counting(lambda limiter: [limiter.hit(item, *key) for item, key in counters])

    def _counters(self, name: str, address: str, device: str | None) -> list[tuple[RateLimitItem, tuple[str, ...]]]:
        keys = {"device": device} if device else {"name": name.casefold()[:64], "address": address}  # names: <= 64
        return [(item, ("login", kind, key)) for kind, key in keys.items() for item in self.items[kind]]

    def _counting(self, operation: Callable[[FixedWindowRateLimiter], Any]) -> Any:
        if self._on_redis is not None and self._redis_usable():
            try:
                return operation(self._on_redis)
            except Exception as error:  # Redis down or slow: count in memory for a while
                self._redis_failed(error)
        return operation(self._memory)


def storage_url(settings: Settings) -> str | None:
    """Where counters are shared: the broker's Redis, or nowhere (each process counts in memory)."""
    return settings.broker_url if settings.broker_url.startswith(("redis://", "rediss://")) else None


# ASCII with no display name, quotes, comments or spaces: validation would return it as it is, its domain in
# lower case, and the key folds case anyway, so the common submission skips a second validation (25 µs).
_PLAIN_ADDRESS = re.compile(r"[!#-'*+\-/-9=?A-Z^-~.]+@[A-Za-z0-9.\-]+")

MESSAGES = {
    "address": "too many comments from this address; wait and try again",
    "email": "too many comments from this e-mail address; wait and try again",
}


def _author_email() -> str:
    """The address as the submission will store it: validation drops a display name ("V <v@x.org>") and writes
    an IDN domain one way (xn--bcher-kva.de = bücher.de), so the raw string would let one address count as many."""
    body = request.get_json(silent=True)
    email = body.get("author_email") if isinstance(body, dict) else None
    if not email:
        return "email:-"
    email = str(email).strip()
    if not _PLAIN_ADDRESS.fullmatch(email) or "xn--" in email.casefold():  # else validation only lowers its case
        try:
            _, email = validate_email(email)
        except ValueError:  # refused by validation after this; counted as written
            pass
    return f"email:{email.casefold()}"


def install_rate_limits(app: Flask, settings: Settings) -> SubmissionLimits:
    limits = SubmissionLimits(settings.submit_rate_limit, storage_url(settings))
    view: Callable[..., Any] = app.view_functions[SUBMIT_ENDPOINT]

    def limited(*args: Any, **kwargs: Any) -> Any:
        if request.method == "POST":
            refusal = limits.hit(request.remote_addr or "127.0.0.1", _author_email())
            if refusal is not None:
                return _too_many(refusal)
        return view(*args, **kwargs)

    limited.__name__ = getattr(view, "__name__", "submit_comment")
    limited.__doc__ = view.__doc__
    app.view_functions[SUBMIT_ENDPOINT] = limited
    return limits


def _too_many(refusal: Refusal) -> Response:
    return problem(429, MESSAGES[refusal.kind], "Too many requests", headers={"Retry-After": str(refusal.retry_after)},
                   code="rate_limited")
