"""The admin as the staff's everyday tool: French, history from the first day, dead ends and
forms, as an editor meets them (duplicates, search, filters and citations: test_admin_records)."""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import reverse
from django_countries import countries
from simple_history.utils import get_history_model_for_model

from principles.models import Principle
from signatories.models import Citation, Milestone, MilestoneCount, Signatory, Source
from tests.factories import (
    CitationFactory,
    SignatoryFactory,
    SourceFactory,
    UserFactory,
)
from tests.signatories.admin_staff import signatory_form
from tests.signatories.admin_text import english_left

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:signatories_signatory_changelist"
FIXTURES = sorted(str(path) for path in Path("fixtures").glob("*.json"))  # as `make run`


# 1. French


def test_the_staff_site_is_titled_as_the_directory_in_both_languages(client, editor):
    english = client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="en")
    french = client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="fr")
    assert "Paris Call directory: staff site" in english.text
    assert "Annuaire de l’Appel de Paris\u00a0: site du personnel" in french.text
    assert "Django" not in french.text.split("<body", 1)[1].split("</header>", 1)[0]


def test_the_french_change_form_and_history_have_no_english_left(client, editor):
    source = SourceFactory(title="Press release", publisher="Acme News")
    acme = SignatoryFactory(
        name="Acme", slug="acme", type="private-sector", country="DE", kind="company"
    )
    CitationFactory(source=source, signatory=acme, passage="Acme joined the Call.")
    client.post(
        reverse("admin:signatories_signatory_change", args=[acme.pk]),
        signatory_form(name="Acme Corporation", slug="acme", type="private-sector", country="DE"),
    )
    data = ["Acme Corporation", "Acme", "Press release", "Acme News", "Acme joined the Call."]
    data += [str(name) for _code, name in countries]  # the country list: names, not interface
    for url in [
        reverse("admin:signatories_signatory_change", args=[acme.pk]),
        reverse("admin:signatories_signatory_history", args=[acme.pk]),
        reverse(
            "admin:signatories_signatory_simple_history",
            args=[acme.pk, acme.history.earliest().history_id],
        ),
        reverse(CHANGELIST),
    ]:
        english = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
        french = client.get(url, HTTP_ACCEPT_LANGUAGE="fr")
        assert english.status_code == french.status_code == 200, url
        assert english_left(english.text, french.text, data) == [], url
    history = client.get(
        reverse("admin:signatories_signatory_history", args=[acme.pk]), HTTP_ACCEPT_LANGUAGE="fr"
    ).text
    assert "Modifications" in history
    assert "None" not in history.split('id="change-history"', 1)[1]
    restore = client.get(
        reverse(
            "admin:signatories_signatory_simple_history",
            args=[acme.pk, acme.history.earliest().history_id],
        ),
        HTTP_ACCEPT_LANGUAGE="fr",
    ).text
    breadcrumbs = restore.split('class="breadcrumbs"', 1)[1].split("</div>", 1)[0]
    assert "Historical" not in breadcrumbs
    assert "Soutiens" in breadcrumbs


def test_the_organisation_kind_filter_shows_labels_in_french(client, editor):
    SignatoryFactory(kind="company", type="private-sector")
    french = client.get(reverse(CHANGELIST), HTTP_ACCEPT_LANGUAGE="fr").text
    assert ">entreprise</a>" in french
    assert ">company</a>" not in french


# 2. History from the first day


def test_every_seeded_record_gets_one_baseline_history_entry_however_often_it_runs():
    models = [Signatory, Citation, Source, Milestone, MilestoneCount, Principle]
    for _run in range(2):  # `make run` twice
        call_command("loaddata", *FIXTURES, verbosity=0)
        call_command("baseline_history", verbosity=0)
    for model in models:
        history = get_history_model_for_model(model)
        assert model.objects.exists(), model
        assert history.objects.count() == model.objects.count(), model
        assert set(history.objects.values_list("id", flat=True)) == set(
            model.objects.values_list("pk", flat=True)
        ), model
    assert set(Signatory.history.values_list("history_type", flat=True)) == {"+"}


def test_a_seeded_supporters_first_edit_shows_its_changes(client, editor):
    call_command("loaddata", *FIXTURES, verbosity=0)
    call_command("baseline_history", verbosity=0)
    microsoft = Signatory.objects.get(slug="microsoft")
    client.post(
        reverse("admin:signatories_signatory_change", args=[microsoft.pk]),
        signatory_form(
            name="Microsoft Corporation",
            slug="microsoft",
            type=microsoft.type,
            country=microsoft.country.code,
            kind=microsoft.kind,
            website=microsoft.website,
            **{"citations-INITIAL_FORMS": "0"},
        ),
    )
    history = client.get(reverse("admin:signatories_signatory_history", args=[microsoft.pk]))
    assert "Microsoft Corporation" in history.text
    assert re.search(r"<strong>Name</strong> :\s*Microsoft&nbsp;→", history.text)


