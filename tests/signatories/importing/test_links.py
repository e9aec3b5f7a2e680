"""Websites, Twitter handles and LinkedIn pages: kept when valid, dropped with a warning."""

import pytest

from signatories.models import Signatory
from tests.signatories.importing.helpers import import_, official, run

pytestmark = pytest.mark.django_db


def test_malformed_links_are_dropped_with_a_warning_naming_the_field_and_line(tmp_path):
    out = run(
        tmp_path,
        official(
            "Good,civil-society,FRA,ONG,https://good.example,@good_org,"
            "https://www.linkedin.com/company/good/,,,",
            "Zambian Ministry,public-authority,ZMB,,https://https:www.mod.org.zm,"
            "We do not have a Twitter account yet.,https://www.linkedin.com/feed/,,,",
        ),
    )
    good = Signatory.objects.get(name="Good")
    assert (good.website, good.twitter, good.linkedin) == (
        "https://good.example",
        "good_org",
        "https://www.linkedin.com/company/good/",
    )
    bad = Signatory.objects.get(name="Zambian Ministry")
    assert (bad.website, bad.twitter, bad.linkedin) == ("", "", "")
    assert "warned: 1" in out
    assert "line 3: Zambian Ministry: website: 'https://https:www.mod.org.zm'" in out
    assert "line 3: Zambian Ministry: twitter: 'We do not have a Twitter account yet.'" in out
    assert "line 3: Zambian Ministry: linkedin: 'https://www.linkedin.com/feed/'" in out


@pytest.mark.parametrize(
    ("value", "handle"),
    [
        ("@acme", "acme"),
        ("acme_2", "acme_2"),
        ("https://twitter.com/acme?lang=en", "acme"),
        ("https://x.com/acme", "acme"),
        ("n/a", ""),
        ("0", ""),
        ("@NEC_jp_pr, @NEC_corp", ""),
        ("#hiddenclouders", ""),
        ("https://twitter.com/intent/follow", ""),
    ],
)
def test_twitter_handles_are_read_from_handles_and_addresses(tmp_path, value, handle):
    import_(tmp_path, official(f'Acme,private-sector,FRA,,,"{value}",,,,'))
    assert Signatory.objects.get().twitter == handle


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ("https://www.linkedin.com/company/acme", True),
        ("https://fr.linkedin.com/school/acme/", True),
        ("https://www.linkedin.com/in/someone", True),
        ("https://www.linkedin.com/showcase/acme-labs/", True),
        ("https://www.linkedin.com/feed/update/urn:li:activity:1/", False),
        ("https://www.linkedin.com/groups/13601140/", False),
        ("https://linkedin.com/acme", False),
        ("https://www.linkedin.com.evil.example/company/acme", False),
        ("ftp://www.linkedin.com/company/acme", False),
        ("https://www.acme.example", False),
    ],
)
def test_linkedin_must_be_a_company_school_profile_or_showcase_page(tmp_path, value, kept):
    import_(tmp_path, official(f"Acme,private-sector,FRA,,,,{value},,,"))
    assert Signatory.objects.get().linkedin == (value if kept else "")
