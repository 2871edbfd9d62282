import pytest
from django.core.exceptions import ValidationError

from articles.models import Photo
from tests.factories import PhotoFactory

pytestmark = pytest.mark.django_db


def test_credit_joins_photographer_and_agency():
    photo = PhotoFactory(photographer="Brandon Bell", agency="Getty Images")
    assert photo.credit == "Brandon Bell/Getty Images"
    assert photo.credit_line == "Photo by Brandon Bell/Getty Images"


def test_credit_is_empty_when_unknown():
    photo = PhotoFactory.build(photographer="", agency="")
    assert photo.credit_line == ""


def test_dimensions_are_read_from_the_uploaded_file(jpeg_upload):
    photo = Photo.objects.create(image=jpeg_upload(size=(800, 450)), alt_text="A harbour")
    assert (photo.width, photo.height) == (800, 450)


def test_a_photo_needs_a_picture():
    with pytest.raises(ValidationError) as error:
        Photo(alt_text="Nothing").full_clean()
    assert "image" in error.value.message_dict


def test_alt_text_is_required(jpeg_upload):
    with pytest.raises(ValidationError) as error:
        Photo(image=jpeg_upload()).full_clean()
    assert "alt_text" in error.value.message_dict


@pytest.mark.parametrize(
    ("source_url", "expected"),
    [
        ("https://old.example.com/2019/ferry.jpg", "https://old.example.com/2019/ferry.jpg"),
        ("javascript:alert(document.cookie)", ""),
        ("//old.example.com/ferry.jpg", ""),
    ],
)
def test_an_imported_photo_left_on_its_old_host_is_shown_from_there_or_not_at_all(
    client, source_url, expected
):
    from tests.factories import ArticleFactory

    photo = Photo.objects.create(alt_text="Ferry at dawn", agency="Newsroom", source_url=source_url)
    article = ArticleFactory(hero_photo=photo)
    assert photo.url == expected
    html = client.get(article.get_absolute_url()).content.decode()
    if expected:
        assert f'<meta property="og:image" content="{expected}">' in html
    assert "http://testserverhttp" not in html and "javascript:" not in html
