"""What French readers see of the directory's data: dates, numbers, regions, kinds."""

import datetime
import importlib

import pytest
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils import translation

from signatories import dates
from signatories.data.m49 import FRENCH, M49
from signatories.importing.official import NATURE_KINDS
from signatories.models import Signatory
from signatories.regions import subregion_of
from signatories.vocabulary import ORGANISATION_KINDS


@pytest.mark.parametrize(
    ("date", "precision", "by", "english", "french"),
    [
        (datetime.date(2019, 11, 10), "day", False, "10 November 2019", "10 novembre 2019"),
        (
            datetime.date(2019, 11, 10),
            "day",
            True,
            "by 10 November 2019",
            "au plus tard le 10 novembre 2019",
        ),
        (datetime.date(2019, 1, 1), "day", False, "1 January 2019", "1er janvier 2019"),
        (datetime.date(2019, 1, 1), "month", False, "January 2019", "janvier 2019"),
        (
            datetime.date(2019, 1, 1),
            "month",
            True,
            "by January 2019",
            "au plus tard en janvier 2019",
        ),
        (datetime.date(2019, 1, 1), "year", True, "by 2019", "au plus tard en 2019"),
    ],
)
def test_dates_read_naturally_in_each_language(date, precision, by, english, french):
    assert dates.display(date, precision, by) == english
    with translation.override("fr"):
        assert dates.display(date, precision, by) == french


def test_french_groups_thousands_with_a_narrow_no_break_space():
    assert intcomma(1217) == "1,217"
    with translation.override("fr"):
        assert intcomma(1217) == "1\u202f217"


def test_sub_regions_have_their_french_names():
    assert subregion_of("JP") == "Eastern Asia"
    with translation.override("fr"):
        assert subregion_of("JP") == "Asie de l’Est"
        assert subregion_of("KE") == "Afrique orientale"
        assert subregion_of("JE") == "Europe du Nord"


def test_every_sub_region_of_the_m49_table_has_a_french_name():
    names = {entry[2] or entry[1] for entry in M49.values()}
    assert names <= set(FRENCH)


def test_every_organisation_kind_the_importer_records_can_be_shown_in_french():
    assert set(NATURE_KINDS.values()) <= set(ORGANISATION_KINDS)
    with translation.override("fr"):
        assert str(ORGANISATION_KINDS["think tank"]) == "groupe de réflexion"


@pytest.mark.django_db
def test_the_migration_gives_every_state_its_country_name_in_both_languages():
    from django.apps import apps

    from tests.factories import StateFactory

    rewrite = importlib.import_module(
        "signatories.migrations.0008_search_text_both_languages"
    ).rewrite_search_text
    state = StateFactory(country="DE", aliases="")
    Signatory.objects.filter(pk=state.pk).update(search_text="germany")
    rewrite(apps, None)
    state.refresh_from_db()
    assert state.search_text == "germany allemagne"
