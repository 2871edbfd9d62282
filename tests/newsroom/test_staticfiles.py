"""The site's own stylesheets are served minified, and minifying changes no rule."""

import pytest
from django.core.management import call_command

from newsroom.staticfiles import minify_css


def test_comments_and_spaces_nothing_needs_go():
    css = """/* The page */
.page {
  max-width: 76rem;   margin-inline: auto;
}
"""
    assert minify_css(css) == ".page{max-width: 76rem;margin-inline: auto;}"


def test_strings_are_kept_whole_and_a_quote_in_a_comment_is_no_string():
    css = """/* The link's address, printed */
a::after { content: " ( /* x */ ; } " attr(href) ")"; }"""
    assert minify_css(css) == 'a::after{content: " ( /* x */ ; } " attr(href) ")";}'


def test_spaces_that_change_the_meaning_stay():
    css = (
        ".breaking :focus-visible { width: calc(100% - 2rem); }\n"
        "@media (max-width: 40rem) { a { b: c } }"
    )
    assert minify_css(css) == (
        ".breaking :focus-visible{width: calc(100% - 2rem);}@media (max-width: 40rem){a{b: c}}"
    )


def test_a_comment_ends_at_its_first_close():
    assert minify_css("a /** one **/ b { x: y } /* two */ c { }") == "a b{x: y}c{}"


@pytest.mark.django_db
def test_collectstatic_serves_the_stylesheet_minified(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.FONTS_PACKAGES_DIR = tmp_path / "no-node_modules"
    settings.FONTS_BUILD_DIR = tmp_path / "build" / "fonts"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "newsroom.staticfiles.MinifiedStaticFilesStorage"},
    }
    call_command("collectstatic", "--noinput", verbosity=0)
    source = (settings.BASE_DIR / "static" / "css" / "site.css").read_text()
    served = (settings.STATIC_ROOT / "css" / "site.css").read_text()
    assert "/*" not in served
    assert len(served) < 0.9 * len(source)
    assert served == minify_css(source)
