"""
The demo newsroom, seeded and served by gunicorn as in production: for the browser
tests, `make audit`, `make bench` and `make loadtest`.

Production-like: the real settings with DEBUG off, collected, compressed and hashed
static files served by WhiteNoise, gunicorn with newsroom/gunicorn.conf.py. Only HTTPS
is off, as the site is reached on plain http://127.0.0.1. The environment is built
from scratch, so a developer's `.env`, `db.sqlite3` and shell settings (DATABASE_URL,
REDIS_URL, ...) are never read or touched. The database (unless one is given), media,
static files and server logs live in one folder: a temporary one, removed on close,
or a given one, kept for the next run.

    with DemoSite() as site:
        site.prepare()
        with site.serve() as server:
            ...  # server.origin, server.workers(), server.reload(), server.kill_worker()

One site may serve several servers at once, each with its own settings (say, one with
the page cache and one without), all on the same data.
"""

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
# Only what Python and gunicorn need from the caller's environment: the site's own
# settings (DATABASE_URL, REDIS_URL, ...) must not leak in from a developer's shell.
INHERITED = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")
# Debian's libfaketime (apt-get install faketime), for a site whose clock stands still.
LIBFAKETIME = Path("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1")


def fixed_clock(moment):
    """Settings that start every process of the site at `moment` ("2026-12-01 12:00:00",
    UTC), so what it seeds and shows is the same whatever the day; {} without libfaketime."""
    if not LIBFAKETIME.exists():
        return {}
    return {
        "LD_PRELOAD": str(LIBFAKETIME),
        "FAKETIME": f"@{moment}",
        "TZ": "UTC",
    }


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class DemoSite:
    """
    A folder of demo data and the settings to use it; a context manager.

    folder: kept between runs when given (created if missing); else a temporary
    folder, removed on close. database_url: SQLite in the folder unless given.
    access_log: gunicorn's access log, into each server's log file. env: more
    settings for every step and server. timeout: seconds a manage.py step may take.
    """

    def __init__(
        self, folder=None, *, database_url=None, workers=2, access_log=True, env=None, timeout=None
    ):
        self.given_folder = folder
        self.database_url = database_url
        self.workers = workers
        self.access_log = access_log
        self.extra_env = env or {}
        self.timeout = timeout
        self.folder = None
        self.servers = []

    def __enter__(self):
        if self.given_folder is None:
            self.folder = Path(tempfile.mkdtemp(prefix="newsroom-site-"))
        else:
            self.folder = Path(self.given_folder)
            self.folder.mkdir(parents=True, exist_ok=True)
        self.database_url = self.database_url or f"sqlite:///{self.folder / 'db.sqlite3'}"
        self.env = self._environment()
        return self

    def __exit__(self, *exc_info):
        self.close()

    def close(self):
        for server in self.servers:
            server.stop()
        self.servers = []
        if self.given_folder is None and self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)

    def _environment(self):
        env = {name: os.environ[name] for name in INHERITED if name in os.environ}
        env.update(
            DJANGO_SETTINGS_MODULE="newsroom.settings",
            # Always empty: a developer's .env is never read.
            NEWSROOM_ENV_FILE=os.devnull,
            SECRET_KEY=secrets.token_urlsafe(50),
            DEBUG="false",
            HTTPS="false",
            DATABASE_URL=self.database_url,
            MEDIA_ROOT=str(self.folder / "media"),
            STATIC_ROOT=str(self.folder / "static"),
            # Built from node_modules at collectstatic, in the folder like the rest.
            FONTS_BUILD_DIR=str(self.folder / "fonts"),
            LOG_LEVEL="WARNING",
            HOST=HOST,
            WEB_CONCURRENCY=str(self.workers),
            # "-": the server's standard output, its log file; empty: no access log.
            GUNICORN_ACCESS_LOG="-" if self.access_log else "",
        )
        env.update(self.extra_env)
        return env

    def python(self, *args, env=None, capture=True):
        """Run our Python with the site's settings (plus `env`); its standard output.

        capture=False lets the output through to the caller's terminal instead."""
        done = subprocess.run(  # noqa: S603 - our own interpreter and our own code
            [sys.executable, *args],
            cwd=ROOT,
            env={**self.env, **(env or {})},
            capture_output=capture,
            text=True,
            timeout=self.timeout,
        )
        if done.returncode:
            output = f"{done.stdout}{done.stderr}" if capture else "(output above)"
            raise RuntimeError(f"{' '.join(args)} failed:\n{output}")
        return done.stdout or ""

    def manage(self, *args, **options):
        return self.python("manage.py", *args, **options)

    def migrate(self):
        self.manage("migrate", "--noinput", "-v0")

    def seed(self, scale=None, show_progress=False):
        scale_args = ["--scale", str(scale)] if scale else []
        self.manage("seed_demo", *scale_args, capture=not show_progress)

    def collectstatic(self):
        self.manage("collectstatic", "--noinput", "-v0")

    def prepare(self, scale=None):
        """Everything a first run needs: schema, demo content, static files."""
        self.migrate()
        self.seed(scale)
        self.collectstatic()

    def serve(self, port=None, env=None, startup_timeout=30):
        """Start gunicorn on `port` (a free one by default) and wait until it answers.

        env: settings for this server only, e.g. {"PAGE_CACHE": "false"}. The server
        stops on leaving its `with` block, on `stop()` or when the site closes."""
        port = port or free_port()
        name = f"gunicorn-{len(self.servers) + 1}"
        # gunicorn (25.1 and later) opens a control socket in $XDG_RUNTIME_DIR, else in
        # ~/.gunicorn/: each server gets its own, rather than a developer's.
        runtime = self.folder / name
        runtime.mkdir(exist_ok=True)
        server = Server(
            port,
            env={**self.env, **(env or {}), "PORT": str(port), "XDG_RUNTIME_DIR": str(runtime)},
            log=self.folder / f"{name}.log",
        )
        self.servers.append(server)
        server.start(startup_timeout)
        return server


class Server:
    """One gunicorn master with the production config, serving a DemoSite."""

    def __init__(self, port, env, log):
        self.port = port
        self.origin = f"http://{HOST}:{port}"
        self.env = env
        self.log = log
        self.process = None

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.stop()

    @property
    def pid(self):
        return self.process.pid

    def start(self, timeout):
        with self.log.open("w") as log:
            # `-m`, not the gunicorn script: the code imported is this checkout's.
            self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and gunicorn
                [sys.executable, "-m", "gunicorn", "-c", "newsroom/gunicorn.conf.py"],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                with urllib.request.urlopen(self.origin + "/", timeout=2):  # noqa: S310
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"gunicorn did not start on {self.origin}:\n{self.log_tail()}")

    def log_tail(self, characters=3000):
        return self.log.read_text()[-characters:]

    def workers(self):
        """Process ids of the master's current worker processes."""
        pids = []
        for status in Path("/proc").glob("[0-9]*/status"):
            try:
                text = status.read_text()
            except OSError:
                continue
            if f"\nPPid:\t{self.process.pid}\n" in text:
                pids.append(int(status.parent.name))
        return sorted(pids)

    def reload(self):
        """SIGHUP: new workers start with the configuration reread, old ones finish."""
        self.process.send_signal(signal.SIGHUP)

    def kill_worker(self, pid=None):
        """SIGKILL a worker (the first by default), as a crash would; its pid, or None."""
        pid = pid or next(iter(self.workers()), None)
        if pid is not None:
            os.kill(pid, signal.SIGKILL)
        return pid

    def stop(self, timeout=30):
        """Stop gracefully (workers finish their requests); kill after `timeout` seconds."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
