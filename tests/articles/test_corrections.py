from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Correction
from tests.admin_data import article_form_data
from tests.factories import ArticleFactory, AuthorFactory, CorrectionFactory

pytestmark = pytest.mark.django_db


def test_corrections_are_shown_on_the_article_and_move_updated(client):
    article = ArticleFactory(published_at=timezone.now() - timedelta(days=2))
    noted = timezone.now() - timedelta(hours=3)
    CorrectionFactory(article=article, note="An earlier version misstated the date of the vote.",
                      noted_at=noted)  # fmt: skip
    CorrectionFactory(article=article, kind=Correction.Kind.UPDATE, note="Adds the mayor's reply.",
                      noted_at=noted - timedelta(hours=1))  # fmt: skip

    response = client.get(article.get_absolute_url())
    assert "Correction</strong>" in response.text
    assert "An earlier version misstated the date of the vote." in response.text
    assert "Update</strong>" in response.text
    assert article.last_modified_at == noted
    assert (
        f'datetime="{timezone.localtime(noted).strftime("%Y-%m-%dT%H:%M:%S%z")}"' in response.text
    )


def test_without_corrections_last_modified_is_the_publication_time():
    article = ArticleFactory()
    assert article.last_modified_at == article.published_at


def test_editor_adds_a_correction_in_the_article_form(editor_client):
    article = ArticleFactory(authors=[AuthorFactory()])
    data = article_form_data(article) | {
        "corrections-TOTAL_FORMS": "1",
        "corrections-0-kind": "correction",
        "corrections-0-note": "The bridge is 300 metres long, not 3,000.",
        "corrections-0-noted_at_0": timezone.localtime().strftime("%Y-%m-%d"),
        "corrections-0-noted_at_1": timezone.localtime().strftime("%H:%M:%S"),
    }
    response = editor_client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert response.status_code == 302
    assert article.corrections.get().note.startswith("The bridge is 300 metres")
