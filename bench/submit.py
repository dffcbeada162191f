"""Submission throughput: the real route under gunicorn on PostgreSQL and Redis, against a bare Flask app.

Both run under the same gunicorn settings (2 workers, gthread, 4 threads each) and are driven by wrk on
loopback with the same script (a different comment per request), in the same run. Reports both rates
and their ratio. Target: ratio >= 0.5.

    .venv/bin/python bench/submit.py [--seconds 15] [--connections 8]

Needs PostgreSQL (MODERATION_BENCH_POSTGRES_URL, admin URL, default postgres@127.0.0.1/test), Redis at
127.0.0.1:6379 and wrk. Writes bench/RESULTS_SUBMIT.md.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import subprocess
import sys
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

import psycopg
import redis

import benchlib  # bench/ is on sys.path when a script here runs

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ADMIN_URL = os.environ.get("MODERATION_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
DATABASE = "moderation_bench_submit"
# --reuse-port: a listening socket per worker, so the kernel spreads wrk's few keep-alive connections over both
# workers; with one shared socket, whichever worker woke first could take all of them.
GUNICORN = ["--workers", "2", "--worker-class", "gthread", "--threads", "4", "--log-level", "warning",
            "--keep-alive", "5", "--reuse-port"]


def fresh_database() -> str:
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{DATABASE}"')
    url = ADMIN_URL.rsplit("/", 1)[0] + f"/{DATABASE}"
    with psycopg.connect(url, autocommit=True) as connection:  # for bench/load/durable_app.py
        connection.execute("CREATE TABLE durable_floor "
                           "(id bigserial PRIMARY KEY, email text NOT NULL, body text NOT NULL)")
    env = {**os.environ, "MODERATION_DATABASE_URL": url}
    subprocess.run([str(BIN / "moderation"), "db", "upgrade"], env=env, check=True, capture_output=True)
    return url


def serve(app: str, port: int, env: dict[str, str], probe: tuple[str, str, str | None]) -> subprocess.Popen[bytes]:
    """Starts gunicorn and waits until `probe` (method, path, body) answers."""
    process = subprocess.Popen([str(BIN / "gunicorn"), "--bind", f"127.0.0.1:{port}", *GUNICORN, app],
                               env=env, cwd=ROOT)
    method, path, body = probe
    for _ in range(150):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            connection.request(method, path, body=body, headers={"Content-Type": "application/json"})
            connection.getresponse().read()
            return process
        except OSError:
            time.sleep(0.1)
    process.terminate()
    raise SystemExit(f"{app} did not start")


def drive(port: int, seconds: int, connections: int) -> dict[str, float]:
    output = subprocess.run(
        ["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "--latency", "-s",
         str(ROOT / "bench" / "load" / "post_comments.lua"), f"http://127.0.0.1:{port}"],
        capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    p50 = re.search(r"50%\s+([\d.]+)(\w+)", output)
    p99 = re.search(r"99%\s+([\d.]+)(\w+)", output)
    return {"rate": rate, "errors": int(non_2xx.group(1)) if non_2xx else 0,
            "p50": _ms(p50), "p99": _ms(p99)}


def _ms(match: re.Match[str] | None) -> float:
    if not match:
        return float("nan")
    value, unit = float(match.group(1)), match.group(2)
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    url = fresh_database()
    queue = f"moderation.bench.{uuid.uuid4().hex[:8]}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("MODERATION_")}
    env.update(MODERATION_DATABASE_URL=url, MODERATION_BROKER_URL="redis://127.0.0.1:6379/0",
               MODERATION_CHECK_QUEUE=queue, MODERATION_SUBMIT_RATE_LIMIT="1000000/second",
               MODERATION_DATA_DIR="/tmp/moderation-bench-submit", PYTHONPATH=str(ROOT))
    results = {}
    apps = (("bare Flask (parse JSON, 202)", "bench.load.bare_app:create_app()", 8751,
             ("POST", "/v1/articles/a/comments", '{"body": "x"}')),
            (DURABLE, "bench.load.durable_app:create_app()", 8753,
             ("POST", "/v1/articles/a/comments", '{"body": "x", "author_email": "probe@example.org"}')),
            ("moderation submission route", "api:create_app()", 8752, ("GET", "/healthz", None)))
    for name, app, port, probe in apps:
        process = serve(app, port, env, probe)
        try:
            drive(port, 3, args.connections)  # warm-up
            results[name] = drive(port, args.seconds, args.connections)
        finally:
            process.terminate()
            process.wait(15)
    with psycopg.connect(url) as connection:
        stored = connection.execute("SELECT count(*) FROM comments").fetchone()[0]
    redis.Redis.from_url("redis://127.0.0.1:6379/0").delete(queue)
    report(args, results, stored)


DURABLE = "bare Flask + one INSERT committed on PostgreSQL"


def report(args: argparse.Namespace, results: dict[str, dict[str, float]], stored: int) -> None:
    bare, ours = results["bare Flask (parse JSON, 202)"], results["moderation submission route"]
    commit = benchlib.commit()
    lines = [
        "# Submission throughput", "",
        f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, commit {commit.strip()}, {os.cpu_count()} cores "
        f"(wrk shares them); `.venv/bin/python bench/submit.py {' '.join(sys.argv[1:])}`", "",
        f"gunicorn {' '.join(GUNICORN)}; wrk 2 threads, {args.connections} connections, {args.seconds} s, a new "
        "comment per request. The real route validates, stores the comment, its audit receipt and the rate-limit "
        "counters (Redis) and commits on PostgreSQL before answering; a thread of each API process publishes the "
        "new ids to Redis, several per check message.", "",
        "| app | requests/s | p50 ms | p99 ms | non-2xx |", "| --- | --- | --- | --- | --- |",
    ]
    for name, result in results.items():
        lines.append(f"| {name} | {result['rate']:,.0f} | {result['p50']:.2f} | {result['p99']:.2f} | "
                     f"{result['errors']} |")
    durable = results[DURABLE]
    lines += ["", f"Ratio (moderation / bare): **{ours['rate'] / bare['rate']:.2f}** (target >= 0.5). "
              f"{stored:,} comments were stored.", "",
              f"For scale: a bare app that only commits one INSERT per request reaches "
              f"{durable['rate'] / bare['rate']:.2f} of the bare rate here; the submission route reaches "
              f"{ours['rate'] / durable['rate']:.2f} of that floor."]
    text = "\n".join(lines) + "\n"
    (ROOT / "bench" / "RESULTS_SUBMIT.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
