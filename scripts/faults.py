"""
Faults and loads that once hurt the site, measured on the served demo: `make faults`.

Seeds the demo newsroom into a temporary folder and serves it with gunicorn and the
production config (3 workers, DEBUG off, page cache on), then prints one table:

1. An editor's save (a section's change form) alone, and while another editor's upload of
   a large animated GIF (about 100 million pixels, the most accepted) is being decoded in
   another worker. Decoding before the write transaction opens keeps the save as fast as
   alone; inside it, the save waited for SQLite's write lock and failed after 5 s.
2. The home page as the page cache keeps it, and requests that tried to make it render
   again: random query strings, a made-up `sessionid` cookie, TRACE.
3. /sitemap.xml, and searches of 100 words (cut to ten), each a new one.

Only loopback traffic; every request has a timeout and the folder is removed at the end.
"""

import argparse
import http.client
import io
import json
import re
import secrets
import statistics
import sys
import threading
import time
import uuid
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
# Run as `python scripts/faults.py`, so the path starts at scripts/: the repository root
# is needed to import the shared demo-site harness from tests/.
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageDraw  # noqa: E402

from tests.demo_site import DemoSite  # noqa: E402

SETUP_SCRIPT = """
import json
from django.conf import settings
from articles.models import Article, Section
from demo.seeding import DEMO_EDITOR_USERNAME, DEMO_PASSWORD

words = []
for headline in Article.objects.values_list("headline", flat=True)[:400]:
    words += [w.strip(".,:;!?'\\"").lower() for w in headline.split()]
words = [w for w in dict.fromkeys(words) if w.isalpha()]
print(json.dumps({
    "admin": "/" + settings.ADMIN_PATH,
    "section": Section.objects.order_by("pk").values("pk", "name", "slug", "position").first(),
    "username": DEMO_EDITOR_USERNAME,
    "password": DEMO_PASSWORD,
    "words": words[:99],
}))
"""
TIMEOUT = 60


def large_animation(frames=99, size=(1000, 1000)):
    """A GIF of `frames` × `size` pixels (just under the 100 million allowed), about 1 MB:
    moving rectangles compress well but every frame must still be decoded."""
    pictures = []
    for number in range(frames):
        picture = Image.new("P", size, number)
        draw = ImageDraw.Draw(picture)
        for box in range(40):
            left, top = (box * 23 + number * 5) % size[0], (box * 37) % size[1]
            draw.rectangle([left, top, left + 80, top + 60], fill=(box * 7 + number) % 256)
        pictures.append(picture)
    buffer = io.BytesIO()
    pictures[0].save(buffer, "GIF", save_all=True, append_images=pictures[1:], duration=40)
    return buffer.getvalue()


class Browser:
    """One person's HTTP session: cookies kept, one connection per request."""

    def __init__(self, origin):
        self.address = urlsplit(origin).netloc
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        """(status, seconds, text) of one request."""
        connection = http.client.HTTPConnection(self.address, timeout=TIMEOUT)
        headers = dict(headers or {})
        if self.cookies:
            headers.setdefault("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        started = time.perf_counter()
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        seconds = time.perf_counter() - started
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, seconds, text

    def csrf_token(self, path):
        text = self.request("GET", path)[2]
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text).group(1)

    def post_form(self, path, fields, files=None):
        fields = {"csrfmiddlewaretoken": self.csrf_token(path), **fields}
        if not files:
            body = urlencode(fields).encode()
            content_type = "application/x-www-form-urlencoded"
        else:
            boundary = uuid.uuid4().hex
            parts = []
            for name, value in fields.items():
                parts.append(
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                    f"{value}\r\n".encode()
                )
            for name, (filename, data, mime) in files.items():
                parts.append(
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                    f'filename="{filename}"\r\nContent-Type: {mime}\r\n\r\n'.encode()
                    + data
                    + b"\r\n"
                )
            body = b"".join(parts) + f"--{boundary}--\r\n".encode()
            content_type = f"multipart/form-data; boundary={boundary}"
        return self.request("POST", path, body, {"Content-Type": content_type})

    def log_in(self, admin, username, password):
        status = self.post_form(
            f"{admin}login/?next={admin}", {"username": username, "password": password}
        )[0]
        if status != 302:
            raise SystemExit(f"Could not log in as {username} (status {status}).")


