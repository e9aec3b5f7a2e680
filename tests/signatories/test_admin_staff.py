"""The admin as the staff's everyday tool: French, history from the first day, duplicates,
search, filters, dead ends and forms, as an editor meets them."""

import datetime
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django_countries import countries
from simple_history.utils import get_history_model_for_model

from principles.models import Principle
from signatories.models import Citation, Milestone, MilestoneCount, Signatory, Source
from tests.factories import (
    CitationFactory,
    EditorFactory,
    SignatoryFactory,
    SourceFactory,
    StateFactory,
    UserFactory,
)
from tests.signatories.admin_text import english_left

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:signatories_signatory_changelist"
FIXTURES = sorted(str(path) for path in Path("fixtures").glob("*.json"))  # as `make run`


def _form(**overrides) -> dict:
    data = {
        "name": "Cyber Peace Institute",
        "slug": "cyber-peace-institute",
        "type": "civil-society",
        "country": "CH",
        "region": "",
        "kind": "foundation",
        "aliases": "",
        "supporter_since": "",
        "supporter_since_precision": "day",
        "website": "",
        "twitter": "",
        "linkedin": "",
        "statement": "",
        "status": "current",
        "left_on": "",
        "left_source": "",
        "review_flag": "",
        "review_note": "",
        "citations-TOTAL_FORMS": "0",
        "citations-INITIAL_FORMS": "0",
        "citations-MIN_NUM_FORMS": "0",
        "citations-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def _cited(source: Source) -> dict:
    return {
        "citations-TOTAL_FORMS": "1",
        "citations-0-source": str(source.pk),
        "citations-0-passage": "It joined the Call.",
        "citations-0-basis": "stated",
        "citations-0-reasoning": "",
    }


def _names(response) -> list[str]:
    return re.findall(r'<th class="field-name"><a href="[^"]+">([^<]+)</a>', response.text)


@pytest.fixture
def editor(client):
    user = EditorFactory()
    client.force_login(user)
    return user


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
        _form(name="Acme Corporation", slug="acme", type="private-sector", country="DE"),
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
        _form(
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


# 3. Duplicates


def test_a_name_differing_only_in_case_accents_or_punctuation_is_refused_with_a_link(
    client, editor
):
    abb = SignatoryFactory(name="ABB", slug="abb", type="private-sector", country="SE")
    for name in ["abb", "A.B.B.", "Ább"]:
        response = client.post(
            reverse("admin:signatories_signatory_add"),
            _form(name=name, slug="abb-2", type="private-sector", country="SE")
            | _cited(SourceFactory()),
        )
        assert response.status_code == 200, name
        link = reverse("admin:signatories_signatory_change", args=[abb.pk])
        assert f'<a href="{link}">ABB</a>' in response.text, name
    assert Signatory.objects.count() == 1
    other_country = client.post(
        reverse("admin:signatories_signatory_add"),
        _form(name="abb", slug="abb-no", type="private-sector", country="NO")
        | _cited(SourceFactory()),
    )
    assert other_country.status_code == 302


def test_the_database_itself_refuses_the_duplicate():
    SignatoryFactory(name="ABB", slug="abb", type="private-sector", country="SE")
    with pytest.raises(IntegrityError), transaction.atomic():
        SignatoryFactory(name="a-b-b", slug="abb-2", type="private-sector", country="SE")


def test_the_migration_keeps_clashing_records_and_flags_the_later_ones():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("signatories.migrations.0015_review_flags_name_key_import_reports")
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
        _form(
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
    assert _names(flagged) == ["ABB Ltd"]


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
    assert sorted(_names(response)) == sorted(found)


# 5. Filters and the citation a new supporter needs


def test_the_country_filter_lists_only_countries_in_use_and_no_country(client, editor):
    SignatoryFactory(country="BR", kind="NGO")
    SignatoryFactory(country="", region="international", kind="")
    response = client.get(reverse(CHANGELIST))
    assert "?country=BR" in response.text
    assert "?country=AQ" not in response.text  # Antarctica: no supporter there
    assert "?country=none" in response.text
    assert _names(client.get(reverse(CHANGELIST), {"country": "none"})) == [
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
    assert sorted(_names(ngos)) == ["Brazilian NGO", "Gone"]
    former = client.get(reverse(CHANGELIST), {"status__exact": "former"})
    assert _names(former) == ["Gone"]


def test_records_with_no_citation_or_no_date_are_a_filter_away(client, editor):
    cited = SignatoryFactory(name="Cited", supporter_since=datetime.date(2019, 1, 1))
    CitationFactory(signatory=cited)
    SignatoryFactory(name="Uncited", supporter_since=None)
    assert _names(client.get(reverse(CHANGELIST), {"missing": "citation"})) == ["Uncited"]
    assert _names(client.get(reverse(CHANGELIST), {"missing": "date"})) == ["Uncited"]


def test_a_new_supporter_needs_a_citation(client, editor):
    response = client.post(reverse("admin:signatories_signatory_add"), _form())
    assert response.status_code == 200
    assert "Add at least one citation" in response.text
    assert not Signatory.objects.exists()
    cited = client.post(
        reverse("admin:signatories_signatory_add"), _form() | _cited(SourceFactory())
    )
    assert cited.status_code == 302
    assert Signatory.objects.get().citations.count() == 1


def test_an_existing_supporter_without_citation_can_still_be_corrected(client, editor):
    old = SignatoryFactory(name="Old", slug="old", country="CH", type="civil-society")
    response = client.post(
        reverse("admin:signatories_signatory_change", args=[old.pk]),
        _form(name="Old Name Fixed", slug="old"),
    )
    assert response.status_code == 302


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
        _form(name="Acme AG", slug="acme", type="private-sector", country="DE"),
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
        _form(name="Swiss Org", slug="swiss-org", region="africa"),
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
