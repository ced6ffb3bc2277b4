"""gunicorn.conf.py: the app server's settings as deployed, each overridable from the environment."""

import multiprocessing
import runpy
from pathlib import Path

CONF = Path(__file__).resolve().parent.parent / "gunicorn.conf.py"
GUNICORN_NAMES = (
    "GUNICORN_WORKERS",
    "GUNICORN_THREADS",
    "GUNICORN_WORKER_CLASS",
    "GUNICORN_KEEPALIVE",
    "GUNICORN_WORKER_CONNECTIONS",
    "GUNICORN_BIND",
    "GUNICORN_TIMEOUT",
    "GUNICORN_ACCESSLOG",
)


def conf(monkeypatch, cores=2, **env) -> dict:
    for name in GUNICORN_NAMES:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(multiprocessing, "cpu_count", lambda: cores)
    return runpy.run_path(str(CONF))


def test_the_default_is_one_gthread_worker_per_core_taking_a_request_only_when_a_thread_is_free(monkeypatch):
    settings = conf(monkeypatch, cores=2)
    assert (settings["worker_class"], settings["workers"], settings["threads"]) == ("gthread", 2, 4)
    assert settings["worker_connections"] == 4  # no worker accepts more than it can start at once
    assert settings["keepalive"] == 0  # so a connection never stays with a busy worker
    assert settings["bind"] == "0.0.0.0:8000" and settings["accesslog"] == "-"
    assert conf(monkeypatch, cores=8)["workers"] == 8


def test_every_setting_can_be_overridden_from_the_environment(monkeypatch):
    settings = conf(
        monkeypatch,
        GUNICORN_WORKER_CLASS="sync",
        GUNICORN_WORKERS="3",
        GUNICORN_KEEPALIVE="5",
        GUNICORN_BIND="127.0.0.1:8104",
        GUNICORN_ACCESSLOG="",
    )
    assert (settings["worker_class"], settings["workers"], settings["threads"]) == ("sync", 3, 1)
    assert settings["keepalive"] == 5 and settings["bind"] == "127.0.0.1:8104" and settings["accesslog"] is None
    threaded = conf(monkeypatch, GUNICORN_THREADS="8", GUNICORN_WORKER_CONNECTIONS="100")
    assert (threaded["threads"], threaded["worker_connections"]) == (8, 100)
    assert conf(monkeypatch, GUNICORN_THREADS="2")["worker_connections"] == 2
