"""From submission to the review queue, on the production stack: none lost, how fast, how much memory.

Steady run: 10,000 comments POSTed at a steady 200/s (open loop) to the API (gunicorn, 2 workers) on
PostgreSQL and Redis, checked by one Celery worker with two processes; every comment must reach
`needs_review`, and the time from submission to `needs_review` (both stamped by the service) gives p50 and
p99; the CPU each role spent per comment; then the resident memory of each API worker and each Celery
process. Target: p99 < 500 ms at 200/s; < 300 MB per process. `--batch-wait 0` runs the API with one check
message per comment, for comparison.

Scale-out runs: 4,000 comments waiting at once, drained by 1 and by 2 worker processes, with Redis and
with RabbitMQ as the broker, one id per message and 50 (as the sweep sends a backlog): comments checked
per second, and per worker process.

    .venv/bin/python bench/end_to_end.py [--comments 10000] [--rate 200] [--drain 4000] [--skip-steady]
        [--skip-drain] [--batch-wait 0.05]

Writes bench/RESULTS_END_TO_END.md (RESULTS_END_TO_END_<rate>[_wait<s>].md with --skip-drain).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from datetime import datetime, timezone
from pathlib import Path

import psycopg

import benchlib  # bench/ is on sys.path when a script here runs
from workers.tasks import READY_FILE_VARIABLE

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ADMIN_URL = os.environ.get("MODERATION_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
RABBITMQ = os.environ.get("MODERATION_BENCH_RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:5672//")
REDIS = "redis://127.0.0.1:6379/0"
BATCH_WAIT = 0.05  # the default MODERATION_CHECK_BATCH_WAIT; the steady run's is --batch-wait
DRAIN_BATCHES = (1, 50)  # one id per message; what the sweep sends (MODERATION_CHECK_BATCH_SIZE)
BODIES = [
    "The council should publish the figures before the vote.",
    "What a load of shit, as usual from this mayor.",
    "Great reporting from Kirkuk, thank you.",
    "You are an idiot if you believe the minister.",
    "Check out my channel for more videos! subscribe",
]


def database(name: str) -> str:
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    url = ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    subprocess.run([str(BIN / "moderation"), "db", "upgrade"], env={**os.environ, "MODERATION_DATABASE_URL": url},
                   check=True, capture_output=True)
    return url


def environment(url: str, broker: str, queue: str, batch_wait: float = BATCH_WAIT) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MODERATION_")}
    env.update(MODERATION_DATABASE_URL=url, MODERATION_BROKER_URL=broker, MODERATION_CHECK_QUEUE=queue,
               MODERATION_SUBMIT_RATE_LIMIT="1000000/second", MODERATION_DATA_DIR=f"/tmp/moderation-e2e-{queue}",
               MODERATION_PENDING_MAX_AGE="120", MODERATION_CHECK_BATCH_WAIT=str(batch_wait), PYTHONPATH=str(ROOT))
    return env


def worker(env: dict[str, str], processes: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen([str(BIN / "celery"), "-A", "workers", "worker", "--concurrency", str(processes),
                             "--loglevel", "WARNING", "--without-gossip", "--without-mingle"],
                            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def cpu_seconds(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # gone meanwhile
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
    return total


def named(*names: str) -> list[int]:
    """Processes of the machine's servers (PostgreSQL's backends, Redis), by command name."""
    found = []
    for comm in Path("/proc").glob("[0-9]*/comm"):
        try:
            if comm.read_text().strip() in names:
                found.append(int(comm.parent.name))
        except OSError:
            continue
    return found


def cpu_by_role(api: subprocess.Popen[bytes], checker: subprocess.Popen[bytes]) -> dict[str, float]:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"API (gunicorn)": cpu_seconds([api.pid, *children(api.pid)]),
            "Celery worker": cpu_seconds([checker.pid, *children(checker.pid)]),
            "PostgreSQL": cpu_seconds(named("postgres")), "Redis": cpu_seconds(named("redis-server")),
            "load generator": usage.ru_utime + usage.ru_stime}


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def count(url: str, status: str) -> int:
    with psycopg.connect(url) as connection:
        return connection.execute("SELECT count(*) FROM comments WHERE status = %s", (status,)).fetchone()[0]


def post(body: dict[str, str], article: str = "e2e") -> int:
    """The answer's status; 0 when there was none (the server not up, or the connection lost)."""
    request = urllib.request.Request(f"http://127.0.0.1:8761/v1/articles/{article}/comments",
                                     data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


def wait_until_warm(ready_file: Path, url: str, limit: float = 180) -> None:
    """Until the worker says it is ready and a few warm-up comments have been checked: the steady run measures
    the service running, not its start (which the sleep this replaces left inside the first seconds). The
    comments go one batch window apart, so each makes a check message of its own and both worker processes
    get some."""
    deadline = time.monotonic() + limit
    while not ready_file.exists():
        if time.monotonic() > deadline:
            raise SystemExit("the check worker did not become ready")
        time.sleep(0.2)
    for i in range(WARMUP_COMMENTS):
        while not (status := post({"author_name": "Warm-up", "author_email": f"{WARMUP}{i}@example.org",
                                   "body": BODIES[i % len(BODIES)]}, article="e2e-warm-up")):
            if time.monotonic() > deadline:
                raise SystemExit("the API did not start")
            time.sleep(0.2)
        if status != 202:
            raise SystemExit(f"a warm-up comment was answered {status}")
        time.sleep(4 * BATCH_WAIT)
    while count(url, "pending") > 0:
        if time.monotonic() > deadline:
            raise SystemExit("the warm-up comments were not checked")
        time.sleep(0.1)


WARMUP = "warm-up"
WARMUP_COMMENTS = 8


def steady(args: argparse.Namespace) -> dict[str, object]:
    url = database("moderation_bench_e2e")
    queue = f"moderation.e2e.{uuid.uuid4().hex[:8]}"
    env = environment(url, REDIS, queue, args.batch_wait)
    ready_file = Path(f"/tmp/moderation-e2e-ready-{queue}")
    env[READY_FILE_VARIABLE] = str(ready_file)
    api = subprocess.Popen([str(BIN / "gunicorn"), "--bind", "127.0.0.1:8761", "--workers", "2", "--worker-class",
                            "gthread", "--threads", "8", "--log-level", "warning", "api:create_app()"],
                           env=env, cwd=ROOT)
    checker = worker(env, 2)
    try:
        launched = time.perf_counter()
        wait_until_warm(ready_file, url)
        warm_seconds = time.perf_counter() - launched
        cpu_before = cpu_by_role(api, checker)
        sent, failed = [0], [0]
        lock = threading.Lock()
        interval = 1.0 / args.rate
        started = time.perf_counter()

        def send(i: int) -> None:
            ok = post({"author_name": "Reader", "author_email": f"r{i}@example.org",
                       "body": f"{BODIES[i % len(BODIES)]} ({i})"}) == 202
            with lock:
                sent[0] += ok
                failed[0] += not ok

        # Open loop, a connection per comment: a few long keep-alive connections would pin the load to one
        # gunicorn worker (connections are balanced, not requests), which measured worse than this.
        threads = []
        for i in range(args.comments):
            pause = started + i * interval - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
            thread = threading.Thread(target=send, args=(i,))
            thread.start()
            threads.append(thread)
        for thread in threads:
            thread.join()
        sending = time.perf_counter() - started
        deadline = time.time() + 600
        while count(url, "pending") > 0 and time.time() < deadline:  # every stored comment, answered or not
            time.sleep(0.5)
        cpu_after = cpu_by_role(api, checker)
        with psycopg.connect(url) as connection:
            waits = [row[0] * 1000 for row in connection.execute(
                "SELECT EXTRACT(EPOCH FROM (checked_at - submitted_at)) FROM comments "
                "WHERE checked_at IS NOT NULL AND author_email NOT LIKE %s", (f"{WARMUP}%",))]
            duplicates = connection.execute(
                "SELECT count(*) FROM (SELECT comment_id FROM audit_events WHERE action = 'checked' "
                "GROUP BY comment_id HAVING count(*) > 1) d").fetchone()[0]
        memory = {"API worker (gunicorn)": [rss_mb(p) for p in children(api.pid)],
                  "Celery worker process": [rss_mb(p) for p in children(checker.pid)],
                  "Celery parent": [rss_mb(checker.pid)]}
    finally:  # never leave a server behind, whatever failed
        ready_file.unlink(missing_ok=True)
        api.terminate()
        checker.terminate()
        api.wait(20)
        checker.wait(30)
    waits.sort()
    return {
        "accepted": sent[0], "failed": failed[0], "checked": len(waits), "pending": count(url, "pending"),
        "duplicates": duplicates, "sending_seconds": sending, "warm_seconds": warm_seconds, "achieved_rate": args.comments / sending,
        "p50": statistics.median(waits) if waits else float("nan"),
        "p99": waits[int(0.99 * len(waits)) - 1] if waits else float("nan"),
        "max": waits[-1] if waits else float("nan"), "memory": memory,
        "cpu_ms": {role: (cpu_after[role] - cpu_before[role]) * 1000 / args.comments for role in cpu_before},
    }


def drain(broker: str, processes: int, comments: int, batch: int) -> float:
    """Comments checked per second when `comments` wait at once, `batch` ids per message."""
    url = database(f"moderation_bench_drain_{processes}")
    queue = f"moderation.drain.{uuid.uuid4().hex[:8]}"
    env = environment(url, broker, queue)
    sys.path.insert(0, str(ROOT))
    from moderation import services
    from moderation.db import SessionFactory, make_engine
    from moderation.settings import Settings
    from workers.celery_app import CHECK_BATCH_TASK, create_celery

    settings = Settings.model_validate({"database_url": url, "broker_url": broker, "check_queue": queue,
                                        "data_dir": f"/tmp/moderation-drain-{queue}"})
    sessions = SessionFactory(make_engine(settings.sqlalchemy_url))
    ids = [services.submit_comment(sessions, services.NewComment("drain", "Reader", f"r{i}@example.org",
                                                                  f"{BODIES[i % len(BODIES)]} ({i})"),
                                   auto_create_articles=True, secret="s" * 32).id for i in range(comments)]
    celery = create_celery(settings)
    for start in range(0, len(ids), batch):
        celery.send_task(CHECK_BATCH_TASK, args=[ids[start:start + batch]])
    sessions.engine.dispose()
    checker = worker(env, processes)
    while count(url, "pending") > 0:
        time.sleep(0.2)
    checker.terminate()
    checker.wait(30)
    with psycopg.connect(url) as connection:  # from the first check to the last: the worker's start-up excluded
        first, last = connection.execute("SELECT min(checked_at), max(checked_at) FROM comments").fetchone()
        after_first = connection.execute(  # a batch shares one checked_at: the first one's comments are left out
            "SELECT count(*) FROM comments WHERE checked_at > %s", (first,)).fetchone()[0]
    return after_first / (last - first).total_seconds()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=10_000)
    parser.add_argument("--rate", type=float, default=200)
    parser.add_argument("--drain", type=int, default=4_000)
    parser.add_argument("--skip-steady", action="store_true")
    parser.add_argument("--skip-drain", action="store_true")
    parser.add_argument("--batch-wait", type=float, default=BATCH_WAIT,
                        help="the API's MODERATION_CHECK_BATCH_WAIT; 0: one check message per comment")
    args = parser.parse_args()
    result = None if args.skip_steady else steady(args)
    scale = {} if args.skip_drain else {
        (broker_name, batch, n): drain(broker, n, args.drain, batch)
        for broker_name, broker in (("Redis", REDIS), ("RabbitMQ", RABBITMQ)) for batch in DRAIN_BATCHES
        for n in (1, 2)}
    report(args, result, scale)


