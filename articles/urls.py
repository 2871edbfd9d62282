from django.urls import path, register_converter

from . import preview, views
from .converters import UnicodeSlugConverter

register_converter(UnicodeSlugConverter, "uslug")

app_name = "articles"

urlpatterns = [
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("sections/<slug:slug>/", views.section_detail, name="section"),
    path("tags/<uslug:slug>/", views.tag_detail, name="tag"),
    path("search/", views.search_view, name="search"),
]

urlpatterns += preview.urlpatterns
