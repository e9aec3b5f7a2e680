"""Site-wide pages: home, sitemap, robots.txt, error pages, and the headers on every page."""

import datetime

import pytest
from django.urls import reverse

from signatories.models import Milestone
from tests.factories import (
    MilestoneCountFactory,
    MilestoneFactory,
    SignatoryFactory,
    SourceFactory,
    StateFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def growth():
    first = SourceFactory(title="First article", publisher="World Economic Forum")
    early = MilestoneFactory(
        label="Early 2019", date=datetime.date(2019, 1, 1), source=first, date_precision="month"
    )
    MilestoneCountFactory(milestone=early, type="state", count=64)
    MilestoneCountFactory(milestone=early, type="private-sector", count=300, is_lower_bound=True)
    official = SourceFactory(title="Official list", kind="official-list")
    latest = MilestoneFactory(
        label="Official list",
        date=datetime.date(2025, 12, 25),
        source=official,
        date_precision="day",
    )
    MilestoneCountFactory(milestone=latest, type="state", count=81)
    MilestoneCountFactory(milestone=latest, type="private-sector", count=708)
    for code in ("FR", "DE", "JP"):
        StateFactory(country=code)
    SignatoryFactory(type="private-sector")


def test_home_compares_what_is_recorded_with_the_latest_reported_count(client, growth):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    text = " ".join(response.text.split())
    assert (
        '3</span> <span class="headline__of"> of 81 </span> <span class="headline__label">State'
        in text
    )
    assert "reported 25 December 2025" in text
    assert "The directory records 4 supporters so far" in text
    assert 'href="/signatories/?type=state"' in text


def test_home_compares_the_recorded_total_with_the_latest_reported_total(client, growth):
    latest = Milestone.objects.get(label="Official list")
    latest.total = 1222
    latest.save()
    text = " ".join(client.get(reverse("home")).text.split())
    assert "The directory records 4 of the 1,222 supporters reported on 25 December 2025" in text
    french = client.get("/fr/").text  # not split: the thousands separator is a space too
    assert "recense 4 soutiens sur les 1\u202f222 dénombrés le 25 décembre 2025\u202f;" in french


def test_home_counts_only_the_current_supporters(client, growth):
    SignatoryFactory(type="private-sector", status="former", left_on=datetime.date(2025, 12, 25))
    text = " ".join(client.get(reverse("home")).text.split())
    assert "The directory records 4 supporters so far" in text


def test_home_draws_the_growth_as_charts_with_a_title_and_a_table_of_the_numbers(client, growth):
    text = " ".join(client.get(reverse("home")).text.split())
    # States and companies: the types the sources counted.
    assert text.count('<figure class="chart">') == 2
    assert '<title id="chart-state-title">States</title>' in text
    assert "64 in January 2019; 81 in 25 December 2025." in text
    assert "more than 300" in text
    assert "dot dot--bound" in text
    caption = "Supporters reported over time, by type"
    assert f'<caption id="milestones-caption">{caption}</caption>' in text
    assert "First article" in text


def test_home_works_before_anything_is_loaded(client):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert "The directory records 0 supporters so far" in response.text


def test_sitemap_lists_every_page_and_supporter_in_both_languages(client, growth):
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    assert "sitemap-signatories.xml" in index.text
    supporters = client.get("/sitemap-signatories.xml")
    assert supporters.text.count("<url>") == 4 * 2
    pages = client.get("/sitemap-pages.xml").text
    assert "<loc>http://testserver/signatories/</loc>" in pages
    assert "<loc>http://testserver/fr/signatories/</loc>" in pages


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in response.text
    assert "Sitemap: http://testserver/sitemap.xml" in response.text


def test_an_unknown_address_is_our_404_page(client):
    response = client.get("/nowhere/")
    assert response.status_code == 404
    assert "Page not found" in response.text
    assert 'href="/signatories/"' in response.text


def test_a_request_for_an_unknown_host_is_our_400_page(client):
    response = client.get("/", headers={"host": "attacker.example"})
    assert response.status_code == 400
    assert "Bad request" in response.text


@pytest.mark.parametrize(
    "path", ["/", "/signatories/", "/principles/", "/signatories/?type=nope", "/nowhere/"]
)
def test_every_page_carries_the_security_headers_and_a_strict_policy(client, path):
    response = client.get(path)
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    # Inline code would need 'unsafe-inline'; a JSON-LD data block is never run.
    assert "<script" not in response.text.replace('<script type="application/ld+json">', "")
    assert " style=" not in response.text
    assert "<style" not in response.text


def test_every_page_has_a_title_and_a_description(client, growth):
    signatory = SignatoryFactory()
    for path in ("/", "/signatories/", "/principles/", signatory.get_absolute_url()):
        text = client.get(path).text
        assert '<meta name="description"' in text
        assert "<title>" in text
