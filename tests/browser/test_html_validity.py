"""The Nu Html Checker (vnu.jar, run with Java) finds no errors in any page type as served."""

import json
import subprocess
import urllib.error
import urllib.request
from collections import defaultdict
from pathlib import Path

import pytest

from .conftest import node_tool
from .pages import PAGE_TYPES


def fetch(url):
    """The HTML a server sends, error pages included."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our own site
            return response.read()
    except urllib.error.HTTPError as error:
        return error.read()


@pytest.fixture(scope="package")
def html_checker_messages(site, java, tmp_path_factory):
    """{page type: [message]} from one run of the checker over every page type."""
    vnu = node_tool("vnu-jar/build/dist/vnu.jar")
    folder = tmp_path_factory.mktemp("html")
    files = {}
    for page_type in PAGE_TYPES:
        files[page_type] = folder / f"{page_type}.html"
        files[page_type].write_bytes(fetch(site.url(page_type)))
    done = subprocess.run(  # noqa: S603 - Java running the checker from node_modules
        [java, "-jar", vnu, "--format", "json", "--stdout", "--exit-zero-always", *files.values()],
        capture_output=True,
        text=True,
        check=True,
    )
    by_file = defaultdict(list)
    for message in json.loads(done.stdout)["messages"]:
        by_file[Path(message.get("url", "").removeprefix("file:")).name].append(message)
    return {page_type: by_file[path.name] for page_type, path in files.items()}


def is_error(message):
    # "non-document-error" means the checker could not read the page at all.
    return message["type"] in {"error", "non-document-error"} or message.get("subType") == "fatal"


def describe(messages):
    return "\n".join(
        f"line {message.get('lastLine', '?')}: {message['message']}\n    {message.get('extract', '').strip()}"
        for message in messages
    )


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_is_valid_html(html_checker_messages, report, page_type):
    messages = html_checker_messages[page_type]
    errors = [message for message in messages if is_error(message)]
    warnings = [message for message in messages if message.get("subType") == "warning"]
    report(f"vnu {page_type}: {len(errors)} errors, {len(warnings)} warnings")
    assert not errors, f"{page_type}:\n{describe(errors)}"
