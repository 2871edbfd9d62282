"""Who may change which photo, checked with the POSTs a contributor (or an attacker) sends."""

import pytest
import reversion
from django.urls import reverse
from reversion.models import Version

from articles.models import Photo
from tests.admin_data import photo_form_data
from tests.factories import ArticleFactory, PhotoFactory, VideoFactory

pytestmark = pytest.mark.django_db


def change_url(photo):
    return reverse("admin:articles_photo_change", args=[photo.pk])


def test_a_contributor_cannot_change_the_hero_of_a_live_article(contributor_client, client):
    photo = PhotoFactory(agency="Newsroom")
    article = ArticleFactory(hero_photo=photo)
    response = contributor_client.post(change_url(photo), photo_form_data(photo, agency="DEFACED"))
    assert response.status_code == 403
    photo.refresh_from_db()
    assert photo.agency == "Newsroom"
    assert "DEFACED" not in client.get(article.get_absolute_url()).text


def test_a_contributor_cannot_change_their_own_photo_once_a_published_item_shows_it(
    contributor_client, contributor
):
    photo = PhotoFactory(uploaded_by=contributor)
    VideoFactory(thumbnail=photo, scheduled=True)
    response = contributor_client.post(change_url(photo), photo_form_data(photo, agency="Mine"))
    assert response.status_code == 403


def test_a_contributor_sees_someone_elses_photo_but_cannot_change_it(contributor_client):
    photo = PhotoFactory(agency="Newsroom")
    page = contributor_client.get(change_url(photo))
    assert page.status_code == 200 and 'name="agency"' not in page.text, "read-only"
    response = contributor_client.post(change_url(photo), photo_form_data(photo, agency="Mine"))
    assert response.status_code == 403


def test_a_contributor_changes_their_own_photo_until_it_is_published(
    contributor_client, contributor
):
    photo = PhotoFactory(uploaded_by=contributor)
    ArticleFactory(hero_photo=photo, draft=True)
    response = contributor_client.post(change_url(photo), photo_form_data(photo, agency="AP Pool"))
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.agency == "AP Pool"


def test_a_contributors_upload_is_theirs(contributor_client, contributor, jpeg_upload):
    data = photo_form_data(PhotoFactory.build(), image=jpeg_upload())
    response = contributor_client.post(reverse("admin:articles_photo_add"), data)
    assert response.status_code == 302
    assert Photo.objects.get(uploaded_by=contributor)


def test_a_contributor_cannot_restore_an_old_version_of_a_live_photo(contributor_client):
    with reversion.create_revision():
        photo = PhotoFactory(agency="Newsroom")
    ArticleFactory(hero_photo=photo)
    version = Version.objects.get_for_object(photo).get()
    url = reverse("admin:articles_photo_revision", args=[photo.pk, version.pk])
    assert contributor_client.post(url, photo_form_data(photo, agency="DEFACED")).status_code == 403
    photo.refresh_from_db()
    assert photo.agency == "Newsroom"


def test_a_contributor_cannot_recover_deleted_photos(contributor_client):
    with reversion.create_revision():
        photo = PhotoFactory()
    version = Version.objects.get_for_object(photo).get()
    photo.delete()
    assert contributor_client.get(reverse("admin:articles_photo_recoverlist")).status_code == 403
    url = reverse("admin:articles_photo_recover", args=[version.pk])
    assert contributor_client.post(url, photo_form_data(photo)).status_code == 403
    assert not Photo.objects.exists()


def test_an_editor_changes_any_photo(editor_client):
    photo = PhotoFactory(agency="Newsroom")
    ArticleFactory(hero_photo=photo)
    response = editor_client.post(change_url(photo), photo_form_data(photo, agency="Reuters"))
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.agency == "Reuters"


def test_only_editors_and_admins_may_change_any_photo_and_keep_old_addresses():
    from django.contrib.auth.models import Group

    def codenames(name):
        return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))

    assert "change_any_photo" not in codenames("Contributor")
    for role in ("Editor", "Admin"):
        assert {"change_any_photo", "view_redirect", "delete_redirect"} <= codenames(role)
