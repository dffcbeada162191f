"""The `moderation` command, run as a user runs it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import free_port, wait_until

MODERATION = str(Path(sys.executable).parent / "moderation")
REPO = Path(__file__).resolve().parent.parent


def run(*args: str, cwd: Path, stdin: str | None = None, env: dict[str, str] | None = None):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("MODERATION_")} | (env or {})
    return subprocess.run([MODERATION, *args], cwd=cwd, input=stdin, capture_output=True, text=True, timeout=120,
                          env=environment)


def test_check_prints_findings_with_evidence(tmp_path):
    result = run("check", "You are full of shit", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    findings = json.loads(result.stdout)["findings"]
    lexicon = [f for f in findings if f["checker"] == "lexicon"]
    assert [(f["code"], f["evidence"][0]["text"], f["evidence"][0]["start"]) for f in lexicon] == [("profanity", "shit", 16)]
    assert json.loads(run("check", "A measured reply about the council budget.", cwd=tmp_path).stdout) == {"findings": []}


def test_check_reads_json_lines_and_answers_in_order(tmp_path):
    lines = "\n".join(json.dumps(item) for item in (
        {"text": "shit happens"}, {"text": "All good here", "article_title": "Budget"}, {"text": "fuck this"},
    ))
    result = run("check", "-", cwd=tmp_path, stdin=lines + "\n")
    assert result.returncode == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert ["profanity" in {f["code"] for f in a["findings"]} for a in answers] == [True, False, True]


def test_check_rejects_a_line_without_text(tmp_path):
    result = run("check", "-", cwd=tmp_path, stdin='{"body": "no text field"}\n')
    assert result.returncode != 0 and "line 1" in result.stderr
    for line in ('{"text": null}', '{"text": 42}', '{"text": {"a": 1}}'):  # never checked as "None", "42"
        result = run("check", "-", cwd=tmp_path, stdin=line + "\n")
        assert result.returncode != 0 and "line 1" in result.stderr and "string" in result.stderr, line
    with_bom = run("check", "-", cwd=tmp_path, stdin='\ufeff{"text": "shit happens"}\n')
    assert with_bom.returncode == 0 and "profanity" in with_bom.stdout


def test_db_upgrade_creates_the_schema(tmp_path):
    result = run("db", "upgrade", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "revision 0006" in result.stdout  # the newest migration
    assert (tmp_path / "moderation-data" / "moderation.sqlite3").exists()


def test_users_disable_and_enable_from_the_command_line(tmp_path):
    assert run("db", "upgrade", cwd=tmp_path).returncode == 0
    assert run("users", "add", "zoe", "--role", "moderator", cwd=tmp_path).returncode == 0
    disabled = run("users", "disable", "zoe", cwd=tmp_path)
    assert disabled.returncode == 0 and "disabled" in disabled.stdout
    assert run("users", "enable", "zoe", cwd=tmp_path).returncode == 0
    missing = run("users", "disable", "nobody", cwd=tmp_path)
    assert missing.returncode != 0 and "nobody" in missing.stderr


def test_a_revoke_that_matches_no_token_fails(tmp_path):
    assert run("db", "upgrade", cwd=tmp_path).returncode == 0
    added = run("users", "add", "zoe", "--role", "moderator", cwd=tmp_path)
    token = re.search(r"mod_\S+", added.stdout).group()
    missing = run("users", "revoke", "zoe", "--token-prefix", "nonexistent", cwd=tmp_path)
    assert missing.returncode == 1 and "nothing was revoked" in missing.stderr
    revoked = run("users", "revoke", "zoe", "--token-prefix", token[:12], cwd=tmp_path)
    assert revoked.returncode == 0 and "revoked 1 token(s) of zoe" in revoked.stdout


def test_users_password_from_the_command_line(tmp_path):
    assert run("db", "upgrade", cwd=tmp_path).returncode == 0
    assert run("users", "add", "zoe", "--role", "moderator", cwd=tmp_path).returncode == 0
    changed = run("users", "password", "zoe", cwd=tmp_path, stdin="a long new passphrase\n")
    assert changed.returncode == 0 and "sessions have ended" in changed.stdout
    short = run("users", "password", "zoe", cwd=tmp_path, stdin="short\n")
    assert short.returncode != 0 and "12 characters" in short.stderr
    missing = run("users", "password", "nobody", cwd=tmp_path, stdin="a long new passphrase\n")
    assert missing.returncode != 0 and "nobody" in missing.stderr


def test_bad_settings_stop_the_command_with_a_clear_message(tmp_path):
    result = run("db", "upgrade", cwd=tmp_path, env={"MODERATION_BROKR_URL": "redis://x"})
    assert result.returncode != 0
    assert "MODERATION_BROKR_URL is not a setting (did you mean MODERATION_BROKER_URL?)" in result.stderr


def test_a_broken_policy_file_stops_serve_and_the_worker_with_one_line(tmp_path):
    policy = tmp_path / "policy.toml"
    policy.write_text("[thresholds\n")
    env = {"MODERATION_POLICY": str(policy)}
    served = run("serve", "--port", str(free_port()), cwd=tmp_path, env=env)
    worker = subprocess.run([str(Path(MODERATION).parent / "celery"), "-A", "workers", "worker"], cwd=REPO,
                            capture_output=True, text=True, timeout=60,
                            env={k: v for k, v in os.environ.items() if not k.startswith("MODERATION_")} | env)
    for result in (served, worker):
        assert result.returncode == 1
        assert f"cannot read the policy file {policy}" in result.stderr and "Traceback" not in result.stderr


def start_serve(folder: Path):
    """`moderation serve` in `folder` on a free port, with no MODERATION_ setting: its process, log and URL."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MODERATION_")}
    log = open(folder / "serve.log", "wb")
    server = subprocess.Popen([MODERATION, "serve", "--port", str(port)], cwd=folder, env=env, stdout=log,
                              stderr=subprocess.STDOUT)
    return server, log, f"http://127.0.0.1:{port}", env


