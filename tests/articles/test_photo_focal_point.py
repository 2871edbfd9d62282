"""The photo form's focal point: set on the picture, saved by the form's two numbers."""

import re

import pytest
from django.urls import reverse

from articles.models import Photo
from articles.renditions import renditions_for
from tests.admin_data import photo_form_data
from tests.factories import PhotoFactory

pytestmark = pytest.mark.django_db


def change_url(photo):
    return reverse("admin:articles_photo_change", args=[photo.pk])


def test_the_focal_point_posted_by_the_form_is_saved_and_moves_the_crops(
    editor_client, django_capture_on_commit_callbacks
):
    # Renditions are made once a photo's save has committed.
    with django_capture_on_commit_callbacks(execute=True):
        photo = PhotoFactory(image__width=1200, image__height=400)
    centred = {rendition.name for rendition in renditions_for(photo, "3:2")}
    assert centred

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            change_url(photo), photo_form_data(photo, focal_x="0.1", focal_y="0.75")
        )

    assert response.status_code == 302
    photo = Photo.objects.get(pk=photo.pk)
    assert (photo.focal_x, photo.focal_y) == (0.1, 0.75)
    assert {rendition.name for rendition in renditions_for(photo, "3:2")} != centred


@pytest.mark.parametrize("focal_x", ["1.2", "-0.1"])
def test_a_focal_point_outside_the_picture_is_refused(editor_client, focal_x):
    photo = PhotoFactory()

    response = editor_client.post(change_url(photo), photo_form_data(photo, focal_x=focal_x))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    photo.refresh_from_db()
    assert photo.focal_x == 0.5


def test_the_change_page_shows_the_picture_to_click_and_keeps_the_numbers(editor_client):
    photo = PhotoFactory(alt_text="Ferries in the harbour")

    html = editor_client.get(change_url(photo)).text

    picker = re.search(r'<div class="focal-picker".*?</div>', html, re.S).group(0)
    assert f'src="{photo.image.url}"' in picker and 'alt="Ferries in the harbour"' in picker
    assert 'data-x-input="id_focal_x"' in picker and 'data-y-input="id_focal_y"' in picker
    assert re.search(r'<input type="number" name="focal_x" value="0.5"[^>]* min="0" max="1"', html)
    # The strict Content-Security-Policy runs no inline script: the picker is a static file.
    assert re.search(r'<script src="/static/admin/focal_point\.js"', html)
