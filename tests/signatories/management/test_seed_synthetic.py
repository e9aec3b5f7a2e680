"""The benchmark's synthetic supporters: written on either database, refused on real data."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from signatories.models import Signatory, SignatoryStatus
from tests.factories import SignatoryFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_seeding_writes_current_and_former_supporters_that_the_list_can_read(client):
    call_command("seed_synthetic", count=600, seed=1, stdout=None)
    assert Signatory.objects.count() == 600
    former = Signatory.objects.filter(status=SignatoryStatus.FORMER)
    assert former.exists()
    assert not former.filter(left_on__isnull=True).exists()
    assert not Signatory.objects.filter(status=SignatoryStatus.CURRENT, left_on__isnull=False)
    response = client.get("/signatories/", {"status": "all"})
    assert response.status_code == 200
    assert response.context["counts"]["total"] == 600


def test_seeding_refuses_a_database_that_holds_real_supporters():
    SignatoryFactory(name="Real supporter")
    with pytest.raises(CommandError, match="not synthetic"):
        call_command("seed_synthetic", count=10)


def test_seeding_leaves_the_database_its_statistics_for_the_list_queries():
    call_command("seed_synthetic", count=300, seed=2, stdout=None)
    statistics = {
        "sqlite": "SELECT count(*) FROM sqlite_stat1 WHERE tbl = %s",
        "postgresql": "SELECT count(*) FROM pg_stats WHERE tablename = %s",
    }
    with connection.cursor() as cursor:
        cursor.execute(statistics[connection.vendor], ["signatories_signatory"])
        assert cursor.fetchone()[0] > 0
