"""The `moderation` command: serve, migrate, check text."""

from __future__ import annotations

import gc
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

import click

from moderation.lifetime import die_with_parent
from moderation.settings import Settings, SettingsError, load_settings


def _settings() -> Settings:
    try:
        return load_settings()
    except SettingsError as error:
        raise click.ClickException(str(error)) from error


@click.group()
def main() -> None:
    """Comment moderation for newsrooms."""


# --- serve ------------------------------------------------------------------------------------------------


def worker_command(concurrency: int = 1) -> list[str]:
    """The embedded worker: Celery with beat inside, on the settings' broker (an SQLite file by default)."""
    return [
        sys.executable, "-m", "celery", "-A", "workers", "worker", "--beat",
        "--pool", "solo" if concurrency == 1 else "prefork", "--concurrency", str(concurrency),
        "--without-mingle", "--without-gossip", "--without-heartbeat", "--loglevel", "INFO",
    ]


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 256))
@click.option("--worker/--no-worker", default=True, show_default=True, help="Run a check worker alongside.")
def serve(host: str, port: int, threads: int, worker: bool) -> None:
    """Run the API, with a worker and the pending sweep, on the embedded default: nothing to install."""
    import waitress

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = _settings()
    _policy(settings)  # a broken file is one line naming it, before the worker prints its traceback
    listener = _listen(host, port)  # first: a second `serve` on a busy port must not touch the first one's files
    _share_metrics(settings.data_dir / "metrics")  # before prometheus_client is imported: API and worker add up
    from api import create_app  # imports prometheus_client: only now (the API's own counters were lost)
    from moderation import migrate

    migrate.upgrade(settings.sqlalchemy_url)
    app = create_app(settings)

    stopping = threading.Event()
    ready_file = settings.data_dir / "worker.ready"
    ready_file.unlink(missing_ok=True)
    child = subprocess.Popen(worker_command(), env={**os.environ, "EMBEDDED_WORKER_READY_FILE": str(ready_file)},
                             preexec_fn=die_with_parent) if worker else None
    if child is not None:
        _wait_for_worker(child, ready_file)

    def _stop(_signum: int, _frame: Any) -> None:
        stopping.set()
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _stop)
    if child is not None:
        threading.Thread(target=_watch_worker, args=(child, stopping), daemon=True).start()
    click.echo(f"moderation: API on http://{host}:{port}  (docs at /docs; database {_safe(settings)})", err=True)
    try:
        waitress.serve(app, sockets=[listener], threads=threads, ident="moderation")
    except KeyboardInterrupt:
        pass
    finally:
        stopping.set()
        if child is not None and child.poll() is None:
            child.terminate()
            try:
                child.wait(timeout=15)
            except subprocess.TimeoutExpired:
                child.kill()


