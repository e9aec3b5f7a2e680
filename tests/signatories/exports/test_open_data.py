"""The public data readable from other sites (CORS) and re-checked cheaply (ETag, 304)."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import CitationFactory, SignatoryFactory, StateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def supporter():
    StateFactory(country="FR", supporter_since=datetime.date(2018, 11, 12))
    return SignatoryFactory(name="Access Now", slug="access-now", kind="NGO")


# Read only the supporters and their history: tagged with the directory's revision.
BY_REVISION = ["/signatories.csv", "/signatories.json", "/signatories.xlsx", "/changes.atom"]
# Also read citations and sources: tagged with a hash of their text.
BY_TEXT = ["/signatories/access-now.json", "/datapackage.json"]
DATA = BY_REVISION + BY_TEXT


def _read(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("language", ["", "/fr"])
@pytest.mark.parametrize("path", DATA)
def test_the_public_data_may_be_read_by_scripts_on_any_site(client, supporter, path, language):
    response = client.get(language + path)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(
    "path",
    [
        reverse("home"),
        reverse("signatories:list"),
        "/signatories/access-now/",
        "/fr/signatories/access-now/",
        reverse("signatories:changes"),
        reverse("signatories:countries"),
        "/admin/login/",
        "/no-such-page/",
    ],
)
def test_pages_and_the_admin_are_not_opened_to_other_sites(client, supporter, path):
    response = client.get(path)
    assert "Access-Control-Allow-Origin" not in response


@pytest.mark.parametrize("path", DATA)
def test_a_conditional_get_with_the_tag_is_answered_304(client, supporter, path):
    first = client.get(path)
    _read(first)
    etag = first["ETag"]
    response = client.get(path, headers={"if-none-match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("path", BY_REVISION)
def test_a_conditional_get_since_the_last_change_is_answered_304(client, supporter, path):
    first = client.get(path)
    _read(first)
    modified = first["Last-Modified"]
    response = client.get(path, headers={"if-modified-since": modified})
    assert response.status_code == 304
    assert response["Last-Modified"] == modified


@pytest.mark.parametrize("path", BY_REVISION)
def test_a_304_reads_no_supporter(client, supporter, path, django_assert_max_num_queries):
    first = client.get(path)
    _read(first)
    with django_assert_max_num_queries(2) as queries:
        response = client.get(path, headers={"if-none-match": first["ETag"]})
    assert response.status_code == 304
    assert all("signatories_signatory" not in query["sql"] for query in queries)


@pytest.mark.parametrize("path", BY_REVISION)
def test_a_write_gives_a_new_tag_and_the_new_data(client, supporter, path):
    first = client.get(path)
    _read(first)
    supporter.name = "Access Now (renamed)"
    supporter.save()
    response = client.get(path, headers={"if-none-match": first["ETag"]})
    assert response.status_code == 200
    assert response["ETag"] != first["ETag"]


def test_a_new_citation_gives_a_supporters_json_a_new_tag(client, supporter):
    path = "/signatories/access-now.json"
    etag = client.get(path)["ETag"]
    CitationFactory(signatory=supporter, passage="Access Now supports the Call.")
    response = client.get(path, headers={"if-none-match": etag})
    assert response.status_code == 200
    assert "Access Now supports the Call." in response.text


@pytest.mark.parametrize("path", DATA)
def test_head_carries_the_same_headers_as_get(client, supporter, path):
    get = client.get(path)
    _read(get)
    head = client.head(path)
    assert head.status_code == 200
    for header in ("ETag", "Last-Modified", "Access-Control-Allow-Origin", "Content-Type"):
        assert head.get(header) == get.get(header), header


@pytest.mark.parametrize("path", ["/signatories.csv", "/signatories.xlsx", "/changes.atom"])
def test_an_error_carries_no_validator_but_stays_readable(client, supporter, path):
    response = client.get(path, {"type": "nope"})
    assert response.status_code == 400
    assert "ETag" not in response
    assert "Last-Modified" not in response
    # A script on another site can read what was wrong.
    assert response["Access-Control-Allow-Origin"] == "*"
