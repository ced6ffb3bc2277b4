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


def test_a_worker_loads_place_data_templates_and_translations_before_its_first_request(monkeypatch):
    """post_worker_init warms the worker (archive/warm.py), so no visitor's first search pays
    for the place data: after it the indexes and the browse template are loaded."""
    import logging

    from django.template import engines

    from captions.core import places

    for index in (places._country_index, places._region_index, places._city_index):
        index.cache_clear()
    hook = conf(monkeypatch)["post_worker_init"]
    messages = []

    class Worker:
        pid = 1234
        log = logging.getLogger("test")

    monkeypatch.setattr(Worker.log, "info", lambda text, *args: messages.append(text % args))
    hook(Worker())
    assert all(index.cache_info().currsize == 1 for index in (places._country_index, places._city_index))
    assert places._region_index.cache_info().currsize == 1
    assert messages and messages[0].startswith("worker 1234 warmed: places ")
    loaders = engines["django"].engine.template_loaders
    cached = [loader for loader in loaders if hasattr(loader, "get_template_cache")]
    assert "captions/browse.html" in cached[0].get_template_cache  # compiled and kept


def test_warm_worker_reports_what_each_part_took():
    from archive.warm import warm_worker

    took = warm_worker()
    assert set(took) == {"places", "templates", "translations"}
    assert all(seconds >= 0 for seconds in took.values())
