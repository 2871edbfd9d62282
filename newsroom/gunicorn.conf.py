"""Gunicorn settings, overridable from the environment (PORT, HOST, WEB_CONCURRENCY)."""

import os

from newsroom.environment import env_bool, load_env_file

load_env_file()

wsgi_app = "newsroom.wsgi:application"
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# Recycle workers now and then so a slow leak can never take the site down; rarely,
# since without Redis each worker keeps its own page cache, and a new worker starts empty.
max_requests = 100_000
max_requests_jitter = 10_000
# An empty GUNICORN_ACCESS_LOG turns the access log off (the benchmark does).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Believe a proxy's X-Forwarded-Proto only when the operator says one sets it, as Django
# does (TRUST_X_FORWARDED_PROTO): otherwise anything reaching gunicorn from the proxy's
# address could make the site call itself https in cached pages.
if not env_bool("TRUST_X_FORWARDED_PROTO", False):
    secure_scheme_headers = {}
