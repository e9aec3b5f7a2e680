"""The admin as the staff's everyday tool, for the records themselves: duplicates, search,
filters and citations, as an editor meets them."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse

from signatories.models import Signatory
from tests.factories import CitationFactory, SignatoryFactory, SourceFactory, StateFactory
from tests.signatories.admin_staff import citation_of, listed_names, signatory_form

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:signatories_signatory_changelist"

# 3. Duplicates


def test_a_name_differing_only_in_case_accents_or_punctuation_is_refused_with_a_link(
    client, editor
):
    abb = SignatoryFactory(name="ABB", slug="abb", type="private-sector", country="SE")
    for name in ["abb", "A.B.B.", "Ább"]:
        response = client.post(
            reverse("admin:signatories_signatory_add"),
            signatory_form(name=name, slug="abb-2", type="private-sector", country="SE")
            | citation_of(SourceFactory()),
        )
        assert response.status_code == 200, name
        link = reverse("admin:signatories_signatory_change", args=[abb.pk])
        assert f'<a href="{link}">ABB</a>' in response.text, name
    assert Signatory.objects.count() == 1
    other_country = client.post(
        reverse("admin:signatories_signatory_add"),
        signatory_form(name="abb", slug="abb-no", type="private-sector", country="NO")
        | citation_of(SourceFactory()),
    )
    assert other_country.status_code == 302


def test_the_database_itself_refuses_the_duplicate():
    SignatoryFactory(name="ABB", slug="abb", type="private-sector", country="SE")
    with pytest.raises(IntegrityError), transaction.atomic():
        SignatoryFactory(name="a-b-b", slug="abb-2", type="private-sector", country="SE")


def test_the_migration_keeps_clashing_records_and_flags_the_later_ones():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("signatories.migrations.0011_review_flags_name_key_import_reports")
    first = SignatoryFactory(name="ABB", slug="abb", type="private-sector", country="SE")
    later = SignatoryFactory(name="abb", slug="abb-2", type="private-sector", country="NO")
    # As recorded before names were compared without case: same country, no key yet.
    Signatory.objects.update(name_key=F("slug"))
    Signatory.objects.filter(pk=later.pk).update(country="SE")
    migration.fill_name_keys(apps, None)
    first.refresh_from_db()
    later.refresh_from_db()
    assert (first.name_key, first.review_flag) == ("abb", "")
    assert later.review_flag == "duplicate"
    assert "“ABB”" in later.review_note
    assert later.name_key != first.name_key


def test_an_editor_flags_a_duplicate_and_the_list_finds_it(client, editor):
    SignatoryFactory(name="ABB", slug="abb", type="private-sector", country="SE")
    copy = SignatoryFactory(name="ABB Ltd", slug="abb-ltd", type="private-sector", country="SE")
    response = client.post(
        reverse("admin:signatories_signatory_change", args=[copy.pk]),
        signatory_form(
            name="ABB Ltd",
            slug="abb-ltd",
            type="private-sector",
            country="SE",
            review_flag="duplicate",
            review_note="Same company as ABB.",
        ),
    )
    assert response.status_code == 302
    flagged = client.get(reverse(CHANGELIST), {"review_flag__exact": "duplicate"})
    assert listed_names(flagged) == ["ABB Ltd"]


# 4. Search


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("INFORMÁTICA", ["Asociación de Informática"]),
        ("informatica", ["Asociación de Informática"]),
        ("Bosnie-Herzegovine", ["Bosnia and Herzegovina", "Sarajevo Institute"]),
        ("ABB Sweden", ["ABB"]),
        ("abb se", ["ABB"]),
        ("Cyber Frieden", ["Cyber Peace"]),
    ],
)
def test_admin_search_finds_what_the_public_search_finds_and_countries(
    client, editor, query, found
):
    SignatoryFactory(name="Asociación de Informática", country="ES")
    StateFactory(country="BA")
    SignatoryFactory(name="Sarajevo Institute", country="BA")
    SignatoryFactory(name="ABB", type="private-sector", country="SE")
    SignatoryFactory(name="ABB Norway", slug="abb-norway", type="private-sector", country="NO")
    SignatoryFactory(name="Cyber Peace", aliases="Cyber Frieden", country="CH")
    response = client.get(reverse(CHANGELIST), {"q": query})
    assert sorted(listed_names(response)) == sorted(found)


# 5. Filters and the citation a new supporter needs


def test_the_country_filter_lists_only_countries_in_use_and_no_country(client, editor):
    SignatoryFactory(country="BR", kind="NGO")
    SignatoryFactory(country="", region="international", kind="")
    response = client.get(reverse(CHANGELIST))
    assert "?country=BR" in response.text
    assert "?country=AQ" not in response.text  # Antarctica: no supporter there
    assert "?country=none" in response.text
    assert listed_names(client.get(reverse(CHANGELIST), {"country": "none"})) == [
        Signatory.objects.get(country="").name
    ]


def test_brazils_ngos_and_former_supporters_are_a_filter_away(client, editor):
    SignatoryFactory(name="Brazilian NGO", country="BR", kind="NGO")
    SignatoryFactory(name="Brazilian Company", country="BR", kind="company")
    SignatoryFactory(
        name="Gone", country="BR", kind="NGO", status="former", left_on=datetime.date(2025, 1, 1)
    )
    response = client.get(reverse(CHANGELIST))
    assert "?kind=NGO" in response.text
    assert "?kind=university" not in response.text  # no university in use
    ngos = client.get(reverse(CHANGELIST), {"country": "BR", "kind": "NGO"})
    assert sorted(listed_names(ngos)) == ["Brazilian NGO", "Gone"]
    former = client.get(reverse(CHANGELIST), {"status__exact": "former"})
    assert listed_names(former) == ["Gone"]


def test_records_with_no_citation_or_no_date_are_a_filter_away(client, editor):
    cited = SignatoryFactory(name="Cited", supporter_since=datetime.date(2019, 1, 1))
    CitationFactory(signatory=cited)
    SignatoryFactory(name="Uncited", supporter_since=None)
    assert listed_names(client.get(reverse(CHANGELIST), {"missing": "citation"})) == ["Uncited"]
    assert listed_names(client.get(reverse(CHANGELIST), {"missing": "date"})) == ["Uncited"]


def test_a_new_supporter_needs_a_citation(client, editor):
    response = client.post(reverse("admin:signatories_signatory_add"), signatory_form())
    assert response.status_code == 200
    assert "Add at least one citation" in response.text
    assert not Signatory.objects.exists()
    cited = client.post(
        reverse("admin:signatories_signatory_add"), signatory_form() | citation_of(SourceFactory())
    )
    assert cited.status_code == 302
    assert Signatory.objects.get().citations.count() == 1


def test_an_existing_supporter_without_citation_can_still_be_corrected(client, editor):
    old = SignatoryFactory(name="Old", slug="old", country="CH", type="civil-society")
    response = client.post(
        reverse("admin:signatories_signatory_change", args=[old.pk]),
        signatory_form(name="Old Name Fixed", slug="old"),
    )
    assert response.status_code == 302
