"""
Fixtures for tests that run in a real browser against the served demo site.

Chromium is Debian's (/usr/bin/chromium), driven by Playwright for Python; test tools
cannot download their own browsers here. The judges (axe-core, the Nu Html Checker)
come from node_modules, installed by `npm ci --ignore-scripts`. Where one of these is
missing the tests that need it are skipped with a message saying how to install it;
`.ci/browser-deps` installs everything. Modules using Playwright's `expect` import it
with `pytest.importorskip` for the same reason.

The site and the browser live for the whole `tests/browser` package and are closed
after it: Playwright's synchronous API keeps an event loop running, and Django refuses
database queries from other tests while one is.
"""

import shutil
from pathlib import Path

import pytest

from .pages import NOT_FOUND
from .site import served_site
from .tools import (
    CHROMIUM,
    CHROMIUM_ARGS,
    DEMO_CONTRIBUTOR,
    DEMO_EDITOR,
    DEMO_EDITOR_PASSWORD,
    NO_CHROMIUM,
    NO_JAVA,
    NO_NODE_TOOLS,
    NO_PLAYWRIGHT,
    NODE_MODULES,
)

HERE = Path(__file__).resolve().parent
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
REPORT = pytest.StashKey[list]()


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)


def pytest_terminal_summary(terminalreporter, config):
    lines = config.stash.get(REPORT, [])
    if lines:
        terminalreporter.write_sep("-", "browser checks")
        for line in lines:
            terminalreporter.write_line(line)


@pytest.fixture
def report(request):
    """report(line): print a figure in the summary at the end of the run."""
    return request.config.stash.setdefault(REPORT, []).append


def node_tool(relative_path):
    """A file from node_modules, or skip the test if it is not installed."""
    path = NODE_MODULES / relative_path
    if not path.exists():
        pytest.skip(f"{relative_path} {NO_NODE_TOOLS}")
    return path


@pytest.fixture(scope="package")
def site():
    with served_site() as served:
        yield served


@pytest.fixture(scope="package")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason=NO_PLAYWRIGHT)
    if not CHROMIUM.exists():
        pytest.skip(NO_CHROMIUM)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser):
    """new_page(**context_options): a page in a fresh browser context (own cookies)."""
    contexts = []

    def make(**options):
        context = browser.new_context(**{"viewport": DESKTOP, **options})
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def visit(site):
    """visit(page, page_type): open a page type, checking it answers as it should."""

    def go(page, page_type, **options):
        response = page.goto(site.url(page_type), **options)
        expected = 404 if page_type == NOT_FOUND else 200
        assert response.status == expected, f"{page_type} answered {response.status}"
        return response

    return go


@pytest.fixture
def log_in(site):
    """log_in(page): sign in to the admin as the demo editor, through the login form;
    log_in(page, contributor=True) as the demo contributor."""

    def sign_in(page, contributor=False):
        page.goto(site.url("admin-login"))
        page.get_by_label("Username").fill(DEMO_CONTRIBUTOR if contributor else DEMO_EDITOR)
        page.get_by_label("Password").fill(DEMO_EDITOR_PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.get_by_role("button", name="Log out").wait_for()

    return sign_in


@pytest.fixture(scope="package")
def java():
    path = shutil.which("java")
    if path is None:
        pytest.skip(NO_JAVA)
    return path
