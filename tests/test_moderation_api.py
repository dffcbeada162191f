"""The moderators' and auditors' API: roles, the queue, decisions without editing, the record."""

from __future__ import annotations

import base64
import dataclasses
import json
import logging
import re
import time

import pytest
from sqlalchemy import text
from sqlmodel import select

from api.limits import LoginThrottle
from moderation import accounts, services
from moderation.checks import Pipeline
from moderation.checks.terms import LexiconChecker
from moderation.checks.threats import ThreatChecker
from moderation.guidelines import Code
from moderation.models import AuditEvent, Role
from moderation.policy import DEFAULT_POLICY, parse_policy

PROBLEM = "application/problem+json"


@pytest.fixture
def people(app):
    sessions = app.extensions["moderation"].sessions
    tokens = {}
    for name, role in (("mia", Role.moderator), ("max", Role.moderator), ("ada", Role.admin),
                       ("aud", Role.auditor)):
        _, tokens[name] = accounts.create_user(sessions, name, role)
    return {name: {"Authorization": f"Bearer {token}"} for name, token in tokens.items()}


PIPELINE = Pipeline([LexiconChecker(), ThreatChecker()])


def submit_and_check(app, body, key="article-1", policy=DEFAULT_POLICY, email="reader@example.org"):
    sessions = app.extensions["moderation"].sessions
    accepted = services.submit_comment(
        sessions, services.NewComment(key, "Reader", email, body), auto_create_articles=True, secret="s" * 32)
    services.check_comment(sessions, PIPELINE, policy, accepted.id)
    return accepted


def problem(response, status):
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == PROBLEM
    return response.get_json(force=True)


# --- who may do what -----------------------------------------------------------------------------------------

ROUTES = [
    ("get", "/v1/moderation/queue", None, {"moderator", "admin"}),
    ("get", "/v1/moderation/comments/{id}", None, {"moderator", "admin", "auditor"}),
    ("post", "/v1/moderation/comments/{id}/claim", None, {"moderator", "admin"}),
    ("delete", "/v1/moderation/comments/{id}/claim", None, {"moderator", "admin"}),
    ("post", "/v1/moderation/comments/{id}/decision", {"decision": "approve"}, {"moderator", "admin"}),
    ("post", "/v1/moderation/comments/{id}/reversal", {"decision": "reject", "reasons": ["profanity"]}, {"admin"}),
    ("post", "/v1/moderation/decisions", {"decisions": [{"comment_id": 1, "decision": "approve"}]},
     {"moderator", "admin"}),
    ("get", "/v1/moderation/stats", None, {"moderator", "admin", "auditor"}),
    ("get", "/v1/audit", None, {"auditor", "admin"}),
    ("get", "/v1/audit/export?format=jsonl", None, {"auditor", "admin"}),
    ("get", "/v1/audit/verify", None, {"auditor", "admin"}),
    ("put", "/v1/articles/some-article", {"title": "A title"}, {"admin"}),
]
ROLE_USER = {"moderator": "mia", "admin": "ada", "auditor": "aud"}


def test_every_protected_route_is_in_the_matrix(app):
    protected = {(rule.rule, method.lower()) for rule in app.url_map.iter_rules()
                 for method in rule.methods - {"HEAD", "OPTIONS"}
                 if rule.rule.startswith(("/v1/moderation", "/v1/audit")) or rule.rule == "/v1/articles/<article_key>"}
    listed = {(path.split("?")[0].replace("{id}", "<int:comment_id>").replace("some-article", "<article_key>"),
               method) for method, path, _, _ in ROUTES}
    assert protected == listed


@pytest.mark.parametrize("method, path, body, allowed", ROUTES, ids=[f"{m} {p}" for m, p, _, _ in ROUTES])
def test_authorisation_matrix(client, app, people, method, path, body, allowed):
    comment = submit_and_check(app, "what the fuck")
    url = path.replace("{id}", str(comment.id))
    call = getattr(client, method)
    kwargs = {"json": body} if body is not None else {}
    assert problem(call(url, **kwargs), 401)["detail"]
    assert call(url, headers={"Authorization": "Bearer mod_not-a-real-token"}, **kwargs).status_code == 401
    for role, user in ROLE_USER.items():
        response = call(url, headers=people[user], **kwargs)
        if role in allowed:
            assert response.status_code < 400 or response.status_code in (409,), (role, response.get_json())
        else:
            assert problem(response, 403)["detail"].startswith(f"the {role} role may not")


def test_a_revoked_token_is_refused(client, app, people):
    sessions = app.extensions["moderation"].sessions
    assert client.get("/v1/moderation/queue", headers=people["mia"]).status_code == 200
    accounts.revoke_tokens(sessions, "mia")
    assert client.get("/v1/moderation/queue", headers=people["mia"]).status_code == 401


# --- the queue -----------------------------------------------------------------------------------------------


