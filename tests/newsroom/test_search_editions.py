"""
Search in each edition: `/search/` finds English items, `/uk/search/` Ukrainian ones,
and a Ukrainian word finds its other forms. Runs on SQLite and, with DATABASE_URL set
to PostgreSQL, on PostgreSQL, which must agree.
"""

import pytest
from django.conf import settings
from django.utils import translation

from newsroom.management.commands import check_deployment
from newsroom.search import search, tsquery
from tests.factories import ArticleFactory, BriefFactory, QuoteFactory, VideoFactory
from tests.feed.test_search import ODD_QUERIES

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def language_restored():
    """EditionMiddleware leaves a request's language active in the thread: without this,
    the tests run after one that asks for a /uk/ page would search in Ukrainian."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


def ukrainian_article(headline, **fields):
    fields.setdefault("standfirst", "Від нашого кореспондента.")
    fields.setdefault("body", "<p>Подробиці згодом.</p>")
    return ArticleFactory(headline=headline, language="uk", **fields)


def found(query, language="uk"):
    return [item.object for item in search(query, language=language).items]


def page_results(client, path, query):
    response = client.get(path, {"q": query})
    assert response.status_code == 200
    return [item.object for item in response.context["results"].items]


# Inflected forms: (what a reader types, a headline that must be found by it).
INFLECTED = [
    ("вибори", "Підсумки виборів"),
    ("вибори", "Явка на виборах"),
    ("Київ", "Негода у Києві"),
    ("Київ", "Мер Києва"),
    ("енергетика", "Ціни на енергетики ринку"),
    ("енергетики", "Енергетика взимку"),
    ("Львів", "Театри Львова"),
    ("Харків", "Обстріл у Харкові"),
    ("війна", "Рік з війною"),
    ("Україна", "Президент України"),
    ("уряд", "Зустріч з урядом"),
    ("область", "Погода в області"),
    ("Зеленський", "Заява Зеленського"),
    ("закон", "Голосування за законами"),
    ("школа", "Ремонт у школах"),
    ("обрати", "Депутати обрали голову"),
    ("голосувати", "Як голосували депутати"),
    ("ВИБОРИ", "виборчі дільниці та вибори"),
    ("вибори", "Між виборами"),
    ("Київ", "Разом з Києвом"),
    ("рада", "Рішення за радою"),
    ("місто", "Світло в містах"),
    ("люди", "Для людей"),
]


@pytest.mark.parametrize(("query", "headline"), INFLECTED)
def test_a_ukrainian_word_finds_its_other_forms(query, headline):
    article = ukrainian_article(headline)
    assert found(query) == [article]


def test_a_stem_does_not_find_unrelated_words():
    """The alternating vowel is only tried on a word without an ending: "Україна" does
    not look for "Украєн…", and "закон" does not find "закінчення"."""
    ukrainian_article("Закінчення сезону")
    assert found("закон") == []


@pytest.mark.parametrize("typed", ["'", "’", "ʼ"])
@pytest.mark.parametrize("written", ["'", "’", "ʼ"])
def test_every_apostrophe_finds_every_other(typed, written):
    article = ukrainian_article(f"Ціни на м{written}ясо зросли")
    assert found(f"м{typed}ясо") == [article]
    assert found(f"м{typed}яса") == [article]


def test_quoted_ukrainian_words_match_as_a_phrase_of_their_forms():
    phrase = ukrainian_article("Вибори у Києві перенесли")
    ukrainian_article("Київ готується: вибори у березні")
    assert found('"вибори у Києві"') == [phrase]
    assert found('"виборах у Київ"') == [phrase]
    assert len(found("вибори Київ")) == 2


def test_a_minus_excludes_every_form_of_a_ukrainian_word():
    kept = ukrainian_article("Вибори у Львові")
    ukrainian_article("Вибори у Києві")
    assert found("вибори -Київ") == [kept]


def test_or_finds_either_ukrainian_word():
    lviv = ukrainian_article("Театри Львова")
    kharkiv = ukrainian_article("Метро Харкова")
    ukrainian_article("Погода в області")
    assert set(found("Львів or Харків")) == {lviv, kharkiv}


def test_every_kind_is_searched_in_ukrainian():
    article = ukrainian_article("Мости Києва")
    quote = QuoteFactory(text="Ми відбудуємо Київ", speaker="Мер", context="", language="uk")
    video = VideoFactory(title="Київ з висоти", teaser="Зйомка з дрона.", language="uk")
    brief = BriefFactory(headline="У Києві тихо", body="<p>Ніч минула спокійно.</p>", language="uk")
    assert set(found("Київ")) == {article, quote, video, brief}


def test_a_search_finds_only_its_own_editions_items(client):
    """One story in both editions, sharing the name in it: each search page lists its own."""
    english = ArticleFactory(headline="Okafor wins the mayoral race", standfirst="Results.")
    ukrainian = ukrainian_article("Окафор переміг: Okafor мер")
    english.link_translation(ukrainian)

    assert page_results(client, "/search/", "Okafor") == [english]
    assert page_results(client, "/uk/search/", "Okafor") == [ukrainian]
    assert page_results(client, "/search/", "Окафор") == []


def test_english_keeps_its_stemming_and_the_ukrainian_edition_its_own(client):
    floods = ArticleFactory(headline="Floods close the ring road", standfirst="Traffic.")
    ukrainian_article("Повені закрили дорогу Floods")
    assert page_results(client, "/search/", "flooding") == [floods]
    assert page_results(client, "/uk/search/", "повінь") == []
    assert len(page_results(client, "/uk/search/", "повені")) == 1


def test_the_default_edition_is_the_active_language():
    ukrainian = ukrainian_article("Вибори у Києві")
    ArticleFactory(headline="Elections in Kyiv", standfirst="Results.")
    with translation.override("uk"):
        assert [item.object for item in search("Києві").items] == [ukrainian]


def test_the_query_count_stays_the_same_however_many_items_match(django_assert_num_queries):
    """One query counts the matches, one cuts the page, one per kind on the page fetches
    its items and one more the bylines of articles and of briefs: eight queries for
    four kinds, whether each has one match or several."""
    for number in range(1, 4):
        kinds = [
            ukrainian_article(f"Вибори {number}"),
            QuoteFactory(text=f"Вибори {number}", language="uk"),
            VideoFactory(title=f"Вибори {number}", language="uk"),
            BriefFactory(headline=f"Вибори {number}", language="uk"),
        ]
        with django_assert_num_queries(8):
            results = search("виборах", language="uk")
        assert len(results.items) == number * len(kinds)


@pytest.mark.parametrize("query", ODD_QUERIES + ["-вибори", "вибори -", "ʼ", "’’", "м'", "'ясо"])
def test_odd_queries_never_break_the_ukrainian_search(client, query):
    ukrainian_article("Вибори у Києві")
    response = client.get("/uk/search/", {"q": query})
    assert response.status_code == 200
    results = response.context["results"]
    if results is not None:
        assert results.count == len(results.items) <= 1


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("вибори", "(('вибор':*))"),
        ("Київ у", "(('київ':* | 'києв':*) & ('у'))"),
        ('"м’ясо Києва"', "(('м' <-> 'яс':* <-> 'києв':*))"),
        ("вибори -Київ or covid-19", "(('вибор':*) & !(('київ':* | 'києв':*))) | (('covid-19'))"),
        ("'; DROP <-> !", "(('drop'))"),
        ("-вибори", ""),
    ],
)
def test_ukrainian_queries_become_tsqueries_of_quoted_words(query, expected):
    """PostgreSQL: operators come only from the websearch syntax; all else is quoted."""
    assert tsquery(query) == expected


def test_robots_are_kept_out_of_every_editions_search(client):
    lines = client.get("/robots.txt").text.splitlines()
    assert "Disallow: /search/" in lines
    assert "Disallow: /uk/search/" in lines


def test_the_deployment_check_says_whether_the_database_lowercases_ukrainian(monkeypatch, capsys):
    """A PostgreSQL database made with the C locale leaves "Київ" capitalised in the
    index, and the Ukrainian search, which lowercases the reader's words, misses it."""
    assert check_deployment.check_search().ok
    monkeypatch.setattr(check_deployment, "folds_cyrillic_case", lambda using: False)
    finding = check_deployment.check_search()
    assert not finding.ok
    assert "--locale=C.UTF-8" in finding.message
