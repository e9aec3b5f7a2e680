"""Matching rows to recorded supporters: updates and additions, never duplicates."""

import datetime

import pytest

from signatories.models import Signatory
from tests.factories import SignatoryFactory, StateFactory
from tests.signatories.importing.helpers import dump, import_, official

pytestmark = pytest.mark.django_db


def test_importing_over_existing_records_updates_and_adds_never_duplicates(tmp_path):
    StateFactory(country="DE", name="Germany", slug="germany")
    SignatoryFactory(name="ACME  s.a.", slug="acme-sa", country="FR", type="private-sector")
    report = import_(
        tmp_path,
        official(
            "Allemagne,state,DEU,UE,,,,,2019-11-10,",
            "Acme S.A.,private-sector,FRA,Entreprise,https://acme.example,,,,,",
            "Newcomer,civil-society,BEL,ONG,,,,,,",
        ),
    )
    assert report.counts == {
        "created": 1,
        "updated": 2,
        "unchanged": 0,
        "warned": 0,
        "rejected": 0,
    }
    assert Signatory.objects.count() == 3
    germany = Signatory.objects.get(slug="germany")
    assert (germany.name, germany.aliases) == ("Germany", "Allemagne")
    acme = Signatory.objects.get(slug="acme-sa")
    assert (acme.name, acme.website, acme.kind) == (
        "Acme S.A.",
        "https://acme.example",
        "company",
    )


def test_a_state_is_matched_by_its_country_even_when_named_differently(tmp_path):
    StateFactory(country="KR", name="Republic of Korea", slug="republic-of-korea")
    import_(tmp_path, official("Corée du Sud,state,KOR,,,,,,2019-11-10,"))
    state = Signatory.objects.get()
    assert (state.name, state.slug, state.aliases) == (
        "Republic of Korea",
        "republic-of-korea",
        "Corée du Sud",
    )


def test_an_empty_cell_never_erases_a_recorded_value(tmp_path):
    SignatoryFactory(
        name="Acme",
        country="FR",
        type="private-sector",
        kind="company",
        website="https://acme.example",
        statement="Our words.",
        supporter_since=datetime.date(2019, 1, 1),
        supporter_since_precision="month",
        supporter_since_is_bound=True,
    )
    report = import_(tmp_path, official("Acme,private-sector,FRA,,,,,,,"))
    assert report.counts["unchanged"] == 1
    acme = Signatory.objects.get()
    assert (acme.kind, acme.website, acme.statement, acme.since_display) == (
        "company",
        "https://acme.example",
        "Our words.",
        "by January 2019",
    )


def test_a_second_run_changes_nothing(tmp_path):
    text = official(
        "Allemagne,state,DEU,UE,,,,,2019-11-10,",
        "Acme,private-sector,FRA,Entreprise,https://acme.example,@acme,,2021-11-11,,Hello.",
        "INTERPOL,public-authority,,International Organization,,,,,2019-11-10,",
    )
    first = import_(tmp_path, text)
    assert first.counts["created"] == 3
    before = dump()
    second = import_(tmp_path, text)
    assert [row.outcome for row in second.rows] == ["unchanged"] * 3
    assert second.written
    assert dump() == before


def test_new_slugs_are_deterministic_and_never_collide(tmp_path):
    SignatoryFactory(name="Acme", slug="acme", country="FR", type="civil-society")
    import_(
        tmp_path,
        official(
            "Acme,private-sector,DEU,,,,,,,",
            "Acme,private-sector,ITA,,,,,,,",
            "Acme,private-sector,DEU,,,,,,,",
        ),
        skip_invalid=True,
    )
    assert sorted(Signatory.objects.values_list("slug", "country")) == [
        ("acme", "FR"),
        ("acme-de", "DE"),
        ("acme-it", "IT"),
    ]


def test_the_same_supporter_twice_in_a_file_is_rejected_the_second_time(tmp_path):
    report = import_(
        tmp_path,
        official("Acme,private-sector,DEU,,,,,,,", "ACME,private-sector,DEU,,,,,,,"),
    )
    assert [(row.line, row.reason) for row in report.rejected] == [
        (3, "the same supporter as line 2")
    ]
