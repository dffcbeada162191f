"""Every public route, status code and error body, through the Flask app on SQLite."""

import base64
import json
import os
import re
from pathlib import Path

import pytest

PROBLEM = "application/problem+json"
GOOD = {"author_name": "Ann Reader", "author_email": "ann@example.org", "body": "A fair point about the budget."}
SITE = {"Authorization": "Bearer site-secret-token"}


_sent = iter(range(10**6))


def post(client, key="article-1", payload=None, **kwargs):
    """Each default submission has a text of its own: the same text again would be refused as a resend."""
    if payload is None:
        payload = dict(GOOD, body=f"{GOOD['body']} ({next(_sent)})")
    return client.post(f"/v1/articles/{key}/comments", json=payload, **kwargs)


def assert_problem(response, status, detail_part=""):
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == PROBLEM
    body = response.get_json(force=True)
    assert body["status"] == status and body["title"] and body["detail"]
    assert detail_part.lower() in body["detail"].lower()
    return body


def approve_all(app):
    with app.extensions["moderation"].sessions() as session:
        from sqlalchemy import text

        session.execute(text("UPDATE comments SET status = 'approved'"))
        session.commit()


def test_submission_is_accepted_pending_with_receipt_and_location(client):
    response = post(client)
    assert response.status_code == 202
    body = response.get_json()
    assert body["status"] == "pending" and body["id"] >= 1 and len(body["receipt"]) >= 24
    assert response.headers["Location"] == f"/v1/comments/{body['id']}?receipt={body['receipt']}"
    view = client.get(response.headers["Location"])
    assert view.status_code == 200
    assert view.get_json()["status"] == "pending" and view.get_json()["article_key"] == "article-1"
    assert "ann@example.org" not in view.get_data(as_text=True)


def test_body_is_trimmed_and_kept_verbatim_otherwise(client):
    payload = dict(GOOD, body="  <script>alert(1)</script> ' OR 1=1; --  \n")
    response = post(client, payload=payload)
    view = client.get(response.headers["Location"]).get_json()
    assert view["body"] == "<script>alert(1)</script> ' OR 1=1; --"


@pytest.mark.parametrize("change, field", [
    ({"author_name": ""}, "author_name"),
    ({"author_name": "   "}, "author_name"),
    ({"author_email": "not-an-address"}, "author_email"),
    ({"author_email": ""}, "author_email"),
    ({"body": ""}, "body"),
    ({"body": " \n\t "}, "body"),
    ({"body": "x" * 5001}, "body"),
    ({"body": "nul\x00byte"}, "body"),
    ({"body": "bell\x07"}, "body"),
    ({"body": "half \ud800 pair"}, "body"),
    ({"author_name": "two\nlines"}, "author_name"),
    ({"parent_id": 0}, "parent_id"),
    ({"parent_id": "one"}, "parent_id"),
    ({"parent_id": "1"}, "parent_id"),  # an id is a JSON number: no string, float or boolean stands for one
    ({"parent_id": 1.0}, "parent_id"),
    ({"parent_id": True}, "parent_id"),
    ({"body": "\u200b\u200d\u2060\u202e"}, "body"),  # only invisible characters would publish a blank comment
    ({"author_name": "\u200b\u200c"}, "author_name"),
    ({"author_name": "\u202egro.elpmaxe@nna"}, "author_name"),  # displays as an e-mail address
    ({"unexpected": "field"}, "unexpected"),
])
def test_invalid_submissions_get_422_naming_the_field(client, change, field):
    payload = {**GOOD, **change}
    body = assert_problem(post(client, payload=payload), 422)
    assert field in {e["field"] for e in body["errors"]}
    assert "ann@example.org" not in json.dumps(body)


@pytest.mark.parametrize("missing", ["author_name", "author_email", "body"])
def test_name_email_and_text_are_required(client, missing):
    payload = {k: v for k, v in GOOD.items() if k != missing}
    body = assert_problem(post(client, payload=payload), 422)
    assert [e["field"] for e in body["errors"]] == [missing]


