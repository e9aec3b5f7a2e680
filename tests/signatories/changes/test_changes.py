"""The changes page at /changes/: joined, left, returned and corrected, filtered and paged."""

import datetime
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from signatories.changes import views as change_views
from signatories.importing import import_file
from signatories.models import Signatory
from tests.factories import EditorFactory, SignatoryFactory, StateFactory

pytestmark = pytest.mark.django_db

CHANGES = reverse("signatories:changes")
FIXTURES = Path(__file__).resolve().parents[3] / "fixtures"


def _entries(response) -> list[tuple[str, str]]:
    """(kind, supporter name) of each entry shown, in order."""
    return [(change.kind, change.signatory.name) for change in response.context["changes"]]


def _leave(signatory: Signatory, on: datetime.date) -> None:
    signatory.status, signatory.left_on = "former", on
    signatory.save()


def _come_back(signatory: Signatory) -> None:
    signatory.status, signatory.left_on = "current", None
    signatory.save()


@pytest.fixture
def timeline():
    """A state that joined on a day, an NGO by a month, a company that left."""
    usa = StateFactory(country="US", supporter_since=datetime.date(2021, 11, 11))
    ngo = SignatoryFactory(
        name="Cyber Peace Institute",
        supporter_since=datetime.date(2019, 11, 1),
        supporter_since_precision="month",
        supporter_since_is_bound=True,
    )
    company = SignatoryFactory(
        name="Acme", type="private-sector", supporter_since=datetime.date(2018, 11, 12)
    )
    _leave(company, datetime.date(2025, 12, 25))
    return {"usa": usa, "ngo": ngo, "company": company}


def test_the_page_lists_joinings_at_their_own_dates_and_departures_newest_first(client, timeline):
    response = client.get(CHANGES)
    assert response.status_code == 200
    assert _entries(response) == [
        ("left", "Acme"),
        ("joined", "United States of America"),
        ("joined", "Cyber Peace Institute"),
        ("joined", "Acme"),
    ]
    assert "Changes, newest first" in response.text


def test_an_entry_links_to_the_supporter_and_says_when_it_was_recorded(client, timeline):
    response = client.get(CHANGES)
    text = response.text
    assert f'href="{timeline["ngo"].get_absolute_url()}"' in text
    assert "by November 2019" in text
    assert '<time datetime="2019-11">' in text
    assert '<time datetime="2025-12-25">25 December 2025</time>' in text
    today = timeline["ngo"].created
    assert f"Recorded by the directory on {today.day} {today:%B} {today.year}." in text


def test_a_supporter_with_no_known_date_has_no_joining_entry(client):
    SignatoryFactory(name="Undated", supporter_since=None)
    assert _entries(client.get(CHANGES)) == []


def test_a_supporter_that_comes_back_gets_a_returned_entry(client, timeline):
    _come_back(timeline["company"])
    kinds = [kind for kind, name in _entries(client.get(CHANGES)) if name == "Acme"]
    assert kinds == ["returned", "left", "joined"]


def test_a_correction_shows_the_old_and_new_values_of_public_fields(client, timeline):
    ngo = timeline["ngo"]
    ngo.website, ngo.country = "https://cyberpeaceinstitute.org", "CH"
    ngo.supporter_since, ngo.supporter_since_precision = datetime.date(2019, 9, 26), "day"
    ngo.supporter_since_is_bound = False
    ngo.save()
    response = client.get(CHANGES, {"kind": "corrected"})
    assert _entries(response) == [("corrected", "Cyber Peace Institute")]
    fields = {
        str(field.label): (field.old, field.new) for field in response.context["changes"][0].fields
    }
    # The region stays Europe: it is no change.
    assert fields == {
        "website": ("", "https://cyberpeaceinstitute.org"),
        "country": ("France", "Switzerland"),
        "supporter since": ("by November 2019", "26 September 2019"),
    }
    assert "<del>France</del>" in response.text
    assert "<ins>Switzerland</ins>" in response.text
    assert "<del>(none)</del>" in response.text


