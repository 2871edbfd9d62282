"""Imports written a batch of items at a time, so editors' saves wait for one batch only."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from articles.models import Article
from authors.models import Author
from importers.loader import Loader

from .conftest import counts
from .samples import wxr

# Each batch commits for real, as it does for the operator.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def export(tmp_path):
    path = tmp_path / "export.xml"
    path.write_text(wxr(), encoding="utf-8")
    return path


def test_a_batched_import_commits_each_batch_and_says_so(run_import, export):
    stdout, report = run_import("import_wordpress", export, "--batch-size", "2")
    assert counts(report, "articles")["imported"] + counts(report, "pages")["imported"] == 7
    assert (report["batch_size"], report["transactions"]) == (2, 4)
    assert "Written in 4 transaction(s) of at most 2 articles and pages each." in stdout


def test_a_failed_batch_is_undone_the_ones_before_kept_and_a_rerun_finishes(
    run_import, export, monkeypatch
):
    load_article = Loader.load_article
    written = []

    def failing_on_the_fifth(self, record):
        written.append(record.source_id)
        if len(written) == 5:
            raise RuntimeError("disk full")
        return load_article(self, record)

    monkeypatch.setattr(Loader, "load_article", failing_on_the_fifth)
    kept_message = r"items 5 to 6 of 7 \(RuntimeError: disk full\).*the first 4 items were"
    with pytest.raises(CommandError, match=kept_message):
        call_command("import_wordpress", str(export), "--batch-size", "2")
    # Committed, not merely left in an open transaction: nothing is open any more.
    assert not connection.in_atomic_block
    assert Article.objects.count() == 4
    assert Author.objects.exists()

    monkeypatch.setattr(Loader, "load_article", load_article)
    _, report = run_import("import_wordpress", export, "--batch-size", "2")
    assert Article.objects.count() == 7
    finished = counts(report, "articles")["imported"] + counts(report, "pages")["imported"]
    assert finished == 3
    assert counts(report, "articles")["unchanged"] + counts(report, "pages")["unchanged"] == 4


def test_a_batch_size_of_nought_is_one_transaction_undone_whole(export, monkeypatch):
    load_article = Loader.load_article

    def failing_on_the_last(self, record):
        if Article.objects.count() == 6:
            raise RuntimeError("disk full")
        return load_article(self, record)

    monkeypatch.setattr(Loader, "load_article", failing_on_the_last)
    with pytest.raises(RuntimeError):
        call_command("import_wordpress", str(export), "--batch-size", "0")
    assert not Article.objects.exists()
    assert not Author.objects.exists()
