import io

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded and generated files go to a throw-away folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: Redis keeps entries between tests and runs."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def parts_cached_only(settings):
    """Whole pages uncached, their parts (fragments and teasers) cached: a page redrawn
    after the page cache dropped it."""
    settings.PAGE_CACHE_ENABLED = False
    settings.FRAGMENT_CACHE_ENABLED = True


@pytest.fixture
def jpeg_upload():
    def make(name="photo.jpg", size=(640, 360), colour=(40, 90, 160)):
        buffer = io.BytesIO()
        Image.new("RGB", size, colour).save(buffer, "JPEG")
        return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")

    return make


def _staff_in_group(username, group_name):
    from django.contrib.auth.models import Group

    from tests.factories import AuthorFactory, UserFactory

    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    AuthorFactory(name=username.title(), user=user)
    return user


@pytest.fixture
def contributor(db):
    """A staff user in the Contributor group, with an author profile for bylines."""
    return _staff_in_group("casey", "Contributor")


@pytest.fixture
def editor(db):
    """A staff user in the Editor group, with an author profile for bylines."""
    return _staff_in_group("edith", "Editor")


@pytest.fixture
def contributor_client(client, contributor):
    client.force_login(contributor)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
