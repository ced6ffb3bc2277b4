"""gunicorn as deployed (Dockerfile, docker-compose.yml, bench/load, make bench-db).

Every setting can be overridden from the environment (GUNICORN_WORKERS, GUNICORN_THREADS,
GUNICORN_WORKER_CLASS, GUNICORN_WORKER_CONNECTIONS, GUNICORN_KEEPALIVE, GUNICORN_BIND,
GUNICORN_TIMEOUT, GUNICORN_MAX_REQUESTS, GUNICORN_ACCESSLOG). The defaults were chosen by measuring
sync and gthread workers side by side with bench/load_compare.py on 2 cores: see docs/SCALING.md,
"App servers".
"""

import multiprocessing
import os

cores = multiprocessing.cpu_count()

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
# A page is mostly Python, and a process runs one thread at a time (the GIL): one worker per core
# uses the cores; its threads overlap one page's Python with another's wait on PostgreSQL, and
# a long export streams on one thread while the others serve pages (a sync worker is held by it).
workers = int(os.environ.get("GUNICORN_WORKERS", cores))
threads = int(os.environ.get("GUNICORN_THREADS", 4 if worker_class == "gthread" else 1))
# A gthread worker accepts connections while it holds fewer than worker_connections, busy or not,
# and keeps a kept-alive client for good: with gunicorn's defaults (1,000, keep-alive 5 s) one
# worker queued its clients behind each other while the other had threads free (p95 2-8x the
# median in bench/load_compare.py, against 1.3-1.9x). Taking a connection only when a thread is
# free, and closing it after the answer, leaves the waiting ones in the kernel's queue for
# whichever worker frees a thread first, as sync workers do. A proxy in front keeps the
# browsers' connections alive.
worker_connections = int(os.environ.get("GUNICORN_WORKER_CONNECTIONS", threads))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", 0))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 120))
graceful_timeout = 30
# recycle workers now and then, so no slow leak (or fragmented heap) grows for ever
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 5000))
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None  # "" turns it off (benchmarks)
wsgi_app = "archive.wsgi:application"


def post_worker_init(worker):
    """Load the place data, templates and translations before the worker's first request
    (archive/warm.py): the first search of a process paid 0.3-1.7 s for them."""
    from archive.warm import warm_worker  # noqa: PLC0415  (in the worker, after Django is set up)

    took = warm_worker()
    worker.log.info("worker %s warmed: %s", worker.pid, ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in took.items()))
