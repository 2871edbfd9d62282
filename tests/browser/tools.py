"""Where the browser and the judges live on this machine, shared with `make audit`."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Debian's Chromium: test tools cannot download their own browsers here.
CHROMIUM = Path("/usr/bin/chromium")
# Headless, as root, and quiet: the network is closed, so no background connections.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
NODE_MODULES = ROOT / "node_modules"
# The demo editor's login, as `make run` prints it and the README gives it.
DEMO_EDITOR = "editor"
DEMO_EDITOR_PASSWORD = "newsroom-demo"  # noqa: S105 - demo data only
# The demo contributor shares the password.
DEMO_CONTRIBUTOR = "contributor"
# `.ci/browser-deps` (as root) installs all of them.
NO_CHROMIUM = f"Chromium is not installed at {CHROMIUM}: apt-get install chromium"
NO_PLAYWRIGHT = "Playwright is not installed: pip install -e '.[dev]'"
NO_JAVA = (
    "Java is not installed (the Nu Html Checker needs it): apt-get install default-jre-headless"
)
NO_NODE_TOOLS = "is not installed: npm ci --ignore-scripts"