def test_body_of_exactly_5000_characters_after_trimming_is_accepted(client):
    assert post(client, payload=dict(GOOD, body="  " + "é" * 5000 + "  ")).status_code == 202


def test_not_json_is_415_and_broken_json_is_400(client):
    assert_problem(client.post("/v1/articles/a/comments", data="body=hi", content_type="application/x-www-form-urlencoded"),
                   415, "application/json")
    assert_problem(client.post("/v1/articles/a/comments", data="{nope", content_type="application/json"), 400, "JSON")
    assert_problem(client.post("/v1/articles/a/comments", data=b'{"body": "\xff"}', content_type="application/json"),
                   400)
    assert_problem(client.post("/v1/articles/a/comments", data="[]", content_type="application/json"), 422)
    nested = "[" * 30_000 + "]" * 30_000  # deeper than the parser recurses: invalid, not a server error
    assert_problem(client.post("/v1/articles/a/comments", data=nested, content_type="application/json"), 400, "JSON")


def test_a_path_with_a_doubled_or_encoded_slash_is_no_route(client):
    """Werkzeug would redirect it (an HTML 308) to another path: a comment could land under a rewritten key."""
    for path in ("/v1//articles/a/comments", "/v1/articles/a%2F/comments", "/v1/articles/%2Fa/comments"):
        assert_problem(client.post(path, json=GOOD), 404)
        assert_problem(client.get(path), 404)


def test_public_reads_ignore_query_parameters_they_do_not_know(client, app):
    """Cache busters (`_=`), analytics tags and CDNs add their own; the moderators' routes stay strict."""
    post(client)
    approve_all(app)
    page = client.get("/v1/articles/article-1/comments?_=1733230000&utm_source=x&limit=1")
    assert page.status_code == 200 and len(page.get_json()["items"]) == 1
    assert client.get("/v1/articles/article-1/comments?limit=0&_=1").status_code == 422  # known ones still checked


def test_oversized_request_is_413(client):
    response = post(client, payload=dict(GOOD, body="x" * 70_000))
    assert_problem(response, 413)
    assert "limit of 65,536 bytes (MODERATION_MAX_REQUEST_BYTES)" in response.get_json()["detail"]


def test_bad_article_key_is_422(client):
    assert_problem(post(client, key="-starts-with-dash"), 422)


def test_closed_article_is_409_and_unknown_article_404_when_auto_create_is_off(client, app):
    assert client.put("/v1/articles/closed", json={"title": "Closed", "comments_open": False},
                      headers=SITE).status_code == 201
    assert_problem(post(client, key="closed"), 409, "closed")
    object.__setattr__(app.extensions["moderation"].settings, "auto_create_articles", False)
    assert_problem(post(client, key="unregistered"), 404, "unregistered")


def test_reply_to_a_comment_elsewhere_or_unpublished_is_422(client, app):
    first = post(client, key="a").get_json()["id"]
    reply = dict(GOOD, parent_id=first, body="I agree with this.")
    assert_problem(post(client, key="a", payload=reply), 422, "not published")  # readers cannot see it yet
    approve_all(app)
    assert post(client, key="a", payload=reply).status_code == 202
    assert_problem(post(client, key="b", payload=reply), 422, "not a comment on article")


def test_every_problem_names_its_kind_for_a_page_to_branch_on(client, app):
    """409 is both "closed" and "already sent", 422 both a bad field and a bad parent: `code` tells them apart."""
    twice = dict(GOOD, body="Sent twice.")
    post(client, payload=twice)
    assert post(client, payload=twice).get_json()["code"] == "repeated_comment"
    assert post(client, payload=dict(GOOD, parent_id=999)).get_json()["code"] == "invalid_parent"
    assert post(client, payload=dict(GOOD, author_email="nope")).get_json()["code"] == "invalid_request"
    assert client.get("/v1/nowhere").get_json()["code"] == "not_found"
    assert client.delete("/v1/comments/1").get_json()["code"] == "method_not_allowed"
    assert "never edited" not in client.get("/v1/comments/1/appeal").get_json()["detail"]  # not an edit


