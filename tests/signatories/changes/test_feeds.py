"""The Atom feed at /changes.atom: RFC 4287's required elements, stable ids, new entries."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from signatories.importing import import_file
from tests.factories import SignatoryFactory, StateFactory

pytestmark = pytest.mark.django_db

FEED = reverse("signatories:changes-feed")
ATOM = "{http://www.w3.org/2005/Atom}"


def _feed(client, parameters=None) -> ET.Element:
    response = client.get(FEED, parameters or {})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def _entries(feed: ET.Element) -> list[ET.Element]:
    return feed.findall(f"{ATOM}entry")


def _titles(feed: ET.Element) -> list[str]:
    return [entry.findtext(f"{ATOM}title") for entry in _entries(feed)]


@pytest.fixture
def supporters():
    state = StateFactory(country="US", supporter_since=datetime.date(2021, 11, 11))
    ngo = SignatoryFactory(name="Cyber Peace Institute", supporter_since=datetime.date(2019, 9, 26))
    return {"state": state, "ngo": ngo}


def test_the_feed_has_every_element_atom_requires(client, supporters):
    feed = _feed(client)
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}id") == "http://testserver/changes/"
    assert feed.findtext(f"{ATOM}title")
    assert datetime.datetime.fromisoformat(feed.findtext(f"{ATOM}updated"))
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links == {
        "alternate": "http://testserver/changes/",
        "self": "http://testserver/changes.atom",
    }
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Paris Call directory"
    entries = _entries(feed)
    assert len(entries) == 2
    for entry in entries:
        assert entry.findtext(f"{ATOM}id").startswith("http://testserver/changes/#joined-")
        assert entry.findtext(f"{ATOM}title")
        assert datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
        assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/signatories/")


def test_an_entry_says_what_happened_to_whom_and_when(client, supporters):
    entries = _entries(_feed(client))
    entry = next(entry for entry in entries if "Cyber" in entry.findtext(f"{ATOM}title"))
    assert entry.findtext(f"{ATOM}title") == (
        "Cyber Peace Institute joined the Paris Call (26 September 2019)"
    )
    assert entry.find(f"{ATOM}link").get("href") == (
        f"http://testserver{supporters['ngo'].get_absolute_url()}"
    )
    assert "Recorded by the directory on" in entry.findtext(f"{ATOM}summary")


def test_an_import_that_adds_a_supporter_adds_an_entry_first(client, supporters, tmp_path):
    path = tmp_path / "official-supporters.csv"
    path.write_text(
        "name,category,nationality,nature,website,twitter,date_signed\n"
        "Nouvelle ONG,civil-society,FRA,Association,,,2018-11-12\n",
        encoding="utf-8",
    )
    assert import_file(str(path)).written
    # Latest recorded first, though it joined before every other supporter.
    assert _titles(_feed(client))[0] == "Nouvelle ONG joined the Paris Call (12 November 2018)"


def test_a_supporter_marked_former_gets_an_entry(client, supporters):
    ngo = supporters["ngo"]
    ngo.status, ngo.left_on = "former", datetime.date(2025, 12, 25)
    ngo.save()
    feed = _feed(client)
    assert _titles(feed)[0] == "Cyber Peace Institute left the Paris Call (25 December 2025)"
    left = _entries(feed)[0]
    assert left.findtext(f"{ATOM}id").startswith("http://testserver/changes/#left-")
    assert left.find(f"{ATOM}category").get("term") == "Left"


def test_entry_ids_stay_the_same_from_one_reading_to_the_next_and_across_filters(
    client, supporters, django_capture_on_commit_callbacks
):
    before = {entry.findtext(f"{ATOM}id") for entry in _entries(_feed(client))}
    with django_capture_on_commit_callbacks(execute=True):
        SignatoryFactory(supporter_since=datetime.date(2022, 1, 1))
    after = {entry.findtext(f"{ATOM}id") for entry in _entries(_feed(client))}
    assert before < after
    states = _feed(client, {"type": "state"})
    assert {entry.findtext(f"{ATOM}id") for entry in _entries(states)} < before
    assert states.findtext(f"{ATOM}id") == "http://testserver/changes/?type=state"


def test_the_feed_takes_the_pages_filters(client, supporters):
    assert _titles(_feed(client, {"type": "state"})) == [
        "United States of America joined the Paris Call (11 November 2021)"
    ]
    assert _titles(_feed(client, {"kind": "left"})) == []
    assert len(_titles(_feed(client, {"since": "2020"}))) == 1


def test_a_bad_filter_gets_a_400_saying_what_is_valid(client, supporters):
    response = client.get(FEED, {"kind": "added", "since": "soon"})
    assert response.status_code == 400
    text = response.content.decode()
    assert "“added” is not a valid kind of change. Valid values: joined" in text
    assert "Enter a date as YYYY-MM-DD, YYYY-MM or YYYY" in text


def test_the_feed_is_linked_from_the_home_page_the_list_and_the_changes_page(client, supporters):
    link = f'<link rel="alternate" type="application/atom+xml" href="{FEED}"'
    for page in ("home", "signatories:list", "signatories:changes"):
        assert link in " ".join(client.get(reverse(page)).text.split()), page
    assert f'<a href="{FEED}">' in client.get(reverse("signatories:changes")).text
