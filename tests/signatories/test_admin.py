"""Staff keep the directory right through Django admin."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from signatories.models import Signatory
from tests.factories import EditorFactory, SignatoryFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


def _signatory_form(*, cited: bool = True, **overrides) -> dict:
    """The change form's fields; a new supporter needs a citation, so one is given."""
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
        "website": "https://cyberpeaceinstitute.org",
        "twitter": "",
        "linkedin": "",
        "statement": "",
        "status": "current",
        "left_on": "",
        "left_source": "",
        "citations-TOTAL_FORMS": "0",
        "citations-INITIAL_FORMS": "0",
        "citations-MIN_NUM_FORMS": "0",
        "citations-MAX_NUM_FORMS": "1000",
    }
    if cited:
        data.update(
            {
                "citations-TOTAL_FORMS": "1",
                "citations-0-source": str(SourceFactory().pk),
                "citations-0-passage": "It joined the Call.",
                "citations-0-basis": "stated",
                "citations-0-reasoning": "",
            }
        )
    data.update(overrides)
    return data


def test_the_editors_group_may_add_change_and_view_but_not_delete():
    permissions = set(
        Group.objects.get(name="Editors").permissions.values_list("codename", flat=True)
    )
    assert {"add_signatory", "change_signatory", "view_signatory", "add_citation"} <= permissions
    assert not any(codename.startswith("delete_") for codename in permissions)
    assert not any(codename.endswith("_user") for codename in permissions)


def test_an_editor_adds_a_supporter_and_its_region_is_derived(client):
    client.force_login(EditorFactory())
    response = client.post(reverse("admin:signatories_signatory_add"), _signatory_form())
    assert response.status_code == 302
    signatory = Signatory.objects.get(slug="cyber-peace-institute")
    assert (signatory.region, signatory.subregion) == ("europe", "Western Europe")


