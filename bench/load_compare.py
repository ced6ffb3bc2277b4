"""gunicorn settings side by side: bench/load.py against each, interleaved A/B/A/B in one run.

    .venv/bin/python bench/load_compare.py --db serving_bench [--port 8200] [--clients 20] \\
        [--seconds 20] [--rounds 2] \\
        --config "sync 3=worker_class=sync,workers=3,threads=1" \\
        --config "gthread 2x4=worker_class=gthread,workers=2,threads=4" [--config ...]

On a shared machine the absolute requests/s of one run says little; the same load against
two settings in turn, several times, says which is better. Every setting's gunicorn is started
first (gunicorn.conf.py, settings as deployed, DEBUG off, the cache on Redis, each on its own
port; an idle server costs memory only), the clients sign in once (sessions are in the database,
so each server accepts them), every server is warmed for a few seconds, then each round runs
the load against each server in turn. A config is `name=key=value,...` with keys
worker_class, workers, threads, keepalive, worker_connections (GUNICORN_*), pool
(DATABASE_POOL_SIZE) and root (another checkout of the app, to run old code beside new).
Prints one line per round and setting (with the load average) and the median per setting.

Besides the clock figures, each round records the CPU seconds the server's workers and the
database's backends for this database used (from /proc), per request: on a machine whose other
tenants make requests/s swing by 2x between rounds, CPU per request is the steadier figure, and
2 cores x 1000 / (app + database + client ms) is what the machine could serve.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

import psycopg

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import load
from bench_db import PASSWORD, ROOT, bench_users, collectstatic, gunicorn


def parse_config(text: str) -> tuple[str, dict]:
    name, _, spec = text.partition("=")
    overrides = {}
    for item in filter(None, spec.split(",")):
        key, _, value = item.partition("=")
        if key not in ("worker_class", "workers", "threads", "keepalive", "worker_connections", "pool", "root"):
            raise SystemExit(f"--config {text!r}: unknown key {key!r}")
        overrides[key] = value
    return name, overrides


TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU of one process (0 once it has gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


def reaped_cpu_seconds(pid: int) -> float:
    """User + system CPU of the children `pid` has waited for (cutime + cstime): the gunicorn
    master's workers recycled by max_requests, the postmaster's backends of closed connections."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[13]) + int(fields[14])) / TICKS


