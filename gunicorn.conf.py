"""gunicorn as deployed (Dockerfile, docker-compose.yml, bench/load, make bench-db).

Every setting can be overridden from the environment (GUNICORN_WORKERS, GUNICORN_THREADS,
GUNICORN_WORKER_CLASS, GUNICORN_BIND, GUNICORN_TIMEOUT, GUNICORN_KEEPALIVE). The defaults were chosen by measuring
sync and gthread workers with bench/load on 2 cores: see docs/SCALING.md, "App servers".
"""

import multiprocessing
import os

cores = multiprocessing.cpu_count()

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
# A page spends a good part of its time waiting on PostgreSQL, so two workers per core with a
# few threads each keep both cores busy without the memory of many processes.
workers = int(os.environ.get("GUNICORN_WORKERS", 2 * cores))
threads = int(os.environ.get("GUNICORN_THREADS", 4 if worker_class == "gthread" else 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 120))
graceful_timeout = 30
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", 5))
# recycle workers now and then, so no slow leak (or fragmented heap) grows for ever
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 5000))
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None  # "" turns it off (benchmarks)
wsgi_app = "archive.wsgi:application"