def _listen(host: str, port: int) -> socket.socket:
    """The API's listening socket, bound before anything else starts."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]  # "::" listens on IPv6
        listener = socket.create_server((host, port), family=family)
    except OSError as error:
        raise click.ClickException(f"cannot listen on {host}:{port}: {error.strerror or error}") from error
    return listener


def _wait_for_worker(child: subprocess.Popen[bytes], ready_file: Path, timeout: float = 120.0) -> None:
    """Open the API only when its worker is ready, so the first comment is checked at once."""
    import time

    deadline = time.monotonic() + timeout
    while not ready_file.exists():
        if child.poll() is not None:
            raise click.ClickException(f"the check worker exited during start-up (code {child.returncode})")
        if time.monotonic() > deadline:
            child.terminate()
            raise click.ClickException("the check worker did not become ready")
        time.sleep(0.1)


def _share_metrics(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", str(folder.resolve()))


def _watch_worker(child: subprocess.Popen[bytes], stopping: threading.Event) -> None:
    """Without its worker the service would accept comments it never checks: stop loudly instead."""
    code = child.wait()
    if not stopping.is_set():
        logging.getLogger("moderation").error("the check worker exited (code %s); stopping the API", code)
        os.kill(os.getpid(), signal.SIGTERM)


def _safe(settings: Settings) -> str:
    from sqlalchemy.engine import make_url

    return make_url(settings.sqlalchemy_url).render_as_string(hide_password=True)


# --- db ---------------------------------------------------------------------------------------------------


@main.group()
def db() -> None:
    """The database schema."""


@db.command()
def upgrade() -> None:
    """Create or migrate the schema of MODERATION_DATABASE_URL."""
    from moderation import migrate

    settings = _settings()
    migrate.upgrade(settings.sqlalchemy_url)
    click.echo(f"database {_safe(settings)} is at revision {migrate.current_revision(settings.sqlalchemy_url)}")


# --- users and the audit record ---------------------------------------------------------------------------


def _sessions():  # type: ignore[no-untyped-def]
    from moderation.db import SessionFactory, make_engine

    return SessionFactory(make_engine(_settings().sqlalchemy_url))


@main.group()
def users() -> None:
    """Moderators, admins and auditors."""


@users.command("add")
@click.argument("name")
@click.option("--role", required=True, type=click.Choice(["moderator", "admin", "auditor"]))
@click.option("--password-stdin", is_flag=True, help="Also set the web login password, read from standard input.")
def users_add(name: str, role: str, password_stdin: bool) -> None:
    """Create a user and print their API token (shown this once)."""
    from moderation import accounts
    from moderation.models import Role

    password = sys.stdin.readline().rstrip("\r\n") if password_stdin else None
    try:
        _, token = accounts.create_user(_sessions(), name, Role(role), password)
    except accounts.AccountError as error:
        raise click.ClickException(error.detail) from error
    click.echo(token)
    click.echo(f"user {name} ({role}) created; the token above is shown once: keep it safe", err=True)


@users.command("password")
@click.argument("name")
def users_password(name: str) -> None:
    """Set a user's web login password, read from standard input; their open web sessions end."""
    from moderation import accounts
    from moderation.errors import NotFound

    try:
        accounts.set_password(_sessions(), name, sys.stdin.readline().rstrip("\r\n"))
    except (accounts.AccountError, NotFound) as error:
        raise click.ClickException(error.detail) from error
    click.echo(f"password of {name} changed; their open web sessions have ended")


@users.command("token")
@click.argument("name")
def users_token(name: str) -> None:
    """Print a new API token for an existing user."""
    from moderation import accounts
    from moderation.errors import NotFound

    try:
        click.echo(accounts.issue_token(_sessions(), name))
    except NotFound as error:
        raise click.ClickException(error.detail) from error


@users.command("revoke")
@click.argument("name")
@click.option("--token-prefix", help="Revoke only the token that starts with this (its first 12 characters).")
def users_revoke(name: str, token_prefix: str | None) -> None:
    """Revoke a user's API tokens."""
    from moderation import accounts
    from moderation.errors import NotFound

    try:
        count = accounts.revoke_tokens(_sessions(), name, token_prefix)
    except NotFound as error:
        raise click.ClickException(error.detail) from error
    if count == 0 and token_prefix:  # a mistyped prefix must not read as a revocation
        raise click.ClickException(f"{name} has no live token starting with {token_prefix!r}: nothing was revoked")
    click.echo(f"revoked {count} token(s) of {name}")


@users.command("disable")
@click.argument("name")
def users_disable(name: str) -> None:
    """Lock a user out: tokens, password and open web sessions stop working at once."""
    _set_disabled(name, True)
    click.echo(f"{name} is disabled; `moderation users enable {name}` lets them back in")


@users.command("enable")
@click.argument("name")
def users_enable(name: str) -> None:
    """Let a disabled user back in (their unrevoked tokens and password work again)."""
    _set_disabled(name, False)
    click.echo(f"{name} is enabled")


def _set_disabled(name: str, disabled: bool) -> None:
    from moderation import accounts
    from moderation.errors import NotFound

    try:
        accounts.set_disabled(_sessions(), name, disabled)
    except NotFound as error:
        raise click.ClickException(error.detail) from error


@main.group("audit")
def audit_group() -> None:
    """The decision record."""


@audit_group.command("verify")
def audit_verify() -> None:
    """Exit 0 when the record's SHA-256 chain is intact and every comment still holds what was submitted and
    is in the state its record says, else name the first entry (or comment) that breaks it."""
    from moderation import audit

    result = audit.verify_record(_sessions())
    if result.ok:
        click.echo(f"audit record intact: {result.checked} entries")
        return
    where = f" at entry {result.first_bad_id}" if result.first_bad_id is not None else ""
    click.echo(f"audit record broken{where}: {result.reason} ({result.checked} entries before it are intact)",
               err=True)
    sys.exit(1)


# --- check and eval --------------------------------------------------------------------------------------