def test_an_editor_cannot_delete_a_supporter(client):
    signatory = SignatoryFactory()
    client.force_login(EditorFactory())
    url = reverse("admin:signatories_signatory_delete", args=[signatory.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert Signatory.objects.filter(pk=signatory.pk).exists()


def test_an_editor_cannot_manage_users(client):
    client.force_login(EditorFactory())
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403


def test_a_second_state_for_a_country_is_a_clear_form_error_and_nothing_is_saved(client):
    SignatoryFactory(type="state", name="Japan", slug="japan", country="JP", kind="")
    client.force_login(EditorFactory())
    response = client.post(
        reverse("admin:signatories_signatory_add"),
        _signatory_form(name="Nippon", slug="nippon", type="state", country="JP"),
    )
    assert response.status_code == 200
    assert "There is already a state for this country." in response.text
    assert not Signatory.objects.filter(slug="nippon").exists()


def test_a_bad_citation_inline_saves_nothing_at_all(client):
    client.force_login(EditorFactory())
    source = SourceFactory()
    form = _signatory_form(
        **{
            "citations-TOTAL_FORMS": "1",
            "citations-0-source": str(source.pk),
            "citations-0-passage": "It is derived.",
            "citations-0-basis": "derived",
            "citations-0-reasoning": "",
        }
    )
    response = client.post(reverse("admin:signatories_signatory_add"), form)
    assert response.status_code == 200
    assert "Explain how a derived fact follows from the source." in response.text
    assert not Signatory.objects.exists()


def test_every_change_is_recorded_with_who_made_it(client):
    editor = EditorFactory()
    signatory = SignatoryFactory(name="Acme", slug="acme", type="private-sector")
    client.force_login(editor)
    response = client.post(
        reverse("admin:signatories_signatory_change", args=[signatory.pk]),
        _signatory_form(cited=False, name="Acme Corporation", slug="acme", type="private-sector"),
    )
    assert response.status_code == 302
    latest = signatory.history.latest()
    assert latest.name == "Acme Corporation"
    assert latest.history_user == editor
    history_page = client.get(reverse("admin:signatories_signatory_history", args=[signatory.pk]))
    assert "Acme Corporation" in history_page.text


def test_a_user_who_is_not_staff_cannot_log_in(client):
    UserFactory(username="reader", is_staff=False)
    response = client.post(
        reverse("admin:login"),
        {"username": "reader", "password": PASSWORD, "next": "/admin/"},
        REMOTE_ADDR="198.51.100.7",
    )
    assert response.status_code == 200
    assert "Please enter the correct username and password for a staff account" in response.text
    assert "_auth_user_id" not in client.session


def test_staff_log_in_with_the_right_password(client):
    EditorFactory(username="editor")
    response = client.post(
        reverse("admin:login"),
        {"username": "editor", "password": PASSWORD, "next": "/admin/"},
        REMOTE_ADDR="198.51.100.7",
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_repeated_bad_log_ins_are_locked_out(client, settings):
    EditorFactory(username="editor")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            reverse("admin:login"),
            {"username": "editor", "password": "wrong"},
            REMOTE_ADDR="198.51.100.7",
        )
    locked = client.post(
        reverse("admin:login"),
        {"username": "editor", "password": PASSWORD},
        REMOTE_ADDR="198.51.100.7",
    )
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_export_action_downloads_the_selected_supporters(client):
    SignatoryFactory(name="Acme", slug="acme", country="DE")
    client.force_login(EditorFactory())
    response = client.post(
        reverse("admin:signatories_signatory_changelist"),
        {
            "action": "export_csv",
            "_selected_action": Signatory.objects.values_list("pk", flat=True),
        },
    )
    assert response.status_code == 200
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0].startswith("name,slug,type,country,region")
    assert lines[1].startswith("Acme,acme,civil-society,DE,europe")


def test_the_export_action_gives_the_same_file_as_the_public_export(client):
    SignatoryFactory(name='=HYPERLINK("http://evil.example")', slug="formula", country="DE")
    client.force_login(EditorFactory())
    response = client.post(
        reverse("admin:signatories_signatory_changelist"),
        {
            "action": "export_csv",
            "_selected_action": Signatory.objects.values_list("pk", flat=True),
        },
    )
    public = client.get(reverse("signatories:csv"))
    assert response["Content-Type"] == public["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == public["Content-Disposition"]
    body = b"".join(response.streaming_content).decode()
    assert body == b"".join(public.streaming_content).decode()
    assert "\r\n\"'=HYPERLINK(" in body


def test_the_supporter_list_shows_and_filters_status(client):
    SignatoryFactory(name="Still Here", slug="still-here")
    SignatoryFactory(
        name="Gone Ltd", slug="gone-ltd", status="former", left_on=datetime.date(2025, 12, 25)
    )
    client.force_login(EditorFactory())
    changelist = reverse("admin:signatories_signatory_changelist")
    everyone = client.get(changelist)
    assert "Former supporter" in everyone.text
    assert "Still Here" in everyone.text
    former = client.get(changelist, {"status__exact": "former"})
    assert "Gone Ltd" in former.text
    assert "Still Here" not in former.text


def test_marking_a_supporter_former_is_kept_in_its_history(client):
    signatory = SignatoryFactory(name="Acme", slug="acme", type="private-sector")
    source = SourceFactory(kind="official-list", title="Official list, 2025-12-25")
    client.force_login(EditorFactory())
    response = client.post(
        reverse("admin:signatories_signatory_change", args=[signatory.pk]),
        _signatory_form(
            cited=False,
            name="Acme",
            slug="acme",
            type="private-sector",
            status="former",
            left_on="2025-12-25",
            left_source=str(source.pk),
        ),
    )
    assert response.status_code == 302
    history = signatory.history.order_by("history_date")
    assert [record.status for record in history] == ["current", "former"]
    assert history.last().left_on == datetime.date(2025, 12, 25)


def test_a_former_supporter_without_the_date_it_left_is_a_clear_form_error(client):
    client.force_login(EditorFactory())
    response = client.post(
        reverse("admin:signatories_signatory_add"), _signatory_form(status="former")
    )
    assert response.status_code == 200
    assert "A former supporter needs the date it left" in response.text
    assert not Signatory.objects.exists()


@pytest.mark.parametrize(
    ("typed", "stored"), [("@ParisCall", "ParisCall"), ("cyber_peace_1", "cyber_peace_1")]
)
def test_a_twitter_handle_is_accepted_with_or_without_the_at_sign(client, typed, stored):
    client.force_login(EditorFactory())
    response = client.post(
        reverse("admin:signatories_signatory_add"), _signatory_form(twitter=typed)
    )
    assert response.status_code == 302
    assert Signatory.objects.get().twitter == stored


@pytest.mark.parametrize(
    "typed", ["https://twitter.com/x y", "not a handle", "a_handle_far_too_long", "@bad!", "1234"]
)
def test_a_twitter_value_that_is_not_a_handle_is_refused_and_nothing_is_saved(client, typed):
    client.force_login(EditorFactory())
    response = client.post(
        reverse("admin:signatories_signatory_add"), _signatory_form(twitter=typed)
    )
    assert response.status_code == 200
    assert "Enter a Twitter handle" in response.text
    assert not Signatory.objects.exists()


@pytest.mark.parametrize("field", ["website", "linkedin"])
def test_an_address_with_a_hidden_right_to_left_override_is_refused(client, field):
    client.force_login(EditorFactory())
    address = "https://example.com/\u202egnp.exe"
    response = client.post(
        reverse("admin:signatories_signatory_add"), _signatory_form(**{field: address})
    )
    assert response.status_code == 200
    assert "invisible text-direction character (U+202E)" in response.text
    assert not Signatory.objects.exists()
