"""Joining and leaving newsletters: sign-up, confirmation, preferences, unsubscribe.

The newsletters page is an ordinary public page, cached whole like every page for
anonymous readers; the pages a link from an email opens carry the reader's token in
their address, so they are never cached or indexed, and send no Referer that would pass
the token on to the next site.
"""

from functools import wraps

from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from newsroom import pagecache

from . import confirmation, links, throttling
from .forms import PreferencesForm, SubscribeForm
from .models import Newsletter, Subscriber, Subscription


def personal(view=None, *, referrer_policy="no-referrer"):
    """For pages reached through a personal link: kept by no cache, indexed by no
    search engine, and leaking no token through the Referer header."""

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex, nofollow"
            response["Referrer-Policy"] = referrer_policy
            return response

        return wrapped

    return decorate(view) if view is not None else decorate


def _public_lists():
    # A first list joins a cached page that loaded no row to record.
    pagecache.record_list(Newsletter)
    return list(Newsletter.objects.filter(is_public=True))


def _chosen(form, lists):
    """The ids of the lists to show ticked: what the reader sent, else the default list."""
    if form.is_bound:
        return {int(value) for value in form.data.getlist("newsletters") if value.isdigit()}
    return {newsletter.pk for newsletter in lists if newsletter.is_default}


def _form_page(request, template, form, lists, status=200, **context):
    context.update(form=form, lists=lists, chosen=_chosen(form, lists))
    return render(request, template, context, status=status)


@require_GET
def newsletters(request):
    lists = _public_lists()
    return _form_page(request, "newsletters/index.html", SubscribeForm(), lists)


def _from_this_site(request):
    """False when the browser says the form was posted from another site.

    Browsers send Sec-Fetch-Site, or at least Origin, with every form POST; a client
    sending neither (a script) is not a browser someone else's page could drive.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site in ("same-origin", "none")
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    return (
        origin == f"{request.scheme}://{request.get_host()}"
        or origin in settings.CSRF_TRUSTED_ORIGINS
    )


# The sign-up forms sit on pages cached whole for every reader (the footer, after each
# article, the newsletters page), so they cannot carry a reader's CSRF token. A forged
# sign-up could at most ask for a confirmation email, which the address's owner ignores
# and the throttle limits; a cross-site post is still refused where the browser says so
# (Sec-Fetch-Site, Origin), so other sites cannot spend their visitors' throttle counts.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def subscribe(request):
    if request.method == "GET":
        return redirect("newsletters:index")
    if not _from_this_site(request):
        return render(request, "newsletters/other_site.html", status=403)
    if not throttling.allow_signup_from(request):
        response = render(request, "newsletters/too_many.html", status=429)
        response["Retry-After"] = str(throttling.CLIENT_WINDOW)
        return response
    lists = _public_lists()
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return _form_page(request, "newsletters/index.html", form, lists, status=400)
    confirmation.request_subscription(form.cleaned_data["email"], form.cleaned_data["newsletters"])
    # The same page whatever the address: new, pending, confirmed, suppressed or
    # over its daily limit, so the form tells no one who subscribes here.
    response = render(
        request, "newsletters/check_inbox.html", {"email": form.cleaned_data["email"]}
    )
    add_never_cache_headers(response)
    return response


def _link_gone(request):
    return render(request, "newsletters/link_invalid.html", status=400)


@require_GET
@personal
def confirm(request, token):
    try:
        key = links.confirmed_key(token)
    except links.BadLink as error:
        if str(error) == "expired":
            lists = _public_lists()
            return _form_page(
                request,
                "newsletters/link_expired.html",
                SubscribeForm(),
                lists,
                status=410,
                days=settings.NEWSLETTER_CONFIRMATION_DAYS,
            )
        return _link_gone(request)
    subscriber = Subscriber.objects.filter(key=key).first()
    if subscriber is None:
        return _link_gone(request)
    already = subscriber.is_confirmed
    if not already:
        confirmation.confirm(subscriber)
    return render(
        request,
        "newsletters/confirmed.html",
        {
            "already": already,
            "newsletters": subscriber.newsletters.all(),
            "preferences_token": links.preferences_token(subscriber),
        },
    )


# "same-origin", not "no-referrer": under no-referrer the browser posts the form with
# `Origin: null`, which CSRF protection rightly refuses. The token still never leaves
# for another site.
@require_http_methods(["GET", "POST"])
@personal(referrer_policy="same-origin")
def preferences(request, token):
    try:
        key = links.preferences_key(token)
    except links.BadLink:
        return _link_gone(request)
    subscriber = Subscriber.objects.filter(key=key).first()
    if subscriber is None:
        return _link_gone(request)
    saved = None
    if request.method == "POST":
        form = PreferencesForm(request.POST, subscriber=subscriber)
        if "unsubscribe_all" in request.POST:
            Subscription.objects.filter(subscriber=subscriber).delete()
            saved = gettext(
                "You are unsubscribed from every newsletter. Nothing more will be sent."
            )
            form = PreferencesForm(subscriber=subscriber)
        elif form.is_valid():
            _keep_only(subscriber, form.cleaned_data["newsletters"])
            saved = gettext("Your choices are saved.")
            form = PreferencesForm(subscriber=subscriber)
    else:
        form = PreferencesForm(subscriber=subscriber)
    form.initial["newsletters"] = list(subscriber.newsletters.values_list("pk", flat=True))
    return render(
        request,
        "newsletters/preferences.html",
        {"form": form, "subscriber": subscriber, "saved": saved},
    )


@transaction.atomic
def _keep_only(subscriber, newsletters):
    Subscription.objects.filter(subscriber=subscriber).exclude(newsletter__in=newsletters).delete()
    for newsletter in newsletters:
        Subscription.objects.get_or_create(subscriber=subscriber, newsletter=newsletter)


def _one_click(request):
    """An RFC 8058 unsubscribe: a mail client's POST with this exact body field."""
    return request.POST.get("List-Unsubscribe") == "One-Click"


# No CSRF token: a mail client's one-click POST (RFC 8058) cannot carry one. The signed
# token in the address is what allows the change, and it only ever removes a list.
# GET only asks: mail scanners fetch every link in a message, and must not unsubscribe.
@csrf_exempt
@require_http_methods(["GET", "POST"])
@personal
def unsubscribe(request, token):
    try:
        key, newsletter_id = links.unsubscribe_target(token)
    except links.BadLink:
        return _link_gone(request)
    subscriber = Subscriber.objects.filter(key=key).first()
    if subscriber is None:
        return _link_gone(request)
    newsletter = Newsletter.objects.filter(pk=newsletter_id).first()
    if request.method == "POST":
        Subscription.objects.filter(subscriber=subscriber, newsletter_id=newsletter_id).delete()
        if _one_click(request):
            return render(
                request, "newsletters/unsubscribed.txt", content_type="text/plain; charset=utf-8"
            )
    return render(
        request,
        "newsletters/unsubscribe.html",
        {
            "newsletter": newsletter,
            "done": request.method == "POST",
            "subscribed": subscriber.newsletters.filter(pk=newsletter_id).exists(),
            "token": token,
            "preferences_token": links.preferences_token(subscriber),
        },
    )
