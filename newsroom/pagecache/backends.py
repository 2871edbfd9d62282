"""The versions cache's database backend, read on every page-cache hit."""

import base64
import pickle
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache.backends import db
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.db import connections, models, router, transaction
from django.utils.timezone import now

WRITE_BATCH = 300


class DatabaseCache(db.DatabaseCache):
    """
    Django's database cache, reading with one prepared statement and the expiry's
    converters worked out once per connection.

    Every cached page asks this cache for the epoch, so its read is most of what a hit
    costs: Django's builds an ORM expression and its converters and rewrites the
    statement for the driver on every call, which takes longer than the query. Here
    the statement goes to the driver's own cursor, in its own parameter style, inside
    Django's error wrapper (so a broken connection is still closed and replaced).

    And writing many keys at once in one statement: Django's set_many() writes key by
    key, counting the whole table (to cull it when full) before each, four statements a
    key, and an edit bumps its tags together; on a table of a million versions each
    count is a scan. Rows are Django's format, read and culled by Django's code too.
    """

    def __init__(self, table, params):
        super().__init__(table, params)
        self._readers = {}

    def _reader(self, connection):
        reader = self._readers.get(connection.alias)
        if reader is None:
            quote_name = connection.ops.quote_name
            placeholder = "?" if connection.Database.paramstyle == "qmark" else "%s"
            select = "SELECT {}, {}, {} FROM {} WHERE {} IN ".format(  # noqa: S608 - quoted names
                quote_name("cache_key"),
                quote_name("value"),
                quote_name("expires"),
                quote_name(self._table),
                quote_name("cache_key"),
            )
            expression = models.Expression(output_field=models.DateTimeField())
            converters = connection.ops.get_db_converters(
                expression
            ) + expression.get_db_converters(connection)
            reader = (select, placeholder, expression, converters)
            self._readers[connection.alias] = reader
        return reader

    def get_many(self, keys, version=None):
        if not keys:
            return {}
        key_map = {self.make_and_validate_key(key, version=version): key for key in keys}
        connection = connections[router.db_for_read(self.cache_model_class)]
        select, placeholder, expression, converters = self._reader(connection)
        params = list(key_map)
        if connection.queries_logged:
            # Where queries are recorded (tests, DEBUG), through Django's cursor, counted.
            with connection.cursor() as cursor:
                cursor.execute(f"{select}({', '.join(['%s'] * len(params))})", params)
                rows = cursor.fetchall()
        else:
            connection.ensure_connection()
            with connection.wrap_database_errors:
                cursor = connection.connection.cursor()
                try:
                    cursor.execute(f"{select}({', '.join([placeholder] * len(params))})", params)
                    rows = cursor.fetchall()
                finally:
                    cursor.close()
        result = {}
        expired_keys = []
        moment = now()
        for key, value, expires in rows:
            for converter in converters:
                expires = converter(expires, expression, connection)
            if expires < moment:
                expired_keys.append(key)
            else:
                value = connection.ops.process_clob(value)
                result[key_map[key]] = pickle.loads(base64.b64decode(value.encode()))  # noqa: S301 - our own rows
        if expired_keys:
            self._base_delete_many(expired_keys)
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        connection = connections[router.db_for_write(self.cache_model_class)]
        if not data or connection.vendor not in ("sqlite", "postgresql"):
            return super().set_many(data, timeout, version)
        timeout = self.get_backend_timeout(timeout)
        expires = (
            datetime.max
            if timeout is None
            else datetime.fromtimestamp(timeout, tz=UTC if settings.USE_TZ else None)
        )
        expires = connection.ops.adapt_datetimefield_value(expires.replace(microsecond=0))
        rows = []
        for key, value in data.items():
            pickled = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            rows.append([self.make_and_validate_key(key, version=version), pickled, expires])
        quote_name = connection.ops.quote_name
        table = quote_name(self._table)
        key, value, expiry = (quote_name(name) for name in ("cache_key", "value", "expires"))
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608 - quoted names
            count = cursor.fetchone()[0]
            if count > self._max_entries:
                self._cull(connection.alias, cursor, now().replace(microsecond=0), count)
            # In batches that stay under SQLite's 999 parameters a statement.
            for start in range(0, len(rows), WRITE_BATCH):
                batch = rows[start : start + WRITE_BATCH]
                cursor.execute(
                    f"INSERT INTO {table} ({key}, {value}, {expiry}) "  # noqa: S608 - quoted names
                    f"VALUES {', '.join(['(%s, %s, %s)'] * len(batch))} "
                    f"ON CONFLICT ({key}) DO UPDATE SET {value} = excluded.{value}, "
                    f"{expiry} = excluded.{expiry}",
                    [param for row in batch for param in row],
                )
        return []
