"""
Settings for Newsroom, read from the environment.

Every variable is listed in `.env.example`. Defaults are safe: DEBUG is off, only
localhost is allowed, and without DEBUG a real SECRET_KEY is required.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_noop

from newsroom.environment import BASE_DIR, env_bool, env_int, env_list, load_env_file

load_env_file()

DEBUG = env_bool("DEBUG", False)

# A key Django marks as insecure is only acceptable while developing.
INSECURE_KEY_PREFIX = "django-insecure-"
SECRET_KEY = os.environ.get("SECRET_KEY", "").strip()
if not SECRET_KEY and DEBUG:
    SECRET_KEY = INSECURE_KEY_PREFIX + "development-only-never-use-in-production"
if not DEBUG and (
    len(SECRET_KEY) < 50 or SECRET_KEY.startswith(INSECURE_KEY_PREFIX) or len(set(SECRET_KEY)) < 5
):
    raise ImproperlyConfigured(
        "SECRET_KEY is missing or too weak for production (DEBUG is off). Set SECRET_KEY in "
        "the environment or in .env to at least 50 random characters, for example the output "
        "of: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Before staticfiles: its collectstatic, which builds the web fonts first, wins.
    "newsroom",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "taggit",
    "django_prose_editor",
    "reversion",
    "reversion_compare",
    "csp",
    "axes",
    "redirects",
    "authors",
    "articles",
    "feed",
    "newsletters",
    "support",
    "django_tasks",
    "django_tasks_db",
    "anymail",
    "importers",
    "demo",
]

# The about, contact and corrections pages are flat pages (django.contrib.flatpages),
# which belong to a site of the sites framework; that site's domain is also the host
# Django's feeds and sitemaps write into their links. `migrate` keeps it SITE_DOMAIN,
# the public host (the first of ALLOWED_HOSTS unless set).
SITE_ID = 1
NEWSROOM_SITE_DOMAIN = os.environ.get("SITE_DOMAIN", "").strip() or ALLOWED_HOSTS[0]

MIDDLEWARE = [
    # First, so a cached page skips everything below; the headers those add are kept with
    # it, and the WSGI application (newsroom.wsgi) can answer a hit before Django's cycle.
    "newsroom.pagecache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "newsroom.middleware.PermissionsPolicyMiddleware",
    # Before anything that may query the database with the path, query or session cookie.
    "newsroom.middleware.RejectNulMiddleware",
    "newsroom.middleware.DatabaseUnavailableMiddleware",
    "newsroom.middleware.EditionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "redirects.middleware.RedirectFallbackMiddleware",
    # Last, as django-axes asks: it turns a lockout into the "too many attempts" response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "newsroom.context_processors.site",
            ],
            # Bylines, author cards and the navigation all name authors and sections in
            # the page's language; a builtin spares each of those templates a {% load %}.
            "builtins": ["newsroom.templatetags.translated"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers carry on while an editor saves; IMMEDIATE avoids "database is locked"
    # errors when two writers start a transaction at once.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

REDIS_URL = os.environ.get("REDIS_URL", "").strip()
CACHE_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "newsroom")
if REDIS_URL:
    _redis = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        # Fail fast when Redis is unreachable or stalls: pages are then served uncached,
        # and a request touches the cache a few times, each at most this long.
        "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
    }
    CACHES = {
        "default": {**_redis, "KEY_PREFIX": CACHE_KEY_PREFIX},
        "versions": {**_redis, "KEY_PREFIX": f"{CACHE_KEY_PREFIX}-versions", "TIMEOUT": None},
    }
else:
    CACHES = {
        # Pages are kept per worker process; the versions that decide whether a kept page is
        # still current live in the database, which every worker shares.
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
        "versions": {
            "BACKEND": "newsroom.pagecache.backends.DatabaseCache",
            "LOCATION": "newsroom_cache_versions",
            "TIMEOUT": None,
            "OPTIONS": {"MAX_ENTRIES": 1_000_000},
        },
    }

# Whole-page cache for anonymous readers (newsroom/pagecache/).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", True)
# Parts many pages share (navigation, News Feed strip), kept the same exact way.
FRAGMENT_CACHE_ENABLED = env_bool("FRAGMENT_CACHE", True)
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_VERSIONS_ALIAS = "versions"
# How long the server keeps a page that nothing has changed (seconds).
PAGE_CACHE_TIMEOUT = env_int("PAGE_CACHE_TIMEOUT", 600)
# What browsers and CDNs are told (Cache-Control), bounded by the next scheduled item.
PAGE_CACHE_MAX_AGE = env_int("PAGE_CACHE_MAX_AGE", 60)
PAGE_CACHE_STALE_WHILE_REVALIDATE = env_int("PAGE_CACHE_STALE_WHILE_REVALIDATE", 30)
PAGE_CACHE_STALE_IF_ERROR = env_int("PAGE_CACHE_STALE_IF_ERROR", 86400)
# Seconds a CDN or browser may keep an answer to the live script's poll: the most a new
# item waits at a CDN before open pages see it.
LIVE_UPDATES_MAX_AGE = env_int("LIVE_UPDATES_MAX_AGE", 5)
# Dotted path of a function called with the list of public URLs a change affects, e.g.
# to purge them from a CDN. newsroom.pagecache.http_purge sends PURGE to CACHE_PURGE_URL.
CACHE_PURGE_HOOK = os.environ.get("CACHE_PURGE_HOOK", "")
CACHE_PURGE_URL = os.environ.get("CACHE_PURGE_URL", "")
# A header naming each page's cache tags for the CDN (Surrogate-Key for Fastly and
# Varnish xkey, Cache-Tag for Cloudflare); the purge hook then also gets the tags a
# change bumped. Empty: pages carry no tags, the hook gets addresses only.
CACHE_TAG_HEADER = os.environ.get("CACHE_TAG_HEADER", "").strip()

# Email: SMTP when EMAIL_HOST is set, a provider through django-anymail when
# EMAIL_PROVIDER is (its ANYMAIL_* keys from the environment), otherwise each message is
# written as a file under EMAIL_FILE_PATH, so a new site never sends mail by surprise.
DEFAULT_FROM_EMAIL = (
    os.environ.get("DEFAULT_FROM_EMAIL", "").strip() or f"newsroom@{NEWSROOM_SITE_DOMAIN}"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = os.environ.get("EMAIL_HOST", "").strip()
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", EMAIL_PORT == 587)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", EMAIL_PORT == 465)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
EMAIL_FILE_PATH = Path(os.environ.get("EMAIL_FILE_PATH", "").strip() or BASE_DIR / "var" / "mail")
EMAIL_PROVIDER = os.environ.get("EMAIL_PROVIDER", "").strip().lower()
if EMAIL_PROVIDER:
    EMAIL_BACKEND = f"anymail.backends.{EMAIL_PROVIDER}.EmailBackend"
elif EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
ANYMAIL = {
    name.removeprefix("ANYMAIL_"): value
    for name, value in os.environ.items()
    if name.startswith("ANYMAIL_") and value
}

# Background work (sending newsletters) as Django tasks, kept in the database by default
# so one machine needs no other server; `manage.py db_worker` runs them.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "").strip() or "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "newsletters"],
    }
}

# Newsletters: how long a confirmation link works.
NEWSLETTER_CONFIRMATION_DAYS = env_int("NEWSLETTER_CONFIRMATION_DAYS", 3)
# Messages per second each sending worker hands to the mail server (0: as fast as it
# takes them); providers and shared SMTP hosts cap it.
NEWSLETTER_SEND_RATE = float(os.environ.get("NEWSLETTER_SEND_RATE", "0") or 0)
# The postal address anti-spam laws ask every newsletter's footer to carry.
NEWSROOM_POSTAL_ADDRESS = os.environ.get("POSTAL_ADDRESS", "").strip()

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The editions: the first is the default, served at /; each other one under its code
# (/uk/). Every publishable item belongs to one of them.
LANGUAGES = [("en", "English"), ("uk", "Українська")]
LANGUAGE_CODE = LANGUAGES[0][0]
LOCALE_PATHS = [BASE_DIR / "locale"]
# How dates read in each edition ("1 December 2026, 14:05", "1 грудня 2026, 14:05").
FORMAT_MODULE_PATH = "newsroom.formats"
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Kyiv")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "newsroom.fonts.BuiltFontsFinder",
]
# The web fonts (newsroom/fonts.py): collectstatic builds FONTS_BUILD_DIR from the npm
# packages in FONTS_PACKAGES_DIR; without them the site uses the system fonts.
FONTS_PACKAGES_DIR = Path(os.environ.get("FONTS_PACKAGES_DIR") or BASE_DIR / "node_modules")
FONTS_BUILD_DIR = Path(os.environ.get("FONTS_BUILD_DIR") or BASE_DIR / "build" / "fonts")
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Serve uploaded media from the app itself; turn off when a CDN or object storage does it.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "newsroom.staticfiles.MinifiedStaticFilesStorage"},
}

# Media on S3-compatible object storage (django-storages, `pip install newsroom[s3]`) as
# soon as a bucket is named, so app servers keep nothing on local disk and can be added or
# replaced freely. Credentials come from the standard AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY variables (or the machine's role), read by boto3 itself.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
if AWS_STORAGE_BUCKET_NAME:
    # A CDN or the bucket's own host name serves the files; set it to get stable, public,
    # cacheable URLs (and the right Content-Security-Policy img-src).
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN", "").strip() or None
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL", "").strip() or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME", "").strip() or None,
            "custom_domain": AWS_S3_CUSTOM_DOMAIN,
            # Plain public URLs a CDN can cache; true signs every URL for a private bucket.
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            # Never replace an editor's earlier upload that happens to share a name.
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=86400"},
        },
    }
    if AWS_S3_CUSTOM_DOMAIN and "MEDIA_URL" not in os.environ:
        MEDIA_URL = f"https://{AWS_S3_CUSTOM_DOMAIN}/"
    # The files are not on this machine, so the app has nothing to serve.
    SERVE_MEDIA = False

# Uploads larger than this go to a temporary file rather than memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Security. HTTPS defaults to on whenever DEBUG is off; `make run` turns it off to serve
# the demo on plain http://127.0.0.1.
HTTPS = env_bool("HTTPS", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
# Sessions (only editors have one) end after SESSION_COOKIE_AGE seconds, and when the
# browser closes.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 12)
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", True)
if HTTPS:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
if env_bool("TRUST_X_FORWARDED_PROTO", False):
    # Only behind a proxy that sets this header itself; otherwise clients could forge it.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many reverse proxies in front of the app append to X-Forwarded-For; 0 means the
# client address is REMOTE_ADDR. Used to tell login attempts apart (newsroom.security).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)


def origin_of(url):
    """The scheme://host of an absolute URL (media on a CDN), or None for a local path."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