def report(args: argparse.Namespace, result: dict[str, object] | None,
           scale: dict[tuple[str, int, int], float]) -> None:
    commit = benchlib.commit()
    lines = ["# End to end: submission to the review queue", "",
             f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, commit {commit.strip()}, {os.cpu_count()} cores "
             f"(everything, the load generator included, shares them); `.venv/bin/python bench/end_to_end.py "
             f"{' '.join(sys.argv[1:])}`", ""]
    if result:
        lines += [
            f"## Steady: {args.comments:,} comments at {args.rate:.0f}/s, one Celery worker with 2 processes, "
            f"MODERATION_CHECK_BATCH_WAIT={args.batch_wait:g}", "",
            "| measure | value |", "| --- | --- |",
            f"| accepted (202) / failed | {result['accepted']:,} / {result['failed']:,} |",
            f"| reached needs_review / still pending | {result['checked']:,} / {result['pending']:,} |",
            f"| comments checked twice in effect | {result['duplicates']} |",
            f"| from launch to warm (worker ready, {WARMUP_COMMENTS} warm-up comments checked; not measured "
            f"below) | {result['warm_seconds']:.1f} s |",
            f"| achieved submission rate | {result['achieved_rate']:.0f}/s |",
            f"| submission to needs_review p50 | {result['p50']:.0f} ms |",
            f"| submission to needs_review p99 | {result['p99']:.0f} ms (target < 500) |",
            f"| max | {result['max']:.0f} ms |", "",
            "CPU per comment, from the first submission until every comment was checked (PostgreSQL and "
            "Redis: all their processes on the machine):", "",
            "| role | CPU ms per comment |", "| --- | --- |",
            *[f"| {role} | {ms:.2f} |" for role, ms in result["cpu_ms"].items()],  # type: ignore[union-attr]
            f"| all | {sum(result['cpu_ms'].values()):.2f} |", "",  # type: ignore[union-attr]
            "Resident memory after the run (target < 300 MB each):", "",
            "| process | RSS MB |", "| --- | --- |",
        ]
        for name, values in result["memory"].items():  # type: ignore[union-attr]
            lines += [f"| {name} | {', '.join(f'{v:.0f}' for v in values)} |"]
        lines.append("")
    if not scale:
        suffix = f"_{int(args.rate)}" + ("" if args.batch_wait == BATCH_WAIT else f"_wait{args.batch_wait:g}")
        (ROOT / "bench" / f"RESULTS_END_TO_END{suffix}.md").write_text("\n".join(lines) + "\n")
        print("\n".join(lines))
        return
    lines += [f"## Scale-out: {args.drain:,} comments waiting, drained (rate from the first check to the last)", "",
              "One id per message, and the sweep's batches after an outage (the API gathers what arrives within "
              "`MODERATION_CHECK_BATCH_WAIT`: a few ids per message at these rates).", "",
              "| broker | ids per message | worker processes | checked/s | per process |",
              "| --- | --- | --- | --- | --- |"]
    for (broker, batch, n), rate in scale.items():
        lines.append(f"| {broker} | {batch} | {n} | {rate:,.0f} | {rate / n:,.0f} |")
    lines.append("")
    for broker in ("Redis", "RabbitMQ"):
        for batch in DRAIN_BATCHES:
            if (broker, batch, 1) in scale and (broker, batch, 2) in scale:
                lines.append(f"- {broker}, {batch} per message: 2 processes / 1 process = "
                             f"{scale[(broker, batch, 2)] / scale[(broker, batch, 1)]:.2f}")
    text = "\n".join(lines) + "\n"
    (ROOT / "bench" / "RESULTS_END_TO_END.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