def test_saving_without_changing_a_public_field_is_no_correction(client, timeline):
    ngo = timeline["ngo"]
    ngo.save()
    ngo.aliases = "CPI"  # searchable, but not shown as a field of its own
    ngo.save()
    assert _entries(client.get(CHANGES, {"kind": "corrected"})) == []


def test_importing_the_list_over_the_seeded_fixtures_is_not_news(client, tmp_path, monkeypatch):
    monkeypatch.setattr(change_views, "CHANGES_PER_PAGE", 100)
    call_command("loaddata", *sorted(str(path) for path in FIXTURES.glob("*.json")), verbosity=0)
    seeded = Signatory.objects.count()
    path = tmp_path / "official-supporters.csv"
    path.write_text(
        "name,category,nationality,nature,website,twitter,date_signed\n"
        "Microsoft,private-sector,USA,Entreprise,https://www.microsoft.com/,,\n"
        "Nouvelle ONG,civil-society,FRA,Association,,,2022-03-04\n",
        encoding="utf-8",
    )
    assert import_file(str(path)).written
    response = client.get(CHANGES)
    kinds = {kind for kind, _name in _entries(response)}
    assert kinds == {"joined"}
    assert len(response.context["changes"]) == seeded + 1
    joined = {change.signatory.name: change.date for change in response.context["changes"]}
    assert joined["Nouvelle ONG"] == datetime.date(2022, 3, 4)


def test_a_deleted_supporter_leaves_no_broken_link(client, timeline):
    company = timeline["company"]
    company.delete()
    assert "Acme" not in {name for _kind, name in _entries(client.get(CHANGES))}


