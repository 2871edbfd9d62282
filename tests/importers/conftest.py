import io
from pathlib import Path

import pytest
from django.core.management import call_command

# The shared fixtures live next to the repository, not inside it (see the issue).
FIXTURES = Path(__file__).resolve().parents[2] / ".." / "shared" / "fixtures"


def fixture_file(relative):
    path = FIXTURES / relative
    if not path.is_file():
        pytest.skip(f"shared fixture {relative} not found under {FIXTURES.resolve()}")
    return path


@pytest.fixture
def run_import(tmp_path):
    """Run an import command; returns (stdout, report dict)."""
    import json

    def run(command, path, *args):
        stdout, stderr = io.StringIO(), io.StringIO()
        report_path = tmp_path / f"report-{command}.json"
        call_command(
            command,
            str(path),
            *args,
            "--report-json",
            str(report_path),
            stdout=stdout,
            stderr=stderr,
        )
        return stdout.getvalue(), json.loads(report_path.read_text())

    return run


def counts(report, kind):
    return report["counts"].get(kind, {"imported": 0, "updated": 0, "unchanged": 0, "skipped": 0})


def changed(report):
    """Kinds in which the run created or changed something."""
    return {
        kind: numbers
        for kind, numbers in report["counts"].items()
        if numbers["imported"] or numbers["updated"]
    }
