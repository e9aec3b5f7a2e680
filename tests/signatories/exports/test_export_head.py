"""HEAD on an export gives the headers GET gives: a length only when GET gives the same one."""

import pytest
from django.urls import reverse

from tests.factories import SignatoryFactory

pytestmark = pytest.mark.django_db

HEADERS = ("Content-Type", "Content-Disposition", "Content-Length")


def _headers(response) -> dict:
    return {name: response.get(name) for name in HEADERS}


@pytest.mark.parametrize("name", ["signatories:csv", "signatories:json"])
@pytest.mark.parametrize("query", [{}, {"type": "civil-society"}], ids=["full", "filtered"])
def test_head_on_an_export_gives_the_headers_of_the_get(client, name, query):
    SignatoryFactory.create_batch(3, type="civil-society")
    url = reverse(name)
    before = client.head(url, query)
    get = client.get(url, query)
    b"".join(get.streaming_content)
    after = client.head(url, query)
    assert before.status_code == get.status_code == after.status_code == 200
    assert before.get("Content-Length") in (None, get.get("Content-Length"))
    assert _headers(after) == _headers(get)
    assert b"".join(after.streaming_content) == b""
