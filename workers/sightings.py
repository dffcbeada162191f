"""Recent contacts kept in Redis in production: one sorted set per contact, scored by time."""

from __future__ import annotations

import logging
import time

import redis

from moderation.services import SIGHTING_WINDOW, SubmittedComment

KEY_PREFIX = "moderation:contact:"
log = logging.getLogger(__name__)


class RedisSightings:
    """Members are `a:<article id>` and `u:<author hash>`; re-posting by the same author adds nothing."""

    def __init__(self, client: redis.Redis, window_seconds: float = SIGHTING_WINDOW.total_seconds()):
        self.client = client
        self.window = window_seconds

    @classmethod
    def from_url(cls, url: str) -> RedisSightings:
        return cls(redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2))

    def seen_elsewhere(self, fingerprints: list[str], comment: SubmittedComment) -> dict[str, int]:
        if not fingerprints:
            return {}
        since = time.time() - self.window
        try:
            with self.client.pipeline(transaction=False) as pipe:
                for fingerprint in fingerprints:
                    pipe.zrangebyscore(KEY_PREFIX + fingerprint, since, "+inf")
                members = pipe.execute()
        except redis.RedisError as error:  # a weaker promotion signal beats a check that cannot run
            log.warning("contact sightings unavailable: %s", error)
            return {}
        own = {f"a:{comment.article_id}".encode(), f"u:{comment.author_email_hash}".encode()}
        seen = {}
        for fingerprint, found in zip(fingerprints, members):
            others = set(found) - own
            count = max(sum(m.startswith(b"a:") for m in others), sum(m.startswith(b"u:") for m in others))
            if count:
                seen[fingerprint] = count
        return seen

    def record(self, fingerprints: list[str], comment: SubmittedComment) -> None:
        if not fingerprints:
            return
        now = time.time()
        try:
            with self.client.pipeline(transaction=False) as pipe:
                for fingerprint in fingerprints:
                    key = KEY_PREFIX + fingerprint
                    pipe.zadd(key, {f"a:{comment.article_id}": now, f"u:{comment.author_email_hash}": now})
                    pipe.zremrangebyscore(key, "-inf", now - self.window)
                    pipe.expire(key, int(self.window))
                pipe.execute()
        except redis.RedisError as error:
            log.warning("contact sightings not recorded: %s", error)