def test_queue_orders_by_risk_and_filters_by_code(client, app, people):
    mild = submit_and_check(app, "what a load of crap")
    threat = submit_and_check(app, "I will kill you")
    swear = submit_and_check(app, "fuck this council")
    clean = submit_and_check(app, "A fair point about the budget.")
    page = client.get("/v1/moderation/queue", headers=people["mia"]).get_json()
    order = [item["id"] for item in page["items"]]
    assert order[:3] == [threat.id, swear.id, mild.id] and order[-1] == clean.id
    assert page["counts"]["total"] == 4 and page["counts"]["threat"] == 1
    assert "reader@example.org" not in json.dumps(page)
    oldest = client.get("/v1/moderation/queue?sort=oldest", headers=people["mia"]).get_json()
    assert [i["id"] for i in oldest["items"]] == [mild.id, threat.id, swear.id, clean.id]
    only = client.get("/v1/moderation/queue?category=threat", headers=people["mia"]).get_json()
    assert [i["id"] for i in only["items"]] == [threat.id]
    assert only["items"][0]["flags"][0]["code"] == "threat"
    problem(client.get("/v1/moderation/queue?category=rudeness", headers=people["mia"]), 422)
    problem(client.get("/v1/moderation/queue?cursor=bm9wZQ", headers=people["mia"]), 400)
    # tampered keys of the wrong type, a naive time, a number past bigint: each a 400, never a 500
    for sort, values in (("risk", [1, "x", 3]), ("oldest", [1, 2]), ("oldest", ["2026-11-01T00:00:00", 1]),
                         ("risk", ["a", "2026-11-01T00:00:00+00:00", 1]), ("oldest", ["2026-11-01T00:00:00+00:00", 2**70]),
                         ("risk", [True, "2026-11-01T00:00:00+00:00", 1])):
        cursor = base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")
        problem(client.get(f"/v1/moderation/queue?sort={sort}&cursor={cursor}", headers=people["mia"]), 400)