def postmaster_pid(db) -> int | None:
    """The PostgreSQL server's main process (its data directory's postmaster.pid), or None."""
    try:
        directory = db.execute("SHOW data_directory").fetchone()[0]
        return int(Path(directory, "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError, psycopg.Error):
        return None


def children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def snapshot(server, dsn: str) -> dict[str, dict[int, float]]:
    """CPU seconds so far of the server's workers and of this database's backends, by pid."""
    with psycopg.connect(dsn, autocommit=True) as db:
        name = db.info.dbname
        backends = [
            row[0]
            for row in db.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()", [name]
            )
        ]
        postmaster = postmaster_pid(db)
    # key 0: what ended processes used (workers recycled after max_requests, backends of closed
    # connections): without it a round that recycled a worker lost that worker's CPU. The
    # postmaster's share counts every database's ended backends: read it on a quiet machine.
    return {
        "app": {pid: cpu_seconds(pid) for pid in children(server.process.pid)}
        | {0: reaped_cpu_seconds(server.process.pid)},
        "db": {pid: cpu_seconds(pid) for pid in backends} | {0: reaped_cpu_seconds(postmaster) if postmaster else 0.0},
    }


def cpu_per_request(before: dict, after: dict, requests: int) -> dict[str, float]:
    """ms of CPU a request, app and database (a process started meanwhile counts from zero; one
    that ended meanwhile counts through its parent's reaped children, key 0)."""
    out = {}
    for side in ("app", "db"):
        # every process's CPU so far, the ended ones' through key 0: the difference is the round's
        used = sum(after[side].values()) - sum(before[side].values())
        out[f"{side}_cpu_ms_per_request"] = round(used / max(requests, 1) * 1000, 2)
    return out


def compare(
    env: dict,
    configs: list[tuple[str, dict]],
    *,
    port: int,
    clients: int,
    seconds: float,
    rounds: int,
    warm_seconds: float = 5,
    exporters: int = 0,
    out_dir=None,
    say=print,
) -> dict[str, list[dict]]:
    """bench/load.py against every setting in turn, `rounds` times: {name: [report per round]}.
    `env` holds DATABASE_URL (and REDIS_URL); the bench users exist (bench_db.bench_users)."""
    out_dir = out_dir or ROOT / "var" / "bench"
    servers = []
    results: dict[str, list[dict]] = {name: [] for name, _ in configs}
    try:
        for number, (_name, overrides) in enumerate(configs):
            servers.append(gunicorn(env, port + number, out_dir, **overrides))
        cookies = load.sign_in("127.0.0.1", port, "bench-production", PASSWORD, clients)
        base = load.parser().parse_args(
            ["--port", "0", "--user", "bench-production", "--password", PASSWORD, "--clients", str(clients)]
        )
        for number in range(len(configs)):  # warm each server's workers (templates, per-process tables)
            base.port, base.seconds = port + number, warm_seconds
            load.run(base, cookies)
        for round_number in range(rounds):
            for number, (name, _) in enumerate(configs):
                base.port, base.seconds, base.seed = port + number, seconds, round_number
                base.exporters = exporters
                before = snapshot(servers[number], env["DATABASE_URL"])
                report = load.run(base, cookies)
                report.update(
                    cpu_per_request(before, snapshot(servers[number], env["DATABASE_URL"]), report["requests"])
                )
                results[name].append(report)
                full = report["full_exports"]
                say(
                    f"round {round_number + 1} {name:32} {report['requests_per_s']:6.1f} req/s  "
                    f"p50 {report['all']['p50_ms']:6.0f}  p95 {report['all']['p95_ms']:6.0f}  "
                    f"p99 {report['all']['p99_ms']:6.0f} ms  errors {report['errors']}  "
                    f"export p95 {report['export']['p95_ms']:6.0f} ms  "
                    + (f"full exports {full['count']} (p50 {full['p50_ms']:.0f} ms)  " if exporters else "")
                    + f"CPU a request: app {report['app_cpu_ms_per_request']:.1f} ms, db {report['db_cpu_ms_per_request']:.1f} ms  "
                    + f"load {report['load_average_before'][0]:.1f} -> {report['load_average'][0]:.1f}"
                )
                time.sleep(1)
    finally:
        for server in servers:
            server.stop()
    return results


def table(results: dict[str, list[dict]]) -> list[str]:
    """Markdown rows: the median of the rounds per setting, and the load averages seen."""
    lines = [
        "| gunicorn | requests/s | p50 ms | p95 ms | p99 ms | errors | CPU ms a request: app + database | load average (1 min) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, reports in results.items():

        def med(key, sub=None, reports=reports):
            return statistics.median(r[key][sub] if sub else r[key] for r in reports)

        loads = [r["load_average"][0] for r in reports] + [r["load_average_before"][0] for r in reports]
        lines.append(
            f"| {name} | {med('requests_per_s'):.1f} | {med('all', 'p50_ms'):,.0f} | {med('all', 'p95_ms'):,.0f} | "
            f"{med('all', 'p99_ms'):,.0f} | {sum(r['errors'] for r in reports)} | "
            f"{med('app_cpu_ms_per_request'):.1f} + {med('db_cpu_ms_per_request'):.1f} | "
            f"{min(loads):.1f}–{max(loads):.1f} |"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True)
    parser.add_argument("--port", type=int, default=8200)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--warm-seconds", type=float, default=5)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/1"))
    parser.add_argument("--config", action="append", required=True)
    parser.add_argument("--exporters", type=int, default=0, help="clients exporting every photo meanwhile (load.py)")
    parser.add_argument("--json")
    args = parser.parse_args()
    if "bench" not in args.db:
        raise SystemExit(f"--db {args.db!r}: only a bench database (its name holds 'bench')")
    configs = [parse_config(c) for c in args.config]
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{args.db}",
        "DEBUG": "1",
        "REDIS_URL": args.redis_url,
    }
    out_dir = ROOT / "var" / "bench"
    out_dir.mkdir(parents=True, exist_ok=True)
    bench_users(env)
    collectstatic(env, out_dir)
    results = compare(
        env,
        configs,
        port=args.port,
        clients=args.clients,
        seconds=args.seconds,
        rounds=args.rounds,
        warm_seconds=args.warm_seconds,
        exporters=args.exporters,
        out_dir=out_dir,
        say=lambda line: print(line, flush=True),
    )
    print(f"\nmedian of {args.rounds} rounds, {args.clients} clients, {args.seconds:.0f} s each:")
    print("\n".join(table(results)))
    if args.json:
        with open(args.json, "w") as out:
            json.dump(results, out, indent=1)


if __name__ == "__main__":
    main()
