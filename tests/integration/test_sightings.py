"""Contacts remembered in the real Redis, as the production workers do."""

import uuid

import pytest
import redis

from moderation.models import Comment
from workers.sightings import KEY_PREFIX, RedisSightings

pytestmark = pytest.mark.integration


def test_redis_counts_other_articles_and_authors_not_the_same_author_again(redis_url):
    client = redis.Redis.from_url(redis_url)
    sightings = RedisSightings(client)
    fingerprint = f"url:test-{uuid.uuid4().hex}.shop"
    try:
        one = Comment(id=1, article_id=1, author_email_hash="a" * 64, body="", author_name="", author_email="",
                      receipt_hash="")
        same_author_again = Comment(id=2, article_id=1, author_email_hash="a" * 64, body="", author_name="",
                                    author_email="", receipt_hash="")
        other = Comment(id=3, article_id=2, author_email_hash="b" * 64, body="", author_name="", author_email="",
                        receipt_hash="")
        assert sightings.seen_elsewhere([fingerprint], one) == {}
        sightings.record([fingerprint], one)
        assert sightings.seen_elsewhere([fingerprint], same_author_again) == {}
        assert sightings.seen_elsewhere([fingerprint], other) == {fingerprint: 1}
        assert 0 < client.ttl(KEY_PREFIX + fingerprint) <= sightings.window
    finally:
        client.delete(KEY_PREFIX + fingerprint)


def test_an_unreachable_redis_weakens_the_signal_but_never_fails_the_check():
    sightings = RedisSightings(redis.Redis(port=1, socket_connect_timeout=0.2))
    comment = Comment(id=1, article_id=1, author_email_hash="a" * 64, body="", author_name="", author_email="",
                      receipt_hash="")
    assert sightings.seen_elsewhere(["url:x.shop"], comment) == {}
    sightings.record(["url:x.shop"], comment)