def _policy(settings: Any) -> Any:
    from moderation.policy import PolicyError, load_policy

    try:
        return load_policy(settings.policy)
    except PolicyError as error:
        raise click.ClickException(str(error)) from error


def _pipeline_and_policy() -> tuple[Any, Any]:
    from moderation.checks.pipeline import build_pipeline

    policy = _policy(_settings())
    return build_pipeline(policy), policy


@main.command()
@click.argument("text")
@click.option("--all", "show_all", is_flag=True, help="Every score, not only those that reach review.")
def check(text: str, show_all: bool) -> None:
    """Print the findings for TEXT, or for each JSON line on standard input when TEXT is `-`."""
    from moderation.checks import CheckContext

    pipeline, policy = _pipeline_and_policy()
    gc.freeze()  # the lexicons and the model are built for good: later collections need not walk them

    def findings_for(context: CheckContext) -> dict[str, Any]:
        found = [f for f in pipeline.run(context) if show_all or policy.reaches_review(f.code, f.score)]
        return {"findings": [f.to_dict() for f in sorted(found, key=lambda f: -f.score)]}

    if text != "-":
        click.echo(json.dumps(findings_for(CheckContext(text=text)), ensure_ascii=False))
        return
    _check_lines(sys.stdin, sys.stdout, findings_for)


def _check_lines(source: TextIO, sink: TextIO, findings_for: Any) -> None:
    """Answers each line in order; flushes once it has answered all the input that has arrived, so a reader
    waiting on one line gets its answer at once and a stream of lines costs one flush per chunk read."""
    from moderation.checks import CheckContext

    number = 0
    for chunk in _chunks_of_lines(source):
        for line in chunk:
            number += 1
            if not line.strip():
                continue
            try:
                item = json.loads((line.decode("utf-8") if isinstance(line, bytes) else line).lstrip("\ufeff"))
                if not isinstance(item["text"], str):
                    raise TypeError("`text` must be a string")  # null would be checked as the text "None"
                context = CheckContext(
                    text=item["text"],
                    article_title=str(item.get("article_title") or ""),
                    article_text=str(item.get("article_text") or ""),
                )
            except (ValueError, KeyError, TypeError, AttributeError) as error:
                raise click.ClickException(
                    f"line {number}: expected a JSON object with a \"text\" ({error})") from error
            sink.write(json.dumps(findings_for(context), ensure_ascii=False) + "\n")
        sink.flush()


def _chunks_of_lines(source: TextIO) -> Iterator[list[str] | list[bytes]]:
    """The complete lines of each read from the source, as they arrive (a read returns what is there)."""
    try:
        descriptor = source.fileno()
    except (AttributeError, OSError, ValueError):  # not a file (tests pass a StringIO): all at once
        yield source.read().splitlines()
        return
    pending = b""
    while True:
        data = os.read(descriptor, 1 << 16)
        if not data:
            break
        pending += data
        *complete, pending = pending.split(b"\n")
        if complete:
            yield complete  # decoded by the caller, which reports a bad line by its number
    if pending:
        yield [pending]


@main.command("eval")
@click.option("--data", "data", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="CSV with a `text` column and `labels` (codes separated by ';').")
@click.option("--json", "as_json", is_flag=True, help="One JSON object, as the contract describes.")
def evaluate_command(data: Path, as_json: bool) -> None:
    """Score the checks against labelled comments."""
    from moderation.evaluation import EvaluationError, evaluate, read_rows

    pipeline, policy = _pipeline_and_policy()
    try:
        rows = read_rows(data)
    except EvaluationError as error:
        raise click.ClickException(str(error)) from error
    report = evaluate(rows, pipeline, policy)
    if as_json:
        click.echo(json.dumps(report))
        return
    flagged = report["flagged"]
    click.echo(f"{report['rows']} rows, {report['comments_per_second']} comments/s (policy {policy.version})")
    click.echo(f"{'flagged':<22} P {flagged['precision']:.3f}  R {flagged['recall']:.3f}  F1 {flagged['f1']:.3f}")
    for label, row in report["categories"].items():
        click.echo(f"{label:<22} P {row['precision']:.3f}  R {row['recall']:.3f}  F1 {row['f1']:.3f}"
                   f"  support {row['support']}")
    click.echo(f"{'macro F1':<22} {report['macro_f1']:.3f}")


if __name__ == "__main__":  # pragma: no cover
    main()
