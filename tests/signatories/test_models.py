import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from signatories.models import Citation, Signatory
from tests.factories import (
    CitationFactory,
    MilestoneFactory,
    PrincipleFactory,
    SignatoryFactory,
    SourceFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db


def test_a_second_state_for_a_country_is_refused_by_the_database():
    StateFactory(country="FR", slug="france")
    with pytest.raises(IntegrityError), transaction.atomic():
        Signatory.objects.create(name="République française", slug="rf", type="state", country="FR")


def test_many_organisations_may_share_a_country():
    SignatoryFactory(country="FR")
    SignatoryFactory(country="FR")
    StateFactory(country="FR")
    assert Signatory.objects.filter(country="FR").count() == 3


def test_the_same_name_country_and_type_is_refused():
    SignatoryFactory(name="Acme", slug="acme", country="DE", type="private-sector")
    with pytest.raises(IntegrityError), transaction.atomic():
        SignatoryFactory(name="Acme", slug="acme-2", country="DE", type="private-sector")


def test_slugs_are_unique():
    SignatoryFactory(slug="acme")
    with pytest.raises(IntegrityError), transaction.atomic():
        SignatoryFactory(slug="acme", name="Other")


def test_a_type_outside_the_choices_is_refused_by_the_database():
    signatory = SignatoryFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Signatory.objects.filter(pk=signatory.pk).update(type="government")


def test_a_region_outside_the_choices_is_refused_by_the_database():
    signatory = SignatoryFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Signatory.objects.filter(pk=signatory.pk).update(region="antarctica")


def test_a_state_without_a_country_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        Signatory.objects.create(name="Nowhere", slug="nowhere", type="state", region="europe")


def test_the_region_follows_un_m49_cyprus_and_turkey_are_in_western_asia():
    cyprus = StateFactory(country="CY")
    turkey = SignatoryFactory(country="TR")
    assert (cyprus.region, cyprus.subregion) == ("asia", "Western Asia")
    assert (turkey.region, turkey.subregion) == ("asia", "Western Asia")


def test_staff_choose_the_region_only_without_a_country():
    interpol = SignatoryFactory(name="INTERPOL", country="", region="international")
    assert interpol.region == "international"
    with pytest.raises(ValidationError) as error:
        Signatory(name="Nobody", slug="nobody", type="civil-society").full_clean()
    assert "region" in error.value.message_dict


def test_full_clean_reports_the_second_state_clearly():
    StateFactory(country="JP")
    with pytest.raises(ValidationError, match="already a state for this country"):
        Signatory(name="Japan", slug="japan-2", type="state", country="JP").full_clean()


def test_websites_must_be_http_or_https():
    with pytest.raises(ValidationError) as error:
        Signatory(
            name="Acme", slug="acme", type="private-sector", country="FR", website="ftp://acme.fr"
        ).full_clean()
    assert "website" in error.value.message_dict


def test_supporter_since_is_stored_at_its_precision():
    signatory = SignatoryFactory(
        supporter_since=datetime.date(2019, 1, 25),
        supporter_since_precision="month",
        supporter_since_is_bound=True,
    )
    assert signatory.supporter_since == datetime.date(2019, 1, 1)
    assert signatory.since_iso == "2019-01"
    assert signatory.since_display == "by January 2019"


def test_search_ignores_case_and_accents_and_finds_states_by_country_name():
    state = StateFactory(country="KR", aliases="Corée du Sud")
    organisation = SignatoryFactory(name="Société Générale")
    assert list(Signatory.objects.search("KOREA")) == [state]
    assert list(Signatory.objects.search("coree")) == [state]
    assert list(Signatory.objects.search("societe generale")) == [organisation]


def test_principle_numbers_run_from_one_to_nine():
    PrincipleFactory(number=9)
    with pytest.raises(IntegrityError), transaction.atomic():
        PrincipleFactory(number=10)


def test_a_citation_supports_exactly_one_record():
    source = SourceFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Citation.objects.create(
            source=source,
            signatory=SignatoryFactory(),
            milestone=MilestoneFactory(source=source),
            passage="Both at once.",
        )


def test_a_derived_citation_must_explain_itself():
    with pytest.raises(IntegrityError), transaction.atomic():
        CitationFactory(basis="derived", reasoning="")
