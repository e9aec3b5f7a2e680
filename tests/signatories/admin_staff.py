"""What the admin tests of the staff's everyday work share: a supporter's change form, a
citation for it, and the names a change list shows (the `editor` fixture is in conftest)."""

import re

from signatories.models import Source


def signatory_form(**overrides) -> dict:
    data = {
        "name": "Cyber Peace Institute",
        "slug": "cyber-peace-institute",
        "type": "civil-society",
        "country": "CH",
        "region": "",
        "kind": "foundation",
        "aliases": "",
        "supporter_since": "",
        "supporter_since_precision": "day",
        "website": "",
        "twitter": "",
        "linkedin": "",
        "statement": "",
        "status": "current",
        "left_on": "",
        "left_source": "",
        "review_flag": "",
        "review_note": "",
        "citations-TOTAL_FORMS": "0",
        "citations-INITIAL_FORMS": "0",
        "citations-MIN_NUM_FORMS": "0",
        "citations-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def citation_of(source: Source) -> dict:
    return {
        "citations-TOTAL_FORMS": "1",
        "citations-0-source": str(source.pk),
        "citations-0-passage": "It joined the Call.",
        "citations-0-basis": "stated",
        "citations-0-reasoning": "",
    }


def listed_names(response) -> list[str]:
    return re.findall(r'<th class="field-name"><a href="[^"]+">([^<]+)</a>', response.text)
