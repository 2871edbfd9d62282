"""Joining and leaving newsletters: sign-up, confirmation, preferences, unsubscribe."""

from django.http import Http404


def newsletters(request):
    raise Http404


def subscribe(request):
    raise Http404


def confirm(request, token):
    raise Http404


def preferences(request, token):
    raise Http404


def unsubscribe(request, token):
    raise Http404
