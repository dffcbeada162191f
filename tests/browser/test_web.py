"""The moderators' page and the comment widget in a real browser (Chromium via Playwright)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import log_in, screenshot

pytestmark = pytest.mark.integration

XSS = '<script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2"> what a load of crap'


def card(page, comment_id):
    return page.locator(f'.card[data-id="{comment_id}"]')


def wait_checked(service, ids):
    service.wait_for(ids, "needs_review")


def test_log_in_and_approve_with_the_keyboard(service, page):
    ids = [service.submit(f"A fair point about the budget, number {i}.", article="keys-approve") for i in range(2)]
    wait_checked(service, ids)
    log_in(page, service, "mia")
    page.goto(service.base + "/moderate?article=keys-approve&sort=oldest")
    assert card(page, ids[0]).get_attribute("class").split().count("current") == 1
    screenshot(page, "queue")
    page.keyboard.press("a")
    assert "press u to undo" in card(page, ids[0]).inner_text()
    service.wait_for([ids[0]], "approved")
    assert card(page, ids[1]).get_attribute("class").split().count("current") == 1  # moved on by itself
    page.keyboard.press("j")
    page.keyboard.press("k")
    assert page.errors == []


def test_undo_within_the_delay_sends_nothing(service, page):
    [comment] = [service.submit("Undo me before it is sent, you idiot.", article="keys-undo")]
    wait_checked(service, [comment])
    log_in(page, service, "mia")
    page.goto(service.base + "/moderate?article=keys-undo")
    page.keyboard.press("a")
    page.keyboard.press("u")
    page.wait_for_timeout(4000)  # past the undo delay: nothing may have been sent
    assert service.status_of(comment) == "needs_review"
    assert "Undone" in card(page, comment).inner_text()


def test_reject_with_a_reason_picked_by_digit(service, page):
    comment = service.submit("Shut up, you moron.", article="keys-reject")
    wait_checked(service, [comment])
    log_in(page, service, "mia")
    page.goto(service.base + "/moderate?article=keys-reject")
    page.keyboard.press("r")
    assert page.locator("#reasons").is_visible()
    checked = page.locator("#reasons input:checked").evaluate_all("boxes => boxes.map(b => b.value)")
    assert "personal_attack" in checked  # the comment's own findings come pre-selected
    page.keyboard.press("Enter")
    service.wait_for([comment], "rejected")
    status, detail = service.call("GET", f"/v1/moderation/comments/{comment}", token=service.tokens["aud"])
    rejected = [e for e in detail["audit_trail"] if e["action"] == "rejected"][0]
    assert "personal_attack" in rejected["details"]["reasons"] and rejected["actor"] == "mia"


def test_bulk_reject_of_selected_comments(service, page):
    ids = [service.submit(f"Buy cheap watches now at shinywatches{i}.shop, best prices!", article="keys-bulk")
           for i in range(3)]
    wait_checked(service, ids)
    log_in(page, service, "mia")
    page.goto(service.base + "/moderate?article=keys-bulk&sort=oldest")
    page.keyboard.press("x")
    page.keyboard.press("j")
    page.keyboard.press("x")
    page.keyboard.press("r")
    page.keyboard.press("Enter")
    service.wait_for(ids[:2], "rejected")
    assert service.status_of(ids[2]) == "needs_review"


def test_an_admin_settles_an_appeal_from_the_appeals_queue(service, page):
    status, accepted = service.call("POST", "/v1/articles/keys-appeal/comments", {
        "author_name": "Reader", "author_email": "reader@example.org", "body": "Shut up, you moron."})
    assert status == 202, accepted
    comment = accepted["id"]
    wait_checked(service, [comment])
    status, _ = service.call("POST", f"/v1/moderation/comments/{comment}/decision",
                             {"decision": "reject", "reasons": ["personal_attack"]}, token=service.tokens["mia"])
    assert status == 200
    status, _ = service.call("POST", f"/v1/comments/{comment}/appeal?receipt={accepted['receipt']}",
                             {"message": "I was quoting the minister."})
    assert status == 202
    log_in(page, service, "ada")
    page.goto(service.base + "/moderate?status=appealed&article=keys-appeal")
    page.keyboard.press("a")  # a reversal, not a plain decision, which an appealed comment refuses
    service.wait_for([comment], "approved")
    status, detail = service.call("GET", f"/v1/moderation/comments/{comment}", token=service.tokens["aud"])
    assert [e["action"] for e in detail["audit_trail"]][-1] == "reversed"
    assert page.errors == []


def test_the_comment_page_shows_its_audit_trail(service, page):
    comment = service.submit("This is shit.", article="trail")
    wait_checked(service, [comment])
    service.call("POST", f"/v1/moderation/comments/{comment}/decision",
                 {"decision": "reject", "reasons": ["profanity"]}, token=service.tokens["mia"])
    log_in(page, service, "aud")
    page.goto(service.base + f"/moderate/comments/{comment}")
    actions = page.locator("table.trail tbody tr td:nth-child(3)").all_inner_texts()
    assert actions == ["received", "checked", "rejected"]
    assert page.locator("mark.ev").first.inner_text().lower() == "shit"
    page.goto(service.base + "/moderate/audit?verify=1")
    assert "The chain is intact" in page.locator(".verification").inner_text()
    screenshot(page, "audit")


def test_script_in_a_comment_renders_as_text_and_runs_nothing(service, page):
    comment = service.submit(XSS, article="xss", name='<img src=x onerror="window.__pwned=3">')
    wait_checked(service, [comment])
    log_in(page, service, "mia")
    page.goto(service.base + "/moderate?article=xss")
    assert "<script>window.__pwned = 1</script>" in card(page, comment).locator(".body").inner_text()
    assert page.evaluate("window.__pwned") is None
    service.call("POST", f"/v1/moderation/comments/{comment}/decision", {"decision": "approve"},
                 token=service.tokens["mia"])
    page.goto(service.base + "/demo?article=xss")
    page.wait_for_selector(".mc-comment")
    assert "<script>" in page.locator(".mc-body").first.inner_text()
    assert page.evaluate("window.__pwned") is None


def test_right_to_left_text_renders_right_to_left(service, page):
    comment = service.submit("هذا تعليق باللغة العربية عن الانتخابات في كركوك", article="rtl")
    wait_checked(service, [comment])
    log_in(page, service, "mia")
    page.goto(service.base + "/moderate?article=rtl")
    body = card(page, comment).locator(".body")
    assert body.get_attribute("dir") == "auto"
    assert body.evaluate("node => getComputedStyle(node).direction") == "rtl"


def test_the_widget_submits_and_shows_the_comment_once_approved(service, page):
    page.goto(service.base + "/demo?article=widget-demo")
    page.fill("input[name=author_name]", "Widget Reader")
    page.click("button[type=submit]")
    assert "Please give your name" in page.locator(".mc-message").inner_text()
    page.fill("input[name=author_email]", "widget@example.org")
    page.fill("textarea[name=body]", "Sent through the widget: the council should publish the figures.")
    page.click("button[type=submit]")
    page.wait_for_selector(".mc-message.mc-ok")
    assert "waits for moderation" in page.locator(".mc-message").inner_text()
    assert page.locator(".mc-comment").count() == 0
    page.fill("textarea[name=body]", "Sent through the widget: the council should publish the figures.")
    page.click("button[type=submit]")  # the same text again: told in words, by the problem's code
    page.wait_for_selector(".mc-message.mc-error")
    assert "sent this comment already" in page.locator(".mc-message").inner_text()
    status, queue = service.call("GET", "/v1/moderation/queue?article=widget-demo&status=needs_review",
                                 token=service.tokens["mia"])
    for _ in range(100):
        if queue["items"]:
            break
        page.wait_for_timeout(200)
        status, queue = service.call("GET", "/v1/moderation/queue?article=widget-demo", token=service.tokens["mia"])
    [item] = queue["items"]
    assert "widget@example.org" not in str(item)
    service.call("POST", f"/v1/moderation/comments/{item['id']}/decision", {"decision": "approve"},
                 token=service.tokens["mia"])
    page.reload()
    page.wait_for_selector(".mc-comment")
    assert "Sent through the widget" in page.locator(".mc-body").first.inner_text()
    assert "widget@example.org" not in page.content()
    screenshot(page, "demo")
    assert page.errors == []


def test_pages_send_a_strict_content_security_policy(service, page):
    response = page.goto(service.base + "/moderate/login")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
