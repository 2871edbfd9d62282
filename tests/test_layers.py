"""
Imports run one way: importers and demo → newsletters, support → feed → articles → authors → redirects → newsroom.

Every module of every app is read (imports inside functions included) and no module may
import an app of a higher layer. The one exception is the root URLconf, which joins the
apps into one site.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Lowest first; apps on one floor may not import each other either.
LAYERS = [
    {"newsroom"},
    {"redirects"},
    {"authors"},
    {"articles"},
    {"feed"},
    {"newsletters", "support"},
    {"importers", "demo"},
]
FLOOR = {app: floor for floor, apps in enumerate(LAYERS) for app in apps}
JOINS_EVERY_APP = {"newsroom/urls.py"}


def imported_apps(path):
    """The apps a module imports, with the line of each import."""
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            app = name.split(".")[0]
            if app in FLOOR:
                yield app, node.lineno


def modules():
    for app in FLOOR:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if relative not in JOINS_EVERY_APP:
                yield relative


@pytest.mark.parametrize("module", list(modules()))
def test_imports_point_down(module):
    own = module.split("/")[0]
    upward = [
        f"line {line}: imports {app}"
        for app, line in imported_apps(ROOT / module)
        if app != own and FLOOR[app] >= FLOOR[own]
    ]
    assert not upward, f"{module} imports a layer above or beside it: " + "; ".join(upward)


def test_the_check_sees_an_upward_import(tmp_path):
    module = tmp_path / "views.py"
    module.write_text("def view():\n    from feed.stream import feed_page\n")
    assert list(imported_apps(module)) == [("feed", 2)]