def test_staff_names_never_appear(client, timeline):
    editor = EditorFactory(username="editor-jane", first_name="Jane", last_name="Doe")
    client.force_login(editor)
    ngo = timeline["ngo"]
    response = client.post(
        reverse("admin:signatories_signatory_change", args=[ngo.pk]),
        _admin_form(ngo, name="Cyber Peace Institute (CPI)"),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    client.logout()
    for address in (CHANGES, reverse("signatories:changes-feed")):
        text = client.get(address).text
        assert "Cyber Peace Institute (CPI)" in text
        assert "editor-jane" not in text
        assert "Jane" not in text


def _admin_form(signatory: Signatory, **changes) -> dict:
    form = {
        "name": signatory.name,
        "slug": signatory.slug,
        "type": signatory.type,
        "country": signatory.country.code,
        "region": signatory.region,
        "kind": signatory.kind,
        "supporter_since": signatory.supporter_since.isoformat(),
        "supporter_since_precision": signatory.supporter_since_precision,
        "supporter_since_is_bound": "on" if signatory.supporter_since_is_bound else "",
        "status": signatory.status,
        "citations-TOTAL_FORMS": "0",
        "citations-INITIAL_FORMS": "0",
        **changes,
    }
    return {name: value for name, value in form.items() if value != ""}


# --- Filters -------------------------------------------------------------------------------


def test_the_type_filter_keeps_the_types_asked_for(client, timeline):
    response = client.get(CHANGES, {"type": ["state", "private-sector"]})
    assert {name for _kind, name in _entries(response)} == {"United States of America", "Acme"}


def test_the_kind_filter_keeps_the_kinds_asked_for(client, timeline):
    assert _entries(client.get(CHANGES, {"kind": "left"})) == [("left", "Acme")]
    both = _entries(client.get(CHANGES, {"kind": ["left", "joined"]}))
    assert len(both) == 4


@pytest.mark.parametrize(
    ("since", "names"),
    [
        ("2021", ["Acme", "United States of America"]),
        ("2021-11-12", ["Acme"]),
        ("2019-11", ["Acme", "United States of America", "Cyber Peace Institute"]),
        ("2026", []),
    ],
)
def test_the_since_filter_keeps_changes_from_that_date_on(client, timeline, since, names):
    assert [name for _kind, name in _entries(client.get(CHANGES, {"since": since}))] == names


@pytest.mark.parametrize(
    ("parameters", "message"),
    [
        ({"type": "company"}, "“company” is not a valid type. Valid values: state,"),
        ({"kind": "added"}, "“added” is not a valid kind of change. Valid values: joined,"),
        ({"since": "11/11/2021"}, "Enter a date as YYYY-MM-DD, YYYY-MM or YYYY"),
        ({"since": "2021-02-30"}, "Enter a date as YYYY-MM-DD, YYYY-MM or YYYY"),
        ({"since": "20211111"}, "Enter a date as YYYY-MM-DD, YYYY-MM or YYYY"),
        ({"since": "<script>"}, "Enter a date as YYYY-MM-DD, YYYY-MM or YYYY"),
    ],
)
def test_a_bad_filter_gets_a_400_page_saying_what_is_valid(client, timeline, parameters, message):
    response = client.get(CHANGES, parameters)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "<script>" not in response.content.decode()
    assert "Start again with every change" in response.text


@pytest.mark.parametrize("page", ["2", "0", "-1", "abc", "٢", "99999999999999999999"])
def test_a_page_that_does_not_exist_is_a_404(client, timeline, page):
    assert client.get(CHANGES, {"page": page}).status_code == 404


def test_pages_keep_the_filters_and_never_overlap(client, monkeypatch):
    monkeypatch.setattr(change_views, "CHANGES_PER_PAGE", 3)
    for day in range(1, 8):
        SignatoryFactory(supporter_since=datetime.date(2020, 1, day), type="private-sector")
        # Another kind of change between them: the union is cut and sorted as one.
        _leave(SignatoryFactory(type="private-sector"), datetime.date(2020, 1, day))
    SignatoryFactory(supporter_since=datetime.date(2020, 1, 9), type="state", country="JP")
    seen = []
    for page in ("1", "2", "3", "4", "5"):
        response = client.get(CHANGES, {"type": "private-sector", "page": page})
        seen += [(change.date.day, change.kind) for change in response.context["changes"]]
    assert seen == [(day, kind) for day in range(7, 0, -1) for kind in ("left", "joined")]
    assert response.context["page_obj"].has_next is False
    assert client.get(CHANGES, {"type": "private-sector", "page": "6"}).status_code == 404
    first = client.get(CHANGES, {"type": "private-sector"}).text
    assert 'href="?type=private-sector&amp;page=2" rel="next"' in first
    assert "Newer changes" not in first


# --- Cost ------------------------------------------------------------------------------------


def test_a_page_costs_the_same_few_queries_however_many_changes(
    client, monkeypatch, django_assert_num_queries, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(change_views, "CHANGES_PER_PAGE", 40)

    def add_changes(count: int, offset: int) -> None:
        for number in range(count):
            supporter = SignatoryFactory(supporter_since=datetime.date(2020, 1, 1))
            supporter.website = f"https://example.org/{offset + number}"
            supporter.save()
            _leave(supporter, datetime.date(2025, 1, 1))

    add_changes(2, 0)
    with CaptureQueriesContext(connection) as first_look:
        client.get(CHANGES)
    # The page's rows (one query, whatever the kinds), the supporters, the records compared,
    # the first listings of those that joined; the others are the cache's.
    directory = [
        query
        for query in first_look
        if "signatories_" in query["sql"] and "signatories_revision" not in query["sql"]
    ]
    assert len(directory) == 4
    # Seen before: the revision, the supporters, the records compared, the first listings
    # (the rows are in the cache, in memory).
    with django_assert_num_queries(4):
        small = client.get(CHANGES)
    with django_capture_on_commit_callbacks(execute=True):
        add_changes(10, 100)  # a write, so the cached rows are stale
    client.get(CHANGES)
    with django_assert_num_queries(4):
        large = client.get(CHANGES)
    assert len(small.context["changes"]) == 6
    assert len(large.context["changes"]) == 36


def test_a_bad_filter_on_the_french_page_is_explained_in_french(client, timeline):
    # The message is translated when shown, not when the form class was defined.
    client.get(CHANGES, {"kind": "bogus"})  # an English page first, in the same process
    response = client.get(f"/fr{CHANGES}", {"kind": "bogus"})
    assert response.status_code == 400
    # French typography: narrow no-break spaces inside the quotation marks.
    expected = "«\u202fbogus\u202f» n’est pas une valeur admise pour le critère «\u202fnature"
    assert expected in response.text
    assert "is not a valid" not in response.text
