"""
The web fonts: `collectstatic` builds them from their npm packages and the pages link
them; without the packages it still succeeds and the pages link nothing (the system
fonts serve). Collected with the production storage, which fails on a url() to a
missing file and serves the hashed names pages must name.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from newsroom import fonts

PACKAGES = Path(settings.BASE_DIR) / "node_modules"
STYLESHEET_LINK = re.compile(r'<link rel="stylesheet" href="(/static/fonts/fonts\.\w+\.css)">')
PRELOAD_LINK = re.compile(
    r'<link rel="preload" href="(/static/fonts/[\w-]+\.\w+\.woff2)" as="font" type="font/woff2" '
    r"crossorigin>"
)
needs_font_packages = pytest.mark.skipif(
    not all((PACKAGES / family.package).is_dir() for family in fonts.FAMILIES),
    reason="the font packages are not in node_modules (npm ci --ignore-scripts)",
)


@pytest.fixture
def collect(settings, tmp_path):
    """collectstatic as a deploy runs it, into tmp_path, with the fonts from `packages`."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.FONTS_BUILD_DIR = tmp_path / "build" / "fonts"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "newsroom.staticfiles.MinifiedStaticFilesStorage"},
    }

    def collect(packages):
        settings.FONTS_PACKAGES_DIR = packages
        call_command("collectstatic", "--noinput", verbosity=0)
        fonts.web_fonts.cache_clear()
        return settings.STATIC_ROOT

    yield collect
    fonts.web_fonts.cache_clear()


@pytest.mark.django_db
def test_without_font_packages_collectstatic_succeeds_and_pages_link_no_fonts(
    client, collect, tmp_path
):
    static_root = collect(tmp_path / "empty-node_modules")

    assert (static_root / "css" / "site.css").is_file()
    assert not (static_root / "fonts").exists()
    assert not (tmp_path / "build" / "fonts").exists()
    html = client.get("/").content.decode()
    assert "/static/fonts/" not in html
    assert 'rel="preload"' not in html


@needs_font_packages
@pytest.mark.django_db
def test_with_font_packages_pages_link_the_collected_fonts_and_preload_the_upright_faces(
    client, collect
):
    static_root = collect(PACKAGES)

    html = client.get("/").content.decode()
    stylesheet = STYLESHEET_LINK.search(html)
    assert stylesheet, "no link to fonts.css"
    assert html.index(stylesheet[0]) < html.index('href="/static/css/site.')
    preloaded = [url.rsplit("/", 1)[-1] for url in PRELOAD_LINK.findall(html)]
    # The body's and the labels' faces, drawn at the first paint rather than swapped in.
    assert [name.split(".")[0] for name in preloaded] == [
        "source-serif-4-latin-wght-normal",
        "source-sans-3-latin-wght-normal",
    ]
    css = (static_root / stylesheet[1].removeprefix("/static/")).read_text()
    assert "SIL Open Font License 1.1" in css
    faces = re.findall(r'url\("([\w.-]+\.woff2)"\)', css)
    # Serif upright and italic, sans upright, each in latin, latin-ext, cyrillic, cyrillic-ext.
    assert len(faces) == 12
    assert css.count("font-display: swap") == 12
    assert set(preloaded) <= set(faces)
    for face in faces:
        assert (static_root / "fonts" / face).is_file()
    assert any("-cyrillic-wght-normal." in face for face in faces)


@needs_font_packages
@pytest.mark.django_db
def test_the_ukrainian_edition_preloads_the_cyrillic_faces(client, collect, settings):
    collect(PACKAGES)

    html = client.get("/uk/").content.decode()
    preloaded = [url.rsplit("/", 1)[-1].split(".")[0] for url in PRELOAD_LINK.findall(html)]
    assert preloaded == [
        "source-serif-4-cyrillic-wght-normal",
        "source-sans-3-cyrillic-wght-normal",
    ]


@needs_font_packages
def test_rebuilding_without_the_packages_removes_the_earlier_fonts(tmp_path):
    build_dir = tmp_path / "fonts"
    assert fonts.build_fonts(PACKAGES, build_dir)
    assert (build_dir / "fonts.css").is_file()

    assert fonts.build_fonts(tmp_path / "empty", build_dir) == []
    assert not build_dir.exists()
    assert [path.name for path in tmp_path.iterdir()] == []