def test_queue_pages_with_a_keyset_cursor(client, app, people):
    ids = [submit_and_check(app, f"shit number {i}").id for i in range(7)]
    seen, cursor = [], None
    while True:
        url = "/v1/moderation/queue?limit=3" + (f"&cursor={cursor}" if cursor else "")
        page = client.get(url, headers=people["mia"]).get_json()
        seen += [i["id"] for i in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert sorted(seen) == ids and len(seen) == len(set(seen))


def test_a_claimed_comment_leaves_the_others_queue_until_the_claim_lapses(client, app, people):
    comment = submit_and_check(app, "bullshit")
    claimed = client.post(f"/v1/moderation/comments/{comment.id}/claim", headers=people["mia"])
    assert claimed.status_code == 200
    assert [i["id"] for i in client.get("/v1/moderation/queue", headers=people["max"]).get_json()["items"]] == []
    assert problem(client.post(f"/v1/moderation/comments/{comment.id}/claim", headers=people["max"]), 409)
    mine = client.get("/v1/moderation/queue", headers=people["mia"]).get_json()["items"]
    assert mine[0]["claimed_by"] == "mia"
    decision = f"/v1/moderation/comments/{comment.id}/decision"
    assert "claimed" in problem(client.post(decision, json={"decision": "approve"}, headers=people["max"]),
                                409)["detail"]  # a claim holds for decisions too, not only for the queue
    with app.extensions["moderation"].sessions() as session:
        session.execute(text("UPDATE comments SET claimed_until = '2000-01-01 00:00:00.000000'"))
        session.commit()
    assert [i["id"] for i in client.get("/v1/moderation/queue", headers=people["max"]).get_json()["items"]] == \
        [comment.id]
    assert client.post(decision, json={"decision": "approve"}, headers=people["max"]).status_code == 200
    # a decided comment has nothing to claim
    assert "decided" in problem(client.post(f"/v1/moderation/comments/{comment.id}/claim", headers=people["mia"]),
                                409)["detail"]


# --- decisions -----------------------------------------------------------------------------------------------


def test_reject_with_reasons_then_a_second_decision_is_409(client, app, people):
    comment = submit_and_check(app, "fuck you")
    url = f"/v1/moderation/comments/{comment.id}/decision"
    assert "reason" in problem(client.post(url, json={"decision": "reject"}, headers=people["mia"]), 422)["detail"]
    problem(client.post(url, json={"decision": "reject", "reasons": ["unsupported_language"]},
                        headers=people["mia"]), 422)
    problem(client.post(url, json={"decision": "reject", "reasons": ["rudeness"]}, headers=people["mia"]), 422)
    done = client.post(url, json={"decision": "reject", "reasons": ["profanity"], "note": "clear"},
                       headers=people["mia"])
    assert done.status_code == 200 and done.get_json()["status"] == "rejected"
    assert problem(client.post(url, json={"decision": "approve"}, headers=people["max"]), 409)
    edit = client.patch(f"/v1/moderation/comments/{comment.id}", json={"body": "nicer"}, headers=people["ada"])
    assert edit.status_code == 405


def test_approving_a_flagged_comment_records_the_overridden_findings(client, app, people):
    comment = submit_and_check(app, "that bloody idiot of a mayor, fuck")
    outcome = client.post(f"/v1/moderation/comments/{comment.id}/decision", json={"decision": "approve"},
                          headers=people["mia"]).get_json()
    assert "profanity" in outcome["overridden"]
    public = client.get("/v1/articles/article-1/comments").get_json()
    assert [c["id"] for c in public["items"]] == [comment.id]
    stats = client.get("/v1/moderation/stats", headers=people["aud"]).get_json()
    assert stats["overrides"]["profanity"]["overridden"] == 1
    assert stats["decisions_per_moderator"]["mia"] == {"approved": 1}
    assert stats["time_to_decision_seconds"]["decided"] == 1
    # a policy rule's instant rejection is not a person's time to decide
    submit_and_check(app, "I will kill you", policy=parse_policy({"version": "auto", "auto_reject": {"threat": 0.5}}))
    stats = client.get("/v1/moderation/stats", headers=people["aud"]).get_json()
    assert stats["time_to_decision_seconds"]["decided"] == 1


def test_an_admin_reverses_a_decision_and_both_stay_on_the_record(client, app, people):
    comment = submit_and_check(app, "shit")
    client.post(f"/v1/moderation/comments/{comment.id}/decision", json={"decision": "reject",
                                                                       "reasons": ["profanity"]}, headers=people["mia"])
    reversal = client.post(f"/v1/moderation/comments/{comment.id}/reversal",
                           json={"decision": "approve", "note": "quoting the minister"}, headers=people["ada"])
    assert reversal.status_code == 200 and reversal.get_json()["status"] == "approved"
    detail = client.get(f"/v1/moderation/comments/{comment.id}", headers=people["aud"]).get_json()
    assert [e["action"] for e in detail["audit_trail"]] == ["received", "checked", "rejected", "reversed"]
    assert detail["author_email"] == "reader@example.org"


def test_bulk_decisions_give_one_result_each(client, app, people):
    first = submit_and_check(app, "crap one")
    second = submit_and_check(app, "crap two")
    client.post(f"/v1/moderation/comments/{second.id}/decision", json={"decision": "approve"}, headers=people["mia"])
    response = client.post("/v1/moderation/decisions", headers=people["max"], json={"decisions": [
        {"comment_id": first.id, "decision": "reject", "reasons": ["profanity"]},
        {"comment_id": second.id, "decision": "reject", "reasons": ["profanity"]},
        {"comment_id": 999999, "decision": "approve"},
        {"comment_id": first.id, "decision": "reject"},
    ]})
    assert [(r["ok"], r["status"]) for r in response.get_json()["results"]] == [
        (True, 200), (False, 409), (False, 404), (False, 422)]
    problem(client.post("/v1/moderation/decisions", headers=people["max"],
                        json={"decisions": [{"comment_id": 1, "decision": "approve"}] * 201}), 422)


def test_policy_auto_reject_waits_for_a_person_to_confirm(client, app, people):
    policy = parse_policy({"version": "strict", "auto_reject": {"threat": 0.85}})
    comment = submit_and_check(app, "I will kill you", policy=policy)
    queue = client.get("/v1/moderation/queue?status=auto_rejected", headers=people["mia"]).get_json()
    assert [i["id"] for i in queue["items"]] == [comment.id] and queue["items"][0]["awaiting_confirmation"]
    statement = client.get(f"/v1/comments/{comment.id}?receipt={comment.receipt}").get_json()["statement_of_reasons"]
    assert statement["automated_decision"] is True  # the service's own rejection, until a person confirms it
    confirmed = client.post(f"/v1/moderation/comments/{comment.id}/decision",
                            json={"decision": "reject", "reasons": ["threat"]}, headers=people["mia"])
    assert confirmed.status_code == 200
    trail = client.get(f"/v1/moderation/comments/{comment.id}", headers=people["mia"]).get_json()["audit_trail"]
    assert [(e["action"], e["actor"]) for e in trail][-2:] == [("auto_rejected", "system"), ("confirmed", "mia")]
    statement = client.get(f"/v1/comments/{comment.id}?receipt={comment.receipt}").get_json()["statement_of_reasons"]
    assert statement["automated_decision"] is False


def test_a_disabled_user_is_locked_out_of_tokens_password_and_an_open_session(client, app):
    sessions = app.extensions["moderation"].sessions
    _, token = accounts.create_user(sessions, "zed", Role.moderator, "correct horse battery staple")
    bearer = {"Authorization": f"Bearer {token}"}

    def log_in():
        form = client.get("/moderate/login").get_data(as_text=True)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
        return client.post("/moderate/login", data={"name": "zed", "password": "correct horse battery staple",
                                                    "csrf_token": csrf})

    assert log_in().status_code == 302
    assert client.get("/moderate").status_code == 200
    assert client.get("/v1/moderation/queue").status_code == 200  # the page's own calls ride on the session
    accounts.set_disabled(sessions, "zed", True)
    problem(client.get("/v1/moderation/queue"), 401)  # the open session ends at once
    assert client.get("/moderate").status_code == 302
    problem(client.get("/v1/moderation/queue", headers=bearer), 401)
    assert log_in().status_code == 401
    accounts.set_disabled(sessions, "zed", False)
    assert client.get("/v1/moderation/queue", headers=bearer).status_code == 200
    with sessions.reading() as session:
        actions = [e.action for e in session.exec(select(AuditEvent).order_by(AuditEvent.id)).all()]
    assert actions[-2:] == ["user_disabled", "user_enabled"]


# --- web sessions: ended on the server, a lifetime from login, failed logins throttled --------------------------

PASSWORD = "correct horse battery staple"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def web_log_in(client, name, password=PASSWORD, address="127.0.0.1"):
    csrf = CSRF.search(client.get("/moderate/login").get_data(as_text=True)).group(1)
    return client.post("/moderate/login", data={"name": name, "password": password, "csrf_token": csrf},
                       environ_base={"REMOTE_ADDR": address})


def browser_with(app, cookie):
    """Another browser holding a copy of a session cookie, as whoever captured it would."""
    browser = app.test_client()
    browser.set_cookie("session", cookie)
    return browser


def copied_session(app, client):
    return browser_with(app, client.get_cookie("session").value)


@pytest.fixture
def zed(app):
    sessions = app.extensions["moderation"].sessions
    accounts.create_user(sessions, "zed", Role.moderator, PASSWORD)
    return sessions


def test_a_session_cookie_copied_before_logout_is_refused_by_pages_and_the_api(client, app, zed):
    assert web_log_in(client, "zed").status_code == 302
    page = client.get("/moderate")
    assert page.status_code == 200
    cookie = client.get_cookie("session").value
    assert browser_with(app, cookie).get("/moderate").status_code == 200
    assert browser_with(app, cookie).get("/v1/moderation/queue").status_code == 200
    csrf = CSRF.search(page.get_data(as_text=True)).group(1)
    assert client.post("/moderate/logout", data={"csrf_token": csrf}).status_code == 302
    refused = browser_with(app, cookie).get("/moderate")
    assert refused.status_code == 302 and refused.headers["Location"].startswith("/moderate/login")
    problem(browser_with(app, cookie).get("/v1/moderation/queue"), 401)
    problem(browser_with(app, cookie).get("/v1/moderation/stats"), 401)
    assert web_log_in(client, "zed").status_code == 302 and client.get("/moderate").status_code == 200  # a new one works


def test_a_cookie_copied_before_a_user_was_disabled_stays_dead_after_they_are_enabled(client, app, zed):
    assert web_log_in(client, "zed").status_code == 302
    cookie = client.get_cookie("session").value
    accounts.set_disabled(zed, "zed", True)
    accounts.set_disabled(zed, "zed", False)
    problem(browser_with(app, cookie).get("/v1/moderation/queue"), 401)
    assert web_log_in(app.test_client(), "zed").status_code == 302  # the user is back, by logging in


def test_logging_out_with_a_session_that_already_ended_does_not_end_a_newer_one(client, app, zed):
    web_log_in(client, "zed")
    csrf = CSRF.search(client.get("/moderate").get_data(as_text=True)).group(1)
    stale = copied_session(app, client)
    client.post("/moderate/logout", data={"csrf_token": csrf})
    web_log_in(client, "zed")
    assert stale.post("/moderate/logout", data={"csrf_token": csrf}).status_code == 302
    assert client.get("/moderate").status_code == 200


def test_a_session_is_refused_once_its_lifetime_since_login_has_passed_however_recently_used(client, app, zed):
    lifetime = app.permanent_session_lifetime.total_seconds()
    web_log_in(client, "zed")

    def logged_in(seconds_ago):
        with client.session_transaction() as session:  # the cookie is re-signed now: used a moment ago
            session["principal"] = {**session["principal"], "logged_in_at": int(time.time() - seconds_ago)}

    logged_in(lifetime - 60)
    assert client.get("/v1/moderation/queue").status_code == 200
    assert "Set-Cookie" not in client.get("/v1/moderation/queue").headers  # using it does not push its expiry on
    logged_in(lifetime + 60)
    problem(client.get("/v1/moderation/queue"), 401)
    assert client.get("/moderate").status_code == 302


def test_a_cookie_from_before_sessions_could_be_ended_is_refused(client, zed):
    web_log_in(client, "zed")
    with client.session_transaction() as session:
        user = session["principal"]
        session["principal"] = {"user_id": user["user_id"], "name": user["name"], "role": user["role"]}
    problem(client.get("/v1/moderation/queue"), 401)


def test_a_new_password_ends_the_users_sessions(client, app, zed):
    web_log_in(client, "zed")
    thief = copied_session(app, client)
    accounts.set_password(zed, "zed", "a different long passphrase")
    problem(thief.get("/v1/moderation/queue"), 401)
    assert client.get("/moderate").status_code == 302
    assert web_log_in(client, "zed").status_code == 401
    assert web_log_in(client, "zed", "a different long passphrase").status_code == 302
    with pytest.raises(accounts.AccountError):
        accounts.set_password(zed, "zed", "short")
    with zed.reading() as session:
        assert session.exec(select(AuditEvent.action).order_by(AuditEvent.id.desc())).first() == "password_changed"


def throttle(app, **failures):
    """The app's login throttle with windows short enough to wait out in a test."""
    runtime = app.extensions["moderation"]
    app.extensions["moderation"] = dataclasses.replace(runtime, login_throttle=LoginThrottle(failures=failures))


def test_failed_logins_are_throttled_per_name_and_a_right_password_works_after_the_window(client, app, zed, caplog):
    throttle(app, name="3/2 seconds", address="100/minute")
    with caplog.at_level(logging.WARNING, logger="api.web"):
        assert [web_log_in(client, "zed", f"wrong guess {i}").status_code for i in range(3)] == [401] * 3
    failures = [r.getMessage() for r in caplog.records]
    assert len(failures) == 3 and all("'zed'" in m and "127.0.0.1" in m and "wrong guess" not in m for m in failures)
    refused = web_log_in(client, "zed", address="192.0.2.7")  # right password, another address: still the name's
    assert refused.status_code == 429 and "Too many failed logins" in refused.get_data(as_text=True)
    wait = int(refused.headers["Retry-After"])
    assert 1 <= wait <= 2
    time.sleep(wait)
    assert web_log_in(client, "zed").status_code == 302
    assert client.get("/moderate").status_code == 200


def test_failed_logins_are_throttled_per_address_across_names(client, app, zed):
    throttle(app, name="100/minute", address="3/minute")
    accounts.create_user(zed, "yan", Role.moderator, PASSWORD)
    for name in ("nobody", "zed", "someone"):
        assert web_log_in(client, name, "a wrong password", address="198.51.100.9").status_code == 401
    refused = web_log_in(client, "yan", address="198.51.100.9")
    assert refused.status_code == 429 and 1 <= int(refused.headers["Retry-After"]) <= 60
    assert web_log_in(app.test_client(), "yan", address="198.51.100.10").status_code == 302
    assert web_log_in(app.test_client(), "zed", address="198.51.100.10").status_code == 302  # one failure by name


def test_wrong_passwords_sent_together_are_all_counted_before_any_is_checked(app, zed):
    """Counted after the password check, thirty guesses sent at once all passed a limit of five."""
    from concurrent.futures import ThreadPoolExecutor

    throttle(app, name="5/minute", address="100/minute")
    with ThreadPoolExecutor(10) as pool:
        answers = list(pool.map(lambda i: web_log_in(app.test_client(), "zed", f"guess {i}").status_code, range(30)))
    assert answers.count(401) == 5 and answers.count(429) == 25


def test_logins_that_succeed_are_not_counted(client, app, zed):
    throttle(app, name="2/minute", address="2/minute")
    assert [web_log_in(app.test_client(), "zed").status_code for _ in range(5)] == [302] * 5


def test_strangers_guessing_a_name_do_not_lock_out_a_browser_it_logged_in_from(client, app, zed):
    """OWASP's device cookies: the name's failures are everyone's to spend; a known browser counts its own."""
    throttle(app, name="3/minute", address="100/minute", device="2/minute")
    assert web_log_in(client, "zed").status_code == 302  # zed's own browser, once
    device = client.get_cookie("moderation_device", path="/moderate/login")
    assert device is not None and device.http_only and device.same_site == "Strict"
    stranger = app.test_client()
    assert [web_log_in(stranger, "zed", f"guess {i}", address="203.0.113.5").status_code
            for i in range(4)] == [401, 401, 401, 429]
    assert web_log_in(app.test_client(), "zed", address="198.51.100.20").status_code == 429  # a new browser waits
    assert web_log_in(client, "zed", address="198.51.100.20").status_code == 302  # zed's does not
    # the known browser's own guesses are limited too, on its own count
    assert [web_log_in(client, "zed", f"typo {i}").status_code for i in range(3)] == [401, 401, 429]


@pytest.mark.parametrize("forged", ["not a signed value", "payload edited", "another salt"])
def test_a_device_cookie_counts_only_for_its_own_name_and_only_when_signed(client, app, zed, forged):
    from itsdangerous import URLSafeTimedSerializer

    throttle(app, name="1/minute", address="100/minute")
    accounts.create_user(zed, "yan", Role.moderator, PASSWORD)
    assert web_log_in(client, "yan").status_code == 302  # this browser is known for yan, not for zed
    assert web_log_in(app.test_client(), "zed", "a wrong password").status_code == 401
    assert web_log_in(client, "zed").status_code == 429
    cookie = client.get_cookie("moderation_device", path="/moderate/login").value
    value = {"not a signed value": forged,
             "payload edited": cookie[:2] + ("A" if cookie[2] != "A" else "B") + cookie[3:],
             "another salt": URLSafeTimedSerializer(app.secret_key, salt="another").dumps({"name": "yan",
                                                                                           "device": "x"})}[forged]
    browser = app.test_client()
    browser.set_cookie("moderation_device", value, path="/moderate/login")
    assert web_log_in(browser, "yan", "a wrong password").status_code == 401
    assert web_log_in(browser, "yan").status_code == 429  # counted as a stranger's: yan's failures are spent


def test_a_new_password_ends_the_devices_own_count(client, app, zed):
    throttle(app, name="2/minute", address="100/minute")
    assert web_log_in(client, "zed").status_code == 302
    accounts.set_password(zed, "zed", "a different long passphrase")
    stranger = app.test_client()
    assert [web_log_in(stranger, "zed", f"guess {i}").status_code for i in range(3)] == [401, 401, 429]
    assert web_log_in(client, "zed", "a different long passphrase").status_code == 429  # a stranger's browser now


def test_each_browser_gets_a_device_of_its_own(app, zed):
    first, second = app.test_client(), app.test_client()
    assert web_log_in(first, "zed").status_code == web_log_in(second, "zed").status_code == 302
    devices = [browser.get_cookie("moderation_device", path="/moderate/login") for browser in (first, second)]
    assert devices[0].value != devices[1].value and all(d.max_age and d.max_age >= 90 * 86400 for d in devices)


# --- the author, the statement of reasons, the appeal ---------------------------------------------------------


def test_the_author_reads_a_statement_of_reasons_and_may_appeal(client, app, people):
    sessions = app.extensions["moderation"].sessions
    accepted = services.submit_comment(sessions, services.NewComment("a", "Reader", "r@example.org", "go fuck yourself"),
                                       auto_create_articles=True, secret="s" * 32)
    services.check_comment(sessions, PIPELINE, DEFAULT_POLICY, accepted.id)
    client.post(f"/v1/moderation/comments/{accepted.id}/decision",
                json={"decision": "reject", "reasons": ["profanity"]}, headers=people["mia"])
    view = client.get(f"/v1/comments/{accepted.id}?receipt={accepted.receipt}").get_json()
    statement = view["statement_of_reasons"]
    assert statement["grounds"][0]["code"] == "profanity" and statement["grounds"][0]["wording"]
    assert statement["automated_detection"] is True and statement["automated_decision"] is False
    assert statement["decided_at"].endswith("Z")  # written as every other time the API gives
    assert any(f["passage"].lower().startswith("fuck") for f in statement["facts"])
    assert "appeal" in statement["redress"]
    url = f"/v1/comments/{accepted.id}/appeal?receipt={accepted.receipt}"
    appealed = client.post(url, json={"message": "I was quoting a song"})
    assert appealed.status_code == 202 and appealed.mimetype == "application/json"
    assert appealed.get_json()["id"] == accepted.id  # the author's view as it now stands
    assert "waiting" in appealed.get_json()["statement_of_reasons"]["redress"]
    problem(client.post(url, json={"message": "again"}), 409)
    statement = client.get(f"/v1/comments/{accepted.id}?receipt={accepted.receipt}").get_json()["statement_of_reasons"]
    assert "waiting" in statement["redress"] and "/appeal" not in statement["redress"]
    problem(client.post(f"/v1/comments/{accepted.id}/appeal?receipt=wrong", json={"message": "x"}), 404)
    appealed = client.get("/v1/moderation/queue?status=appealed", headers=people["ada"]).get_json()
    assert [i["id"] for i in appealed["items"]] == [accepted.id]
    # the appeal is an admin's to settle, not a plain decision's (it used to stay in the appeals queue for good)
    waiting = problem(client.post(f"/v1/moderation/comments/{accepted.id}/decision",
                                  json={"decision": "approve"}, headers=people["max"]), 409)
    assert "appeal" in waiting["detail"]
    upheld = client.post(f"/v1/moderation/comments/{accepted.id}/reversal",
                         json={"decision": "reject", "reasons": ["personal_attack"]}, headers=people["ada"])
    assert upheld.status_code == 200
    assert client.get("/v1/moderation/queue?status=appealed", headers=people["ada"]).get_json()["items"] == []
    # the author reads the upheld decision, its ground and its end; one appeal per decision
    statement = client.get(f"/v1/comments/{accepted.id}?receipt={accepted.receipt}").get_json()["statement_of_reasons"]
    assert [g["code"] for g in statement["grounds"]] == ["personal_attack"]
    assert "stays rejected" in statement["redress"] and "/appeal" not in statement["redress"]
    assert "decided" in problem(client.post(url, json={"message": "and again"}), 409)["detail"]


def test_an_admin_correcting_grounds_without_an_appeal_leaves_the_author_their_appeal(client, app, people):
    accepted = submit_and_check(app, "go fuck yourself")
    client.post(f"/v1/moderation/comments/{accepted.id}/decision",
                json={"decision": "reject", "reasons": ["profanity"]}, headers=people["mia"])
    corrected = client.post(f"/v1/moderation/comments/{accepted.id}/reversal",
                            json={"decision": "reject", "reasons": ["personal_attack"]}, headers=people["ada"])
    assert corrected.status_code == 200
    statement = client.get(f"/v1/comments/{accepted.id}?receipt={accepted.receipt}").get_json()["statement_of_reasons"]
    assert f"/v1/comments/{accepted.id}/appeal" in statement["redress"]  # no appeal was ever made or settled
    url = f"/v1/comments/{accepted.id}/appeal?receipt={accepted.receipt}"
    assert client.post(url, json={"message": "please look again"}).status_code == 202


def test_the_admin_under_appeal_cannot_settle_it_even_when_the_appeal_lands_after_the_check(app, people, monkeypatch):
    from moderation import review

    sessions = app.extensions["moderation"].sessions
    accepted = submit_and_check(app, "go fuck yourself")
    ada = accounts.authenticate_token(sessions, people["ada"]["Authorization"].split()[1])
    request = review.DecisionRequest(review.Decision.reject, (Code.profanity,))
    review.decide(sessions, accepted.id, ada, request)
    real_record = review._record_decision

    def appeal_lands_first(*args, **kwargs):  # the author's appeal commits between the check and the UPDATE
        services.request_appeal(sessions, accepted.id, accepted.receipt, "please look again")
        return real_record(*args, **kwargs)

    monkeypatch.setattr(review, "_record_decision", appeal_lands_first)
    with pytest.raises(review.AlreadyDecided):
        review.reverse(sessions, accepted.id, ada, request)


@pytest.mark.parametrize("name", ["system", "author", "cli", "site"])
def test_the_services_own_actor_names_cannot_be_users(app, name):
    # a person named "system" would pass on the record, and in the author's statement, for an automated decision
    with pytest.raises(accounts.AccountError, match="names the service"):
        accounts.create_user(app.extensions["moderation"].sessions, name, Role.moderator)


def test_an_appeal_against_an_admins_own_decision_goes_to_another_admin(client, app, people):
    sessions = app.extensions["moderation"].sessions
    _, other = accounts.create_user(sessions, "ida", Role.admin)
    accepted = submit_and_check(app, "go fuck yourself")
    client.post(f"/v1/moderation/comments/{accepted.id}/decision",
                json={"decision": "reject", "reasons": ["profanity"]}, headers=people["ada"])
    url = f"/v1/comments/{accepted.id}/appeal?receipt={accepted.receipt}"
    assert client.post(url, json={"message": "please look again"}).status_code == 202
    own = problem(client.post(f"/v1/moderation/comments/{accepted.id}/reversal",
                              json={"decision": "reject", "reasons": ["profanity"]}, headers=people["ada"]), 409)
    assert "another admin" in own["detail"]
    reversed_ = client.post(f"/v1/moderation/comments/{accepted.id}/reversal", json={"decision": "approve"},
                            headers={"Authorization": f"Bearer {other}"})
    assert reversed_.status_code == 200 and reversed_.get_json()["status"] == "approved"


def test_a_comment_still_being_checked_is_not_decided_until_its_checks_are_stuck(settings, people):
    from api import create_app

    stale_after = 2.0
    app = create_app(settings.model_copy(update={"pending_max_age": stale_after}))
    client = app.test_client()
    sessions = app.extensions["moderation"].sessions
    accepted = services.submit_comment(
        sessions, services.NewComment("a", "Reader", "r@example.org", "Buy cheap pills at pills.example now, idiot"),
        auto_create_articles=True, secret="s" * 32)
    early = problem(client.post(f"/v1/moderation/comments/{accepted.id}/decision", json={"decision": "approve"},
                                headers=people["mia"]), 409)
    assert "still being checked" in early["detail"]
    bulk = client.post("/v1/moderation/decisions", json={"decisions": [
        {"comment_id": accepted.id, "decision": "approve"}]}, headers=people["mia"]).get_json()
    assert [(r["ok"], r["status"]) for r in bulk["results"]] == [(False, 409)]
    assert client.get("/v1/articles/a/comments").get_json()["items"] == []
    time.sleep(stale_after + 0.1)  # the checks are stuck: the pending view shows it and a person may decide it
    stale = client.get("/v1/moderation/queue?status=pending", headers=people["mia"]).get_json()["items"]
    assert [i["id"] for i in stale] == [accepted.id]
    decided = client.post(f"/v1/moderation/comments/{accepted.id}/decision",
                          json={"decision": "reject", "reasons": ["promotion.commercial"]}, headers=people["mia"])
    assert decided.status_code == 200, decided.get_json()


# --- the record ------------------------------------------------------------------------------------------------


def test_audit_filters_export_and_verify(client, app, people):
    comment = submit_and_check(app, "shit")
    client.post(f"/v1/moderation/comments/{comment.id}/decision", json={"decision": "approve"},
                headers=people["mia"])
    by_mia = client.get("/v1/audit?actor=mia", headers=people["aud"]).get_json()["items"]
    assert [(e["action"], e["comment_id"]) for e in by_mia] == [("approved", comment.id)]
    first = client.get("/v1/audit?limit=2", headers=people["aud"]).get_json()
    rest = client.get(f"/v1/audit?after_id={first['next_after_id']}", headers=people["aud"]).get_json()
    export = client.get("/v1/audit/export?format=jsonl", headers=people["aud"])
    lines = [json.loads(line) for line in export.get_data(as_text=True).splitlines()]
    assert [e["id"] for e in lines] == [e["id"] for e in first["items"] + rest["items"]]
    assert all(lines[i]["prev_hash"] == lines[i - 1]["entry_hash"] for i in range(1, len(lines)))
    assert client.get("/v1/audit/verify", headers=people["aud"]).get_json()["ok"] is True
    # a time without an offset is UTC (the web page's date fields send none); one off the calendar is a 422
    naive = client.get("/v1/audit?actor=mia&since=2000-01-01T00:00:00", headers=people["aud"])
    assert [e["comment_id"] for e in naive.get_json()["items"]] == [comment.id]
    assert client.get("/v1/audit?actor=mia&since=2999-01-01T00:00", headers=people["aud"]).get_json()["items"] == []
    problem(client.get("/v1/audit?until=9999-12-31T23:59:59-12:00", headers=people["aud"]), 422)


def _every_flow(client, app, people) -> dict[str, int]:
    """A comment left in each state the service puts comments in, by the service's own routes."""
    sessions = app.extensions["moderation"].sessions
    auto = parse_policy({"version": "auto", "auto_reject": {"threat": 0.5}})
    ids = {}
    ids["checked"] = submit_and_check(app, "shit, checked").id
    ids["claimed"] = submit_and_check(app, "shit, claimed").id
    client.post(f"/v1/moderation/comments/{ids['claimed']}/claim", headers=people["mia"])
    for name, decision in (("approved", {"decision": "approve"}),
                           ("rejected", {"decision": "reject", "reasons": ["profanity"]})):
        ids[name] = submit_and_check(app, f"shit, {name}").id
        client.post(f"/v1/moderation/comments/{ids[name]}/decision", json=decision, headers=people["mia"])
    ids["reversed"] = submit_and_check(app, "shit, reversed").id
    client.post(f"/v1/moderation/comments/{ids['reversed']}/decision", json={"decision": "approve"},
                headers=people["mia"])
    client.post(f"/v1/moderation/comments/{ids['reversed']}/reversal",
                json={"decision": "reject", "reasons": ["profanity"]}, headers=people["ada"])
    ids["auto_rejected"] = submit_and_check(app, "I will kill you", policy=auto, email="a@example.org").id
    for name, decision in (("confirmed", {"decision": "reject", "reasons": ["threat"]}),
                           ("auto_reversed", {"decision": "approve"})):
        ids[name] = submit_and_check(app, f"I will kill you ({name})", policy=auto, email=f"{name}@example.org").id
        client.post(f"/v1/moderation/comments/{ids[name]}/decision", json=decision, headers=people["mia"])
    for name, settle in (("appealed", None), ("upheld", {"decision": "reject", "reasons": ["personal_attack"]}),
                         ("appeal_reversed", {"decision": "approve"})):
        accepted = submit_and_check(app, f"go fuck yourself ({name})", email=f"{name}@example.org")
        ids[name] = accepted.id
        client.post(f"/v1/moderation/comments/{accepted.id}/decision",
                    json={"decision": "reject", "reasons": ["profanity"]}, headers=people["mia"])
        client.post(f"/v1/comments/{accepted.id}/appeal?receipt={accepted.receipt}", json={"message": "look again"})
        if settle:
            client.post(f"/v1/moderation/comments/{accepted.id}/reversal", json=settle, headers=people["ada"])
    ids["waiting"] = services.submit_comment(  # accepted last: its receipt is not on the record yet
        sessions, services.NewComment("article-1", "Reader", "w@example.org", "still waiting"),
        auto_create_articles=True, secret="s" * 32).id
    return ids


def test_every_flow_of_the_service_leaves_the_record_intact(client, app, people):
    ids = _every_flow(client, app, people)
    with app.extensions["moderation"].sessions.reading() as session:
        states = dict(session.execute(text("SELECT id, status FROM comments")).all())
    assert [states[ids[name]] for name in ("waiting", "checked", "approved", "reversed", "auto_rejected",
                                           "confirmed", "auto_reversed", "appealed", "upheld", "appeal_reversed")] \
        == ["pending", "needs_review", "approved", "rejected", "rejected", "rejected", "approved", "rejected",
            "rejected", "approved"]
    verification = client.get("/v1/audit/verify", headers=people["aud"]).get_json()
    assert verification["ok"] is True, verification


@pytest.mark.parametrize("name, change, says", [
    # QA's case: published with no approval on record
    ("claimed", "status = 'approved'", "is approved but its record ends in checked (needs_review)"),
    ("waiting", "status = 'approved'", "is approved but its record ends in its receipt, not yet recorded (pending)"),
    ("rejected", "status = 'needs_review', decided_at = NULL", "is needs_review but its record ends in rejected"),
    ("auto_rejected", "awaiting_confirmation = false",
     "is rejected but its record ends in auto_rejected (rejected awaiting confirmation)"),
    ("appealed", "appealed_at = NULL", "is rejected but its record ends in appeal_requested (rejected under appeal)"),
    ("approved", "decided_by = (SELECT id FROM users WHERE name = 'max')",
     "says it was decided at {at} by max but its record ends in approved: decided at {at} by mia"),
    ("approved", "decided_at = '2000-01-01 00:00:00.000000'",
     "says it was decided at 2000-01-01T00:00:00.000000Z by mia but its record ends in approved: decided at {at}"),
])
def test_a_state_changed_behind_the_records_back_breaks_verification(client, app, people, name, change, says):
    ids = _every_flow(client, app, people)
    sessions = app.extensions["moderation"].sessions
    with sessions.engine.begin() as connection:
        connection.execute(text(f"UPDATE comments SET {change} WHERE id = :id"), {"id": ids[name]})
    verification = client.get("/v1/audit/verify", headers=people["aud"]).get_json()
    assert verification["ok"] is False
    pattern = re.escape(f"comment {ids[name]} {says}").replace(re.escape("{at}"), r"\S+")
    assert re.match(pattern, verification["reason"]), verification["reason"]


def test_a_comment_with_nothing_on_record_breaks_verification(client, app, people):
    sessions = app.extensions["moderation"].sessions
    comment_id = services.submit_comment(sessions, services.NewComment("article-1", "Reader", "r@example.org", "hi"),
                                         auto_create_articles=True, secret="s" * 32).id
    with sessions.engine.begin() as connection:  # the receipt taken away, as if the comment was slipped in
        connection.execute(text("DELETE FROM audit_receipts WHERE comment_id = :id"), {"id": comment_id})
    verification = client.get("/v1/audit/verify", headers=people["aud"]).get_json()
    assert (verification["ok"], verification["first_bad_id"]) == (False, None)
    assert verification["reason"] == f"comment {comment_id} is pending but nothing about it is on record"


def test_the_page_marks_the_evidence_not_a_note_that_spans_the_whole_text():
    from types import SimpleNamespace

    from api.web import highlight

    body = "Dit artikel is shit"
    note = SimpleNamespace(flagged=True, code="unsupported_language", checker="language",
                           evidence=[{"start": 0, "end": len(body), "rule": "language:nl"}])
    word = SimpleNamespace(flagged=True, code="profanity", checker="lexicon",
                           evidence=[{"start": 15, "end": 19, "rule": "lexicon:en:profanity"}])
    pieces = highlight(body, [note, word])
    assert [(text, code) for text, code, _ in pieces] == [("Dit artikel is ", None), ("shit", "profanity")]


def test_a_drained_queue_reads_zero_in_the_metrics(client, app, people):
    import re

    from moderation import review

    threat = submit_and_check(app, "I will kill you")
    review._counts_cache.clear()
    before = client.get("/metrics").get_data(as_text=True)
    assert re.search(r'moderation_queue_depth\{code="threat"\} 1\.0', before)
    assert re.search(r"moderation_queue_depth_counted_timestamp_seconds \d", before)
    reject = {"decision": "reject", "reasons": ["threat"]}
    assert client.post(f"/v1/moderation/comments/{threat.id}/decision", json=reject, headers=people["mia"]).status_code == 200
    review._counts_cache.clear()
    after = client.get("/metrics").get_data(as_text=True)
    assert re.search(r'moderation_queue_depth\{code="threat"\} 0\.0', after)  # not its last depth, 1
