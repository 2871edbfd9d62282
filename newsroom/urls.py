import re

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from feed.views import home
from newsroom.media import serve_media

admin.site.site_header = f"{settings.NEWSROOM_SITE_NAME} admin"
admin.site.site_title = settings.NEWSROOM_SITE_NAME
admin.site.index_title = "Newsroom"

handler400 = "newsroom.views.bad_request"

urlpatterns = [
    path("", home, name="home"),
    path("", include("articles.urls")),
    path("authors/", include("authors.urls")),
    path("", include("feed.urls")),
    path(settings.ADMIN_PATH, admin.site.urls),
]

# Only a local MEDIA_URL ("/media/") is served here; an absolute one points at a CDN or
# object storage that serves the files itself.
if settings.SERVE_MEDIA and settings.MEDIA_URL.startswith("/"):
    media_prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    urlpatterns += [
        re_path(rf"^{media_prefix}(?P<path>.*)$", serve_media, name="media"),
    ]
