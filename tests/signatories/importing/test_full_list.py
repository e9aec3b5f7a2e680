"""A file that is the whole official list: who left, who came back, and when."""

import datetime

import pytest
from django.core.management import CommandError
from django.utils import timezone

from signatories.models import Citation, Signatory, Source
from tests.factories import SignatoryFactory
from tests.signatories.importing.helpers import dump, official, run, write

pytestmark = pytest.mark.django_db

OLDER = official(
    "Allemagne,state,DEU,UE,,,,,2019-11-10,",
    "Acme,private-sector,FRA,Entreprise,,,,2021-11-11,2021-11-12,",
    "Leaving Soon,civil-society,BEL,ONG,,,,,2019-11-10,",
    "Gone Quiet,private-sector,ITA,Entreprise,,,,,2020-11-20,",
    "Stays,civil-society,ESP,ONG,,,,,2019-11-10,",
)
NEWER = official(
    "Allemagne,state,DEU,UE,,,,,2019-11-10,",
    "Acme,private-sector,FRA,Entreprise,,,,2021-11-11,2021-11-12,",
    "Stays,civil-society,ESP,ONG,,,,,2019-11-10,",
    "Newcomer,civil-society,KEN,ONG,,,,,2024-03-01,",
)


def _full(tmp_path, text, name, *options):
    return run(tmp_path, text, "--full-list", *options, name=name)


def test_supporters_missing_from_a_newer_whole_list_become_former_as_of_its_date(tmp_path):
    SignatoryFactory(name="Seeded Only", country="FR")  # no whole list ever recorded it
    _full(tmp_path, OLDER, "official-supporters-2024-01-15.csv")
    assert Signatory.objects.filter(status="current").count() == 6
    out = _full(tmp_path, NEWER, "official-supporters-2025-12-25.csv")

    assert "created: 1" in out
    assert "left the list: 2" in out
    statuses = dict(Signatory.objects.values_list("name", "status"))
    assert statuses == {
        "Germany": "current",
        "Acme": "current",
        "Leaving Soon": "former",
        "Gone Quiet": "former",
        "Stays": "current",
        "Newcomer": "current",
        "Seeded Only": "current",
    }
    newer = Source.objects.get(date=datetime.date(2025, 12, 25))
    assert newer.covers_whole_list
    for name in ("Leaving Soon", "Gone Quiet"):
        former = Signatory.objects.get(name=name)
        assert (former.left_on, former.left_source) == (datetime.date(2025, 12, 25), newer)
        citation = former.citations.get(source=newer)
        assert citation.basis == "derived"
        assert "has no entry for" in citation.passage
        assert "whole official list as of 2025-12-25" in citation.reasoning
        assert former.history.latest().history_change_reason == (
            "Imported from official-supporters-2025-12-25.csv"
        )
        assert former.history.count() == 2  # created, then left: every change kept
    # Every supporter on the newer list cites it; the counts follow the current ones.
    assert Citation.objects.filter(source=newer, basis="stated").count() == 4
    assert Signatory.objects.filter(status="current").count() == 5


def test_a_former_supporter_on_a_later_whole_list_is_current_again(tmp_path):
    _full(tmp_path, OLDER, "official-supporters-2024-01-15.csv")
    _full(tmp_path, NEWER, "official-supporters-2025-06-01.csv")
    out = _full(tmp_path, OLDER, "official-supporters-2025-12-25.csv")
    assert "came back: 2" in out
    back = Signatory.objects.get(name="Leaving Soon")
    assert (back.status, back.left_on, back.left_source) == ("current", None, None)
    assert Signatory.objects.get(name="Newcomer").status == "former"


def test_the_same_whole_list_twice_changes_nothing_the_second_time(tmp_path):
    _full(tmp_path, OLDER, "official-supporters-2024-01-15.csv")
    _full(tmp_path, NEWER, "official-supporters-2025-12-25.csv")
    before = dump()
    out = _full(tmp_path, NEWER, "official-supporters-2025-12-25.csv")
    assert "left the list: 0" in out
    assert dump() == before


