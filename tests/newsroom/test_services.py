"""The suite runs against the services the environment names: PostgreSQL and Redis in CI."""

import os
import uuid

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection

needs_redis = pytest.mark.skipif(
    not os.environ.get("REDIS_URL"), reason="REDIS_URL is not set; the in-process cache is used"
)


@pytest.mark.django_db
def test_database_is_the_one_database_url_names():
    url = os.environ.get("DATABASE_URL", "")
    expected = "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"
    assert connection.vendor == expected
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)


@needs_redis
def test_cache_is_stored_in_redis_when_redis_url_is_set():
    import redis

    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    key, value = f"services-test-{uuid.uuid4().hex}", "stored in redis"
    cache.set(key, value, timeout=60)
    try:
        # Read it back with a separate Redis client, not through Django's cache: the value
        # really lives in the Redis server, under Django's versioned and prefixed key.
        client = redis.Redis.from_url(os.environ["REDIS_URL"])
        raw_key = cache.make_key(key)
        assert client.exists(raw_key) == 1
        assert 0 < client.ttl(raw_key) <= 60
        assert cache.get(key) == value
    finally:
        cache.delete(key)
    assert client.exists(raw_key) == 0
