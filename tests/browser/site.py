"""
The demo site as the browser tests and `make audit` see it: seeded into a temporary
folder and served as in production (see tests/demo_site.py), with the address of one
page of each type (see pages.py).
"""

import contextlib
import json

from ..demo_site import DemoSite, fixed_clock


class ServedSite:
    """Where the site answers; `url(page_type)` gives an address of each page type;
    `demo` is the DemoSite behind it, to run manage.py or another server on its data."""

    def __init__(self, origin, paths, demo):
        self.origin = origin
        self.paths = paths
        self.demo = demo

    def url(self, page_type):
        return self.origin + self.paths[page_type]


# The clock every process of the browser tests' site starts at: the demo's times, and so
# the screenshots, are the same whatever the day the tests run.
CLOCK = "2026-12-01 12:00:00"


@contextlib.contextmanager
def served_site():
    with DemoSite(env=fixed_clock(CLOCK)) as site:
        site.prepare()
        paths = json.loads(site.python("-m", "tests.browser.pages"))
        with site.serve() as server:
            yield ServedSite(server.origin, paths, site)
