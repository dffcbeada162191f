"""Submission rate limits on the machine's real Redis: both keys, one round trip, shared by replicas, and the
limiter stepping aside when Redis is gone; failed web logins counted there too."""

from __future__ import annotations

import time
import uuid

import pytest
import redis

from api import create_app
from api.limits import LoginThrottle
from moderation import migrate
from tests.conftest import free_port, make_settings

pytestmark = pytest.mark.integration


@pytest.fixture
def fresh():
    """An address and an e-mail no other test or run has used, and their counters removed afterwards."""
    tag = uuid.uuid4().hex[:12]
    yield f"2001:db8::{tag[:4]}:{tag[4:8]}:{tag[8:]}", f"limits-{tag}@example.org", tag


def _apps(tmp_path, broker_url, limit, count=1):
    settings = make_settings(tmp_path / "data", broker_url=broker_url, submit_rate_limit=limit,
                             check_queue=f"moderation.test.{uuid.uuid4().hex[:12]}")
    migrate.upgrade(settings.sqlalchemy_url)
    return [create_app(settings).test_client() for _ in range(count)]


def _post(client, address, email, body):
    return client.post("/v1/articles/limits/comments", json={"author_name": "Ann", "author_email": email, "body": body},
                       environ_base={"REMOTE_ADDR": address})


def test_both_keys_answer_429_with_retry_after_and_count_in_redis(tmp_path, redis_url, fresh):
    address, email, tag = fresh
    first, second = _apps(tmp_path, redis_url, "3/minute;100/hour", count=2)  # two replicas, one Redis
    server = redis.Redis.from_url(redis_url)
    try:
        # Per address: four e-mails from one address, alternating replicas; the fourth is one too many.
        statuses = [_post((first, second)[i % 2], address, f"{i}-{email}", f"Comment {i} {tag}").status_code
                    for i in range(4)]
        assert statuses == [202, 202, 202, 429]
        refused = _post(first, address, f"x-{email}", f"More {tag}")
        assert refused.status_code == 429 and refused.mimetype == "application/problem+json"
        assert 1 <= int(refused.headers["Retry-After"]) <= 60
        assert "too many comments from this address" in refused.get_json()["detail"]
        counters = {key.decode(): server.ttl(key) for key in server.scan_iter(f"moderation:*{address}*")}
        assert set(counters) == {f"moderation:LIMITER/submit/address/{address}/3/1/minute",
                                 f"moderation:LIMITER/submit/address/{address}/100/1/hour"}
        assert all(0 < ttl <= 3600 for ttl in counters.values())

        # Per e-mail: one e-mail from three addresses.
        answers = [_post((first, second)[i % 2], f"{address}:{i}", email, f"Again {i} {tag}") for i in range(4)]
        assert [a.status_code for a in answers] == [202, 202, 202, 429]
        assert "this e-mail address" in answers[-1].get_json()["detail"]
        assert 1 <= int(answers[-1].headers["Retry-After"]) <= 60
        # The refusal for the address did not use up the e-mail's allowance, nor the other way round.
        assert int(server.get(f"moderation:LIMITER/submit/email/email:{email}/3/1/minute")) == 4
    finally:
        for pattern in (f"moderation:*{address}*", f"moderation:*{email}*"):
            for key in list(server.scan_iter(pattern)):
                server.delete(key)


@pytest.mark.parametrize("storage", ["redis", "memory"])
def test_retry_after_waits_for_every_spent_limit_not_only_the_first_broken(storage, redis_url, fresh):
    from api.limits import SubmissionLimits

    address, email, _ = fresh
    limits = SubmissionLimits("2/second;3/minute", redis_url if storage == "redis" else None)
    server = redis.Redis.from_url(redis_url)
    try:
        assert [limits.hit(address, f"{i}-{email}") for i in range(2)] == [None, None]
        assert limits.hit(address, f"2-{email}").retry_after == 1  # the second's limit, the minute's not spent
        time.sleep(1.1)
        assert limits.hit(address, f"3-{email}") is None  # the minute's third
        assert limits.hit(address, f"4-{email}").retry_after > 30  # the minute's limit breaks
        refused = limits.hit(address, f"5-{email}")  # the second's breaks first now, the minute's is spent too
        assert refused.kind == "address" and refused.retry_after > 30
    finally:
        for key in list(server.scan_iter(f"moderation:*{address}*")):
            server.delete(key)


def test_the_limiter_steps_aside_when_redis_is_down(tmp_path, fresh):
    address, email, tag = fresh
    (client,) = _apps(tmp_path, f"redis://127.0.0.1:{free_port()}/0", "2/minute")
    started = time.monotonic()
    answers = [_post(client, address, f"{i}-{email}", f"Comment {i} {tag}").status_code for i in range(3)]
    assert time.monotonic() - started < 10, "an unreachable Redis must not hold submissions"
    # Accepted and stored while Redis is gone; this process still counts, in memory.
    assert answers == [202, 202, 429]


def test_failed_logins_are_counted_in_redis_for_every_replica(redis_url, fresh):
    address, _email, tag = fresh
    name = f"login-{tag}"
    first, second = (LoginThrottle(redis_url, failures={"name": "2/minute", "address": "100/minute"})
                     for _ in range(2))
    server = redis.Redis.from_url(redis_url)
    try:
        first.failed(name, address)
        assert second.retry_after(name, address) is None
        second.failed(name, address)
        assert 1 <= first.retry_after(name, address) <= 60  # refused on both replicas
        assert 1 <= second.retry_after(name, f"{address}:1") <= 60  # from any address: the name's limit
        assert second.retry_after(f"other-{tag}", address) is None
        keys = {key.decode() for pattern in (name, address) for key in server.scan_iter(f"moderation:*{pattern}*")}
        assert keys == {f"moderation:LIMITER/login/name/{name}/2/1/minute",
                        f"moderation:LIMITER/login/address/{address}/100/1/minute"}
    finally:
        for pattern in (name, address):
            for key in server.scan_iter(f"moderation:*{pattern}*"):
                server.delete(key)


def test_failed_logins_are_counted_in_memory_while_redis_is_down(fresh):
    address, _email, tag = fresh
    throttle = LoginThrottle(f"redis://127.0.0.1:{free_port()}/0", failures={"name": "2/minute", "address": "9/minute"})
    started = time.monotonic()
    throttle.failed(f"login-{tag}", address)
    throttle.failed(f"login-{tag}", address)
    assert 1 <= throttle.retry_after(f"login-{tag}", address) <= 60
    assert time.monotonic() - started < 10, "an unreachable Redis must not hold a login"
