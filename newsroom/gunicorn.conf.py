"""Gunicorn settings, overridable from the environment (PORT, HOST, WEB_CONCURRENCY)."""

import os

wsgi_app = "newsroom.wsgi:application"
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# Recycle workers now and then so a slow leak can never take the site down.
max_requests = 10000
max_requests_jitter = 1000
# An empty GUNICORN_ACCESS_LOG turns the access log off (the benchmark does).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