def test_without_full_list_a_missing_supporter_stays_current(tmp_path):
    _full(tmp_path, OLDER, "official-supporters-2024-01-15.csv")
    run(tmp_path, NEWER, name="official-supporters-2025-12-25.csv")
    assert not Signatory.objects.filter(status="former").exists()


def test_a_dry_run_lists_who_would_leave_and_writes_nothing(tmp_path):
    _full(tmp_path, OLDER, "official-supporters-2024-01-15.csv")
    before = dump()
    out = _full(tmp_path, NEWER, "official-supporters-2025-12-25.csv", "--dry-run")
    assert "No longer on the list (now former supporters):\n  Gone Quiet\n  Leaving Soon" in out
    assert dump() == before


def test_a_row_that_cannot_be_read_does_not_make_its_supporter_former(tmp_path):
    _full(tmp_path, OLDER, "official-supporters-2024-01-15.csv")
    text = NEWER + "Leaving Soon,,BEL,ONG,,,,,2019-11-10,\nGone Quiet,civil-society,XYZ,,,,,,,\n"
    _full(tmp_path, text, "official-supporters-2025-12-25.csv", "--skip-invalid")
    assert not Signatory.objects.filter(status="former").exists()


def test_the_list_date_comes_from_as_of_else_the_file_name_else_today(tmp_path):
    _full(tmp_path, OLDER, "official-supporters.csv", "--as-of", "2024-01-15")
    _full(tmp_path, OLDER, "official-supporters-2024-02-01.csv")
    _full(tmp_path, OLDER, "official-supporters.csv")
    dates = set(Source.objects.filter(covers_whole_list=True).values_list("date", flat=True))
    assert dates == {datetime.date(2024, 1, 15), datetime.date(2024, 2, 1), timezone.localdate()}


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--as-of", "2025-13-01"], r"--as-of .2025-13-01. is not a date \(YYYY-MM-DD\)"),
        (["--as-of", "2024-01-14"], "is before the last whole official list imported"),
        (["--as-of", "2999-01-01"], "is in the future"),
    ],
)
def test_a_bad_list_date_is_refused_and_nothing_is_written(tmp_path, options, message):
    _full(tmp_path, OLDER, "official-supporters-2024-01-15.csv")
    before = dump()
    with pytest.raises(CommandError, match=message):
        _full(tmp_path, NEWER, "newer.csv", *options)
    assert dump() == before


def test_the_sites_own_export_is_not_a_whole_official_list(tmp_path):
    from signatories.columns import CSV_COLUMNS

    with pytest.raises(CommandError, match="not the official list"):
        _full(tmp_path, ",".join(CSV_COLUMNS) + "\n", "export.csv")
    assert not Source.objects.exists()


# --- Dates -------------------------------------------------------------------------------


def test_first_listed_is_a_by_date_where_no_exact_date_is_given(tmp_path):
    path = write(tmp_path, OLDER)
    from signatories.importing import import_file

    import_file(path)
    stays = Signatory.objects.get(name="Stays")
    assert (stays.since_iso, stays.supporter_since_is_bound) == ("2019-11-10", True)
    assert stays.since_display == "by 10 November 2019"
    acme = Signatory.objects.get(name="Acme")
    assert (acme.since_iso, acme.supporter_since_is_bound) == ("2021-11-11", False)


def test_a_by_date_never_replaces_an_earlier_recorded_date(tmp_path):
    from signatories.importing import import_file

    SignatoryFactory(
        name="Stays",
        country="ES",
        type="civil-society",
        supporter_since=datetime.date(2019, 1, 1),
        supporter_since_precision="month",
        supporter_since_is_bound=True,
    )
    SignatoryFactory(
        name="Gone Quiet",
        country="IT",
        type="private-sector",
        supporter_since=datetime.date(2021, 1, 1),
        supporter_since_precision="year",
    )
    import_file(write(tmp_path, OLDER))
    assert Signatory.objects.get(name="Stays").since_display == "by January 2019"
    # A later year is replaced by the earlier "by" day the list gives.
    assert Signatory.objects.get(name="Gone Quiet").since_display == "by 20 November 2020"
