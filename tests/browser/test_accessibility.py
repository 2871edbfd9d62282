"""axe-core, injected into each page type as served and into the admin pages editors work
in (the desk, the lists, a photo), finds no WCAG 2.1 A/AA violations."""

import pytest

from .conftest import node_tool
from .pages import PAGE_TYPES

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {node['failureSummary']}")
    return "\n".join(lines)


def run_axe(page, axe):
    page.add_script_tag(path=axe)
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )


@pytest.mark.parametrize("colour_scheme", ["light", "dark"])
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_has_no_accessibility_violations(new_page, visit, report, page_type, colour_scheme):
    axe = node_tool("axe-core/axe.min.js")
    # Bypassing the page's Content-Security-Policy lets the injected script run.
    page = new_page(color_scheme=colour_scheme, bypass_csp=True)
    visit(page, page_type)
    results = run_axe(page, axe)
    violations = results["violations"]
    report(
        f"axe {page_type} ({colour_scheme}): {len(violations)} violations, "
        f"{len(results['passes'])} rules passed, {len(results['incomplete'])} to review by hand"
    )
    assert not violations, f"{page_type} ({colour_scheme}):\n{describe(violations)}"


# Admin pages an editor works in, signed in: how they reach each one.
ADMIN_PAGES = {
    "desk": "/admin/",
    "article list": "/admin/articles/article/",
    "quote list": "/admin/feed/quote/",
    "video list": "/admin/feed/video/",
    "brief list": "/admin/feed/brief/",
    "brief writing screen": "/admin/feed/brief/add/",
    "photo": "/admin/articles/photo/",  # then the first photo
    "newsletter list": "/admin/newsletters/newsletter/",
    "issue list": "/admin/newsletters/issue/",
    "issue writing screen": "/admin/newsletters/issue/add/",
}


@pytest.mark.parametrize("colour_scheme", ["light", "dark"])
@pytest.mark.parametrize("admin_page", ADMIN_PAGES)
def test_admin_page_has_no_accessibility_violations(
    site, new_page, log_in, report, admin_page, colour_scheme
):
    axe = node_tool("axe-core/axe.min.js")
    page = new_page(color_scheme=colour_scheme, bypass_csp=True)
    log_in(page)
    page.goto(site.origin + ADMIN_PAGES[admin_page])
    if admin_page == "photo":
        page.locator("#result_list .field-alt_text a").first.click()
        page.locator(".focal-picker--active").wait_for()
    if admin_page == "desk":
        page.locator(".desk").wait_for()
    results = run_axe(page, axe)
    violations = results["violations"]
    report(f"axe admin {admin_page} ({colour_scheme}): {len(violations)} violations")
    assert not violations, f"admin {admin_page} ({colour_scheme}):\n{describe(violations)}"