# 7. Dead ends


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_forbidden_page_is_in_the_admins_layout_with_what_editors_can_do(
    client, editor, language
):
    signatory = SignatoryFactory()
    for url in [
        reverse("admin:signatories_signatory_delete", args=[signatory.pk]),
        reverse("admin:auth_user_changelist"),
        reverse("admin:auth_user_change", args=[editor.pk]),
    ]:
        response = client.get(
            url, HTTP_ACCEPT_LANGUAGE=language, HTTP_REFERER="http://testserver/admin/"
        )
        assert response.status_code == 403, url
        assert 'id="site-name"' in response.text
        assert 'href="http://testserver/admin/"' in response.text  # the way back
        if language == "en":
            assert "What the Editors role can do" in response.text
        else:
            assert "Ce que permet le rôle Éditeurs" in response.text


def test_a_forbidden_page_never_links_back_to_another_site(client, editor):
    response = client.get(
        reverse("admin:auth_user_changelist"), HTTP_REFERER="https://evil.example/phish"
    )
    assert response.status_code == 403
    assert "evil.example" not in response.text


def test_changed_by_links_to_the_user_only_for_those_who_may_open_users(client, editor):
    acme = SignatoryFactory(name="Acme", slug="acme", type="private-sector", country="DE")
    client.post(
        reverse("admin:signatories_signatory_change", args=[acme.pk]),
        signatory_form(name="Acme AG", slug="acme", type="private-sector", country="DE"),
    )
    user_url = reverse("admin:auth_user_change", args=[editor.pk])
    history_url = reverse("admin:signatories_signatory_history", args=[acme.pk])
    assert user_url not in client.get(history_url).text
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    assert user_url in client.get(history_url).text


# 8. Forms


def test_region_is_read_only_with_the_reason_when_a_country_is_set(client, editor):
    swiss = SignatoryFactory(name="Swiss Org", slug="swiss-org", country="CH")
    page = client.get(reverse("admin:signatories_signatory_change", args=[swiss.pk])).text
    assert re.search(r'<select name="region"[^>]*disabled', page)
    assert "Derived from the country (Switzerland)" in page
    client.post(
        reverse("admin:signatories_signatory_change", args=[swiss.pk]),
        signatory_form(name="Swiss Org", slug="swiss-org", region="africa"),
    )
    swiss.refresh_from_db()
    assert swiss.region == "europe"


def test_the_citations_come_before_the_records_technical_fields_with_short_headings(client, editor):
    acme = SignatoryFactory(name="Acme", slug="acme")
    source = SourceFactory(title="Official list of 25 December 2025")
    CitationFactory(signatory=acme, source=source, passage="name: Acme\ncategory: civil-society")
    page = client.get(reverse("admin:signatories_signatory_change", args=[acme.pk])).text
    assert page.index('id="citations-group"') < page.index(
        'name="created"' if 'name="created"' in page else "field-created"
    )
    assert "Official list of 25 December 2025 · Stated by the source" in page
    assert "name: Acme" not in page.split('id="citations-group"', 1)[1].split("<textarea", 1)[0]


def test_the_citations_list_shows_principle_and_basis(client, editor):
    CitationFactory()
    page = client.get(reverse("admin:signatories_citation_changelist")).text
    assert "column-principle" in page
    assert "column-basis" in page


def test_the_source_form_opens_on_the_title_and_helps_with_kind_and_url(client, editor):
    page = client.get(reverse("admin:signatories_source_add") + "?_popup=1").text
    assert page.index('name="title"') < page.index('name="slug"')
    assert "prepopulated_field" in page or "data-prepopulated-fields" in page
    assert "An article (press, official statement)" in page
    assert "Where the source can be read" in page


def test_the_upload_form_puts_the_checkbox_with_its_label_and_help_after(client, editor):
    page = client.get("/admin/signatories/signatory/import/").text
    box = page.index('name="full_list"')
    label = page.index('for="id_full_list"')
    helptext = page.index('id="id_full_list_helptext"')
    assert box < label < helptext


def test_editors_may_view_kept_import_reports():
    assert Permission.objects.filter(group__name="Editors", codename="view_importreport").exists()


def test_the_history_gives_the_directorys_own_reasons_in_the_readers_language(client, editor):
    call_command("loaddata", *FIXTURES, verbosity=0)
    call_command("baseline_history", verbosity=0)
    microsoft = Signatory.objects.get(slug="microsoft")
    url = reverse("admin:signatories_signatory_history", args=[microsoft.pk])
    assert "Baseline: the record as it was loaded" in client.get(url).text
    french = client.get(url, HTTP_ACCEPT_LANGUAGE="fr").text
    assert "Version de départ\u00a0: la fiche telle qu’elle a été chargée" in french


def test_the_organisation_kind_is_chosen_by_its_label_and_an_unknown_one_is_kept(client, editor):
    known = SignatoryFactory(name="Known", slug="known", kind="company", type="private-sector")
    odd = SignatoryFactory(name="Odd", slug="odd", kind="guild")
    page = client.get(
        reverse("admin:signatories_signatory_change", args=[known.pk]), HTTP_ACCEPT_LANGUAGE="fr"
    ).text
    assert '<option value="company" selected>entreprise</option>' in page
    page = client.get(reverse("admin:signatories_signatory_change", args=[odd.pk])).text
    assert '<option value="guild" selected>guild</option>' in page
