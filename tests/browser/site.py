"""
The demo site, seeded and served by gunicorn, for the browser tests and `make audit`.

It is production-like: the real settings with DEBUG off, collected, compressed and
hashed static files served by WhiteNoise, two gunicorn workers. Only HTTPS is off, as
the site is reached on plain http://127.0.0.1. The database, media, static files and
logs live in a temporary folder, so a developer's `.env` and `db.sqlite3` are never
read or touched.
"""

import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from .tools import ROOT

# Only what Python and gunicorn need from the caller's environment: the site's own
# settings (DATABASE_URL, REDIS_URL, ...) must not leak in from a developer's shell.
INHERITED = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class DemoSite:
    """Use as a context manager; `url(page_type)` gives an address of each page type."""

    def __init__(self, workers=2, startup_timeout=30):
        self.workers = workers
        self.startup_timeout = startup_timeout
        self.server = None
        self.paths = {}

    def __enter__(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="newsroom-site-")
        self.folder = Path(self._tmp.name)
        self.port = free_port()
        self.origin = f"http://127.0.0.1:{self.port}"
        self.env = self._environment()
        try:
            self._run("manage.py", "migrate", "--noinput")
            # Database cache tables, if the settings name any, as `make migrate` makes them.
            self._run("manage.py", "createcachetable")
            self._run("manage.py", "seed_demo")
            self._run("manage.py", "collectstatic", "--noinput")
            self.paths = json.loads(self._run("-m", "tests.browser.pages"))
            self._serve()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc_info):
        self.close()

    def url(self, page_type):
        return self.origin + self.paths[page_type]

    def _environment(self):
        env = {name: os.environ[name] for name in INHERITED if name in os.environ}
        env.update(
            DJANGO_SETTINGS_MODULE="newsroom.settings",
            NEWSROOM_ENV_FILE=str(self.folder / "no.env"),
            SECRET_KEY=secrets.token_urlsafe(50),
            DEBUG="false",
            HTTPS="false",
            DATABASE_URL=f"sqlite:///{self.folder / 'db.sqlite3'}",
            MEDIA_ROOT=str(self.folder / "media"),
            STATIC_ROOT=str(self.folder / "static"),
            LOG_LEVEL="WARNING",
            HOST="127.0.0.1",
            PORT=str(self.port),
            WEB_CONCURRENCY=str(self.workers),
            GUNICORN_ACCESS_LOG=str(self.folder / "access.log"),
        )
        return env

    def _run(self, *args):
        done = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
            [sys.executable, *args], cwd=ROOT, env=self.env, capture_output=True, text=True
        )
        if done.returncode:
            raise RuntimeError(f"{' '.join(args)} failed:\n{done.stdout}{done.stderr}")
        return done.stdout

    def _serve(self):
        self.log = self.folder / "server.log"
        with self.log.open("w") as log:
            self.server = subprocess.Popen(  # noqa: S603 - our own interpreter and gunicorn
                [sys.executable, "-m", "gunicorn", "-c", "newsroom/gunicorn.conf.py"],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.server.poll() is not None:
                break
            try:
                with urllib.request.urlopen(self.origin + "/", timeout=2):  # noqa: S310
                    return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        raise RuntimeError(f"gunicorn did not start:\n{self.log.read_text()}")

    def close(self):
        if self.server is not None and self.server.poll() is None:
            self.server.terminate()
            try:
                self.server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.server.kill()
                self.server.wait()
        self.server = None
        self._tmp.cleanup()
