"""Writing: an import writes only what its file changes, onto the supporter as it is now."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from signatories.importing.planning import Planner
from signatories.models import Signatory
from tests.factories import SignatoryFactory
from tests.signatories.importing.helpers import import_, official

pytestmark = pytest.mark.django_db


def test_an_admin_edit_made_while_an_import_runs_is_not_overwritten(tmp_path, monkeypatch):
    acme = SignatoryFactory(name="Acme", country="FR", type="private-sector", statement="Old.")
    plan_chunk = Planner.plan_chunk

    def plan_then_edit_in_admin(planner, chunk):
        planned = plan_chunk(planner, chunk)
        # Staff save an edit after the import read the supporter, before it writes.
        Signatory.objects.filter(pk=acme.pk).update(statement="Edited in admin.")
        return planned

    monkeypatch.setattr(Planner, "plan_chunk", plan_then_edit_in_admin)
    report = import_(tmp_path, official("Acme,private-sector,FRA,,https://acme.example,,,,,"))
    assert report.rows[0].changed == ["website"]
    acme.refresh_from_db()
    assert (acme.website, acme.statement) == ("https://acme.example", "Edited in admin.")
    assert acme.history.latest().statement == "Edited in admin."


def test_the_rows_an_import_updates_are_read_again_under_a_lock(tmp_path):
    SignatoryFactory(name="Acme", country="FR", type="private-sector")
    with CaptureQueriesContext(connection) as queries:
        import_(tmp_path, official("Acme,private-sector,FRA,,https://acme.example,,,,,"))
    locked = [query["sql"] for query in queries if "FOR UPDATE" in query["sql"]]
    # PostgreSQL locks the rows until the import commits; SQLite has no row locks (it
    # serialises writers), and the rows are read again just before they are written.
    assert bool(locked) == connection.features.has_select_for_update
