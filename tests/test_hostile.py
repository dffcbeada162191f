"""Hostile and careless input: limits, odd text, payloads stored verbatim, headers, and nothing leaked."""

from __future__ import annotations

import json

import pytest

from api import create_app
from moderation import migrate
from tests.conftest import free_port, make_settings

GOOD = {"author_name": "Ann", "author_email": "ann@example.org"}


def client_with(tmp_path, **values):
    settings = make_settings(tmp_path / "data", **values)
    migrate.upgrade(settings.sqlalchemy_url)
    return create_app(settings).test_client()


def test_submissions_are_limited_per_address_with_retry_after(tmp_path):
    client = client_with(tmp_path, submit_rate_limit="3/minute")
    statuses = [client.post("/v1/articles/a/comments", json=dict(GOOD, author_email=f"p{i}@example.org",
                                                                  body=f"Comment {i}")).status_code
                for i in range(4)]
    assert statuses == [202, 202, 202, 429]
    limited = client.post("/v1/articles/a/comments", json=dict(GOOD, author_email="q@example.org", body="more"))
    assert limited.status_code == 429 and limited.mimetype == "application/problem+json"
    assert int(limited.headers["Retry-After"]) > 0
    assert "too many comments from this address" in limited.get_json()["detail"]


def test_submissions_are_limited_per_email_across_addresses(tmp_path):
    client = client_with(tmp_path, submit_rate_limit="2/minute")
    for i, address in enumerate(["203.0.113.1", "203.0.113.2", "203.0.113.3"]):
        response = client.post("/v1/articles/a/comments", json=dict(GOOD, body=f"Comment {i}"),
                               environ_base={"REMOTE_ADDR": address})
    assert response.status_code == 429
    assert "this e-mail address" in response.get_json()["detail"]


def test_one_address_written_many_ways_is_one_address_to_the_limit(tmp_path):
    # validation stores each of these as the same address; the limit must count them as one
    client = client_with(tmp_path, submit_rate_limit="2/minute")
    spellings = ["x@bücher.de", "Someone <x@xn--bcher-kva.de>", "x@BÜCHER.de", "Other <X@bücher.de>"]
    statuses = [client.post("/v1/articles/a/comments", json=dict(GOOD, author_email=email, body=f"Comment {i}"),
                            environ_base={"REMOTE_ADDR": f"203.0.113.{i}"}).status_code
                for i, email in enumerate(spellings)]
    assert statuses == [202, 202, 429, 429]


def test_ten_thousand_emoji_are_refused_clearly_and_five_thousand_accepted(client):
    def send(body: str, ascii_only: bool):
        data = json.dumps(dict(GOOD, body=body), ensure_ascii=ascii_only).encode()
        return client.post("/v1/articles/a/comments", data=data, content_type="application/json")

    as_utf8 = send("😀" * 10_000, ascii_only=False)  # 40 kB: within the size limit, over 5,000 characters
    assert as_utf8.status_code == 422 and "5000" in as_utf8.get_data(as_text=True)
    escaped = send("😀" * 10_000, ascii_only=True)  # 120 kB of \ud83d escapes: over the size limit
    assert escaped.status_code == 413 and escaped.mimetype == "application/problem+json"
    assert send("🇮🇶" * 2_500, ascii_only=False).status_code == 202


@pytest.mark.parametrize("payload", [
    "'; DROP TABLE comments; --",
    "<script>alert(document.cookie)</script>",
    "<img src=x onerror=alert(1)>",
    "{{ 7 * 7 }} ${7*7} %s %(x)s",
    "\u202eevil\u202c and \u200bzero width",
])
def test_payloads_are_stored_verbatim(client, payload):
    accepted = client.post("/v1/articles/a/comments", json=dict(GOOD, body=payload)).get_json()
    view = client.get(f"/v1/comments/{accepted['id']}?receipt={accepted['receipt']}").get_json()
    assert view["body"] == payload.strip()
    assert client.get("/healthz").status_code == 200  # and the tables are still there


def test_security_headers_on_every_response(client):
    for response in (client.get("/healthz"), client.post("/v1/articles/a/comments", json={}),
                     client.get("/v1/articles/a/comments")):
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Frame-Options"] == "DENY"
        assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    assert client.get("/v1/comments/1?receipt=x").headers["Cache-Control"] == "no-store"


def test_no_public_response_ever_holds_an_email(client, app):
    email = "secret.reader@example.org"
    accepted = client.post("/v1/articles/a/comments", json=dict(GOOD, author_email=email, body="Public soon.")).get_json()
    with app.extensions["moderation"].sessions() as session:
        from sqlalchemy import text

        session.execute(text("UPDATE comments SET status = 'approved'"))
        session.commit()
    responses = [
        client.post("/v1/articles/a/comments", json=dict(GOOD, author_email=email, body="Second one.")),
        client.post("/v1/articles/a/comments", json=dict(GOOD, author_email=email, body="Public soon.")),  # 409
        client.post("/v1/articles/a/comments", json=dict(GOOD, author_email=email + "x", body="")),  # 422
        client.get("/v1/articles/a/comments"),
        client.get(f"/v1/comments/{accepted['id']}?receipt={accepted['receipt']}"),
        client.get(f"/v1/comments/{accepted['id']}?receipt=wrong"),
        client.get("/demo?article=a"),
        client.get("/openapi.json"),
        client.get("/metrics"),
    ]
    for response in responses:
        assert email not in response.get_data(as_text=True), response.request.path


def test_metrics_count_submissions_and_show_queue_depth(client):
    client.post("/v1/articles/a/comments", json=dict(GOOD, body="Counted."))
    text = client.get("/metrics").get_data(as_text=True)
    assert "moderation_submissions_total{outcome=\"accepted\"}" in text
    assert "moderation_queue_depth" in text


def test_an_unreachable_database_is_a_503_and_readyz_names_it(tmp_path):
    settings = make_settings(tmp_path / "data", database_url=f"postgresql://nobody@127.0.0.1:{free_port()}/none")
    client = create_app(settings).test_client()
    response = client.post("/v1/articles/a/comments", json=dict(GOOD, body="Will it keep?"))
    assert response.status_code == 503 and response.mimetype == "application/problem+json"
    assert "nothing was stored" in response.get_json()["detail"] and response.headers["Retry-After"]
    ready = client.get("/readyz")
    assert ready.status_code == 503 and json.loads(ready.data)["checks"]["database"] == "unreachable"
    read = client.get("/v1/articles/a/comments")  # a read stores nothing anyway: it says only what is wrong
    assert read.status_code == 503 and read.get_json()["detail"] == "the database is unavailable, please retry"


def test_production_refuses_the_default_secret(tmp_path, monkeypatch):
    from moderation.settings import SettingsError, load_settings

    with pytest.raises(SettingsError, match="MODERATION_SECRET_KEY"):
        load_settings({"MODERATION_ENV": "production"})
