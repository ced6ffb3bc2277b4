"""The README's screenshots (docs/screenshots/*.png): the browse grid in English, in German and
on a phone, and a photo page, taken with Debian's headless Chromium on `make run`'s demo data.

    .venv/bin/python scripts/screenshots.py                  # a fresh demo archive in a temp folder
    .venv/bin/python scripts/screenshots.py --url http://127.0.0.1:8000   # a running `make run`

Without --url it builds the demo exactly as `make run` does (migrate, setup_demo) in a
temporary SQLite file and media folder, serves it on a free loopback port and stops it after.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
USER, PASSWORD = "researcher", "researcher-demo-pass"  # the demo user setup_demo prints
SHOTS = [
    # file, language, viewport, path, full page
    ("browse-en.png", "en-US", (1280, 900), "/", False),
    ("browse-de.png", "de-DE", (1280, 900), "/", False),
    ("browse-phone.png", "en-US", (390, 844), "/", False),
    ("photo-de.png", "de-DE", (1280, 900), "seed", False),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_demo(folder: str) -> tuple[subprocess.Popen, str]:
    env = {
        **os.environ,
        "DEBUG": "1",
        "DEMO_MODE": "1",
        "DATABASE_URL": f"sqlite:///{folder}/db.sqlite3",
        "MEDIA_ROOT": f"{folder}/media",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run([*manage, "setup_demo"], env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    port = free_port()
    server = subprocess.Popen(
        [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1)
            return server, url
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("the demo server did not start")


def take(url: str) -> list[Path]:
    from playwright.sync_api import sync_playwright  # noqa: PLC0415  (a dev tool: only this script needs it)

    OUT.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"])
        for name, locale, (width, height), path, full_page in SHOTS:
            context = browser.new_context(locale=locale, viewport={"width": width, "height": height})
            page = context.new_page()
            page.goto(url + "/accounts/login/")
            page.fill("#id_username", USER)
            page.fill("#id_password", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url(url + "/")
            if path == "seed":  # the seed record: the first card of the default browse
                page.click(".grid .card a")
                page.wait_for_url(re.compile(r"/photos/\d+/"))  # (the link may carry the search along)
            else:
                page.goto(url + path)
            page.wait_for_load_state("networkidle")
            # every visible picture loaded (lazy ones below the fold may stay blank)
            page.wait_for_function(
                "() => [...document.images].filter(i => i.getBoundingClientRect().top < innerHeight)"
                ".every(i => i.complete)"
            )
            target = OUT / name
            page.screenshot(path=str(target), full_page=full_page)
            written.append(target)
            context.close()
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running server with the demo users (default: start a fresh demo)")
    args = parser.parse_args()
    if args.url:
        written = take(args.url.rstrip("/"))
    else:
        with tempfile.TemporaryDirectory() as folder:
            server, url = serve_demo(folder)
            try:
                written = take(url)
            finally:
                server.terminate()
                server.wait(timeout=10)
    for path in written:
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
