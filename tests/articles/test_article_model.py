import pytest
from django.db import IntegrityError
from django.urls import reverse

from articles.models import Article, reading_time_minutes
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("words", "minutes"), [(0, 1), (1, 1), (230, 1), (231, 2), (460, 2), (1000, 5)]
)
def test_reading_time_rounds_up_at_230_words_a_minute(words, minutes):
    assert reading_time_minutes("<p>" + "word " * words + "</p>") == minutes


def test_reading_time_is_derived_from_the_body_on_save():
    article = ArticleFactory(body="<p>" + "word " * 500 + "</p>")
    assert article.reading_time == 3

    article.body = "<p>short</p>"
    article.save()
    article.refresh_from_db()
    assert article.reading_time == 1


def test_markup_does_not_count_as_words():
    html = '<p><a href="https://example.com/a/very/long/address">two words</a></p>'
    assert reading_time_minutes(html) == 1


def test_body_is_sanitised_when_stored():
    article = ArticleFactory(
        body='<p onclick="steal()">Hi <script>alert(1)</script><a href="javascript:x()">x</a></p>'
    )
    article.refresh_from_db()
    assert "script" not in article.body
    assert "onclick" not in article.body
    assert "javascript:" not in article.body
    assert article.body.startswith("<p>Hi")


def test_slugs_are_unique():
    section = SectionFactory()
    ArticleFactory(slug="same", section=section)
    with pytest.raises(IntegrityError):
        ArticleFactory(slug="same", section=section)


def test_renaming_the_headline_keeps_the_address():
    article = ArticleFactory(headline="First headline", slug="first-headline")
    article.headline = "A better headline"
    article.save()
    assert article.get_absolute_url() == reverse(
        "articles:detail", kwargs={"slug": "first-headline"}
    )


def test_byline_keeps_the_editors_order():
    first, second, third = (
        AuthorFactory(name="Zoe"),
        AuthorFactory(name="Adam"),
        AuthorFactory(name="Maya"),
    )
    article = ArticleFactory(authors=[first, second, third])

    assert article.byline == [first, second, third]
    article.credits.filter(author=first).update(position=5)
    assert Article.objects.get(pk=article.pk).byline == [second, third, first]


def test_byline_is_shown_in_order_on_the_article_page(client):
    authors = [AuthorFactory(name=name) for name in ("Zoe Last", "Adam First", "Maya Middle")]
    article = ArticleFactory(authors=authors)
    html = client.get(article.get_absolute_url()).content.decode()
    positions = [html.index(author.name) for author in authors]
    assert positions == sorted(positions)


def test_an_author_cannot_be_credited_twice_on_one_article():
    author = AuthorFactory()
    with pytest.raises(IntegrityError):
        ArticleFactory(authors=[author, author])


def test_empty_standfirst_and_seo_description_are_filled_from_the_body():
    article = ArticleFactory(
        standfirst="",
        seo_description="",
        body="<p>The council voted on Tuesday to close the bridge.</p><p>More later.</p>",
    )
    assert article.standfirst == "The council voted on Tuesday to close the bridge. More later."
    assert article.seo_description == article.standfirst


def test_written_standfirst_is_kept_and_seo_description_follows_it():
    article = ArticleFactory(standfirst="Our summary.", seo_description="")
    assert article.standfirst == "Our summary."
    assert article.seo_description == "Our summary."


def test_the_automatic_standfirst_is_plain_text(client):
    article = ArticleFactory(
        standfirst="", seo_description="", body="<p>Marks &amp; Spencer &lt;plc&gt; reports.</p>"
    )
    assert article.standfirst == "Marks & Spencer <plc> reports."
    assert article.seo_description == "Marks & Spencer <plc> reports."
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Marks &amp; Spencer &lt;plc&gt; reports." in html
    assert "&amp;amp;" not in html
