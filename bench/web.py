"""A small keep-alive HTTP client for the benchmarks (standard library only), signed in as a
user through the real login form, so every figure goes through URLs like a browser's."""

from __future__ import annotations

import http.client
import re
import time
from http.cookies import SimpleCookie
from urllib.parse import urlencode

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Session:
    def __init__(self, host: str, port: int, timeout: float = 120):
        self.host, self.port, self.timeout = host, port, timeout
        self.cookies: dict[str, str] = {}
        self.conn: http.client.HTTPConnection | None = None

    def _connection(self) -> http.client.HTTPConnection:
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        return self.conn

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None, sink=None):
        """(status, body bytes or byte count when `sink` is given, seconds to the last byte, seconds to the first)."""
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in (1, 2):
            conn = self._connection()
            started = time.perf_counter()
            try:
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                first = time.perf_counter() - started
                if sink is None:
                    data = response.read()
                else:
                    data = 0
                    while chunk := response.read(1 << 16):
                        data += len(chunk)
                        sink(chunk)
                elapsed = time.perf_counter() - started
                break
            except (http.client.HTTPException, ConnectionError, OSError):
                self.close()
                if attempt == 2:
                    raise
        for header in response.headers.get_all("Set-Cookie") or ():
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        if response.headers.get("Connection", "").lower() == "close":
            self.close()
        return response.status, data, elapsed, first

    def get(self, path: str, **kwargs):
        return self.request("GET", path, **kwargs)

    def login(self, username: str, password: str, path: str = "/accounts/login/") -> None:
        status, page, _, _ = self.get(path)
        token = CSRF_FIELD.search(page.decode())
        if status != 200 or not token:
            raise RuntimeError(f"no login form at {path} (HTTP {status})")
        body = urlencode({"username": username, "password": password, "csrfmiddlewaretoken": token.group(1)})
        status, _, _, _ = self.request(
            "POST",
            path,
            body=body.encode(),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": f"http://{self.host}:{self.port}{path}",
            },
        )
        if status != 302:
            raise RuntimeError(f"signing in as {username} failed (HTTP {status})")

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def median(values: list[float]) -> float:
    return percentile(values, 0.5)
