"""The archive of sent issues: a newsletter's page, an issue's page and its RSS feed."""

from django.contrib.syndication.views import Feed
from django.http import Http404


def archive(request, slug):
    raise Http404


def issue(request, slug, issue):
    raise Http404


class ArchiveFeed(Feed):
    def get_object(self, request, slug):
        raise Http404
