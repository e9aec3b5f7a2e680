"""The embeddable counters and the about page."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import SignatoryFactory, StateFactory

pytestmark = pytest.mark.django_db

EMBED = reverse("embed-counters")


def _text(response) -> str:
    return " ".join(response.text.split())


@pytest.fixture
def supporters():
    for code in ("FR", "DE", "JP"):
        StateFactory(country=code)
    SignatoryFactory(type="private-sector", kind="company")
    SignatoryFactory.create_batch(2, type="civil-society")


def test_the_counters_show_each_type_and_the_total(client, supporters):
    response = client.get(EMBED)
    assert response.status_code == 200
    text = _text(response)
    assert '"counter__number">3</span> <span class="counter__label">States</span>' in text
    assert '"counter__number">0</span> <span class="counter__label">Public authorities' in text
    assert '"counter__number">1</span> <span class="counter__label">Company</span>' in text
    assert '"counter__number">2</span> <span class="counter__label">NGOs and civil' in text
    assert "6 supporters in all" in text
    assert 'href="/signatories/?type=state"' in text


def test_the_counters_can_show_one_type_alone(client, supporters):
    text = _text(client.get(EMBED, {"type": "private-sector"}))
    assert "Company" in text
    assert "States" not in text
    assert "in all" not in text


def test_the_counters_come_light_or_dark(client, supporters):
    assert 'class="theme-light"' in client.get(EMBED).text
    assert 'class="theme-dark"' in client.get(EMBED, {"theme": "dark"}).text
    assert 'class="theme-light"' in client.get(EMBED, {"theme": "light"}).text


@pytest.mark.parametrize(
    ("parameters", "valid"),
    [
        ({"theme": "purple"}, "Valid values: light, dark."),
        ({"type": "states"}, "Valid values: state, public-authority, private-sector"),
    ],
)
def test_a_bad_option_is_refused_saying_what_is_valid(client, parameters, valid):
    response = client.get(EMBED, parameters)
    assert response.status_code == 400
    assert valid in _text(response)
    assert "in all" not in response.text


def test_a_new_supporter_is_counted_at_once(client, supporters, django_capture_on_commit_callbacks):
    assert "6 supporters in all" in _text(client.get(EMBED))
    with django_capture_on_commit_callbacks(execute=True):
        StateFactory(country="IT")
    text = _text(client.get(EMBED))
    assert "7 supporters in all" in text
    assert '"counter__number">4</span> <span class="counter__label">States' in text


def test_the_counters_run_no_script_and_have_no_inline_style(client, supporters):
    text = client.get(EMBED).text
    assert "<script" not in text
    assert "style=" not in text
    assert "<style" not in text


def test_other_sites_may_frame_the_counters(client):
    response = client.get(EMBED)
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    assert "X-Frame-Options" not in response
    # The rest of the policy holds.
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]


@pytest.mark.parametrize("path", ["/", "/signatories/", "/principles/", "/embed/counters/x/"])
def test_every_other_page_still_forbids_framing(client, path):
    response = client.get(path)
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_the_about_page_gives_the_origin_the_licence_and_how_to_cite_a_snapshot(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        SignatoryFactory()
    response = client.get(reverse("about"))
    assert response.status_code == 200
    text = _text(response)
    assert 'href="https://pariscall.international/en/supporters"' in text
    assert "European Union Public Licence 1.2</a> (EUPL-1.2)" in text
    today = timezone.now().date()
    assert f"The data last changed on {today:%-d %B %Y}." in text
    assert f"snapshot of {today:%Y-%m-%d}. http://testserver/signatories.csv. EUPL-1.2." in text
    assert 'href="/datapackage.json"' in text


def test_the_about_page_gives_the_line_to_embed_the_counters(client):
    text = _text(client.get(reverse("about")))
    assert (
        '&lt;iframe src="http://testserver/embed/counters/" title="Supporters of the Paris Call"'
        in text
    )


def test_every_page_links_to_the_about_page_in_its_footer(client):
    for path in ("/", "/signatories/", "/principles/"):
        assert 'href="/about/">About the data' in client.get(path).text


def test_the_counters_come_from_the_cache_once_counted(
    client, supporters, django_assert_num_queries
):
    client.get(EMBED)
    with django_assert_num_queries(1):  # the directory's revision; the counts are in memory
        assert "6 supporters in all" in _text(client.get(EMBED))


def test_search_engines_find_the_about_page_in_the_sitemap(client):
    assert "/about/</loc>" in client.get("/sitemap-pages.xml").text


def test_a_bad_counters_option_is_explained_in_french_on_the_french_address(client):
    response = client.get("/fr/embed/counters/", {"theme": "purple"})
    assert response.status_code == 400
    expected = "«\u202fpurple\u202f» n’est pas une valeur admise pour le critère «\u202fthème"
    assert expected in response.text