def test_a_resent_comment_is_told_where_the_first_one_is(client, app):
    twice = dict(GOOD, body="Sent twice.")
    first = post(client, payload=twice).get_json()["id"]
    assert_problem(post(client, payload=twice), 409, f"comment {first}); it waits for moderation")
    with app.extensions["moderation"].sessions() as session:
        from sqlalchemy import text

        session.execute(text("UPDATE comments SET status = 'rejected'"))
        session.commit()
    assert_problem(post(client, payload=twice), 409, "it was rejected")


def test_idempotency_key_replays_and_refuses_reuse(client):
    headers = {"Idempotency-Key": "3f1c9a52-retry"}
    first = post(client, payload=GOOD, headers=headers)
    again = post(client, payload=GOOD, headers=headers)
    assert again.status_code == 202 and again.get_json() == first.get_json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert_problem(post(client, payload=dict(GOOD, body="Different text."), headers=headers), 422, "Idempotency-Key")
    assert_problem(post(client, payload=GOOD), 409, "already sent")  # the same text again, without the key
    assert_problem(post(client, headers={"Idempotency-Key": "has space"}), 422)


def test_public_list_shows_only_approved_comments_without_emails(client, app):
    pending = post(client).get_json()["id"]
    assert client.get("/v1/articles/article-1/comments").get_json() == {"items": [], "next_cursor": None}
    approve_all(app)
    post(client)  # a newer one, still pending
    page = client.get("/v1/articles/article-1/comments").get_json()
    assert [c["id"] for c in page["items"]] == [pending]
    assert set(page["items"][0]) == {"id", "author_name", "body", "parent_id", "submitted_at"}
    assert "example.org" not in json.dumps(page)


def test_public_list_paginates_with_a_cursor(client, app):
    ids = [post(client, payload=dict(GOOD, body=f"Comment {i}")).get_json()["id"] for i in range(5)]
    approve_all(app)
    first = client.get("/v1/articles/article-1/comments?limit=3").get_json()
    second = client.get(f"/v1/articles/article-1/comments?limit=3&cursor={first['next_cursor']}").get_json()
    assert [c["id"] for c in first["items"] + second["items"]] == ids[::-1]
    assert second["next_cursor"] is None
    assert_problem(client.get("/v1/articles/article-1/comments?cursor=Zm9vYmFy"), 400, "cursor")
    beyond_bigint = base64.urlsafe_b64encode(b"c1:99999999999999999999999999").decode().rstrip("=")
    assert_problem(client.get(f"/v1/articles/article-1/comments?cursor={beyond_bigint}"), 400, "cursor")
    assert_problem(client.get("/v1/articles/article-1/comments?limit=1000"), 422)
    assert_problem(client.get("/v1/articles/article-1/comments?limit=0"), 422)


def test_author_view_requires_the_right_receipt(client):
    comment_id = post(client).get_json()["id"]
    assert_problem(client.get(f"/v1/comments/{comment_id}?receipt=wrong"), 404)
    assert_problem(client.get(f"/v1/comments/{comment_id}"), 422, "receipt")
    assert_problem(client.get("/v1/comments/999999?receipt=wrong"), 404)
    assert client.get("/v1/comments/not-a-number?receipt=x").status_code == 404


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_comments_cannot_be_edited_or_deleted(client, method):
    comment_id = post(client).get_json()["id"]
    response = getattr(client, method)(f"/v1/comments/{comment_id}", json={"body": "edited"})
    body = assert_problem(response, 405)
    assert "GET" in response.headers["Allow"]
    assert "never edited" in body["detail"]


