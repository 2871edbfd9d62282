from collections import Counter

import pytest

# Status codes of every request the fuzz tests made (tests/newsroom/test_fuzz.py).
FUZZ_COUNTS = pytest.StashKey[Counter]()


def pytest_terminal_summary(terminalreporter, config):
    counts = config.stash.get(FUZZ_COUNTS, None)
    if counts:
        terminalreporter.write_sep("-", "fuzz requests")
        statuses = ", ".join(f"{status}: {count}" for status, count in sorted(counts.items()))
        terminalreporter.write_line(f"{sum(counts.values())} requests; {statuses}")