# Content-Security-Policy (django-csp). No 'unsafe-inline' anywhere: templates that need
# an inline script or style give it nonce="{{ CSP_NONCE }}", and the nonce appears in the
# header only on pages that use one. The Django admin works under this policy (it loads
# its scripts from files). Media or static files on another host are added automatically;
# video players embedded from other sites are allowed by CSP_FRAME_SRC (the YouTube and
# Vimeo players the video page embeds by default), video files from other hosts by
# CSP_MEDIA_SRC.
VIDEO_PLAYER_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
_asset_origins = sorted({o for o in (origin_of(STATIC_URL), origin_of(MEDIA_URL)) if o})
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE, *_asset_origins],
        "style-src": [SELF, NONCE, *_asset_origins],
        "img-src": [SELF, "data:", *_asset_origins, *env_list("CSP_IMG_SRC")],
        "media-src": [SELF, *_asset_origins, *env_list("CSP_MEDIA_SRC")],
        "font-src": [SELF, *_asset_origins],
        "frame-src": env_list("CSP_FRAME_SRC", ",".join(VIDEO_PLAYER_ORIGINS)) or [NONE],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "object-src": [NONE],
        **({"upgrade-insecure-requests": True} if HTTPS else {}),
    },
}
# Browser features no page of a news site needs; sent by newsroom.middleware.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": [],
    "fullscreen": ["self"],
    "geolocation": [],
    "gyroscope": [],
    "interest-cohort": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "picture-in-picture": [],
    "publickey-credentials-get": [],
    "screen-wake-lock": [],
    "serial": [],
    "usb": [],
    "xr-spatial-tracking": [],
}

