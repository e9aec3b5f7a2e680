"""No query string a client can send gives a 5xx: only 200, 400 or 404."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import SignatoryFactory, StateFactory

pytestmark = pytest.mark.django_db

URLS = [reverse("signatories:list"), reverse("signatories:json"), reverse("signatories:csv")]
KEYS = ["q", "type", "region", "country", "since", "sort", "page", "unknown", "q[]", ""]

text = st.text(st.characters(codec="utf-8"), max_size=300)
values = st.one_of(
    text,
    st.sampled_from(["state", "europe", "FR", "fr", "2019", "-since", "1", "0", "-1", "99999"]),
    st.text("0123456789-.e ", max_size=30),
    st.just("\x00"),
    st.just("x" * 5000),
    st.just("' OR 1=1 --"),
    st.just("<script>alert(1)</script>"),
)
pairs = st.lists(st.tuples(st.one_of(st.sampled_from(KEYS), text), values), max_size=8)


@pytest.fixture
def supporters():
    StateFactory(country="FR")
    SignatoryFactory.create_batch(3)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(url=st.sampled_from(URLS), parameters=pairs)
def test_any_query_string_gets_200_400_or_404(client, supporters, url, parameters):
    response = client.get(url, [(key, value) for key, value in parameters])
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)
    assert response.status_code in (200, 400, 404), (parameters, response.status_code)


@pytest.mark.parametrize("url", URLS)
def test_raw_bytes_that_are_not_utf8_are_refused_cleanly(client, url):
    response = client.get(url + "?q=%ff%fe&type=%c3")
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)
    assert response.status_code in (200, 400)
