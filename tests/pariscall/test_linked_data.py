"""schema.org JSON-LD in the pages: valid JSON, the right types, and safe with any name."""

import json
import re

import pytest
from django.urls import reverse

from tests.factories import SignatoryFactory, StateFactory

pytestmark = pytest.mark.django_db

HOSTILE = "</script><script>alert(1)</script>"
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def _linked_data(response) -> list[dict]:
    return [json.loads(block) for block in JSON_LD.findall(response.text)]


def test_a_supporters_page_describes_it_as_an_organisation_with_its_profiles(client):
    supporter = SignatoryFactory(
        name="Cyber Peace Institute",
        slug="cyber-peace-institute",
        type="civil-society",
        country="CH",
        website="https://cyberpeaceinstitute.org",
        linkedin="https://www.linkedin.com/company/cyberpeaceinstitute",
        twitter="CyberpeaceInst",
    )
    [data] = _linked_data(client.get(supporter.get_absolute_url()))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NGO"
    assert data["name"] == "Cyber Peace Institute"
    assert data["url"] == "http://testserver/signatories/cyber-peace-institute/"
    assert data["sameAs"] == [
        "https://cyberpeaceinstitute.org",
        "https://www.linkedin.com/company/cyberpeaceinstitute",
        "https://twitter.com/CyberpeaceInst",
    ]
    assert data["address"]["addressCountry"] == "CH"


def test_a_state_is_its_government_serving_the_country(client):
    state = StateFactory(country="JP")
    [data] = _linked_data(client.get(state.get_absolute_url()))
    assert data["@type"] == "GovernmentOrganization"
    assert data["areaServed"] == {"@type": "Country", "name": "Japan", "identifier": "JP"}
    assert "sameAs" not in data


def test_a_name_that_closes_the_script_stays_inside_the_json(client):
    supporter = SignatoryFactory(name=HOSTILE, slug="hostile", statement="a & b <i>")
    text = client.get(supporter.get_absolute_url()).text
    assert HOSTILE not in text
    assert "<script>" not in text
    [data] = _linked_data(client.get(supporter.get_absolute_url()))
    assert data["name"] == HOSTILE
    assert data["description"] == "a & b <i>"


def test_the_home_page_describes_the_data_set_and_its_downloads(client):
    SignatoryFactory()
    [data] = _linked_data(client.get(reverse("home")))
    assert data["@type"] == "Dataset"
    assert data["license"] == "https://joinup.ec.europa.eu/page/eupl-text-11-12"
    downloads = {item["encodingFormat"]: item["contentUrl"] for item in data["distribution"]}
    assert downloads == {
        "text/csv": "http://testserver/signatories.csv",
        "application/json": "http://testserver/signatories.json",
        "application/vnd.datapackage+json": "http://testserver/datapackage.json",
    }
    assert data["isBasedOn"] == "https://pariscall.international/en/supporters"
    assert data["creator"]["url"] == "http://testserver/about/"
    assert len(data["description"]) > 50
