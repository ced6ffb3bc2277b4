"""`import_captions` of this tree side by side with an earlier commit, in one run.

    createdb -h 127.0.0.1 -U postgres bench_import
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_import \\
        .venv/bin/python bench/bench_import_side.py --count 20000 --old-ref main --rounds 3

Writes N caption blocks (bench/blocks.py) to one file, unpacks `--old-ref` with `git archive`
into a temporary folder (run with this tree's virtualenv), and then, round after round, runs
the real command (`manage.py import_captions FILE`, two parser processes and all) into the
emptied photo tables with the old code and with this tree's, alternating which goes first. Each
run is a fresh interpreter; its figures are taken around the command alone (no start-up):

- wall time, blocks/s;
- CPU seconds of the command's process, of its parser processes (RUSAGE_CHILDREN) and of the
  PostgreSQL backend that served it (/proc/<pid>/stat, so the server must be on this host):
  what the work costs whatever else the machine is doing;
- the load average before the run.

The figures reported are the medians over the rounds. Empties the photo tables of that
database before every run: it refuses a database whose name lacks "bench".
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# One run, in a fresh interpreter whose working directory is the tree to measure.
RUN = r"""
import json, os, resource, sys, time
from io import StringIO
from pathlib import Path
sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
os.environ.setdefault("SECRET_KEY", "bench-only")


def main(path):
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE captions_historicalphoto, captions_photo, captions_place CASCADE")
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]

    def backend():
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def cpu(who):
        usage = resource.getrusage(who)
        return usage.ru_utime + usage.ru_stime

    load = os.getloadavg()[0]
    b0, s0, c0, t0 = backend(), cpu(resource.RUSAGE_SELF), cpu(resource.RUSAGE_CHILDREN), time.perf_counter()
    out = StringIO()
    call_command("import_captions", path, stdout=out, stderr=StringIO())
    t1, s1, c1, b1 = time.perf_counter(), cpu(resource.RUSAGE_SELF), cpu(resource.RUSAGE_CHILDREN), backend()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*), (SELECT count(*) FROM captions_historicalphoto) FROM captions_photo")
        photos, history = cursor.fetchone()
    print(json.dumps({
        "wall": t1 - t0, "python": s1 - s0, "parsers": c1 - c0, "backend": b1 - b0, "load": load,
        "summary": out.getvalue().splitlines()[0], "photos": photos, "history": history,
    }))


if __name__ == "__main__":
    main(sys.argv[1])
"""


def run(tree: Path, path: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", RUN, str(path)], cwd=tree, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--old-ref", default="main")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if "bench" not in os.environ.get("DATABASE_URL", "").rsplit("/", 1)[-1]:
        sys.exit("refusing to run: DATABASE_URL must name a database whose name contains 'bench'")

    sys.path.insert(0, str(ROOT))
    from bench.blocks import make_blocks

    with tempfile.TemporaryDirectory(prefix="bench_import_") as tmp:
        tmp = Path(tmp)
        path = tmp / "blocks.txt"
        path.write_text("\n---\n".join(make_blocks(args.count)), encoding="utf-8")
        old = tmp / "old"
        old.mkdir()
        archive = subprocess.run(["git", "archive", args.old_ref], cwd=ROOT, check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
        commit = subprocess.run(
            ["git", "rev-parse", "--short", args.old_ref], cwd=ROOT, check=True, capture_output=True, text=True
        ).stdout.strip()
        trees = {f"old ({commit})": old, "new (this tree)": ROOT}
        results: dict[str, list[dict]] = {name: [] for name in trees}
        # warm-up, not counted: each tree's first process builds its place table cache (keyed by
        # the files' paths and times), which every later process loads
        warm = tmp / "warm.txt"
        warm.write_text("\n---\n".join(make_blocks(20)), encoding="utf-8")
        for tree in trees.values():
            run(tree, warm)
        for round_ in range(args.rounds):
            order = list(trees) if round_ % 2 == 0 else list(reversed(trees))
            for name in order:
                figures = run(trees[name], path)
                results[name].append(figures)
                print(
                    f"round {round_ + 1} {name:18s} {args.count / figures['wall']:7,.0f} blocks/s  "
                    f"wall {figures['wall']:6.1f} s  CPU: python {figures['python']:5.1f} s, parsers "
                    f"{figures['parsers']:5.1f} s, backend {figures['backend']:5.1f} s  load {figures['load']:.1f}  "
                    f"{figures['summary']}; {figures['photos']} photos, {figures['history']} history rows",
                    flush=True,
                )
    print(f"\nmedians over {args.rounds} rounds, {args.count:,} blocks:")
    print("| code | blocks/s | wall s | CPU s: python | parsers | backend | sum | load before |")
    print("|---|---|---|---|---|---|---|---|")
    for name, runs in results.items():

        def median(key, runs=runs):
            return statistics.median(r[key] for r in runs)

        total = statistics.median(r["python"] + r["parsers"] + r["backend"] for r in runs)
        loads = sorted(r["load"] for r in runs)
        print(
            f"| {name} | {args.count / median('wall'):,.0f} | {median('wall'):.1f} | {median('python'):.1f} | "
            f"{median('parsers'):.1f} | {median('backend'):.1f} | {total:.1f} | {loads[0]:.1f}-{loads[-1]:.1f} |"
        )


if __name__ == "__main__":
    main()