# The admin's address: moving it off /admin/ keeps it away from the bots that try there.
# Article bodies are sanitised by the model on every save (Article.derive_fields), whatever
# wrote them, rather than by the editor's form field alone.
SILENCED_SYSTEM_CHECKS = ["django_prose_editor.W004"]

ADMIN_PATH = os.environ.get("ADMIN_PATH", "admin/").strip().strip("/") + "/"
if ADMIN_PATH == "/":
    raise ImproperlyConfigured("ADMIN_PATH must not be empty, e.g. ADMIN_PATH=newsroom-desk/")
# `make bench` only: a trivial view at /bench/trivial/ to compare pages with.
BENCHMARK_VIEWS = env_bool("BENCHMARK_VIEWS", False)
# Never served from the page cache: the admin, previews, files served by other layers, and
# the benchmark's yardstick (it must cost what a plain Django view costs).
# The query parameters reader pages read (cursor and partial: "Show More"; kind and tag:
# the News Feed; q and page: search; p and page_id: old WordPress shortlinks). Others
# (utm_source, made-up ones) are dropped before an anonymous page is looked up or drawn,
# so they can neither change it nor make the cache render it again.
PAGE_CACHE_QUERY_PARAMETERS = (
    "cursor",
    "since",
    "partial",
    "kind",
    "tag",
    "q",
    "page",
    "p",
    "page_id",
)
PAGE_CACHE_EXCLUDED_PREFIXES = (f"/{ADMIN_PATH}", "/preview/", "/bench/", STATIC_URL, MEDIA_URL)
# django-axes: after AXES_FAILURE_LIMIT failed logins from one address, that address is
# locked out for AXES_COOLOFF_MINUTES (HTTP 429), whichever usernames it tried; after as
# many failures for one username, from anywhere, so is that username. A successful login
# clears only its own username's failures (newsroom.security), so logging in as yourself
# between guesses at someone else's password does not reset the address's count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_CLIENT_IP_CALLABLE = "newsroom.security.client_ip"
AXES_RESET_ON_SUCCESS = False
AXES_VERBOSE = False

NEWSROOM_SITE_NAME = os.environ.get("SITE_NAME", "The Newsroom")
# The default is in the catalogs, so each edition reads it in its language; a tagline
# of the operator's own is shown as written.
NEWSROOM_SITE_TAGLINE = os.environ.get("SITE_TAGLINE", gettext_noop("Independent news, every day"))
# Publisher logo for search engines and social cards: a static file path, 600x60 or so.
NEWSROOM_SITE_LOGO = os.environ.get("SITE_LOGO", "img/logo.png")
# The newsroom's own accounts, for Twitter/X cards and the Organization's sameAs.
NEWSROOM_SITE_X_HANDLE = os.environ.get("SITE_X_HANDLE", "").lstrip("@")
NEWSROOM_SITE_SOCIAL_LINKS = env_list("SITE_SOCIAL_LINKS")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
    },
}