def test_article_put_needs_the_site_token(client):
    article = {"title": "Budget vote", "url": "https://news.example/budget", "text": "The council voted."}
    assert_problem(client.put("/v1/articles/budget", json=article), 401)
    assert client.put("/v1/articles/budget", json=article).headers["WWW-Authenticate"] == "Bearer"
    assert_problem(client.put("/v1/articles/budget", json=article, headers={"Authorization": "Bearer nope"}), 401)
    created = client.put("/v1/articles/budget", json=article, headers=SITE)
    assert created.status_code == 201 and created.get_json()["comments_open"] is True
    updated = client.put("/v1/articles/budget", json=dict(article, comments_open=False), headers=SITE)
    assert updated.status_code == 200 and updated.get_json()["comments_open"] is False
    assert_problem(client.put("/v1/articles/budget", json={"title": ""}, headers=SITE), 422)
    assert_problem(client.put("/v1/articles/budget", json=dict(article, url="ftp://x"), headers=SITE), 422)


def test_health_and_readiness(client):
    assert client.get("/healthz").get_json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.get_json()["checks"] == {"database": "ok", "broker": "ok"}


def test_readiness_names_the_dependency_that_is_down(tmp_path):
    from api import create_app
    from tests.conftest import free_port, make_settings

    settings = make_settings(tmp_path, broker_url=f"redis://127.0.0.1:{free_port()}/0")
    from moderation import migrate

    migrate.upgrade(settings.sqlalchemy_url)
    response = create_app(settings).test_client().get("/readyz")
    body = assert_problem(response, 503, "broker")
    assert body["checks"] == {"database": "ok", "broker": "unreachable"}


def test_unknown_route_is_a_problem(client):
    assert_problem(client.get("/v1/nothing-here"), 404)


def test_openapi_document_and_docs_page(client):
    spec = client.get("/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    assert {"/v1/articles/{article_key}/comments", "/v1/comments/{comment_id}", "/v1/articles/{article_key}",
            "/healthz", "/readyz"} <= set(spec["paths"])
    submit = spec["paths"]["/v1/articles/{article_key}/comments"]["post"]
    assert {"202", "409", "422"} <= set(submit["responses"])
    assert "application/problem+json" in submit["responses"]["422"]["content"]
    assert "Problem" in spec["components"]["schemas"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and b"swagger-ui" in docs.data
    assert client.get("/swagger/js/swagger-ui-bundle.js").status_code == 200


def test_cors_allows_only_configured_origins(tmp_path):
    from api import create_app
    from moderation import migrate
    from tests.conftest import make_settings

    settings = make_settings(tmp_path, allowed_origins="https://news.example")
    migrate.upgrade(settings.sqlalchemy_url)
    client = create_app(settings).test_client()
    allowed = client.options("/v1/articles/a/comments", headers={
        "Origin": "https://news.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "Content-Type, Idempotency-Key"})
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://news.example"
    other = client.get("/v1/articles/a/comments", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers
    assert other.headers["Vary"] == "Origin"  # a cache must not serve one origin's answer to another
    read = client.get("/v1/articles/a/comments", headers={"Origin": "https://news.example"})
    assert read.headers["Vary"] == "Origin"
    exposed = {h.strip() for h in read.headers["Access-Control-Expose-Headers"].split(",")}
    assert exposed == {"Location", "Retry-After", "Idempotent-Replayed"}  # a widget must read when to retry


def test_the_apps_own_log_lines_carry_time_level_and_source_under_a_bare_server(tmp_path):
    """gunicorn sets up only its own loggers: the app's warnings came out bare, impossible to date."""
    import subprocess
    import sys

    script = ("import logging; from api import create_app; create_app(); "
              "logging.getLogger('api.runtime').warning('could not enqueue comments [1]')")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MODERATION_")} | {
        "MODERATION_DATA_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60,
                            cwd=Path(__file__).resolve().parent.parent)
    assert re.search(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ WARNING api\.runtime: could not enqueue comments \[1\]$",
                     result.stderr, re.M), result.stderr
