"""How fast a moderator clears clear cases with the keys alone: 100 comments, the browser driving the keys.

Starts `moderation serve` in a temporary folder, submits 100 comments (half clearly fine, half plainly
profane), logs a moderator in with Debian's Chromium (Playwright), and presses the keys a person would:
`a` for a comment without chips, `r` then Enter (its own codes come pre-selected) for one with chips. Reports
decisions per minute over the key presses, and until the last decision is on the record (the undo delay
adds a few seconds at the end). Target: at least 20 clear cases a minute.

    .venv/bin/python bench/keyboard_rate.py [--comments 100] [--think-ms 0]

`--think-ms` adds a pause per comment, to see the page's own share of a real moderator's minute.
Writes bench/RESULTS_KEYBOARD.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

from playwright.sync_api import sync_playwright

import benchlib  # bench/ is on sys.path when a script here runs

ROOT = Path(__file__).resolve().parent.parent
MODERATION = str(Path(sys.executable).parent / "moderation")
PASSWORD = "correct horse battery staple"


def call(base: str, method: str, path: str, body: object = None, token: str | None = None) -> object:
    headers = {"Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})}
    request = urllib.request.Request(base + path, method=method, headers=headers,
                                     data=json.dumps(body).encode() if body is not None else None)
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read() or b"null")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=100)
    parser.add_argument("--think-ms", type=int, default=0)
    parser.add_argument("--port", type=int, default=8741)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="moderation-keys-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("MODERATION_")}
    env["MODERATION_SECRET_KEY"] = "keyboard-bench-secret-" + "x" * 16
    env["MODERATION_SUBMIT_RATE_LIMIT"] = "100000/minute"
    subprocess.run([MODERATION, "db", "upgrade"], cwd=folder, env=env, check=True, capture_output=True)
    made = subprocess.run([MODERATION, "users", "add", "mia", "--role", "moderator", "--password-stdin"], cwd=folder,
                          env=env, input=PASSWORD + "\n", capture_output=True, text=True, check=True)
    token = made.stdout.strip()
    server = subprocess.Popen([MODERATION, "serve", "--port", str(args.port)], cwd=folder, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(300):
            try:
                call(base, "GET", "/readyz")
                break
            except OSError:
                time.sleep(0.2)
        ids = []
        for i in range(args.comments):
            body = f"Thank you for this report on the budget, point {i}." if i % 2 else f"What a load of shit, {i}."
            ids.append(call(base, "POST", "/v1/articles/keys/comments",
                            {"author_name": "Reader", "author_email": "r@example.org", "body": body})["id"])
        while call(base, "GET", "/v1/moderation/queue?limit=1", token=token)["counts"].get("total", 0) < len(ids):
            time.sleep(0.2)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=[
                "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"])
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.goto(base + "/moderate/login")
            page.fill("input[name=name]", "mia")
            page.fill("input[name=password]", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url(base + "/moderate")
            page.goto(base + "/moderate?article=keys&sort=oldest")
            started = time.perf_counter()
            for _ in ids:
                current = page.locator(".card.current")
                if current.get_attribute("data-codes"):
                    page.keyboard.press("r")
                    page.keyboard.press("Enter")
                else:
                    page.keyboard.press("a")
                if args.think_ms:
                    page.wait_for_timeout(args.think_ms)
            keys_done = time.perf_counter()
            while page.evaluate("window.moderation.pending()") or \
                    call(base, "GET", "/v1/moderation/queue?article=keys&limit=1", token=token)["items"]:
                time.sleep(0.1)
            recorded = time.perf_counter()
            browser.close()
    finally:
        server.terminate()
        server.wait(30)
    key_rate = len(ids) / (keys_done - started) * 60
    record_rate = len(ids) / (recorded - started) * 60
    commit = benchlib.commit()
    report = "\n".join([
        "# Keyboard: clear cases per minute", "",
        f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, commit {commit.strip()}; "
        f"`.venv/bin/python bench/keyboard_rate.py {' '.join(sys.argv[1:])}`", "",
        f"{len(ids)} comments (half fine, half profane), Chromium driven by Playwright, keys only "
        f"(`a`, or `r` Enter with the comment's own codes pre-selected), {args.think_ms} ms pause per comment.", "",
        "| measure | decisions per minute |", "| --- | --- |",
        f"| while pressing keys ({keys_done - started:.1f} s) | {key_rate:,.0f} |",
        f"| until the last decision was on the record ({recorded - started:.1f} s, includes the 3 s undo delay) "
        f"| {record_rate:,.0f} |", "",
        "Target: at least 20 a minute. A person reads before pressing; this measures what the page adds to that.",
    ]) + "\n"
    (ROOT / "bench" / "RESULTS_KEYBOARD.md").write_text(report)
    print(report)


if __name__ == "__main__":
    main()
