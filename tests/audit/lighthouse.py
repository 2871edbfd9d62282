"""
`make audit`: Lighthouse, mobile preset, on the demo site served as in production.

The site is seeded into a temporary folder and served by gunicorn with DEBUG off and
collected static files (see tests/demo_site.py); Lighthouse drives Debian's Chromium.
For each page the four category scores are printed; for a category below its bar,
the audits that cost it points. Exits with 1 when any page falls short. Full reports
(HTML and JSON) land in build/lighthouse/.

    python -m tests.audit.lighthouse [PAGE_TYPE ...]
"""

import argparse
import json
import os
import subprocess
import sys

from tests.browser.pages import PAGE_TYPES
from tests.browser.site import served_site
from tests.browser.tools import CHROMIUM, CHROMIUM_ARGS, NODE_MODULES, ROOT

PAGES = ["home", "article", "author"]
# Lowest acceptable score per category, out of 100.
BARS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
TITLES = {
    "performance": "Performance",
    "accessibility": "Accessibility",
    "best-practices": "Best Practices",
    "seo": "SEO",
}
LIGHTHOUSE = NODE_MODULES / ".bin" / "lighthouse"
REPORTS = ROOT / "build" / "lighthouse"
RUN_TIMEOUT = 300
# Now and then Lighthouse fails to record the trace (NO_NAVSTART) on a page that is fine.
ATTEMPTS = 3
# Audits that can be passed or failed; the others only inform or need a person.
SCORED_MODES = {"binary", "numeric", "metricSavings"}


def run_lighthouse(url, output_stem):
    """Audit one address; the JSON report, or None when Lighthouse kept failing."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return run_lighthouse_once(url, output_stem)
        except subprocess.SubprocessError as error:
            print(f"  attempt {attempt} of {ATTEMPTS} failed: {error}", file=sys.stderr)
    return None


def run_lighthouse_once(url, output_stem):
    subprocess.run(  # noqa: S603 - the pinned Lighthouse from node_modules
        [
            LIGHTHOUSE,
            url,
            "--quiet",
            "--form-factor=mobile",
            f"--only-categories={','.join(BARS)}",
            f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
            "--output=json",
            "--output=html",
            f"--output-path={output_stem}",
        ],
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
        check=True,
        timeout=RUN_TIMEOUT,
    )
    return json.loads(output_stem.with_suffix(".report.json").read_text())


def score(category):
    return round(category["score"] * 100) if category["score"] is not None else 0


def lost_points(result, category_id):
    """Lines naming the audits of a category that did not fully pass, heaviest first."""
    category = result["categories"][category_id]
    lines = []
    for ref in sorted(category["auditRefs"], key=lambda ref: -ref.get("weight", 0)):
        audit = result["audits"][ref["id"]]
        if audit["scoreDisplayMode"] not in SCORED_MODES or audit["score"] in (None, 1):
            continue
        shown = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
        lines.append(f"    - {audit['title']}{shown} [{ref['id']}, score {audit['score']:.2f}]")
        items = (audit.get("details") or {}).get("items") or []
        for item in items[:3]:
            where = (
                item.get("url")
                or item.get("href")
                or (item.get("sourceLocation") or {}).get("url")
                or (item.get("node") or {}).get("snippet")
            )
            said = item.get("description") or item.get("text")
            if where or said:
                lines.append("        " + ": ".join(filter(None, [where, said]))[:160])
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("pages", nargs="*", help=f"page types (default: {' '.join(PAGES)})")
    pages = parser.parse_args(argv).pages or PAGES
    unknown = set(pages) - set(PAGE_TYPES)
    if unknown:
        parser.error(f"unknown page types {sorted(unknown)}; known: {', '.join(PAGE_TYPES)}")
    missing = [str(path) for path in (CHROMIUM, LIGHTHOUSE) if not path.exists()]
    if missing:
        print(f"Cannot audit, missing {', '.join(missing)}: run .ci/browser-deps", file=sys.stderr)
        return 2

    REPORTS.mkdir(parents=True, exist_ok=True)
    results = {}
    with served_site() as site:
        for page in pages:
            print(f"Lighthouse: {page} ({site.paths[page]})", flush=True)
            results[page] = run_lighthouse(site.url(page), REPORTS / page)

    failures = [f"  {page}: Lighthouse did not finish" for page in pages if not results[page]]
    results = {page: result for page, result in results.items() if result}
    print()
    print(f"{'page':<10}" + "".join(f"{TITLES[key]:>16}" for key in BARS))
    print(f"{'(bar)':<10}" + "".join(f"{bar:>16}" for bar in BARS.values()))
    for page, result in results.items():
        scores = "".join(f"{score(result['categories'][key]):>16}" for key in BARS)
        print(f"{page:<10}{scores}")

    for page, result in results.items():
        for key, bar in BARS.items():
            category = result["categories"][key]
            if score(category) < bar:
                failures.append(f"  {page}: {TITLES[key]} {score(category)} < {bar}")
                failures.extend(lost_points(result, key))
    print()
    if failures:
        print("Below the bar:")
        print("\n".join(failures))
    else:
        print("Every page meets every bar.")
    print(f"\nFull reports: {REPORTS.relative_to(ROOT)}/<page>.report.html")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
