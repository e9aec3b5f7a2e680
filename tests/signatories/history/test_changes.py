"""The official list's history on /changes/, its Atom feed and a supporter's page."""

import datetime

import feedparser
import pytest
from django.urls import reverse

from signatories.history.load import load_history_file
from tests.signatories.history.helpers import C3, C4, C6, ROWS, history
from tests.signatories.importing.helpers import write

pytestmark = pytest.mark.django_db
CHANGES = reverse("signatories:changes")
FEED = reverse("signatories:changes-feed")


def _changes(client, parameters=None, prefix=""):
    response = client.get(prefix + CHANGES, parameters or {})
    assert response.status_code == 200
    return response.context["changes"], " ".join(response.text.split())


def _summary(changes) -> list[tuple]:
    return [(change.date, change.kind, change.signatory.name) for change in changes]


def test_each_event_shows_at_its_own_date_newest_first(client, loaded):
    changes, _text = _changes(client)
    events = [change for change in changes if change.kind != "joined"]
    assert _summary(events) == [
        (datetime.date(2020, 11, 20), "left", "Beta Ltd"),
        (datetime.date(2020, 11, 20), "renamed", "Beta Holdings"),
        (datetime.date(2020, 7, 1), "returned", "Gamma"),
        (datetime.date(2020, 5, 1), "left", "Gamma"),
        (datetime.date(2020, 3, 1), "left", "Old Org"),
        (datetime.date(2019, 11, 10), "corrected", "Acme Corp"),
    ]
    dates = [change.date for change in changes]
    assert dates == sorted(dates, reverse=True)
    # A supporter whose "by" date is its first appearance cites the commit that shows it,
    # not the day the directory recorded it.
    joined = [change for change in changes if change.kind == "joined"]
    listed = [change for change in joined if change.event]
    assert listed
    assert all(change.event.kind == "listed" for change in listed)
    assert all(change.event.date == change.date for change in listed)


def test_a_departure_shows_once_with_its_commit(client, loaded):
    changes, text = _changes(client, {"kind": "left"})
    assert [change.signatory.name for change in changes] == ["Beta Ltd", "Gamma", "Old Org"]
    assert f'href="https://github.com/ambanum/pariscall.international/commit/{C3}"' in text
    assert f"commit {C4[:7]}" in text
    assert "is no longer on the official list of supporters" in text


def test_what_the_load_wrote_never_shows_as_a_correction(client, loaded):
    changes, _text = _changes(client, {"kind": "corrected"})
    assert _summary(changes) == [(datetime.date(2019, 11, 10), "corrected", "Acme Corp")]


def test_a_correction_shows_old_and_new_and_a_rename_the_name_before(client, loaded):
    _changes_, text = _changes(client, {"kind": ["corrected", "renamed"]})
    assert "The official list corrected its entry for" in text
    assert "<del>United States of America</del>" in text
    assert "<ins>United Kingdom</ins>" in text
    assert "<del>Beta Ltd</del>" in text
    assert "The official list's entry of another organisation now names" in text


def test_joinings_are_at_the_first_appearance(client, loaded):
    changes, _text = _changes(client, {"kind": "joined", "type": "private-sector"})
    assert (changes[-1].signatory.name, changes[-1].date) == ("ABB", datetime.date(2019, 9, 16))


def test_the_filters_take_the_events_too(client, loaded):
    changes, _text = _changes(client, {"since": "2020-06", "type": "private-sector"})
    # The organisation the renamed entry names joins with the rename.
    assert _summary(changes) == [
        (datetime.date(2020, 11, 20), "left", "Beta Ltd"),
        (datetime.date(2020, 11, 20), "renamed", "Beta Holdings"),
        (datetime.date(2020, 11, 20), "joined", "Beta Holdings"),
    ]


def test_the_french_page_tells_each_event_in_french(client, loaded):
    _changes_, text = _changes(client, {"kind": ["left", "renamed", "corrected"]}, "/fr")
    assert "ne figure plus sur la liste officielle des soutiens" in text
    assert "20 novembre 2020" in text
    assert "La liste officielle a corrigé son entrée pour" in text
    assert "du dépôt de la liste officielle" in text


def test_the_feed_is_valid_atom_dated_by_event_in_the_pages_order(client, loaded):
    response = client.get(FEED)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    titles = [entry.title for entry in feed.entries]
    assert "The official list's entry now names Beta Holdings (20 November 2020)" in titles
    renamed = next(entry for entry in feed.entries if "Beta Holdings" in entry.title)
    assert renamed.updated == "2020-11-20T00:00:00+00:00"
    assert renamed.published == "2020-11-20T00:00:00+00:00"
    assert renamed.id == f"http://testserver/changes/#renamed-{C6[:12]}-beta"
    updated = [entry.updated_parsed for entry in feed.entries]
    assert updated == sorted(updated, reverse=True)


def test_the_feeds_ids_stay_the_same_when_the_history_is_loaded_again(client, loaded, tmp_path):
    first = [entry.id for entry in feedparser.parse(client.get(FEED).content).entries]
    load_history_file(write(tmp_path, history(*ROWS), "official-history.csv"))
    assert [entry.id for entry in feedparser.parse(client.get(FEED).content).entries] == first


def test_the_french_feed_is_in_french(client, loaded):
    feed = feedparser.parse(client.get("/fr" + FEED).content)
    assert not feed.bozo
    titles = [entry.title for entry in feed.entries]
    assert "Gamma a quitté la liste officielle des soutiens (1er mai 2020)" in titles


def test_a_supporter_page_shows_its_history_and_alliances(client, loaded):
    text = " ".join(client.get(reverse("signatories:detail", args=["gamma"])).text.split())
    assert "On the official list" in text
    assert '<time datetime="2020-05-01">1 May 2020</time> – Delisted' in text
    abb = " ".join(client.get(reverse("signatories:detail", args=["abb"])).text.split())
    assert "Charter of Trust" in abb
    french = " ".join(client.get("/fr" + reverse("signatories:detail", args=["abb"])).text.split())
    assert "Sur la liste officielle" in french


def test_a_supporter_that_left_before_the_snapshot_has_a_page_saying_so(client, loaded):
    text = " ".join(client.get(reverse("signatories:detail", args=["old-org"])).text.split())
    assert "A former supporter." in text
    assert "1 March 2020" in text


def test_the_changes_filter_by_country_too(client, loaded):
    changes, _text = _changes(client, {"country": "ke"})
    assert {change.signatory.name for change in changes} == {"Gamma"}
    assert [change.kind for change in changes] == ["returned", "left", "joined"]
    feed = feedparser.parse(client.get(FEED, {"country": "KE"}).content)
    assert len(feed.entries) == 3
    # The form's empty box asks for no country.
    assert client.get(CHANGES, {"country": "", "kind": "left"}).status_code == 200
    bad = client.get(CHANGES, {"country": "XX"})
    assert bad.status_code == 400
    assert "two-letter ISO 3166 code" in bad.text


def test_the_french_supporter_page_cites_the_commits_in_french(client, loaded):
    text = " ".join(client.get("/fr" + reverse("signatories:detail", args=["gamma"])).text.split())
    assert "du dépôt de la liste officielle" in text
    assert "Appel de Paris pour la confiance et la sécurité dans le cyberespace (le dépôt" in text
    assert "Le commit ajoute, retire ou modifie le fichier de cette entrée" in text
    assert "retiré de la liste" in text
    assert "of the official list's repository" not in text
    assert "The commit adds, removes or changes" not in text
    assert "(the official site" not in text