def test_serve_takes_a_comment_from_pending_to_review_with_nothing_installed(tmp_path):
    """The README's first command, in an empty folder: SQLite and the embedded broker, no server."""
    server, log, base, _ = start_serve(tmp_path)
    try:
        def up() -> bool:
            try:
                return urllib.request.urlopen(f"{base}/readyz", timeout=2).status == 200
            except OSError:
                return False

        wait_until(up, timeout=60, interval=0.2)
        request = urllib.request.Request(
            f"{base}/v1/articles/demo/comments", method="POST", headers={"Content-Type": "application/json"},
            data=json.dumps({"author_name": "Ann", "author_email": "ann@example.org", "body": "Fair point."}).encode())
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 202
            location = response.headers["Location"]
        submitted = time.monotonic()

        def status() -> str | None:
            with urllib.request.urlopen(base + location, timeout=5) as response:
                value = json.loads(response.read())["status"]
            return value if value != "pending" else None

        assert wait_until(status, timeout=30) == "needs_review"
        print(f"embedded default: pending -> needs_review in {(time.monotonic() - submitted) * 1000:.0f} ms")
        assert (tmp_path / "moderation-data" / "moderation.sqlite3").exists()
        assert (tmp_path / "moderation-data" / "broker.sqlite3").exists()
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    output = (tmp_path / "serve.log").read_text()
    assert "Warm shutdown" in output, output[-3000:]


def test_a_second_serve_leaves_the_first_alone_and_a_killed_serve_takes_its_worker_along(tmp_path):
    server, log, base, env = start_serve(tmp_path)
    port = int(base.rsplit(":", 1)[1])
    ready = tmp_path / "moderation-data" / "worker.ready"
    try:
        def submit_and_read_metrics() -> str:
            try:
                request = urllib.request.Request(
                    f"{base}/v1/articles/demo/comments", method="POST", headers={"Content-Type": "application/json"},
                    data=json.dumps({"author_name": "Ann", "author_email": f"ann{time.monotonic_ns()}@example.org",
                                     "body": f"Fair point {time.monotonic_ns()}."}).encode())
                urllib.request.urlopen(request, timeout=5).close()
                with urllib.request.urlopen(f"{base}/metrics", timeout=2) as response:
                    return response.read().decode()
            except OSError:
                return ""

        wait_until(lambda: "submissions" in submit_and_read_metrics(), timeout=60, interval=0.5)
        worker_pid = int(ready.read_text())
        second = run("serve", "--port", str(port), cwd=tmp_path, env=env)
        assert second.returncode != 0 and f"cannot listen on 127.0.0.1:{port}" in second.stderr
        # the first one's ready file and shared metrics are untouched (the second wiped them before it failed)
        assert ready.exists() and "submissions" in submit_and_read_metrics()
        server.kill()  # SIGKILL: no chance to stop the worker itself
        server.wait(timeout=10)

        def worker_gone() -> bool:
            try:
                os.kill(worker_pid, 0)
            except ProcessLookupError:
                return True
            return False

        assert wait_until(worker_gone, timeout=30, interval=0.2)
    finally:
        if server.poll() is None:
            server.kill()
        log.close()


def test_eval_prints_the_contracts_json_and_counts_a_code_for_its_family(tmp_path):
    data = tmp_path / "labelled.csv"
    data.write_text("\ufefftext,labels\n"  # with the BOM a spreadsheet writes
                    '"Go back to your own country, you filthy migrants",abuse.xenophobia\n'
                    '"Immigrants are vermin",abuse\n'
                    '"What a load of shit",obscene\n'
                    '"The council approved the budget after a long debate.",\n', encoding="utf-8")
    result = run("eval", "--data", str(data), "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report) == {"rows", "flagged", "categories", "macro_f1", "comments_per_second"}
    assert report["rows"] == 4 and report["flagged"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert set(report["categories"]) == {"abuse.xenophobia", "abuse", "obscene"}
    # the xenophobia row is an abuse row too: found abuse on it is no false positive
    assert report["categories"]["abuse"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 2}
    # the row labelled only "abuse" says nothing of xenophobia: it counts neither way
    assert report["categories"]["abuse.xenophobia"]["support"] == 1
    assert report["categories"]["abuse.xenophobia"]["precision"] == 1.0
    notes = tmp_path / "notes.csv"
    notes.write_text("text,labels\nhallo,unsupported_language\n", encoding="utf-8")
    refused = run("eval", "--data", str(notes), cwd=tmp_path)
    assert refused.returncode != 0 and "never a violation" in refused.stderr
