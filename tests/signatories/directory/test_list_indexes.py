"""The list's indexes are there after every migration, on both databases: the ones the
models declare, and the newest-first one written by hand (migrations 0009 and 0016), which
SQLite drops whenever a migration makes the supporters' table again."""

import pytest
from django.db import connection
from django.http import QueryDict

from signatories.directory.filters import SignatoryFilter
from signatories.models.queries import LIST_INDEXES

pytestmark = pytest.mark.django_db

NEWEST_FIRST = "signatory_since_desc_name"


def _indexes() -> set[str]:
    with connection.cursor() as cursor:
        return set(connection.introspection.get_constraints(cursor, "signatories_signatory"))


def test_every_list_index_is_in_the_migrated_database():
    assert {index.name for index in LIST_INDEXES} | {NEWEST_FIRST} <= _indexes()


def test_the_newest_first_page_is_read_from_its_index_not_sorted():
    filterset = SignatoryFilter(QueryDict("sort=-since"))
    assert filterset.is_valid(), filterset.errors
    sql, parameters = filterset.qs.for_list()[:50].query.sql_with_params()
    explain = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
    with connection.cursor() as cursor:
        # An empty table: the planner is told to use an index whenever one can serve.
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(explain + sql, parameters)
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert NEWEST_FIRST in plan, plan
