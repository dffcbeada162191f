"""A real service (`moderation serve`: API, worker, SQLite, embedded broker) and Debian's Chromium driven by
Playwright. Screenshots go to test-output/screenshots."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Iterator

import pytest

from tests.conftest import ROOT, free_port, wait_until

MODERATION = str(Path(sys.executable).parent / "moderation")
CHROMIUM = os.environ.get("MODERATION_TEST_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = ROOT / "test-output" / "screenshots"
PASSWORD = "correct horse battery staple"


class Service:
    def __init__(self, base: str, folder: Path, env: dict[str, str]):
        self.base = base
        self.folder = folder
        self.env = env
        self.tokens: dict[str, str] = {}

    def call(self, method: str, path: str, body: Any = None, token: str | None = None) -> tuple[int, Any]:
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        request = urllib.request.Request(self.base + path, method=method, headers=headers,
                                         data=json.dumps(body).encode() if body is not None else None)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                raw = response.read()
                return response.status, json.loads(raw) if raw else None
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    def submit(self, body: str, article: str = "demo-article", name: str = "Reader") -> int:
        status, accepted = self.call("POST", f"/v1/articles/{article}/comments",
                                     {"author_name": name, "author_email": "reader@example.org", "body": body})
        assert status == 202, accepted
        return accepted["id"]

    def status_of(self, comment_id: int) -> str:
        status, detail = self.call("GET", f"/v1/moderation/comments/{comment_id}", token=self.tokens["ada"])
        assert status == 200, detail
        return detail["status"]

    def wait_for(self, comment_ids: list[int], wanted: str, timeout: float = 30) -> None:
        wait_until(lambda: all(self.status_of(i) == wanted for i in comment_ids), timeout=timeout, interval=0.2)


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    folder = tmp_path_factory.mktemp("web")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MODERATION_")}
    env.update(MODERATION_SECRET_KEY="browser-test-secret-" + "x" * 20, MODERATION_PENDING_MAX_AGE="2",
               MODERATION_SUBMIT_RATE_LIMIT="10000/minute",
               MODERATION_SWEEP_INTERVAL="2")
    assert subprocess.run([MODERATION, "db", "upgrade"], cwd=folder, env=env, capture_output=True).returncode == 0
    port = free_port()
    service = Service(f"http://127.0.0.1:{port}", folder, env)
    for name, role in (("mia", "moderator"), ("ada", "admin"), ("aud", "auditor")):
        made = subprocess.run([MODERATION, "users", "add", name, "--role", role, "--password-stdin"], cwd=folder,
                              env=env, input=PASSWORD + "\n", capture_output=True, text=True)
        assert made.returncode == 0, made.stderr
        service.tokens[name] = made.stdout.strip()
    log = open(folder / "serve.log", "wb")
    server = subprocess.Popen([MODERATION, "serve", "--port", str(port)], cwd=folder, env=env, stdout=log,
                              stderr=subprocess.STDOUT)

    def ready() -> bool:
        try:
            return service.call("GET", "/readyz")[0] == 200
        except OSError:
            return False

    wait_until(ready, timeout=60, interval=0.2)
    yield service
    server.terminate()
    server.wait(timeout=30)
    log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium is not installed at {CHROMIUM} (.ci/run installs Debian's package)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.errors = errors
    yield opened
    context.close()


def log_in(page: Any, service: Service, name: str) -> None:
    page.goto(service.base + "/moderate/login")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/moderate(/audit)?$"))


def screenshot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


__all__ = ["Service", "log_in", "screenshot", "shutil"]
