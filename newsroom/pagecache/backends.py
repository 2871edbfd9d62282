"""The versions cache's database backend, read on every page-cache hit."""

import base64
import pickle

from django.core.cache.backends import db
from django.db import connections, models, router
from django.utils.timezone import now


class DatabaseCache(db.DatabaseCache):
    """
    Django's database cache, reading with one prepared statement and the expiry's
    converters worked out once per connection.

    Every cached page asks this cache for the epoch, so its read is most of what a hit
    costs: Django's builds an ORM expression and its converters and rewrites the
    statement for the driver on every call, which takes longer than the query. Here
    the statement goes to the driver's own cursor, in its own parameter style, inside
    Django's error wrapper (so a broken connection is still closed and replaced). Rows
    are written by Django's code, unchanged, and read the same way.
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