class Table:
    def __init__(self):
        self.rows = []

    def add(self, label, timings):
        """timings: (status, seconds) pairs."""
        seconds = [elapsed for _, elapsed in timings]
        statuses = {}
        for status, _ in timings:
            statuses[status] = statuses.get(status, 0) + 1
        self.rows.append(
            (
                label,
                str(len(timings)),
                f"{statistics.median(seconds) * 1000:,.1f}",
                f"{max(seconds) * 1000:,.1f}",
                ", ".join(f"{status}×{count}" for status, count in sorted(statuses.items())),
            )
        )

    def print(self):
        header = ("measurement", "n", "median ms", "max ms", "statuses")
        widths = [max(len(row[i]) for row in [header, *self.rows]) for i in range(len(header))]
        for number, row in enumerate([header, *self.rows]):
            cells = [row[0].ljust(widths[0])] + [
                cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)
            ]
            print("| " + " | ".join(cells) + " |")
            if number == 0:
                print("|" + "|".join("-" * (width + 2) for width in widths) + "|")


def save_section(browser, admin, section, number):
    """One editor's save: the section's description changed, as in the change form."""
    path = f"{admin}articles/section/{section['pk']}/change/"
    status, seconds, _ = browser.post_form(
        path,
        {
            "name": section["name"],
            "slug": section["slug"],
            "description": f"Edited by the fault test, save {number}.",
            "position": section["position"],
            "_save": "Save",
        },
    )
    return status, seconds


def measure_saves_during_upload(origin, setup, saves, table):
    admin, section = setup["admin"], setup["section"]
    editor, uploader = Browser(origin), Browser(origin)
    for browser in (editor, uploader):
        browser.log_in(admin, setup["username"], setup["password"])
    save_section(editor, admin, section, 0)  # warm up the worker
    table.add(
        "editor's save, alone", [save_section(editor, admin, section, n) for n in range(saves)]
    )

    animation = large_animation()
    uploads = []

    def upload():
        fields = {"alt_text": "A large animation", "agency": "Fault test", "caption": "",
                  "photographer": "", "focal_x": "0.5", "focal_y": "0.5", "source_url": ""}  # fmt: skip
        status, seconds, _ = uploader.post_form(
            f"{admin}articles/photo/add/",
            fields,
            files={"image": ("loop.gif", animation, "image/gif")},
        )
        uploads.append((status, seconds))

    uploading = threading.Thread(target=upload)
    uploading.start()
    time.sleep(0.5)  # the upload is in a worker's hands
    during = []
    while uploading.is_alive() or not during:
        during.append(save_section(editor, admin, section, len(during) + 1))
    uploading.join()
    table.add("editor's save, during the upload", during)
    table.add(f"the upload ({len(animation) / 1e6:.1f} MB GIF, 99 × 1000 × 1000)", uploads)


def measure_cache(origin, repeats, table):
    reader = Browser(origin)
    for _ in range(3):
        reader.request("GET", "/")  # the page is drawn once and kept

    def timed(method, path, headers=None):
        return [
            reader.request(method, path() if callable(path) else path, headers=headers)[:2]
            for _ in range(repeats)
        ]

    table.add("home page, cached", timed("GET", "/"))
    table.add("home page, random query string", timed("GET", lambda: f"/?{secrets.token_hex(6)}=1"))
    table.add(
        "home page, random utm_source",
        timed("GET", lambda: f"/?utm_source={secrets.token_hex(6)}"),
    )
    stray = [
        reader.request("GET", "/", headers={"Cookie": f"sessionid={secrets.token_hex(16)}"})[:2]
        for _ in range(repeats)
    ]
    table.add("home page, made-up sessionid cookie", stray)
    table.add("home page, TRACE", timed("TRACE", "/"))


def measure_heavy_pages(origin, words, repeats, table):
    reader = Browser(origin)
    sitemap = [reader.request("GET", "/sitemap.xml")[:2] for _ in range(repeats + 1)]
    table.add("/sitemap.xml, drawn", sitemap[:1])
    table.add("/sitemap.xml, cached", sitemap[1:])
    # A new first word each time, so every search is run rather than served from the cache.
    searches = [
        reader.request("GET", "/search/?" + urlencode({"q": " ".join([f"w{n}", *words])}))[:2]
        for n in range(repeats)
    ]
    table.add(f"search of {len(words) + 1} words, each new", searches)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--saves", type=int, default=15, help="Saves measured alone.")
    parser.add_argument("--repeats", type=int, default=50, help="Requests per reader row.")
    options = parser.parse_args()

    table = Table()
    # Bounded: no step of the preparation may take more than ten minutes.
    with DemoSite(workers=3, access_log=False, timeout=600) as site:
        started = time.perf_counter()
        site.prepare()
        setup = json.loads(site.manage("shell", "-c", SETUP_SCRIPT).strip().splitlines()[-1])
        print(f"Seeded the demo newsroom in {time.perf_counter() - started:.0f} s.")
        with site.serve() as server:
            print(f"gunicorn on {server.origin} with {len(server.workers())} workers\n")
            measure_saves_during_upload(server.origin, setup, options.saves, table)
            measure_cache(server.origin, options.repeats, table)
            measure_heavy_pages(server.origin, setup["words"], options.repeats // 5, table)
    table.print()


if __name__ == "__main__":
    main()
